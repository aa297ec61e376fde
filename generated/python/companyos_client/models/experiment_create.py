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
        guardrails (list[str] | Unset): Guardrail metrics: rates where a hit is good (e.g. `checkout_completed`,
            `page_loaded_ok`), reported per exposure in `metrics`. A guardrail is breached when the treatment is worse than
            control by more than `guardrail_max_drop` with 95 % confidence.
        guardrail_max_drop (float | Unset): The drop (absolute, 0.01 = one percentage point) a guardrail tolerates.
            Default: 0.0.
    """

    key: str
    flag_key: str
    environment: ExperimentCreateEnvironment
    control: str
    treatment: str
    metric: str
    treatment_percentage: int | Unset = 50
    guardrails: list[str] | Unset = UNSET
    guardrail_max_drop: float | Unset = 0.0

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

        guardrail_max_drop = self.guardrail_max_drop

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
        if guardrail_max_drop is not UNSET:
            field_dict["guardrail_max_drop"] = guardrail_max_drop

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

        guardrail_max_drop = d.pop("guardrail_max_drop", UNSET)

        experiment_create = cls(
            key=key,
            flag_key=flag_key,
            environment=environment,
            control=control,
            treatment=treatment,
            metric=metric,
            treatment_percentage=treatment_percentage,
            guardrails=guardrails,
            guardrail_max_drop=guardrail_max_drop,
        )

        return experiment_create
