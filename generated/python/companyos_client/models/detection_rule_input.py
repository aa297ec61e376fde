from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DetectionRuleInput")


@_attrs_define
class DetectionRuleInput:
    """
    Example:
        {'name': 'admin_after_hours', 'sigma': 'title: Tenant admin change\\nlogsource: {product:
            companyos}\\ndetection:\\n  selection: {category: admin, outcome: success}\\n  condition: selection\\nlevel:
            medium\\n'}

    Attributes:
        name (str):
        sigma (str): A Sigma rule (YAML); one that does not parse is 400 `malformed_sigma` naming its line: a grammar a
            schema cannot state (`x-companyos-grammar`). Example: title: Refresh token reuse (token theft)
            logsource: {product: companyos, service: identity}
            detection:
              selection:
                action: identity.refresh_reuse
              condition: selection
            level: critical
            .
        enabled (bool | Unset):
    """

    name: str
    sigma: str
    enabled: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        sigma = self.sigma

        enabled = self.enabled

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "sigma": sigma,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        sigma = d.pop("sigma")

        enabled = d.pop("enabled", UNSET)

        detection_rule_input = cls(
            name=name,
            sigma=sigma,
            enabled=enabled,
        )

        return detection_rule_input
