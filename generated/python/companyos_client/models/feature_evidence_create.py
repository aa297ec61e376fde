from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.feature_evidence_kind import FeatureEvidenceKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeatureEvidenceCreate")


@_attrs_define
class FeatureEvidenceCreate:
    """
    Attributes:
        kind (FeatureEvidenceKind):
        title (str):
        url (str | Unset):
        summary (str | Unset):
    """

    kind: FeatureEvidenceKind
    title: str
    url: str | Unset = UNSET
    summary: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        title = self.title

        url = self.url

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "title": title,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = FeatureEvidenceKind(d.pop("kind"))

        title = d.pop("title")

        url = d.pop("url", UNSET)

        summary = d.pop("summary", UNSET)

        feature_evidence_create = cls(
            kind=kind,
            title=title,
            url=url,
            summary=summary,
        )

        return feature_evidence_create
