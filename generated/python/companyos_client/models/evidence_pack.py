from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.evidence_item_info import EvidenceItemInfo
    from ..models.evidence_lineage_spec import EvidenceLineageSpec


T = TypeVar("T", bound="EvidencePack")


@_attrs_define
class EvidencePack:
    """
    Example:
        {'id': 'evp_01', 'tenant_id': 'acme', 'title': 'Rollback of payments-api v42', 'subject': 'deployment:dep_01',
            'items': [{'name': 'plan.json', 'sha256': '0f343b0931126a20f133d67c2b018a3b5f8e1b7a4a5d3d1c6e2f9e7a0b1c2d3e',
            'size': 12, 'media_type': 'application/json'}], 'lineage': {'inputs': ['alert:alt_01'], 'process':
            'maestro:rollback', 'outputs': ['deployment:dep_01']}, 'created_at': '2026-11-01T10:00:00Z', 'created_by':
            'usr_alice', 'key_id': 'ek_0123456789abcdef', 'signature': 'c2lnbmF0dXJl', 'manifest_sha256':
            '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'}

    Attributes:
        id (str):
        tenant_id (str):
        title (str):
        subject (str):
        items (list[EvidenceItemInfo]):
        lineage (EvidenceLineageSpec):
        created_at (datetime.datetime):
        created_by (str):
        key_id (str):
        signature (str):
        manifest_sha256 (str):
    """

    id: str
    tenant_id: str
    title: str
    subject: str
    items: list[EvidenceItemInfo]
    lineage: EvidenceLineageSpec
    created_at: datetime.datetime
    created_by: str
    key_id: str
    signature: str
    manifest_sha256: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        title = self.title

        subject = self.subject

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        lineage = self.lineage.to_dict()

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        key_id = self.key_id

        signature = self.signature

        manifest_sha256 = self.manifest_sha256

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "title": title,
                "subject": subject,
                "items": items,
                "lineage": lineage,
                "created_at": created_at,
                "created_by": created_by,
                "key_id": key_id,
                "signature": signature,
                "manifest_sha256": manifest_sha256,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evidence_item_info import EvidenceItemInfo
        from ..models.evidence_lineage_spec import EvidenceLineageSpec

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        title = d.pop("title")

        subject = d.pop("subject")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = EvidenceItemInfo.from_dict(items_item_data)

            items.append(items_item)

        lineage = EvidenceLineageSpec.from_dict(d.pop("lineage"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        key_id = d.pop("key_id")

        signature = d.pop("signature")

        manifest_sha256 = d.pop("manifest_sha256")

        evidence_pack = cls(
            id=id,
            tenant_id=tenant_id,
            title=title,
            subject=subject,
            items=items,
            lineage=lineage,
            created_at=created_at,
            created_by=created_by,
            key_id=key_id,
            signature=signature,
            manifest_sha256=manifest_sha256,
        )

        evidence_pack.additional_properties = d
        return evidence_pack

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
