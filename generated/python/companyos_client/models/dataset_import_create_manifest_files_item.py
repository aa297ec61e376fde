from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasetImportCreateManifestFilesItem")


@_attrs_define
class DatasetImportCreateManifestFilesItem:
    """
    Attributes:
        name (str): A plain file name (no path).
        sha256 (str):
        size_bytes (int):
        staging_path (str | Unset): Read the file from the tenant's staging area (see `list_staging_files`) instead of
            uploading it in parts: a relative path of plain segments (no `..`, no symlinks). Its size and SHA-256 are
            checked against the manifest at pre-flight, like an upload.
        rows (int | None | Unset):
    """

    name: str
    sha256: str
    size_bytes: int
    staging_path: str | Unset = UNSET
    rows: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        sha256 = self.sha256

        size_bytes = self.size_bytes

        staging_path = self.staging_path

        rows: int | None | Unset
        if isinstance(self.rows, Unset):
            rows = UNSET
        else:
            rows = self.rows

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "sha256": sha256,
                "size_bytes": size_bytes,
            }
        )
        if staging_path is not UNSET:
            field_dict["staging_path"] = staging_path
        if rows is not UNSET:
            field_dict["rows"] = rows

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        sha256 = d.pop("sha256")

        size_bytes = d.pop("size_bytes")

        staging_path = d.pop("staging_path", UNSET)

        def _parse_rows(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rows = _parse_rows(d.pop("rows", UNSET))

        dataset_import_create_manifest_files_item = cls(
            name=name,
            sha256=sha256,
            size_bytes=size_bytes,
            staging_path=staging_path,
            rows=rows,
        )

        return dataset_import_create_manifest_files_item
