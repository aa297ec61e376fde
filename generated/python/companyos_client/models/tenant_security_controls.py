from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantSecurityControls")


@_attrs_define
class TenantSecurityControls:
    """Security playbook controls in force (Maestro `tenant.enforce_step_up`, `tenant.raise_logging`), each until the time
    shown; null when off.

        Attributes:
            step_up_enforced_until (datetime.datetime | None | Unset): Until then every change by a person needs a multi-
                factor sign-in in the last 15 minutes.
            audit_reads_until (datetime.datetime | None | Unset): Until then the tenant's reads are audited too, not only
                its changes and denials.
    """

    step_up_enforced_until: datetime.datetime | None | Unset = UNSET
    audit_reads_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        step_up_enforced_until: None | str | Unset
        if isinstance(self.step_up_enforced_until, Unset):
            step_up_enforced_until = UNSET
        elif isinstance(self.step_up_enforced_until, datetime.datetime):
            step_up_enforced_until = self.step_up_enforced_until.isoformat()
        else:
            step_up_enforced_until = self.step_up_enforced_until

        audit_reads_until: None | str | Unset
        if isinstance(self.audit_reads_until, Unset):
            audit_reads_until = UNSET
        elif isinstance(self.audit_reads_until, datetime.datetime):
            audit_reads_until = self.audit_reads_until.isoformat()
        else:
            audit_reads_until = self.audit_reads_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if step_up_enforced_until is not UNSET:
            field_dict["step_up_enforced_until"] = step_up_enforced_until
        if audit_reads_until is not UNSET:
            field_dict["audit_reads_until"] = audit_reads_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_step_up_enforced_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                step_up_enforced_until_type_0 = datetime.datetime.fromisoformat(data)

                return step_up_enforced_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        step_up_enforced_until = _parse_step_up_enforced_until(d.pop("step_up_enforced_until", UNSET))

        def _parse_audit_reads_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                audit_reads_until_type_0 = datetime.datetime.fromisoformat(data)

                return audit_reads_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        audit_reads_until = _parse_audit_reads_until(d.pop("audit_reads_until", UNSET))

        tenant_security_controls = cls(
            step_up_enforced_until=step_up_enforced_until,
            audit_reads_until=audit_reads_until,
        )

        tenant_security_controls.additional_properties = d
        return tenant_security_controls

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
