from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SloAnalysisRegressionsItem")


@_attrs_define
class SloAnalysisRegressionsItem:
    """
    Attributes:
        at (datetime.datetime):
        error_rate_before (float):
        error_rate_after (float):
        ratio (float):
        deployment_id (None | str):
        version (None | str):
        lag_minutes (int | None):
        until (datetime.datetime | None | Unset): Where the raised error rate ended (the next change point); null while
            it lasts.
    """

    at: datetime.datetime
    error_rate_before: float
    error_rate_after: float
    ratio: float
    deployment_id: None | str
    version: None | str
    lag_minutes: int | None
    until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        error_rate_before = self.error_rate_before

        error_rate_after = self.error_rate_after

        ratio = self.ratio

        deployment_id: None | str
        deployment_id = self.deployment_id

        version: None | str
        version = self.version

        lag_minutes: int | None
        lag_minutes = self.lag_minutes

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "error_rate_before": error_rate_before,
                "error_rate_after": error_rate_after,
                "ratio": ratio,
                "deployment_id": deployment_id,
                "version": version,
                "lag_minutes": lag_minutes,
            }
        )
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        error_rate_before = d.pop("error_rate_before")

        error_rate_after = d.pop("error_rate_after")

        ratio = d.pop("ratio")

        def _parse_deployment_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deployment_id = _parse_deployment_id(d.pop("deployment_id"))

        def _parse_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        version = _parse_version(d.pop("version"))

        def _parse_lag_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        lag_minutes = _parse_lag_minutes(d.pop("lag_minutes"))

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

        slo_analysis_regressions_item = cls(
            at=at,
            error_rate_before=error_rate_before,
            error_rate_after=error_rate_after,
            ratio=ratio,
            deployment_id=deployment_id,
            version=version,
            lag_minutes=lag_minutes,
            until=until,
        )

        slo_analysis_regressions_item.additional_properties = d
        return slo_analysis_regressions_item

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
