from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SloAnalysisPeriod")


@_attrs_define
class SloAnalysisPeriod:
    """
    Attributes:
        since (datetime.datetime):
        until (datetime.datetime):
        minutes (int):
        events (int):
        bad_events (int):
    """

    since: datetime.datetime
    until: datetime.datetime
    minutes: int
    events: int
    bad_events: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        since = self.since.isoformat()

        until = self.until.isoformat()

        minutes = self.minutes

        events = self.events

        bad_events = self.bad_events

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "since": since,
                "until": until,
                "minutes": minutes,
                "events": events,
                "bad_events": bad_events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        since = datetime.datetime.fromisoformat(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        minutes = d.pop("minutes")

        events = d.pop("events")

        bad_events = d.pop("bad_events")

        slo_analysis_period = cls(
            since=since,
            until=until,
            minutes=minutes,
            events=events,
            bad_events=bad_events,
        )

        slo_analysis_period.additional_properties = d
        return slo_analysis_period

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
