"""Liveness and readiness."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.system import service, signing_keys
from companyos_server.platform.runtime import get_runtime


def get_health() -> dict[str, Any]:
    return {"status": "ok", "version": get_runtime().spec.version}


def get_readiness() -> tuple[dict[str, Any], int]:
    report = service.readiness(get_runtime())
    return report, 200 if report["status"] == "ready" else 503


def list_signing_keys(use: str | None = None) -> dict[str, Any]:
    return signing_keys.signing_keys(get_runtime(), use)
