"""api_overhead: what the platform layer costs per request, against a bare Starlette app.

Both servers run under the same uvicorn settings (1 worker, ``--log-level warning``, no access log) on
loopback ports, over the same SQLite file (migrated, dev-seeded, 60 tenants so a page of 50 comes back)
and the same signing keys. The same client (threads with keep-alive ``http.client`` connections,
concurrency 8) measures GET ``/v1/tenants?page_size=50`` as a platform admin against both, side by
side: a warmup, then alternating rounds. Reported: req/s of each, the ratio (ours / bare; goal ≥ 0.5),
p50 and p99 latency. Below the goal, our app is profiled in-process with pyinstrument and the
breakdown goes into the JSON and the printout.

The benchmark only talks to 127.0.0.1, stops its servers itself, and never runs in the test suite.
Figures depend on the machine and on what else runs on it: compare ratios, not absolute numbers.
"""

from __future__ import annotations

import http.client
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
HOST = "127.0.0.1"
PATH = "/v1/tenants?page_size=50"
PAGE = 50
TENANTS = 60
CONCURRENCY = 8
WARMUP_SECONDS = 5.0
ROUNDS = 3
REQUESTS_PER_ROUND = 1500
ROUND_TIME_CAP = 60.0
PROFILE_REQUESTS = 300
GOAL = 0.5
ADMIN_SCOPES = ["openid", "api", "platform:admin", "tenants:cross"]


# --------------------------------------------------------------------------- setup
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def server_env(var_dir: Path, public_base_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPANYOS_")}
    env.update(
        COMPANYOS_ENV="development",
        COMPANYOS_VAR_DIR=str(var_dir),
        COMPANYOS_PUBLIC_BASE_URL=public_base_url,
        COMPANYOS_RATE_LIMIT_ENABLED="false",
        COMPANYOS_LOG_LEVEL="WARNING",
        COMPANYOS_OTEL_EXPORTER="none",
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH", "")])),
    )
    return env


def prepare(var_dir: Path, public_base_url: str, notes: list[str]) -> str:
    """Migrate, seed (dev seed + bench tenants), and mint a platform-admin token; returns the token."""
    from companyos_server.domains.tenants import store as tenants_store
    from companyos_server.domains.tenants.store import TenantRow
    from companyos_server.platform.identity.issuer import issue_access_token
    from companyos_server.platform.migrations import migrate
    from companyos_server.platform.principal import ACR_MFA
    from companyos_server.platform.runtime import Runtime
    from companyos_server.platform.storage import utcnow
    from companyos_server.seed import seed_development, seed_tenants
    from companyos_server.settings import Settings

    settings = Settings(
        env="development", var_dir=var_dir, public_base_url=public_base_url, rate_limit_enabled=False
    )
    runtime = Runtime(settings)
    try:
        migrate(runtime.db)
        try:
            seed_development(runtime)
        except Exception as exc:  # noqa: BLE001 — the identity seed is optional here: tokens are minted directly
            first_line = str(exc).splitlines()[0][:200] if str(exc) else ""
            notes.append(f"dev seed failed ({type(exc).__name__}: {first_line}); seeded tenants only")
            seed_tenants(runtime)
        with runtime.db.session() as session:
            existing = len(tenants_store.list_page(session, visible_ids=None, after=None, limit=1000))
            for i in range(TENANTS - existing):
                now = utcnow()
                tenants_store.add(
                    session,
                    TenantRow(
                        id=f"bench-{i:03d}",
                        display_name=f"Bench tenant {i}",
                        tier=("free", "standard", "enterprise")[i % 3],
                        residency=("eu", "us", "apac")[i % 3],
                        status="active",
                        labels={"bench": "api_overhead"},
                        created_at=now,
                        updated_at=now,
                    ),
                )
        return issue_access_token(
            runtime.keys,
            settings,
            subject="usr_bench_admin",
            client_id="companyos-cli",
            tenants={},
            scopes=ADMIN_SCOPES,
            acr=ACR_MFA,
            auth_time=int(time.time()),
        )
    finally:
        runtime.close()


@dataclass
class Server:
    name: str
    target: str
    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self, env: dict[str, str]) -> None:
        command = [
            sys.executable, "-m", "uvicorn", self.target, "--factory",
            "--host", HOST, "--port", str(self.port), "--workers", "1",
            "--log-level", "warning", "--no-access-log",
        ]  # fmt: skip
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def wait_ready(self, token: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        last, answering_since = "", None
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.tail()}")
            try:
                status, body = request_once(self.port, token)
                if status == 200:
                    items = json.loads(body)["items"]
                    if len(items) != PAGE:
                        raise RuntimeError(f"{self.name} returned {len(items)} tenants, expected {PAGE}")
                    return
                last = f"{status} {body[:300]!r}"
                answering_since = answering_since or time.monotonic()
                if time.monotonic() - answering_since > 5:  # up, but refusing: no point waiting longer
                    break
            except OSError as exc:
                last = repr(exc)
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer 200 on {PATH} (last answer: {last})\n{self.tail()}")

    def tail(self) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-8:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


