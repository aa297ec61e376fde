from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.exposure_batch_events_item import ExposureBatchEventsItem


T = TypeVar("T", bound="ExposureBatch")


@_attrs_define
class ExposureBatch:
    """
    Attributes:
        events (list[ExposureBatchEventsItem]):
    """

    events: list[ExposureBatchEventsItem]

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.exposure_batch_events_item import ExposureBatchEventsItem

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = ExposureBatchEventsItem.from_dict(events_item_data)

            events.append(events_item)

        exposure_batch = cls(
            events=events,
        )

        return exposure_batch
