from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tenant_flag_type import TenantFlagType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_flag_evaluation import TenantFlagEvaluation
    from ..models.tenant_flag_override_type_0 import TenantFlagOverrideType0
    from ..models.tenant_flag_rule import TenantFlagRule
    from ..models.tenant_flag_variants import TenantFlagVariants


T = TypeVar("T", bound="TenantFlag")


@_attrs_define
class TenantFlag:
    """
    Attributes:
        key (str):
        tenant_id (str):
        description (str):
        enabled (bool): The flag's default state.
        variants (TenantFlagVariants):
        default_variant (None | str):
        rules (list[TenantFlagRule]):
        override (None | TenantFlagOverrideType0): A tenant-level override that wins over every rule, with why it was
            set (null when none).
        effective (list[TenantFlagEvaluation]): The evaluation in every environment.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        type_ (TenantFlagType | Unset): The type of the values the flag serves (from its variants).
        temporary (bool | Unset): A release or experiment flag meant to be removed (stale-flag detection).
    """

    key: str
    tenant_id: str
    description: str
    enabled: bool
    variants: TenantFlagVariants
    default_variant: None | str
    rules: list[TenantFlagRule]
    override: None | TenantFlagOverrideType0
    effective: list[TenantFlagEvaluation]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    type_: TenantFlagType | Unset = UNSET
    temporary: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tenant_flag_override_type_0 import TenantFlagOverrideType0

        key = self.key

        tenant_id = self.tenant_id

        description = self.description

        enabled = self.enabled

        variants = self.variants.to_dict()

        default_variant: None | str
        default_variant = self.default_variant

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        override: dict[str, Any] | None
        if isinstance(self.override, TenantFlagOverrideType0):
            override = self.override.to_dict()
        else:
            override = self.override

        effective = []
        for effective_item_data in self.effective:
            effective_item = effective_item_data.to_dict()
            effective.append(effective_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        temporary = self.temporary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "tenant_id": tenant_id,
                "description": description,
                "enabled": enabled,
                "variants": variants,
                "default_variant": default_variant,
                "rules": rules,
                "override": override,
                "effective": effective,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if temporary is not UNSET:
            field_dict["temporary"] = temporary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_flag_evaluation import TenantFlagEvaluation
        from ..models.tenant_flag_override_type_0 import TenantFlagOverrideType0
        from ..models.tenant_flag_rule import TenantFlagRule
        from ..models.tenant_flag_variants import TenantFlagVariants

        d = dict(src_dict)
        key = d.pop("key")

        tenant_id = d.pop("tenant_id")

        description = d.pop("description")

        enabled = d.pop("enabled")

        variants = TenantFlagVariants.from_dict(d.pop("variants"))

        def _parse_default_variant(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        default_variant = _parse_default_variant(d.pop("default_variant"))

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = TenantFlagRule.from_dict(rules_item_data)

            rules.append(rules_item)

        def _parse_override(data: object) -> None | TenantFlagOverrideType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tenant_flag_override_type_0 = TenantFlagOverrideType0.from_dict(data)

                return componentsschemas_tenant_flag_override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantFlagOverrideType0, data)

        override = _parse_override(d.pop("override"))

        effective = []
        _effective = d.pop("effective")
        for effective_item_data in _effective:
            effective_item = TenantFlagEvaluation.from_dict(effective_item_data)

            effective.append(effective_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _type_ = d.pop("type", UNSET)
        type_: TenantFlagType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = TenantFlagType(_type_)

        temporary = d.pop("temporary", UNSET)

        tenant_flag = cls(
            key=key,
            tenant_id=tenant_id,
            description=description,
            enabled=enabled,
            variants=variants,
            default_variant=default_variant,
            rules=rules,
            override=override,
            effective=effective,
            created_at=created_at,
            updated_at=updated_at,
            type_=type_,
            temporary=temporary,
        )

        tenant_flag.additional_properties = d
        return tenant_flag

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
