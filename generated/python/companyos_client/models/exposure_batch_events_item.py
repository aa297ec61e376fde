from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExposureBatchEventsItem")


@_attrs_define
class ExposureBatchEventsItem:
    """
    Attributes:
        subject (str):
        variant (str):
        converted (bool | Unset):  Default: False.
        value (float | None | Unset):
    """

    subject: str
    variant: str
    converted: bool | Unset = False
    value: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        variant = self.variant

        converted = self.converted

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject": subject,
                "variant": variant,
            }
        )
        if converted is not UNSET:
            field_dict["converted"] = converted
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subject = d.pop("subject")

        variant = d.pop("variant")

        converted = d.pop("converted", UNSET)

        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        exposure_batch_events_item = cls(
            subject=subject,
            variant=variant,
            converted=converted,
            value=value,
        )

        return exposure_batch_events_item
