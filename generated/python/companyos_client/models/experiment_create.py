from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.experiment_create_environment import ExperimentCreateEnvironment
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExperimentCreate")


@_attrs_define
class ExperimentCreate:
    """
    Attributes:
        key (str):
        flag_key (str):
        environment (ExperimentCreateEnvironment):
        control (str):
        treatment (str):
        metric (str):
        treatment_percentage (int | Unset):  Default: 50.
        guardrails (list[str] | Unset):
    """

    key: str
    flag_key: str
    environment: ExperimentCreateEnvironment
    control: str
    treatment: str
    metric: str
    treatment_percentage: int | Unset = 50
    guardrails: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        flag_key = self.flag_key

        environment = self.environment.value

        control = self.control

        treatment = self.treatment

        metric = self.metric

        treatment_percentage = self.treatment_percentage

        guardrails: list[str] | Unset = UNSET
        if not isinstance(self.guardrails, Unset):
            guardrails = self.guardrails

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "flag_key": flag_key,
                "environment": environment,
                "control": control,
                "treatment": treatment,
                "metric": metric,
            }
        )
        if treatment_percentage is not UNSET:
            field_dict["treatment_percentage"] = treatment_percentage
        if guardrails is not UNSET:
            field_dict["guardrails"] = guardrails

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        key = d.pop("key")

        flag_key = d.pop("flag_key")

        environment = ExperimentCreateEnvironment(d.pop("environment"))

        control = d.pop("control")

        treatment = d.pop("treatment")

        metric = d.pop("metric")

        treatment_percentage = d.pop("treatment_percentage", UNSET)

        guardrails = cast(list[str], d.pop("guardrails", UNSET))

        experiment_create = cls(
            key=key,
            flag_key=flag_key,
            environment=environment,
            control=control,
            treatment=treatment,
            metric=metric,
            treatment_percentage=treatment_percentage,
            guardrails=guardrails,
        )

        return experiment_create