# --------------------------------------------------------------------------- load
def request_once(port: int, token: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request("GET", PATH, headers={"Authorization": f"Bearer {token}"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@dataclass
class Round:
    requests: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def load(port: int, token: str, *, requests: int | None = None, seconds: float | None = None) -> Round:
    """``requests`` GETs (or as many as fit in ``seconds``) from CONCURRENCY keep-alive connections."""
    headers = {"Authorization": f"Bearer {token}"}
    lock = threading.Lock()
    issued = 0
    cap = seconds if seconds is not None else ROUND_TIME_CAP
    result = Round(requests=0, seconds=0.0)
    start = time.perf_counter()
    deadline = start + cap

    def take() -> bool:
        nonlocal issued
        with lock:
            if (requests is not None and issued >= requests) or time.perf_counter() >= deadline:
                return False
            issued += 1
            return True

    def worker() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        latencies: list[float] = []
        errors = 0
        try:
            while take():
                t0 = time.perf_counter()
                try:
                    conn.request("GET", PATH, headers=headers)
                    response = conn.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection(HOST, port, timeout=30)
                    ok = False
                latencies.append(time.perf_counter() - t0)
                errors += not ok
        finally:
            conn.close()
            with lock:
                result.latencies.extend(latencies)
                result.errors += errors

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(CONCURRENCY)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(cap + 30)
    result.seconds = time.perf_counter() - start
    result.requests = len(result.latencies)
    return result


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summarize(rounds: list[Round]) -> dict[str, Any]:
    latencies = [x for r in rounds for x in r.latencies]
    total_requests = sum(r.requests for r in rounds)
    total_seconds = sum(r.seconds for r in rounds)
    return {
        "req_per_s": round(total_requests / total_seconds, 1) if total_seconds else 0.0,
        "req_per_s_rounds": [round(r.rate, 1) for r in rounds],
        "req_per_s_median_round": round(statistics.median(r.rate for r in rounds), 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 99) * 1000, 2),
        "requests": total_requests,
        "errors": sum(r.errors for r in rounds),
    }


# --------------------------------------------------------------------------- profile
def profile(var_dir: Path, public_base_url: str, token: str, requests: int) -> dict[str, Any]:
    """Run our app in-process under pyinstrument for ``requests`` sequential GETs; where the time goes.

    Sync handlers normally run in anyio's thread pool, which pyinstrument (main thread only) would not
    see; for the profile, ``anyio.to_thread.run_sync`` runs them inline on the event loop thread.
    """
    try:
        from pyinstrument import Profiler
    except ImportError:
        return {"error": "pyinstrument is not installed (pip install pyinstrument)"}
    import asyncio

    import anyio.to_thread
    import httpx

    from companyos_server.app import create_app
    from companyos_server.settings import Settings

    settings = Settings(
        env="development",
        var_dir=var_dir,
        public_base_url=public_base_url,
        rate_limit_enabled=False,
        log_level="WARNING",
    )
    app = create_app(settings)
    original = anyio.to_thread.run_sync

    async def inline(func: Callable[..., Any], *args: Any, **_: Any) -> Any:
        return func(*args)

    async def drive() -> Profiler:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=public_base_url) as client:
            headers = {"Authorization": f"Bearer {token}"}
            for _ in range(20):  # warm caches (policies, spec, keys) outside the profile
                (await client.get(PATH, headers=headers)).raise_for_status()
            profiler = Profiler(interval=0.0002, async_mode="enabled")
            profiler.start()
            for _ in range(requests):
                (await client.get(PATH, headers=headers)).raise_for_status()
            profiler.stop()
            return profiler

    anyio.to_thread.run_sync = inline  # type: ignore[assignment]
    try:
        profiler = asyncio.run(drive())
    finally:
        anyio.to_thread.run_sync = original  # type: ignore[assignment]
    session = profiler.last_session
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    (RESULTS / "api_overhead_profile.txt").write_text(text, encoding="utf-8")
    areas: dict[str, float] = defaultdict(float)
    functions: dict[str, float] = defaultdict(float)
    root = session.root_frame() if session else None
    total = root.time if root else 0.0

    def walk(frame: Any, inherited: str) -> None:
        if frame.is_synthetic:  # "[self]"/"[await]" leaves: already in the parent's total_self_time
            return
        path = frame.file_path or ""
        # Built-ins (json's C encoder, sqlite3, socket writes) count towards the code that called them.
        area = area_of(path) if path and not path.startswith("<") else inherited
        self_time = frame.total_self_time
        if self_time > 0:
            areas[area] += self_time
            functions[f"{short(path)}:{frame.line_no} {frame.function}"] += self_time
        for child in frame.children:
            walk(child, area)

    if root is not None:
        walk(root, "other")

    def table(d: dict[str, float], n: int) -> list[dict[str, Any]]:
        rows = sorted(d.items(), key=lambda kv: kv[1], reverse=True)[:n]
        return [
            {
                "where": k,
                "ms_per_request": round(v / requests * 1000, 3),
                "share": round(v / total, 3) if total else 0,
            }
            for k, v in rows
        ]

    return {
        "requests": requests,
        "ms_per_request": round(total / requests * 1000, 3) if requests else None,
        "by_area_self_time": table(areas, 20),
        "top_functions_self_time": table(functions, 15),
        "text_report": str((RESULTS / "api_overhead_profile.txt").relative_to(REPO_ROOT)),
        "method": "in-process, sequential, handlers inlined on the event loop thread",
    }


AREAS = (
    ("companyos_server/platform/middleware", "companyos: platform middleware"),
    ("companyos_server/platform/audit", "companyos: audit"),
    ("companyos_server/platform/identity", "companyos: token validation"),
    ("companyos_server/platform/guard", "companyos: guard (tenancy/policy)"),
    ("companyos_server/platform/policy", "companyos: policy"),
    ("companyos_server/platform", "companyos: platform (other)"),
    ("companyos_server/domains", "companyos: handlers/services"),
    ("companyos_server", "companyos: other"),
    ("connexion/validators", "connexion: request/response validation"),
    ("connexion/middleware", "connexion: middleware"),
    ("connexion", "connexion: other"),
    ("jsonschema", "jsonschema"),
    ("referencing", "jsonschema"),
    ("starlette", "starlette"),
    ("uvicorn", "uvicorn"),
    ("httpx", "client (httpx, in-process)"),
    ("httpcore", "client (httpx, in-process)"),
    ("sqlalchemy", "sqlalchemy"),
    ("sqlite3", "sqlite3"),
    ("joserfc", "joserfc (JWT)"),
    ("cryptography", "cryptography (JWT)"),
    ("cedarpy", "cedarpy (policy)"),
    ("opentelemetry", "opentelemetry"),
    ("prometheus_client", "prometheus_client"),
    ("pydantic", "pydantic"),
    ("anyio", "anyio/asyncio"),
    ("asyncio", "anyio/asyncio"),
    ("json/", "json"),
    ("logging", "logging"),
)


def area_of(path: str) -> str:
    normalized = path.replace("\\", "/")
    for needle, label in AREAS:
        if f"/{needle}" in normalized or normalized.startswith(needle):
            return label
    return "other (" + (Path(normalized).parent.name or "builtin") + ")"


def short(path: str) -> str:
    for marker in ("site-packages/", "/server/", "/lib/python"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


# --------------------------------------------------------------------------- main
def run(*, quick: bool = False, force_profile: bool = False) -> dict[str, Any]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    requests_per_round = 300 if quick else REQUESTS_PER_ROUND
    warmup = 2.0 if quick else WARMUP_SECONDS
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="companyos-bench-") as tmp:
        var_dir = Path(tmp) / "var"
        ours_port, bare_port = free_port(), free_port()
        public_base_url = f"http://{HOST}:{ours_port}"
        token = prepare(var_dir, public_base_url, notes)
        env = server_env(var_dir, public_base_url)
        ours = Server("companyos", "companyos_server.app:create_app", ours_port, Path(tmp) / "ours.log")
        bare = Server("bare starlette", "benchmarks.bare_app:create_app", bare_port, Path(tmp) / "bare.log")
        servers = (ours, bare)
        try:
            for server in servers:
                server.start(env)
            for server in servers:
                server.wait_ready(token)
            for server in servers:  # warmup: half the budget each
                load(server.port, token, seconds=warmup / 2)
            rounds: dict[str, list[Round]] = {ours.name: [], bare.name: []}
            for i in range(ROUNDS):
                order = servers if i % 2 == 0 else servers[::-1]
                for server in order:
                    rounds[server.name].append(load(server.port, token, requests=requests_per_round))
        finally:
            for server in servers:
                server.stop()
        ours_summary = summarize(rounds[ours.name])
        bare_summary = summarize(rounds[bare.name])
        ratio = ours_summary["req_per_s"] / bare_summary["req_per_s"] if bare_summary["req_per_s"] else 0.0
        result: dict[str, Any] = {
            "benchmark": "api_overhead",
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "machine": {
                "cpus": os.cpu_count(),
                "platform": platform.platform(),
                "python": platform.python_version(),
                "load_avg_1m": round(os.getloadavg()[0], 2),
            },
            "config": {
                "request": f"GET {PATH} (platform admin, {PAGE} tenants in the page)",
                "tenants": TENANTS,
                "concurrency": CONCURRENCY,
                "warmup_seconds": warmup,
                "rounds": ROUNDS,
                "requests_per_round": requests_per_round,
                "uvicorn": "1 worker, --log-level warning, --no-access-log, 127.0.0.1",
                "client": "threads with keep-alive http.client connections, same process for both servers",
            },
            "companyos": ours_summary,
            "bare_starlette": bare_summary,
            "ratio": round(ratio, 3),
            "goal": GOAL,
            "meets_goal": ratio >= GOAL,
            "profile": None,
            "notes": [
                *notes,
                "Server and client share the machine's cores; figures move with machine load. Compare ratios "
                "from the same run, not absolute req/s across runs.",
            ],
        }
        if ours_summary["errors"] or bare_summary["errors"]:
            notes.append("some requests failed (non-200 or connection errors): see errors")
        if ratio < GOAL or force_profile:
            result["profile"] = profile(var_dir, public_base_url, token, 100 if quick else PROFILE_REQUESTS)
    (RESULTS / "api_overhead.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def render(result: dict[str, Any]) -> str:
    ours, bare = result["companyos"], result["bare_starlette"]
    lines = [
        f"api_overhead — {result['config']['request']}, concurrency {result['config']['concurrency']}, "
        f"{result['config']['rounds']} alternating rounds × {result['config']['requests_per_round']} requests",
        "",
        f"{'server':<16} {'req/s':>9} {'rounds (req/s)':>26} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}",
    ]
    for name, s in (("companyos", ours), ("bare starlette", bare)):
        rounds = ", ".join(f"{r:.0f}" for r in s["req_per_s_rounds"])
        lines.append(
            f"{name:<16} {s['req_per_s']:>9.1f} {rounds:>26} {s['p50_ms']:>8.2f} {s['p99_ms']:>8.2f} {s['errors']:>7}"
        )
    verdict = "meets" if result["meets_goal"] else "BELOW"
    lines += [
        "",
        f"ratio companyos / bare = {result['ratio']:.3f}  ({verdict} the goal of ≥ {result['goal']})",
    ]
    profile = result.get("profile")
    if profile:
        if "error" in profile:
            lines.append(f"profile: {profile['error']}")
        else:
            lines += [
                "",
                f"where the time goes (pyinstrument, {profile['ms_per_request']} ms/request in-process):",
            ]
            for row in profile["by_area_self_time"][:12]:
                lines.append(f"  {row['share'] * 100:5.1f}%  {row['ms_per_request']:7.3f} ms  {row['where']}")
            lines.append("  top functions (self time):")
            for row in profile["top_functions_self_time"][:8]:
                lines.append(f"  {row['share'] * 100:5.1f}%  {row['where']}")
            lines.append(f"  full report: {profile['text_report']}")
    for note in result["notes"]:
        lines.append(f"note: {note}")
    lines.append(
        f"machine: {result['machine']['cpus']} CPUs, load {result['machine']['load_avg_1m']} (1 min)"
    )
    return "\n".join(lines)


def main(*, quick: bool = False, profile: bool = False) -> int:
    result = run(quick=quick, force_profile=profile)
    print(render(result))
    print(f"\nwrote {(RESULTS / 'api_overhead.json').relative_to(REPO_ROOT)}")
    return 0
