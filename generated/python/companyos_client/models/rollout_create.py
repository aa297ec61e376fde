from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rollout_create_environment import RolloutCreateEnvironment
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rollout_create_gates import RolloutCreateGates


T = TypeVar("T", bound="RolloutCreate")


@_attrs_define
class RolloutCreate:
    """
    Attributes:
        flag_key (str):
        environment (RolloutCreateEnvironment):
        stages (list[int] | Unset): The stages' percentages (default 10, 50, 100), taken in rising order; a final 100 %
            stage is added when missing.
        bake_seconds (int | Unset):  Default: 3600.
        auto_advance (bool | Unset): Once approved, the server runs each stage when the previous one has baked (gates
            first) and watches the gates while a stage bakes, rolling back at once on a failure. False: stages run only on
            `POST …/advance`. Default: True.
        gates (RolloutCreateGates | Unset):
        reason (str | Unset):
    """

    flag_key: str
    environment: RolloutCreateEnvironment
    stages: list[int] | Unset = UNSET
    bake_seconds: int | Unset = 3600
    auto_advance: bool | Unset = True
    gates: RolloutCreateGates | Unset = UNSET
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        flag_key = self.flag_key

        environment = self.environment.value

        stages: list[int] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = self.stages

        bake_seconds = self.bake_seconds

        auto_advance = self.auto_advance

        gates: dict[str, Any] | Unset = UNSET
        if not isinstance(self.gates, Unset):
            gates = self.gates.to_dict()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "flag_key": flag_key,
                "environment": environment,
            }
        )
        if stages is not UNSET:
            field_dict["stages"] = stages
        if bake_seconds is not UNSET:
            field_dict["bake_seconds"] = bake_seconds
        if auto_advance is not UNSET:
            field_dict["auto_advance"] = auto_advance
        if gates is not UNSET:
            field_dict["gates"] = gates
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rollout_create_gates import RolloutCreateGates

        d = dict(src_dict)
        flag_key = d.pop("flag_key")

        environment = RolloutCreateEnvironment(d.pop("environment"))

        stages = cast(list[int], d.pop("stages", UNSET))

        bake_seconds = d.pop("bake_seconds", UNSET)

        auto_advance = d.pop("auto_advance", UNSET)

        _gates = d.pop("gates", UNSET)
        gates: RolloutCreateGates | Unset
        if isinstance(_gates, Unset):
            gates = UNSET
        else:
            gates = RolloutCreateGates.from_dict(_gates)

        reason = d.pop("reason", UNSET)

        rollout_create = cls(
            flag_key=flag_key,
            environment=environment,
            stages=stages,
            bake_seconds=bake_seconds,
            auto_advance=auto_advance,
            gates=gates,
            reason=reason,
        )

        return rollout_create
