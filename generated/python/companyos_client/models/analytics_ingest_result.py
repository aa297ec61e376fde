from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analytics_event_error import AnalyticsEventError


T = TypeVar("T", bound="AnalyticsIngestResult")


@_attrs_define
class AnalyticsIngestResult:
    """
    Attributes:
        accepted (int):
        rejected (int):
        dry_run (bool):
        partition (str): The region partition the events were routed to.
        errors (list[AnalyticsEventError]):
        duplicates (int | Unset): Accepted events whose `id` the tenant had already stored (a retry, an offline queue
            replaying):
            acknowledged and not stored again. Events without an `id` are never duplicates.
    """

    accepted: int
    rejected: int
    dry_run: bool
    partition: str
    errors: list[AnalyticsEventError]
    duplicates: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        rejected = self.rejected

        dry_run = self.dry_run

        partition = self.partition

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        duplicates = self.duplicates

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "rejected": rejected,
                "dry_run": dry_run,
                "partition": partition,
                "errors": errors,
            }
        )
        if duplicates is not UNSET:
            field_dict["duplicates"] = duplicates

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_event_error import AnalyticsEventError

        d = dict(src_dict)
        accepted = d.pop("accepted")

        rejected = d.pop("rejected")

        dry_run = d.pop("dry_run")

        partition = d.pop("partition")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = AnalyticsEventError.from_dict(errors_item_data)

            errors.append(errors_item)

        duplicates = d.pop("duplicates", UNSET)

        analytics_ingest_result = cls(
            accepted=accepted,
            rejected=rejected,
            dry_run=dry_run,
            partition=partition,
            errors=errors,
            duplicates=duplicates,
        )

        analytics_ingest_result.additional_properties = d
        return analytics_ingest_result

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
