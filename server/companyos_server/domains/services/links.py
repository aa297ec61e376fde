"""Observability links: the tenant configuration's URL templates filled in for one service.

Templates (``observability.grafana|prometheus|loki`` in the tenant configuration) may use
``{service}``, ``{tenant}``, ``{environment}``, ``{from}`` and ``{to}``; times are Unix epoch
milliseconds (what Grafana expects; Prometheus and Loki accept them as well). Values are
percent-encoded, so a template is filled in without breaking its URL.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.services import store
from companyos_server.domains.tenant_config import store as config_store
from companyos_server.platform.storage import utcnow

KINDS = {"grafana": "Grafana dashboard", "prometheus": "Prometheus queries", "loki": "Loki logs"}
PLACEHOLDER = re.compile(r"\{(service|tenant|environment|from|to)\}")
DEFAULT_RANGE = timedelta(hours=1)


def epoch_ms(value: datetime) -> str:
    return str(int(value.timestamp() * 1000))


def fill(template: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: quote(values[m.group(1)], safe=""), template)


def templates(session: Session, tenant_id: str) -> dict[str, str]:
    config = config_store.latest(session, tenant_id)
    section = (config.document or {}).get("observability") if config else None
    if not isinstance(section, dict):
        return {}
    return {k: v for k, v in section.items() if k in KINDS and isinstance(v, str) and v}


def time_range(start: datetime | None, end: datetime | None) -> tuple[datetime, datetime]:
    end = end or (start + DEFAULT_RANGE if start else utcnow())
    start = start or end - DEFAULT_RANGE
    if start > end:
        raise errors.invalid_argument(
            "from must not be after to.", [errors.FieldError("from", "must not be after to")]
        )
    return start, end


def service_links(
    session: Session,
    tenant_id: str,
    service_id: str,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    environment: str | None = None,
) -> dict[str, Any]:
    row = store.get(session, tenant_id, service_id)
    if row is None:
        raise errors.not_found("Service", service_id)
    start, end = time_range(start, end)
    env = environment or (
        "production" if "production" in (row.environments or []) else (row.environments or ["production"])[0]
    )
    values = {
        "service": row.name,
        "tenant": tenant_id,
        "environment": env,
        "from": epoch_ms(start),
        "to": epoch_ms(end),
    }
    configured = templates(session, tenant_id)
    links = [
        {"kind": kind, "title": f"{KINDS[kind]} for {row.name}", "url": fill(configured[kind], values)}
        for kind in KINDS
        if kind in configured
    ]
    links += [{"kind": "runbook", "title": r["title"], "url": r["url"]} for r in row.runbooks or []]
    return {"service_id": row.id, "from": start, "to": end, "configured": bool(configured), "links": links}


def link_provider(tenant_id: str, entity: dict[str, Any]) -> list[dict[str, str]]:
    """For the inspect registry: a service's observability and runbook links over the last hour."""
    from companyos_server.platform.runtime import get_runtime

    with get_runtime().db.session() as session:
        found = service_links(session, tenant_id, str(entity["id"]))
    return [{"name": link["title"], "url": link["url"], "kind": link["kind"]} for link in found["links"]]
