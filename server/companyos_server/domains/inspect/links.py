"""Observability links for inspected entities: a small registry other domains fill.

    from companyos_server.domains.inspect.links import register_link_provider

    def service_links(tenant_id: str, entity: dict) -> list[dict[str, str]]:
        return [{"name": "Grafana", "url": f"https://grafana.example/d/svc?var-service={entity['name']}"}]

    register_link_provider("service", service_links)

``entity`` is the IntelGraph entity dict (ref, kind, id, name, attributes). A provider that raises
is logged and skipped: one broken template never breaks inspect.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

LinkProvider = Callable[[str, dict[str, Any]], list[dict[str, str]]]
_providers: dict[str, list[LinkProvider]] = {}
log = logging.getLogger(__name__)


def register_link_provider(kind: str, provider: LinkProvider) -> None:
    """Add ``provider`` for ``kind`` (idempotent for the same function)."""
    providers = _providers.setdefault(kind, [])
    if provider not in providers:
        providers.append(provider)


def unregister_link_provider(kind: str, provider: LinkProvider) -> None:
    if provider in _providers.get(kind, []):
        _providers[kind].remove(provider)


def links_for(tenant_id: str, entity: dict[str, Any]) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for provider in list(_providers.get(entity["kind"], [])):
        try:
            for link in provider(tenant_id, entity) or []:
                if isinstance(link, dict) and link.get("name") and link.get("url"):
                    found.append({"name": str(link["name"]), "url": str(link["url"])})
        except Exception:
            log.exception("link provider %r failed for %s", provider, entity.get("ref"))
    return found
