from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.graph_edge import GraphEdge


T = TypeVar("T", bound="GraphPaths")


@_attrs_define
class GraphPaths:
    """
    Attributes:
        src (str):
        dst (str):
        paths (list[list[GraphEdge]]):
    """

    src: str
    dst: str
    paths: list[list[GraphEdge]]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        src = self.src

        dst = self.dst

        paths = []
        for paths_item_data in self.paths:
            paths_item = []
            for paths_item_item_data in paths_item_data:
                paths_item_item = paths_item_item_data.to_dict()
                paths_item.append(paths_item_item)

            paths.append(paths_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "src": src,
                "dst": dst,
                "paths": paths,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.graph_edge import GraphEdge

        d = dict(src_dict)
        src = d.pop("src")

        dst = d.pop("dst")

        paths = []
        _paths = d.pop("paths")
        for paths_item_data in _paths:
            paths_item = []
            _paths_item = paths_item_data
            for paths_item_item_data in _paths_item:
                paths_item_item = GraphEdge.from_dict(paths_item_item_data)

                paths_item.append(paths_item_item)

            paths.append(paths_item)

        graph_paths = cls(
            src=src,
            dst=dst,
            paths=paths,
        )

        graph_paths.additional_properties = d
        return graph_paths

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
