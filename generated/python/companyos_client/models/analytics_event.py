from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analytics_event_properties import AnalyticsEventProperties


T = TypeVar("T", bound="AnalyticsEvent")


@_attrs_define
class AnalyticsEvent:
    """A self-describing event. Core dimensions: tenant (the path), user role, feature, region (the tenant's residency),
    environment, client type, app version, residency tier (the tenant's tier).

        Attributes:
            id (str | Unset): Client-side id (default: generated).
            schema (str | Unset): The event schema's name.
            version (str | Unset): The schema version (SchemaVer).
            tenant_id (str | Unset): If given, must be the path's tenant.
            ts (str | Unset): When it happened (ISO 8601 with offset).
            user_id (str | Unset): Pseudonymised with the tenant's key before storage.
            user_role (str | Unset):
            feature (str | Unset):
            environment (str | Unset):
            client_type (str | Unset):
            app_version (str | Unset):
            consent (str | Unset): `granted` or `denied` (product events).
            properties (AnalyticsEventProperties | Unset):
    """

    id: str | Unset = UNSET
    schema: str | Unset = UNSET
    version: str | Unset = UNSET
    tenant_id: str | Unset = UNSET
    ts: str | Unset = UNSET
    user_id: str | Unset = UNSET
    user_role: str | Unset = UNSET
    feature: str | Unset = UNSET
    environment: str | Unset = UNSET
    client_type: str | Unset = UNSET
    app_version: str | Unset = UNSET
    consent: str | Unset = UNSET
    properties: AnalyticsEventProperties | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        schema = self.schema

        version = self.version

        tenant_id = self.tenant_id

        ts = self.ts

        user_id = self.user_id

        user_role = self.user_role

        feature = self.feature

        environment = self.environment

        client_type = self.client_type

        app_version = self.app_version

        consent = self.consent

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if schema is not UNSET:
            field_dict["schema"] = schema
        if version is not UNSET:
            field_dict["version"] = version
        if tenant_id is not UNSET:
            field_dict["tenant_id"] = tenant_id
        if ts is not UNSET:
            field_dict["ts"] = ts
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if user_role is not UNSET:
            field_dict["user_role"] = user_role
        if feature is not UNSET:
            field_dict["feature"] = feature
        if environment is not UNSET:
            field_dict["environment"] = environment
        if client_type is not UNSET:
            field_dict["client_type"] = client_type
        if app_version is not UNSET:
            field_dict["app_version"] = app_version
        if consent is not UNSET:
            field_dict["consent"] = consent
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_event_properties import AnalyticsEventProperties

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        schema = d.pop("schema", UNSET)

        version = d.pop("version", UNSET)

        tenant_id = d.pop("tenant_id", UNSET)

        ts = d.pop("ts", UNSET)

        user_id = d.pop("user_id", UNSET)

        user_role = d.pop("user_role", UNSET)

        feature = d.pop("feature", UNSET)

        environment = d.pop("environment", UNSET)

        client_type = d.pop("client_type", UNSET)

        app_version = d.pop("app_version", UNSET)

        consent = d.pop("consent", UNSET)

        _properties = d.pop("properties", UNSET)
        properties: AnalyticsEventProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = AnalyticsEventProperties.from_dict(_properties)

        analytics_event = cls(
            id=id,
            schema=schema,
            version=version,
            tenant_id=tenant_id,
            ts=ts,
            user_id=user_id,
            user_role=user_role,
            feature=feature,
            environment=environment,
            client_type=client_type,
            app_version=app_version,
            consent=consent,
            properties=properties,
        )

        analytics_event.additional_properties = d
        return analytics_event

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
