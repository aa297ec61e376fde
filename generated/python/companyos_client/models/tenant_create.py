from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.residency import Residency
from ..models.tenant_environment import TenantEnvironment
from ..models.tenant_tier import TenantTier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.labels import Labels


T = TypeVar("T", bound="TenantCreate")


@_attrs_define
class TenantCreate:
    """
    Attributes:
        id (str):  Example: acme.
        display_name (str):
        tier (TenantTier | Unset):
        residency (Residency | Unset):
        environment (TenantEnvironment | Unset): Set when the tenant is created and never changed. `sandbox` tenants
            hold synthetic data and run
            under guardrails (see docs/sandbox.md).
        labels (Labels | Unset):
    """

    id: str
    display_name: str
    tier: TenantTier | Unset = UNSET
    residency: Residency | Unset = UNSET
    environment: TenantEnvironment | Unset = UNSET
    labels: Labels | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        display_name = self.display_name

        tier: str | Unset = UNSET
        if not isinstance(self.tier, Unset):
            tier = self.tier.value

        residency: str | Unset = UNSET
        if not isinstance(self.residency, Unset):
            residency = self.residency.value

        environment: str | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.value

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "display_name": display_name,
            }
        )
        if tier is not UNSET:
            field_dict["tier"] = tier
        if residency is not UNSET:
            field_dict["residency"] = residency
        if environment is not UNSET:
            field_dict["environment"] = environment
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.labels import Labels

        d = dict(src_dict)
        id = d.pop("id")

        display_name = d.pop("display_name")

        _tier = d.pop("tier", UNSET)
        tier: TenantTier | Unset
        if isinstance(_tier, Unset):
            tier = UNSET
        else:
            tier = TenantTier(_tier)

        _residency = d.pop("residency", UNSET)
        residency: Residency | Unset
        if isinstance(_residency, Unset):
            residency = UNSET
        else:
            residency = Residency(_residency)

        _environment = d.pop("environment", UNSET)
        environment: TenantEnvironment | Unset
        if isinstance(_environment, Unset):
            environment = UNSET
        else:
            environment = TenantEnvironment(_environment)

        _labels = d.pop("labels", UNSET)
        labels: Labels | Unset
        if isinstance(_labels, Unset):
            labels = UNSET
        else:
            labels = Labels.from_dict(_labels)

        tenant_create = cls(
            id=id,
            display_name=display_name,
            tier=tier,
            residency=residency,
            environment=environment,
            labels=labels,
        )

        return tenant_create
