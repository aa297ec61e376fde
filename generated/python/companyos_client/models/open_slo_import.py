from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.open_slo_import_documents_item import OpenSloImportDocumentsItem


T = TypeVar("T", bound="OpenSloImport")


@_attrs_define
class OpenSloImport:
    """
    Attributes:
        documents (list[OpenSloImportDocumentsItem]): OpenSLO v1 documents (YAML converted to JSON; the CLI reads YAML
            files).
        replace (bool | Unset): Overwrite SLOs of the same name. Default: False.
    """

    documents: list[OpenSloImportDocumentsItem]
    replace: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        replace = self.replace

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "documents": documents,
            }
        )
        if replace is not UNSET:
            field_dict["replace"] = replace

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.open_slo_import_documents_item import OpenSloImportDocumentsItem

        d = dict(src_dict)
        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = OpenSloImportDocumentsItem.from_dict(documents_item_data)

            documents.append(documents_item)

        replace = d.pop("replace", UNSET)

        open_slo_import = cls(
            documents=documents,
            replace=replace,
        )

        return open_slo_import
