from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StagingFile")


@_attrs_define
class StagingFile:
    """
    Attributes:
        path (str): Relative to the tenant's staging area: an import's `staging_path`.
        size_bytes (int):
        modified_at (datetime.datetime):
    """

    path: str
    size_bytes: int
    modified_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        size_bytes = self.size_bytes

        modified_at = self.modified_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "size_bytes": size_bytes,
                "modified_at": modified_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        path = d.pop("path")

        size_bytes = d.pop("size_bytes")

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        staging_file = cls(
            path=path,
            size_bytes=size_bytes,
            modified_at=modified_at,
        )

        staging_file.additional_properties = d
        return staging_file

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
