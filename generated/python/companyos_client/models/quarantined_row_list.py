from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quarantined_row import QuarantinedRow
    from ..models.quarantined_row_list_by_rule import QuarantinedRowListByRule


T = TypeVar("T", bound="QuarantinedRowList")


@_attrs_define
class QuarantinedRowList:
    """
    Attributes:
        items (list[QuarantinedRow]):
        total (int):
        by_rule (QuarantinedRowListByRule):
        next_page_token (None | str | Unset):
    """

    items: list[QuarantinedRow]
    total: int
    by_rule: QuarantinedRowListByRule
    next_page_token: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        total = self.total

        by_rule = self.by_rule.to_dict()

        next_page_token: None | str | Unset
        if isinstance(self.next_page_token, Unset):
            next_page_token = UNSET
        else:
            next_page_token = self.next_page_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "total": total,
                "by_rule": by_rule,
            }
        )
        if next_page_token is not UNSET:
            field_dict["next_page_token"] = next_page_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.quarantined_row import QuarantinedRow
        from ..models.quarantined_row_list_by_rule import QuarantinedRowListByRule

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = QuarantinedRow.from_dict(items_item_data)

            items.append(items_item)

        total = d.pop("total")

        by_rule = QuarantinedRowListByRule.from_dict(d.pop("by_rule"))

        def _parse_next_page_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_page_token = _parse_next_page_token(d.pop("next_page_token", UNSET))

        quarantined_row_list = cls(
            items=items,
            total=total,
            by_rule=by_rule,
            next_page_token=next_page_token,
        )

        quarantined_row_list.additional_properties = d
        return quarantined_row_list

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
