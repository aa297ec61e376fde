"""Response and parameter types, one TypedDict per spec schema.

Results are the JSON the API returned, typed: zero conversion cost on the hot path and no import-time
cost, and ``mypy`` checks field access. A unit test keeps every TypedDict's keys equal to its schema's
properties in ``generated/openapi.json``. The platform-core
domains live in one module per tag (``types/services.py``, …), re-exported here. For attrs model classes use the bundled low-level client
(``companyos.lowlevel``).
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict

__all__ = [
    "ActionPermission",
    "Alert",
    "AlertErrorBudgetImpact",
    "AlertIngestKey",
    "AlertIngestKeyWithToken",
    "AlertIngestResult",
    "AlertSeverity",
    "AlertStatus",
    "AlertmanagerAlert",
    "AlertmanagerWebhook",
    "AuditCheckpoint",
    "AuditEvent",
    "AuditOutcome",
    "AuditProblem",
    "AuditProblemReason",
    "AuditVerification",
    "Deployment",
    "DeploymentEvidencePack",
    "DeploymentRollbackCandidates",
    "DeploymentStage",
    "DeploymentStageName",
    "DeploymentState",
    "EntityInspection",
    "EvidenceItemInfo",
    "EvidenceLineage",
    "EvidenceLineageSpec",
    "EvidencePack",
    "GraphChange",
    "GraphChangeList",
    "GraphEdge",
    "GraphEntity",
    "GraphNeighbourhood",
    "GraphPaths",
    "Health",
    "Incident",
    "IncidentChecklistItem",
    "IncidentDashboard",
    "IncidentResponder",
    "IncidentResponderRole",
    "IncidentSeverity",
    "IncidentStatus",
    "IncidentTask",
    "IncidentTimelineEntry",
    "InspectAction",
    "InspectLink",
    "InspectNeighbours",
    "InspectWindow",
    "Job",
    "JobError",
    "JobProgress",
    "JobState",
    "MaestroChecklistItem",
    "MaestroCompensation",
    "MaestroDryRun",
    "MaestroEnvironment",
    "MaestroPlan",
    "MaestroRetryPolicy",
    "MaestroRisk",
    "MaestroRun",
    "MaestroRunEvent",
    "MaestroRunState",
    "MaestroServiceVerification",
    "MaestroSliSide",
    "MaestroStep",
    "MaestroStepError",
    "MaestroStepImpact",
    "MaestroVerification",
    "Me",
    "PermissionSet",
    "Policy",
    "PolicyDecision",
    "PolicyDecisionFlip",
    "PolicyEditResult",
    "PolicyException",
    "PolicyExceptionStatus",
    "PolicyWidening",
    "Readiness",
    "ReadinessCheck",
    "Residency",
    "Role",
    "SearchMatch",
    "SearchResult",
    "SearchResults",
    "Service",
    "ServiceDataLocation",
    "ServiceDependencyGraph",
    "ServiceEnvironment",
    "ServiceLink",
    "ServiceLinks",
    "ServiceMap",
    "ServiceMapEdge",
    "ServiceMapNode",
    "ServiceOwner",
    "ServiceRunbook",
    "ServiceSloSpec",
    "ServiceSloSummary",
    "ServiceTier",
    "SigningKey",
    "SigningKeySet",
    "SliSample",
    "SliSampleBatchResult",
    "Tenant",
    "TenantAdminAction",
    "TenantConfigDataStore",
    "TenantConfigDiff",
    "TenantConfigDocument",
    "TenantConfigObservability",
    "TenantConfigPatchOperation",
    "TenantConfigVersion",
    "TenantConfigVersionSummary",
    "TenantFlag",
    "TenantFlagEvaluation",
    "TenantFlagOverride",
    "TenantFlagRule",
    "TenantMembership",
    "TenantResidencyItem",
    "TenantResidencyPosture",
    "TenantResidencyViolation",
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


class SigningKey(TypedDict):
    """An Ed25519 public key as a JWK (RFC 8037) plus its PEM; ``use`` says what it signs."""

    kid: str
    use: Literal["audit", "evidence"]
    kty: str
    crv: str
    alg: str
    x: str
    pem: str
    current: bool


class SigningKeySet(TypedDict):
    keys: list[SigningKey]


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


AuditProblemReason = Literal[
    "edited", "missing", "reordered", "bad_signature", "forked", "truncated", "rollback", "checkpoint_invalid",
    "witness_mismatch",
]  # fmt: skip


class AuditProblem(TypedDict):
    reason: AuditProblemReason
    position: int | None
    detail: str


class AuditCheckpoint(TypedDict):
    chain: str
    seq: int
    size: int
    head_hash: str
    prev_hash: str
    issued_at: str
    key_id: str
    hash: str
    signature: str


class AuditVerification(TypedDict):
    tenant_id: str
    ok: bool
    checked: int
    first_broken_position: int | None
    reason: AuditProblemReason | None
    detail: str | None
    problems: list[AuditProblem]
    checkpoint: AuditCheckpoint | None


# The platform-core domains, one module per tag (imported last: they use the types above).
from companyos.types._shared import (  # noqa: E402
    GraphChange,
    GraphEdge,
    GraphEntity,
    Incident,
    IncidentChecklistItem,
    IncidentDashboard,
    IncidentResponder,
    IncidentResponderRole,
    IncidentSeverity,
    IncidentStatus,
    IncidentTask,
    IncidentTimelineEntry,
    ServiceEnvironment,
)
from companyos.types.alerts import (  # noqa: E402
    Alert,
    AlertErrorBudgetImpact,
    AlertIngestKey,
    AlertIngestKeyWithToken,
    AlertIngestResult,
    AlertmanagerAlert,
    AlertmanagerWebhook,
    AlertSeverity,
    AlertStatus,
)
from companyos.types.deployments import (  # noqa: E402
    Deployment,
    DeploymentEvidencePack,
    DeploymentRollbackCandidates,
    DeploymentStage,
    DeploymentStageName,
    DeploymentState,
)
from companyos.types.evidence import (  # noqa: E402
    EvidenceItemInfo,
    EvidenceLineage,
    EvidenceLineageSpec,
    EvidencePack,
)
from companyos.types.graph import (  # noqa: E402
    GraphChangeList,
    GraphNeighbourhood,
    GraphPaths,
)
from companyos.types.inspect import (  # noqa: E402
    EntityInspection,
    InspectAction,
    InspectLink,
    InspectNeighbours,
    InspectWindow,
)
from companyos.types.maestro import (  # noqa: E402
    MaestroChecklistItem,
    MaestroCompensation,
    MaestroDryRun,
    MaestroEnvironment,
    MaestroPlan,
    MaestroRetryPolicy,
    MaestroRisk,
    MaestroRun,
    MaestroRunEvent,
    MaestroRunState,
    MaestroServiceVerification,
    MaestroSliSide,
    MaestroStep,
    MaestroStepError,
    MaestroStepImpact,
    MaestroVerification,
)
from companyos.types.policies import (  # noqa: E402
    Policy,
    PolicyDecision,
    PolicyDecisionFlip,
    PolicyEditResult,
    PolicyException,
    PolicyExceptionStatus,
    PolicyWidening,
)
from companyos.types.search import (  # noqa: E402
    SearchMatch,
    SearchResult,
    SearchResults,
)
from companyos.types.services import (  # noqa: E402
    Service,
    ServiceDataLocation,
    ServiceDependencyGraph,
    ServiceLink,
    ServiceLinks,
    ServiceMap,
    ServiceMapEdge,
    ServiceMapNode,
    ServiceOwner,
    ServiceRunbook,
    ServiceSloSpec,
    ServiceSloSummary,
    ServiceTier,
    SliSample,
    SliSampleBatchResult,
)
from companyos.types.tenant_config import (  # noqa: E402
    TenantAdminAction,
    TenantConfigDataStore,
    TenantConfigDiff,
    TenantConfigDocument,
    TenantConfigObservability,
    TenantConfigPatchOperation,
    TenantConfigVersion,
    TenantConfigVersionSummary,
    TenantFlag,
    TenantFlagEvaluation,
    TenantFlagOverride,
    TenantFlagRule,
    TenantResidencyItem,
    TenantResidencyPosture,
    TenantResidencyViolation,
)
