from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.me_kind import MeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_membership import TenantMembership


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        subject (str):
        kind (MeKind):
        tenants (list[TenantMembership]):
        scopes (list[str]):
        name (None | str | Unset):
        acr (None | str | Unset):
        auth_time (datetime.datetime | None | Unset):
        client_id (None | str | Unset):
    """

    subject: str
    kind: MeKind
    tenants: list[TenantMembership]
    scopes: list[str]
    name: None | str | Unset = UNSET
    acr: None | str | Unset = UNSET
    auth_time: datetime.datetime | None | Unset = UNSET
    client_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        kind = self.kind.value

        tenants = []
        for tenants_item_data in self.tenants:
            tenants_item = tenants_item_data.to_dict()
            tenants.append(tenants_item)

        scopes = self.scopes

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        acr: None | str | Unset
        if isinstance(self.acr, Unset):
            acr = UNSET
        else:
            acr = self.acr

        auth_time: None | str | Unset
        if isinstance(self.auth_time, Unset):
            auth_time = UNSET
        elif isinstance(self.auth_time, datetime.datetime):
            auth_time = self.auth_time.isoformat()
        else:
            auth_time = self.auth_time

        client_id: None | str | Unset
        if isinstance(self.client_id, Unset):
            client_id = UNSET
        else:
            client_id = self.client_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject": subject,
                "kind": kind,
                "tenants": tenants,
                "scopes": scopes,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if acr is not UNSET:
            field_dict["acr"] = acr
        if auth_time is not UNSET:
            field_dict["auth_time"] = auth_time
        if client_id is not UNSET:
            field_dict["client_id"] = client_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_membership import TenantMembership

        d = dict(src_dict)
        subject = d.pop("subject")

        kind = MeKind(d.pop("kind"))

        tenants = []
        _tenants = d.pop("tenants")
        for tenants_item_data in _tenants:
            tenants_item = TenantMembership.from_dict(tenants_item_data)

            tenants.append(tenants_item)

        scopes = cast(list[str], d.pop("scopes"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_acr(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acr = _parse_acr(d.pop("acr", UNSET))

        def _parse_auth_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                auth_time_type_0 = datetime.datetime.fromisoformat(data)

                return auth_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        auth_time = _parse_auth_time(d.pop("auth_time", UNSET))

        def _parse_client_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_id = _parse_client_id(d.pop("client_id", UNSET))

        me = cls(
            subject=subject,
            kind=kind,
            tenants=tenants,
            scopes=scopes,
            name=name,
            acr=acr,
            auth_time=auth_time,
            client_id=client_id,
        )

        me.additional_properties = d
        return me

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
