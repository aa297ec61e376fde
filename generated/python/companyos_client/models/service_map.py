from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.service_map_edge import ServiceMapEdge
    from ..models.service_map_node import ServiceMapNode


T = TypeVar("T", bound="ServiceMap")


@_attrs_define
class ServiceMap:
    """
    Attributes:
        tenant_id (str):
        nodes (list[ServiceMapNode]):
        edges (list[ServiceMapEdge]):
    """

    tenant_id: str
    nodes: list[ServiceMapNode]
    edges: list[ServiceMapEdge]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = self.tenant_id

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
                "tenant_id": tenant_id,
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
        tenant_id = d.pop("tenant_id")

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

        service_map = cls(
            tenant_id=tenant_id,
            nodes=nodes,
            edges=edges,
        )

        service_map.additional_properties = d
        return service_map

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
