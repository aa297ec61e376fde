from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExperimentConclude")


@_attrs_define
class ExperimentConclude:
    """
    Attributes:
        decision (str):
    """

    decision: str

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision = d.pop("decision")

        experiment_conclude = cls(
            decision=decision,
        )

        return experiment_conclude
