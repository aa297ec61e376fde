from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IncidentHistoryImportResult")


@_attrs_define
class IncidentHistoryImportResult:
    """
    Attributes:
        rows (int): Rows read from the file.
        imported (int): Incidents recorded.
        skipped (int): Rows the tenant already had (same title and start).
        incident_ids (list[str]): The recorded incidents' ids, in the file's order.
        from_ (datetime.datetime): The earliest start in the file.
        to (datetime.datetime): The latest start in the file.
    """

    rows: int
    imported: int
    skipped: int
    incident_ids: list[str]
    from_: datetime.datetime
    to: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rows = self.rows

        imported = self.imported

        skipped = self.skipped

        incident_ids = self.incident_ids

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rows": rows,
                "imported": imported,
                "skipped": skipped,
                "incident_ids": incident_ids,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        rows = d.pop("rows")

        imported = d.pop("imported")

        skipped = d.pop("skipped")

        incident_ids = cast(list[str], d.pop("incident_ids"))

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        incident_history_import_result = cls(
            rows=rows,
            imported=imported,
            skipped=skipped,
            incident_ids=incident_ids,
            from_=from_,
            to=to,
        )

        incident_history_import_result.additional_properties = d
        return incident_history_import_result

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
