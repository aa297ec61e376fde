from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feature_kpi import FeatureKpi
    from ..models.feature_link import FeatureLink


T = TypeVar("T", bound="FeatureUpdate")


@_attrs_define
class FeatureUpdate:
    """
    Attributes:
        name (str | Unset):
        owner (str | Unset):
        problem (str | Unset):
        hypothesis (str | Unset):
        objectives (list[str] | Unset):
        kpis (list[FeatureKpi] | Unset):
        personas (list[str] | Unset):
        tenants (list[str] | Unset):
        links (list[FeatureLink] | Unset):
    """

    name: str | Unset = UNSET
    owner: str | Unset = UNSET
    problem: str | Unset = UNSET
    hypothesis: str | Unset = UNSET
    objectives: list[str] | Unset = UNSET
    kpis: list[FeatureKpi] | Unset = UNSET
    personas: list[str] | Unset = UNSET
    tenants: list[str] | Unset = UNSET
    links: list[FeatureLink] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        owner = self.owner

        problem = self.problem

        hypothesis = self.hypothesis

        objectives: list[str] | Unset = UNSET
        if not isinstance(self.objectives, Unset):
            objectives = self.objectives

        kpis: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.kpis, Unset):
            kpis = []
            for kpis_item_data in self.kpis:
                kpis_item = kpis_item_data.to_dict()
                kpis.append(kpis_item)

        personas: list[str] | Unset = UNSET
        if not isinstance(self.personas, Unset):
            personas = self.personas

        tenants: list[str] | Unset = UNSET
        if not isinstance(self.tenants, Unset):
            tenants = self.tenants

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if owner is not UNSET:
            field_dict["owner"] = owner
        if problem is not UNSET:
            field_dict["problem"] = problem
        if hypothesis is not UNSET:
            field_dict["hypothesis"] = hypothesis
        if objectives is not UNSET:
            field_dict["objectives"] = objectives
        if kpis is not UNSET:
            field_dict["kpis"] = kpis
        if personas is not UNSET:
            field_dict["personas"] = personas
        if tenants is not UNSET:
            field_dict["tenants"] = tenants
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.feature_kpi import FeatureKpi
        from ..models.feature_link import FeatureLink

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        owner = d.pop("owner", UNSET)

        problem = d.pop("problem", UNSET)

        hypothesis = d.pop("hypothesis", UNSET)

        objectives = cast(list[str], d.pop("objectives", UNSET))

        _kpis = d.pop("kpis", UNSET)
        kpis: list[FeatureKpi] | Unset = UNSET
        if _kpis is not UNSET:
            kpis = []
            for kpis_item_data in _kpis:
                kpis_item = FeatureKpi.from_dict(kpis_item_data)

                kpis.append(kpis_item)

        personas = cast(list[str], d.pop("personas", UNSET))

        tenants = cast(list[str], d.pop("tenants", UNSET))

        _links = d.pop("links", UNSET)
        links: list[FeatureLink] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = FeatureLink.from_dict(links_item_data)

                links.append(links_item)

        feature_update = cls(
            name=name,
            owner=owner,
            problem=problem,
            hypothesis=hypothesis,
            objectives=objectives,
            kpis=kpis,
            personas=personas,
            tenants=tenants,
            links=links,
        )

        return feature_update
