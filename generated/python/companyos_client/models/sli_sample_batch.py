from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.sli_sample import SliSample


T = TypeVar("T", bound="SliSampleBatch")


@_attrs_define
class SliSampleBatch:
    """
    Attributes:
        samples (list[SliSample]):
    """

    samples: list[SliSample]

    def to_dict(self) -> dict[str, Any]:
        samples = []
        for samples_item_data in self.samples:
            samples_item = samples_item_data.to_dict()
            samples.append(samples_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "samples": samples,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sli_sample import SliSample

        d = dict(src_dict)
        samples = []
        _samples = d.pop("samples")
        for samples_item_data in _samples:
            samples_item = SliSample.from_dict(samples_item_data)

            samples.append(samples_item)

        sli_sample_batch = cls(
            samples=samples,
        )

        return sli_sample_batch
