"""The ``companyos`` command-line interface (typer + rich), built on the SDK's public API.

One typer app with a sub-app per domain, each in its own module: ``identity`` (login, logout, whoami),
``tenants``, ``audit``, ``jobs``, ``queue`` and ``permissions``. Install with ``pip install 'companyos[cli]'``.

This module imports nothing of the CLI's own dependencies: on the base install (no ``cli`` extra) the
``companyos`` command says how to get them instead of failing with a traceback.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._app import app
    from ._context import CliOverrides

__all__ = ["CliOverrides", "app", "main"]

CLI_EXTRA_MODULES = ("typer", "click", "rich", "yaml")
INSTALL_HINT = (
    "error: the companyos command needs the CLI extra: install companyos[cli] (pip install 'companyos[cli]')"
)


def _missing_extra(exc: ImportError) -> bool:
    return (exc.name or "").split(".")[0] in CLI_EXTRA_MODULES


def main() -> None:
    """Console-script entry point (``companyos = "companyos.cli:main"``)."""
    try:
        from ._app import main as run
    except ImportError as exc:
        if not _missing_extra(exc):
            raise
        print(INSTALL_HINT, file=sys.stderr)
        raise SystemExit(1) from None
    run()


def __getattr__(name: str) -> Any:
    if name == "app":
        from ._app import app

        return app
    if name == "CliOverrides":
        from ._context import CliOverrides

        return CliOverrides
    raise AttributeError(f"module 'companyos.cli' has no attribute {name!r}")
