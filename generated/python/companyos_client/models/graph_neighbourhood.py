from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.graph_edge import GraphEdge
    from ..models.graph_entity import GraphEntity


T = TypeVar("T", bound="GraphNeighbourhood")


@_attrs_define
class GraphNeighbourhood:
    """
    Attributes:
        root (GraphEntity):
        entities (list[GraphEntity]):
        edges (list[GraphEdge]):
        truncated (bool):
    """

    root: GraphEntity
    entities: list[GraphEntity]
    edges: list[GraphEdge]
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        root = self.root.to_dict()

        entities = []
        for entities_item_data in self.entities:
            entities_item = entities_item_data.to_dict()
            entities.append(entities_item)

        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "root": root,
                "entities": entities,
                "edges": edges,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.graph_edge import GraphEdge
        from ..models.graph_entity import GraphEntity

        d = dict(src_dict)
        root = GraphEntity.from_dict(d.pop("root"))

        entities = []
        _entities = d.pop("entities")
        for entities_item_data in _entities:
            entities_item = GraphEntity.from_dict(entities_item_data)

            entities.append(entities_item)

        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = GraphEdge.from_dict(edges_item_data)

            edges.append(edges_item)

        truncated = d.pop("truncated")

        graph_neighbourhood = cls(
            root=root,
            entities=entities,
            edges=edges,
            truncated=truncated,
        )

        graph_neighbourhood.additional_properties = d
        return graph_neighbourhood

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
