from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.maestro_run_request_inputs import MaestroRunRequestInputs


T = TypeVar("T", bound="MaestroRunRequest")


@_attrs_define
class MaestroRunRequest:
    """
    Attributes:
        reason (str | Unset): Why the plan is run (kept with the run and its evidence).
        inputs (MaestroRunRequestInputs | Unset): Context kept with the run (e.g. `incident_id` links the incident's
            checklist to verification).
        plan_version (int | Unset): Run this version instead of the current one.
    """

    reason: str | Unset = UNSET
    inputs: MaestroRunRequestInputs | Unset = UNSET
    plan_version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        plan_version = self.plan_version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if plan_version is not UNSET:
            field_dict["plan_version"] = plan_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_run_request_inputs import MaestroRunRequestInputs

        d = dict(src_dict)
        reason = d.pop("reason", UNSET)

        _inputs = d.pop("inputs", UNSET)
        inputs: MaestroRunRequestInputs | Unset
        if isinstance(_inputs, Unset):
            inputs = UNSET
        else:
            inputs = MaestroRunRequestInputs.from_dict(_inputs)

        plan_version = d.pop("plan_version", UNSET)

        maestro_run_request = cls(
            reason=reason,
            inputs=inputs,
            plan_version=plan_version,
        )

        return maestro_run_request
