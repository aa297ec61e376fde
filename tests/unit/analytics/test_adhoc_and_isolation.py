"""Ad-hoc SQL stays inside its subset and inside its tenant; report filters cannot escape either.

The injection attempts run on DuckDB and chDB, with a fixed set of hand-written payloads plus
derandomized Hypothesis mixes of them; whatever is accepted must return t1's rows only.
"""

# ruff: noqa: S608, PT017 -- building hostile SQL is the point; a refusal is asserted where it happens

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companyos_server import errors
from companyos_server.domains.analytics import adhoc, reports
from companyos_server.domains.analytics.warehouse import Backend
from tests.unit.analytics.fixtures import LEAK_MARKERS

INJECTIONS = [
    "x' OR '1'='1",
    "x' OR tenant_id='t2' --",
    "x'; DROP TABLE events; --",
    "x\\' OR 1=1 --",
    "') UNION SELECT * FROM events --",
    "x' UNION ALL SELECT tenant_id FROM events WHERE '1'='1",
    "%' OR ''='",
    'x" OR "1"="1',
    "t2",
    ",x,' OR 1=1 OR strpos(flags_on, '",
    "\x00' OR 1=1",
    "x'/*",
    "x$$ OR 1=1 $$",
]
HOSTILE_SQL = [
    "SELECT * FROM events WHERE tenant_id = 't2'",
    "SELECT * FROM events WHERE 1=1 OR tenant_id <> 't1'",
    "SELECT * FROM events e1 JOIN events e2 ON e1.tenant_id <> e2.tenant_id",
    "SELECT * FROM (SELECT * FROM events) AS events WHERE tenant_id = 't2'",
    "WITH x AS (SELECT * FROM events) SELECT * FROM x WHERE tenant_id = 't2'",
    "SELECT * FROM events UNION ALL SELECT * FROM daily_usage",
    "SELECT (SELECT max(user_hash) FROM events WHERE tenant_id='t2') AS leak",
    "SELECT * FROM events WHERE tenant_id IN (SELECT tenant_id FROM events)",
    "SELECT * FROM daily_usage WHERE user_hash = 'zz-leak'",
    "SELECT * FROM events -- WHERE tenant_id = 't1'",
]
REFUSED_SQL = [
    "DELETE FROM events",
    "DROP TABLE events",
    "INSERT INTO events SELECT * FROM events",
    "UPDATE events SET tenant_id = 't1'",
    "SELECT * FROM events; SELECT * FROM events",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_parquet('x.parquet')",
    "SELECT * FROM main.events",
    "SELECT * FROM system.tables",
    "SELECT * FROM companyos_analytics_eu.events",
    "SELECT * FROM mv_state",
    "SELECT getenv('HOME')",
    "SELECT * FROM duckdb_settings()",
    "PRAGMA database_list",
    "ATTACH 'x.db' AS x",
    "COPY events TO '/tmp/x.csv'",
    "SET threads = 1",
    "WITH events AS (SELECT 1) SELECT * FROM events",
    "SELECT * FROM file('x')",
    "SELECT * FROM url('http://example.com')",
    "SELECT current_setting('threads')",
    "",
    "SELECT",
]


ECHOED = {"feature", "flag", "service_id", "start_event", "return_event", "name"}  # the caller's own input


def flat(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for k, v in value.items() if k not in ECHOED for x in flat(v)]
    if isinstance(value, list | tuple):
        return [x for v in value for x in flat(v)]
    return [value]


def assert_no_leak(result: Any) -> None:
    leaked = [v for v in flat(result) if v in LEAK_MARKERS or (isinstance(v, str) and "zz-leak" in v)]
    assert not leaked, leaked


def test_allowed_query_sees_only_its_tenant(engine: Backend) -> None:
    out = adhoc.run(engine, "t1", "SELECT tenant_id, count(*) AS n FROM events GROUP BY tenant_id")
    assert out["rows"] == [["t1", 15]] and out["columns"] == ["tenant_id", "n"]
    out = adhoc.run(engine, "t1", "SELECT feature, count(DISTINCT user_hash) AS users FROM events "
                    "WHERE kind = 'product' AND feature <> '' GROUP BY feature ORDER BY feature")  # fmt: skip
    assert out["rows"] == [["x", 3], ["y", 3]]
    out = adhoc.run(engine, "t1", "SELECT user_hash FROM events ORDER BY ts", limit=2)
    assert out["row_count"] == 2 and out["truncated"] is True


@pytest.mark.parametrize("sql", HOSTILE_SQL)
def test_hostile_but_valid_sql_returns_only_its_tenant(engine: Backend, sql: str) -> None:
    try:
        out = adhoc.run(engine, "t1", sql)
    except errors.DomainError as exc:
        assert exc.status == 400
        return
    assert_no_leak(out)


@pytest.mark.parametrize("sql", REFUSED_SQL)
def test_outside_the_subset_is_refused(engine: Backend, sql: str) -> None:
    with pytest.raises(errors.DomainError) as caught:
        adhoc.run(engine, "t1", sql)
    assert caught.value.status == 400
    assert caught.value.errors[0].code in ("unsafe_sql", "query_failed")


def _reports_with(engine: Backend, value: str) -> list[dict[str, Any]]:
    since, until = date(2026, 3, 1), date(2026, 3, 8)
    return [
        reports.adoption(engine, "t1", feature=value, days=8, until=until, by="flag_state", flag=value),
        reports.adoption(engine, "t1", feature="x", days=8, until=until, environment=value, source="raw"),
        reports.active_users(engine, "t1", days=3, until=until, feature=value),
        reports.retention(
            engine, "t1", start_event=value, return_event=value, since=since, until=until, periods=2
        ),
        reports.funnel(engine, "t1", steps=[value, "Feature Used"], since=since, until=until),
        reports.ops_kpis(engine, "t1", days=8, until=until, service_id=value),
    ]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_in_report_filters_matches_nothing(engine: Backend, payload: str) -> None:
    for result in _reports_with(engine, payload):
        assert_no_leak(result)
    adoption = _reports_with(engine, payload)[0]
    assert all(g["adopters"] == 0 for g in adoption["groups"])  # a payload is a value, never SQL


pieces = st.sampled_from(
    [*INJECTIONS, "'", "--", ";", " OR ", "t2", "tenant_id", ")", "/*", "*/", "\\", "UNION"]
)


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(pieces, min_size=1, max_size=4).map("".join))
def test_fuzzed_filters_and_sql_never_leak(engine: Backend, payload: str) -> None:
    assert_no_leak(
        reports.adoption(engine, "t1", feature=payload, days=8, until=date(2026, 3, 8), source="raw")
    )
    for sql in (f"SELECT * FROM events WHERE feature = '{payload}'", f"SELECT * FROM events WHERE {payload}",
                f"SELECT {payload} FROM events", f"SELECT * FROM events {payload}"):  # fmt: skip
        try:
            out = adhoc.run(engine, "t1", sql)
        except errors.DomainError as exc:
            assert exc.status == 400
            continue
        assert_no_leak(out)
