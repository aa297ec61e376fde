from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HealthReportRequest")


@_attrs_define
class HealthReportRequest:
    """
    Attributes:
        days (int | Unset):  Default: 30.
        charts (bool | Unset): Draw the charts (altair, rendered to SVG). Default: True.
    """

    days: int | Unset = 30
    charts: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        days = self.days

        charts = self.charts

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if days is not UNSET:
            field_dict["days"] = days
        if charts is not UNSET:
            field_dict["charts"] = charts

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        days = d.pop("days", UNSET)

        charts = d.pop("charts", UNSET)

        health_report_request = cls(
            days=days,
            charts=charts,
        )

        return health_report_request
