from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SloAlertRulePolicy")


@_attrs_define
class SloAlertRulePolicy:
    """The OpenSLO AlertPolicy the rule came from.

    Attributes:
        name (str | Unset):
        display_name (str | Unset):
        description (str | Unset):
        alert_when_no_data (bool | Unset):
        alert_when_resolved (bool | Unset):
        alert_when_breaching (bool | Unset):
    """

    name: str | Unset = UNSET
    display_name: str | Unset = UNSET
    description: str | Unset = UNSET
    alert_when_no_data: bool | Unset = UNSET
    alert_when_resolved: bool | Unset = UNSET
    alert_when_breaching: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        display_name = self.display_name

        description = self.description

        alert_when_no_data = self.alert_when_no_data

        alert_when_resolved = self.alert_when_resolved

        alert_when_breaching = self.alert_when_breaching

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if description is not UNSET:
            field_dict["description"] = description
        if alert_when_no_data is not UNSET:
            field_dict["alert_when_no_data"] = alert_when_no_data
        if alert_when_resolved is not UNSET:
            field_dict["alert_when_resolved"] = alert_when_resolved
        if alert_when_breaching is not UNSET:
            field_dict["alert_when_breaching"] = alert_when_breaching

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        display_name = d.pop("display_name", UNSET)

        description = d.pop("description", UNSET)

        alert_when_no_data = d.pop("alert_when_no_data", UNSET)

        alert_when_resolved = d.pop("alert_when_resolved", UNSET)

        alert_when_breaching = d.pop("alert_when_breaching", UNSET)

        slo_alert_rule_policy = cls(
            name=name,
            display_name=display_name,
            description=description,
            alert_when_no_data=alert_when_no_data,
            alert_when_resolved=alert_when_resolved,
            alert_when_breaching=alert_when_breaching,
        )

        return slo_alert_rule_policy
