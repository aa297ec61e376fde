from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.graph_change import GraphChange


T = TypeVar("T", bound="GraphChangeList")


@_attrs_define
class GraphChangeList:
    """
    Attributes:
        ref (str):
        since (datetime.datetime):
        until (datetime.datetime):
        items (list[GraphChange]):
    """

    ref: str
    since: datetime.datetime
    until: datetime.datetime
    items: list[GraphChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        since = self.since.isoformat()

        until = self.until.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "since": since,
                "until": until,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.graph_change import GraphChange

        d = dict(src_dict)
        ref = d.pop("ref")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = GraphChange.from_dict(items_item_data)

            items.append(items_item)

        graph_change_list = cls(
            ref=ref,
            since=since,
            until=until,
            items=items,
        )

        graph_change_list.additional_properties = d
        return graph_change_list

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
