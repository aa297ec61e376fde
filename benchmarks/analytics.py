"""`python -m benchmarks analytics`: analytics ingest throughput and report latency, next to raw DuckDB.

1. Ingest through the service (``ingest.ingest``: validation, consent, hashing, enrichment, routing,
   DuckDB insert) and through the API batch endpoint (in-process ASGI: auth, policy, validation), in
   batches of 1,000 events; events/s. Goals: ≥ 50,000/s (service), ≥ 10,000/s (API).
2. Feature adoption and N-day retention over many events (bulk-generated into the partition): cold
   (``source=raw``, the events), materialised (the daily roll-up, after one incremental refresh, timed
   apart) and the same question asked of DuckDB directly, as a user would write it (the baseline; overhead
   = ours / baseline). Goal: prebuilt reports < 200 ms materialised.

Full: 1M events through the service, 100k through the API, 10M events for the reports. ``--quick``: 100k,
20k and 1M. Writes ``benchmarks/results/analytics.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

BENCHMARK = True
RESULTS = Path(__file__).resolve().parent / "results"
GOAL_SERVICE_EPS = 50_000
GOAL_API_EPS = 10_000
GOAL_REPORT_MS = 200.0
BATCH = 1000
FEATURES = ("service-map", "deployments", "incidents", "search", "policies", "alerts", "slo", "graph")


def _events(n: int, now: datetime) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        ts = now - timedelta(minutes=(i * 7) % (20 * 24 * 60) + 10)
        out.append({"schema": "Feature Used", "version": "1-0-0", "ts": ts.isoformat().replace("+00:00", "Z"),
                    "user_id": f"user-{i % 5000}", "feature": FEATURES[i % len(FEATURES)], "client_type": "web",
                    "properties": {"action": "open", "latency_ms": float(i % 400)}})  # fmt: skip
    return out


def _timed(fn: Any, repeat: int = 5) -> float:
    fn()  # warm
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(runs), 2)


def _generate(con: Any, tenant: str, n: int, users: int, today: datetime) -> None:
    """Bulk rows straight into the partition (bench fixture only): 30 days, `users` users, 8 features."""
    con.execute(
        f"""INSERT INTO events SELECT '{tenant}', 'eu', 1, 'b' || i, CASE WHEN i % 5 = 0 THEN 'Page Viewed'
        ELSE 'Feature Used' END, '1-0-0', 'product', ts, CAST(ts AS DATE), ts, 'h_' || (hash(i * 7919) % {users}),
        CASE i % 3 WHEN 0 THEN 'sre' WHEN 1 THEN 'viewer' ELSE 'tenant_admin' END,
        ['service-map','deployments','incidents','search','policies','alerts','slo','graph'][1 + i % 8],
        'production', 'web', '1.0', 'enterprise', CASE WHEN i % 2 = 0 THEN ',new-nav,' ELSE ',' END, '{{}}',
        (i % 400)::DOUBLE, NULL, NULL
        FROM (SELECT i, TIMESTAMP '{today:%Y-%m-%d} 00:00:00' - to_seconds((i * 2654435761) % (30 * 86400)) AS ts
              FROM range({n}) t(i))"""  # noqa: S608 (bench fixture, constants)
    )


def run(quick: bool) -> dict[str, Any]:
    import httpx

    from companyos_server.app import build_app
    from companyos_server.domains.analytics import ingest, reports
    from companyos_server.domains.analytics.service import keyring, warehouse
    from companyos_server.platform.identity.issuer import issue_access_token
    from companyos_server.platform.migrations import migrate
    from companyos_server.platform.principal import Principal, TenantContext
    from companyos_server.platform.runtime import Runtime, set_runtime
    from companyos_server.seed import seed_tenants
    from companyos_server.settings import Settings

    service_n, api_n, report_n = (100_000, 20_000, 1_000_000) if quick else (1_000_000, 100_000, 10_000_000)
    tmp = tempfile.mkdtemp(prefix="companyos-bench-analytics-")
    settings = Settings(env="test", var_dir=Path(tmp) / "var", public_base_url="http://bench",
                        rate_limit_enabled=False, validate_responses=False)  # fmt: skip
    runtime = Runtime(settings)
    migrate(runtime.db)
    set_runtime(runtime)
    seed_tenants(runtime)
    store, keys, now = warehouse(runtime), keyring(runtime), datetime.now(UTC)
    principal = Principal("usr_bench", "user", {"acme": ("sre",), "globex": ("sre",)})
    ctx = TenantContext("globex", principal, roles=("sre",))

    # 1a. through the service
    events = _events(BATCH, now)
    ingest.ingest(runtime.db, store, keys, ctx, events)  # warm: key, partition, imports
    t0 = time.perf_counter()
    accepted = 0
    for _ in range(service_n // BATCH):
        accepted += ingest.ingest(runtime.db, store, keys, ctx, events)["accepted"]
    service_eps = accepted / (time.perf_counter() - t0)

    # 1b. through the API
    token = issue_access_token(
        runtime.keys, settings, subject="usr_bench", client_id="companyos-cli", tenants={"globex": ["sre"]},
        scopes=["openid", "api"], acr=None, auth_time=None, ttl=3600,
    )  # fmt: skip
    app = build_app(runtime, validate_responses=False)

    async def post_all() -> float:
        headers = {"Authorization": f"Bearer {token}"}
        body = {"events": events}
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench"
        ) as client:
            r = await client.post("/v1/tenants/globex/analytics/events", json=body, headers=headers)
            assert r.status_code == 200, r.text
            t = time.perf_counter()
            n = 0
            for _ in range(api_n // BATCH):
                r = await client.post("/v1/tenants/globex/analytics/events", json=body, headers=headers)
                n += r.json()["accepted"]
            return n / (time.perf_counter() - t)

    api_eps = asyncio.run(post_all())

    # 2. reports over many events (acme, eu partition) vs raw DuckDB
    backend = store.partition("eu")
    today = now.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    t0 = time.perf_counter()
    _generate(backend._con, "acme", report_n, 20_000, today)  # type: ignore[attr-defined]
    _generate(backend._con, "globex-twin", report_n // 10, 2_000, today)  # type: ignore[attr-defined]
    generate_s = time.perf_counter() - t0
    until = now.date()
    t0 = time.perf_counter()
    reports.refresh(backend)
    refresh_s = time.perf_counter() - t0
    since = until - timedelta(days=29)
    ours = {
        ("adoption", "raw"): lambda: reports.adoption(backend, "acme", feature="search", days=30, until=until,
                                                      by="flag_state", flag="new-nav", source="raw"),
        ("adoption", "materialized"): lambda: reports.adoption(backend, "acme", feature="search", days=30,
                                                               until=until, by="flag_state", flag="new-nav"),
        ("retention", "raw"): lambda: reports.retention(backend, "acme", start_event="Feature Used",
                                                        return_event="Feature Used", since=since, until=until,
                                                        periods=7, source="raw"),
        ("retention", "materialized"): lambda: reports.retention(backend, "acme", start_event="Feature Used",
                                                                 return_event="Feature Used", since=since,
                                                                 until=until, periods=7),
    }  # fmt: skip
    import duckdb

    raw = duckdb.connect(str(Path(store.location) / "eu.duckdb"))  # the user's own connection to the file
    baseline = {
        "adoption": lambda: raw.execute(
            "SELECT strpos(flags_on, ',new-nav,') > 0 AS on_, count(DISTINCT user_hash), "
            "count(DISTINCT CASE WHEN feature = 'search' THEN user_hash END) FROM events "
            "WHERE tenant_id = 'acme' AND day BETWEEN ? AND ? GROUP BY 1", [since, until]).fetchall(),
        "retention": lambda: raw.execute(
            "WITH f AS (SELECT user_hash, min(day) AS d0 FROM events WHERE tenant_id = 'acme' AND name = "
            "'Feature Used' AND day BETWEEN ? AND ? GROUP BY 1), r AS (SELECT DISTINCT user_hash, day FROM events "
            "WHERE tenant_id = 'acme' AND name = 'Feature Used' AND day > ? AND day <= ?) "
            "SELECT d0, date_diff('day', d0, day) AS k, count(*) FROM f JOIN r USING (user_hash) "
            "WHERE day > d0 AND date_diff('day', d0, day) <= 7 GROUP BY 1, 2",
            [since, until, since, until + timedelta(days=8)]).fetchall(),
    }  # fmt: skip
    rows = []
    for (name, source), fn in ours.items():
        ms = _timed(fn, repeat=3 if quick else 5)
        base = _timed(baseline[name], repeat=3 if quick else 5)
        rows.append({"report": name, "source": source, "ms": ms, "raw_duckdb_ms": base,
                     "overhead": round(ms / base, 2) if base else None})  # fmt: skip
    runtime.close()
    set_runtime(None)
    materialized_ok = all(r["ms"] < GOAL_REPORT_MS for r in rows if r["source"] == "materialized")
    return {
        "benchmark": "analytics",
        "quick": quick,
        "ingest": {
            "service_events": service_n, "service_events_per_s": round(service_eps),
            "api_events": api_n, "api_events_per_s": round(api_eps),
            "goal_service": GOAL_SERVICE_EPS, "goal_api": GOAL_API_EPS,
        },
        "reports": {"events": report_n + report_n // 10, "generate_s": round(generate_s, 2),
                    "refresh_s": round(refresh_s, 2), "rows": rows, "goal_ms": GOAL_REPORT_MS},
        "meets_goals": {"service": service_eps >= GOAL_SERVICE_EPS, "api": api_eps >= GOAL_API_EPS,
                        "materialized_reports": materialized_ok},
    }  # fmt: skip


def main(*, quick: bool = False, profile: bool = False) -> int:
    report = run(quick)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "analytics.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    ing = report["ingest"]
    print(
        f"ingest via service: {ing['service_events_per_s']:>9} events/s ({ing['service_events']} events; goal ≥ {GOAL_SERVICE_EPS})"
    )
    print(
        f"ingest via API:     {ing['api_events_per_s']:>9} events/s ({ing['api_events']} events; goal ≥ {GOAL_API_EPS})"
    )
    rep = report["reports"]
    print(f"reports over {rep['events']} events (roll-up refresh {rep['refresh_s']} s):")
    print(f"{'report':<11}{'source':<14}{'ms':>9}{'raw duckdb ms':>15}{'overhead':>10}")
    for r in rep["rows"]:
        print(f"{r['report']:<11}{r['source']:<14}{r['ms']:>9}{r['raw_duckdb_ms']:>15}{r['overhead']:>10}")
    print("wrote benchmarks/results/analytics.json")
    return 0 if all(report["meets_goals"].values()) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m benchmarks.analytics", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100k / 20k events ingested, 1M for the reports")
    sys.exit(main(quick=parser.parse_args().quick))
