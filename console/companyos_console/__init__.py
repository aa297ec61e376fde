"""The CompanyOS web console: server-rendered pages over the public Python SDK (``companyos``).

Mount it beside the API (``companyos_server.app`` does when this package is installed) or run it on its
own; either way it reaches the platform only through ``companyos.AsyncClient``.
"""

from companyos_console.app import create_console
from companyos_console.config import ConsoleConfig

__all__ = ["ConsoleConfig", "create_console"]
