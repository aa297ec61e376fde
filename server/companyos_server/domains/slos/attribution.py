"""Where a service's bad events come from: hotspots by label, and the share explained by its upstreams.

- **Hotspots**: SLI samples carry labels (endpoint or task, region, customer segment). For each label
  dimension, each value's share of the bad events, next to its share of all events: a value with 80 % of
  the bad events and 10 % of the traffic is a hotspot (its ``lift`` is 8).
- **Dependency contribution**: a *bad minute* burns faster than the budget allows (error rate above the
  objective's allowed rate). The share of a service's bad minutes during which an upstream (from the
  dependency graph) also had a bad minute is what that upstream plausibly explains; the union over all
  upstreams is the share the service cannot fix alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from companyos_server.domains.slos.budget import Objective

EXPLAINED_SHARE = 0.5  # upstreams explain at least half the bad minutes: worth a finding and a remedy


@dataclass(frozen=True)
class LabelledCounts:
    labels: Mapping[str, str]
    good: int
    total: int


@dataclass(frozen=True)
class Hotspot:
    dimension: str
    value: str
    bad: int
    total: int
    bad_share: float
    traffic_share: float

    @property
    def lift(self) -> float:
        return self.bad_share / self.traffic_share if self.traffic_share > 0 else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "dimension": self.dimension,
            "value": self.value,
            "bad": self.bad,
            "total": self.total,
            "bad_share": round(self.bad_share, 4),
            "traffic_share": round(self.traffic_share, 4),
            "lift": round(self.lift, 2),
        }


def hotspots(samples: Iterable[LabelledCounts], *, min_bad_share: float = 0.1, top: int = 5) -> list[Hotspot]:
    """Label values carrying at least ``min_bad_share`` of the bad events, most disproportionate first.

    Shares are within a dimension: a value's bad events over the bad events of the samples that carry that
    dimension, and likewise for traffic, so samples labelled by endpoint only do not dilute a region."""
    bad_by: dict[tuple[str, str], int] = defaultdict(int)
    total_by: dict[tuple[str, str], int] = defaultdict(int)
    bad_in: dict[str, int] = defaultdict(int)
    total_in: dict[str, int] = defaultdict(int)
    for sample in samples:
        bad = sample.total - sample.good
        for dimension, value in sample.labels.items():
            bad_by[(dimension, value)] += bad
            total_by[(dimension, value)] += sample.total
            bad_in[dimension] += bad
            total_in[dimension] += sample.total
    found = [
        Hotspot(
            dimension,
            value,
            bad,
            total_by[(dimension, value)],
            bad / bad_in[dimension],
            total_by[(dimension, value)] / total_in[dimension],
        )
        for (dimension, value), bad in bad_by.items()
        if bad_in[dimension] > 0 and total_in[dimension] > 0 and bad / bad_in[dimension] >= min_bad_share
    ]
    found.sort(key=lambda h: (-h.lift, -h.bad_share, h.dimension, h.value))
    return found[:top]


def bad_minutes(good: npt.ArrayLike, total: npt.ArrayLike, objective: Objective) -> npt.NDArray[np.bool_]:
    good_a = np.asarray(good, dtype=np.float64)
    total_a = np.asarray(total, dtype=np.float64)
    mask: npt.NDArray[np.bool_] = (total_a > 0) & (total_a - good_a > total_a * objective.allowed_error)
    return mask


def dependency_contribution(
    service_bad: npt.ArrayLike, upstream_bad: Mapping[str, npt.ArrayLike]
) -> dict[str, object]:
    """Share of the service's bad minutes that coincide with each upstream's, and with any of them."""
    own = np.asarray(service_bad, dtype=bool)
    count = int(own.sum())
    shares: dict[str, float] = {}
    any_upstream = np.zeros(own.size, dtype=bool)
    for name, mask in upstream_bad.items():
        theirs = np.asarray(mask, dtype=bool)
        if theirs.size != own.size:
            raise ValueError(f"upstream {name!r} covers {theirs.size} minutes, the service {own.size}")
        any_upstream |= theirs
        shares[name] = round(float((own & theirs).sum()) / count, 4) if count else 0.0
    return {
        "bad_minutes": count,
        "explained_share": round(float((own & any_upstream).sum()) / count, 4) if count else 0.0,
        "by_upstream": dict(sorted(shares.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
