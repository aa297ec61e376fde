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
    from ..models.analytics_export_job_type_0 import AnalyticsExportJobType0
    from ..models.analytics_export_parameters import AnalyticsExportParameters
    from ..models.analytics_export_redactions import AnalyticsExportRedactions


T = TypeVar("T", bound="AnalyticsExport")


@_attrs_define
class AnalyticsExport:
    """
    Attributes:
        id (str):
        tenant_id (str):
        report (AnalyticsExportReport): Which report (`query`: an ad-hoc query, `parameters.sql`).
        parameters (AnalyticsExportParameters):
        format_ (AnalyticsExportFormat):
        recipient (str):
        destination_region (str):
        residency (str): The region partition the report was read from
        redactions (AnalyticsExportRedactions): The treatment of each result column, once the job has read the result
            (requested ones before).
        created_by (str):
        created_at (datetime.datetime):
        schedule_id (None | str | Unset):
        rows (int | None | Unset): Rows written, once done
        job_id (None | str | Unset):
        job (AnalyticsExportJobType0 | None | Unset): The export's job (a `Job`).
        evidence_pack_id (None | str | Unset):
    """

    id: str
    tenant_id: str
    report: AnalyticsExportReport
    parameters: AnalyticsExportParameters
    format_: AnalyticsExportFormat
    recipient: str
    destination_region: str
    residency: str
    redactions: AnalyticsExportRedactions
    created_by: str
    created_at: datetime.datetime
    schedule_id: None | str | Unset = UNSET
    rows: int | None | Unset = UNSET
    job_id: None | str | Unset = UNSET
    job: AnalyticsExportJobType0 | None | Unset = UNSET
    evidence_pack_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.analytics_export_job_type_0 import AnalyticsExportJobType0

        id = self.id

        tenant_id = self.tenant_id

        report = self.report.value

        parameters = self.parameters.to_dict()

        format_ = self.format_.value

        recipient = self.recipient

        destination_region = self.destination_region

        residency = self.residency

        redactions = self.redactions.to_dict()

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        schedule_id: None | str | Unset
        if isinstance(self.schedule_id, Unset):
            schedule_id = UNSET
        else:
            schedule_id = self.schedule_id

        rows: int | None | Unset
        if isinstance(self.rows, Unset):
            rows = UNSET
        else:
            rows = self.rows

        job_id: None | str | Unset
        if isinstance(self.job_id, Unset):
            job_id = UNSET
        else:
            job_id = self.job_id

        job: dict[str, Any] | None | Unset
        if isinstance(self.job, Unset):
            job = UNSET
        elif isinstance(self.job, AnalyticsExportJobType0):
            job = self.job.to_dict()
        else:
            job = self.job

        evidence_pack_id: None | str | Unset
        if isinstance(self.evidence_pack_id, Unset):
            evidence_pack_id = UNSET
        else:
            evidence_pack_id = self.evidence_pack_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "report": report,
                "parameters": parameters,
                "format": format_,
                "recipient": recipient,
                "destination_region": destination_region,
                "residency": residency,
                "redactions": redactions,
                "created_by": created_by,
                "created_at": created_at,
            }
        )
        if schedule_id is not UNSET:
            field_dict["schedule_id"] = schedule_id
        if rows is not UNSET:
            field_dict["rows"] = rows
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if job is not UNSET:
            field_dict["job"] = job
        if evidence_pack_id is not UNSET:
            field_dict["evidence_pack_id"] = evidence_pack_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_export_job_type_0 import AnalyticsExportJobType0
        from ..models.analytics_export_parameters import AnalyticsExportParameters
        from ..models.analytics_export_redactions import AnalyticsExportRedactions

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        report = AnalyticsExportReport(d.pop("report"))

        parameters = AnalyticsExportParameters.from_dict(d.pop("parameters"))

        format_ = AnalyticsExportFormat(d.pop("format"))

        recipient = d.pop("recipient")

        destination_region = d.pop("destination_region")

        residency = d.pop("residency")

        redactions = AnalyticsExportRedactions.from_dict(d.pop("redactions"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_schedule_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        schedule_id = _parse_schedule_id(d.pop("schedule_id", UNSET))

        def _parse_rows(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rows = _parse_rows(d.pop("rows", UNSET))

        def _parse_job_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_id = _parse_job_id(d.pop("job_id", UNSET))

        def _parse_job(data: object) -> AnalyticsExportJobType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                job_type_0 = AnalyticsExportJobType0.from_dict(data)

                return job_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AnalyticsExportJobType0 | None | Unset, data)

        job = _parse_job(d.pop("job", UNSET))

        def _parse_evidence_pack_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_pack_id = _parse_evidence_pack_id(d.pop("evidence_pack_id", UNSET))

        analytics_export = cls(
            id=id,
            tenant_id=tenant_id,
            report=report,
            parameters=parameters,
            format_=format_,
            recipient=recipient,
            destination_region=destination_region,
            residency=residency,
            redactions=redactions,
            created_by=created_by,
            created_at=created_at,
            schedule_id=schedule_id,
            rows=rows,
            job_id=job_id,
            job=job,
            evidence_pack_id=evidence_pack_id,
        )

        analytics_export.additional_properties = d
        return analytics_export

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
