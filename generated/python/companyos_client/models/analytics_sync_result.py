from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.analytics_sync_result_copied import AnalyticsSyncResultCopied


T = TypeVar("T", bound="AnalyticsSyncResult")


@_attrs_define
class AnalyticsSyncResult:
    """
    Attributes:
        tenant_id (str):
        partition (str):
        copied (AnalyticsSyncResultCopied):
        synced_at (datetime.datetime):
    """

    tenant_id: str
    partition: str
    copied: AnalyticsSyncResultCopied
    synced_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = self.tenant_id

        partition = self.partition

        copied = self.copied.to_dict()

        synced_at = self.synced_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "partition": partition,
                "copied": copied,
                "synced_at": synced_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_sync_result_copied import AnalyticsSyncResultCopied

        d = dict(src_dict)
        tenant_id = d.pop("tenant_id")

        partition = d.pop("partition")

        copied = AnalyticsSyncResultCopied.from_dict(d.pop("copied"))

        synced_at = datetime.datetime.fromisoformat(d.pop("synced_at"))

        analytics_sync_result = cls(
            tenant_id=tenant_id,
            partition=partition,
            copied=copied,
            synced_at=synced_at,
        )

        analytics_sync_result.additional_properties = d
        return analytics_sync_result

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
