from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.graph_change_details import GraphChangeDetails


T = TypeVar("T", bound="GraphChange")


@_attrs_define
class GraphChange:
    """
    Attributes:
        id (str):
        ref (str):
        actor (None | str):
        action (str):
        summary (str):
        details (GraphChangeDetails):
        at (datetime.datetime):
    """

    id: str
    ref: str
    actor: None | str
    action: str
    summary: str
    details: GraphChangeDetails
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        ref = self.ref

        actor: None | str
        actor = self.actor

        action = self.action

        summary = self.summary

        details = self.details.to_dict()

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "ref": ref,
                "actor": actor,
                "action": action,
                "summary": summary,
                "details": details,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.graph_change_details import GraphChangeDetails

        d = dict(src_dict)
        id = d.pop("id")

        ref = d.pop("ref")

        def _parse_actor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor = _parse_actor(d.pop("actor"))

        action = d.pop("action")

        summary = d.pop("summary")

        details = GraphChangeDetails.from_dict(d.pop("details"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        graph_change = cls(
            id=id,
            ref=ref,
            actor=actor,
            action=action,
            summary=summary,
            details=details,
            at=at,
        )

        graph_change.additional_properties = d
        return graph_change

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
