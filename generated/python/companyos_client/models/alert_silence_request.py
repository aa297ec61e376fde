from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AlertSilenceRequest")


@_attrs_define
class AlertSilenceRequest:
    """
    Attributes:
        until (datetime.datetime):
        reason (str | Unset):
    """

    until: datetime.datetime
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        until = self.until.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "until": until,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        until = datetime.datetime.fromisoformat(d.pop("until"))

        reason = d.pop("reason", UNSET)

        alert_silence_request = cls(
            until=until,
            reason=reason,
        )

        return alert_silence_request
