from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.analytics_property_pii import AnalyticsPropertyPii
from ..models.analytics_property_type import AnalyticsPropertyType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AnalyticsProperty")


@_attrs_define
class AnalyticsProperty:
    """
    Attributes:
        type_ (AnalyticsPropertyType):
        required (bool | Unset):  Default: False.
        pii (AnalyticsPropertyPii | Unset): `hash`: pseudonymised with the tenant's key at ingest; `drop`: never stored.
            Default: AnalyticsPropertyPii.NONE.
        description (str | Unset):
    """

    type_: AnalyticsPropertyType
    required: bool | Unset = False
    pii: AnalyticsPropertyPii | Unset = AnalyticsPropertyPii.NONE
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        required = self.required

        pii: str | Unset = UNSET
        if not isinstance(self.pii, Unset):
            pii = self.pii.value

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if required is not UNSET:
            field_dict["required"] = required
        if pii is not UNSET:
            field_dict["pii"] = pii
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = AnalyticsPropertyType(d.pop("type"))

        required = d.pop("required", UNSET)

        _pii = d.pop("pii", UNSET)
        pii: AnalyticsPropertyPii | Unset
        if isinstance(_pii, Unset):
            pii = UNSET
        else:
            pii = AnalyticsPropertyPii(_pii)

        description = d.pop("description", UNSET)

        analytics_property = cls(
            type_=type_,
            required=required,
            pii=pii,
            description=description,
        )

        analytics_property.additional_properties = d
        return analytics_property

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
