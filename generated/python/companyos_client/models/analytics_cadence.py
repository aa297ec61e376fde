from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.analytics_cadence_every import AnalyticsCadenceEvery
from ..models.analytics_cadence_weekday import AnalyticsCadenceWeekday
from ..types import UNSET, Unset

T = TypeVar("T", bound="AnalyticsCadence")


@_attrs_define
class AnalyticsCadence:
    """When a schedule runs, in UTC.

    Attributes:
        every (AnalyticsCadenceEvery):
        at (str | Unset): Time of day (UTC), HH:MM. Default: '06:00'.
        weekday (AnalyticsCadenceWeekday | Unset): For `every: week` (default mon); left out otherwise.
        day_of_month (int | Unset): For `every: month` (default 1); left out otherwise.
    """

    every: AnalyticsCadenceEvery
    at: str | Unset = "06:00"
    weekday: AnalyticsCadenceWeekday | Unset = UNSET
    day_of_month: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        every = self.every.value

        at = self.at

        weekday: str | Unset = UNSET
        if not isinstance(self.weekday, Unset):
            weekday = self.weekday.value

        day_of_month = self.day_of_month

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "every": every,
            }
        )
        if at is not UNSET:
            field_dict["at"] = at
        if weekday is not UNSET:
            field_dict["weekday"] = weekday
        if day_of_month is not UNSET:
            field_dict["day_of_month"] = day_of_month

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        every = AnalyticsCadenceEvery(d.pop("every"))

        at = d.pop("at", UNSET)

        _weekday = d.pop("weekday", UNSET)
        weekday: AnalyticsCadenceWeekday | Unset
        if isinstance(_weekday, Unset):
            weekday = UNSET
        else:
            weekday = AnalyticsCadenceWeekday(_weekday)

        day_of_month = d.pop("day_of_month", UNSET)

        analytics_cadence = cls(
            every=every,
            at=at,
            weekday=weekday,
            day_of_month=day_of_month,
        )

        return analytics_cadence
