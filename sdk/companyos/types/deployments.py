"""Types of the ``deployments`` tag (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from companyos.types._shared import ServiceEnvironment

__all__ = [
    "Deployment",
    "DeploymentEvidencePack",
    "DeploymentRollbackCandidates",
    "DeploymentStage",
    "DeploymentStageName",
    "DeploymentState",
]

DeploymentState = Literal["pending", "running", "succeeded", "failed", "rolled_back"]

DeploymentStageName = Literal["build", "deploy", "verification"]


class DeploymentStage(TypedDict):
    name: DeploymentStageName
    state: DeploymentState
    started_at: str | None
    finished_at: str | None
    detail: NotRequired[str | None]


class DeploymentEvidencePack(TypedDict):
    """An evidence pack from the Data Spine (its summary as the Spine returns it)."""

    id: str


class Deployment(TypedDict):
    id: str
    tenant_id: str
    service_id: str
    service_name: str
    environment: ServiceEnvironment
    version: str
    commit: str | None
    actor: str
    description: NotRequired[str | None]
    state: DeploymentState
    stages: list[DeploymentStage]
    evidence_pack_ids: list[str]
    evidence_packs: list[DeploymentEvidencePack]
    rollback_of: str | None
    created_at: str
    updated_at: str
    finished_at: str | None


class DeploymentRollbackCandidates(TypedDict):
    service_id: str
    environment: ServiceEnvironment
    current: NotRequired[Deployment]
    candidates: list[Deployment]
