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
    """

    flag: str
    enabled: bool
    environment: MaestroEnvironment | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        flag = self.flag

        enabled = self.enabled

        environment: str | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "flag": flag,
                "enabled": enabled,
            }
        )
        if environment is not UNSET:
            field_dict["environment"] = environment

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

        maestro_flag_toggle_params = cls(
            flag=flag,
            enabled=enabled,
            environment=environment,
        )

        return maestro_flag_toggle_params
