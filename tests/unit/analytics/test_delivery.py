"""Scheduled reports' cadence, report tables and their column classification, the CLI's --param parsing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from companyos.cli._errors import CliError
from companyos.cli.analytics_delivery import parameters
from companyos_server import errors
from companyos_server.domains.analytics import report_tables
from companyos_server.domains.analytics.exports import stricter
from companyos_server.domains.analytics.schedules import cadence_of, next_run_after

T = datetime(2026, 12, 6, 7, 0, tzinfo=UTC)  # a Sunday


@pytest.mark.parametrize(
    ("cadence", "after", "expected"),
    [
        ({"every": "day", "at": "07:00"}, T, datetime(2026, 12, 7, 7, 0, tzinfo=UTC)),  # strictly after
        ({"every": "day", "at": "07:01"}, T, datetime(2026, 12, 6, 7, 1, tzinfo=UTC)),
        ({"every": "week", "weekday": "sun", "at": "07:00"}, T, datetime(2026, 12, 13, 7, 0, tzinfo=UTC)),
        ({"every": "week", "weekday": "mon"}, T, datetime(2026, 12, 7, 6, 0, tzinfo=UTC)),
        ({"every": "month", "day_of_month": 6, "at": "08:30"}, T, datetime(2026, 12, 6, 8, 30, tzinfo=UTC)),
        ({"every": "month", "day_of_month": 1}, T, datetime(2027, 1, 1, 6, 0, tzinfo=UTC)),  # year boundary
        ({"every": "month", "day_of_month": 28}, datetime(2027, 2, 28, 6, 0, tzinfo=UTC),
         datetime(2027, 3, 28, 6, 0, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_next_run_is_the_first_due_time_strictly_after(
    cadence: dict, after: datetime, expected: datetime
) -> None:
    assert next_run_after(cadence_of(cadence), after) == expected


@pytest.mark.parametrize(
    ("cadence", "field"),
    [
        ({"every": "hour"}, "cadence.every"),
        ({"every": "day", "at": "24:00"}, "cadence.at"),
        ({"every": "day", "at": "7"}, "cadence.at"),
        ({"every": "week", "weekday": "monday"}, "cadence.weekday"),
        ({"every": "month", "day_of_month": 31}, "cadence.day_of_month"),
        ({"every": "month", "day_of_month": True}, "cadence.day_of_month"),
        ("weekly", "cadence.every"),
    ],
)
def test_a_bad_cadence_names_its_field(cadence: object, field: str) -> None:
    with pytest.raises(errors.DomainError) as caught:
        cadence_of(cadence)
    assert caught.value.status == 400 and caught.value.errors[0].field == field


def test_defaults_fill_a_cadence() -> None:
    assert cadence_of({"every": "week"}) == {"every": "week", "at": "06:00", "weekday": "mon"}
    assert cadence_of({"every": "month", "at": "23:59"}) == {
        "every": "month",
        "at": "23:59",
        "day_of_month": 1,
    }


def test_report_parameters_are_checked_per_report() -> None:
    assert report_tables.check_parameters("ops_kpis", None) == {}
    assert report_tables.check_parameters("ops_kpis", {"days": 3, "feature": "x"}) == {"days": 3}  # left out
    with pytest.raises(errors.DomainError) as caught:
        report_tables.check_parameters("funnel", {"days": 3, "nope": 1})
    assert [e.field for e in caught.value.errors] == ["parameters.nope", "parameters.steps"]
    with pytest.raises(errors.DomainError):
        report_tables.check_parameters("pivot", {})


def test_columns_are_classified_by_what_they_hold() -> None:
    table = report_tables.Table(
        ["user_hash", "properties", "note", "contact", "n"],
        [["u1", "{}", "hello", None, 1], ["u2", "{}", "world", "call +44 20 7946 0958", 2]],
        None,
    )
    assert report_tables.classify(table) == {
        "user_hash": "pii", "properties": "confidential", "note": "internal", "contact": "pii", "n": "internal",
    }  # fmt: skip


def test_a_run_time_treatment_never_loosens_the_one_asked_for() -> None:
    assert stricter({"a": "drop", "b": "keep"}, {"a": "hash", "b": "hash", "c": "mask"}) == {
        "a": "drop", "b": "hash", "c": "mask",
    }  # fmt: skip


def test_cli_parameters_are_typed_by_name() -> None:
    got = parameters(
        ["days=7", "feature=checkout", "steps=Signed Up, Paid", "source=raw", "until=2026-12-01"]
    )
    assert got == {"days": 7, "feature": "checkout", "steps": ["Signed Up", "Paid"], "source": "raw",
                   "until": "2026-12-01"}  # fmt: skip
    assert parameters(["feature=123"]) == {"feature": "123"}
    for bad in (["days"], ["days=a week"]):
        with pytest.raises(CliError):
            parameters(bad)


def test_staged_rows_come_back_as_they_were_read(tmp_path: Path) -> None:
    from companyos_server.domains.analytics.exports import _staged, _unstage, stage

    cases = [
        report_tables.Table(
            ["day", "n", "n", "rate"],
            [["2026-12-01", 3, 4, 0.5], ["2026-12-02", None, 5, None]],
            {"events": 7, "data_as_of": "2026-12-02T10:00:00Z"},
        ),
        report_tables.Table(["group", "users"], [], None),
        report_tables.Table(["mixed"], [[1], ["two"], [None]], None),
    ]
    for i, table in enumerate(cases):
        stage(tmp_path, "acme", f"aex_{i}", table)
        back = _unstage(_staged(tmp_path, "acme", f"aex_{i}"))
        expected = [[None if v is None else str(v) for v in r] for r in table.rows] if i == 2 else table.rows
        assert (back.columns, back.rows, back.freshness) == (table.columns, expected, table.freshness)


@pytest.mark.parametrize(
    ("sql", "columns", "expected"),
    [
        ("SELECT user_hash AS u, properties AS p, feature FROM events", ["u", "p", "feature"],
         {"u": "pii", "p": "confidential", "feature": "internal"}),
        ("WITH x AS (SELECT user_hash AS a FROM events) SELECT upper(a) || '!' AS b FROM x", ["b"], {"b": "pii"}),
        ("SELECT feature, count(DISTINCT user_hash) AS users FROM events GROUP BY 1", ["feature", "users"],
         {"feature": "internal", "users": "internal"}),
        ("SELECT feature AS x FROM events UNION ALL SELECT user_hash FROM events", ["x"], {"x": "pii"}),
        ("SELECT feature AS x, user_hash AS x FROM events", ["x", "x_1"], {"x": "pii", "x_1": "pii"}),
    ],
)  # fmt: skip
def test_a_query_column_is_classified_by_what_it_is_computed_from(
    sql: str, columns: list[str], expected: dict[str, str]
) -> None:
    assert report_tables.classify(report_tables.Table(columns, [], None), sql) == expected
