"""How the alerts that actually fired scored, and which incidents anything caught.

Alerts: the Workbook's measures on recorded occurrences.
The backtests replay the rules an SLO declares; a team's real pager also holds alerts no SLO declares,
and Alertmanager's history (or an imported one) says when each fired. Each alert name's occurrences become
a per-minute firing mask over the same period and are scored against the SLO's significant burns exactly
like a replayed rule, so "what pages us today" and "what the doctor proposes" are compared on one scale.

Incidents (opened here or imported with their postmortems) are the team's own record of what hurt. Each
incident of the service in the period is matched against the SLO's significant burns (did the budget see
it?), the alerts that fired from half an hour before it opened until it was resolved, and the SLO's
declared page rules replayed over the same minutes: an incident nothing paged for is a finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from companyos_server.domains.alerts.occurrences import Occurrence
from companyos_server.domains.incidents.store import IncidentRow, IncidentServiceRow
from companyos_server.domains.slos import quality

MINUTE = timedelta(minutes=1)
LEAD = timedelta(minutes=30)  # a page this long before an incident opened is still its page


@dataclass(frozen=True)
class IncidentSpan:
    id: str
    title: str
    severity: str
    start: datetime
    end: datetime | None  # None: still open


def incidents_of(
    session: Session, tenant_id: str, service_id: str, since: datetime, until: datetime
) -> list[IncidentSpan]:
    """The service's incidents open at any time in ``[since, until)``, oldest first (one query)."""
    rows = session.execute(
        select(
            IncidentRow.id,
            IncidentRow.title,
            IncidentRow.severity,
            IncidentRow.created_at,
            IncidentRow.resolved_at,
        )
        .join(
            IncidentServiceRow,
            (IncidentServiceRow.incident_id == IncidentRow.id)
            & (IncidentServiceRow.tenant_id == IncidentRow.tenant_id),
        )
        .where(IncidentRow.tenant_id == tenant_id, IncidentServiceRow.service_id == service_id)
        .where(
            IncidentRow.created_at < until,
            or_(IncidentRow.resolved_at.is_(None), IncidentRow.resolved_at > since),
        )
        .order_by(IncidentRow.created_at, IncidentRow.id)
    ).all()
    return [IncidentSpan(*row) for row in rows]


def _minutes(start: datetime, end: datetime, since: datetime, minutes: int) -> slice:
    first = min(max(int((start - since) // MINUTE), 0), minutes)
    last = min(max(-int(-(end - since) // MINUTE), first + 1), minutes)
    return slice(first, last)


def incident_coverage(
    incidents: Sequence[IncidentSpan],
    since: datetime,
    minutes: int,
    burns: Sequence[quality.Episode],
    fired: dict[str, npt.NDArray[np.bool_]],
    declared: npt.NDArray[np.bool_] | None,
) -> list[dict[str, Any]]:
    """Per incident: whether a significant burn overlapped it, which alerts fired for it (from ``LEAD``
    before it opened to its resolution) and whether the declared page rules would have paged."""
    until = since + minutes * MINUTE
    found = []
    for incident in incidents:
        window = _minutes(incident.start - LEAD, incident.end or until, since, minutes)
        own = _minutes(incident.start, incident.end or until, since, minutes)
        span = quality.Episode(own.start, max(own.stop, own.start + 1))
        found.append({
            "id": incident.id, "title": incident.title, "severity": incident.severity,
            "started_at": incident.start, "resolved_at": incident.end,
            "significant_burn": any(span.overlaps(burn) for burn in burns),
            "alerts_fired": sorted(name for name, mask in fired.items() if mask[window].any()),
            "declared_rules_paged": bool(declared[window].any()) if declared is not None else None,
        })  # fmt: skip
    return found


def firing_masks(
    occurrences: Iterable[Occurrence], since: datetime, minutes: int
) -> dict[str, npt.NDArray[np.bool_]]:
    """Per alert name, the minutes of the period ``[since, since + minutes)`` during which it fired. An open
    occurrence fires to the end; one shorter than a minute still marks its minute."""
    masks: dict[str, npt.NDArray[np.bool_]] = {}
    until = since + minutes * MINUTE
    for occurrence in occurrences:
        end = min(occurrence.ends_at or until, until)
        if end <= since and occurrence.ends_at is not None and occurrence.starts_at < since:
            continue  # over before the period began
        first = max(int((occurrence.starts_at - since) // MINUTE), 0)
        last = min(max(-int(-(end - since) // MINUTE), first + 1), minutes)  # ceiling, at least one minute
        if first >= minutes or last <= 0:
            continue
        mask = masks.setdefault(occurrence.alert_name, np.zeros(minutes, dtype=bool))
        mask[first:last] = True
    return masks


def scores(masks: dict[str, npt.NDArray[np.bool_]], burns: Sequence[quality.Episode]) -> list[dict[str, Any]]:
    """Each alert's quality against the burns, the noisiest (most pages) first."""
    found: list[dict[str, Any]] = [
        {"alert_name": name, **quality.score(mask, burns).as_dict()} for name, mask in masks.items()
    ]
    return sorted(found, key=lambda q: (-int(q["pages"]), str(q["alert_name"])))
