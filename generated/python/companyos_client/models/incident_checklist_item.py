from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IncidentChecklistItem")


@_attrs_define
class IncidentChecklistItem:
    """
    Attributes:
        id (str):
        position (int):
        text (str):
        checked (bool):
        checked_by (None | str):
        checked_at (datetime.datetime | None):
    """

    id: str
    position: int
    text: str
    checked: bool
    checked_by: None | str
    checked_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        position = self.position

        text = self.text

        checked = self.checked

        checked_by: None | str
        checked_by = self.checked_by

        checked_at: None | str
        if isinstance(self.checked_at, datetime.datetime):
            checked_at = self.checked_at.isoformat()
        else:
            checked_at = self.checked_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "position": position,
                "text": text,
                "checked": checked,
                "checked_by": checked_by,
                "checked_at": checked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        position = d.pop("position")

        text = d.pop("text")

        checked = d.pop("checked")

        def _parse_checked_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        checked_by = _parse_checked_by(d.pop("checked_by"))

        def _parse_checked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checked_at_type_0 = datetime.datetime.fromisoformat(data)

                return checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        checked_at = _parse_checked_at(d.pop("checked_at"))

        incident_checklist_item = cls(
            id=id,
            position=position,
            text=text,
            checked=checked,
            checked_by=checked_by,
            checked_at=checked_at,
        )

        incident_checklist_item.additional_properties = d
        return incident_checklist_item

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
