from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_flag_override_type_0 import TenantFlagOverrideType0
    from ..models.tenant_flag_rule import TenantFlagRule
    from ..models.tenant_flag_update_variants import TenantFlagUpdateVariants


T = TypeVar("T", bound="TenantFlagUpdate")


@_attrs_define
class TenantFlagUpdate:
    """
    Attributes:
        description (str | Unset):
        enabled (bool | Unset):
        variants (TenantFlagUpdateVariants | Unset):
        default_variant (None | str | Unset):
        rules (list[TenantFlagRule] | Unset):
        override (None | TenantFlagOverrideType0 | Unset): A tenant-level override that wins over every rule, with why
            it was set (null when none).
        temporary (bool | Unset): A release or experiment flag meant to be removed.
    """

    description: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    variants: TenantFlagUpdateVariants | Unset = UNSET
    default_variant: None | str | Unset = UNSET
    rules: list[TenantFlagRule] | Unset = UNSET
    override: None | TenantFlagOverrideType0 | Unset = UNSET
    temporary: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.tenant_flag_override_type_0 import TenantFlagOverrideType0

        description = self.description

        enabled = self.enabled

        variants: dict[str, Any] | Unset = UNSET
        if not isinstance(self.variants, Unset):
            variants = self.variants.to_dict()

        default_variant: None | str | Unset
        if isinstance(self.default_variant, Unset):
            default_variant = UNSET
        else:
            default_variant = self.default_variant

        rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rules, Unset):
            rules = []
            for rules_item_data in self.rules:
                rules_item = rules_item_data.to_dict()
                rules.append(rules_item)

        override: dict[str, Any] | None | Unset
        if isinstance(self.override, Unset):
            override = UNSET
        elif isinstance(self.override, TenantFlagOverrideType0):
            override = self.override.to_dict()
        else:
            override = self.override

        temporary = self.temporary

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if variants is not UNSET:
            field_dict["variants"] = variants
        if default_variant is not UNSET:
            field_dict["default_variant"] = default_variant
        if rules is not UNSET:
            field_dict["rules"] = rules
        if override is not UNSET:
            field_dict["override"] = override
        if temporary is not UNSET:
            field_dict["temporary"] = temporary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_flag_override_type_0 import TenantFlagOverrideType0
        from ..models.tenant_flag_rule import TenantFlagRule
        from ..models.tenant_flag_update_variants import TenantFlagUpdateVariants

        d = dict(src_dict)
        description = d.pop("description", UNSET)

        enabled = d.pop("enabled", UNSET)

        _variants = d.pop("variants", UNSET)
        variants: TenantFlagUpdateVariants | Unset
        if isinstance(_variants, Unset):
            variants = UNSET
        else:
            variants = TenantFlagUpdateVariants.from_dict(_variants)

        def _parse_default_variant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_variant = _parse_default_variant(d.pop("default_variant", UNSET))

        _rules = d.pop("rules", UNSET)
        rules: list[TenantFlagRule] | Unset = UNSET
        if _rules is not UNSET:
            rules = []
            for rules_item_data in _rules:
                rules_item = TenantFlagRule.from_dict(rules_item_data)

                rules.append(rules_item)

        def _parse_override(data: object) -> None | TenantFlagOverrideType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tenant_flag_override_type_0 = TenantFlagOverrideType0.from_dict(data)

                return componentsschemas_tenant_flag_override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantFlagOverrideType0 | Unset, data)

        override = _parse_override(d.pop("override", UNSET))

        temporary = d.pop("temporary", UNSET)

        tenant_flag_update = cls(
            description=description,
            enabled=enabled,
            variants=variants,
            default_variant=default_variant,
            rules=rules,
            override=override,
            temporary=temporary,
        )

        return tenant_flag_update
