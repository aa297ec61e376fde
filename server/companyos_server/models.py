"""Imports every module that declares tables, so ``Base.metadata`` is complete for Alembic.

Discovery, not a hand list: any ``models.py`` or ``store.py`` under the package is imported, so a
new domain's tables can never be missing from migrations.
"""

from __future__ import annotations

import importlib
import pkgutil

import companyos_server
from companyos_server.platform.storage import Base

TABLE_MODULE_NAMES = {"models", "store"}


def _import_table_modules() -> list[str]:
    found = []
    prefix = companyos_server.__name__ + "."
    for info in pkgutil.walk_packages(companyos_server.__path__, prefix):
        if info.name.rsplit(".", 1)[-1] in TABLE_MODULE_NAMES and info.name != __name__:
            importlib.import_module(info.name)
            found.append(info.name)
    return sorted(found)


TABLE_MODULES = _import_table_modules()
metadata = Base.metadata
