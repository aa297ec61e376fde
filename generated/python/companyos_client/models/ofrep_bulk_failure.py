from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ofrep_bulk_failure_error_code import OfrepBulkFailureErrorCode

T = TypeVar("T", bound="OfrepBulkFailure")


@_attrs_define
class OfrepBulkFailure:
    """
    Attributes:
        error_code (OfrepBulkFailureErrorCode):
        error_details (str):
    """

    error_code: OfrepBulkFailureErrorCode
    error_details: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code.value

        error_details = self.error_details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errorCode": error_code,
                "errorDetails": error_details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error_code = OfrepBulkFailureErrorCode(d.pop("errorCode"))

        error_details = d.pop("errorDetails")

        ofrep_bulk_failure = cls(
            error_code=error_code,
            error_details=error_details,
        )

        ofrep_bulk_failure.additional_properties = d
        return ofrep_bulk_failure

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
