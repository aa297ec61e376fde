from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tenant_config_version_document import TenantConfigVersionDocument


T = TypeVar("T", bound="TenantConfigVersion")


@_attrs_define
class TenantConfigVersion:
    """
    Attributes:
        tenant_id (str):
        version (int):
        author (str):
        message (str):
        created_at (datetime.datetime):
        document (TenantConfigVersionDocument):
    """

    tenant_id: str
    version: int
    author: str
    message: str
    created_at: datetime.datetime
    document: TenantConfigVersionDocument
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = self.tenant_id

        version = self.version

        author = self.author

        message = self.message

        created_at = self.created_at.isoformat()

        document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "version": version,
                "author": author,
                "message": message,
                "created_at": created_at,
                "document": document,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_config_version_document import TenantConfigVersionDocument

        d = dict(src_dict)
        tenant_id = d.pop("tenant_id")

        version = d.pop("version")

        author = d.pop("author")

        message = d.pop("message")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        document = TenantConfigVersionDocument.from_dict(d.pop("document"))

        tenant_config_version = cls(
            tenant_id=tenant_id,
            version=version,
            author=author,
            message=message,
            created_at=created_at,
            document=document,
        )

        tenant_config_version.additional_properties = d
        return tenant_config_version

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
