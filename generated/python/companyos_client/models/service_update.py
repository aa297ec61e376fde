from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.service_data_location import ServiceDataLocation
from ..models.service_environment import ServiceEnvironment
from ..models.service_tier import ServiceTier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.service_owner import ServiceOwner
    from ..models.service_runbook import ServiceRunbook
    from ..models.service_slo_spec_type_0 import ServiceSloSpecType0
    from ..models.service_update_labels import ServiceUpdateLabels


T = TypeVar("T", bound="ServiceUpdate")


@_attrs_define
class ServiceUpdate:
    """
    Attributes:
        name (str | Unset):
        description (str | Unset):
        owner (ServiceOwner | Unset):
        tier (ServiceTier | Unset): Criticality; tier-0 is customer-facing and revenue-critical.
        environments (list[ServiceEnvironment] | Unset):
        dependencies (list[str] | Unset):
        runbooks (list[ServiceRunbook] | Unset):
        data_locations (list[ServiceDataLocation] | Unset):
        slo (None | ServiceSloSpecType0 | Unset): An OpenSLO-style objective over a rolling window (null removes it on
            update). `sli` is the last measured SLI (percent) when no SLI samples exist.
        labels (ServiceUpdateLabels | Unset):
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    owner: ServiceOwner | Unset = UNSET
    tier: ServiceTier | Unset = UNSET
    environments: list[ServiceEnvironment] | Unset = UNSET
    dependencies: list[str] | Unset = UNSET
    runbooks: list[ServiceRunbook] | Unset = UNSET
    data_locations: list[ServiceDataLocation] | Unset = UNSET
    slo: None | ServiceSloSpecType0 | Unset = UNSET
    labels: ServiceUpdateLabels | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.service_slo_spec_type_0 import ServiceSloSpecType0

        name = self.name

        description = self.description

        owner: dict[str, Any] | Unset = UNSET
        if not isinstance(self.owner, Unset):
            owner = self.owner.to_dict()

        tier: str | Unset = UNSET
        if not isinstance(self.tier, Unset):
            tier = self.tier.value

        environments: list[str] | Unset = UNSET
        if not isinstance(self.environments, Unset):
            environments = []
            for environments_item_data in self.environments:
                environments_item = environments_item_data.value
                environments.append(environments_item)

        dependencies: list[str] | Unset = UNSET
        if not isinstance(self.dependencies, Unset):
            dependencies = self.dependencies

        runbooks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.runbooks, Unset):
            runbooks = []
            for runbooks_item_data in self.runbooks:
                runbooks_item = runbooks_item_data.to_dict()
                runbooks.append(runbooks_item)

        data_locations: list[str] | Unset = UNSET
        if not isinstance(self.data_locations, Unset):
            data_locations = []
            for data_locations_item_data in self.data_locations:
                data_locations_item = data_locations_item_data.value
                data_locations.append(data_locations_item)

        slo: dict[str, Any] | None | Unset
        if isinstance(self.slo, Unset):
            slo = UNSET
        elif isinstance(self.slo, ServiceSloSpecType0):
            slo = self.slo.to_dict()
        else:
            slo = self.slo

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if owner is not UNSET:
            field_dict["owner"] = owner
        if tier is not UNSET:
            field_dict["tier"] = tier
        if environments is not UNSET:
            field_dict["environments"] = environments
        if dependencies is not UNSET:
            field_dict["dependencies"] = dependencies
        if runbooks is not UNSET:
            field_dict["runbooks"] = runbooks
        if data_locations is not UNSET:
            field_dict["data_locations"] = data_locations
        if slo is not UNSET:
            field_dict["slo"] = slo
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.service_owner import ServiceOwner
        from ..models.service_runbook import ServiceRunbook
        from ..models.service_slo_spec_type_0 import ServiceSloSpecType0
        from ..models.service_update_labels import ServiceUpdateLabels

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _owner = d.pop("owner", UNSET)
        owner: ServiceOwner | Unset
        if isinstance(_owner, Unset):
            owner = UNSET
        else:
            owner = ServiceOwner.from_dict(_owner)

        _tier = d.pop("tier", UNSET)
        tier: ServiceTier | Unset
        if isinstance(_tier, Unset):
            tier = UNSET
        else:
            tier = ServiceTier(_tier)

        _environments = d.pop("environments", UNSET)
        environments: list[ServiceEnvironment] | Unset = UNSET
        if _environments is not UNSET:
            environments = []
            for environments_item_data in _environments:
                environments_item = ServiceEnvironment(environments_item_data)

                environments.append(environments_item)

        dependencies = cast(list[str], d.pop("dependencies", UNSET))

        _runbooks = d.pop("runbooks", UNSET)
        runbooks: list[ServiceRunbook] | Unset = UNSET
        if _runbooks is not UNSET:
            runbooks = []
            for runbooks_item_data in _runbooks:
                runbooks_item = ServiceRunbook.from_dict(runbooks_item_data)

                runbooks.append(runbooks_item)

        _data_locations = d.pop("data_locations", UNSET)
        data_locations: list[ServiceDataLocation] | Unset = UNSET
        if _data_locations is not UNSET:
            data_locations = []
            for data_locations_item_data in _data_locations:
                data_locations_item = ServiceDataLocation(data_locations_item_data)

                data_locations.append(data_locations_item)

        def _parse_slo(data: object) -> None | ServiceSloSpecType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_service_slo_spec_type_0 = ServiceSloSpecType0.from_dict(data)

                return componentsschemas_service_slo_spec_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ServiceSloSpecType0 | Unset, data)

        slo = _parse_slo(d.pop("slo", UNSET))

        _labels = d.pop("labels", UNSET)
        labels: ServiceUpdateLabels | Unset
        if isinstance(_labels, Unset):
            labels = UNSET
        else:
            labels = ServiceUpdateLabels.from_dict(_labels)

        service_update = cls(
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
        )

        return service_update
