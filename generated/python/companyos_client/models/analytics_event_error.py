from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.analytics_event_error_errors_item import AnalyticsEventErrorErrorsItem


T = TypeVar("T", bound="AnalyticsEventError")


@_attrs_define
class AnalyticsEventError:
    """
    Attributes:
        index (int):
        event_id (None | str):
        errors (list[AnalyticsEventErrorErrorsItem]):
    """

    index: int
    event_id: None | str
    errors: list[AnalyticsEventErrorErrorsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        event_id: None | str
        event_id = self.event_id

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "event_id": event_id,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_event_error_errors_item import AnalyticsEventErrorErrorsItem

        d = dict(src_dict)
        index = d.pop("index")

        def _parse_event_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_id = _parse_event_id(d.pop("event_id"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = AnalyticsEventErrorErrorsItem.from_dict(errors_item_data)

            errors.append(errors_item)

        analytics_event_error = cls(
            index=index,
            event_id=event_id,
            errors=errors,
        )

        analytics_event_error.additional_properties = d
        return analytics_event_error

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
