from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.service_environment import ServiceEnvironment
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_flag_condition import TenantFlagCondition
    from ..models.tenant_flag_rollout import TenantFlagRollout
    from ..models.tenant_flag_split import TenantFlagSplit


T = TypeVar("T", bound="TenantFlagRule")


@_attrs_define
class TenantFlagRule:
    """Applies to the environments named; sets `enabled` and, optionally, the variant served.

    Attributes:
        name (str):
        environments (list[ServiceEnvironment]):
        enabled (bool | Unset):  Default: True.
        variant (str | Unset):
        conditions (list[TenantFlagCondition] | Unset): All must hold on the evaluation context for the rule to apply
            (OFREP evaluation).
        rollout (TenantFlagRollout | Unset): The rule applies to `percentage` % of the contexts: bucket = murmur3("<flag
            key>:<stickiness value>") mod 100 + 1, admitted when at most `percentage` (monotonic as it rises).
        split (list[TenantFlagSplit] | Unset): Variant split (experiments): consecutive bucket ranges in order; the
            weights add up to 100.
    """

    name: str
    environments: list[ServiceEnvironment]
    enabled: bool | Unset = True
    variant: str | Unset = UNSET
    conditions: list[TenantFlagCondition] | Unset = UNSET
    rollout: TenantFlagRollout | Unset = UNSET
    split: list[TenantFlagSplit] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        environments = []
        for environments_item_data in self.environments:
            environments_item = environments_item_data.value
            environments.append(environments_item)

        enabled = self.enabled

        variant = self.variant

        conditions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = []
            for conditions_item_data in self.conditions:
                conditions_item = conditions_item_data.to_dict()
                conditions.append(conditions_item)

        rollout: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rollout, Unset):
            rollout = self.rollout.to_dict()

        split: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.split, Unset):
            split = []
            for split_item_data in self.split:
                split_item = split_item_data.to_dict()
                split.append(split_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "environments": environments,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if variant is not UNSET:
            field_dict["variant"] = variant
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if rollout is not UNSET:
            field_dict["rollout"] = rollout
        if split is not UNSET:
            field_dict["split"] = split

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_flag_condition import TenantFlagCondition
        from ..models.tenant_flag_rollout import TenantFlagRollout
        from ..models.tenant_flag_split import TenantFlagSplit

        d = dict(src_dict)
        name = d.pop("name")

        environments = []
        _environments = d.pop("environments")
        for environments_item_data in _environments:
            environments_item = ServiceEnvironment(environments_item_data)

            environments.append(environments_item)

        enabled = d.pop("enabled", UNSET)

        variant = d.pop("variant", UNSET)

        _conditions = d.pop("conditions", UNSET)
        conditions: list[TenantFlagCondition] | Unset = UNSET
        if _conditions is not UNSET:
            conditions = []
            for conditions_item_data in _conditions:
                conditions_item = TenantFlagCondition.from_dict(conditions_item_data)

                conditions.append(conditions_item)

        _rollout = d.pop("rollout", UNSET)
        rollout: TenantFlagRollout | Unset
        if isinstance(_rollout, Unset):
            rollout = UNSET
        else:
            rollout = TenantFlagRollout.from_dict(_rollout)

        _split = d.pop("split", UNSET)
        split: list[TenantFlagSplit] | Unset = UNSET
        if _split is not UNSET:
            split = []
            for split_item_data in _split:
                split_item = TenantFlagSplit.from_dict(split_item_data)

                split.append(split_item)

        tenant_flag_rule = cls(
            name=name,
            environments=environments,
            enabled=enabled,
            variant=variant,
            conditions=conditions,
            rollout=rollout,
            split=split,
        )

        return tenant_flag_rule
