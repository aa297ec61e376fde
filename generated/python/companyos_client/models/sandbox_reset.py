from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SandboxReset")


@_attrs_define
class SandboxReset:
    """
    Attributes:
        keep_clock (bool | Unset): Keep the first seeding's clock anchor (same rows, same digest). Default: False.
        reason (str | Unset): Why (in the audit trail and the evidence pack).
    """

    keep_clock: bool | Unset = False
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        keep_clock = self.keep_clock

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if keep_clock is not UNSET:
            field_dict["keep_clock"] = keep_clock
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        keep_clock = d.pop("keep_clock", UNSET)

        reason = d.pop("reason", UNSET)

        sandbox_reset = cls(
            keep_clock=keep_clock,
            reason=reason,
        )

        return sandbox_reset
