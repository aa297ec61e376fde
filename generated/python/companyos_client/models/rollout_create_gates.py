from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rollout_gate_name import RolloutGateName
from ..types import UNSET, Unset

T = TypeVar("T", bound="RolloutCreateGates")


@_attrs_define
class RolloutCreateGates:
    """
    Attributes:
        slo_services (list[str] | Unset):
        checks (list[RolloutGateName] | Unset):
        waive (list[RolloutGateName] | Unset): Gates whose `not_available` result is explicitly accepted (recorded).
    """

    slo_services: list[str] | Unset = UNSET
    checks: list[RolloutGateName] | Unset = UNSET
    waive: list[RolloutGateName] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        slo_services: list[str] | Unset = UNSET
        if not isinstance(self.slo_services, Unset):
            slo_services = self.slo_services

        checks: list[str] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = []
            for checks_item_data in self.checks:
                checks_item = checks_item_data.value
                checks.append(checks_item)

        waive: list[str] | Unset = UNSET
        if not isinstance(self.waive, Unset):
            waive = []
            for waive_item_data in self.waive:
                waive_item = waive_item_data.value
                waive.append(waive_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if slo_services is not UNSET:
            field_dict["slo_services"] = slo_services
        if checks is not UNSET:
            field_dict["checks"] = checks
        if waive is not UNSET:
            field_dict["waive"] = waive

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        slo_services = cast(list[str], d.pop("slo_services", UNSET))

        _checks = d.pop("checks", UNSET)
        checks: list[RolloutGateName] | Unset = UNSET
        if _checks is not UNSET:
            checks = []
            for checks_item_data in _checks:
                checks_item = RolloutGateName(checks_item_data)

                checks.append(checks_item)

        _waive = d.pop("waive", UNSET)
        waive: list[RolloutGateName] | Unset = UNSET
        if _waive is not UNSET:
            waive = []
            for waive_item_data in _waive:
                waive_item = RolloutGateName(waive_item_data)

                waive.append(waive_item)

        rollout_create_gates = cls(
            slo_services=slo_services,
            checks=checks,
            waive=waive,
        )

        return rollout_create_gates
