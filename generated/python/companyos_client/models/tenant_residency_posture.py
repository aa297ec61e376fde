from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.residency import Residency

if TYPE_CHECKING:
    from ..models.tenant_residency_item import TenantResidencyItem
    from ..models.tenant_residency_violation import TenantResidencyViolation


T = TypeVar("T", bound="TenantResidencyPosture")


@_attrs_define
class TenantResidencyPosture:
    """
    Attributes:
        tenant_id (str):
        residency (Residency):
        compliant (bool):
        stores (list[TenantResidencyItem]):
        exports (list[TenantResidencyItem]):
        services (list[TenantResidencyItem]):
        violations (list[TenantResidencyViolation]):
        evaluated_at (datetime.datetime):
    """

    tenant_id: str
    residency: Residency
    compliant: bool
    stores: list[TenantResidencyItem]
    exports: list[TenantResidencyItem]
    services: list[TenantResidencyItem]
    violations: list[TenantResidencyViolation]
    evaluated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = self.tenant_id

        residency = self.residency.value

        compliant = self.compliant

        stores = []
        for stores_item_data in self.stores:
            stores_item = stores_item_data.to_dict()
            stores.append(stores_item)

        exports = []
        for exports_item_data in self.exports:
            exports_item = exports_item_data.to_dict()
            exports.append(exports_item)

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)

        violations = []
        for violations_item_data in self.violations:
            violations_item = violations_item_data.to_dict()
            violations.append(violations_item)

        evaluated_at = self.evaluated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "residency": residency,
                "compliant": compliant,
                "stores": stores,
                "exports": exports,
                "services": services,
                "violations": violations,
                "evaluated_at": evaluated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_residency_item import TenantResidencyItem
        from ..models.tenant_residency_violation import TenantResidencyViolation

        d = dict(src_dict)
        tenant_id = d.pop("tenant_id")

        residency = Residency(d.pop("residency"))

        compliant = d.pop("compliant")

        stores = []
        _stores = d.pop("stores")
        for stores_item_data in _stores:
            stores_item = TenantResidencyItem.from_dict(stores_item_data)

            stores.append(stores_item)

        exports = []
        _exports = d.pop("exports")
        for exports_item_data in _exports:
            exports_item = TenantResidencyItem.from_dict(exports_item_data)

            exports.append(exports_item)

        services = []
        _services = d.pop("services")
        for services_item_data in _services:
            services_item = TenantResidencyItem.from_dict(services_item_data)

            services.append(services_item)

        violations = []
        _violations = d.pop("violations")
        for violations_item_data in _violations:
            violations_item = TenantResidencyViolation.from_dict(violations_item_data)

            violations.append(violations_item)

        evaluated_at = datetime.datetime.fromisoformat(d.pop("evaluated_at"))

        tenant_residency_posture = cls(
            tenant_id=tenant_id,
            residency=residency,
            compliant=compliant,
            stores=stores,
            exports=exports,
            services=services,
            violations=violations,
            evaluated_at=evaluated_at,
        )

        tenant_residency_posture.additional_properties = d
        return tenant_residency_posture

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
