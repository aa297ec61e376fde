"""Prebuilt reports over one tenant's events: adoption, active users, retention, funnels, ops KPIs.

Every query is written once (DuckDB dialect, ``:name`` placeholders bound as literals by sqlglot) and runs
through :func:`warehouse.query`, which wraps each table in the tenant filter and renders it for the engine.
Where a report can, it reads the materialised ``daily_usage`` roll-up (refreshed incrementally first);
``source="raw"`` reads the events themselves. Every result carries ``freshness`` and ``sampling``.
"""

# ruff: noqa: S608 -- the f-strings splice only constants of this module (table, column, group expressions);
# every caller-supplied value is a `:name` placeholder that sqlglot binds as a quoted literal.

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlglot
from sqlglot import exp

from companyos_server import errors
from companyos_server.domains.analytics import warehouse as wh
from companyos_server.domains.analytics.warehouse import ROLLUP_DIMENSIONS, Backend

SOURCES = ("materialized", "raw")
RETENTION_MODES = ("n_day", "unbounded", "cumulative")
BREAKDOWNS = ("tenant", "role", "flag_state", "environment", "client_type")
PERCENTILES = (50, 90, 99)
SAMPLING = {
    "sampled": False,
    "rate": 1.0,
    "notice": "Exact: every stored event of the tenant in the window was counted; no sampling.",
}


# -- materialised roll-up ---------------------------------------------------------------------------------
_refresh_locks: dict[int, threading.Lock] = {}
_locks_guard = threading.Lock()


def refresh(backend: Backend) -> dict[str, Any]:
    """Append the roll-up of events stored since the last refresh (all tenants of the partition).

    One refresh at a time per partition in this process (two would append the same delta twice); with
    several server processes on one DuckDB file only one can write anyway (DuckDB's file lock)."""
    with _locks_guard:
        lock = _refresh_locks.setdefault(id(backend), threading.Lock())
    with lock:
        return _refresh(backend)


def _refresh(backend: Backend) -> dict[str, Any]:
    # The hot store only, by seq: the cold tier takes only rows at or below the watermark (coldtier
    # refreshes first), so no row this needs has gone cold, and none that went cold is counted again.
    _, rows = backend.execute(
        backend.render(
            exp.select("max(seq)").from_(backend.qualify("mv_state")).where("view_name = 'daily_usage'")
        )
    )
    watermark = int(rows[0][0]) if rows and rows[0][0] is not None else 0
    _, rows = backend.execute(backend.render(exp.select("max(seq)").from_(backend.qualify("events"))))
    high = int(rows[0][0]) if rows and rows[0][0] is not None else 0
    if high <= watermark:
        return {"refreshed": False, "watermark": watermark}
    dims = ", ".join(ROLLUP_DIMENSIONS)
    select = (
        f"SELECT {dims}, count(*) AS events FROM events "
        f"WHERE seq > {watermark} AND seq <= {high} GROUP BY {dims}"
    )
    tree = sqlglot.parse_one(select, read="duckdb")
    tree = tree.transform(
        lambda n: backend.qualify("events") if isinstance(n, exp.Table) and n.name == "events" else n
    )
    target = backend.render(backend.qualify("daily_usage"))
    backend.command(f"INSERT INTO {target} ({dims}, events) {backend.render(tree)}")
    state = backend.render(backend.qualify("mv_state"))
    backend.command(f"INSERT INTO {state} (view_name, seq) VALUES ('daily_usage', {high})")
    return {"refreshed": True, "watermark": high}


def _source(backend: Backend, source: str) -> tuple[str, str, datetime | None]:
    """(table, per-row count expression, materialised as of)."""
    if source not in SOURCES:
        raise errors.invalid_argument("Unknown source.", [errors.FieldError("source", "materialized or raw")])
    if source == "raw":
        return "events", "1", None
    state = refresh(backend)
    as_of = datetime.fromtimestamp(state["watermark"] / 1e9, UTC) if state["watermark"] else None
    return "daily_usage", "events", as_of


