from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.residency import Residency
from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantResidencyViolation")


@_attrs_define
class TenantResidencyViolation:
    """
    Attributes:
        kind (str):
        name (str):
        location (Residency):
        detail (str):
        service_id (None | str | Unset):
    """

    kind: str
    name: str
    location: Residency
    detail: str
    service_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        name = self.name

        location = self.location.value

        detail = self.detail

        service_id: None | str | Unset
        if isinstance(self.service_id, Unset):
            service_id = UNSET
        else:
            service_id = self.service_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "location": location,
                "detail": detail,
            }
        )
        if service_id is not UNSET:
            field_dict["service_id"] = service_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = d.pop("kind")

        name = d.pop("name")

        location = Residency(d.pop("location"))

        detail = d.pop("detail")

        def _parse_service_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_id = _parse_service_id(d.pop("service_id", UNSET))

        tenant_residency_violation = cls(
            kind=kind,
            name=name,
            location=location,
            detail=detail,
            service_id=service_id,
        )

        tenant_residency_violation.additional_properties = d
        return tenant_residency_violation

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
