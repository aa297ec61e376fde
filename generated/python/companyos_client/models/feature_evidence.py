from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_evidence_kind import FeatureEvidenceKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeatureEvidence")


@_attrs_define
class FeatureEvidence:
    """
    Attributes:
        id (str):
        kind (FeatureEvidenceKind):
        title (str):
        added_by (str):
        added_at (datetime.datetime):
        url (None | str | Unset):
        summary (str | Unset):
    """

    id: str
    kind: FeatureEvidenceKind
    title: str
    added_by: str
    added_at: datetime.datetime
    url: None | str | Unset = UNSET
    summary: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        title = self.title

        added_by = self.added_by

        added_at = self.added_at.isoformat()

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "title": title,
                "added_by": added_by,
                "added_at": added_at,
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
        id = d.pop("id")

        kind = FeatureEvidenceKind(d.pop("kind"))

        title = d.pop("title")

        added_by = d.pop("added_by")

        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        summary = d.pop("summary", UNSET)

        feature_evidence = cls(
            id=id,
            kind=kind,
            title=title,
            added_by=added_by,
            added_at=added_at,
            url=url,
            summary=summary,
        )

        feature_evidence.additional_properties = d
        return feature_evidence

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
