"""How the alerts that actually fired scored: the Workbook's measures on recorded occurrences.

The backtests replay the rules an SLO declares; a team's real pager also holds alerts no SLO declares,
and Alertmanager's history (or an imported one) says when each fired. Each alert name's occurrences become
a per-minute firing mask over the same period and are scored against the SLO's significant burns exactly
like a replayed rule, so "what pages us today" and "what the doctor proposes" are compared on one scale.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

from companyos_server.domains.alerts.occurrences import Occurrence
from companyos_server.domains.slos import quality

MINUTE = timedelta(minutes=1)


def firing_masks(
    occurrences: Iterable[Occurrence], since: datetime, minutes: int
) -> dict[str, npt.NDArray[np.bool_]]:
    """Per alert name, the minutes of the period ``[since, since + minutes)`` during which it fired. An open
    occurrence fires to the end; one shorter than a minute still marks its minute."""
    masks: dict[str, npt.NDArray[np.bool_]] = {}
    until = since + minutes * MINUTE
    for occurrence in occurrences:
        end = min(occurrence.ends_at or until, until)
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
