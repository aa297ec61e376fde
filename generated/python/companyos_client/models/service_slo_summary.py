from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_slo_summary_source import ServiceSloSummarySource
from ..models.service_slo_summary_state import ServiceSloSummaryState
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceSloSummary")


@_attrs_define
class ServiceSloSummary:
    """`state` is `not_configured` (no objective), `no_data` (objective but no SLI), else `healthy`,
    `at_risk` (under 25 % of the error budget left) or `exhausted`.

        Attributes:
            state (ServiceSloSummaryState):
            objective (float | None | Unset):
            window_days (int | None | Unset):
            indicator (None | str | Unset):
            sli (float | None | Unset): Current SLI in percent.
            error_budget_remaining (float | None | Unset): Fraction of the error budget left (1 = untouched, negative =
                overspent).
            source (ServiceSloSummarySource | Unset): Where the SLI came from.
    """

    state: ServiceSloSummaryState
    objective: float | None | Unset = UNSET
    window_days: int | None | Unset = UNSET
    indicator: None | str | Unset = UNSET
    sli: float | None | Unset = UNSET
    error_budget_remaining: float | None | Unset = UNSET
    source: ServiceSloSummarySource | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        objective: float | None | Unset
        if isinstance(self.objective, Unset):
            objective = UNSET
        else:
            objective = self.objective

        window_days: int | None | Unset
        if isinstance(self.window_days, Unset):
            window_days = UNSET
        else:
            window_days = self.window_days

        indicator: None | str | Unset
        if isinstance(self.indicator, Unset):
            indicator = UNSET
        else:
            indicator = self.indicator

        sli: float | None | Unset
        if isinstance(self.sli, Unset):
            sli = UNSET
        else:
            sli = self.sli

        error_budget_remaining: float | None | Unset
        if isinstance(self.error_budget_remaining, Unset):
            error_budget_remaining = UNSET
        else:
            error_budget_remaining = self.error_budget_remaining

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
            }
        )
        if objective is not UNSET:
            field_dict["objective"] = objective
        if window_days is not UNSET:
            field_dict["window_days"] = window_days
        if indicator is not UNSET:
            field_dict["indicator"] = indicator
        if sli is not UNSET:
            field_dict["sli"] = sli
        if error_budget_remaining is not UNSET:
            field_dict["error_budget_remaining"] = error_budget_remaining
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        state = ServiceSloSummaryState(d.pop("state"))

        def _parse_objective(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        objective = _parse_objective(d.pop("objective", UNSET))

        def _parse_window_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        window_days = _parse_window_days(d.pop("window_days", UNSET))

        def _parse_indicator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        indicator = _parse_indicator(d.pop("indicator", UNSET))

        def _parse_sli(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        sli = _parse_sli(d.pop("sli", UNSET))

        def _parse_error_budget_remaining(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        error_budget_remaining = _parse_error_budget_remaining(d.pop("error_budget_remaining", UNSET))

        _source = d.pop("source", UNSET)
        source: ServiceSloSummarySource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = ServiceSloSummarySource(_source)

        service_slo_summary = cls(
            state=state,
            objective=objective,
            window_days=window_days,
            indicator=indicator,
            sli=sli,
            error_budget_remaining=error_budget_remaining,
            source=source,
        )

        service_slo_summary.additional_properties = d
        return service_slo_summary

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
