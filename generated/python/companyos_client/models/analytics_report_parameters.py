from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.analytics_report_parameters_breakdown import AnalyticsReportParametersBreakdown
from ..models.analytics_report_parameters_by import AnalyticsReportParametersBy
from ..models.analytics_report_parameters_environment import AnalyticsReportParametersEnvironment
from ..models.analytics_report_parameters_mode import AnalyticsReportParametersMode
from ..models.analytics_report_parameters_source import AnalyticsReportParametersSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="AnalyticsReportParameters")


@_attrs_define
class AnalyticsReportParameters:
    """The report's parameters, named as in its GET operation (adoption: `feature` (required), `days`, `until`, `by`,
    `flag`, `environment`, `client_type`, `role`, `source`; active_users: `days`, `until`, `feature`, `compare_days`,
    `environment`, `client_type`, `role`, `source`; retention: `start_event` and `return_event` (required), `since`,
    `until`, `period_days`, `periods`, `mode`, `breakdown`, `source`; funnel: `steps` (required), `since`, `until`,
    `window_days`, `environment`, `client_type`, `role`; ops_kpis: `days`, `until`, `service_id`; query: `sql`
    (required), `limit`). Which apply depends on `report`, which a schema cannot state (`x-companyos-grammar`): a
    missing required one is 400; one the report does not take is left out (the stored `parameters` are those used). The
    example carries what every report needs.

        Example:
            {'feature': 'service-map', 'days': 7, 'start_event': 'Feature Used', 'return_event': 'Feature Used', 'steps':
                ['Page Viewed', 'Feature Used'], 'sql': 'SELECT feature, count(*) AS n FROM events GROUP BY feature'}

        Attributes:
            feature (str | Unset):
            days (int | Unset):
            since (datetime.date | Unset):
            until (datetime.date | Unset):
            by (AnalyticsReportParametersBy | Unset):
            flag (str | Unset):
            environment (AnalyticsReportParametersEnvironment | Unset):
            client_type (str | Unset):
            role (str | Unset):
            source (AnalyticsReportParametersSource | Unset):
            compare_days (int | Unset):
            start_event (str | Unset):
            return_event (str | Unset):
            period_days (int | Unset):
            periods (int | Unset):
            mode (AnalyticsReportParametersMode | Unset):
            breakdown (AnalyticsReportParametersBreakdown | Unset):
            steps (list[str] | Unset):
            window_days (int | Unset):
            service_id (str | Unset):
            sql (str | Unset):
            limit (int | Unset):
    """

    feature: str | Unset = UNSET
    days: int | Unset = UNSET
    since: datetime.date | Unset = UNSET
    until: datetime.date | Unset = UNSET
    by: AnalyticsReportParametersBy | Unset = UNSET
    flag: str | Unset = UNSET
    environment: AnalyticsReportParametersEnvironment | Unset = UNSET
    client_type: str | Unset = UNSET
    role: str | Unset = UNSET
    source: AnalyticsReportParametersSource | Unset = UNSET
    compare_days: int | Unset = UNSET
    start_event: str | Unset = UNSET
    return_event: str | Unset = UNSET
    period_days: int | Unset = UNSET
    periods: int | Unset = UNSET
    mode: AnalyticsReportParametersMode | Unset = UNSET
    breakdown: AnalyticsReportParametersBreakdown | Unset = UNSET
    steps: list[str] | Unset = UNSET
    window_days: int | Unset = UNSET
    service_id: str | Unset = UNSET
    sql: str | Unset = UNSET
    limit: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        feature = self.feature

        days = self.days

        since: str | Unset = UNSET
        if not isinstance(self.since, Unset):
            since = self.since.isoformat()

        until: str | Unset = UNSET
        if not isinstance(self.until, Unset):
            until = self.until.isoformat()

        by: str | Unset = UNSET
        if not isinstance(self.by, Unset):
            by = self.by.value

        flag = self.flag

        environment: str | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.value

        client_type = self.client_type

        role = self.role

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        compare_days = self.compare_days

        start_event = self.start_event

        return_event = self.return_event

        period_days = self.period_days

        periods = self.periods

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        breakdown: str | Unset = UNSET
        if not isinstance(self.breakdown, Unset):
            breakdown = self.breakdown.value

        steps: list[str] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = self.steps

        window_days = self.window_days

        service_id = self.service_id

        sql = self.sql

        limit = self.limit

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if feature is not UNSET:
            field_dict["feature"] = feature
        if days is not UNSET:
            field_dict["days"] = days
        if since is not UNSET:
            field_dict["since"] = since
        if until is not UNSET:
            field_dict["until"] = until
        if by is not UNSET:
            field_dict["by"] = by
        if flag is not UNSET:
            field_dict["flag"] = flag
        if environment is not UNSET:
            field_dict["environment"] = environment
        if client_type is not UNSET:
            field_dict["client_type"] = client_type
        if role is not UNSET:
            field_dict["role"] = role
        if source is not UNSET:
            field_dict["source"] = source
        if compare_days is not UNSET:
            field_dict["compare_days"] = compare_days
        if start_event is not UNSET:
            field_dict["start_event"] = start_event
        if return_event is not UNSET:
            field_dict["return_event"] = return_event
        if period_days is not UNSET:
            field_dict["period_days"] = period_days
        if periods is not UNSET:
            field_dict["periods"] = periods
        if mode is not UNSET:
            field_dict["mode"] = mode
        if breakdown is not UNSET:
            field_dict["breakdown"] = breakdown
        if steps is not UNSET:
            field_dict["steps"] = steps
        if window_days is not UNSET:
            field_dict["window_days"] = window_days
        if service_id is not UNSET:
            field_dict["service_id"] = service_id
        if sql is not UNSET:
            field_dict["sql"] = sql
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        feature = d.pop("feature", UNSET)

        days = d.pop("days", UNSET)

        _since = d.pop("since", UNSET)
        since: datetime.date | Unset
        if isinstance(_since, Unset):
            since = UNSET
        else:
            since = datetime.date.fromisoformat(_since)

        _until = d.pop("until", UNSET)
        until: datetime.date | Unset
        if isinstance(_until, Unset):
            until = UNSET
        else:
            until = datetime.date.fromisoformat(_until)

        _by = d.pop("by", UNSET)
        by: AnalyticsReportParametersBy | Unset
        if isinstance(_by, Unset):
            by = UNSET
        else:
            by = AnalyticsReportParametersBy(_by)

        flag = d.pop("flag", UNSET)

        _environment = d.pop("environment", UNSET)
        environment: AnalyticsReportParametersEnvironment | Unset
        if isinstance(_environment, Unset):
            environment = UNSET
        else:
            environment = AnalyticsReportParametersEnvironment(_environment)

        client_type = d.pop("client_type", UNSET)

        role = d.pop("role", UNSET)

        _source = d.pop("source", UNSET)
        source: AnalyticsReportParametersSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = AnalyticsReportParametersSource(_source)

        compare_days = d.pop("compare_days", UNSET)

        start_event = d.pop("start_event", UNSET)

        return_event = d.pop("return_event", UNSET)

        period_days = d.pop("period_days", UNSET)

        periods = d.pop("periods", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: AnalyticsReportParametersMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = AnalyticsReportParametersMode(_mode)

        _breakdown = d.pop("breakdown", UNSET)
        breakdown: AnalyticsReportParametersBreakdown | Unset
        if isinstance(_breakdown, Unset):
            breakdown = UNSET
        else:
            breakdown = AnalyticsReportParametersBreakdown(_breakdown)

        steps = cast(list[str], d.pop("steps", UNSET))

        window_days = d.pop("window_days", UNSET)

        service_id = d.pop("service_id", UNSET)

        sql = d.pop("sql", UNSET)

        limit = d.pop("limit", UNSET)

        analytics_report_parameters = cls(
            feature=feature,
            days=days,
            since=since,
            until=until,
            by=by,
            flag=flag,
            environment=environment,
            client_type=client_type,
            role=role,
            source=source,
            compare_days=compare_days,
            start_event=start_event,
            return_event=return_event,
            period_days=period_days,
            periods=periods,
            mode=mode,
            breakdown=breakdown,
            steps=steps,
            window_days=window_days,
            service_id=service_id,
            sql=sql,
            limit=limit,
        )

        return analytics_report_parameters
