from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_environment import ServiceEnvironment
from ..models.tenant_flag_evaluation_reason import TenantFlagEvaluationReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantFlagEvaluation")


@_attrs_define
class TenantFlagEvaluation:
    """
    Attributes:
        flag_key (str):
        environment (ServiceEnvironment):
        enabled (bool):
        value (Any): A variant's value (any JSON value).
        reason (TenantFlagEvaluationReason): OFREP evaluation reason.
        decided_by (str): `override`, `rule:<name>` or `default`.
        explanation (str):
        variant (None | str | Unset):
    """

    flag_key: str
    environment: ServiceEnvironment
    enabled: bool
    value: Any
    reason: TenantFlagEvaluationReason
    decided_by: str
    explanation: str
    variant: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flag_key = self.flag_key

        environment = self.environment.value

        enabled = self.enabled

        value = self.value

        reason = self.reason.value

        decided_by = self.decided_by

        explanation = self.explanation

        variant: None | str | Unset
        if isinstance(self.variant, Unset):
            variant = UNSET
        else:
            variant = self.variant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "flag_key": flag_key,
                "environment": environment,
                "enabled": enabled,
                "value": value,
                "reason": reason,
                "decided_by": decided_by,
                "explanation": explanation,
            }
        )
        if variant is not UNSET:
            field_dict["variant"] = variant

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        flag_key = d.pop("flag_key")

        environment = ServiceEnvironment(d.pop("environment"))

        enabled = d.pop("enabled")

        value = d.pop("value")

        reason = TenantFlagEvaluationReason(d.pop("reason"))

        decided_by = d.pop("decided_by")

        explanation = d.pop("explanation")

        def _parse_variant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        variant = _parse_variant(d.pop("variant", UNSET))

        tenant_flag_evaluation = cls(
            flag_key=flag_key,
            environment=environment,
            enabled=enabled,
            value=value,
            reason=reason,
            decided_by=decided_by,
            explanation=explanation,
            variant=variant,
        )

        tenant_flag_evaluation.additional_properties = d
        return tenant_flag_evaluation

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
