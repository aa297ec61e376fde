from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IncidentTaskCreate")


@_attrs_define
class IncidentTaskCreate:
    """
    Attributes:
        ref (str): A Maestro plan run (`plan_run:<id>`).
        title (str | Unset):
    """

    ref: str
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ref": ref,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ref = d.pop("ref")

        title = d.pop("title", UNSET)

        incident_task_create = cls(
            ref=ref,
            title=title,
        )

        return incident_task_create
