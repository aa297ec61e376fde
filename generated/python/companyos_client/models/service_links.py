from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.service_link import ServiceLink


T = TypeVar("T", bound="ServiceLinks")


@_attrs_define
class ServiceLinks:
    """
    Attributes:
        service_id (str):
        from_ (datetime.datetime):
        to (datetime.datetime):
        configured (bool): Whether the tenant configured any observability URL template.
        links (list[ServiceLink]):
    """

    service_id: str
    from_: datetime.datetime
    to: datetime.datetime
    configured: bool
    links: list[ServiceLink]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        configured = self.configured

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "from": from_,
                "to": to,
                "configured": configured,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.service_link import ServiceLink

        d = dict(src_dict)
        service_id = d.pop("service_id")

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        configured = d.pop("configured")

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = ServiceLink.from_dict(links_item_data)

            links.append(links_item)

        service_links = cls(
            service_id=service_id,
            from_=from_,
            to=to,
            configured=configured,
            links=links,
        )

        service_links.additional_properties = d
        return service_links

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
