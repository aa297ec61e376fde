from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.flag_configuration_flags_item_override_type_0 import FlagConfigurationFlagsItemOverrideType0
    from ..models.flag_configuration_flags_item_rules_item import FlagConfigurationFlagsItemRulesItem
    from ..models.flag_configuration_flags_item_variants import FlagConfigurationFlagsItemVariants


T = TypeVar("T", bound="FlagConfigurationFlagsItem")


@_attrs_define
class FlagConfigurationFlagsItem:
    """
    Attributes:
        key (str):
        enabled (bool):
        variants (FlagConfigurationFlagsItemVariants):
        default_variant (None | str):
        rules (list[FlagConfigurationFlagsItemRulesItem]):
        override (FlagConfigurationFlagsItemOverrideType0 | None):
    """

    key: str
    enabled: bool
    variants: FlagConfigurationFlagsItemVariants
    default_variant: None | str
    rules: list[FlagConfigurationFlagsItemRulesItem]
    override: FlagConfigurationFlagsItemOverrideType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.flag_configuration_flags_item_override_type_0 import FlagConfigurationFlagsItemOverrideType0

        key = self.key

        enabled = self.enabled

        variants = self.variants.to_dict()

        default_variant: None | str
        default_variant = self.default_variant

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        override: dict[str, Any] | None
        if isinstance(self.override, FlagConfigurationFlagsItemOverrideType0):
            override = self.override.to_dict()
        else:
            override = self.override

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "enabled": enabled,
                "variants": variants,
                "default_variant": default_variant,
                "rules": rules,
                "override": override,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.flag_configuration_flags_item_override_type_0 import FlagConfigurationFlagsItemOverrideType0
        from ..models.flag_configuration_flags_item_rules_item import FlagConfigurationFlagsItemRulesItem
        from ..models.flag_configuration_flags_item_variants import FlagConfigurationFlagsItemVariants

        d = dict(src_dict)
        key = d.pop("key")

        enabled = d.pop("enabled")

        variants = FlagConfigurationFlagsItemVariants.from_dict(d.pop("variants"))

        def _parse_default_variant(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        default_variant = _parse_default_variant(d.pop("default_variant"))

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = FlagConfigurationFlagsItemRulesItem.from_dict(rules_item_data)

            rules.append(rules_item)

        def _parse_override(data: object) -> FlagConfigurationFlagsItemOverrideType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0 = FlagConfigurationFlagsItemOverrideType0.from_dict(data)

                return override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FlagConfigurationFlagsItemOverrideType0 | None, data)

        override = _parse_override(d.pop("override"))

        flag_configuration_flags_item = cls(
            key=key,
            enabled=enabled,
            variants=variants,
            default_variant=default_variant,
            rules=rules,
            override=override,
        )

        flag_configuration_flags_item.additional_properties = d
        return flag_configuration_flags_item

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
