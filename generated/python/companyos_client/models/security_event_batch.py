from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.security_event_input import SecurityEventInput


T = TypeVar("T", bound="SecurityEventBatch")


@_attrs_define
class SecurityEventBatch:
    """Exactly one of `events` and `ndjson`.

    Attributes:
        events (list[SecurityEventInput] | Unset):
        ndjson (str | Unset): Newline-delimited JSON, one event a line.
    """

    events: list[SecurityEventInput] | Unset = UNSET
    ndjson: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.to_dict()
                events.append(events_item)

        ndjson = self.ndjson

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if events is not UNSET:
            field_dict["events"] = events
        if ndjson is not UNSET:
            field_dict["ndjson"] = ndjson

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.security_event_input import SecurityEventInput

        d = dict(src_dict)
        _events = d.pop("events", UNSET)
        events: list[SecurityEventInput] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = SecurityEventInput.from_dict(events_item_data)

                events.append(events_item)

        ndjson = d.pop("ndjson", UNSET)

        security_event_batch = cls(
            events=events,
            ndjson=ndjson,
        )

        return security_event_batch
