from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.slo_indicator_kind import SloIndicatorKind
from ..models.slo_indicator_op import SloIndicatorOp
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.slo_indicator_metric_source import SloIndicatorMetricSource


T = TypeVar("T", bound="SloIndicator")


@_attrs_define
class SloIndicator:
    """The SLI and where its numbers come from (the metric source's queries, kept verbatim).

    Attributes:
        name (str | Unset):
        display_name (str | Unset):
        description (str | Unset):
        endpoint (str | Unset): The endpoint the SLI measures.
        task (str | Unset): The async task or queue the SLI measures.
        kind (SloIndicatorKind | Unset):
        counter (bool | Unset):
        op (SloIndicatorOp | Unset):
        threshold_ms (float | Unset):
        max_age_seconds (float | Unset):
        objective_display_name (str | Unset):
        metric_source (SloIndicatorMetricSource | Unset):
    """

    name: str | Unset = UNSET
    display_name: str | Unset = UNSET
    description: str | Unset = UNSET
    endpoint: str | Unset = UNSET
    task: str | Unset = UNSET
    kind: SloIndicatorKind | Unset = UNSET
    counter: bool | Unset = UNSET
    op: SloIndicatorOp | Unset = UNSET
    threshold_ms: float | Unset = UNSET
    max_age_seconds: float | Unset = UNSET
    objective_display_name: str | Unset = UNSET
    metric_source: SloIndicatorMetricSource | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        display_name = self.display_name

        description = self.description

        endpoint = self.endpoint

        task = self.task

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        counter = self.counter

        op: str | Unset = UNSET
        if not isinstance(self.op, Unset):
            op = self.op.value

        threshold_ms = self.threshold_ms

        max_age_seconds = self.max_age_seconds

        objective_display_name = self.objective_display_name

        metric_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metric_source, Unset):
            metric_source = self.metric_source.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if description is not UNSET:
            field_dict["description"] = description
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint
        if task is not UNSET:
            field_dict["task"] = task
        if kind is not UNSET:
            field_dict["kind"] = kind
        if counter is not UNSET:
            field_dict["counter"] = counter
        if op is not UNSET:
            field_dict["op"] = op
        if threshold_ms is not UNSET:
            field_dict["threshold_ms"] = threshold_ms
        if max_age_seconds is not UNSET:
            field_dict["max_age_seconds"] = max_age_seconds
        if objective_display_name is not UNSET:
            field_dict["objective_display_name"] = objective_display_name
        if metric_source is not UNSET:
            field_dict["metric_source"] = metric_source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.slo_indicator_metric_source import SloIndicatorMetricSource

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        display_name = d.pop("display_name", UNSET)

        description = d.pop("description", UNSET)

        endpoint = d.pop("endpoint", UNSET)

        task = d.pop("task", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: SloIndicatorKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = SloIndicatorKind(_kind)

        counter = d.pop("counter", UNSET)

        _op = d.pop("op", UNSET)
        op: SloIndicatorOp | Unset
        if isinstance(_op, Unset):
            op = UNSET
        else:
            op = SloIndicatorOp(_op)

        threshold_ms = d.pop("threshold_ms", UNSET)

        max_age_seconds = d.pop("max_age_seconds", UNSET)

        objective_display_name = d.pop("objective_display_name", UNSET)

        _metric_source = d.pop("metric_source", UNSET)
        metric_source: SloIndicatorMetricSource | Unset
        if isinstance(_metric_source, Unset):
            metric_source = UNSET
        else:
            metric_source = SloIndicatorMetricSource.from_dict(_metric_source)

        slo_indicator = cls(
            name=name,
            display_name=display_name,
            description=description,
            endpoint=endpoint,
            task=task,
            kind=kind,
            counter=counter,
            op=op,
            threshold_ms=threshold_ms,
            max_age_seconds=max_age_seconds,
            objective_display_name=objective_display_name,
            metric_source=metric_source,
        )

        return slo_indicator
