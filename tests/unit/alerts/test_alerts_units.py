"""Pure pieces of the alerts domain: Alertmanager time parsing, severities, fingerprints, error budget."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from companyos_server.domains.alerts import budget
from companyos_server.domains.alerts.service import fingerprint_of, normalize_severity, parse_time
from companyos_server.domains.slos import budget as slo_budget


def test_parse_time_handles_alertmanager_formats() -> None:
    assert parse_time("2026-11-26T09:58:00.123456789Z") == datetime(
        2026, 11, 26, 9, 58, 0, 123456, tzinfo=UTC
    )
    assert parse_time("2026-11-26T10:58:00+01:00") == datetime(2026, 11, 26, 9, 58, tzinfo=UTC)
    assert parse_time("0001-01-01T00:00:00Z") is None  # Go's zero time: not set
    assert parse_time("yesterday") is None
    assert parse_time(None) is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("critical", "critical"),
        ("PAGE", "critical"),
        ("warning", "warning"),
        ("warn", "warning"),
        ("info", "info"),
        (None, "info"),
        ("odd", "info"),
    ],
)
def test_severity_normalisation(label: str | None, expected: str) -> None:
    assert normalize_severity(label) == expected


def test_fingerprint_is_alertmanagers_else_stable_over_labels() -> None:
    assert fingerprint_of({"fingerprint": "abc123"}, {"a": "1"}) == "abc123"
    one = fingerprint_of({}, {"alertname": "X", "service": "y"})
    assert one == fingerprint_of({}, {"service": "y", "alertname": "X"})
    assert one != fingerprint_of({}, {"alertname": "X", "service": "z"})


def test_error_budget_formula() -> None:
    start = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    impact = budget.impact(
        severity="critical", burn=14.4, objective=99.9, window_days=30, source="default",
        starts_at=start, ends_at=start + timedelta(hours=1), now=start + timedelta(hours=5),
    )  # fmt: skip
    # One hour at 14.4x of a 30-day budget is 2 % of the budget.
    assert impact["budget_consumed_percent"] == pytest.approx(2.0)
    assert impact["budget_percent_per_hour"] == pytest.approx(2.0)
    assert impact["hours_to_exhaustion"] == pytest.approx(50.0)
    assert impact["firing_minutes"] == 60.0
    assert impact["allowed_error_percent"] == pytest.approx(0.1)
    still_open = budget.impact(
        severity="warning", burn=6.0, objective=99.5, window_days=28, source="service",
        starts_at=start, ends_at=None, now=start + timedelta(hours=2),
    )  # fmt: skip
    assert still_open["budget_consumed_percent"] == pytest.approx(100 * 6 * 2 / (28 * 24), abs=1e-4)
    capped = budget.impact(
        severity="critical", burn=14.4, objective=99.9, window_days=1, source="default",
        starts_at=start, ends_at=None, now=start + timedelta(days=10),
    )  # fmt: skip
    assert capped["budget_consumed_percent"] == 100.0
    assert slo_budget.severity_burn_rate("critical") == 14.4 and slo_budget.severity_burn_rate("info") == 1.0
