from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ofrep_bulk_evaluation_flags_item import OfrepBulkEvaluationFlagsItem
    from ..models.ofrep_metadata import OfrepMetadata


T = TypeVar("T", bound="OfrepBulkEvaluation")


@_attrs_define
class OfrepBulkEvaluation:
    """
    Attributes:
        flags (list[OfrepBulkEvaluationFlagsItem]):
        metadata (OfrepMetadata | Unset): Flag metadata (`decidedBy`, and for rollouts `bucket`, `stickiness`,
            `percentage`).
    """

    flags: list[OfrepBulkEvaluationFlagsItem]
    metadata: OfrepMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flags = []
        for flags_item_data in self.flags:
            flags_item = flags_item_data.to_dict()
            flags.append(flags_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "flags": flags,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ofrep_bulk_evaluation_flags_item import OfrepBulkEvaluationFlagsItem
        from ..models.ofrep_metadata import OfrepMetadata

        d = dict(src_dict)
        flags = []
        _flags = d.pop("flags")
        for flags_item_data in _flags:
            flags_item = OfrepBulkEvaluationFlagsItem.from_dict(flags_item_data)

            flags.append(flags_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: OfrepMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = OfrepMetadata.from_dict(_metadata)

        ofrep_bulk_evaluation = cls(
            flags=flags,
            metadata=metadata,
        )

        ofrep_bulk_evaluation.additional_properties = d
        return ofrep_bulk_evaluation

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
