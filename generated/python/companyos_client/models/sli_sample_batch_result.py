from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SliSampleBatchResult")


@_attrs_define
class SliSampleBatchResult:
    """
    Attributes:
        service_id (str):
        recorded (int): Samples stored by this request.
        replaced (int): Of those, how many replaced a sample with the same `ts` (and the same labels).
        from_ (datetime.datetime): The earliest `ts` of the batch.
        to (datetime.datetime): The latest `ts` of the batch.
    """

    service_id: str
    recorded: int
    replaced: int
    from_: datetime.datetime
    to: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        recorded = self.recorded

        replaced = self.replaced

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "recorded": recorded,
                "replaced": replaced,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service_id = d.pop("service_id")

        recorded = d.pop("recorded")

        replaced = d.pop("replaced")

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        sli_sample_batch_result = cls(
            service_id=service_id,
            recorded=recorded,
            replaced=replaced,
            from_=from_,
            to=to,
        )

        sli_sample_batch_result.additional_properties = d
        return sli_sample_batch_result

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
