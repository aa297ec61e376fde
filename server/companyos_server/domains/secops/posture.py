"""A tenant's security posture, as gates read it: its open security alerts by severity.

A critical security alert that is firing or acknowledged (or silenced past its silence's end) means
something is being attacked or exploited right now, so the posture is not ``ok``: the feature rollout
gate blocks (and rolls back a partly rolled-out flag) until the alert is resolved or silenced. Warnings
and infos are reported but do not block.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from companyos_server.domains.alerts import store as alerts_store
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, utcnow

BLOCKING_SEVERITIES = ("critical",)
NAMED = 5


def security_posture(db: Database, ctx: TenantContext, *, now: datetime | None = None) -> dict[str, Any]:
    with db.session() as session:
        rows = alerts_store.open_in_category(session, ctx.tenant_id, "security", now or utcnow())
    by_severity = Counter(r.severity for r in rows)
    blocking = [r for r in rows if r.severity in BLOCKING_SEVERITIES]
    named = [
        {"id": r.id, "name": r.name, "severity": r.severity, "status": r.status, "principal": r.principal}
        for r in blocking[:NAMED]
    ]
    if blocking:
        listed = "; ".join(f"{a['id']} {a['name']}" + (f" ({a['principal']})" if a["principal"] else "")
                           for a in named)  # fmt: skip
        more = f" and {len(blocking) - NAMED} more" if len(blocking) > NAMED else ""
        detail = f"{len(blocking)} open critical security alert(s): {listed}{more}."
    else:
        others = sum(by_severity.values())
        detail = "No open critical security alerts" + (f" ({others} lower-severity open)." if others else ".")
    return {"ok": not blocking, "detail": detail, "open": dict(by_severity), "blocking": named}
