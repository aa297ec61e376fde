from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.alert_quality_type_0 import AlertQualityType0
    from ..models.slo_analysis_backtest_compared_rule_type_0 import SloAnalysisBacktestComparedRuleType0


T = TypeVar("T", bound="SloAnalysisBacktest")


@_attrs_define
class SloAnalysisBacktest:
    """
    Attributes:
        workbook (AlertQualityType0 | None):
        compared (AlertQualityType0 | None):
        compared_rule (None | SloAnalysisBacktestComparedRuleType0):
        page_reduction (float | None): Share of the compared rule's pages the Workbook policy removes (negative adds).
    """

    workbook: AlertQualityType0 | None
    compared: AlertQualityType0 | None
    compared_rule: None | SloAnalysisBacktestComparedRuleType0
    page_reduction: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.alert_quality_type_0 import AlertQualityType0
        from ..models.slo_analysis_backtest_compared_rule_type_0 import SloAnalysisBacktestComparedRuleType0

        workbook: dict[str, Any] | None
        if isinstance(self.workbook, AlertQualityType0):
            workbook = self.workbook.to_dict()
        else:
            workbook = self.workbook

        compared: dict[str, Any] | None
        if isinstance(self.compared, AlertQualityType0):
            compared = self.compared.to_dict()
        else:
            compared = self.compared

        compared_rule: dict[str, Any] | None
        if isinstance(self.compared_rule, SloAnalysisBacktestComparedRuleType0):
            compared_rule = self.compared_rule.to_dict()
        else:
            compared_rule = self.compared_rule

        page_reduction: float | None
        page_reduction = self.page_reduction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workbook": workbook,
                "compared": compared,
                "compared_rule": compared_rule,
                "page_reduction": page_reduction,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.alert_quality_type_0 import AlertQualityType0
        from ..models.slo_analysis_backtest_compared_rule_type_0 import SloAnalysisBacktestComparedRuleType0

        d = dict(src_dict)

        def _parse_workbook(data: object) -> AlertQualityType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_alert_quality_type_0 = AlertQualityType0.from_dict(data)

                return componentsschemas_alert_quality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AlertQualityType0 | None, data)

        workbook = _parse_workbook(d.pop("workbook"))

        def _parse_compared(data: object) -> AlertQualityType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_alert_quality_type_0 = AlertQualityType0.from_dict(data)

                return componentsschemas_alert_quality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AlertQualityType0 | None, data)

        compared = _parse_compared(d.pop("compared"))

        def _parse_compared_rule(data: object) -> None | SloAnalysisBacktestComparedRuleType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                compared_rule_type_0 = SloAnalysisBacktestComparedRuleType0.from_dict(data)

                return compared_rule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SloAnalysisBacktestComparedRuleType0, data)

        compared_rule = _parse_compared_rule(d.pop("compared_rule"))

        def _parse_page_reduction(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        page_reduction = _parse_page_reduction(d.pop("page_reduction"))

        slo_analysis_backtest = cls(
            workbook=workbook,
            compared=compared,
            compared_rule=compared_rule,
            page_reduction=page_reduction,
        )

        slo_analysis_backtest.additional_properties = d
        return slo_analysis_backtest

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
