"""The feature registry: owners, objectives, KPIs, links, evidence, and evidence-gated states.

States run idea → experiment → beta → ga → sunset (sunset is reachable from every state). Each target
state names the evidence it needs (:data:`REQUIRED_EVIDENCE`); a transition lacking any is refused with
the missing kinds listed. Every change is recorded in IntelGraph (``feature:<key>`` linked to the tenant,
its flags ``gates`` edges), and each transition keeps who, when, the note and the evidence it relied on.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from companyos.flags import evaluator
from companyos_server import errors
from companyos_server.domains.features import store
from companyos_server.domains.features.store import FeatureRow, FeatureTransitionRow
from companyos_server.domains.tenant_config import flags as tenant_flags
from companyos_server.domains.tenant_config import store as flag_store
from companyos_server.errors import FieldError
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

STATES = ("idea", "experiment", "beta", "ga", "sunset")
EVIDENCE_KINDS = ("design", "kpi_results", "risk_controls", "slo_health", "security_signoff", "sunset_plan")
REQUIRED_EVIDENCE: dict[str, tuple[str, ...]] = {
    "experiment": ("design",),
    "beta": ("design", "kpi_results", "risk_controls"),
    "ga": ("kpi_results", "risk_controls", "slo_health", "security_signoff"),
    "sunset": ("sunset_plan",),
}
NEXT = {"idea": "experiment", "experiment": "beta", "beta": "ga", "ga": "sunset"}
TEMPORARY_MAX_AGE = timedelta(days=30)
TEMPORARY_UNCHANGED = timedelta(days=7)
FULLY_ROLLED_OUT = timedelta(days=14)
KIND = "feature"


def _graph() -> Any:
    from companyos_server.platform.runtime import get_runtime

    return get_runtime().graph


def to_dict(row: FeatureRow) -> dict[str, Any]:
    nxt = NEXT.get(row.state)
    have = {e["kind"] for e in row.evidence or []}
    return {
        "id": row.id,
        "key": row.key,
        "tenant_id": row.tenant_id,
        "name": row.name,
        "owner": row.owner,
        "problem": row.problem,
        "hypothesis": row.hypothesis,
        "state": row.state,
        "objectives": list(row.objectives or []),
        "kpis": list(row.kpis or []),
        "personas": list(row.personas or []),
        "tenants": list(row.tenants or []),
        "links": list(row.links or []),
        "evidence": list(row.evidence or []),
        "next_state": nxt,
        "missing_for_next": [k for k in REQUIRED_EVIDENCE.get(nxt, ()) if k not in have] if nxt else [],
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _summary(row: FeatureRow) -> dict[str, Any]:
    return {
        "state": row.state,
        "owner": row.owner,
        "links": len(row.links or []),
        "evidence": sorted({e["kind"] for e in row.evidence or []}),
    }


def _record(
    session: Session, ctx: TenantContext, row: FeatureRow, action: str, summary: str, before: Any
) -> None:
    graph = _graph()
    ref = graph.record_tenant_change(
        session,
        tenant_id=row.tenant_id,
        kind=KIND,
        entity_id=row.key,
        name=row.name,
        actor=ctx.principal.subject,
        action=action,
        summary=summary,
        before=before,
        after=_summary(row),
        attributes={"state": row.state, "owner": row.owner},
        text=f"{row.problem} {row.hypothesis}".strip(),
    )
    for link in row.links or []:
        if link.get("kind") == "flag":
            graph.link(
                session,
                tenant_id=row.tenant_id,
                src=ref,
                relation="gated_by",
                dst=f"flag:{link['ref']}",
                actor=ctx.principal.subject,
                record=False,
            )


def _require(session: Session, tenant_id: str, feature_id: str) -> FeatureRow:
    row = store.get_feature(session, tenant_id, feature_id)
    if row is None:
        raise errors.not_found("Feature", feature_id)
    return row


def create_feature(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        if store.get_feature(session, ctx.tenant_id, body["key"]) is not None:
            raise errors.already_exists("Feature", body["key"])
        now = utcnow()
        row = FeatureRow(
            id=new_id("feat"),
            tenant_id=ctx.tenant_id,
            key=body["key"],
            name=body["name"],
            owner=body["owner"],
            problem=body.get("problem", ""),
            hypothesis=body.get("hypothesis", ""),
            state="idea",
            objectives=list(body.get("objectives", [])),
            kpis=list(body.get("kpis", [])),
            personas=list(body.get("personas", [])),
            tenants=list(body.get("tenants", [])),
            links=list(body.get("links", [])),
            evidence=[],
            created_at=now,
            updated_at=now,
        )
        store_add(session, row)
        _record(session, ctx, row, "feature.created", f"Feature '{row.key}' registered (idea)", None)
        return to_dict(row)


def store_add(session: Session, row: Any) -> None:
    session.add(row)
    session.flush()


def update_feature(db: Database, ctx: TenantContext, feature_id: str, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        row = _require(session, ctx.tenant_id, feature_id)
        before = _summary(row)
        for field in ("name", "owner", "problem", "hypothesis"):
            if field in body:
                setattr(row, field, body[field])
        for field in ("objectives", "kpis", "personas", "tenants", "links"):
            if field in body:
                setattr(row, field, list(body[field]))
        row.updated_at = utcnow()
        session.flush()
        _record(session, ctx, row, "feature.updated", f"Feature '{row.key}' updated", before)
        return to_dict(row)


def get_feature(db: Database, ctx: TenantContext, feature_id: str) -> dict[str, Any]:
    with db.session() as session:
        return to_dict(_require(session, ctx.tenant_id, feature_id))


def list_features(
    db: Database,
    ctx: TenantContext,
    *,
    page_size: int | None = None,
    page_token: str | None = None,
    state: str | None = None,
) -> Page[dict[str, Any]]:
    with db.session() as session:
        page = paginate(
            lambda after, limit: store.features_page(
                session, ctx.tenant_id, after=after, limit=limit, state=state
            ),
            key=lambda r: r.key,
            page_size=page_size,
            page_token=page_token,
            filters={"state": state},
        )
        return Page([to_dict(r) for r in page.items], page.next_page_token)


def add_evidence(db: Database, ctx: TenantContext, feature_id: str, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        row = _require(session, ctx.tenant_id, feature_id)
        before = _summary(row)
        item = {
            "id": new_id("evd"),
            "kind": body["kind"],
            "title": body["title"],
            "url": body.get("url"),
            "summary": body.get("summary", ""),
            "added_by": ctx.principal.subject,
            "added_at": utcnow().isoformat(),
        }
        row.evidence = [*(row.evidence or []), item]
        row.updated_at = utcnow()
        session.flush()
        _record(
            session,
            ctx,
            row,
            "feature.evidence_added",
            f"Evidence '{item['kind']}' added to '{row.key}'",
            before,
        )
        return to_dict(row)


def transition(db: Database, ctx: TenantContext, feature_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """Move to ``body['to']``; refused (409, the missing evidence as field errors) when evidence lacks."""
    target = body["to"]
    with db.session() as session:
        row = _require(session, ctx.tenant_id, feature_id)
        if target == row.state or (target != "sunset" and NEXT.get(row.state) != target):
            allowed = sorted({NEXT[row.state], "sunset"} - {row.state}) if row.state in NEXT else []
            raise errors.failed_precondition(
                f"Feature '{row.key}' is {row.state}: it can move to {', '.join(allowed) or 'no other state'}, "
                f"not {target}."
            )
        have = {e["kind"] for e in row.evidence or []}
        missing = [k for k in REQUIRED_EVIDENCE[target] if k not in have]
        if missing:
            err = errors.failed_precondition(
                f"Feature '{row.key}' cannot move to {target}: missing evidence {', '.join(missing)}."
            )
            err.errors = [
                FieldError(f"evidence.{k}", f"{k} is required for {target}", "missing_evidence")
                for k in missing
            ]
            err.extra = {"missing_evidence": missing}
            raise err
        before = _summary(row)
        used = [e for e in row.evidence or [] if e["kind"] in REQUIRED_EVIDENCE[target]]
        now = utcnow()
        session.add(
            FeatureTransitionRow(
                id=new_id("ftr"),
                tenant_id=row.tenant_id,
                feature_id=row.id,
                from_state=row.state,
                to_state=target,
                actor=ctx.principal.subject,
                note=body.get("note", ""),
                evidence=used,
                at=now,
            )
        )
        previous, row.state, row.updated_at = row.state, target, now
        session.flush()
        _record(
            session, ctx, row, "feature.transitioned", f"Feature '{row.key}' {previous} → {target}", before
        )
        return to_dict(row)


def transition_history(db: Database, ctx: TenantContext, feature_id: str) -> dict[str, Any]:
    with db.session() as session:
        row = _require(session, ctx.tenant_id, feature_id)
        items = [
            {
                "id": t.id,
                "from_state": t.from_state,
                "to_state": t.to_state,
                "actor": t.actor,
                "note": t.note,
                "evidence": list(t.evidence or []),
                "at": t.at,
            }
            for t in store.transitions(session, ctx.tenant_id, row.id)
        ]
        return {"items": items, "next_page_token": None}


def summary(db: Database, ctx: TenantContext) -> dict[str, Any]:
    """Features by state, with owners and what each needs next (the console's board)."""
    with db.session() as session:
        rows = store.all_features(session, ctx.tenant_id)
        counts = Counter(r.state for r in rows)
        return {
            "states": [
                {
                    "state": state,
                    "count": counts.get(state, 0),
                    "features": [
                        {
                            "key": r.key,
                            "name": r.name,
                            "owner": r.owner,
                            "missing_for_next": to_dict(r)["missing_for_next"],
                            "updated_at": r.updated_at,
                        }
                        for r in rows
                        if r.state == state
                    ],
                }
                for state in STATES
            ],
            "total": len(rows),
        }


def stale_flags(db: Database, ctx: TenantContext, *, now: datetime | None = None) -> dict[str, Any]:
    """Temporary flags older than 30 days and unchanged for 7; flags fully rolled out for 14 days."""
    now = now or utcnow()
    items: list[dict[str, Any]] = []
    with db.session() as session:
        rows = list(
            session.scalars(tenant_select(flag_store.FlagRow, ctx.tenant_id).order_by(flag_store.FlagRow.key))
        )
        for row in rows:
            reasons: list[str] = []
            age, unchanged = now - row.created_at, now - row.updated_at
            if row.temporary and age > TEMPORARY_MAX_AGE and unchanged > TEMPORARY_UNCHANGED:
                reasons.append(
                    f"temporary flag created {age.days} days ago and unchanged for {unchanged.days} days"
                )
            if _fully_rolled_out(row) and unchanged > FULLY_ROLLED_OUT:
                reasons.append(f"fully rolled out in production, unchanged for {unchanged.days} days")
            if reasons:
                items.append(
                    {
                        "flag_key": row.key,
                        "temporary": bool(row.temporary),
                        "created_at": row.created_at,
                        "updated_at": row.updated_at,
                        "reasons": reasons,
                    }
                )
    return {"items": items, "evaluated_at": now}


def _fully_rolled_out(row: flag_store.FlagRow) -> bool:
    """On for every production context: no override off, the result is context-independent and on."""
    config = tenant_flags.config(row)
    targeted = [
        r
        for r in config["rules"]
        if "production" in (r.get("environments") or [])
        and (r.get("conditions") or r.get("split") or (r.get("rollout") or {}).get("percentage", 100) < 100)
    ]
    if targeted:
        return False
    res = evaluator.evaluate(config, "production", None)
    return res.enabled and res.value is not False and evaluator.flag_type(config) == "boolean"


def review(db: Database, ctx: TenantContext, feature_id: str) -> str:
    """The review template (problem & hypothesis, readiness, controls, decision & owners) as Markdown."""
    with db.session() as session:
        row = _require(session, ctx.tenant_id, feature_id)
        history = store.transitions(session, ctx.tenant_id, row.id)
        data = to_dict(row)
    lines = [f"# Feature review: {row.name} (`{row.key}`)", ""]
    lines += [f"- **State:** {row.state}", f"- **Owner:** {row.owner}"]
    if row.tenants:
        lines.append(f"- **Tenants:** {', '.join(map(str, row.tenants))}")
    if row.personas:
        lines.append(f"- **Personas:** {', '.join(map(str, row.personas))}")
    lines += ["", "## Problem & hypothesis", "", row.problem or "_No problem statement yet._", ""]
    lines += [f"**Hypothesis:** {row.hypothesis or '_none yet_'}", ""]
    if row.objectives:
        lines += ["**Objectives:**", *[f"- {o}" for o in row.objectives], ""]
    lines += ["## Readiness", "", "| KPI | Target | Result |", "|---|---|---|"]
    for kpi in row.kpis or []:
        lines.append(f"| {kpi.get('name', '')} | {kpi.get('target', '')} | {kpi.get('result', '—')} |")
    if not row.kpis:
        lines.append("| _none defined_ | | |")
    nxt = data["next_state"]
    lines += ["", f"Next state: **{nxt or '—'}**"]
    if nxt:
        missing = data["missing_for_next"]
        lines.append(
            f"Missing evidence: {', '.join(missing)}" if missing else "All evidence for the next state is in."
        )
    lines += ["", "## Controls", ""]
    evidence = row.evidence or []
    for item in evidence:
        link = f" ({item['url']})" if item.get("url") else ""
        lines.append(f"- [{item['kind']}] {item['title']}{link} — {item['added_by']}")
    if not evidence:
        lines.append("- _No evidence attached._")
    flags = [link for link in row.links or [] if link.get("kind") == "flag"]
    if flags:
        lines.append("")
        lines.append("Flags: " + ", ".join(f"`{f['ref']}`" for f in flags))
    lines += ["", "## Decision & owners", ""]
    for t in history:
        lines.append(
            f"- {t.at:%Y-%m-%d %H:%M} UTC: {t.from_state} → {t.to_state} by {t.actor}"
            + (f" — {t.note}" if t.note else "")
        )
    if not history:
        lines.append("- _No transitions yet._")
    lines += ["", "Decision: ☐ go ☐ no-go ☐ needs work — owner: " + row.owner, ""]
    return "\n".join(lines)
