"""Change points in the error rate, attributed to the deploy before them (ruptures, seeded histories)."""

from __future__ import annotations

import numpy as np
import pytest

from companyos_server.domains.slos.budget import Objective
from companyos_server.domains.slos.regressions import Deploy, bucketed_error_rate, change_points, regressions

SLO = Objective(99.9, 30)
DAYS3 = 3 * 24 * 60


def noisy(seed: int, error_rate: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    total = rng.poisson(1000, error_rate.size).astype(np.float64)
    bad = rng.binomial(total.astype(np.int64), error_rate).astype(np.float64)
    return total - bad, total


@pytest.mark.parametrize("seed", range(10))
def test_a_regression_after_a_deploy_is_found_and_attributed(seed: int) -> None:
    rate = np.full(DAYS3, 0.0005)
    rate[2000:] = 0.004  # the deploy at minute 1995 made errors 8x more frequent
    good, total = noisy(seed, rate)
    found = regressions(good, total, SLO, [Deploy("dep-harmless", 1000), Deploy("dep-bad", 1995)])
    assert len(found) == 1
    regression = found[0]
    assert regression.deploy_id == "dep-bad" and regression.minute == 2000 and regression.lag_minutes == 5
    assert regression.error_rate_before == pytest.approx(0.0005, rel=0.1)
    assert regression.error_rate_after == pytest.approx(0.004, rel=0.1)


@pytest.mark.parametrize("seed", range(10))
def test_a_flat_noisy_history_has_no_regression(seed: int) -> None:
    good, total = noisy(seed, np.full(DAYS3, 0.0005))
    assert regressions(good, total, SLO, [Deploy("d", 1000)]) == []


def test_recoveries_and_rises_within_budget_are_not_regressions() -> None:
    recovery = np.full(DAYS3, 0.004)
    recovery[2000:] = 0.0005
    assert regressions(*noisy(1, recovery), SLO) == []
    within = np.full(DAYS3, 0.0001)
    within[2000:] = 0.0008  # 8x, but under the 0.1 % the objective allows
    assert regressions(*noisy(2, within), SLO) == []


def test_no_deploy_nearby_leaves_the_regression_unattributed() -> None:
    rate = np.full(DAYS3, 0.0005)
    rate[3000:] = 0.005
    (found,) = regressions(*noisy(3, rate), SLO, [Deploy("long-before", 1000)])
    assert found.deploy_id is None and found.lag_minutes is None and found.as_dict()["ratio"] > 5


def test_buckets_and_short_series() -> None:
    # a bucket without events repeats the rate before it: missing data is no change of level
    assert bucketed_error_rate([9, 10, 0, 0, 5], [10, 10, 0, 0, 5], 2).tolist() == [0.05, 0.05]
    assert bucketed_error_rate([0, 0, 9, 10], [0, 0, 10, 10], 2).tolist() == [0.0, 0.05]
    assert change_points([0.1, 0.2]) == []


def test_samples_that_stop_do_not_end_a_regression() -> None:
    """The last 90 minutes without samples (ingestion lag, a quiet night): the regression still lasts."""
    rate = np.full(DAYS3, 0.0005)
    rate[3000:] = 0.01
    good, total = noisy(3, rate)
    good[-90:] = 0
    total[-90:] = 0
    (found,) = regressions(good, total, SLO, [Deploy("dep_1", 2990)])
    assert (found.minute, found.end, found.deploy_id) == (3000, None, "dep_1")
