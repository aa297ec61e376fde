from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.slo_type import SloType
from ..models.slo_update_budgeting_method import SloUpdateBudgetingMethod
from ..models.slo_update_window_days import SloUpdateWindowDays
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.slo_alert_rule import SloAlertRule
    from ..models.slo_indicator import SloIndicator
    from ..models.slo_timeslice_type_0 import SloTimesliceType0
    from ..models.slo_update_labels import SloUpdateLabels


T = TypeVar("T", bound="SloUpdate")


@_attrs_define
class SloUpdate:
    """
    Attributes:
        name (str | Unset):
        display_name (str | Unset):
        description (str | Unset):
        sli_type (SloType | Unset): `availability`/`error_rate`: good of total requests; `latency`: requests faster than
            `indicator.threshold_ms` are good; `freshness`: data younger than `indicator.max_age_seconds` (async flows,
            backlogs) is good.
        objective (float | Unset):
        window_days (SloUpdateWindowDays | Unset):
        budgeting_method (SloUpdateBudgetingMethod | Unset):
        indicator (SloIndicator | Unset): The SLI and where its numbers come from (the metric source's queries, kept
            verbatim).
        timeslice (None | SloTimesliceType0 | Unset):
        alerting (list[SloAlertRule] | Unset):
        labels (SloUpdateLabels | Unset):
    """

    name: str | Unset = UNSET
    display_name: str | Unset = UNSET
    description: str | Unset = UNSET
    sli_type: SloType | Unset = UNSET
    objective: float | Unset = UNSET
    window_days: SloUpdateWindowDays | Unset = UNSET
    budgeting_method: SloUpdateBudgetingMethod | Unset = UNSET
    indicator: SloIndicator | Unset = UNSET
    timeslice: None | SloTimesliceType0 | Unset = UNSET
    alerting: list[SloAlertRule] | Unset = UNSET
    labels: SloUpdateLabels | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.slo_timeslice_type_0 import SloTimesliceType0

        name = self.name

        display_name = self.display_name

        description = self.description

        sli_type: str | Unset = UNSET
        if not isinstance(self.sli_type, Unset):
            sli_type = self.sli_type.value

        objective = self.objective

        window_days: int | Unset = UNSET
        if not isinstance(self.window_days, Unset):
            window_days = self.window_days.value

        budgeting_method: str | Unset = UNSET
        if not isinstance(self.budgeting_method, Unset):
            budgeting_method = self.budgeting_method.value

        indicator: dict[str, Any] | Unset = UNSET
        if not isinstance(self.indicator, Unset):
            indicator = self.indicator.to_dict()

        timeslice: dict[str, Any] | None | Unset
        if isinstance(self.timeslice, Unset):
            timeslice = UNSET
        elif isinstance(self.timeslice, SloTimesliceType0):
            timeslice = self.timeslice.to_dict()
        else:
            timeslice = self.timeslice

        alerting: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.alerting, Unset):
            alerting = []
            for alerting_item_data in self.alerting:
                alerting_item = alerting_item_data.to_dict()
                alerting.append(alerting_item)

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if description is not UNSET:
            field_dict["description"] = description
        if sli_type is not UNSET:
            field_dict["sli_type"] = sli_type
        if objective is not UNSET:
            field_dict["objective"] = objective
        if window_days is not UNSET:
            field_dict["window_days"] = window_days
        if budgeting_method is not UNSET:
            field_dict["budgeting_method"] = budgeting_method
        if indicator is not UNSET:
            field_dict["indicator"] = indicator
        if timeslice is not UNSET:
            field_dict["timeslice"] = timeslice
        if alerting is not UNSET:
            field_dict["alerting"] = alerting
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.slo_alert_rule import SloAlertRule
        from ..models.slo_indicator import SloIndicator
        from ..models.slo_timeslice_type_0 import SloTimesliceType0
        from ..models.slo_update_labels import SloUpdateLabels

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        display_name = d.pop("display_name", UNSET)

        description = d.pop("description", UNSET)

        _sli_type = d.pop("sli_type", UNSET)
        sli_type: SloType | Unset
        if isinstance(_sli_type, Unset):
            sli_type = UNSET
        else:
            sli_type = SloType(_sli_type)

        objective = d.pop("objective", UNSET)

        _window_days = d.pop("window_days", UNSET)
        window_days: SloUpdateWindowDays | Unset
        if isinstance(_window_days, Unset):
            window_days = UNSET
        else:
            window_days = SloUpdateWindowDays(_window_days)

        _budgeting_method = d.pop("budgeting_method", UNSET)
        budgeting_method: SloUpdateBudgetingMethod | Unset
        if isinstance(_budgeting_method, Unset):
            budgeting_method = UNSET
        else:
            budgeting_method = SloUpdateBudgetingMethod(_budgeting_method)

        _indicator = d.pop("indicator", UNSET)
        indicator: SloIndicator | Unset
        if isinstance(_indicator, Unset):
            indicator = UNSET
        else:
            indicator = SloIndicator.from_dict(_indicator)

        def _parse_timeslice(data: object) -> None | SloTimesliceType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_slo_timeslice_type_0 = SloTimesliceType0.from_dict(data)

                return componentsschemas_slo_timeslice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SloTimesliceType0 | Unset, data)

        timeslice = _parse_timeslice(d.pop("timeslice", UNSET))

        _alerting = d.pop("alerting", UNSET)
        alerting: list[SloAlertRule] | Unset = UNSET
        if _alerting is not UNSET:
            alerting = []
            for alerting_item_data in _alerting:
                alerting_item = SloAlertRule.from_dict(alerting_item_data)

                alerting.append(alerting_item)

        _labels = d.pop("labels", UNSET)
        labels: SloUpdateLabels | Unset
        if isinstance(_labels, Unset):
            labels = UNSET
        else:
            labels = SloUpdateLabels.from_dict(_labels)

        slo_update = cls(
            name=name,
            display_name=display_name,
            description=description,
            sli_type=sli_type,
            objective=objective,
            window_days=window_days,
            budgeting_method=budgeting_method,
            indicator=indicator,
            timeslice=timeslice,
            alerting=alerting,
            labels=labels,
        )

        return slo_update