def freshness(backend: Backend, tenant_id: str, materialized_as_of: datetime | None = None) -> dict[str, Any]:
    rows = wh.query(backend, tenant_id, "SELECT max(received_at) AS at, count(*) AS n FROM events")
    at = rows[0]["at"] if rows else None
    return {
        "data_as_of": f"{at[:19].replace(' ', 'T')}Z" if at and int(rows[0]["n"]) else None,
        "events": int(rows[0]["n"]) if rows else 0,
        "materialized_as_of": materialized_as_of.isoformat().replace("+00:00", "Z")
        if materialized_as_of
        else None,
        "computed_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
    }


def _filters(filters: dict[str, str | None]) -> tuple[str, dict[str, Any]]:
    """Equality filters on dimensions, bound as literals (never spliced text)."""
    clauses, params = [], {}
    for column in ("environment", "client_type", "role"):
        value = filters.get(column)
        if value is not None:
            clauses.append(f" AND {column} = :f_{column}")
            params[f"f_{column}"] = value
    return "".join(clauses), params


def _window(until: date | None, days: int, *, limit: int = 3650) -> tuple[date, date]:
    if days < 1 or days > limit:
        raise errors.invalid_argument("days is out of range.", [errors.FieldError("days", f"1..{limit}")])
    end = until or datetime.now(UTC).date()
    return end - timedelta(days=days - 1), end


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 6) if whole else None


def _meta(backend: Backend, tenant_id: str, as_of: datetime | None, source: str) -> dict[str, Any]:
    return {"source": source, "freshness": freshness(backend, tenant_id, as_of), "sampling": dict(SAMPLING)}


# -- feature adoption -------------------------------------------------------------------------------------
def adoption(
    backend: Backend,
    tenant_id: str,
    *,
    feature: str,
    days: int = 30,
    until: date | None = None,
    by: str = "tenant",
    flag: str | None = None,
    source: str = "materialized",
    **filters: str | None,
) -> dict[str, Any]:
    if by not in BREAKDOWNS:
        raise errors.invalid_argument("Unknown breakdown.", [errors.FieldError("by", ", ".join(BREAKDOWNS))])
    if by == "flag_state" and not flag:
        raise errors.invalid_argument("by=flag_state needs flag.", [errors.FieldError("flag", "is required")])
    since, end = _window(until, days)
    table, one, as_of = _source(backend, source)
    group = {
        "tenant": "tenant_id",
        "role": "role",
        "environment": "environment",
        "client_type": "client_type",
        "flag_state": "CASE WHEN strpos(flags_on, :flag_pattern) > 0 THEN 'on' ELSE 'off' END",
    }[by]
    where, params = _filters(filters)
    sql = (
        f"SELECT {group} AS grp, count(DISTINCT user_hash) AS active_users, "
        f"count(DISTINCT CASE WHEN feature = :feature THEN user_hash END) AS adopters, "
        f"sum(CASE WHEN feature = :feature THEN {one} ELSE 0 END) AS feature_events "
        f"FROM {table} WHERE day >= :since AND day <= :until AND user_hash <> ''{where} "
        f"GROUP BY grp ORDER BY grp"
    )
    params |= {"feature": feature, "since": since, "until": end, "flag_pattern": f",{flag or ''},"}
    rows = wh.query(backend, tenant_id, sql, params)
    groups = [
        {
            "group": str(r["grp"]),
            "active_users": int(r["active_users"]),
            "adopters": int(r["adopters"]),
            "adoption_rate": _rate(int(r["adopters"]), int(r["active_users"])),
            "feature_events": int(r["feature_events"] or 0),
        }
        for r in rows
    ]
    return {
        "report": "adoption",
        "feature": feature,
        "by": by,
        "flag": flag,
        "since": since.isoformat(),
        "until": end.isoformat(),
        "groups": groups,
        **_meta(backend, tenant_id, as_of, source),
    }


