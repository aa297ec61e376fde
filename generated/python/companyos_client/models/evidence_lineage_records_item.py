from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EvidenceLineageRecordsItem")


@_attrs_define
class EvidenceLineageRecordsItem:
    """
    Attributes:
        id (str):
        inputs (list[str]):
        process (str):
        outputs (list[str]):
        created_by (str):
        created_at (datetime.datetime):
        pack_id (None | str | Unset):
    """

    id: str
    inputs: list[str]
    process: str
    outputs: list[str]
    created_by: str
    created_at: datetime.datetime
    pack_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        inputs = self.inputs

        process = self.process

        outputs = self.outputs

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        pack_id: None | str | Unset
        if isinstance(self.pack_id, Unset):
            pack_id = UNSET
        else:
            pack_id = self.pack_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "inputs": inputs,
                "process": process,
                "outputs": outputs,
                "created_by": created_by,
                "created_at": created_at,
            }
        )
        if pack_id is not UNSET:
            field_dict["pack_id"] = pack_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        inputs = cast(list[str], d.pop("inputs"))

        process = d.pop("process")

        outputs = cast(list[str], d.pop("outputs"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_pack_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pack_id = _parse_pack_id(d.pop("pack_id", UNSET))

        evidence_lineage_records_item = cls(
            id=id,
            inputs=inputs,
            process=process,
            outputs=outputs,
            created_by=created_by,
            created_at=created_at,
            pack_id=pack_id,
        )

        evidence_lineage_records_item.additional_properties = d
        return evidence_lineage_records_item

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
