from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_evidence_kind import FeatureEvidenceKind
from ..models.feature_state import FeatureState

if TYPE_CHECKING:
    from ..models.feature_evidence import FeatureEvidence
    from ..models.feature_kpi import FeatureKpi
    from ..models.feature_link import FeatureLink


T = TypeVar("T", bound="Feature")


@_attrs_define
class Feature:
    """
    Attributes:
        id (str):
        key (str):
        tenant_id (str):
        name (str):
        owner (str):
        problem (str):
        hypothesis (str):
        state (FeatureState):
        objectives (list[str]):
        kpis (list[FeatureKpi]):
        personas (list[str]):
        tenants (list[str]):
        links (list[FeatureLink]):
        evidence (list[FeatureEvidence]):
        next_state (None | str):
        missing_for_next (list[FeatureEvidenceKind]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    key: str
    tenant_id: str
    name: str
    owner: str
    problem: str
    hypothesis: str
    state: FeatureState
    objectives: list[str]
    kpis: list[FeatureKpi]
    personas: list[str]
    tenants: list[str]
    links: list[FeatureLink]
    evidence: list[FeatureEvidence]
    next_state: None | str
    missing_for_next: list[FeatureEvidenceKind]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        key = self.key

        tenant_id = self.tenant_id

        name = self.name

        owner = self.owner

        problem = self.problem

        hypothesis = self.hypothesis

        state = self.state.value

        objectives = self.objectives

        kpis = []
        for kpis_item_data in self.kpis:
            kpis_item = kpis_item_data.to_dict()
            kpis.append(kpis_item)

        personas = self.personas

        tenants = self.tenants

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        next_state: None | str
        next_state = self.next_state

        missing_for_next = []
        for missing_for_next_item_data in self.missing_for_next:
            missing_for_next_item = missing_for_next_item_data.value
            missing_for_next.append(missing_for_next_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "tenant_id": tenant_id,
                "name": name,
                "owner": owner,
                "problem": problem,
                "hypothesis": hypothesis,
                "state": state,
                "objectives": objectives,
                "kpis": kpis,
                "personas": personas,
                "tenants": tenants,
                "links": links,
                "evidence": evidence,
                "next_state": next_state,
                "missing_for_next": missing_for_next,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.feature_evidence import FeatureEvidence
        from ..models.feature_kpi import FeatureKpi
        from ..models.feature_link import FeatureLink

        d = dict(src_dict)
        id = d.pop("id")

        key = d.pop("key")

        tenant_id = d.pop("tenant_id")

        name = d.pop("name")

        owner = d.pop("owner")

        problem = d.pop("problem")

        hypothesis = d.pop("hypothesis")

        state = FeatureState(d.pop("state"))

        objectives = cast(list[str], d.pop("objectives"))

        kpis = []
        _kpis = d.pop("kpis")
        for kpis_item_data in _kpis:
            kpis_item = FeatureKpi.from_dict(kpis_item_data)

            kpis.append(kpis_item)

        personas = cast(list[str], d.pop("personas"))

        tenants = cast(list[str], d.pop("tenants"))

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = FeatureLink.from_dict(links_item_data)

            links.append(links_item)

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = FeatureEvidence.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        def _parse_next_state(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_state = _parse_next_state(d.pop("next_state"))

        missing_for_next = []
        _missing_for_next = d.pop("missing_for_next")
        for missing_for_next_item_data in _missing_for_next:
            missing_for_next_item = FeatureEvidenceKind(missing_for_next_item_data)

            missing_for_next.append(missing_for_next_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        feature = cls(
            id=id,
            key=key,
            tenant_id=tenant_id,
            name=name,
            owner=owner,
            problem=problem,
            hypothesis=hypothesis,
            state=state,
            objectives=objectives,
            kpis=kpis,
            personas=personas,
            tenants=tenants,
            links=links,
            evidence=evidence,
            next_state=next_state,
            missing_for_next=missing_for_next,
            created_at=created_at,
            updated_at=updated_at,
        )

        feature.additional_properties = d
        return feature

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
