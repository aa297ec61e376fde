"""Response bodies shaped like the spec's schemas."""

from __future__ import annotations

from typing import Any

NOW = "2026-01-01T00:00:00+00:00"


def tenant(id: str = "acme", **kw: Any) -> dict[str, Any]:
    return {"id": id, "display_name": id.upper(), "tier": "enterprise", "residency": "eu", "status": "active",
            "labels": {}, "created_at": NOW, "updated_at": NOW, **kw}  # fmt: skip


def me(**kw: Any) -> dict[str, Any]:
    return {"subject": "usr_alice", "kind": "user", "name": "Alice", "client_id": "companyos-cli",
            "tenants": [{"tenant_id": "acme", "roles": ["sre"]}], "scopes": ["openid", "api"],
            "acr": "urn:companyos:acr:mfa", "auth_time": NOW, **kw}  # fmt: skip


def job(
    id: str = "job_1", state: str = "running", done: int = 0, total: int | None = 10, **kw: Any
) -> dict[str, Any]:
    return {"id": id, "tenant_id": "acme", "kind": "audit.export", "state": state,
            "progress": {"done": done, "total": total}, "throughput_per_second": 5.0 if done else None,
            "eta_seconds": 1.0 if state == "running" else None, "errors": [], "result": None,
            "created_by": "usr_alice", "created_at": NOW, "started_at": NOW, "finished_at": None,
            "attempts": 1, **kw}  # fmt: skip


def event(position: int, **kw: Any) -> dict[str, Any]:
    return {"id": f"evt_{position}", "tenant_id": "acme", "position": position, "occurred_at": NOW,
            "actor": "usr_alice", "actor_kind": "user", "roles": ["sre"], "action": "tenants:update",
            "resource": "tenant:acme", "outcome": "success", "status": 200, "request_id": f"req_{position}",
            "purpose": None, "details": {}, "prev_hash": "0" * 64, "hash": "1" * 64, "signature": "sig",
            "key_id": "k1", **kw}  # fmt: skip


def page(items: list[Any], next_token: str | None = None) -> dict[str, Any]:
    return {"items": items, "next_page_token": next_token}