# -- DAU / WAU / MAU --------------------------------------------------------------------------------------
def active_users(
    backend: Backend,
    tenant_id: str,
    *,
    days: int = 30,
    until: date | None = None,
    feature: str | None = None,
    compare_days: int = 7,
    source: str = "materialized",
    **filters: str | None,
) -> dict[str, Any]:
    """Per day of the window: DAU, WAU (7 days ending that day), MAU (30 days), stickiness DAU/MAU."""
    since, end = _window(until, days)
    table, _, as_of = _source(backend, source)
    where, params = _filters(filters)
    if feature is not None:
        where += " AND feature = :feature"
        params["feature"] = feature
    first = since - timedelta(days=29)
    sql = (
        f"SELECT DISTINCT day, user_hash FROM {table} "
        f"WHERE day >= :first AND day <= :until AND user_hash <> ''{where}"
    )
    rows = wh.query(backend, tenant_id, sql, params | {"first": first, "until": end})
    by_day: dict[date, set[str]] = defaultdict(set)
    for r in rows:
        by_day[date.fromisoformat(str(r["day"])[:10])].add(str(r["user_hash"]))

    def distinct(last: date, span: int) -> int:
        users: set[str] = set()
        for offset in range(span):
            users |= by_day.get(last - timedelta(days=offset), set())
        return len(users)

    series: list[dict[str, Any]] = []
    day = since
    while day <= end:
        dau, wau, mau = distinct(day, 1), distinct(day, 7), distinct(day, 30)
        series.append(
            {"day": day.isoformat(), "dau": dau, "wau": wau, "mau": mau, "stickiness": _rate(dau, mau)}
        )
        day += timedelta(days=1)
    last = series[-1]
    before = series[-1 - compare_days] if compare_days < len(series) else series[0]
    return {
        "report": "active_users",
        "feature": feature,
        "since": since.isoformat(),
        "until": end.isoformat(),
        "dau": last["dau"],
        "wau": last["wau"],
        "mau": last["mau"],
        "stickiness": last["stickiness"],
        "deltas": {
            "compared_with": before["day"],
            "dau": last["dau"] - before["dau"],
            "wau": last["wau"] - before["wau"],
            "mau": last["mau"] - before["mau"],
        },
        "series": series,
        **_meta(backend, tenant_id, as_of, source),
    }


