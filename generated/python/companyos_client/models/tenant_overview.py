from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_environment import ServiceEnvironment

if TYPE_CHECKING:
    from ..models.overview_alerts import OverviewAlerts
    from ..models.overview_deployments import OverviewDeployments
    from ..models.overview_incidents import OverviewIncidents
    from ..models.overview_services import OverviewServices
    from ..models.overview_spotlight import OverviewSpotlight
    from ..models.overview_withheld import OverviewWithheld
    from ..models.tenant import Tenant


T = TypeVar("T", bound="TenantOverview")


@_attrs_define
class TenantOverview:
    """
    Attributes:
        tenant (Tenant):  Example: {'id': 'acme', 'display_name': 'ACME Corporation', 'tier': 'enterprise', 'residency':
            'eu', 'status': 'active', 'environment': 'production', 'labels': {'region': 'eu-west'}, 'created_at':
            '2026-11-01T09:00:00Z', 'updated_at': '2026-11-01T09:00:00Z'}.
        environment (ServiceEnvironment):
        generated_at (datetime.datetime):
        services (OverviewServices):
        alerts (OverviewAlerts):
        deployments (OverviewDeployments):
        incidents (OverviewIncidents):
        spotlight (OverviewSpotlight):
        withheld (list[OverviewWithheld]): Sections left empty because the caller may not read them, with the policy's
            reasons.
    """

    tenant: Tenant
    environment: ServiceEnvironment
    generated_at: datetime.datetime
    services: OverviewServices
    alerts: OverviewAlerts
    deployments: OverviewDeployments
    incidents: OverviewIncidents
    spotlight: OverviewSpotlight
    withheld: list[OverviewWithheld]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant = self.tenant.to_dict()

        environment = self.environment.value

        generated_at = self.generated_at.isoformat()

        services = self.services.to_dict()

        alerts = self.alerts.to_dict()

        deployments = self.deployments.to_dict()

        incidents = self.incidents.to_dict()

        spotlight = self.spotlight.to_dict()

        withheld = []
        for withheld_item_data in self.withheld:
            withheld_item = withheld_item_data.to_dict()
            withheld.append(withheld_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant": tenant,
                "environment": environment,
                "generated_at": generated_at,
                "services": services,
                "alerts": alerts,
                "deployments": deployments,
                "incidents": incidents,
                "spotlight": spotlight,
                "withheld": withheld,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.overview_alerts import OverviewAlerts
        from ..models.overview_deployments import OverviewDeployments
        from ..models.overview_incidents import OverviewIncidents
        from ..models.overview_services import OverviewServices
        from ..models.overview_spotlight import OverviewSpotlight
        from ..models.overview_withheld import OverviewWithheld
        from ..models.tenant import Tenant

        d = dict(src_dict)
        tenant = Tenant.from_dict(d.pop("tenant"))

        environment = ServiceEnvironment(d.pop("environment"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        services = OverviewServices.from_dict(d.pop("services"))

        alerts = OverviewAlerts.from_dict(d.pop("alerts"))

        deployments = OverviewDeployments.from_dict(d.pop("deployments"))

        incidents = OverviewIncidents.from_dict(d.pop("incidents"))

        spotlight = OverviewSpotlight.from_dict(d.pop("spotlight"))

        withheld = []
        _withheld = d.pop("withheld")
        for withheld_item_data in _withheld:
            withheld_item = OverviewWithheld.from_dict(withheld_item_data)

            withheld.append(withheld_item)

        tenant_overview = cls(
            tenant=tenant,
            environment=environment,
            generated_at=generated_at,
            services=services,
            alerts=alerts,
            deployments=deployments,
            incidents=incidents,
            spotlight=spotlight,
            withheld=withheld,
        )

        tenant_overview.additional_properties = d
        return tenant_overview

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
