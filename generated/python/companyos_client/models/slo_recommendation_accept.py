from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SloRecommendationAccept")


@_attrs_define
class SloRecommendationAccept:
    """
    Attributes:
        owner (str):
        due_date (datetime.date):
        success_metric (str | Unset):
        days (int | Unset): The history the recommendation was computed on. Default: 30.
    """

    owner: str
    due_date: datetime.date
    success_metric: str | Unset = UNSET
    days: int | Unset = 30

    def to_dict(self) -> dict[str, Any]:
        owner = self.owner

        due_date = self.due_date.isoformat()

        success_metric = self.success_metric

        days = self.days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "owner": owner,
                "due_date": due_date,
            }
        )
        if success_metric is not UNSET:
            field_dict["success_metric"] = success_metric
        if days is not UNSET:
            field_dict["days"] = days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        owner = d.pop("owner")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        success_metric = d.pop("success_metric", UNSET)

        days = d.pop("days", UNSET)

        slo_recommendation_accept = cls(
            owner=owner,
            due_date=due_date,
            success_metric=success_metric,
            days=days,
        )

        return slo_recommendation_accept