# -- retention --------------------------------------------------------------------------------------------
def retention(
    backend: Backend,
    tenant_id: str,
    *,
    start_event: str,
    return_event: str,
    since: date,
    until: date,
    period_days: int = 1,
    periods: int = 7,
    mode: str = "n_day",
    breakdown: str | None = None,
    source: str = "materialized",
) -> dict[str, Any]:
    """Cohorts by the day of a user's first ``start_event`` in [since, until]; period k of a user covers
    days [first + k·P, first + (k+1)·P). ``n_day``: returned in period k; ``unbounded``: in period k or
    later; ``cumulative``: in any of periods 1..k. Period 0 is the cohort itself."""
    if mode not in RETENTION_MODES:
        raise errors.invalid_argument(
            "Unknown mode.", [errors.FieldError("mode", ", ".join(RETENTION_MODES))]
        )
    if since > until:
        raise errors.invalid_argument(
            "since is after until.", [errors.FieldError("since", "must be <= until")]
        )
    if breakdown not in (None, "role", "environment", "client_type"):
        raise errors.invalid_argument(
            "Unknown breakdown.", [errors.FieldError("breakdown", "role|environment|client_type")]
        )
    table, _, as_of = _source(backend, source)
    group = breakdown or "''"
    horizon = until + timedelta(days=period_days * (periods + 1))
    ctes = (
        f"WITH s AS (SELECT user_hash, {group} AS grp, min(day) AS first_day FROM {table} WHERE name = :start "
        f"AND day >= :since AND day <= :until AND user_hash <> '' GROUP BY user_hash, grp), "
        f"r AS (SELECT DISTINCT user_hash, day FROM {table} WHERE name = :ret AND day > :since "
        f"AND day <= :horizon AND user_hash <> ''), "
        "j AS (SELECT s.user_hash AS u, s.grp AS grp, s.first_day AS first_day, "
        "date_diff('day', s.first_day, r.day) // :period AS k FROM s JOIN r ON r.user_hash = s.user_hash "
        "WHERE r.day > s.first_day) "
    )
    params = {"start": start_event, "ret": return_event, "since": since, "until": until, "horizon": horizon,
              "period": period_days, "periods": periods}  # fmt: skip
    sizes = wh.query(backend, tenant_id, ctes + "SELECT first_day, grp, count(*) AS n FROM s GROUP BY first_day, grp",
                     params)  # fmt: skip
    exact = wh.query(
        backend, tenant_id,
        ctes + "SELECT first_day, grp, k, count(DISTINCT u) AS n FROM j WHERE k >= 1 AND k <= :periods "
        "GROUP BY first_day, grp, k", params,
    )  # fmt: skip
    spans = wh.query(
        backend, tenant_id,
        ctes + "SELECT first_day, grp, lo, hi, count(*) AS n FROM (SELECT u, grp, first_day, "
        "min(CASE WHEN k >= 1 THEN k END) AS lo, max(k) AS hi FROM j GROUP BY u, grp, first_day) AS t "
        "GROUP BY first_day, grp, lo, hi", params,
    )  # fmt: skip
    cohorts: dict[tuple[str, str], list[int]] = {}
    for r in sizes:
        cohorts[(str(r["first_day"])[:10], str(r["grp"]))] = [int(r["n"])] + [0] * periods
    if mode == "n_day":
        for r in exact:
            cohorts[(str(r["first_day"])[:10], str(r["grp"]))][int(r["k"])] += int(r["n"])
    else:
        for r in spans:
            counts = cohorts[(str(r["first_day"])[:10], str(r["grp"]))]
            lo, hi = r["lo"], r["hi"]
            for period in range(1, periods + 1):
                if mode == "unbounded" and hi is not None and int(hi) >= period:
                    counts[period] += int(r["n"])
                if mode == "cumulative" and lo is not None and int(lo) <= period:
                    counts[period] += int(r["n"])
    totals: dict[str, list[int]] = {}
    out = []
    for (cohort_day, grp), counts in sorted(cohorts.items()):
        out.append(
            {
                "cohort": cohort_day,
                "group": grp if breakdown else None,
                "size": counts[0],
                "retained": counts,
                "rates": [_rate(c, counts[0]) for c in counts],
            }
        )
        acc = totals.setdefault(grp, [0] * (periods + 1))
        for i, c in enumerate(counts):
            acc[i] += c
    overall = []
    for grp, counts in sorted(totals.items()):
        size = counts[0]
        overall.append({"group": grp if breakdown else None, "size": size, "retained": counts,
                        "rates": [_rate(c, size) for c in counts]})  # fmt: skip
    return {
        "report": "retention",
        "mode": mode,
        "start_event": start_event,
        "return_event": return_event,
        "since": since.isoformat(),
        "until": until.isoformat(),
        "period_days": period_days,
        "periods": periods,
        "breakdown": breakdown,
        "cohorts": out,
        "overall": overall,
        **_meta(backend, tenant_id, as_of, source),
    }


# -- funnels ----------------------------------------------------------------------------------------------
def funnel(
    backend: Backend,
    tenant_id: str,
    *,
    steps: list[str],
    since: date,
    until: date,
    window_days: int = 7,
    **filters: str | None,
) -> dict[str, Any]:
    """Ordered funnel: a user enters at their first step-1 event in the window, then each next step counts
    when it happens after the previous one and within ``window_days`` of entering."""
    if not 2 <= len(steps) <= 10:
        raise errors.invalid_argument(
            "A funnel has 2 to 10 steps.", [errors.FieldError("steps", "2..10 names")]
        )
    where, params = _filters(filters)
    rows = wh.query(
        backend,
        tenant_id,
        f"SELECT user_hash, name, ts FROM events WHERE name IN :steps AND day >= :since AND day <= :horizon "
        f"AND user_hash <> ''{where} ORDER BY user_hash, ts",
        params | {"steps": tuple(steps), "since": since, "horizon": until + timedelta(days=window_days)},
    )
    per_user: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in rows:
        per_user[str(r["user_hash"])].append((str(r["ts"]), str(r["name"])))
    reached = [0] * len(steps)
    window = timedelta(days=window_days)
    for events in per_user.values():
        events.sort()
        entry = next((ts for ts, name in events if name == steps[0] and ts[:10] <= until.isoformat()), None)
        if entry is None:
            continue
        limit = (datetime.fromisoformat(entry) + window).isoformat(sep=" ")
        reached[0] += 1
        current, step = entry, 1
        for ts, name in events:
            if step == len(steps):
                break
            if ts > limit:
                break
            if name == steps[step] and ts >= current and ts != entry:
                reached[step] += 1
                current, step = ts, step + 1
    result = [
        {
            "step": i + 1,
            "name": name,
            "users": reached[i],
            "conversion_from_start": _rate(reached[i], reached[0]),
            "conversion_from_previous": _rate(reached[i], reached[i - 1])
            if i
            else _rate(reached[0], reached[0]),
        }
        for i, name in enumerate(steps)
    ]
    return {
        "report": "funnel",
        "since": since.isoformat(),
        "until": until.isoformat(),
        "window_days": window_days,
        "steps": result,
        **_meta(backend, tenant_id, None, "raw"),
    }


