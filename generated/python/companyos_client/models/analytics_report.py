from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.analytics_report_report import AnalyticsReportReport
from ..models.analytics_report_source import AnalyticsReportSource

if TYPE_CHECKING:
    from ..models.analytics_freshness import AnalyticsFreshness
    from ..models.analytics_report_sampling import AnalyticsReportSampling


T = TypeVar("T", bound="AnalyticsReport")


@_attrs_define
class AnalyticsReport:
    """A report's result; its fields depend on `report` (adoption: `groups`; active_users: `dau`, `wau`, `mau`,
    `stickiness`, `deltas`, `series`; retention: `cohorts`, `overall`; funnel: `steps`; ops_kpis: `uptime`,
    `latency_ms`, `ops_events`, `series`).

        Attributes:
            report (AnalyticsReportReport):
            source (AnalyticsReportSource):
            freshness (AnalyticsFreshness):
            sampling (AnalyticsReportSampling):
    """

    report: AnalyticsReportReport
    source: AnalyticsReportSource
    freshness: AnalyticsFreshness
    sampling: AnalyticsReportSampling
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        report = self.report.value

        source = self.source.value

        freshness = self.freshness.to_dict()

        sampling = self.sampling.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "report": report,
                "source": source,
                "freshness": freshness,
                "sampling": sampling,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_freshness import AnalyticsFreshness
        from ..models.analytics_report_sampling import AnalyticsReportSampling

        d = dict(src_dict)
        report = AnalyticsReportReport(d.pop("report"))

        source = AnalyticsReportSource(d.pop("source"))

        freshness = AnalyticsFreshness.from_dict(d.pop("freshness"))

        sampling = AnalyticsReportSampling.from_dict(d.pop("sampling"))

        analytics_report = cls(
            report=report,
            source=source,
            freshness=freshness,
            sampling=sampling,
        )

        analytics_report.additional_properties = d
        return analytics_report

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
