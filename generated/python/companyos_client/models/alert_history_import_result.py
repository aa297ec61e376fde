from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AlertHistoryImportResult")


@_attrs_define
class AlertHistoryImportResult:
    """
    Example:
        {'imported': 2, 'updated': 0, 'from': '2026-10-02T09:58:00Z', 'to': '2026-10-05T14:10:00Z'}

    Attributes:
        imported (int): Occurrences added.
        updated (int): Occurrences that were stored already (their `ends_at` updated).
        from_ (datetime.datetime): The earliest `starts_at` in the file.
        to (datetime.datetime): The latest `starts_at` in the file.
    """

    imported: int
    updated: int
    from_: datetime.datetime
    to: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        imported = self.imported

        updated = self.updated

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "imported": imported,
                "updated": updated,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        imported = d.pop("imported")

        updated = d.pop("updated")

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        alert_history_import_result = cls(
            imported=imported,
            updated=updated,
            from_=from_,
            to=to,
        )

        alert_history_import_result.additional_properties = d
        return alert_history_import_result

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
