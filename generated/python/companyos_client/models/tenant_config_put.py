from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_config_document import TenantConfigDocument


T = TypeVar("T", bound="TenantConfigPut")


@_attrs_define
class TenantConfigPut:
    """
    Attributes:
        document (TenantConfigDocument): The tenant's configuration. Known sections are validated; other keys are kept
            as given.
        message (str):
        base_version (int | Unset): The version this change is based on (0: none yet).
    """

    document: TenantConfigDocument
    message: str
    base_version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        document = self.document.to_dict()

        message = self.message

        base_version = self.base_version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document": document,
                "message": message,
            }
        )
        if base_version is not UNSET:
            field_dict["base_version"] = base_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_config_document import TenantConfigDocument

        d = dict(src_dict)
        document = TenantConfigDocument.from_dict(d.pop("document"))

        message = d.pop("message")

        base_version = d.pop("base_version", UNSET)

        tenant_config_put = cls(
            document=document,
            message=message,
            base_version=base_version,
        )

        return tenant_config_put
