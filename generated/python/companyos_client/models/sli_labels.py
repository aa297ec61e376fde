from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SliLabels")


@_attrs_define
class SliLabels:
    """Which slice of the service's traffic a sample counts: the endpoint or task, the region, the customer segment; and,
    for a service with several SLIs (availability and latency, say), which SLI it measures (`sli`, an SLO's
    `indicator.name`: samples with an `sli` label are that SLI's, not the service's). A service's labelled samples
    partition its traffic (their sum at a minute is the service's), so SLO Doctor can tell which endpoint, region or
    segment carries the bad events. Leave labels out to record the service as a whole; do not record both for the same
    minutes, or the events count twice. Omitted in listings when a sample has none. A value holding any character of
    `x-companyos-refused-characters` (control characters, lone surrogates, line separators) is refused.

        Attributes:
            endpoint (str | Unset): An endpoint or route, e.g. `POST /checkout`.
            task (str | Unset): An asynchronous task or queue consumer.
            region (str | Unset):
            segment (str | Unset): A customer segment, e.g. `enterprise`.
            sli (str | Unset): The SLI the sample measures, an SLO's `indicator.name` (e.g. `checkout-latency`): a service
                with several SLIs labels each sample with its SLI, and SLO Doctor judges each SLO on its own SLI's samples.
    """

    endpoint: str | Unset = UNSET
    task: str | Unset = UNSET
    region: str | Unset = UNSET
    segment: str | Unset = UNSET
    sli: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        endpoint = self.endpoint

        task = self.task

        region = self.region

        segment = self.segment

        sli = self.sli

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint
        if task is not UNSET:
            field_dict["task"] = task
        if region is not UNSET:
            field_dict["region"] = region
        if segment is not UNSET:
            field_dict["segment"] = segment
        if sli is not UNSET:
            field_dict["sli"] = sli

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endpoint = d.pop("endpoint", UNSET)

        task = d.pop("task", UNSET)

        region = d.pop("region", UNSET)

        segment = d.pop("segment", UNSET)

        sli = d.pop("sli", UNSET)

        sli_labels = cls(
            endpoint=endpoint,
            task=task,
            region=region,
            segment=segment,
            sli=sli,
        )

        return sli_labels
