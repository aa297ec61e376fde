from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.health_report_report import HealthReportReport
    from ..models.health_report_summary_executive_summary import HealthReportSummaryExecutiveSummary


T = TypeVar("T", bound="HealthReport")


@_attrs_define
class HealthReport:
    """
    Attributes:
        id (str):
        service_id (str):
        job_id (None | str):
        days (int):
        created_by (str):
        created_at (datetime.datetime):
        executive_summary (HealthReportSummaryExecutiveSummary): Tightest budget remaining, significant burns, pages
            (the declared rules replayed) and their noise score (share of pages that matched no significant burn),
            `observed_pages` and `observed_noise_score` (the alerts that actually fired), the top three recommendations with
            pager reduction and budget saved, and the summariser's note.
        report (HealthReportReport): service, period, executive_summary, slos (each with alert_quality, alert_rules
            scored one by one, observed_alerts, incidents, dependencies, load_sensitivity, regressions with until),
            hotspots, findings, recommendations, follow_ups.
        markdown (str):
        html (str):
    """

    id: str
    service_id: str
    job_id: None | str
    days: int
    created_by: str
    created_at: datetime.datetime
    executive_summary: HealthReportSummaryExecutiveSummary
    report: HealthReportReport
    markdown: str
    html: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        service_id = self.service_id

        job_id: None | str
        job_id = self.job_id

        days = self.days

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        executive_summary = self.executive_summary.to_dict()

        report = self.report.to_dict()

        markdown = self.markdown

        html = self.html

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "job_id": job_id,
                "days": days,
                "created_by": created_by,
                "created_at": created_at,
                "executive_summary": executive_summary,
                "report": report,
                "markdown": markdown,
                "html": html,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.health_report_report import HealthReportReport
        from ..models.health_report_summary_executive_summary import HealthReportSummaryExecutiveSummary

        d = dict(src_dict)
        id = d.pop("id")

        service_id = d.pop("service_id")

        def _parse_job_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        job_id = _parse_job_id(d.pop("job_id"))

        days = d.pop("days")

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        executive_summary = HealthReportSummaryExecutiveSummary.from_dict(d.pop("executive_summary"))

        report = HealthReportReport.from_dict(d.pop("report"))

        markdown = d.pop("markdown")

        html = d.pop("html")

        health_report = cls(
            id=id,
            service_id=service_id,
            job_id=job_id,
            days=days,
            created_by=created_by,
            created_at=created_at,
            executive_summary=executive_summary,
            report=report,
            markdown=markdown,
            html=html,
        )

        health_report.additional_properties = d
        return health_report

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
