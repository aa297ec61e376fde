from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.experiment_outcome_type_1 import ExperimentOutcomeType1
from ..models.experiment_outcome_type_2_type_1 import ExperimentOutcomeType2Type1
from ..models.experiment_outcome_type_3_type_1 import ExperimentOutcomeType3Type1
from ..models.experiment_status import ExperimentStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.experiment_weights_item import ExperimentWeightsItem


T = TypeVar("T", bound="Experiment")


@_attrs_define
class Experiment:
    """
    Attributes:
        id (str):
        key (str):
        tenant_id (str):
        flag_key (str):
        environment (str):
        control (str):
        treatment (str):
        weights (list[ExperimentWeightsItem]):
        metric (str):
        guardrails (list[str]):
        status (ExperimentStatus):
        created_at (datetime.datetime):
        guardrail_max_drop (float | Unset):
        decision (None | str | Unset):
        outcome (ExperimentOutcomeType1 | ExperimentOutcomeType2Type1 | ExperimentOutcomeType3Type1 | None | Unset):
        concluded_at (datetime.datetime | None | Unset):
    """

    id: str
    key: str
    tenant_id: str
    flag_key: str
    environment: str
    control: str
    treatment: str
    weights: list[ExperimentWeightsItem]
    metric: str
    guardrails: list[str]
    status: ExperimentStatus
    created_at: datetime.datetime
    guardrail_max_drop: float | Unset = UNSET
    decision: None | str | Unset = UNSET
    outcome: ExperimentOutcomeType1 | ExperimentOutcomeType2Type1 | ExperimentOutcomeType3Type1 | None | Unset = UNSET
    concluded_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        key = self.key

        tenant_id = self.tenant_id

        flag_key = self.flag_key

        environment = self.environment

        control = self.control

        treatment = self.treatment

        weights = []
        for weights_item_data in self.weights:
            weights_item = weights_item_data.to_dict()
            weights.append(weights_item)

        metric = self.metric

        guardrails = self.guardrails

        status = self.status.value

        created_at = self.created_at.isoformat()

        guardrail_max_drop = self.guardrail_max_drop

        decision: None | str | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        else:
            decision = self.decision

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif (
            isinstance(self.outcome, ExperimentOutcomeType1)
            or isinstance(self.outcome, ExperimentOutcomeType2Type1)
            or isinstance(self.outcome, ExperimentOutcomeType3Type1)
        ):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        concluded_at: None | str | Unset
        if isinstance(self.concluded_at, Unset):
            concluded_at = UNSET
        elif isinstance(self.concluded_at, datetime.datetime):
            concluded_at = self.concluded_at.isoformat()
        else:
            concluded_at = self.concluded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "tenant_id": tenant_id,
                "flag_key": flag_key,
                "environment": environment,
                "control": control,
                "treatment": treatment,
                "weights": weights,
                "metric": metric,
                "guardrails": guardrails,
                "status": status,
                "created_at": created_at,
            }
        )
        if guardrail_max_drop is not UNSET:
            field_dict["guardrail_max_drop"] = guardrail_max_drop
        if decision is not UNSET:
            field_dict["decision"] = decision
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if concluded_at is not UNSET:
            field_dict["concluded_at"] = concluded_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.experiment_weights_item import ExperimentWeightsItem

        d = dict(src_dict)
        id = d.pop("id")

        key = d.pop("key")

        tenant_id = d.pop("tenant_id")

        flag_key = d.pop("flag_key")

        environment = d.pop("environment")

        control = d.pop("control")

        treatment = d.pop("treatment")

        weights = []
        _weights = d.pop("weights")
        for weights_item_data in _weights:
            weights_item = ExperimentWeightsItem.from_dict(weights_item_data)

            weights.append(weights_item)

        metric = d.pop("metric")

        guardrails = cast(list[str], d.pop("guardrails"))

        status = ExperimentStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        guardrail_max_drop = d.pop("guardrail_max_drop", UNSET)

        def _parse_decision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision = _parse_decision(d.pop("decision", UNSET))

        def _parse_outcome(
            data: object,
        ) -> ExperimentOutcomeType1 | ExperimentOutcomeType2Type1 | ExperimentOutcomeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_1 = ExperimentOutcomeType1(data)

                return outcome_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_2_type_1 = ExperimentOutcomeType2Type1(data)

                return outcome_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_3_type_1 = ExperimentOutcomeType3Type1(data)

                return outcome_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ExperimentOutcomeType1 | ExperimentOutcomeType2Type1 | ExperimentOutcomeType3Type1 | None | Unset, data
            )

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_concluded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                concluded_at_type_0 = datetime.datetime.fromisoformat(data)

                return concluded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        concluded_at = _parse_concluded_at(d.pop("concluded_at", UNSET))

        experiment = cls(
            id=id,
            key=key,
            tenant_id=tenant_id,
            flag_key=flag_key,
            environment=environment,
            control=control,
            treatment=treatment,
            weights=weights,
            metric=metric,
            guardrails=guardrails,
            status=status,
            created_at=created_at,
            guardrail_max_drop=guardrail_max_drop,
            decision=decision,
            outcome=outcome,
            concluded_at=concluded_at,
        )

        experiment.additional_properties = d
        return experiment

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
