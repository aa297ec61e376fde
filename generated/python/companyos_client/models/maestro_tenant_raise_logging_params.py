from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MaestroTenantRaiseLoggingParams")


@_attrs_define
class MaestroTenantRaiseLoggingParams:
    """The tenant's reads are audited too for `hours`; 0 restores the usual logging.

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

        maestro_tenant_raise_logging_params = cls(
            hours=hours,
        )

        return maestro_tenant_raise_logging_params
