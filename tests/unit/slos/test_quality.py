"""Alert quality and backtests on constructed histories whose answers are known by hand."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from companyos_server.domains.slos.budget import WORKBOOK_POLICY, Objective
from companyos_server.domains.slos.quality import (
    Episode,
    StaticThresholdRule,
    backtest,
    episodes,
    replay,
    score,
    significant_burns,
)

DAY = 24 * 60
SLO = Objective(99.9, 30)
STATIC_1PCT_5M = StaticThresholdRule("static 1%/5m", 0.01, timedelta(minutes=5))


def history() -> tuple[np.ndarray, np.ndarray, dict[str, list[Episode]]]:
    """14 days at 1,000 requests a minute, error-free but for:

    - two 30-minute outages at 50 % errors (15,000 bad events each: 35 % of the 30-day budget);
    - one 6-hour slow burn at 0.7 % errors (2,520 bad: 5.8 % of the budget), under any static 1 % rule;
    - forty 3-minute blips at 3 % errors (90 bad each: 0.2 %), noise that trips a static 1 %/5 min rule.
    """
    total = np.full(14 * DAY, 1000.0)
    bad = np.zeros_like(total)
    outages = [Episode(2 * DAY + 600, 2 * DAY + 630), Episode(9 * DAY + 100, 9 * DAY + 130)]
    slow = [Episode(5 * DAY, 5 * DAY + 360)]
    blips = [Episode(start, start + 3) for start in range(10 * DAY, 10 * DAY + 40 * 120, 120)]
    for run in outages:
        bad[run.start : run.end] = 500
    for run in slow:
        bad[run.start : run.end] = 7
    for run in blips:
        bad[run.start : run.end] = 30
    return total - bad, total, {"outages": outages, "slow": slow, "blips": blips}


def test_significant_burns_are_the_injected_incidents_not_the_noise() -> None:
    good, total, injected = history()
    burns = significant_burns(good, total, SLO)
    assert burns == sorted(injected["outages"] + injected["slow"], key=lambda e: e.start)


def test_static_threshold_is_noisy_and_blind_to_slow_burns() -> None:
    good, total, _ = history()
    quality = score(replay(good, total, SLO, [STATIC_1PCT_5M]), significant_burns(good, total, SLO))
    assert quality.pages == 42  # 40 blips + 2 outages; the 0.7 % slow burn never reaches 1 %
    assert quality.precision == pytest.approx(2 / 42)
    assert quality.recall == pytest.approx(2 / 3) and quality.missed_burns == 1
    assert quality.detection_minutes == 0.0  # 50 % errors cross 1 % in the outage's first minute
    # The last outage minute leaves the 5-minute window 4 minutes after the outage: minutes e..e+3 still fire.
    assert quality.reset_minutes == 4.0
    assert quality.pages_per_week == pytest.approx(21.0)


def test_workbook_policy_pages_once_per_burn_with_known_delays() -> None:
    good, total, _ = history()
    quality = score(replay(good, total, SLO, WORKBOOK_POLICY), significant_burns(good, total, SLO))
    assert (quality.pages, quality.precision, quality.recall) == (3, 1.0, 1.0)
    # Outages: page-fast needs 14.4x over 1 h (864 bad): the 2nd outage minute. The slow burn: page-slow
    # needs 6x over 6 h: 7 x (i + 1) / 360 >= 6, i.e. the 309th minute (index 308).
    assert quality.detection_minutes == pytest.approx((1 + 1 + 308) / 3)
    # Resets: an outage's last minute stays in page-slow's 30-minute window for 29 more minutes; after the slow
    # burn that window holds 29 - k of its minutes k minutes later, and 7 x (29 - k) / 30 >= 6 up to k = 3.
    assert quality.reset_minutes == pytest.approx((29 + 29 + 4) / 3)


def test_backtest_reports_pages_before_and_after_and_burns_missed() -> None:
    good, total, _ = history()
    result = backtest(good, total, SLO, current=[STATIC_1PCT_5M]).as_dict()
    assert result["pages_before"] == 42 and result["pages_after"] == 3
    assert result["page_reduction"] == pytest.approx(1 - 3 / 42, abs=1e-4)
    assert result["significant_burns_missed_before"] == 1
    assert result["significant_burns_missed_after"] == 0


def test_low_traffic_guard_applies_to_both_rule_kinds() -> None:
    total = np.full(DAY, 3.0)
    good = total.copy()
    good[100] = 0  # 3 bad of 3: 100 % errors on a quiet service
    burn_rule_alone = replay(good, total, SLO, WORKBOOK_POLICY)
    static_alone = replay(good, total, SLO, [STATIC_1PCT_5M])
    assert burn_rule_alone.any() and static_alone.any()
    guarded = StaticThresholdRule("static guarded", 0.01, timedelta(minutes=5), min_events=100)
    assert not replay(good, total, SLO, [*WORKBOOK_POLICY, guarded], min_events=100).any()


def test_episodes_and_empty_histories() -> None:
    assert episodes([0, 1, 1, 0, 0, 1, 0, 1]) == [Episode(1, 3), Episode(5, 6), Episode(7, 8)]
    assert episodes([0, 1, 1, 0, 0, 1, 0, 1], merge_gap=2) == [Episode(1, 8)]
    assert episodes([]) == []
    assert significant_burns([], [], SLO) == []
    empty = score(np.zeros(10, dtype=bool), [])
    assert (empty.pages, empty.precision, empty.recall) == (0, None, None)
    assert backtest(np.zeros(10), np.zeros(10), SLO, current=[STATIC_1PCT_5M]).page_reduction is None
