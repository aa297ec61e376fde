from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ofrep_evaluation_success_reason import OfrepEvaluationSuccessReason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ofrep_metadata import OfrepMetadata


T = TypeVar("T", bound="OfrepEvaluationSuccess")


@_attrs_define
class OfrepEvaluationSuccess:
    """
    Attributes:
        key (str):
        reason (OfrepEvaluationSuccessReason):
        variant (None | str):
        value (Any | Unset): The value served (absent when `reason` is `DISABLED`).
        metadata (OfrepMetadata | Unset): Flag metadata (`decidedBy`, and for rollouts `bucket`, `stickiness`,
            `percentage`).
    """

    key: str
    reason: OfrepEvaluationSuccessReason
    variant: None | str
    value: Any | Unset = UNSET
    metadata: OfrepMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        reason = self.reason.value

        variant: None | str
        variant = self.variant

        value = self.value

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "reason": reason,
                "variant": variant,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ofrep_metadata import OfrepMetadata

        d = dict(src_dict)
        key = d.pop("key")

        reason = OfrepEvaluationSuccessReason(d.pop("reason"))

        def _parse_variant(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        variant = _parse_variant(d.pop("variant"))

        value = d.pop("value", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: OfrepMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = OfrepMetadata.from_dict(_metadata)

        ofrep_evaluation_success = cls(
            key=key,
            reason=reason,
            variant=variant,
            value=value,
            metadata=metadata,
        )

        ofrep_evaluation_success.additional_properties = d
        return ofrep_evaluation_success

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
