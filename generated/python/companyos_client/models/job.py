from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_state import JobState

if TYPE_CHECKING:
    from ..models.job_error import JobError
    from ..models.job_progress import JobProgress
    from ..models.job_result_type_0 import JobResultType0


T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """
    Example:
        {'id': 'job_01jc2v8x4m5n6p7q8r9s0t1v2w', 'tenant_id': 'acme', 'kind': 'audit.export', 'state': 'running',
            'progress': {'done': 1500, 'total': 4000}, 'throughput_per_second': 750.0, 'eta_seconds': 3.333, 'errors': [],
            'result': None, 'created_by': 'usr_alice', 'created_at': '2026-11-01T09:00:00Z', 'started_at':
            '2026-11-01T09:00:01Z', 'finished_at': None, 'attempts': 1}

    Attributes:
        id (str):  Example: job_01jc2v8x4m5n6p7q8r9s0t1v2w.
        tenant_id (str):  Example: acme.
        kind (str): What the job does, e.g. `audit.export`. Example: audit.export.
        state (JobState):
        progress (JobProgress):
        throughput_per_second (float | None): Items done per second of the current attempt's run time; null before the
            first item.
        eta_seconds (float | None): Estimated seconds left while running (0 once succeeded); null when unknown.
        errors (list[JobError]): Errors of this and earlier attempts, oldest first.
        result (JobResultType0 | None): What the job produced (kind-specific); `artifact` describes a downloadable file.
        created_by (str):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        attempts (int):
    """

    id: str
    tenant_id: str
    kind: str
    state: JobState
    progress: JobProgress
    throughput_per_second: float | None
    eta_seconds: float | None
    errors: list[JobError]
    result: JobResultType0 | None
    created_by: str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    attempts: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.job_result_type_0 import JobResultType0

        id = self.id

        tenant_id = self.tenant_id

        kind = self.kind

        state = self.state.value

        progress = self.progress.to_dict()

        throughput_per_second: float | None
        throughput_per_second = self.throughput_per_second

        eta_seconds: float | None
        eta_seconds = self.eta_seconds

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        result: dict[str, Any] | None
        if isinstance(self.result, JobResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        attempts = self.attempts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "kind": kind,
                "state": state,
                "progress": progress,
                "throughput_per_second": throughput_per_second,
                "eta_seconds": eta_seconds,
                "errors": errors,
                "result": result,
                "created_by": created_by,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
                "attempts": attempts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.job_error import JobError
        from ..models.job_progress import JobProgress
        from ..models.job_result_type_0 import JobResultType0

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        kind = d.pop("kind")

        state = JobState(d.pop("state"))

        progress = JobProgress.from_dict(d.pop("progress"))

        def _parse_throughput_per_second(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        throughput_per_second = _parse_throughput_per_second(d.pop("throughput_per_second"))

        def _parse_eta_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        eta_seconds = _parse_eta_seconds(d.pop("eta_seconds"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = JobError.from_dict(errors_item_data)

            errors.append(errors_item)

        def _parse_result(data: object) -> JobResultType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = JobResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobResultType0 | None, data)

        result = _parse_result(d.pop("result"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        attempts = d.pop("attempts")

        job = cls(
            id=id,
            tenant_id=tenant_id,
            kind=kind,
            state=state,
            progress=progress,
            throughput_per_second=throughput_per_second,
            eta_seconds=eta_seconds,
            errors=errors,
            result=result,
            created_by=created_by,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            attempts=attempts,
        )

        job.additional_properties = d
        return job

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
