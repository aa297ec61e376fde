"""Domain pillars: one module per domain adds its pages and its entry in the section navigation.

A module here declares ``PILLAR`` (its key, label, path under ``/t/{tenant}`` and order) and
``routes(console, bind) -> list[Route]``; its templates live in ``templates/<key>/``. Discovery, not a
hand list, so a domain's console pages land with the domain and never edit a shared file.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.routing import BaseRoute

    from companyos_console.context import Console


@dataclass(frozen=True)
class Pillar:
    key: str  # the `section` its pages render with (marks the nav entry current)
    label: str
    path: str  # under /t/{tenant}, e.g. "/security"
    order: int = 100  # after the core sections (Overview … Tenant)


@dataclass(frozen=True)
class _Module:
    pillar: Pillar
    routes: Callable[[Console, Any], list[BaseRoute]]


def _discover() -> list[_Module]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.append(_Module(module.PILLAR, module.routes))
    return sorted(found, key=lambda m: (m.pillar.order, m.pillar.label))


_MODULES = _discover()
PILLARS: tuple[Pillar, ...] = tuple(m.pillar for m in _MODULES)


def routes(console: Console, bind: Any) -> list[BaseRoute]:
    """Every pillar's routes (each module writes full paths, ``/t/{tenant}/…``)."""
    return [route for module in _MODULES for route in module.routes(console, bind)]
