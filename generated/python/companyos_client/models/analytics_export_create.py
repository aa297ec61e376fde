from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.analytics_export_create_destination_region import AnalyticsExportCreateDestinationRegion
from ..models.analytics_export_format import AnalyticsExportFormat
from ..models.analytics_export_report import AnalyticsExportReport
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analytics_redactions import AnalyticsRedactions
    from ..models.analytics_report_parameters import AnalyticsReportParameters


T = TypeVar("T", bound="AnalyticsExportCreate")


@_attrs_define
class AnalyticsExportCreate:
    """
    Attributes:
        report (AnalyticsExportReport): Which report (`query`: an ad-hoc query, `parameters.sql`).
        parameters (AnalyticsReportParameters): The report's parameters, named as in its GET operation (adoption:
            `feature` (required), `days`, `until`, `by`, `flag`, `environment`, `client_type`, `role`, `source`;
            active_users: `days`, `until`, `feature`, `compare_days`, `environment`, `client_type`, `role`, `source`;
            retention: `start_event` and `return_event` (required), `since`, `until`, `period_days`, `periods`, `mode`,
            `breakdown`, `source`; funnel: `steps` (required), `since`, `until`, `window_days`, `environment`,
            `client_type`, `role`; ops_kpis: `days`, `until`, `service_id`; query: `sql` (required), `limit`). Which apply
            depends on `report`, which a schema cannot state (`x-companyos-grammar`): a missing required one is 400; one the
            report does not take is left out (the stored `parameters` are those used). The example carries what every report
            needs. Example: {'feature': 'service-map', 'days': 7, 'start_event': 'Feature Used', 'return_event': 'Feature
            Used', 'steps': ['Page Viewed', 'Feature Used'], 'sql': 'SELECT feature, count(*) AS n FROM events GROUP BY
            feature'}.
        recipient (str): Who receives the export (named in every row's watermark).
        format_ (AnalyticsExportFormat | Unset):
        destination_region (AnalyticsExportCreateDestinationRegion | Unset): Where the export goes (default the tenant's
            residency).
        redactions (AnalyticsRedactions | Unset): Per result column, a stricter treatment than its classification's
            default. The columns are the report's (a schema cannot state an ad-hoc query's: `x-companyos-grammar`); an
            unknown one is 400. Example: {}.
    """

    report: AnalyticsExportReport
    parameters: AnalyticsReportParameters
    recipient: str
    format_: AnalyticsExportFormat | Unset = UNSET
    destination_region: AnalyticsExportCreateDestinationRegion | Unset = UNSET
    redactions: AnalyticsRedactions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        report = self.report.value

        parameters = self.parameters.to_dict()

        recipient = self.recipient

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        destination_region: str | Unset = UNSET
        if not isinstance(self.destination_region, Unset):
            destination_region = self.destination_region.value

        redactions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.redactions, Unset):
            redactions = self.redactions.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "report": report,
                "parameters": parameters,
                "recipient": recipient,
            }
        )
        if format_ is not UNSET:
            field_dict["format"] = format_
        if destination_region is not UNSET:
            field_dict["destination_region"] = destination_region
        if redactions is not UNSET:
            field_dict["redactions"] = redactions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_redactions import AnalyticsRedactions
        from ..models.analytics_report_parameters import AnalyticsReportParameters

        d = dict(src_dict)
        report = AnalyticsExportReport(d.pop("report"))

        parameters = AnalyticsReportParameters.from_dict(d.pop("parameters"))

        recipient = d.pop("recipient")

        _format_ = d.pop("format", UNSET)
        format_: AnalyticsExportFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = AnalyticsExportFormat(_format_)

        _destination_region = d.pop("destination_region", UNSET)
        destination_region: AnalyticsExportCreateDestinationRegion | Unset
        if isinstance(_destination_region, Unset):
            destination_region = UNSET
        else:
            destination_region = AnalyticsExportCreateDestinationRegion(_destination_region)

        _redactions = d.pop("redactions", UNSET)
        redactions: AnalyticsRedactions | Unset
        if isinstance(_redactions, Unset):
            redactions = UNSET
        else:
            redactions = AnalyticsRedactions.from_dict(_redactions)

        analytics_export_create = cls(
            report=report,
            parameters=parameters,
            recipient=recipient,
            format_=format_,
            destination_region=destination_region,
            redactions=redactions,
        )

        return analytics_export_create
