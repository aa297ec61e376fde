from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ofrep_metadata import OfrepMetadata


T = TypeVar("T", bound="OfrepBulkEvaluationFlagsItem")


@_attrs_define
class OfrepBulkEvaluationFlagsItem:
    """An `OfrepEvaluationSuccess` or an `OfrepEvaluationFailure`.

    Attributes:
        key (str):
        value (Any | Unset):
        reason (str | Unset):
        variant (None | str | Unset):
        metadata (OfrepMetadata | Unset): Flag metadata (`decidedBy`, and for rollouts `bucket`, `stickiness`,
            `percentage`).
        error_code (str | Unset):
        error_details (str | Unset):
    """

    key: str
    value: Any | Unset = UNSET
    reason: str | Unset = UNSET
    variant: None | str | Unset = UNSET
    metadata: OfrepMetadata | Unset = UNSET
    error_code: str | Unset = UNSET
    error_details: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value = self.value

        reason = self.reason

        variant: None | str | Unset
        if isinstance(self.variant, Unset):
            variant = UNSET
        else:
            variant = self.variant

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        error_code = self.error_code

        error_details = self.error_details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if reason is not UNSET:
            field_dict["reason"] = reason
        if variant is not UNSET:
            field_dict["variant"] = variant
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_details is not UNSET:
            field_dict["errorDetails"] = error_details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ofrep_metadata import OfrepMetadata

        d = dict(src_dict)
        key = d.pop("key")

        value = d.pop("value", UNSET)

        reason = d.pop("reason", UNSET)

        def _parse_variant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        variant = _parse_variant(d.pop("variant", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: OfrepMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = OfrepMetadata.from_dict(_metadata)

        error_code = d.pop("errorCode", UNSET)

        error_details = d.pop("errorDetails", UNSET)

        ofrep_bulk_evaluation_flags_item = cls(
            key=key,
            value=value,
            reason=reason,
            variant=variant,
            metadata=metadata,
            error_code=error_code,
            error_details=error_details,
        )

        ofrep_bulk_evaluation_flags_item.additional_properties = d
        return ofrep_bulk_evaluation_flags_item

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
