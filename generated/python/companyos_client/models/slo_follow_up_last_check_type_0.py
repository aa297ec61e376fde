from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slo_follow_up_last_check_type_0_result import SloFollowUpLastCheckType0Result
from ..types import UNSET, Unset

T = TypeVar("T", bound="SloFollowUpLastCheckType0")


@_attrs_define
class SloFollowUpLastCheckType0:
    """
    Attributes:
        result (SloFollowUpLastCheckType0Result | Unset):
        value (float | None | Unset):
        checked_at (datetime.datetime | Unset):
    """

    result: SloFollowUpLastCheckType0Result | Unset = UNSET
    value: float | None | Unset = UNSET
    checked_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result: str | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.value

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        checked_at: str | Unset = UNSET
        if not isinstance(self.checked_at, Unset):
            checked_at = self.checked_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if value is not UNSET:
            field_dict["value"] = value
        if checked_at is not UNSET:
            field_dict["checked_at"] = checked_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _result = d.pop("result", UNSET)
        result: SloFollowUpLastCheckType0Result | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = SloFollowUpLastCheckType0Result(_result)

        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        _checked_at = d.pop("checked_at", UNSET)
        checked_at: datetime.datetime | Unset
        if isinstance(_checked_at, Unset):
            checked_at = UNSET
        else:
            checked_at = datetime.datetime.fromisoformat(_checked_at)

        slo_follow_up_last_check_type_0 = cls(
            result=result,
            value=value,
            checked_at=checked_at,
        )

        slo_follow_up_last_check_type_0.additional_properties = d
        return slo_follow_up_last_check_type_0

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
