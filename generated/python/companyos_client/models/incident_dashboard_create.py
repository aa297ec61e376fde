from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IncidentDashboardCreate")


@_attrs_define
class IncidentDashboardCreate:
    """
    Attributes:
        url (str):
        title (str | Unset):
    """

    url: str
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        title = d.pop("title", UNSET)

        incident_dashboard_create = cls(
            url=url,
            title=title,
        )

        return incident_dashboard_create
