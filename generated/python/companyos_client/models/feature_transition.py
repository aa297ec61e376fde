from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_state import FeatureState

if TYPE_CHECKING:
    from ..models.feature_evidence import FeatureEvidence


T = TypeVar("T", bound="FeatureTransition")


@_attrs_define
class FeatureTransition:
    """
    Attributes:
        id (str):
        from_state (FeatureState):
        to_state (FeatureState):
        actor (str):
        note (str):
        evidence (list[FeatureEvidence]):
        at (datetime.datetime):
    """

    id: str
    from_state: FeatureState
    to_state: FeatureState
    actor: str
    note: str
    evidence: list[FeatureEvidence]
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        from_state = self.from_state.value

        to_state = self.to_state.value

        actor = self.actor

        note = self.note

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "from_state": from_state,
                "to_state": to_state,
                "actor": actor,
                "note": note,
                "evidence": evidence,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.feature_evidence import FeatureEvidence

        d = dict(src_dict)
        id = d.pop("id")

        from_state = FeatureState(d.pop("from_state"))

        to_state = FeatureState(d.pop("to_state"))

        actor = d.pop("actor")

        note = d.pop("note")

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = FeatureEvidence.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        at = datetime.datetime.fromisoformat(d.pop("at"))

        feature_transition = cls(
            id=id,
            from_state=from_state,
            to_state=to_state,
            actor=actor,
            note=note,
            evidence=evidence,
            at=at,
        )

        feature_transition.additional_properties = d
        return feature_transition

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
