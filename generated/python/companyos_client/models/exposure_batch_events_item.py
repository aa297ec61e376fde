from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.exposure_batch_events_item_metrics import ExposureBatchEventsItemMetrics


T = TypeVar("T", bound="ExposureBatchEventsItem")


@_attrs_define
class ExposureBatchEventsItem:
    """
    Attributes:
        subject (str):
        variant (str):
        converted (bool | Unset):  Default: False.
        value (float | None | Unset):
        metrics (ExposureBatchEventsItemMetrics | Unset): Per guardrail metric of the experiment, whether this subject
            hit it.
    """

    subject: str
    variant: str
    converted: bool | Unset = False
    value: float | None | Unset = UNSET
    metrics: ExposureBatchEventsItemMetrics | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        variant = self.variant

        converted = self.converted

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        metrics: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = self.metrics.to_dict()

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
        if metrics is not UNSET:
            field_dict["metrics"] = metrics

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.exposure_batch_events_item_metrics import ExposureBatchEventsItemMetrics

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

        _metrics = d.pop("metrics", UNSET)
        metrics: ExposureBatchEventsItemMetrics | Unset
        if isinstance(_metrics, Unset):
            metrics = UNSET
        else:
            metrics = ExposureBatchEventsItemMetrics.from_dict(_metrics)

        exposure_batch_events_item = cls(
            subject=subject,
            variant=variant,
            converted=converted,
            value=value,
            metrics=metrics,
        )

        return exposure_batch_events_item
