from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guardrail_result_status import GuardrailResultStatus

if TYPE_CHECKING:
    from ..models.guardrail_arm import GuardrailArm


T = TypeVar("T", bound="GuardrailResult")


@_attrs_define
class GuardrailResult:
    """
    Attributes:
        metric (str):
        status (GuardrailResultStatus): `breached`: the 95 % interval of treatment − control lies below −max_drop.
        control (GuardrailArm):
        treatment (GuardrailArm):
        difference (float | None):
        ci_low (float | None):
        ci_high (float | None):
        p_value (float | None):
        max_drop (float):
    """

    metric: str
    status: GuardrailResultStatus
    control: GuardrailArm
    treatment: GuardrailArm
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    max_drop: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric

        status = self.status.value

        control = self.control.to_dict()

        treatment = self.treatment.to_dict()

        difference: float | None
        difference = self.difference

        ci_low: float | None
        ci_low = self.ci_low

        ci_high: float | None
        ci_high = self.ci_high

        p_value: float | None
        p_value = self.p_value

        max_drop = self.max_drop

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric": metric,
                "status": status,
                "control": control,
                "treatment": treatment,
                "difference": difference,
                "ci_low": ci_low,
                "ci_high": ci_high,
                "p_value": p_value,
                "max_drop": max_drop,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.guardrail_arm import GuardrailArm

        d = dict(src_dict)
        metric = d.pop("metric")

        status = GuardrailResultStatus(d.pop("status"))

        control = GuardrailArm.from_dict(d.pop("control"))

        treatment = GuardrailArm.from_dict(d.pop("treatment"))

        def _parse_difference(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        difference = _parse_difference(d.pop("difference"))

        def _parse_ci_low(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ci_low = _parse_ci_low(d.pop("ci_low"))

        def _parse_ci_high(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ci_high = _parse_ci_high(d.pop("ci_high"))

        def _parse_p_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p_value = _parse_p_value(d.pop("p_value"))

        max_drop = d.pop("max_drop")

        guardrail_result = cls(
            metric=metric,
            status=status,
            control=control,
            treatment=treatment,
            difference=difference,
            ci_low=ci_low,
            ci_high=ci_high,
            p_value=p_value,
            max_drop=max_drop,
        )

        guardrail_result.additional_properties = d
        return guardrail_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
