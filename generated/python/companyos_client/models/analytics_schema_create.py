from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.analytics_event_kind import AnalyticsEventKind
from ..models.analytics_schema_create_category import AnalyticsSchemaCreateCategory
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analytics_schema_create_properties import AnalyticsSchemaCreateProperties


T = TypeVar("T", bound="AnalyticsSchemaCreate")


@_attrs_define
class AnalyticsSchemaCreate:
    """
    Attributes:
        name (str): Object Action in Title Case, e.g. `Report Exported`.
        version (str): SchemaVer `MODEL-REVISION-ADDITION`, e.g. `1-0-0`.
        kind (AnalyticsEventKind | Unset):
        category (AnalyticsSchemaCreateCategory | Unset):
        description (str | Unset):
        properties (AnalyticsSchemaCreateProperties | Unset): Property name to its definition. Names must be snake_case
            (`x-companyos-key-pattern`); OpenAPI 3.0 cannot state a pattern for map keys, the server refuses others with
            400.
    """

    name: str
    version: str
    kind: AnalyticsEventKind | Unset = UNSET
    category: AnalyticsSchemaCreateCategory | Unset = UNSET
    description: str | Unset = UNSET
    properties: AnalyticsSchemaCreateProperties | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        description = self.description

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "version": version,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if category is not UNSET:
            field_dict["category"] = category
        if description is not UNSET:
            field_dict["description"] = description
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_schema_create_properties import AnalyticsSchemaCreateProperties

        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version")

        _kind = d.pop("kind", UNSET)
        kind: AnalyticsEventKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = AnalyticsEventKind(_kind)

        _category = d.pop("category", UNSET)
        category: AnalyticsSchemaCreateCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = AnalyticsSchemaCreateCategory(_category)

        description = d.pop("description", UNSET)

        _properties = d.pop("properties", UNSET)
        properties: AnalyticsSchemaCreateProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = AnalyticsSchemaCreateProperties.from_dict(_properties)

        analytics_schema_create = cls(
            name=name,
            version=version,
            kind=kind,
            category=category,
            description=description,
            properties=properties,
        )

        return analytics_schema_create
