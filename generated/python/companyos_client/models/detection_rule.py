from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.detection_rule_version import DetectionRuleVersion


T = TypeVar("T", bound="DetectionRule")


@_attrs_define
class DetectionRule:
    """
    Attributes:
        name (str):
        version (int):
        title (str):
        level (str):
        sigma (str):
        enabled (bool):
        builtin (bool):
        created_by (str):
        created_at (datetime.datetime):
        versions (list[DetectionRuleVersion] | Unset):
    """

    name: str
    version: int
    title: str
    level: str
    sigma: str
    enabled: bool
    builtin: bool
    created_by: str
    created_at: datetime.datetime
    versions: list[DetectionRuleVersion] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        title = self.title

        level = self.level

        sigma = self.sigma

        enabled = self.enabled

        builtin = self.builtin

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.versions, Unset):
            versions = []
            for versions_item_data in self.versions:
                versions_item = versions_item_data.to_dict()
                versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "version": version,
                "title": title,
                "level": level,
                "sigma": sigma,
                "enabled": enabled,
                "builtin": builtin,
                "created_by": created_by,
                "created_at": created_at,
            }
        )
        if versions is not UNSET:
            field_dict["versions"] = versions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.detection_rule_version import DetectionRuleVersion

        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version")

        title = d.pop("title")

        level = d.pop("level")

        sigma = d.pop("sigma")

        enabled = d.pop("enabled")

        builtin = d.pop("builtin")

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _versions = d.pop("versions", UNSET)
        versions: list[DetectionRuleVersion] | Unset = UNSET
        if _versions is not UNSET:
            versions = []
            for versions_item_data in _versions:
                versions_item = DetectionRuleVersion.from_dict(versions_item_data)

                versions.append(versions_item)

        detection_rule = cls(
            name=name,
            version=version,
            title=title,
            level=level,
            sigma=sigma,
            enabled=enabled,
            builtin=builtin,
            created_by=created_by,
            created_at=created_at,
            versions=versions,
        )

        detection_rule.additional_properties = d
        return detection_rule

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
