from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.tenant_status import TenantStatus
from ..models.tenant_tier import TenantTier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.labels import Labels


T = TypeVar("T", bound="TenantUpdate")


@_attrs_define
class TenantUpdate:
    """
    Attributes:
        display_name (str | Unset):
        tier (TenantTier | Unset):
        status (TenantStatus | Unset):
        labels (Labels | Unset):
    """

    display_name: str | Unset = UNSET
    tier: TenantTier | Unset = UNSET
    status: TenantStatus | Unset = UNSET
    labels: Labels | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        tier: str | Unset = UNSET
        if not isinstance(self.tier, Unset):
            tier = self.tier.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if tier is not UNSET:
            field_dict["tier"] = tier
        if status is not UNSET:
            field_dict["status"] = status
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.labels import Labels

        d = dict(src_dict)
        display_name = d.pop("display_name", UNSET)

        _tier = d.pop("tier", UNSET)
        tier: TenantTier | Unset
        if isinstance(_tier, Unset):
            tier = UNSET
        else:
            tier = TenantTier(_tier)

        _status = d.pop("status", UNSET)
        status: TenantStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TenantStatus(_status)

        _labels = d.pop("labels", UNSET)
        labels: Labels | Unset
        if isinstance(_labels, Unset):
            labels = UNSET
        else:
            labels = Labels.from_dict(_labels)

        tenant_update = cls(
            display_name=display_name,
            tier=tier,
            status=status,
            labels=labels,
        )

        return tenant_update
