from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_data_location import ServiceDataLocation
from ..models.service_environment import ServiceEnvironment
from ..models.service_tier import ServiceTier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.service_isolation_type_0 import ServiceIsolationType0
    from ..models.service_labels import ServiceLabels
    from ..models.service_owner import ServiceOwner
    from ..models.service_runbook import ServiceRunbook
    from ..models.service_slo_summary import ServiceSloSummary


T = TypeVar("T", bound="Service")


@_attrs_define
class Service:
    """
    Attributes:
        id (str):  Example: svc_01jbz8m0000000000000000000.
        tenant_id (str):
        name (str):
        description (str):
        owner (ServiceOwner):
        tier (ServiceTier): Criticality; tier-0 is customer-facing and revenue-critical.
        environments (list[ServiceEnvironment]):
        dependencies (list[str]): Ids of the services this one depends on.
        runbooks (list[ServiceRunbook]):
        data_locations (list[ServiceDataLocation]): Regions where the service stores tenant data (used by the residency
            posture).
        slo (ServiceSloSummary): `state` is `not_configured` (no objective), `no_data` (objective but no SLI), else
            `healthy`,
            `at_risk` (under 25 % of the error budget left) or `exhausted`.
        labels (ServiceLabels):
        revision (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        isolation (None | ServiceIsolationType0 | Unset): Set while a security playbook (Maestro `service.isolate`)
            holds the service isolated: new deployments are refused and flag rollouts whose SLO gate names it stop. Null
            otherwise.
    """

    id: str
    tenant_id: str
    name: str
    description: str
    owner: ServiceOwner
    tier: ServiceTier
    environments: list[ServiceEnvironment]
    dependencies: list[str]
    runbooks: list[ServiceRunbook]
    data_locations: list[ServiceDataLocation]
    slo: ServiceSloSummary
    labels: ServiceLabels
    revision: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    isolation: None | ServiceIsolationType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.service_isolation_type_0 import ServiceIsolationType0

        id = self.id

        tenant_id = self.tenant_id

        name = self.name

        description = self.description

        owner = self.owner.to_dict()

        tier = self.tier.value

        environments = []
        for environments_item_data in self.environments:
            environments_item = environments_item_data.value
            environments.append(environments_item)

        dependencies = self.dependencies

        runbooks = []
        for runbooks_item_data in self.runbooks:
            runbooks_item = runbooks_item_data.to_dict()
            runbooks.append(runbooks_item)

        data_locations = []
        for data_locations_item_data in self.data_locations:
            data_locations_item = data_locations_item_data.value
            data_locations.append(data_locations_item)

        slo = self.slo.to_dict()

        labels = self.labels.to_dict()

        revision = self.revision

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        isolation: dict[str, Any] | None | Unset
        if isinstance(self.isolation, Unset):
            isolation = UNSET
        elif isinstance(self.isolation, ServiceIsolationType0):
            isolation = self.isolation.to_dict()
        else:
            isolation = self.isolation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "name": name,
                "description": description,
                "owner": owner,
                "tier": tier,
                "environments": environments,
                "dependencies": dependencies,
                "runbooks": runbooks,
                "data_locations": data_locations,
                "slo": slo,
                "labels": labels,
                "revision": revision,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if isolation is not UNSET:
            field_dict["isolation"] = isolation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.service_isolation_type_0 import ServiceIsolationType0
        from ..models.service_labels import ServiceLabels
        from ..models.service_owner import ServiceOwner
        from ..models.service_runbook import ServiceRunbook
        from ..models.service_slo_summary import ServiceSloSummary

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        name = d.pop("name")

        description = d.pop("description")

        owner = ServiceOwner.from_dict(d.pop("owner"))

        tier = ServiceTier(d.pop("tier"))

        environments = []
        _environments = d.pop("environments")
        for environments_item_data in _environments:
            environments_item = ServiceEnvironment(environments_item_data)

            environments.append(environments_item)

        dependencies = cast(list[str], d.pop("dependencies"))

        runbooks = []
        _runbooks = d.pop("runbooks")
        for runbooks_item_data in _runbooks:
            runbooks_item = ServiceRunbook.from_dict(runbooks_item_data)

            runbooks.append(runbooks_item)

        data_locations = []
        _data_locations = d.pop("data_locations")
        for data_locations_item_data in _data_locations:
            data_locations_item = ServiceDataLocation(data_locations_item_data)

            data_locations.append(data_locations_item)

        slo = ServiceSloSummary.from_dict(d.pop("slo"))

        labels = ServiceLabels.from_dict(d.pop("labels"))

        revision = d.pop("revision")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_isolation(data: object) -> None | ServiceIsolationType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                isolation_type_0 = ServiceIsolationType0.from_dict(data)

                return isolation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ServiceIsolationType0 | Unset, data)

        isolation = _parse_isolation(d.pop("isolation", UNSET))

        service = cls(
            id=id,
            tenant_id=tenant_id,
            name=name,
            description=description,
            owner=owner,
            tier=tier,
            environments=environments,
            dependencies=dependencies,
            runbooks=runbooks,
            data_locations=data_locations,
            slo=slo,
            labels=labels,
            revision=revision,
            created_at=created_at,
            updated_at=updated_at,
            isolation=isolation,
        )

        service.additional_properties = d
        return service

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
