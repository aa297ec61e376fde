from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.deployment_stage_update_state import DeploymentStageUpdateState
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentStageUpdate")


@_attrs_define
class DeploymentStageUpdate:
    """
    Attributes:
        state (DeploymentStageUpdateState):
        detail (str | Unset):
        evidence_pack_ids (list[str] | Unset): Evidence packs to attach to the deployment (added to those already
            attached).
    """

    state: DeploymentStageUpdateState
    detail: str | Unset = UNSET
    evidence_pack_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        detail = self.detail

        evidence_pack_ids: list[str] | Unset = UNSET
        if not isinstance(self.evidence_pack_ids, Unset):
            evidence_pack_ids = self.evidence_pack_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "state": state,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if evidence_pack_ids is not UNSET:
            field_dict["evidence_pack_ids"] = evidence_pack_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        state = DeploymentStageUpdateState(d.pop("state"))

        detail = d.pop("detail", UNSET)

        evidence_pack_ids = cast(list[str], d.pop("evidence_pack_ids", UNSET))

        deployment_stage_update = cls(
            state=state,
            detail=detail,
            evidence_pack_ids=evidence_pack_ids,
        )

        return deployment_stage_update
