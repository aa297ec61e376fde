from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slo_recommendation_confidence import SloRecommendationConfidence
from ..models.slo_recommendation_kind import SloRecommendationKind

if TYPE_CHECKING:
    from ..models.slo_recommendation_backtest_type_0 import SloRecommendationBacktestType0
    from ..models.slo_recommendation_expected_impact_type_0 import SloRecommendationExpectedImpactType0
    from ..models.slo_recommendation_follow_up import SloRecommendationFollowUp
    from ..models.slo_recommendation_links_item import SloRecommendationLinksItem
    from ..models.slo_recommendation_proposal import SloRecommendationProposal


T = TypeVar("T", bound="SloRecommendation")


@_attrs_define
class SloRecommendation:
    """
    Attributes:
        id (str):
        kind (SloRecommendationKind): `capacity`: errors rise with load; `circuit_breaker` (error SLOs) and `hedging`
            (latency SLOs): most bad minutes coincide with an upstream's. Their backtests replay a counterfactual history
            (busy minutes at the quiet error rate; upstream-explained minutes at the service's own rate).
        slo_id (None | str):
        slo_name (str):
        title (str):
        summary (str):
        evidence (list[str]):
        confidence (SloRecommendationConfidence):
        confidence_score (float):
        expected_impact (None | SloRecommendationExpectedImpactType0):
        backtest (None | SloRecommendationBacktestType0):
        proposal (SloRecommendationProposal):
        links (list[SloRecommendationLinksItem]):
        follow_up (SloRecommendationFollowUp):
    """

    id: str
    kind: SloRecommendationKind
    slo_id: None | str
    slo_name: str
    title: str
    summary: str
    evidence: list[str]
    confidence: SloRecommendationConfidence
    confidence_score: float
    expected_impact: None | SloRecommendationExpectedImpactType0
    backtest: None | SloRecommendationBacktestType0
    proposal: SloRecommendationProposal
    links: list[SloRecommendationLinksItem]
    follow_up: SloRecommendationFollowUp
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.slo_recommendation_backtest_type_0 import SloRecommendationBacktestType0
        from ..models.slo_recommendation_expected_impact_type_0 import SloRecommendationExpectedImpactType0

        id = self.id

        kind = self.kind.value

        slo_id: None | str
        slo_id = self.slo_id

        slo_name = self.slo_name

        title = self.title

        summary = self.summary

        evidence = self.evidence

        confidence = self.confidence.value

        confidence_score = self.confidence_score

        expected_impact: dict[str, Any] | None
        if isinstance(self.expected_impact, SloRecommendationExpectedImpactType0):
            expected_impact = self.expected_impact.to_dict()
        else:
            expected_impact = self.expected_impact

        backtest: dict[str, Any] | None
        if isinstance(self.backtest, SloRecommendationBacktestType0):
            backtest = self.backtest.to_dict()
        else:
            backtest = self.backtest

        proposal = self.proposal.to_dict()

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        follow_up = self.follow_up.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "slo_id": slo_id,
                "slo_name": slo_name,
                "title": title,
                "summary": summary,
                "evidence": evidence,
                "confidence": confidence,
                "confidence_score": confidence_score,
                "expected_impact": expected_impact,
                "backtest": backtest,
                "proposal": proposal,
                "links": links,
                "follow_up": follow_up,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.slo_recommendation_backtest_type_0 import SloRecommendationBacktestType0
        from ..models.slo_recommendation_expected_impact_type_0 import SloRecommendationExpectedImpactType0
        from ..models.slo_recommendation_follow_up import SloRecommendationFollowUp
        from ..models.slo_recommendation_links_item import SloRecommendationLinksItem
        from ..models.slo_recommendation_proposal import SloRecommendationProposal

        d = dict(src_dict)
        id = d.pop("id")

        kind = SloRecommendationKind(d.pop("kind"))

        def _parse_slo_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        slo_id = _parse_slo_id(d.pop("slo_id"))

        slo_name = d.pop("slo_name")

        title = d.pop("title")

        summary = d.pop("summary")

        evidence = cast(list[str], d.pop("evidence"))

        confidence = SloRecommendationConfidence(d.pop("confidence"))

        confidence_score = d.pop("confidence_score")

        def _parse_expected_impact(data: object) -> None | SloRecommendationExpectedImpactType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                expected_impact_type_0 = SloRecommendationExpectedImpactType0.from_dict(data)

                return expected_impact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SloRecommendationExpectedImpactType0, data)

        expected_impact = _parse_expected_impact(d.pop("expected_impact"))

        def _parse_backtest(data: object) -> None | SloRecommendationBacktestType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                backtest_type_0 = SloRecommendationBacktestType0.from_dict(data)

                return backtest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SloRecommendationBacktestType0, data)

        backtest = _parse_backtest(d.pop("backtest"))

        proposal = SloRecommendationProposal.from_dict(d.pop("proposal"))

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = SloRecommendationLinksItem.from_dict(links_item_data)

            links.append(links_item)

        follow_up = SloRecommendationFollowUp.from_dict(d.pop("follow_up"))

        slo_recommendation = cls(
            id=id,
            kind=kind,
            slo_id=slo_id,
            slo_name=slo_name,
            title=title,
            summary=summary,
            evidence=evidence,
            confidence=confidence,
            confidence_score=confidence_score,
            expected_impact=expected_impact,
            backtest=backtest,
            proposal=proposal,
            links=links,
            follow_up=follow_up,
        )

        slo_recommendation.additional_properties = d
        return slo_recommendation

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
