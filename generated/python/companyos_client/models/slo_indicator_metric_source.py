from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.slo_indicator_metric_source_bad import SloIndicatorMetricSourceBad
    from ..models.slo_indicator_metric_source_good import SloIndicatorMetricSourceGood
    from ..models.slo_indicator_metric_source_query import SloIndicatorMetricSourceQuery
    from ..models.slo_indicator_metric_source_total import SloIndicatorMetricSourceTotal


T = TypeVar("T", bound="SloIndicatorMetricSource")


@_attrs_define
class SloIndicatorMetricSource:
    """
    Attributes:
        type_ (None | str | Unset):  Example: Prometheus.
        good (SloIndicatorMetricSourceGood | Unset):
        bad (SloIndicatorMetricSourceBad | Unset):
        total (SloIndicatorMetricSourceTotal | Unset):
        query (SloIndicatorMetricSourceQuery | Unset):
    """

    type_: None | str | Unset = UNSET
    good: SloIndicatorMetricSourceGood | Unset = UNSET
    bad: SloIndicatorMetricSourceBad | Unset = UNSET
    total: SloIndicatorMetricSourceTotal | Unset = UNSET
    query: SloIndicatorMetricSourceQuery | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        good: dict[str, Any] | Unset = UNSET
        if not isinstance(self.good, Unset):
            good = self.good.to_dict()

        bad: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bad, Unset):
            bad = self.bad.to_dict()

        total: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total, Unset):
            total = self.total.to_dict()

        query: dict[str, Any] | Unset = UNSET
        if not isinstance(self.query, Unset):
            query = self.query.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if good is not UNSET:
            field_dict["good"] = good
        if bad is not UNSET:
            field_dict["bad"] = bad
        if total is not UNSET:
            field_dict["total"] = total
        if query is not UNSET:
            field_dict["query"] = query

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.slo_indicator_metric_source_bad import SloIndicatorMetricSourceBad
        from ..models.slo_indicator_metric_source_good import SloIndicatorMetricSourceGood
        from ..models.slo_indicator_metric_source_query import SloIndicatorMetricSourceQuery
        from ..models.slo_indicator_metric_source_total import SloIndicatorMetricSourceTotal

        d = dict(src_dict)

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        _good = d.pop("good", UNSET)
        good: SloIndicatorMetricSourceGood | Unset
        if isinstance(_good, Unset):
            good = UNSET
        else:
            good = SloIndicatorMetricSourceGood.from_dict(_good)

        _bad = d.pop("bad", UNSET)
        bad: SloIndicatorMetricSourceBad | Unset
        if isinstance(_bad, Unset):
            bad = UNSET
        else:
            bad = SloIndicatorMetricSourceBad.from_dict(_bad)

        _total = d.pop("total", UNSET)
        total: SloIndicatorMetricSourceTotal | Unset
        if isinstance(_total, Unset):
            total = UNSET
        else:
            total = SloIndicatorMetricSourceTotal.from_dict(_total)

        _query = d.pop("query", UNSET)
        query: SloIndicatorMetricSourceQuery | Unset
        if isinstance(_query, Unset):
            query = UNSET
        else:
            query = SloIndicatorMetricSourceQuery.from_dict(_query)

        slo_indicator_metric_source = cls(
            type_=type_,
            good=good,
            bad=bad,
            total=total,
            query=query,
        )

        return slo_indicator_metric_source
