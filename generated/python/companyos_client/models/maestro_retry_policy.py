from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaestroRetryPolicy")


@_attrs_define
class MaestroRetryPolicy:
    """Attempts and backoff. After the n-th failure the engine waits a uniformly random time in
    `[0, min(max_delay, base_delay × 2^(n-1))]` (exponential backoff with full jitter).

        Attributes:
            max_attempts (int | Unset):  Default: 1.
            base_delay (float | Unset):  Default: 1.0.
            max_delay (float | Unset):  Default: 30.0.
    """

    max_attempts: int | Unset = 1
    base_delay: float | Unset = 1.0
    max_delay: float | Unset = 30.0

    def to_dict(self) -> dict[str, Any]:
        max_attempts = self.max_attempts

        base_delay = self.base_delay

        max_delay = self.max_delay

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if max_attempts is not UNSET:
            field_dict["max_attempts"] = max_attempts
        if base_delay is not UNSET:
            field_dict["base_delay"] = base_delay
        if max_delay is not UNSET:
            field_dict["max_delay"] = max_delay

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        max_attempts = d.pop("max_attempts", UNSET)

        base_delay = d.pop("base_delay", UNSET)

        max_delay = d.pop("max_delay", UNSET)

        maestro_retry_policy = cls(
            max_attempts=max_attempts,
            base_delay=base_delay,
            max_delay=max_delay,
        )

        return maestro_retry_policy
