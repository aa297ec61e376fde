from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.feature_state import FeatureState
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeatureTransitionCreate")


@_attrs_define
class FeatureTransitionCreate:
    """
    Attributes:
        to (FeatureState):
        note (str | Unset):
    """

    to: FeatureState
    note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to = FeatureState(d.pop("to"))

        note = d.pop("note", UNSET)

        feature_transition_create = cls(
            to=to,
            note=note,
        )

        return feature_transition_create
