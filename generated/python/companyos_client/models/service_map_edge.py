from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_map_edge_relation import ServiceMapEdgeRelation

T = TypeVar("T", bound="ServiceMapEdge")


@_attrs_define
class ServiceMapEdge:
    """
    Attributes:
        source (str): The dependent service's id.
        target (str): The id of the service it depends on.
        relation (ServiceMapEdgeRelation):
    """

    source: str
    target: str
    relation: ServiceMapEdgeRelation
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        target = self.target

        relation = self.relation.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "target": target,
                "relation": relation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source = d.pop("source")

        target = d.pop("target")

        relation = ServiceMapEdgeRelation(d.pop("relation"))

        service_map_edge = cls(
            source=source,
            target=target,
            relation=relation,
        )

        service_map_edge.additional_properties = d
        return service_map_edge

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
