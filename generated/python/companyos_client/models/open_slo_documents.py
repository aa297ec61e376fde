from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.open_slo_documents_documents_item import OpenSloDocumentsDocumentsItem


T = TypeVar("T", bound="OpenSloDocuments")


@_attrs_define
class OpenSloDocuments:
    """
    Attributes:
        documents (list[OpenSloDocumentsDocumentsItem]):
    """

    documents: list[OpenSloDocumentsDocumentsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "documents": documents,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.open_slo_documents_documents_item import OpenSloDocumentsDocumentsItem

        d = dict(src_dict)
        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = OpenSloDocumentsDocumentsItem.from_dict(documents_item_data)

            documents.append(documents_item)

        open_slo_documents = cls(
            documents=documents,
        )

        open_slo_documents.additional_properties = d
        return open_slo_documents

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
