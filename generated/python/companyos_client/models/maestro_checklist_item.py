from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MaestroChecklistItem")


@_attrs_define
class MaestroChecklistItem:
    """
    Attributes:
        id (str):
        text (str):
        done (bool):
        done_by (None | str):
        done_at (datetime.datetime | None):
    """

    id: str
    text: str
    done: bool
    done_by: None | str
    done_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        done = self.done

        done_by: None | str
        done_by = self.done_by

        done_at: None | str
        if isinstance(self.done_at, datetime.datetime):
            done_at = self.done_at.isoformat()
        else:
            done_at = self.done_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "text": text,
                "done": done,
                "done_by": done_by,
                "done_at": done_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        done = d.pop("done")

        def _parse_done_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        done_by = _parse_done_by(d.pop("done_by"))

        def _parse_done_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_at_type_0 = datetime.datetime.fromisoformat(data)

                return done_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        done_at = _parse_done_at(d.pop("done_at"))

        maestro_checklist_item = cls(
            id=id,
            text=text,
            done=done,
            done_by=done_by,
            done_at=done_at,
        )

        maestro_checklist_item.additional_properties = d
        return maestro_checklist_item

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
