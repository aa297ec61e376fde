from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_export_job_type_0 import DatasetExportJobType0
    from ..models.dataset_export_redactions import DatasetExportRedactions


T = TypeVar("T", bound="DatasetExport")


@_attrs_define
class DatasetExport:
    """
    Attributes:
        id (str):
        tenant_id (str):
        dataset_id (str):
        recipient (str):
        destination_region (str):
        redactions (DatasetExportRedactions):
        created_at (datetime.datetime):
        since (datetime.datetime | None | Unset):
        until (datetime.datetime | None | Unset):
        job_id (None | str | Unset):
        job (DatasetExportJobType0 | None | Unset): The export's job (a `Job`).
        evidence_pack_id (None | str | Unset):
        created_by (str | Unset):
    """

    id: str
    tenant_id: str
    dataset_id: str
    recipient: str
    destination_region: str
    redactions: DatasetExportRedactions
    created_at: datetime.datetime
    since: datetime.datetime | None | Unset = UNSET
    until: datetime.datetime | None | Unset = UNSET
    job_id: None | str | Unset = UNSET
    job: DatasetExportJobType0 | None | Unset = UNSET
    evidence_pack_id: None | str | Unset = UNSET
    created_by: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dataset_export_job_type_0 import DatasetExportJobType0

        id = self.id

        tenant_id = self.tenant_id

        dataset_id = self.dataset_id

        recipient = self.recipient

        destination_region = self.destination_region

        redactions = self.redactions.to_dict()

        created_at = self.created_at.isoformat()

        since: None | str | Unset
        if isinstance(self.since, Unset):
            since = UNSET
        elif isinstance(self.since, datetime.datetime):
            since = self.since.isoformat()
        else:
            since = self.since

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        job_id: None | str | Unset
        if isinstance(self.job_id, Unset):
            job_id = UNSET
        else:
            job_id = self.job_id

        job: dict[str, Any] | None | Unset
        if isinstance(self.job, Unset):
            job = UNSET
        elif isinstance(self.job, DatasetExportJobType0):
            job = self.job.to_dict()
        else:
            job = self.job

        evidence_pack_id: None | str | Unset
        if isinstance(self.evidence_pack_id, Unset):
            evidence_pack_id = UNSET
        else:
            evidence_pack_id = self.evidence_pack_id

        created_by = self.created_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "dataset_id": dataset_id,
                "recipient": recipient,
                "destination_region": destination_region,
                "redactions": redactions,
                "created_at": created_at,
            }
        )
        if since is not UNSET:
            field_dict["since"] = since
        if until is not UNSET:
            field_dict["until"] = until
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if job is not UNSET:
            field_dict["job"] = job
        if evidence_pack_id is not UNSET:
            field_dict["evidence_pack_id"] = evidence_pack_id
        if created_by is not UNSET:
            field_dict["created_by"] = created_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_export_job_type_0 import DatasetExportJobType0
        from ..models.dataset_export_redactions import DatasetExportRedactions

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        dataset_id = d.pop("dataset_id")

        recipient = d.pop("recipient")

        destination_region = d.pop("destination_region")

        redactions = DatasetExportRedactions.from_dict(d.pop("redactions"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.datetime.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        since = _parse_since(d.pop("since", UNSET))

        def _parse_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        def _parse_job_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_id = _parse_job_id(d.pop("job_id", UNSET))

        def _parse_job(data: object) -> DatasetExportJobType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                job_type_0 = DatasetExportJobType0.from_dict(data)

                return job_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatasetExportJobType0 | None | Unset, data)

        job = _parse_job(d.pop("job", UNSET))

        def _parse_evidence_pack_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_pack_id = _parse_evidence_pack_id(d.pop("evidence_pack_id", UNSET))

        created_by = d.pop("created_by", UNSET)

        dataset_export = cls(
            id=id,
            tenant_id=tenant_id,
            dataset_id=dataset_id,
            recipient=recipient,
            destination_region=destination_region,
            redactions=redactions,
            created_at=created_at,
            since=since,
            until=until,
            job_id=job_id,
            job=job,
            evidence_pack_id=evidence_pack_id,
            created_by=created_by,
        )

        dataset_export.additional_properties = d
        return dataset_export

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
