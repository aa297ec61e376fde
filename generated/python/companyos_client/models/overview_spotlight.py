from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.overview_flag import OverviewFlag
    from ..models.tenant_admin_action import TenantAdminAction
    from ..models.tenant_config_version_summary import TenantConfigVersionSummary


T = TypeVar("T", bound="OverviewSpotlight")


@_attrs_define
class OverviewSpotlight:
    """
    Attributes:
        config_changes (list[TenantConfigVersionSummary]): The newest configuration versions.
        active_flags (list[OverviewFlag]):
        admin_actions (list[TenantAdminAction]):
    """

    config_changes: list[TenantConfigVersionSummary]
    active_flags: list[OverviewFlag]
    admin_actions: list[TenantAdminAction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        config_changes = []
        for config_changes_item_data in self.config_changes:
            config_changes_item = config_changes_item_data.to_dict()
            config_changes.append(config_changes_item)

        active_flags = []
        for active_flags_item_data in self.active_flags:
            active_flags_item = active_flags_item_data.to_dict()
            active_flags.append(active_flags_item)

        admin_actions = []
        for admin_actions_item_data in self.admin_actions:
            admin_actions_item = admin_actions_item_data.to_dict()
            admin_actions.append(admin_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "config_changes": config_changes,
                "active_flags": active_flags,
                "admin_actions": admin_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.overview_flag import OverviewFlag
        from ..models.tenant_admin_action import TenantAdminAction
        from ..models.tenant_config_version_summary import TenantConfigVersionSummary

        d = dict(src_dict)
        config_changes = []
        _config_changes = d.pop("config_changes")
        for config_changes_item_data in _config_changes:
            config_changes_item = TenantConfigVersionSummary.from_dict(config_changes_item_data)

            config_changes.append(config_changes_item)

        active_flags = []
        _active_flags = d.pop("active_flags")
        for active_flags_item_data in _active_flags:
            active_flags_item = OverviewFlag.from_dict(active_flags_item_data)

            active_flags.append(active_flags_item)

        admin_actions = []
        _admin_actions = d.pop("admin_actions")
        for admin_actions_item_data in _admin_actions:
            admin_actions_item = TenantAdminAction.from_dict(admin_actions_item_data)

            admin_actions.append(admin_actions_item)

        overview_spotlight = cls(
            config_changes=config_changes,
            active_flags=active_flags,
            admin_actions=admin_actions,
        )

        overview_spotlight.additional_properties = d
        return overview_spotlight

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
