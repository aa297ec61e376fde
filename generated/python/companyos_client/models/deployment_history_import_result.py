from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeploymentHistoryImportResult")


@_attrs_define
class DeploymentHistoryImportResult:
    """
    Attributes:
        service_id (str):
        rows (int): Rows read from the file.
        imported (int): Deployments recorded.
        skipped (int): Rows the service already had (same version, environment and start).
        deployment_ids (list[str]): The recorded deployments' ids, in the file's order.
        from_ (datetime.datetime): The earliest start in the file.
        to (datetime.datetime): The latest start in the file.
    """

    service_id: str
    rows: int
    imported: int
    skipped: int
    deployment_ids: list[str]
    from_: datetime.datetime
    to: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        rows = self.rows

        imported = self.imported

        skipped = self.skipped

        deployment_ids = self.deployment_ids

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "rows": rows,
                "imported": imported,
                "skipped": skipped,
                "deployment_ids": deployment_ids,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service_id = d.pop("service_id")

        rows = d.pop("rows")

        imported = d.pop("imported")

        skipped = d.pop("skipped")

        deployment_ids = cast(list[str], d.pop("deployment_ids"))

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        deployment_history_import_result = cls(
            service_id=service_id,
            rows=rows,
            imported=imported,
            skipped=skipped,
            deployment_ids=deployment_ids,
            from_=from_,
            to=to,
        )

        deployment_history_import_result.additional_properties = d
        return deployment_history_import_result

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
