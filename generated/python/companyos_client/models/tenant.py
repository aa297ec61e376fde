from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.residency import Residency
from ..models.tenant_environment import TenantEnvironment
from ..models.tenant_status import TenantStatus
from ..models.tenant_tier import TenantTier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.labels import Labels
    from ..models.tenant_security_controls import TenantSecurityControls


T = TypeVar("T", bound="Tenant")


@_attrs_define
class Tenant:
    """
    Example:
        {'id': 'acme', 'display_name': 'ACME Corporation', 'tier': 'enterprise', 'residency': 'eu', 'status': 'active',
            'environment': 'production', 'labels': {'region': 'eu-west'}, 'created_at': '2026-11-01T09:00:00Z',
            'updated_at': '2026-11-01T09:00:00Z'}

    Attributes:
        id (str):  Example: acme.
        display_name (str):
        tier (TenantTier):
        residency (Residency):
        status (TenantStatus):
        labels (Labels):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        environment (TenantEnvironment | Unset): Set when the tenant is created and never changed. `sandbox` tenants
            hold synthetic data and run
            under guardrails (see docs/sandbox.md).
        security_controls (TenantSecurityControls | Unset): Security playbook controls in force (Maestro
            `tenant.enforce_step_up`, `tenant.raise_logging`), each until the time shown; null when off.
    """

    id: str
    display_name: str
    tier: TenantTier
    residency: Residency
    status: TenantStatus
    labels: Labels
    created_at: datetime.datetime
    updated_at: datetime.datetime
    environment: TenantEnvironment | Unset = UNSET
    security_controls: TenantSecurityControls | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        display_name = self.display_name

        tier = self.tier.value

        residency = self.residency.value

        status = self.status.value

        labels = self.labels.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        environment: str | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.value

        security_controls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.security_controls, Unset):
            security_controls = self.security_controls.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "display_name": display_name,
                "tier": tier,
                "residency": residency,
                "status": status,
                "labels": labels,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if environment is not UNSET:
            field_dict["environment"] = environment
        if security_controls is not UNSET:
            field_dict["security_controls"] = security_controls

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.labels import Labels
        from ..models.tenant_security_controls import TenantSecurityControls

        d = dict(src_dict)
        id = d.pop("id")

        display_name = d.pop("display_name")

        tier = TenantTier(d.pop("tier"))

        residency = Residency(d.pop("residency"))

        status = TenantStatus(d.pop("status"))

        labels = Labels.from_dict(d.pop("labels"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _environment = d.pop("environment", UNSET)
        environment: TenantEnvironment | Unset
        if isinstance(_environment, Unset):
            environment = UNSET
        else:
            environment = TenantEnvironment(_environment)

        _security_controls = d.pop("security_controls", UNSET)
        security_controls: TenantSecurityControls | Unset
        if isinstance(_security_controls, Unset):
            security_controls = UNSET
        else:
            security_controls = TenantSecurityControls.from_dict(_security_controls)

        tenant = cls(
            id=id,
            display_name=display_name,
            tier=tier,
            residency=residency,
            status=status,
            labels=labels,
            created_at=created_at,
            updated_at=updated_at,
            environment=environment,
            security_controls=security_controls,
        )

        tenant.additional_properties = d
        return tenant

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
