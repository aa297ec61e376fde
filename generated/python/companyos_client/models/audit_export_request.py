from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.audit_export_request_format import AuditExportRequestFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditExportRequest")


@_attrs_define
class AuditExportRequest:
    """
    Attributes:
        format_ (AuditExportRequestFormat | Unset):  Default: AuditExportRequestFormat.NDJSON.
    """

    format_: AuditExportRequestFormat | Unset = AuditExportRequestFormat.NDJSON

    def to_dict(self) -> dict[str, Any]:
        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _format_ = d.pop("format", UNSET)
        format_: AuditExportRequestFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = AuditExportRequestFormat(_format_)

        audit_export_request = cls(
            format_=format_,
        )

        return audit_export_request
