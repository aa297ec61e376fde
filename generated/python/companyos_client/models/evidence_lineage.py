from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.evidence_lineage_records_item import EvidenceLineageRecordsItem


T = TypeVar("T", bound="EvidenceLineage")


@_attrs_define
class EvidenceLineage:
    """
    Attributes:
        ref (str):
        records (list[EvidenceLineageRecordsItem]):
        upstream (list[str]):
        downstream (list[str]):
    """

    ref: str
    records: list[EvidenceLineageRecordsItem]
    upstream: list[str]
    downstream: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        upstream = self.upstream

        downstream = self.downstream

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "records": records,
                "upstream": upstream,
                "downstream": downstream,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evidence_lineage_records_item import EvidenceLineageRecordsItem

        d = dict(src_dict)
        ref = d.pop("ref")

        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = EvidenceLineageRecordsItem.from_dict(records_item_data)

            records.append(records_item)

        upstream = cast(list[str], d.pop("upstream"))

        downstream = cast(list[str], d.pop("downstream"))

        evidence_lineage = cls(
            ref=ref,
            records=records,
            upstream=upstream,
            downstream=downstream,
        )

        evidence_lineage.additional_properties = d
        return evidence_lineage

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
