from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slo_analysis_state import SloAnalysisState

if TYPE_CHECKING:
    from ..models.slo_analysis_backtest import SloAnalysisBacktest
    from ..models.slo_analysis_burn_rates_item import SloAnalysisBurnRatesItem
    from ..models.slo_analysis_objective import SloAnalysisObjective
    from ..models.slo_analysis_period import SloAnalysisPeriod
    from ..models.slo_analysis_policy_item import SloAnalysisPolicyItem
    from ..models.slo_analysis_regressions_item import SloAnalysisRegressionsItem
    from ..models.slo_analysis_significant_burns_item import SloAnalysisSignificantBurnsItem


T = TypeVar("T", bound="SloAnalysis")


@_attrs_define
class SloAnalysis:
    """
    Attributes:
        service_id (str):
        state (SloAnalysisState): `no_data`: no SLI samples in the period; the analysis fields are empty.
        objective (SloAnalysisObjective):
        period (SloAnalysisPeriod):
        budget_remaining (float | None): Share of the budget the period's events left (1 untouched, negative overspent).
        burn_rates (list[SloAnalysisBurnRatesItem]):
        policy (list[SloAnalysisPolicyItem]):
        significant_burns (list[SloAnalysisSignificantBurnsItem]):
        regressions (list[SloAnalysisRegressionsItem]):
        backtest (SloAnalysisBacktest):
    """

    service_id: str
    state: SloAnalysisState
    objective: SloAnalysisObjective
    period: SloAnalysisPeriod
    budget_remaining: float | None
    burn_rates: list[SloAnalysisBurnRatesItem]
    policy: list[SloAnalysisPolicyItem]
    significant_burns: list[SloAnalysisSignificantBurnsItem]
    regressions: list[SloAnalysisRegressionsItem]
    backtest: SloAnalysisBacktest
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        state = self.state.value

        objective = self.objective.to_dict()

        period = self.period.to_dict()

        budget_remaining: float | None
        budget_remaining = self.budget_remaining

        burn_rates = []
        for burn_rates_item_data in self.burn_rates:
            burn_rates_item = burn_rates_item_data.to_dict()
            burn_rates.append(burn_rates_item)

        policy = []
        for policy_item_data in self.policy:
            policy_item = policy_item_data.to_dict()
            policy.append(policy_item)

        significant_burns = []
        for significant_burns_item_data in self.significant_burns:
            significant_burns_item = significant_burns_item_data.to_dict()
            significant_burns.append(significant_burns_item)

        regressions = []
        for regressions_item_data in self.regressions:
            regressions_item = regressions_item_data.to_dict()
            regressions.append(regressions_item)

        backtest = self.backtest.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "state": state,
                "objective": objective,
                "period": period,
                "budget_remaining": budget_remaining,
                "burn_rates": burn_rates,
                "policy": policy,
                "significant_burns": significant_burns,
                "regressions": regressions,
                "backtest": backtest,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.slo_analysis_backtest import SloAnalysisBacktest
        from ..models.slo_analysis_burn_rates_item import SloAnalysisBurnRatesItem
        from ..models.slo_analysis_objective import SloAnalysisObjective
        from ..models.slo_analysis_period import SloAnalysisPeriod
        from ..models.slo_analysis_policy_item import SloAnalysisPolicyItem
        from ..models.slo_analysis_regressions_item import SloAnalysisRegressionsItem
        from ..models.slo_analysis_significant_burns_item import SloAnalysisSignificantBurnsItem

        d = dict(src_dict)
        service_id = d.pop("service_id")

        state = SloAnalysisState(d.pop("state"))

        objective = SloAnalysisObjective.from_dict(d.pop("objective"))

        period = SloAnalysisPeriod.from_dict(d.pop("period"))

        def _parse_budget_remaining(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        budget_remaining = _parse_budget_remaining(d.pop("budget_remaining"))

        burn_rates = []
        _burn_rates = d.pop("burn_rates")
        for burn_rates_item_data in _burn_rates:
            burn_rates_item = SloAnalysisBurnRatesItem.from_dict(burn_rates_item_data)

            burn_rates.append(burn_rates_item)

        policy = []
        _policy = d.pop("policy")
        for policy_item_data in _policy:
            policy_item = SloAnalysisPolicyItem.from_dict(policy_item_data)

            policy.append(policy_item)

        significant_burns = []
        _significant_burns = d.pop("significant_burns")
        for significant_burns_item_data in _significant_burns:
            significant_burns_item = SloAnalysisSignificantBurnsItem.from_dict(significant_burns_item_data)

            significant_burns.append(significant_burns_item)

        regressions = []
        _regressions = d.pop("regressions")
        for regressions_item_data in _regressions:
            regressions_item = SloAnalysisRegressionsItem.from_dict(regressions_item_data)

            regressions.append(regressions_item)

        backtest = SloAnalysisBacktest.from_dict(d.pop("backtest"))

        slo_analysis = cls(
            service_id=service_id,
            state=state,
            objective=objective,
            period=period,
            budget_remaining=budget_remaining,
            burn_rates=burn_rates,
            policy=policy,
            significant_burns=significant_burns,
            regressions=regressions,
            backtest=backtest,
        )

        slo_analysis.additional_properties = d
        return slo_analysis

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
