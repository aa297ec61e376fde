"""api_overhead: tenant-scoped operations on our server against the plain Starlette app a user would write.

Operations (tenant ``acme``, 1,000 services; token of a member with role ``sre``):
  services page   GET  /v1/tenants/acme/services?page_size=50            (concurrency 16, and 1)
  audit page      GET  /v1/tenants/acme/audit/events?page_size=50        (concurrency 16)
  search          GET  /v1/tenants/acme/search?q=checkout  (20 results)  (concurrency 16)
  SLI push        POST /v1/tenants/acme/services/{id}/sli-samples, one sample, a unique Idempotency-Key
                  and timestamp per request; audited (signed, chained event) by ours  (concurrency 16)

The baseline is :mod:`benchmarks.bare_app` (PyJWT + hand-written SQL; imports nothing of ours) over the
same database; the fixture is :mod:`benchmarks.fixture`; the load generator :mod:`benchmarks.load` (wrk
when installed, else a multi-process Python client). Both servers run under uvicorn with the same
``--workers`` count: 1, then ``os.cpu_count()``; on SQLite, then on PostgreSQL when
``COMPANYOS_BENCH_POSTGRES_URL`` or ``COMPANYOS_TEST_POSTGRES_URL`` is set (a database created for the
run, dropped after). Ours keeps its rate limiter on with limits far above reach.

Before measuring, each read is asked of both servers and the answers must carry the same fields and the
same item ids (values that differ are noted), and one write each must answer the same fields. Then per
operation: a warmup on each, then alternating rounds (ours first on even rounds, bare first on odd).
Reported per operation: req/s (all rounds' requests over their time), p50 and p99 (median over rounds),
ours/bare. Any non-2xx answer or socket error stops the run with its status and body (exit status 1; the
JSON keeps what was measured). The servers and the load generator share the machine's cores: compare
ratios from one run, and check the load average recorded in the JSON.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import fixture as fixtures
from benchmarks import report
from benchmarks.load import WRITE_BASE, Call, Load, LoadFailure, Round, write_body
from benchmarks.servers import REPO_ROOT, Server, free_port, request

BENCHMARK = True  # discovered by `python -m benchmarks`
RESULTS = Path(__file__).resolve().parent / "results"
CONCURRENCY = 16


@dataclass(frozen=True)
class Operation:
    key: str
    label: str
    method: str
    path: str
    concurrency: int = CONCURRENCY
    write: bool = False


@dataclass(frozen=True)
class Budget:
    rounds: int
    seconds: float
    warmup: float
    max_requests: int


FULL = Budget(rounds=3, seconds=5.0, warmup=2.0, max_requests=200_000)
QUICK = Budget(rounds=2, seconds=1.0, warmup=1.0, max_requests=20_000)


class BenchmarkFailure(RuntimeError):
    pass


def operations(fx: fixtures.Fixture) -> list[Operation]:
    base = f"/v1/tenants/{fx.tenant}"
    return [
        Operation("services_page", "services page (50 of 1,000)", "GET", f"{base}/services?page_size=50"),
        Operation(
            "services_page_c1", "services page (50 of 1,000)", "GET", f"{base}/services?page_size=50", 1
        ),
        Operation("audit_page", "audit events page (50)", "GET", f"{base}/audit/events?page_size=50"),
        Operation("search", "search q=checkout (20)", "GET", f"{base}/search?q=checkout"),
        Operation(
            "sli_push",
            "SLI push (audited write)",
            "POST",
            f"{base}/services/{fx.write_service_id}/sli-samples",
            write=True,
        ),
    ]


def check_same(ops: list[Operation], ours: Server, bare: Server, fx: fixtures.Fixture, tag: int) -> list[str]:
    """Both servers answer each operation with the same fields (and, for reads, the same item ids)."""
    headers = {"Authorization": f"Bearer {fx.token}"}
    notes: list[str] = []
    for op in ops:
        answers = []
        for n, server in enumerate((ours, bare)):
            body = None
            sent = dict(headers)
            if op.write:
                key, body = write_body(WRITE_BASE - tag, n)  # apart from the measured rounds' timestamps
                sent.update({"Idempotency-Key": key, "Content-Type": "application/json"})
            status, raw = request(server.port, op.method, op.path, sent, body)
            if not 200 <= status < 300:
                raise BenchmarkFailure(
                    f"{server.name}: {op.method} {op.path} answered {status}: {raw[:2000]!r}"
                )
            answers.append(json.loads(raw))
        a, b = answers
        if sorted(a) != sorted(b):
            raise BenchmarkFailure(f"{op.key}: top-level fields differ: ours {sorted(a)}, bare {sorted(b)}")
        if "items" in a:
            if [i.get("id") for i in a["items"]] != [i.get("id") for i in b["items"]]:
                raise BenchmarkFailure(f"{op.key}: the two servers return different items")
            if (a.get("next_page_token") is None) != (b.get("next_page_token") is None):
                raise BenchmarkFailure(f"{op.key}: only one of the two servers has a next page")
            for x, y in zip(a["items"], b["items"], strict=True):
                if sorted(x) != sorted(y):
                    raise BenchmarkFailure(
                        f"{op.key}: item fields differ: ours {sorted(x)}, bare {sorted(y)}"
                    )
            differing = sorted(
                {k for x, y in zip(a["items"], b["items"], strict=True) for k in x if x[k] != y[k]}
            )
            if differing:
                notes.append(f"{op.key}: same items, but values differ in {', '.join(differing)}")
    return notes


def summarize(rounds: list[Round]) -> dict[str, Any]:
    requests = sum(r.requests for r in rounds)
    seconds = sum(r.seconds for r in rounds)
    return {
        "req_per_s": round(requests / seconds, 1) if seconds else 0.0,
        "req_per_s_rounds": [round(r.rate, 1) for r in rounds],
        "p50_ms": round(statistics.median(r.p50_ms for r in rounds), 2),
        "p99_ms": round(statistics.median(r.p99_ms for r in rounds), 2),
        "requests": requests,
    }


def measure(
    fx: fixtures.Fixture,
    ours_port: int,
    workers: int,
    budget: Budget,
    load: Load,
    logs: Path,
    notes: list[str],
) -> dict[str, Any]:
    ours = Server("companyos", "companyos_server.app:create_app", ours_port, logs / f"ours-{workers}.log")
    bare = Server(
        "bare starlette", "benchmarks.bare_app:create_app", free_port(), logs / f"bare-{workers}.log"
    )
    ops = operations(fx)
    probe = (ops[0].path, {"Authorization": f"Bearer {fx.token}"})
    results: dict[str, Any] = {}
    with ExitStack() as stack:
        for server in (ours, bare):
            stack.callback(server.stop)
        ours.start(fx.our_env, workers)
        ours.wait_ready(*probe)
        bare_env = {
            **fx.our_env,
            "BENCH_BARE_DATABASE": fx.bare_database,
            "BENCH_BARE_JWKS_URL": f"http://127.0.0.1:{ours_port}/oauth2/jwks",  # fetched once at start-up
            "BENCH_BARE_ISSUER": fx.issuer,
            "BENCH_BARE_AUDIENCE": fx.audience,
        }
        bare.start(bare_env, workers)
        bare.wait_ready(*probe)
        notes += [f"{workers} worker(s): {n}" for n in check_same(ops, ours, bare, fx, tag=1000 + workers)]
        for op in ops:
            call = Call(op.method, op.path, fx.token, write=op.write)
            rounds: dict[str, list[Round]] = {ours.name: [], bare.name: []}

            for server in (ours, bare):
                _round(load, server, op, call, budget.warmup, budget, workers)
            for i in range(budget.rounds):
                for server in (ours, bare) if i % 2 == 0 else (bare, ours):
                    rounds[server.name].append(
                        _round(load, server, op, call, budget.seconds, budget, workers)
                    )
            mine, theirs = summarize(rounds[ours.name]), summarize(rounds[bare.name])
            results[op.key] = {
                "label": op.label,
                "request": f"{op.method} {op.path}",
                "concurrency": op.concurrency,
                "companyos": mine,
                "bare_starlette": theirs,
                "ratio": round(mine["req_per_s"] / theirs["req_per_s"], 3) if theirs["req_per_s"] else None,
            }
    return results


def _round(
    load: Load, server: Server, op: Operation, call: Call, seconds: float, budget: Budget, workers: int
) -> Round:
    try:
        return load.run(
            server.port, call, concurrency=op.concurrency, seconds=seconds, max_requests=budget.max_requests
        )
    except LoadFailure as exc:
        raise BenchmarkFailure(
            f"{server.name}, {workers} worker(s), {op.key} ({op.method} {op.path}): {exc}\n"
            f"server log tail:\n{server.tail()}"
        ) from exc


def run_backend(
    name: str,
    database_url: str | None,
    tmp: Path,
    budget: Budget,
    load: Load,
    result: dict[str, Any],
    profile: bool,
) -> None:
    """Fills ``result["backends"][name]`` as it goes, so a failure keeps what was measured."""
    backend: dict[str, Any] = {"workers": {}, "notes": []}
    result["backends"][name] = backend
    ours_port = free_port()  # kept across worker counts: the token's issuer names it
    workdir = tmp / name
    workdir.mkdir()
    started = time.monotonic()
    fx = fixtures.prepare(workdir / "var", f"http://127.0.0.1:{ours_port}", database_url)
    backend["setup_seconds"] = round(time.monotonic() - started, 1)
    for workers in sorted({1, os.cpu_count() or 1}):
        backend["workers"][str(workers)] = measure(
            fx, ours_port, workers, budget, load, workdir, backend["notes"]
        )
    if profile and database_url is None:
        from benchmarks.profile_app import profile_app

        result["profile"] = profile_app(
            workdir / "var",
            f"http://127.0.0.1:{ours_port}",
            fx.token,
            operations(fx)[0].path,
            100 if budget is QUICK else 300,
        )


def run(*, quick: bool = False, profile: bool = False) -> dict[str, Any]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    budget = QUICK if quick else FULL
    load = Load()
    result: dict[str, Any] = {
        "benchmark": "api_overhead",
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "config": {
            "load_generator": load.kind,
            "concurrency": CONCURRENCY,
            "rounds": budget.rounds,
            "seconds_per_round": budget.seconds,
            "warmup_seconds": budget.warmup,
            "workers": sorted({1, os.cpu_count() or 1}),
            "uvicorn": "--workers N, --log-level warning, --no-access-log, 127.0.0.1",
            "services_in_tenant": fixtures.SERVICES,
            "token_roles": fixtures.ROLES,
        },
        "backends": {},
        "failure": None,
        "notes": [],
    }
    if load.kind == "python":
        why = "forced by COMPANYOS_BENCH_PYTHON_LOAD" if shutil.which("wrk") else "wrk not found"
        result["notes"].append(f"the Python load generator ran ({why}; one process per core, threads)")
    try:
        with tempfile.TemporaryDirectory(prefix="companyos-bench-") as tmp:
            run_backend("sqlite", None, Path(tmp), budget, load, result, profile)
            server_url = fixtures.postgres_url()
            if server_url:
                with fixtures.postgres_database(server_url) as url:
                    run_backend("postgresql", url, Path(tmp), budget, load, result, profile)
            else:
                result["notes"].append("PostgreSQL skipped: set COMPANYOS_BENCH_POSTGRES_URL to include it")
    except BenchmarkFailure as exc:
        result["failure"] = str(exc)
    result["machine"]["load_avg_1m"] = round(os.getloadavg()[0], 2)
    result["goals"] = report.goals(result)
    (RESULTS / "api_overhead.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def main(*, quick: bool = False, profile: bool = False) -> int:
    result = run(quick=quick, profile=profile)
    print(report.render(result))
    print(f"\nwrote {(RESULTS / 'api_overhead.json').relative_to(REPO_ROOT)}")
    return 1 if result["failure"] else 0
