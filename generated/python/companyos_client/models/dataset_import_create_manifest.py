from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.dataset_import_create_manifest_files_item import DatasetImportCreateManifestFilesItem


T = TypeVar("T", bound="DatasetImportCreateManifest")


@_attrs_define
class DatasetImportCreateManifest:
    """
    Attributes:
        files (list[DatasetImportCreateManifestFilesItem]): File names unique (409 otherwise).
    """

    files: list[DatasetImportCreateManifestFilesItem]

    def to_dict(self) -> dict[str, Any]:
        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "files": files,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_import_create_manifest_files_item import DatasetImportCreateManifestFilesItem

        d = dict(src_dict)
        files = []
        _files = d.pop("files")
        for files_item_data in _files:
            files_item = DatasetImportCreateManifestFilesItem.from_dict(files_item_data)

            files.append(files_item)

        dataset_import_create_manifest = cls(
            files=files,
        )

        return dataset_import_create_manifest
