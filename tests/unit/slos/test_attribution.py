"""Hotspots by label and upstream contribution, on counts whose shares are known."""

from __future__ import annotations

import numpy as np
import pytest

from companyos_server.domains.slos.attribution import (
    LabelledCounts,
    bad_minutes,
    dependency_contribution,
    hotspots,
)
from companyos_server.domains.slos.budget import Objective


def test_a_small_endpoint_with_most_errors_is_the_top_hotspot() -> None:
    samples = [
        LabelledCounts({"endpoint": "/checkout", "region": "eu"}, good=9_920, total=10_000),  # 80 bad
        LabelledCounts({"endpoint": "/search", "region": "eu"}, good=79_990, total=80_000),  # 10 bad
        LabelledCounts({"endpoint": "/search", "region": "us"}, good=9_990, total=10_000),  # 10 bad
    ]
    found = hotspots(samples)
    top = found[0]
    assert (top.dimension, top.value, top.bad) == ("endpoint", "/checkout", 80)
    assert top.bad_share == pytest.approx(0.8) and top.traffic_share == pytest.approx(0.1)
    assert top.lift == pytest.approx(8.0)
    # Regions eu and us carry exactly their traffic's share (lift 1): listed after the real hotspot, the
    # larger first; /search has 20 % of the bad events on 90 % of the traffic.
    assert [(h.dimension, h.value) for h in found] == [
        ("endpoint", "/checkout"),
        ("region", "eu"),
        ("region", "us"),
        ("endpoint", "/search"),
    ]
    assert hotspots(samples, min_bad_share=0.5) == found[:2]
    assert hotspots([LabelledCounts({"endpoint": "/"}, 10, 10)]) == []


def test_upstream_contribution_counts_coinciding_bad_minutes() -> None:
    slo = Objective(99.9, 30)
    total = np.full(10, 1000)
    service = bad_minutes(total - np.array([0, 5, 5, 5, 5, 0, 0, 5, 0, 0]), total, slo)
    assert service.sum() == 5
    db = np.array([0, 1, 1, 1, 0, 0, 0, 0, 0, 0], dtype=bool)
    cache = np.array([0, 0, 0, 1, 1, 0, 0, 0, 0, 1], dtype=bool)
    result = dependency_contribution(service, {"db": db, "cache": cache})
    assert result == {"bad_minutes": 5, "explained_share": 0.8, "by_upstream": {"db": 0.6, "cache": 0.4}}
    assert dependency_contribution(np.zeros(3, dtype=bool), {"db": np.ones(3)})["explained_share"] == 0.0
    with pytest.raises(ValueError, match="covers 2 minutes"):
        dependency_contribution(service, {"db": np.zeros(2)})


def test_hotspot_shares_are_within_the_dimension() -> None:
    """Samples labelled by endpoint only do not make both regions look like hotspots."""
    from companyos_server.domains.slos.attribution import LabelledCounts, hotspots

    samples = [LabelledCounts({"endpoint": "GET /a"}, 27_000, 27_000)]
    samples += [
        LabelledCounts({"region": "eu"}, 1_400, 1_500),
        LabelledCounts({"region": "us"}, 1_400, 1_500),
    ]
    found = hotspots(samples)
    assert [(h.dimension, h.value, round(h.lift, 2)) for h in found] == [
        ("region", "eu", 1.0),
        ("region", "us", 1.0),
    ]
    assert [h.traffic_share for h in found] == [0.5, 0.5]
