from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.service_environment import ServiceEnvironment
from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantFlagRule")


@_attrs_define
class TenantFlagRule:
    """Applies to the environments named; sets `enabled` and, optionally, the variant served.

    Attributes:
        name (str):
        environments (list[ServiceEnvironment]):
        enabled (bool | Unset):  Default: True.
        variant (str | Unset):
    """

    name: str
    environments: list[ServiceEnvironment]
    enabled: bool | Unset = True
    variant: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        environments = []
        for environments_item_data in self.environments:
            environments_item = environments_item_data.value
            environments.append(environments_item)

        enabled = self.enabled

        variant = self.variant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "environments": environments,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if variant is not UNSET:
            field_dict["variant"] = variant

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        environments = []
        _environments = d.pop("environments")
        for environments_item_data in _environments:
            environments_item = ServiceEnvironment(environments_item_data)

            environments.append(environments_item)

        enabled = d.pop("enabled", UNSET)

        variant = d.pop("variant", UNSET)

        tenant_flag_rule = cls(
            name=name,
            environments=environments,
            enabled=enabled,
            variant=variant,
        )

        return tenant_flag_rule
