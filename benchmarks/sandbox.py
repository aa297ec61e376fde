"""`python -m benchmarks sandbox`: creating a seeded demo sandbox, and resetting it, on SQLite.

In process, on a migrated SQLite database and a DuckDB analytics store under a temporary var dir (what
``./dev up`` runs on), for each profile (``ops-heavy``: 30 days of per-minute SLI samples, ~45,000 rows;
``admin-heavy``: a 2,000-row dataset file and ~1,400 analytics events):

* creation: the sandbox tenant's row, then :func:`~companyos_server.domains.sandbox.stories.seed_sandbox`
  (rows, files, events and the content digest), a fresh tenant each run;
* reset: :func:`~companyos_server.domains.sandbox.reset.reset_sandbox` of one seeded tenant, again and again
  (removal, re-seed, digest); every reset must give the seeded digest.

Goal (issue 16): creation and reset <= 2 s (p95). Writes ``benchmarks/results/sandbox.json``. Bounded: a fixed number of
runs (20; 5 with ``--quick``).
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCHMARK = True
RESULTS = Path(__file__).resolve().parent / "results"
GOAL_S = 2.0
PROFILES = ("ops-heavy", "admin-heavy")


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "runs": len(ordered),
        "p50_s": round(statistics.median(ordered), 3),
        "p95_s": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 3),
        "max_s": round(ordered[-1], 3),
    }


def measure(runs: int) -> dict[str, Any]:
    from companyos_server.domains.sandbox import reset, stories
    from companyos_server.domains.tenants import store as tenants_store
    from companyos_server.domains.tenants.store import TenantRow
    from companyos_server.platform.migrations import migrate
    from companyos_server.platform.runtime import Runtime, set_runtime
    from companyos_server.settings import Settings

    now = datetime.now(UTC)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="companyos-bench-sandbox-") as tmp:
        var = Path(tmp) / "var"
        settings = Settings(env="test", var_dir=var, database_url=f"sqlite:///{var / 'companyos.db'}")
        runtime = Runtime(settings)
        migrate(runtime.db)
        set_runtime(runtime)
        try:

            def create(tenant_id: str, profile: str) -> Any:
                with runtime.db.session() as session:
                    tenants_store.add(session, TenantRow(
                        id=tenant_id, display_name=tenant_id, tier="standard", residency="eu", status="active",
                        environment="sandbox", labels={}, created_at=now, updated_at=now,
                    ))  # fmt: skip
                return stories.seed_sandbox(runtime, tenant_id, profile, 2026, now)

            for profile in PROFILES:
                create(f"warm-{profile}", profile)  # imports, DuckDB partition, first statements: not timed
                creation, resets, digests = [], [], set()
                for n in range(runs):
                    began = time.perf_counter()
                    seeded = create(f"bench-{profile}-{n}", profile)
                    creation.append(time.perf_counter() - began)
                    digests.add(seeded.digest)
                for _ in range(runs):
                    began = time.perf_counter()
                    done = reset.reset_sandbox(runtime, f"bench-{profile}-0", profile, 2026, now)
                    resets.append(time.perf_counter() - began)
                    digests.add(done.digest)
                out[profile] = {
                    "rows": sum(v for k, v in seeded.counts.items() if k != "analytics_events"),
                    "analytics_events": seeded.counts.get("analytics_events", 0),
                    "creation": _percentiles(creation),
                    "reset": _percentiles(resets),
                    "deterministic": len(digests) == 1,
                }
        finally:
            runtime.close()
            set_runtime(None)
    return out


def main(*, quick: bool = False, profile: bool = False) -> int:
    results = measure(5 if quick else 20)
    report = {
        "benchmark": "sandbox",
        "goal": f"sandbox creation (tenant + seed) and reset p95 <= {GOAL_S} s on SQLite",
        "profiles": results,
        "meets_goal": all(
            r["creation"]["p95_s"] <= GOAL_S and r["reset"]["p95_s"] <= GOAL_S and r["deterministic"]
            for r in results.values()
        ),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "sandbox.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"{'profile':<14}{'rows':>8}{'events':>8}{'create p50':>12}{'p95':>8}{'reset p50':>11}{'p95':>8}  same digest"
    )
    for name, r in results.items():
        c, z = r["creation"], r["reset"]
        print(
            f"{name:<14}{r['rows']:>8}{r['analytics_events']:>8}{c['p50_s']:>12}{c['p95_s']:>8}"
            f"{z['p50_s']:>11}{z['p95_s']:>8}  {r['deterministic']}"
        )
    print(f"goal: creation and reset p95 <= {GOAL_S} s: {'met' if report['meets_goal'] else 'NOT met'}")
    return 0 if report["meets_goal"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
