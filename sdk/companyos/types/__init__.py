"""Response and parameter types, one TypedDict per spec schema.

Results are the JSON the API returned, typed: zero conversion cost on the hot path and no import-time
cost, and ``mypy`` checks field access. A unit test keeps every TypedDict's keys equal to its schema's
properties in ``generated/openapi.json``. For attrs model classes use the bundled low-level client
(``companyos.lowlevel``).
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

__all__ = [
    "ActionPermission",
    "AuditEvent",
    "AuditOutcome",
    "AuditVerification",
    "Health",
    "Job",
    "JobError",
    "JobProgress",
    "JobState",
    "Me",
    "PermissionSet",
    "Readiness",
    "ReadinessCheck",
    "Residency",
    "Role",
    "Tenant",
    "TenantMembership",
    "TenantStatus",
    "TenantTier",
]

TenantTier = Literal["free", "standard", "enterprise"]
TenantStatus = Literal["active", "suspended"]
Residency = Literal["eu", "us", "apac"]
JobState = Literal["queued", "running", "succeeded", "failed", "cancelled"]
AuditOutcome = Literal["success", "denied", "failure"]
Role = Literal["platform_engineer", "sre", "security_analyst", "tenant_admin", "viewer"]


class Health(TypedDict):
    status: Literal["ok"]
    version: str


class ReadinessCheck(TypedDict, total=False):
    name: str
    ok: bool
    detail: str


class Readiness(TypedDict):
    status: Literal["ready", "not_ready"]
    checks: list[ReadinessCheck]


class TenantMembership(TypedDict):
    tenant_id: str
    roles: list[Role]


class Me(TypedDict):
    subject: str
    kind: Literal["user", "client"]
    name: str | None
    tenants: list[TenantMembership]
    scopes: list[str]
    acr: str | None
    auth_time: str | None
    client_id: str | None


class Tenant(TypedDict):
    id: str
    display_name: str
    tier: TenantTier
    residency: Residency
    status: TenantStatus
    labels: dict[str, str]
    created_at: str
    updated_at: str


class ActionPermission(TypedDict):
    action: str
    allowed: bool
    reasons: list[str]
    requires_step_up: bool


class PermissionSet(TypedDict):
    resource: str
    principal: str
    actions: list[ActionPermission]


class JobProgress(TypedDict):
    done: int
    total: int | None


class JobError(TypedDict):
    message: str
    at: str


class Job(TypedDict):
    id: str
    tenant_id: str
    kind: str
    state: JobState
    progress: JobProgress
    throughput_per_second: float | None
    eta_seconds: float | None
    errors: list[JobError]
    result: dict[str, Any] | None
    created_by: str
    created_at: str
    started_at: str | None
    finished_at: str | None
    attempts: int


class AuditEvent(TypedDict):
    id: str
    tenant_id: str
    position: int
    occurred_at: str
    actor: str
    actor_kind: Literal["user", "client", "anonymous", "system"]
    roles: list[str]
    action: str
    resource: str
    outcome: AuditOutcome
    status: int | None
    request_id: str | None
    purpose: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str
    signature: str
    key_id: str


class AuditVerification(TypedDict):
    tenant_id: str
    ok: bool
    checked: int
    first_broken_position: int | None
    reason: Literal["edited", "missing", "reordered", "bad_signature"] | None
    detail: str | None
