"""IntelGraph and Data Spine access for the services and deployments domains.

Both cores are reached through the process's runtime (``get_runtime()``), which the server, the CLI and
the seed set; calls run in the caller's session, so graph writes commit or roll back with the domain's.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

log = logging.getLogger("companyos.services.intel")


def graph() -> Any:
    """The process's IntelGraph. Without a runtime this raises: a silent skip would lose graph data."""
    from companyos_server.platform.runtime import get_runtime

    return get_runtime().graph


def evidence() -> Any:
    from companyos_server.platform.runtime import get_runtime

    return get_runtime().evidence


def upsert(
    session: Session,
    tenant_id: str,
    *,
    kind: str,
    entity_id: str,
    name: str,
    attributes: dict[str, Any],
    text: str,
    actor: str | None,
) -> str:
    ref = f"{kind}:{entity_id}"
    g = graph()
    if g is not None:
        ref = g.upsert_entity(
            session,
            tenant_id=tenant_id,
            kind=kind,
            entity_id=entity_id,
            name=name,
            attributes=attributes,
            text=text,
            actor=actor,
        )
    return ref


def link(session: Session, tenant_id: str, src: str, relation: str, dst: str, actor: str | None) -> None:
    g = graph()
    if g is not None:
        g.link(session, tenant_id=tenant_id, src=src, relation=relation, dst=dst, actor=actor)


def unlink(session: Session, tenant_id: str, src: str, relation: str, dst: str, actor: str | None) -> None:
    g = graph()
    if g is not None:
        g.unlink(session, tenant_id=tenant_id, src=src, relation=relation, dst=dst, actor=actor)


def remove(session: Session, tenant_id: str, ref: str, actor: str | None) -> None:
    g = graph()
    if g is not None:
        g.remove_entity(session, tenant_id=tenant_id, ref=ref, actor=actor)


def record_change(
    session: Session,
    tenant_id: str,
    ref: str,
    *,
    actor: str,
    action: str,
    summary: str,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Record a change on ``ref`` (at ``at``, for history recorded after the fact; else now)."""
    g = graph()
    if g is not None:
        g.record_change(
            session,
            tenant_id=tenant_id,
            ref=ref,
            actor=actor,
            action=action,
            summary=summary,
            details=details,
            **({"at": at} if at is not None else {}),
        )
