from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graph_edge_attributes import GraphEdgeAttributes


T = TypeVar("T", bound="GraphEdge")


@_attrs_define
class GraphEdge:
    """
    Attributes:
        src (str):
        relation (str):
        dst (str):
        attributes (GraphEdgeAttributes):
        created_at (datetime.datetime | Unset):
    """

    src: str
    relation: str
    dst: str
    attributes: GraphEdgeAttributes
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        src = self.src

        relation = self.relation

        dst = self.dst

        attributes = self.attributes.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "src": src,
                "relation": relation,
                "dst": dst,
                "attributes": attributes,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.graph_edge_attributes import GraphEdgeAttributes

        d = dict(src_dict)
        src = d.pop("src")

        relation = d.pop("relation")

        dst = d.pop("dst")

        attributes = GraphEdgeAttributes.from_dict(d.pop("attributes"))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        graph_edge = cls(
            src=src,
            relation=relation,
            dst=dst,
            attributes=attributes,
            created_at=created_at,
        )

        graph_edge.additional_properties = d
        return graph_edge

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
