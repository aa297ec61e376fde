from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sli_labels import SliLabels


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
            labels (SliLabels | Unset): Which slice of the service's traffic a sample counts: the endpoint or task, the
                region, the customer segment; and, for a service with several SLIs (availability and latency, say), which SLI it
                measures (`sli`, an SLO's `indicator.name`: samples with an `sli` label are that SLI's, not the service's). A
                service's labelled samples partition its traffic (their sum at a minute is the service's), so SLO Doctor can
                tell which endpoint, region or segment carries the bad events. Leave labels out to record the service as a
                whole; do not record both for the same minutes, or the events count twice. Omitted in listings when a sample has
                none. A value holding any character of `x-companyos-refused-characters` (control characters, lone surrogates,
                line separators) is refused.
    """

    ts: datetime.datetime
    good: int
    total: int
    labels: SliLabels | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ts = self.ts.isoformat()

        good = self.good

        total = self.total

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ts": ts,
                "good": good,
                "total": total,
            }
        )
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sli_labels import SliLabels

        d = dict(src_dict)
        ts = datetime.datetime.fromisoformat(d.pop("ts"))

        good = d.pop("good")

        total = d.pop("total")

        _labels = d.pop("labels", UNSET)
        labels: SliLabels | Unset
        if isinstance(_labels, Unset):
            labels = UNSET
        else:
            labels = SliLabels.from_dict(_labels)

        sli_sample = cls(
            ts=ts,
            good=good,
            total=total,
            labels=labels,
        )

        return sli_sample
