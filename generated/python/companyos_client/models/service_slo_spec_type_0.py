from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceSloSpecType0")


@_attrs_define
class ServiceSloSpecType0:
    """An OpenSLO-style objective over a rolling window (null removes it on update). `sli` is the last measured SLI
    (percent) when no SLI samples exist.

        Attributes:
            objective (float): Target in percent.
            window_days (int | Unset):  Default: 28.
            sli (float | None | Unset):
            indicator (str | Unset): What is measured (e.g. availability of HTTP requests).
    """

    objective: float
    window_days: int | Unset = 28
    sli: float | None | Unset = UNSET
    indicator: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        objective = self.objective

        window_days = self.window_days

        sli: float | None | Unset
        if isinstance(self.sli, Unset):
            sli = UNSET
        else:
            sli = self.sli

        indicator = self.indicator

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "objective": objective,
            }
        )
        if window_days is not UNSET:
            field_dict["window_days"] = window_days
        if sli is not UNSET:
            field_dict["sli"] = sli
        if indicator is not UNSET:
            field_dict["indicator"] = indicator

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        objective = d.pop("objective")

        window_days = d.pop("window_days", UNSET)

        def _parse_sli(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        sli = _parse_sli(d.pop("sli", UNSET))

        indicator = d.pop("indicator", UNSET)

        service_slo_spec_type_0 = cls(
            objective=objective,
            window_days=window_days,
            sli=sli,
            indicator=indicator,
        )

        return service_slo_spec_type_0
