from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.feature_link_kind import FeatureLinkKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeatureLink")


@_attrs_define
class FeatureLink:
    """`flag` links name a flag key (and an IntelGraph `gated_by` edge); others a URL or path.

    Attributes:
        kind (FeatureLinkKind):
        ref (str):
        title (str | Unset):
    """

    kind: FeatureLinkKind
    ref: str
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        ref = self.ref

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "ref": ref,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = FeatureLinkKind(d.pop("kind"))

        ref = d.pop("ref")

        title = d.pop("title", UNSET)

        feature_link = cls(
            kind=kind,
            ref=ref,
            title=title,
        )

        return feature_link
