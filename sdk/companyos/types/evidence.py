"""Types of the ``evidence`` tag (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import Any, TypedDict

__all__ = [
    "EvidenceItemInfo",
    "EvidenceLineage",
    "EvidenceLineageSpec",
    "EvidencePack",
]


class EvidenceItemInfo(TypedDict):
    name: str
    sha256: str
    size: int
    media_type: str


class EvidenceLineageSpec(TypedDict):
    inputs: list[str]
    process: str
    outputs: list[str]


class EvidencePack(TypedDict):
    id: str
    tenant_id: str
    title: str
    subject: str
    items: list[EvidenceItemInfo]
    lineage: EvidenceLineageSpec
    created_at: str
    created_by: str
    key_id: str
    signature: str
    manifest_sha256: str


class EvidenceLineage(TypedDict):
    ref: str
    records: list[dict[str, Any]]
    upstream: list[str]
    downstream: list[str]
