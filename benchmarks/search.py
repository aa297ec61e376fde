"""`python -m benchmarks.search`: typeahead search latency through the API on 100,000 entities.

Two tenants share 100,000 IntelGraph entities (services, incidents, deployments, policies, alerts),
bulk-inserted through the store (``IntelGraph.bulk_upsert_entities``). Typeahead queries (word
prefixes of 1 to 6 characters as a user types, one or two words, some body-only words, some
kind-filtered) then go through the full API
stack in-process (ASGI: auth, tenancy, policy, validation, per-kind authorization). Runs on SQLite
and, when ``COMPANYOS_BENCH_POSTGRES_URL`` or ``COMPANYOS_TEST_POSTGRES_URL`` is set, on
PostgreSQL (in a scratch database, dropped afterwards). Goal: p95 < 50 ms.
Writes ``benchmarks/results/search.json``. Bounded: fixed query count, stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCHMARK = True  # discovered by `python -m benchmarks`
RESULTS = Path(__file__).resolve().parent / "results"
GOAL_P95_MS = 50.0
TENANTS = ("acme", "globex")
KINDS = ("service", "incident", "deployment", "policy", "alert")
WORDS = [
    "payments",
    "checkout",
    "billing",
    "ledger",
    "search",
    "catalog",
    "inventory",
    "shipping",
    "identity",
    "gateway",
    "orders",
    "pricing",
    "invoices",
    "refunds",
    "fraud",
    "risk",
    "notifications",
    "email",
    "sms",
    "push",
    "recommendations",
    "analytics",
    "reporting",
    "warehouse",
    "loyalty",
    "accounts",
    "profile",
    "session",
    "tokens",
    "audit",
    "compliance",
    "storage",
    "cache",
    "queue",
    "scheduler",
    "worker",
    "router",
    "edge",
    "cdn",
    "media",
    "upload",
    "thumbnails",
    "geo",
    "maps",
    "tax",
    "currency",
    "ledgerx",
]
SUFFIXES = ("api", "worker", "db", "web", "cron", "proxy", "stream", "sync")


def _entities(tenant: str, count: int, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        a, b = rng.choice(WORDS), rng.choice(WORDS)
        name = f"{a}-{b}-{rng.choice(SUFFIXES)}-{i}"
        out.append(
            {
                "kind": kind,
                "entity_id": f"{kind[:3]}_{tenant}_{i}",
                "name": name,
                "attributes": {"environment": rng.choice(["production", "staging"]), "owner": f"team-{a}"},
                "text": f"{kind} for {a} {b} owned by team {a}",
            }
        )
    return out


# Words that occur in entity bodies (free text, attribute values, ids) but rarely or never in names:
# typing one of these exercises the body tier, where most of the index can match a short prefix.
BODY_WORDS = ("team", "owned", "production", "staging", "incident", "deployment", "policy", "alert")


def _queries(rng: random.Random, n: int) -> list[dict[str, str]]:
    """Typeahead as a user types: every word is a prefix of 1 to 6 characters of a real word.

    Mix: 60% one name word, 30% name word + second word (suffix prefix of 1-3 characters), 10% a word
    found only in bodies; 30% of queries carry a kind filter.
    """
    queries = []
    for _ in range(n):
        roll = rng.random()
        word = rng.choice(BODY_WORDS if roll < 0.1 else WORDS)
        q = word[: rng.randint(1, min(6, len(word)))]
        if roll >= 0.7:
            q += " " + rng.choice(SUFFIXES)[: rng.randint(1, 3)]
        params = {"q": q, "page_size": "10"}
        if rng.random() < 0.3:
            params["kinds"] = rng.choice(["service", "service,incident", "deployment"])
        queries.append(params)
    return queries


def _pg_scratch(base_url: str) -> tuple[str, Any]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"companyos_bench_{secrets.token_hex(4)}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(base_url).set(database=name).render_as_string(hide_password=False), drop


def run_backend(
    label: str, database_url: str, var_dir: Path, *, entities: int, queries: int
) -> dict[str, Any]:
    import httpx

    from companyos_server.app import build_app
    from companyos_server.platform.identity.issuer import issue_access_token
    from companyos_server.platform.migrations import migrate
    from companyos_server.platform.runtime import Runtime, set_runtime
    from companyos_server.seed import seed_tenants
    from companyos_server.settings import Settings

    settings = Settings(
        env="test", var_dir=var_dir, database_url=database_url, public_base_url="http://bench",
        rate_limit_enabled=False, validate_responses=False,
    )  # fmt: skip
    runtime = Runtime(settings)
    migrate(runtime.db)
    set_runtime(runtime)
    seed_tenants(runtime)
    rng = random.Random(42)
    started = time.perf_counter()
    per_tenant = entities // len(TENANTS)
    for tenant in TENANTS:
        rows = _entities(tenant, per_tenant, rng)
        for start in range(0, len(rows), 5000):
            with runtime.db.session() as session:
                runtime.graph.bulk_upsert_entities(
                    session, tenant_id=tenant, entities=rows[start : start + 5000]
                )
    insert_s = time.perf_counter() - started
    if runtime.db.dialect == "postgresql":
        with runtime.db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE graph_entities")

    token = issue_access_token(
        runtime.keys, settings, subject="usr_bench", client_id="companyos-cli",
        tenants={"acme": ["sre"], "globex": ["sre"]}, scopes=["openid", "api"], acr=None, auth_time=None, ttl=3600,
    )  # fmt: skip
    app = build_app(runtime, validate_responses=False)
    qs = _queries(rng, queries)

    async def measure() -> tuple[list[float], int]:
        timings: list[float] = []
        hits = 0
        transport = httpx.ASGITransport(app=app)
        headers = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for params in qs[:20]:  # warm-up
                await client.get("/v1/tenants/acme/search", params=params, headers=headers)
            for i, params in enumerate(qs):
                tenant = TENANTS[i % len(TENANTS)]
                t0 = time.perf_counter()
                r = await client.get(f"/v1/tenants/{tenant}/search", params=params, headers=headers)
                timings.append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    raise RuntimeError(f"search failed: {r.status_code} {r.text[:300]}")
                hits += len(r.json()["items"])
        return timings, hits

    timings, hits = asyncio.run(measure())
    runtime.close()
    set_runtime(None)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    return {
        "backend": label,
        "entities": entities,
        "tenants": len(TENANTS),
        "bulk_insert_s": round(insert_s, 2),
        "queries": len(timings),
        "mean_results": round(hits / len(timings), 2),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(timings[-1], 2),
        "goal_p95_ms": GOAL_P95_MS,
        "meets_goal": p95 < GOAL_P95_MS,
    }


def main(*, quick: bool = False, profile: bool = False, entities: int | None = None) -> int:
    count = entities or (20_000 if quick else 100_000)
    queries = 200 if quick else 500
    results = []
    with tempfile.TemporaryDirectory(prefix="companyos-bench-search-") as tmp:
        sqlite_url = f"sqlite:///{Path(tmp) / 'search.db'}"
        results.append(
            run_backend("sqlite", sqlite_url, Path(tmp) / "var-sqlite", entities=count, queries=queries)
        )
        pg_base = os.environ.get("COMPANYOS_BENCH_POSTGRES_URL") or os.environ.get(
            "COMPANYOS_TEST_POSTGRES_URL"
        )
        if pg_base:
            url, drop = _pg_scratch(pg_base)
            try:
                results.append(
                    run_backend("postgresql", url, Path(tmp) / "var-pg", entities=count, queries=queries)
                )
            finally:
                drop()
    report = {"benchmark": "search", "goal": f"typeahead p95 < {GOAL_P95_MS:.0f} ms", "results": results}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "search.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"{'backend':<12}{'entities':>10}{'insert s':>10}{'p50 ms':>9}{'p95 ms':>9}{'goal':>7}")
    for r in results:
        goal = "ok" if r["meets_goal"] else "MISS"
        print(
            f"{r['backend']:<12}{r['entities']:>10}{r['bulk_insert_s']:>10}{r['p50_ms']:>9}{r['p95_ms']:>9}{goal:>7}"
        )
    print("wrote benchmarks/results/search.json")
    return 0 if all(r["meets_goal"] for r in results) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20,000 entities, 200 queries")
    parser.add_argument("--entities", type=int, default=None)
    args = parser.parse_args()
    sys.exit(main(quick=args.quick, entities=args.entities))