# -- operational KPIs -------------------------------------------------------------------------------------
def ops_kpis(
    backend: Backend,
    tenant_id: str,
    *,
    days: int = 30,
    until: date | None = None,
    service_id: str | None = None,
) -> dict[str, Any]:
    """Uptime from SLI buckets (good / total), latency p50/p90/p99 (nearest rank) of events carrying
    ``latency_ms``, and ops event counts; per day as well. For ops events ``feature`` holds the service."""
    since, end = _window(until, days)
    params: dict[str, Any] = {"since": since, "until": end}
    service = ""
    if service_id is not None:
        service, params["service"] = " AND feature = :service", service_id
    rng = "day >= :since AND day <= :until"
    sli = wh.query(
        backend,
        tenant_id,
        f"SELECT day, sum(good) AS good, sum(total) AS total FROM events WHERE name = 'Sli Sample Recorded' "
        f"AND {rng}{service} GROUP BY day ORDER BY day",
        params,
    )
    ranks = " OR ".join(f"rn = greatest((n * {p} + 99) // 100, 1)" for p in PERCENTILES)
    lat_sql = (
        "SELECT k, n, rn, latency_ms FROM (SELECT {key} AS k, latency_ms, "
        "row_number() OVER ({part}ORDER BY latency_ms) AS rn, count(*) OVER ({part2}) AS n FROM events "
        f"WHERE latency_ms IS NOT NULL AND {rng}{{svc}}) AS r WHERE {ranks} ORDER BY k, rn"
    )
    latency_rows = wh.query(
        backend, tenant_id, lat_sql.format(key="'all'", part="", part2="", svc=service), params
    ) + wh.query(
        backend, tenant_id, lat_sql.format(key="day", part="PARTITION BY day ", part2="PARTITION BY day", svc=service),
        params,
    )  # fmt: skip
    latency: dict[str, dict[str, float]] = defaultdict(dict)
    for r in latency_rows:
        n, rn = int(r["n"]), int(r["rn"])
        for p in PERCENTILES:
            if rn == max((n * p + 99) // 100, 1):
                latency[str(r["k"])[:10]][f"p{p}"] = float(r["latency_ms"])
    counts = wh.query(
        backend,
        tenant_id,
        f"SELECT name, count(*) AS n FROM events WHERE kind = 'ops' AND {rng}{service} GROUP BY name ORDER BY name",
        params,
    )
    good = sum(int(r["good"] or 0) for r in sli)
    total = sum(int(r["total"] or 0) for r in sli)
    per_day = {str(r["day"])[:10]: r for r in sli}
    series = []
    day = since
    while day <= end:
        key = day.isoformat()
        row = per_day.get(key)
        series.append(
            {
                "day": key,
                "uptime": _rate(int(row["good"] or 0), int(row["total"] or 0)) if row else None,
                "latency_p50_ms": latency.get(key, {}).get("p50"),
                "latency_p90_ms": latency.get(key, {}).get("p90"),
                "latency_p99_ms": latency.get(key, {}).get("p99"),
            }
        )
        day += timedelta(days=1)
    overall = latency.get("all", {})
    return {
        "report": "ops_kpis",
        "since": since.isoformat(),
        "until": end.isoformat(),
        "service_id": service_id,
        "uptime": _rate(good, total),
        "good_events": good,
        "total_events": total,
        "latency_ms": {f"p{p}": overall.get(f"p{p}") for p in PERCENTILES},
        "ops_events": {str(r["name"]): int(r["n"]) for r in counts},
        "series": series,
        **_meta(backend, tenant_id, None, "raw"),
    }
