"""The one budget/burn-rate module against hand-computed cases and a naive reference for rolling windows."""

from __future__ import annotations

from datetime import timedelta

import hypothesis
import numpy as np
import pytest
from hypothesis import strategies as st

from companyos_server.domains.slos import budget
from companyos_server.domains.slos.budget import Objective

THIRTY_DAYS = Objective(99.9, 30)


def test_workbook_consumption_figures() -> None:
    # A 14.4x burn for one hour spends 2 % of a 30-day budget; 6x for six hours spends 5 %; 1x for 3 days 10 %.
    assert budget.budget_consumed(14.4, 1, THIRTY_DAYS) == pytest.approx(0.02)
    assert budget.budget_consumed(6, 6, THIRTY_DAYS) == pytest.approx(0.05)
    assert budget.budget_consumed(1, 72, THIRTY_DAYS) == pytest.approx(0.10)
    assert budget.hours_to_exhaustion(14.4, THIRTY_DAYS) == pytest.approx(50.0)
    assert budget.hours_to_exhaustion(0, THIRTY_DAYS) is None


def test_policy_thresholds_follow_the_window() -> None:
    assert [round(r.threshold(THIRTY_DAYS), 6) for r in budget.WORKBOOK_POLICY] == [14.4, 6.0, 1.0]
    # 28 days: the same budget shares are reached at proportionally lower burn rates.
    assert [round(r.threshold(Objective(99.9, 28)), 6) for r in budget.WORKBOOK_POLICY] == [
        13.44,
        5.6,
        0.933333,
    ]
    # The objective does not move burn thresholds (they are relative to the budget), only the budget itself.
    assert budget.WORKBOOK_POLICY[0].threshold(Objective(99.0, 30)) == pytest.approx(14.4)
    assert budget.SEVERITY_BURN_RATES == {"critical": 14.4, "warning": 6.0, "info": 1.0}


def test_counts_rates_and_remaining() -> None:
    assert budget.burn_rate(1, 1000, THIRTY_DAYS) == pytest.approx(1.0)  # 0.1 % errors on a 99.9 % SLO
    assert budget.burn_rate(144, 10_000, THIRTY_DAYS) == pytest.approx(14.4)
    assert budget.burn_rate(0, 0, THIRTY_DAYS) is None
    assert budget.remaining_from_counts(5, 10_000, THIRTY_DAYS) == pytest.approx(0.5)
    assert budget.remaining_from_counts(20, 10_000, THIRTY_DAYS) == pytest.approx(-1.0)  # overspent
    assert budget.remaining_from_counts(0, 0, THIRTY_DAYS) is None
    assert budget.error_budget_remaining(99.0, 99.5) == 0.5
    assert (
        budget.error_budget_remaining(100.0, 100.0) == 1.0
        and budget.error_budget_remaining(100.0, 99.0) == 0.0
    )
    assert [budget.state_for(x) for x in (1.0, 0.2, 0.0, -0.5)] == [
        "healthy",
        "at_risk",
        "exhausted",
        "exhausted",
    ]
    assert budget.objective_or_default(None) == (Objective(99.9, 28), "default")
    assert budget.objective_or_default(99.5, 7) == (Objective(99.5, 7), "service")


def _naive_sums(values: list[float], width: int) -> list[float]:
    return [sum(values[max(0, i + 1 - width) : i + 1]) for i in range(len(values))]


@hypothesis.settings(max_examples=150, derandomize=True, database=None, deadline=None)
@hypothesis.given(
    values=st.lists(st.integers(min_value=0, max_value=10_000), max_size=300),
    width=st.integers(min_value=1, max_value=400),
)
def test_trailing_sums_match_a_naive_window(values: list[int], width: int) -> None:
    assert budget.trailing_sums(values, width).tolist() == _naive_sums([float(v) for v in values], width)


@hypothesis.settings(max_examples=100, derandomize=True, database=None, deadline=None)
@hypothesis.given(
    rows=st.lists(
        st.tuples(st.integers(min_value=0, max_value=500), st.integers(min_value=0, max_value=500)),
        max_size=200,
    ),
    minutes=st.integers(min_value=1, max_value=90),
    min_events=st.integers(min_value=0, max_value=1_000),
)
def test_rolling_burn_rate_matches_counts(rows: list[tuple[int, int]], minutes: int, min_events: int) -> None:
    good = [min(a, b) for a, b in rows]
    total = [max(a, b) for a, b in rows]
    rates = budget.rolling_burn_rates(
        good, total, timedelta(minutes=minutes), THIRTY_DAYS, min_events=min_events
    )
    for i, rate in enumerate(rates):
        lo = max(0, i + 1 - minutes)
        t, g = sum(total[lo : i + 1]), sum(good[lo : i + 1])
        if t == 0 or t < min_events:
            assert np.isnan(rate)
        else:
            assert rate == pytest.approx(budget.burn_rate(t - g, t, THIRTY_DAYS))


def test_multiwindow_policy_pages_on_a_fast_burn_and_not_on_a_blip() -> None:
    minutes = 12 * 60
    total = np.full(minutes, 1000)
    bad = np.full(minutes, 0.5)  # 0.05 % errors: burning half the budget's rate
    bad[300:330] = 1000  # 30 minutes of a total outage (burn 1,000x)
    bad[600:602] = 100  # a 2-minute blip of 10 % errors (burn 100x)
    firing = budget.evaluate_policy(total - bad, total, THIRTY_DAYS)
    fast = firing["page-fast"]
    first = int(np.argmax(fast))
    # Detection: the 1 h window needs 14.4 x 0.1 % x 60 = 0.864 outage minutes worth of bad events: 1st minute.
    assert first == 300
    assert fast[300:330].all()
    # Reset: the 5-minute window clears 5 minutes after the outage ends even though the hour still burns.
    assert not fast[335:].any()
    assert not fast[:300].any()
    assert not fast[600:610].any(), "a short blip does not page: the long window stays under 14.4x"
    assert not firing["ticket"][:300].any()
    assert firing["ticket"][300:].all(), (
        "the outage alone spent over 10 % of the 3-day share: ticket stays open"
    )


def test_low_traffic_guard_silences_windows_with_too_few_events() -> None:
    total = np.full(120, 2)
    good = np.full(120, 2)
    good[60] = 0  # 2 bad of 2 in one minute: 1,000x burn on a 99.9 % SLO
    unguarded = budget.evaluate_policy(good, total, THIRTY_DAYS)["page-fast"]
    guarded = budget.evaluate_policy(good, total, THIRTY_DAYS, min_events=500)["page-fast"]
    assert unguarded[60] and not guarded.any()


def test_bad_window_is_refused() -> None:
    with pytest.raises(ValueError):
        budget.trailing_sums([1, 2, 3], 0)
