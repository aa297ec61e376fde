from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_environment import MaestroEnvironment
from ..types import UNSET, Unset

T = TypeVar("T", bound="MaestroFlagToggleParams")


@_attrs_define
class MaestroFlagToggleParams:
    """
    Attributes:
        flag (str):
        enabled (bool):
        environment (MaestroEnvironment | Unset):
        percentage (int | Unset): With `environment`: a staged rollout to this share of the evaluation contexts
            (deterministic bucketing on `targetingKey`, monotonic as it rises); 100 or absent turns it on for all.
    """

    flag: str
    enabled: bool
    environment: MaestroEnvironment | Unset = UNSET
    percentage: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        flag = self.flag

        enabled = self.enabled

        environment: str | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.value

        percentage = self.percentage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "flag": flag,
                "enabled": enabled,
            }
        )
        if environment is not UNSET:
            field_dict["environment"] = environment
        if percentage is not UNSET:
            field_dict["percentage"] = percentage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        flag = d.pop("flag")

        enabled = d.pop("enabled")

        _environment = d.pop("environment", UNSET)
        environment: MaestroEnvironment | Unset
        if isinstance(_environment, Unset):
            environment = UNSET
        else:
            environment = MaestroEnvironment(_environment)

        percentage = d.pop("percentage", UNSET)

        maestro_flag_toggle_params = cls(
            flag=flag,
            enabled=enabled,
            environment=environment,
            percentage=percentage,
        )

        return maestro_flag_toggle_params
