from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MaestroTenantEnforceStepUpParams")


@_attrs_define
class MaestroTenantEnforceStepUpParams:
    """Every change by a person in the tenant needs a recent MFA sign-in for `hours`; 0 lifts it.

    Attributes:
        hours (float):
    """

    hours: float

    def to_dict(self) -> dict[str, Any]:
        hours = self.hours

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hours": hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        hours = d.pop("hours")

        maestro_tenant_enforce_step_up_params = cls(
            hours=hours,
        )

        return maestro_tenant_enforce_step_up_params
