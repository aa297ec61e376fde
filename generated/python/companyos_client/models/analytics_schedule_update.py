from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.analytics_export_format import AnalyticsExportFormat
from ..models.analytics_schedule_update_destination_region import AnalyticsScheduleUpdateDestinationRegion
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analytics_cadence import AnalyticsCadence
    from ..models.analytics_redactions import AnalyticsRedactions
    from ..models.analytics_report_parameters import AnalyticsReportParameters


T = TypeVar("T", bound="AnalyticsScheduleUpdate")


@_attrs_define
class AnalyticsScheduleUpdate:
    """
    Attributes:
        name (str | Unset):
        parameters (AnalyticsReportParameters | Unset): The report's parameters, named as in its GET operation
            (adoption: `feature` (required), `days`, `until`, `by`, `flag`, `environment`, `client_type`, `role`, `source`;
            active_users: `days`, `until`, `feature`, `compare_days`, `environment`, `client_type`, `role`, `source`;
            retention: `start_event` and `return_event` (required), `since`, `until`, `period_days`, `periods`, `mode`,
            `breakdown`, `source`; funnel: `steps` (required), `since`, `until`, `window_days`, `environment`,
            `client_type`, `role`; ops_kpis: `days`, `until`, `service_id`; query: `sql` (required), `limit`). Which apply
            depends on `report`, which a schema cannot state (`x-companyos-grammar`): a missing required one is 400; one the
            report does not take is left out (the stored `parameters` are those used). The example carries what every report
            needs. Example: {'feature': 'service-map', 'days': 7, 'start_event': 'Feature Used', 'return_event': 'Feature
            Used', 'steps': ['Page Viewed', 'Feature Used'], 'sql': 'SELECT feature, count(*) AS n FROM events GROUP BY
            feature'}.
        format_ (AnalyticsExportFormat | Unset):
        recipients (list[str] | Unset):
        destination_region (AnalyticsScheduleUpdateDestinationRegion | Unset):
        redactions (AnalyticsRedactions | Unset): Per result column, a stricter treatment than its classification's
            default. The columns are the report's (a schema cannot state an ad-hoc query's: `x-companyos-grammar`); an
            unknown one is 400. Example: {}.
        cadence (AnalyticsCadence | Unset): When a schedule runs, in UTC.
        enabled (bool | Unset):
    """

    name: str | Unset = UNSET
    parameters: AnalyticsReportParameters | Unset = UNSET
    format_: AnalyticsExportFormat | Unset = UNSET
    recipients: list[str] | Unset = UNSET
    destination_region: AnalyticsScheduleUpdateDestinationRegion | Unset = UNSET
    redactions: AnalyticsRedactions | Unset = UNSET
    cadence: AnalyticsCadence | Unset = UNSET
    enabled: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        recipients: list[str] | Unset = UNSET
        if not isinstance(self.recipients, Unset):
            recipients = self.recipients

        destination_region: str | Unset = UNSET
        if not isinstance(self.destination_region, Unset):
            destination_region = self.destination_region.value

        redactions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.redactions, Unset):
            redactions = self.redactions.to_dict()

        cadence: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cadence, Unset):
            cadence = self.cadence.to_dict()

        enabled = self.enabled

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if format_ is not UNSET:
            field_dict["format"] = format_
        if recipients is not UNSET:
            field_dict["recipients"] = recipients
        if destination_region is not UNSET:
            field_dict["destination_region"] = destination_region
        if redactions is not UNSET:
            field_dict["redactions"] = redactions
        if cadence is not UNSET:
            field_dict["cadence"] = cadence
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_cadence import AnalyticsCadence
        from ..models.analytics_redactions import AnalyticsRedactions
        from ..models.analytics_report_parameters import AnalyticsReportParameters

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _parameters = d.pop("parameters", UNSET)
        parameters: AnalyticsReportParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = AnalyticsReportParameters.from_dict(_parameters)

        _format_ = d.pop("format", UNSET)
        format_: AnalyticsExportFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = AnalyticsExportFormat(_format_)

        recipients = cast(list[str], d.pop("recipients", UNSET))

        _destination_region = d.pop("destination_region", UNSET)
        destination_region: AnalyticsScheduleUpdateDestinationRegion | Unset
        if isinstance(_destination_region, Unset):
            destination_region = UNSET
        else:
            destination_region = AnalyticsScheduleUpdateDestinationRegion(_destination_region)

        _redactions = d.pop("redactions", UNSET)
        redactions: AnalyticsRedactions | Unset
        if isinstance(_redactions, Unset):
            redactions = UNSET
        else:
            redactions = AnalyticsRedactions.from_dict(_redactions)

        _cadence = d.pop("cadence", UNSET)
        cadence: AnalyticsCadence | Unset
        if isinstance(_cadence, Unset):
            cadence = UNSET
        else:
            cadence = AnalyticsCadence.from_dict(_cadence)

        enabled = d.pop("enabled", UNSET)

        analytics_schedule_update = cls(
            name=name,
            parameters=parameters,
            format_=format_,
            recipients=recipients,
            destination_region=destination_region,
            redactions=redactions,
            cadence=cadence,
            enabled=enabled,
        )

        return analytics_schedule_update
