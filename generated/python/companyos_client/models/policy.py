from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.policy_effect import PolicyEffect
from ..models.policy_source import PolicySource
from ..models.policy_status import PolicyStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_rule_type_0 import PolicyRuleType0
    from ..models.policy_widening import PolicyWidening


T = TypeVar("T", bound="Policy")


@_attrs_define
class Policy:
    """
    Attributes:
        id (str):
        cedar_id (str): The policy's `@id` in Cedar (tenant policies: `tenant:<tenant>:<id>`).
        source (PolicySource):
        effect (PolicyEffect):
        reason (str):
        text (str): The Cedar source.
        editable (bool):
        enabled (bool):
        version (int | None):
        rule (None | PolicyRuleType0): The structured rule of a tenant policy; null for built-ins.
        updated_by (None | str):
        updated_at (datetime.datetime | None):
        requires_mfa (bool | Unset): A forbid that requires multi-factor authentication: requesting or approving an
            exception to
            it needs step-up, and an exception never applies to a caller without a multi-factor sign-in.
        status (PolicyStatus | Unset): `approved`: in force (or was, until a newer version); `pending`: widens
            permissions and waits for approval; `superseded`: a pending version a newer one replaced.
        widening (list[PolicyWidening] | Unset): The (role, action) pairs this version newly allows (recorded when it
            was proposed, and again when approved).
        approved_by (None | str | Unset):
        approved_at (datetime.datetime | None | Unset):
    """

    id: str
    cedar_id: str
    source: PolicySource
    effect: PolicyEffect
    reason: str
    text: str
    editable: bool
    enabled: bool
    version: int | None
    rule: None | PolicyRuleType0
    updated_by: None | str
    updated_at: datetime.datetime | None
    requires_mfa: bool | Unset = UNSET
    status: PolicyStatus | Unset = UNSET
    widening: list[PolicyWidening] | Unset = UNSET
    approved_by: None | str | Unset = UNSET
    approved_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.policy_rule_type_0 import PolicyRuleType0

        id = self.id

        cedar_id = self.cedar_id

        source = self.source.value

        effect = self.effect.value

        reason = self.reason

        text = self.text

        editable = self.editable

        enabled = self.enabled

        version: int | None
        version = self.version

        rule: dict[str, Any] | None
        if isinstance(self.rule, PolicyRuleType0):
            rule = self.rule.to_dict()
        else:
            rule = self.rule

        updated_by: None | str
        updated_by = self.updated_by

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        requires_mfa = self.requires_mfa

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        widening: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.widening, Unset):
            widening = []
            for widening_item_data in self.widening:
                widening_item = widening_item_data.to_dict()
                widening.append(widening_item)

        approved_by: None | str | Unset
        if isinstance(self.approved_by, Unset):
            approved_by = UNSET
        else:
            approved_by = self.approved_by

        approved_at: None | str | Unset
        if isinstance(self.approved_at, Unset):
            approved_at = UNSET
        elif isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "cedar_id": cedar_id,
                "source": source,
                "effect": effect,
                "reason": reason,
                "text": text,
                "editable": editable,
                "enabled": enabled,
                "version": version,
                "rule": rule,
                "updated_by": updated_by,
                "updated_at": updated_at,
            }
        )
        if requires_mfa is not UNSET:
            field_dict["requires_mfa"] = requires_mfa
        if status is not UNSET:
            field_dict["status"] = status
        if widening is not UNSET:
            field_dict["widening"] = widening
        if approved_by is not UNSET:
            field_dict["approved_by"] = approved_by
        if approved_at is not UNSET:
            field_dict["approved_at"] = approved_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_rule_type_0 import PolicyRuleType0
        from ..models.policy_widening import PolicyWidening

        d = dict(src_dict)
        id = d.pop("id")

        cedar_id = d.pop("cedar_id")

        source = PolicySource(d.pop("source"))

        effect = PolicyEffect(d.pop("effect"))

        reason = d.pop("reason")

        text = d.pop("text")

        editable = d.pop("editable")

        enabled = d.pop("enabled")

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        def _parse_rule(data: object) -> None | PolicyRuleType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rule_type_0 = PolicyRuleType0.from_dict(data)

                return rule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PolicyRuleType0, data)

        rule = _parse_rule(d.pop("rule"))

        def _parse_updated_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        requires_mfa = d.pop("requires_mfa", UNSET)

        _status = d.pop("status", UNSET)
        status: PolicyStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = PolicyStatus(_status)

        _widening = d.pop("widening", UNSET)
        widening: list[PolicyWidening] | Unset = UNSET
        if _widening is not UNSET:
            widening = []
            for widening_item_data in _widening:
                widening_item = PolicyWidening.from_dict(widening_item_data)

                widening.append(widening_item)

        def _parse_approved_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approved_by = _parse_approved_by(d.pop("approved_by", UNSET))

        def _parse_approved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        approved_at = _parse_approved_at(d.pop("approved_at", UNSET))

        policy = cls(
            id=id,
            cedar_id=cedar_id,
            source=source,
            effect=effect,
            reason=reason,
            text=text,
            editable=editable,
            enabled=enabled,
            version=version,
            rule=rule,
            updated_by=updated_by,
            updated_at=updated_at,
            requires_mfa=requires_mfa,
            status=status,
            widening=widening,
            approved_by=approved_by,
            approved_at=approved_at,
        )

        policy.additional_properties = d
        return policy

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
