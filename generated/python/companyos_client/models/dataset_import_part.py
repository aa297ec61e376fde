from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DatasetImportPart")


@_attrs_define
class DatasetImportPart:
    """
    Attributes:
        file_name (str):
        part_number (int):
        sha256 (str):
        size_bytes (int):
        duplicate (bool): The part had been received already.
    """

    file_name: str
    part_number: int
    sha256: str
    size_bytes: int
    duplicate: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_name = self.file_name

        part_number = self.part_number

        sha256 = self.sha256

        size_bytes = self.size_bytes

        duplicate = self.duplicate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_name": file_name,
                "part_number": part_number,
                "sha256": sha256,
                "size_bytes": size_bytes,
                "duplicate": duplicate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file_name = d.pop("file_name")

        part_number = d.pop("part_number")

        sha256 = d.pop("sha256")

        size_bytes = d.pop("size_bytes")

        duplicate = d.pop("duplicate")

        dataset_import_part = cls(
            file_name=file_name,
            part_number=part_number,
            sha256=sha256,
            size_bytes=size_bytes,
            duplicate=duplicate,
        )

        dataset_import_part.additional_properties = d
        return dataset_import_part

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
