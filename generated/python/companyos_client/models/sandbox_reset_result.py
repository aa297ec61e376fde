from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sandbox_reset_result_removed import SandboxResetResultRemoved
    from ..models.sandbox_tenant import SandboxTenant


T = TypeVar("T", bound="SandboxResetResult")


@_attrs_define
class SandboxResetResult:
    """
    Attributes:
        sandbox (SandboxTenant):
        removed (SandboxResetResultRemoved): Rows removed, per table.
        removed_files (int):
        evidence_pack_id (str):
        removed_events (int | Unset): Analytics events removed.
    """

    sandbox: SandboxTenant
    removed: SandboxResetResultRemoved
    removed_files: int
    evidence_pack_id: str
    removed_events: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sandbox = self.sandbox.to_dict()

        removed = self.removed.to_dict()

        removed_files = self.removed_files

        evidence_pack_id = self.evidence_pack_id

        removed_events = self.removed_events

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sandbox": sandbox,
                "removed": removed,
                "removed_files": removed_files,
                "evidence_pack_id": evidence_pack_id,
            }
        )
        if removed_events is not UNSET:
            field_dict["removed_events"] = removed_events

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sandbox_reset_result_removed import SandboxResetResultRemoved
        from ..models.sandbox_tenant import SandboxTenant

        d = dict(src_dict)
        sandbox = SandboxTenant.from_dict(d.pop("sandbox"))

        removed = SandboxResetResultRemoved.from_dict(d.pop("removed"))

        removed_files = d.pop("removed_files")

        evidence_pack_id = d.pop("evidence_pack_id")

        removed_events = d.pop("removed_events", UNSET)

        sandbox_reset_result = cls(
            sandbox=sandbox,
            removed=removed,
            removed_files=removed_files,
            evidence_pack_id=evidence_pack_id,
            removed_events=removed_events,
        )

        sandbox_reset_result.additional_properties = d
        return sandbox_reset_result

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
