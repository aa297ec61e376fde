"""Readiness checks: each dependency answers for itself, and a failure names the dependency."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from companyos_server.platform.runtime import Runtime


def _check(name: str, probe: Callable[[], str]) -> dict[str, Any]:
    try:
        return {"name": name, "ok": True, "detail": probe()}
    except Exception as exc:  # noqa: BLE001 - readiness reports any failure, it never raises
        return {"name": name, "ok": False, "detail": f"{type(exc).__name__}: {exc}"[:300]}


def readiness(runtime: Runtime) -> dict[str, Any]:
    def database() -> str:
        runtime.db.ping()
        return runtime.db.dialect

    def job_queue() -> str:
        return runtime.jobs.ping()

    def signing_keys() -> str:
        ok, detail = runtime.keys.healthy()
        if not ok:
            raise RuntimeError(detail)
        return detail

    checks = [
        _check("database", database),
        _check("job_queue", job_queue),
        _check("signing_keys", signing_keys),
    ]
    return {"status": "ready" if all(c["ok"] for c in checks) else "not_ready", "checks": checks}
