from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.security_event_category import SecurityEventCategory
from ..models.security_event_outcome import SecurityEventOutcome
from ..models.security_event_source import SecurityEventSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.security_event_details import SecurityEventDetails
    from ..models.security_event_geo_type_0 import SecurityEventGeoType0


T = TypeVar("T", bound="SecurityEvent")


@_attrs_define
class SecurityEvent:
    """
    Attributes:
        id (str):
        tenant_id (str):  Example: acme.
        occurred_at (datetime.datetime):
        source (SecurityEventSource):
        category (SecurityEventCategory):
        action (str):
        outcome (SecurityEventOutcome):
        principal (None | str | Unset):
        principal_kind (None | str | Unset):
        asset (None | str | Unset):
        source_ip (None | str | Unset):
        user_agent (None | str | Unset):
        geo (None | SecurityEventGeoType0 | Unset): Where the source address is (a MaxMind-format database when
            configured, or as ingested).
        travel_km (float | None | Unset): Distance from the principal's previous located sign-in.
        travel_kmh (float | None | Unset): Speed that distance implies.
        request_id (None | str | Unset):
        claimed_tenant (None | str | Unset): The other tenant an ingested event named (stored in the path's tenant
            regardless).
        details (SecurityEventDetails | Unset):
    """

    id: str
    tenant_id: str
    occurred_at: datetime.datetime
    source: SecurityEventSource
    category: SecurityEventCategory
    action: str
    outcome: SecurityEventOutcome
    principal: None | str | Unset = UNSET
    principal_kind: None | str | Unset = UNSET
    asset: None | str | Unset = UNSET
    source_ip: None | str | Unset = UNSET
    user_agent: None | str | Unset = UNSET
    geo: None | SecurityEventGeoType0 | Unset = UNSET
    travel_km: float | None | Unset = UNSET
    travel_kmh: float | None | Unset = UNSET
    request_id: None | str | Unset = UNSET
    claimed_tenant: None | str | Unset = UNSET
    details: SecurityEventDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.security_event_geo_type_0 import SecurityEventGeoType0

        id = self.id

        tenant_id = self.tenant_id

        occurred_at = self.occurred_at.isoformat()

        source = self.source.value

        category = self.category.value

        action = self.action

        outcome = self.outcome.value

        principal: None | str | Unset
        if isinstance(self.principal, Unset):
            principal = UNSET
        else:
            principal = self.principal

        principal_kind: None | str | Unset
        if isinstance(self.principal_kind, Unset):
            principal_kind = UNSET
        else:
            principal_kind = self.principal_kind

        asset: None | str | Unset
        if isinstance(self.asset, Unset):
            asset = UNSET
        else:
            asset = self.asset

        source_ip: None | str | Unset
        if isinstance(self.source_ip, Unset):
            source_ip = UNSET
        else:
            source_ip = self.source_ip

        user_agent: None | str | Unset
        if isinstance(self.user_agent, Unset):
            user_agent = UNSET
        else:
            user_agent = self.user_agent

        geo: dict[str, Any] | None | Unset
        if isinstance(self.geo, Unset):
            geo = UNSET
        elif isinstance(self.geo, SecurityEventGeoType0):
            geo = self.geo.to_dict()
        else:
            geo = self.geo

        travel_km: float | None | Unset
        if isinstance(self.travel_km, Unset):
            travel_km = UNSET
        else:
            travel_km = self.travel_km

        travel_kmh: float | None | Unset
        if isinstance(self.travel_kmh, Unset):
            travel_kmh = UNSET
        else:
            travel_kmh = self.travel_kmh

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        claimed_tenant: None | str | Unset
        if isinstance(self.claimed_tenant, Unset):
            claimed_tenant = UNSET
        else:
            claimed_tenant = self.claimed_tenant

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "occurred_at": occurred_at,
                "source": source,
                "category": category,
                "action": action,
                "outcome": outcome,
            }
        )
        if principal is not UNSET:
            field_dict["principal"] = principal
        if principal_kind is not UNSET:
            field_dict["principal_kind"] = principal_kind
        if asset is not UNSET:
            field_dict["asset"] = asset
        if source_ip is not UNSET:
            field_dict["source_ip"] = source_ip
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent
        if geo is not UNSET:
            field_dict["geo"] = geo
        if travel_km is not UNSET:
            field_dict["travel_km"] = travel_km
        if travel_kmh is not UNSET:
            field_dict["travel_kmh"] = travel_kmh
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if claimed_tenant is not UNSET:
            field_dict["claimed_tenant"] = claimed_tenant
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.security_event_details import SecurityEventDetails
        from ..models.security_event_geo_type_0 import SecurityEventGeoType0

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        source = SecurityEventSource(d.pop("source"))

        category = SecurityEventCategory(d.pop("category"))

        action = d.pop("action")

        outcome = SecurityEventOutcome(d.pop("outcome"))

        def _parse_principal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        principal = _parse_principal(d.pop("principal", UNSET))

        def _parse_principal_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        principal_kind = _parse_principal_kind(d.pop("principal_kind", UNSET))

        def _parse_asset(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        asset = _parse_asset(d.pop("asset", UNSET))

        def _parse_source_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ip = _parse_source_ip(d.pop("source_ip", UNSET))

        def _parse_user_agent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_agent = _parse_user_agent(d.pop("user_agent", UNSET))

        def _parse_geo(data: object) -> None | SecurityEventGeoType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                geo_type_0 = SecurityEventGeoType0.from_dict(data)

                return geo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SecurityEventGeoType0 | Unset, data)

        geo = _parse_geo(d.pop("geo", UNSET))

        def _parse_travel_km(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        travel_km = _parse_travel_km(d.pop("travel_km", UNSET))

        def _parse_travel_kmh(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        travel_kmh = _parse_travel_kmh(d.pop("travel_kmh", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_claimed_tenant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        claimed_tenant = _parse_claimed_tenant(d.pop("claimed_tenant", UNSET))

        _details = d.pop("details", UNSET)
        details: SecurityEventDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = SecurityEventDetails.from_dict(_details)

        security_event = cls(
            id=id,
            tenant_id=tenant_id,
            occurred_at=occurred_at,
            source=source,
            category=category,
            action=action,
            outcome=outcome,
            principal=principal,
            principal_kind=principal_kind,
            asset=asset,
            source_ip=source_ip,
            user_agent=user_agent,
            geo=geo,
            travel_km=travel_km,
            travel_kmh=travel_kmh,
            request_id=request_id,
            claimed_tenant=claimed_tenant,
            details=details,
        )

        security_event.additional_properties = d
        return security_event

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
