from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceOwner")


@_attrs_define
class ServiceOwner:
    """
    Attributes:
        team (str):
        contact (str | Unset): An e-mail address, chat channel or pager handle.
    """

    team: str
    contact: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        team = self.team

        contact = self.contact

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "team": team,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        team = d.pop("team")

        contact = d.pop("contact", UNSET)

        service_owner = cls(
            team=team,
            contact=contact,
        )

        return service_owner
