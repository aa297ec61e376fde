"""Types of the ``services`` tag (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from companyos.types._shared import ServiceEnvironment

__all__ = [
    "Service",
    "ServiceDataLocation",
    "ServiceDependencyGraph",
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
    "SliSample",
    "SliSampleBatchResult",
]

ServiceTier = Literal["tier-0", "tier-1", "tier-2", "tier-3"]

ServiceDataLocation = Literal["eu", "us", "apac"]


class ServiceOwner(TypedDict):
    team: str
    contact: NotRequired[str]


class ServiceRunbook(TypedDict):
    title: str
    url: str


class ServiceSloSummary(TypedDict):
    state: Literal["not_configured", "no_data", "healthy", "at_risk", "exhausted"]
    objective: NotRequired[float | None]
    window_days: NotRequired[int | None]
    indicator: NotRequired[str | None]
    sli: NotRequired[float | None]
    error_budget_remaining: NotRequired[float | None]
    source: NotRequired[Literal["none", "stored", "samples"]]


class Service(TypedDict):
    id: str
    tenant_id: str
    name: str
    description: str
    owner: ServiceOwner
    tier: ServiceTier
    environments: list[ServiceEnvironment]
    dependencies: list[str]
    runbooks: list[ServiceRunbook]
    data_locations: list[ServiceDataLocation]
    slo: ServiceSloSummary
    labels: dict[str, str]
    revision: int
    created_at: str
    updated_at: str


class ServiceSloSpec(TypedDict):
    objective: float
    window_days: NotRequired[int]
    sli: NotRequired[float | None]
    indicator: NotRequired[str]


class ServiceMapNode(TypedDict):
    id: str
    name: str
    tier: ServiceTier
    owner_team: str
    environments: list[ServiceEnvironment]
    slo_state: str
    depth: NotRequired[int]


class ServiceMapEdge(TypedDict):
    source: str
    target: str
    relation: Literal["depends_on"]


class ServiceDependencyGraph(TypedDict):
    service_id: str
    direction: Literal["downstream", "upstream"]
    depth: int
    nodes: list[ServiceMapNode]
    edges: list[ServiceMapEdge]


class ServiceLink(TypedDict):
    kind: Literal["grafana", "prometheus", "loki", "runbook"]
    title: str
    url: str


ServiceLinks = TypedDict(
    "ServiceLinks",
    {
        "service_id": str,
        "from": str,
        "to": str,
        "configured": bool,
        "links": list[ServiceLink],
    },
)


class ServiceMap(TypedDict):
    tenant_id: str
    nodes: list[ServiceMapNode]
    edges: list[ServiceMapEdge]


class SliSample(TypedDict):
    """``good`` of ``total`` events in the bucket at ``ts`` (RFC 3339 with offset)."""

    ts: str
    good: int
    total: int


SliSampleBatchResult = TypedDict(
    "SliSampleBatchResult",
    {"service_id": str, "recorded": int, "replaced": int, "from": str, "to": str},
)
