from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slo_verification_kind import SloVerificationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SloVerification")


@_attrs_define
class SloVerification:
    """
    Attributes:
        kind (SloVerificationKind):
        query (str): What the doctor re-checks, e.g. p95(error_rate_5m) < 0.001 for 7 d.
        slo_name (str | Unset):
        threshold (float | Unset):
        days (int | Unset):
        events_per_minute (float | Unset): `busy_error_rate`: the minutes counted are those with at least this many
            events.
    """

    kind: SloVerificationKind
    query: str
    slo_name: str | Unset = UNSET
    threshold: float | Unset = UNSET
    days: int | Unset = UNSET
    events_per_minute: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        query = self.query

        slo_name = self.slo_name

        threshold = self.threshold

        days = self.days

        events_per_minute = self.events_per_minute

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "query": query,
            }
        )
        if slo_name is not UNSET:
            field_dict["slo_name"] = slo_name
        if threshold is not UNSET:
            field_dict["threshold"] = threshold
        if days is not UNSET:
            field_dict["days"] = days
        if events_per_minute is not UNSET:
            field_dict["events_per_minute"] = events_per_minute

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = SloVerificationKind(d.pop("kind"))

        query = d.pop("query")

        slo_name = d.pop("slo_name", UNSET)

        threshold = d.pop("threshold", UNSET)

        days = d.pop("days", UNSET)

        events_per_minute = d.pop("events_per_minute", UNSET)

        slo_verification = cls(
            kind=kind,
            query=query,
            slo_name=slo_name,
            threshold=threshold,
            days=days,
            events_per_minute=events_per_minute,
        )

        slo_verification.additional_properties = d
        return slo_verification

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
