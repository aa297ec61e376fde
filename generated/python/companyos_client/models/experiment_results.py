from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.experiment import Experiment
    from ..models.experiment_results_arms_item import ExperimentResultsArmsItem
    from ..models.experiment_results_comparison import ExperimentResultsComparison
    from ..models.experiment_results_srm import ExperimentResultsSrm
    from ..models.guardrail_result import GuardrailResult


T = TypeVar("T", bound="ExperimentResults")


@_attrs_define
class ExperimentResults:
    """
    Attributes:
        experiment (Experiment):
        metric (str):
        guardrails (list[GuardrailResult]): Per guardrail metric, treatment against control.
        arms (list[ExperimentResultsArmsItem]):
        srm (ExperimentResultsSrm):
        comparison (ExperimentResultsComparison):
    """

    experiment: Experiment
    metric: str
    guardrails: list[GuardrailResult]
    arms: list[ExperimentResultsArmsItem]
    srm: ExperimentResultsSrm
    comparison: ExperimentResultsComparison
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        experiment = self.experiment.to_dict()

        metric = self.metric

        guardrails = []
        for guardrails_item_data in self.guardrails:
            guardrails_item = guardrails_item_data.to_dict()
            guardrails.append(guardrails_item)

        arms = []
        for arms_item_data in self.arms:
            arms_item = arms_item_data.to_dict()
            arms.append(arms_item)

        srm = self.srm.to_dict()

        comparison = self.comparison.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "experiment": experiment,
                "metric": metric,
                "guardrails": guardrails,
                "arms": arms,
                "srm": srm,
                "comparison": comparison,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.experiment import Experiment
        from ..models.experiment_results_arms_item import ExperimentResultsArmsItem
        from ..models.experiment_results_comparison import ExperimentResultsComparison
        from ..models.experiment_results_srm import ExperimentResultsSrm
        from ..models.guardrail_result import GuardrailResult

        d = dict(src_dict)
        experiment = Experiment.from_dict(d.pop("experiment"))

        metric = d.pop("metric")

        guardrails = []
        _guardrails = d.pop("guardrails")
        for guardrails_item_data in _guardrails:
            guardrails_item = GuardrailResult.from_dict(guardrails_item_data)

            guardrails.append(guardrails_item)

        arms = []
        _arms = d.pop("arms")
        for arms_item_data in _arms:
            arms_item = ExperimentResultsArmsItem.from_dict(arms_item_data)

            arms.append(arms_item)

        srm = ExperimentResultsSrm.from_dict(d.pop("srm"))

        comparison = ExperimentResultsComparison.from_dict(d.pop("comparison"))

        experiment_results = cls(
            experiment=experiment,
            metric=metric,
            guardrails=guardrails,
            arms=arms,
            srm=srm,
            comparison=comparison,
        )

        experiment_results.additional_properties = d
        return experiment_results

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
