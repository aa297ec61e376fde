"""The ``companyos`` command-line interface (typer + rich), built on the SDK's public API.

One typer app with a sub-app per domain, each in its own module: ``identity`` (login, logout, whoami),
``tenants``, ``audit``, ``jobs``, ``queue`` and ``permissions``. Install with ``pip install 'companyos[cli]'``.
"""

from ._app import app, main
from ._context import CliOverrides

__all__ = ["CliOverrides", "app", "main"]
