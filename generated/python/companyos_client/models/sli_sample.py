from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SliSample")


@_attrs_define
class SliSample:
    """One bucket: `good` of `total` events. Two rules a JSON schema cannot state are enforced on a recorded batch (400
    `invalid-argument` naming each offending field; nothing of the batch is stored): `good` must not exceed `total`, and
    `ts` must not lie more than 5 minutes in the future.

        Attributes:
            ts (datetime.datetime): The bucket's time (RFC 3339, with offset); when recorded, at most 5 minutes in the
                future.
            good (int): Events that met the objective; at most `total`.
            total (int): All events in the bucket.
    """

    ts: datetime.datetime
    good: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        ts = self.ts.isoformat()

        good = self.good

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ts": ts,
                "good": good,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ts = datetime.datetime.fromisoformat(d.pop("ts"))

        good = d.pop("good")

        total = d.pop("total")

        sli_sample = cls(
            ts=ts,
            good=good,
            total=total,
        )

        return sli_sample
