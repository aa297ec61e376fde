"""Load sensitivity: errors that grow with traffic are found; noise and flat error rates are not."""

from __future__ import annotations

import numpy as np

from companyos_server.domains.slos.budget import Objective
from companyos_server.domains.slos.capacity import load_sensitivity

OBJECTIVE = Objective(99.9, 30)
rng = np.random.default_rng(7)
LOAD = rng.integers(200, 2000, size=24 * 60).astype(np.float64)


def test_errors_rising_with_load_are_a_capacity_hint() -> None:
    bad = np.where(LOAD > 1500, (LOAD - 1500) * 0.05, 0.0).round()
    found = load_sensitivity(LOAD - bad, LOAD, OBJECTIVE)
    assert found is not None
    assert found.rho > 0.3 and found.p_value < 0.01
    assert found.busy_error_rate > 2 * found.other_error_rate
    assert found.busy_threshold == np.quantile(LOAD, 0.9)
    assert found.as_dict()["minutes"] == LOAD.size


def test_a_flat_error_rate_is_not_a_capacity_problem() -> None:
    bad = (LOAD * 0.01).round()  # 1 % whatever the load: rank correlation near 0
    assert load_sensitivity(LOAD - bad, LOAD, OBJECTIVE) is None


def test_random_errors_unrelated_to_load_are_not_a_capacity_problem() -> None:
    bad = rng.binomial(LOAD.astype(np.int64), 0.005).astype(np.float64)
    assert load_sensitivity(LOAD - bad, LOAD, OBJECTIVE) is None


def test_a_load_effect_within_the_objective_is_left_alone() -> None:
    bad = np.where(LOAD > 1900, 1.0, 0.0)  # more errors when busy, but far under 0.1 %
    assert load_sensitivity(LOAD - bad, LOAD, OBJECTIVE) is None


def test_too_little_traffic_says_nothing() -> None:
    load = LOAD[:60]
    assert load_sensitivity(load - (load > 1500) * 100, load, OBJECTIVE) is None
    assert load_sensitivity(np.zeros(5000), np.zeros(5000), OBJECTIVE) is None
