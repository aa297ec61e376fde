from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.experiment_conclude_outcome import ExperimentConcludeOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExperimentConclude")


@_attrs_define
class ExperimentConclude:
    """
    Attributes:
        decision (str):
        outcome (ExperimentConcludeOutcome | Unset): `ship_treatment` is refused (409) while a guardrail is breached, as
            any conclusion is while the sample ratio is mismatched.
    """

    decision: str
    outcome: ExperimentConcludeOutcome | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision

        outcome: str | Unset = UNSET
        if not isinstance(self.outcome, Unset):
            outcome = self.outcome.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision = d.pop("decision")

        _outcome = d.pop("outcome", UNSET)
        outcome: ExperimentConcludeOutcome | Unset
        if isinstance(_outcome, Unset):
            outcome = UNSET
        else:
            outcome = ExperimentConcludeOutcome(_outcome)

        experiment_conclude = cls(
            decision=decision,
            outcome=outcome,
        )

        return experiment_conclude
