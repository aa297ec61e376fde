from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_dependency_graph_direction import ServiceDependencyGraphDirection

if TYPE_CHECKING:
    from ..models.service_map_edge import ServiceMapEdge
    from ..models.service_map_node import ServiceMapNode


T = TypeVar("T", bound="ServiceDependencyGraph")


@_attrs_define
class ServiceDependencyGraph:
    """
    Attributes:
        service_id (str):
        direction (ServiceDependencyGraphDirection):
        depth (int):
        nodes (list[ServiceMapNode]):
        edges (list[ServiceMapEdge]):
    """

    service_id: str
    direction: ServiceDependencyGraphDirection
    depth: int
    nodes: list[ServiceMapNode]
    edges: list[ServiceMapEdge]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        direction = self.direction.value

        depth = self.depth

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "direction": direction,
                "depth": depth,
                "nodes": nodes,
                "edges": edges,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.service_map_edge import ServiceMapEdge
        from ..models.service_map_node import ServiceMapNode

        d = dict(src_dict)
        service_id = d.pop("service_id")

        direction = ServiceDependencyGraphDirection(d.pop("direction"))

        depth = d.pop("depth")

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = ServiceMapNode.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = ServiceMapEdge.from_dict(edges_item_data)

            edges.append(edges_item)

        service_dependency_graph = cls(
            service_id=service_id,
            direction=direction,
            depth=depth,
            nodes=nodes,
            edges=edges,
        )

        service_dependency_graph.additional_properties = d
        return service_dependency_graph

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
