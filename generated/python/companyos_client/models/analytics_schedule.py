from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.analytics_export_format import AnalyticsExportFormat
from ..models.analytics_export_report import AnalyticsExportReport
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analytics_cadence import AnalyticsCadence
    from ..models.analytics_schedule_parameters import AnalyticsScheduleParameters
    from ..models.analytics_schedule_redactions import AnalyticsScheduleRedactions


T = TypeVar("T", bound="AnalyticsSchedule")


@_attrs_define
class AnalyticsSchedule:
    """
    Attributes:
        id (str):
        tenant_id (str):
        name (str):
        report (AnalyticsExportReport): Which report (`query`: an ad-hoc query, `parameters.sql`).
        parameters (AnalyticsScheduleParameters):
        format_ (AnalyticsExportFormat):
        recipients (list[str]):
        destination_region (str):
        redactions (AnalyticsScheduleRedactions):
        cadence (AnalyticsCadence): When a schedule runs, in UTC.
        enabled (bool):
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        next_run_at (datetime.datetime | None | Unset): Null while paused
        last_run_at (datetime.datetime | None | Unset):
        last_export_ids (list[str] | Unset):
        last_error (None | str | Unset): Why the last run made no export (a residency or redaction refusal)
    """

    id: str
    tenant_id: str
    name: str
    report: AnalyticsExportReport
    parameters: AnalyticsScheduleParameters
    format_: AnalyticsExportFormat
    recipients: list[str]
    destination_region: str
    redactions: AnalyticsScheduleRedactions
    cadence: AnalyticsCadence
    enabled: bool
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    next_run_at: datetime.datetime | None | Unset = UNSET
    last_run_at: datetime.datetime | None | Unset = UNSET
    last_export_ids: list[str] | Unset = UNSET
    last_error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        name = self.name

        report = self.report.value

        parameters = self.parameters.to_dict()

        format_ = self.format_.value

        recipients = self.recipients

        destination_region = self.destination_region

        redactions = self.redactions.to_dict()

        cadence = self.cadence.to_dict()

        enabled = self.enabled

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        next_run_at: None | str | Unset
        if isinstance(self.next_run_at, Unset):
            next_run_at = UNSET
        elif isinstance(self.next_run_at, datetime.datetime):
            next_run_at = self.next_run_at.isoformat()
        else:
            next_run_at = self.next_run_at

        last_run_at: None | str | Unset
        if isinstance(self.last_run_at, Unset):
            last_run_at = UNSET
        elif isinstance(self.last_run_at, datetime.datetime):
            last_run_at = self.last_run_at.isoformat()
        else:
            last_run_at = self.last_run_at

        last_export_ids: list[str] | Unset = UNSET
        if not isinstance(self.last_export_ids, Unset):
            last_export_ids = self.last_export_ids

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "name": name,
                "report": report,
                "parameters": parameters,
                "format": format_,
                "recipients": recipients,
                "destination_region": destination_region,
                "redactions": redactions,
                "cadence": cadence,
                "enabled": enabled,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if next_run_at is not UNSET:
            field_dict["next_run_at"] = next_run_at
        if last_run_at is not UNSET:
            field_dict["last_run_at"] = last_run_at
        if last_export_ids is not UNSET:
            field_dict["last_export_ids"] = last_export_ids
        if last_error is not UNSET:
            field_dict["last_error"] = last_error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_cadence import AnalyticsCadence
        from ..models.analytics_schedule_parameters import AnalyticsScheduleParameters
        from ..models.analytics_schedule_redactions import AnalyticsScheduleRedactions

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        name = d.pop("name")

        report = AnalyticsExportReport(d.pop("report"))

        parameters = AnalyticsScheduleParameters.from_dict(d.pop("parameters"))

        format_ = AnalyticsExportFormat(d.pop("format"))

        recipients = cast(list[str], d.pop("recipients"))

        destination_region = d.pop("destination_region")

        redactions = AnalyticsScheduleRedactions.from_dict(d.pop("redactions"))

        cadence = AnalyticsCadence.from_dict(d.pop("cadence"))

        enabled = d.pop("enabled")

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_next_run_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_run_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_run_at = _parse_next_run_at(d.pop("next_run_at", UNSET))

        def _parse_last_run_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_run_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_run_at = _parse_last_run_at(d.pop("last_run_at", UNSET))

        last_export_ids = cast(list[str], d.pop("last_export_ids", UNSET))

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

        analytics_schedule = cls(
            id=id,
            tenant_id=tenant_id,
            name=name,
            report=report,
            parameters=parameters,
            format_=format_,
            recipients=recipients,
            destination_region=destination_region,
            redactions=redactions,
            cadence=cadence,
            enabled=enabled,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            next_run_at=next_run_at,
            last_run_at=last_run_at,
            last_export_ids=last_export_ids,
            last_error=last_error,
        )

        analytics_schedule.additional_properties = d
        return analytics_schedule

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
