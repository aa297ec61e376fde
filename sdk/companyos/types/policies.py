"""Types of the ``policies`` tag (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

__all__ = [
    "Policy",
    "PolicyDecision",
    "PolicyDecisionFlip",
    "PolicyEditResult",
    "PolicyException",
    "PolicyExceptionStatus",
    "PolicyWidening",
]

PolicyExceptionStatus = Literal["pending", "active", "expired"]


class Policy(TypedDict):
    id: str
    cedar_id: str
    source: Literal["builtin", "tenant"]
    effect: Literal["permit", "forbid"]
    reason: str
    text: str
    editable: bool
    enabled: bool
    version: int | None
    rule: dict[str, Any] | None
    updated_by: str | None
    updated_at: str | None
    requires_mfa: NotRequired[bool]
    status: NotRequired[Literal["approved", "pending", "superseded"]]
    widening: NotRequired[list[PolicyWidening]]
    approved_by: NotRequired[str | None]
    approved_at: NotRequired[str | None]


class PolicyWidening(TypedDict):
    """A (role, action) pair a tenant policy change newly allows."""

    role: str
    action: str


class PolicyDecision(TypedDict):
    id: str
    at: str
    principal: str
    principal_kind: str
    roles: list[str]
    action: str
    resource: str
    outcome: Literal["allow", "deny"]
    reasons: list[str]
    policy_ids: list[str]
    request_id: NotRequired[str | None]


class PolicyException(TypedDict):
    id: str
    policy_id: str
    scope: Literal["tenant", "service"]
    service_id: str | None
    reason: str
    requested_by: str
    requested_at: str
    expires_at: str
    approver: str | None
    approved_at: str | None
    status: PolicyExceptionStatus


class PolicyDecisionFlip(TypedDict):
    decision_id: str
    at: str
    principal: str
    roles: list[str]
    action: str
    resource: str
    before: Literal["allow", "deny"]
    after: Literal["allow", "deny"]
    reasons: list[str]


class PolicyEditResult(TypedDict):
    dry_run: bool
    policy: Policy
    previous_version: int | None
    evaluated: int
    changed: int
    flips: list[PolicyDecisionFlip]
    approval_required: NotRequired[bool]
    widening: NotRequired[list[PolicyWidening]]
