from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StaleFlagListItemsItem")


@_attrs_define
class StaleFlagListItemsItem:
    """
    Attributes:
        flag_key (str):
        temporary (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        reasons (list[str]):
    """

    flag_key: str
    temporary: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flag_key = self.flag_key

        temporary = self.temporary

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "flag_key": flag_key,
                "temporary": temporary,
                "created_at": created_at,
                "updated_at": updated_at,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        flag_key = d.pop("flag_key")

        temporary = d.pop("temporary")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        reasons = cast(list[str], d.pop("reasons"))

        stale_flag_list_items_item = cls(
            flag_key=flag_key,
            temporary=temporary,
            created_at=created_at,
            updated_at=updated_at,
            reasons=reasons,
        )

        stale_flag_list_items_item.additional_properties = d
        return stale_flag_list_items_item

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
