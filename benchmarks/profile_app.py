"""`--profile`: where our app spends one operation, in-process under pyinstrument (sequential requests).

Sync handlers normally run in anyio's thread pool, which pyinstrument (main thread only) would not see;
for the profile, ``anyio.to_thread.run_sync`` runs them inline on the event loop thread. The breakdown
by area (our platform layers, connexion, jsonschema, SQLAlchemy, …) goes into the JSON and the printout,
the full report into ``benchmarks/results/api_overhead_profile.txt``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"


def profile_app(
    var_dir: Path,
    public_base_url: str,
    token: str,
    path: str,
    requests: int,
    *,
    body: dict[str, Any] | None = None,
    name: str = "api_overhead",
) -> dict[str, Any]:
    """Our app in-process under pyinstrument for ``requests`` sequential GETs of ``path`` (POSTs of ``body``
    when given); the full report goes to ``benchmarks/results/<name>_profile.txt``."""
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

            async def send() -> None:
                if body is None:
                    (await client.get(path, headers=headers)).raise_for_status()
                else:
                    (await client.post(path, headers=headers, json=body)).raise_for_status()

            for _ in range(20):  # warm caches (policies, spec, keys) outside the profile
                await send()
            profiler = Profiler(interval=0.0002, async_mode="enabled")
            profiler.start()
            for _ in range(requests):
                await send()
            profiler.stop()
            return profiler

    anyio.to_thread.run_sync = inline  # type: ignore[assignment]
    try:
        profiler = asyncio.run(drive())
    finally:
        anyio.to_thread.run_sync = original  # type: ignore[assignment]
    session = profiler.last_session
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = RESULTS / f"{name}_profile.txt"
    report.write_text(text, encoding="utf-8")
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
        "text_report": str(report.relative_to(REPO_ROOT)),
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
