from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_import_state import DatasetImportState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_import_files_item import DatasetImportFilesItem
    from ..models.dataset_import_job_type_0 import DatasetImportJobType0
    from ..models.dataset_import_options import DatasetImportOptions
    from ..models.dataset_import_preflight_type_0 import DatasetImportPreflightType0
    from ..models.dataset_import_problem_type_0 import DatasetImportProblemType0
    from ..models.dataset_import_result_type_0 import DatasetImportResultType0


T = TypeVar("T", bound="DatasetImport")


@_attrs_define
class DatasetImport:
    """
    Attributes:
        id (str):
        tenant_id (str):
        dataset_id (str):
        format_ (str):
        files (list[DatasetImportFilesItem]):
        state (DatasetImportState):
        created_at (datetime.datetime):
        options (DatasetImportOptions | Unset):
        job_id (None | str | Unset):
        job (DatasetImportJobType0 | None | Unset): The import's job (a `Job`: progress, throughput, ETA, errors,
            result).
        preflight (DatasetImportPreflightType0 | None | Unset):
        problem (DatasetImportProblemType0 | None | Unset):
        result (DatasetImportResultType0 | None | Unset):
        files_removed (int | Unset):
        retry_of (None | str | Unset): The import whose quarantined rows this one retries.
        retried_by (None | str | Unset): The import retrying this one's quarantined rows.
        created_by (str | Unset):
    """

    id: str
    tenant_id: str
    dataset_id: str
    format_: str
    files: list[DatasetImportFilesItem]
    state: DatasetImportState
    created_at: datetime.datetime
    options: DatasetImportOptions | Unset = UNSET
    job_id: None | str | Unset = UNSET
    job: DatasetImportJobType0 | None | Unset = UNSET
    preflight: DatasetImportPreflightType0 | None | Unset = UNSET
    problem: DatasetImportProblemType0 | None | Unset = UNSET
    result: DatasetImportResultType0 | None | Unset = UNSET
    files_removed: int | Unset = UNSET
    retry_of: None | str | Unset = UNSET
    retried_by: None | str | Unset = UNSET
    created_by: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dataset_import_job_type_0 import DatasetImportJobType0
        from ..models.dataset_import_preflight_type_0 import DatasetImportPreflightType0
        from ..models.dataset_import_problem_type_0 import DatasetImportProblemType0
        from ..models.dataset_import_result_type_0 import DatasetImportResultType0

        id = self.id

        tenant_id = self.tenant_id

        dataset_id = self.dataset_id

        format_ = self.format_

        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)

        state = self.state.value

        created_at = self.created_at.isoformat()

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        job_id: None | str | Unset
        if isinstance(self.job_id, Unset):
            job_id = UNSET
        else:
            job_id = self.job_id

        job: dict[str, Any] | None | Unset
        if isinstance(self.job, Unset):
            job = UNSET
        elif isinstance(self.job, DatasetImportJobType0):
            job = self.job.to_dict()
        else:
            job = self.job

        preflight: dict[str, Any] | None | Unset
        if isinstance(self.preflight, Unset):
            preflight = UNSET
        elif isinstance(self.preflight, DatasetImportPreflightType0):
            preflight = self.preflight.to_dict()
        else:
            preflight = self.preflight

        problem: dict[str, Any] | None | Unset
        if isinstance(self.problem, Unset):
            problem = UNSET
        elif isinstance(self.problem, DatasetImportProblemType0):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, DatasetImportResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        files_removed = self.files_removed

        retry_of: None | str | Unset
        if isinstance(self.retry_of, Unset):
            retry_of = UNSET
        else:
            retry_of = self.retry_of

        retried_by: None | str | Unset
        if isinstance(self.retried_by, Unset):
            retried_by = UNSET
        else:
            retried_by = self.retried_by

        created_by = self.created_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "dataset_id": dataset_id,
                "format": format_,
                "files": files,
                "state": state,
                "created_at": created_at,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if job is not UNSET:
            field_dict["job"] = job
        if preflight is not UNSET:
            field_dict["preflight"] = preflight
        if problem is not UNSET:
            field_dict["problem"] = problem
        if result is not UNSET:
            field_dict["result"] = result
        if files_removed is not UNSET:
            field_dict["files_removed"] = files_removed
        if retry_of is not UNSET:
            field_dict["retry_of"] = retry_of
        if retried_by is not UNSET:
            field_dict["retried_by"] = retried_by
        if created_by is not UNSET:
            field_dict["created_by"] = created_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_import_files_item import DatasetImportFilesItem
        from ..models.dataset_import_job_type_0 import DatasetImportJobType0
        from ..models.dataset_import_options import DatasetImportOptions
        from ..models.dataset_import_preflight_type_0 import DatasetImportPreflightType0
        from ..models.dataset_import_problem_type_0 import DatasetImportProblemType0
        from ..models.dataset_import_result_type_0 import DatasetImportResultType0

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        dataset_id = d.pop("dataset_id")

        format_ = d.pop("format")

        files = []
        _files = d.pop("files")
        for files_item_data in _files:
            files_item = DatasetImportFilesItem.from_dict(files_item_data)

            files.append(files_item)

        state = DatasetImportState(d.pop("state"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _options = d.pop("options", UNSET)
        options: DatasetImportOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = DatasetImportOptions.from_dict(_options)

        def _parse_job_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_id = _parse_job_id(d.pop("job_id", UNSET))

        def _parse_job(data: object) -> DatasetImportJobType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                job_type_0 = DatasetImportJobType0.from_dict(data)

                return job_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatasetImportJobType0 | None | Unset, data)

        job = _parse_job(d.pop("job", UNSET))

        def _parse_preflight(data: object) -> DatasetImportPreflightType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                preflight_type_0 = DatasetImportPreflightType0.from_dict(data)

                return preflight_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatasetImportPreflightType0 | None | Unset, data)

        preflight = _parse_preflight(d.pop("preflight", UNSET))

        def _parse_problem(data: object) -> DatasetImportProblemType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = DatasetImportProblemType0.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatasetImportProblemType0 | None | Unset, data)

        problem = _parse_problem(d.pop("problem", UNSET))

        def _parse_result(data: object) -> DatasetImportResultType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = DatasetImportResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatasetImportResultType0 | None | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        files_removed = d.pop("files_removed", UNSET)

        def _parse_retry_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        retry_of = _parse_retry_of(d.pop("retry_of", UNSET))

        def _parse_retried_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        retried_by = _parse_retried_by(d.pop("retried_by", UNSET))

        created_by = d.pop("created_by", UNSET)

        dataset_import = cls(
            id=id,
            tenant_id=tenant_id,
            dataset_id=dataset_id,
            format_=format_,
            files=files,
            state=state,
            created_at=created_at,
            options=options,
            job_id=job_id,
            job=job,
            preflight=preflight,
            problem=problem,
            result=result,
            files_removed=files_removed,
            retry_of=retry_of,
            retried_by=retried_by,
            created_by=created_by,
        )

        dataset_import.additional_properties = d
        return dataset_import

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
