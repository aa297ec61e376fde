"""Types of the ``tenant_config`` tag (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

from companyos.types import Residency
from companyos.types._shared import ServiceEnvironment

__all__ = [
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
    "TenantResidencyItem",
    "TenantResidencyPosture",
    "TenantResidencyViolation",
]


class TenantConfigVersion(TypedDict):
    tenant_id: str
    version: int
    author: str
    message: str
    created_at: str
    document: dict[str, Any]


class TenantConfigObservability(TypedDict):
    grafana: NotRequired[str]
    prometheus: NotRequired[str]
    loki: NotRequired[str]


class TenantConfigDataStore(TypedDict):
    name: str
    kind: Literal["database", "object_store", "analytics", "backup", "export"]
    location: Residency


class TenantConfigDocument(TypedDict):
    """The tenant's configuration. Known sections are validated; other keys are kept as given."""

    observability: NotRequired[TenantConfigObservability]
    data_stores: NotRequired[list[TenantConfigDataStore]]


class TenantConfigVersionSummary(TypedDict):
    version: int
    author: str
    message: str
    created_at: str


class TenantConfigPatchOperation(TypedDict):
    op: Literal["add", "remove", "replace"]
    path: str
    value: NotRequired[Any]


TenantConfigDiff = TypedDict(
    "TenantConfigDiff",
    {
        "from": int,
        "to": int,
        "operations": list[TenantConfigPatchOperation],
    },
)


class TenantFlagRule(TypedDict):
    """Applies to the environments named; sets `enabled` and, optionally, the variant served."""

    name: str
    environments: list[ServiceEnvironment]
    enabled: NotRequired[bool]
    variant: NotRequired[str]


class TenantFlagOverride(TypedDict):
    """A tenant-level override that wins over every rule, with why it was set (null when none)."""

    enabled: bool
    variant: NotRequired[str]
    reason: str


class TenantFlagEvaluation(TypedDict):
    flag_key: str
    environment: ServiceEnvironment
    enabled: bool
    variant: NotRequired[str | None]
    value: Any
    reason: Literal["TARGETING_MATCH", "DEFAULT", "DISABLED"]
    decided_by: str
    explanation: str


class TenantFlag(TypedDict):
    key: str
    tenant_id: str
    description: str
    enabled: bool
    variants: dict[str, Any]
    default_variant: str | None
    rules: list[TenantFlagRule]
    override: TenantFlagOverride
    effective: list[TenantFlagEvaluation]
    created_at: str
    updated_at: str


class TenantResidencyItem(TypedDict):
    kind: str
    name: str
    service_id: NotRequired[str | None]
    locations: list[Residency]
    compliant: bool
    source: NotRequired[Literal["configuration", "platform_default", "service"]]


class TenantResidencyViolation(TypedDict):
    kind: str
    name: str
    service_id: NotRequired[str | None]
    location: Residency
    detail: str


class TenantResidencyPosture(TypedDict):
    tenant_id: str
    residency: Residency
    compliant: bool
    stores: list[TenantResidencyItem]
    exports: list[TenantResidencyItem]
    services: list[TenantResidencyItem]
    violations: list[TenantResidencyViolation]
    evaluated_at: str


class TenantAdminAction(TypedDict):
    id: str
    occurred_at: str
    actor: str
    actor_role: str
    roles: list[str]
    action: str
    resource: str
    status: int | None
    request_id: str | None
    operation_id: NotRequired[str | None]
