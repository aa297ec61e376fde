from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.analytics_event_kind import AnalyticsEventKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analytics_schema_properties import AnalyticsSchemaProperties


T = TypeVar("T", bound="AnalyticsSchema")


@_attrs_define
class AnalyticsSchema:
    """
    Attributes:
        name (str):
        version (str):
        kind (AnalyticsEventKind):
        category (str):
        description (str):
        properties (AnalyticsSchemaProperties):
        builtin (bool):
        tenant_id (str):
        created_at (datetime.datetime | Unset):
    """

    name: str
    version: str
    kind: AnalyticsEventKind
    category: str
    description: str
    properties: AnalyticsSchemaProperties
    builtin: bool
    tenant_id: str
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        kind = self.kind.value

        category = self.category

        description = self.description

        properties = self.properties.to_dict()

        builtin = self.builtin

        tenant_id = self.tenant_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "version": version,
                "kind": kind,
                "category": category,
                "description": description,
                "properties": properties,
                "builtin": builtin,
                "tenant_id": tenant_id,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_schema_properties import AnalyticsSchemaProperties

        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version")

        kind = AnalyticsEventKind(d.pop("kind"))

        category = d.pop("category")

        description = d.pop("description")

        properties = AnalyticsSchemaProperties.from_dict(d.pop("properties"))

        builtin = d.pop("builtin")

        tenant_id = d.pop("tenant_id")

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        analytics_schema = cls(
            name=name,
            version=version,
            kind=kind,
            category=category,
            description=description,
            properties=properties,
            builtin=builtin,
            tenant_id=tenant_id,
            created_at=created_at,
        )

        analytics_schema.additional_properties = d
        return analytics_schema

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
