from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_event_actor_kind import AuditEventActorKind
from ..models.audit_outcome import AuditOutcome

if TYPE_CHECKING:
    from ..models.audit_event_details import AuditEventDetails


T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """
    Example:
        {'id': 'aud_01jc2v8x4m5n6p7q8r9s0t1v2w', 'tenant_id': 'acme', 'position': 42, 'occurred_at':
            '2026-11-01T09:00:00.123456Z', 'actor': 'usr_alice', 'actor_kind': 'user', 'roles': ['tenant_admin'], 'action':
            'tenants:update', 'resource': 'tenant:acme', 'outcome': 'success', 'status': 200, 'request_id':
            'req_01hzx7c9v3m1q2w3e4r5t6y7u8', 'purpose': None, 'details': {'operation_id': 'update_tenant', 'method':
            'PATCH', 'path': '/v1/tenants/acme'}, 'prev_hash':
            '9f2c0e6a4b1d8c7e5f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e', 'hash':
            '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809', 'signature': '3q2-7wX0n6Yx', 'key_id':
            'ak_4f6e1b2c3d4e5f60'}

    Attributes:
        id (str):
        tenant_id (str): The chain: the tenant's id (`_platform` for operations outside tenants).
        position (int): 1-based position in the tenant's chain.
        occurred_at (datetime.datetime):
        actor (str): The subject, or `anonymous`.
        actor_kind (AuditEventActorKind):
        roles (list[str]):
        action (str): The policy action (`x-companyos-action`), else the operation id.
        resource (str): `type:id`.
        outcome (AuditOutcome):
        status (int | None): The HTTP status answered.
        request_id (None | str):
        purpose (None | str): The stated purpose of a cross-tenant read.
        details (AuditEventDetails):
        prev_hash (str):
        hash_ (str): SHA-256 of the canonical JSON of the event and prev_hash.
        signature (str): Ed25519 over `hash` (base64url, no padding).
        key_id (str): The audit signing key's id.
    """

    id: str
    tenant_id: str
    position: int
    occurred_at: datetime.datetime
    actor: str
    actor_kind: AuditEventActorKind
    roles: list[str]
    action: str
    resource: str
    outcome: AuditOutcome
    status: int | None
    request_id: None | str
    purpose: None | str
    details: AuditEventDetails
    prev_hash: str
    hash_: str
    signature: str
    key_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        position = self.position

        occurred_at = self.occurred_at.isoformat()

        actor = self.actor

        actor_kind = self.actor_kind.value

        roles = self.roles

        action = self.action

        resource = self.resource

        outcome = self.outcome.value

        status: int | None
        status = self.status

        request_id: None | str
        request_id = self.request_id

        purpose: None | str
        purpose = self.purpose

        details = self.details.to_dict()

        prev_hash = self.prev_hash

        hash_ = self.hash_

        signature = self.signature

        key_id = self.key_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "position": position,
                "occurred_at": occurred_at,
                "actor": actor,
                "actor_kind": actor_kind,
                "roles": roles,
                "action": action,
                "resource": resource,
                "outcome": outcome,
                "status": status,
                "request_id": request_id,
                "purpose": purpose,
                "details": details,
                "prev_hash": prev_hash,
                "hash": hash_,
                "signature": signature,
                "key_id": key_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_event_details import AuditEventDetails

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        position = d.pop("position")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        actor = d.pop("actor")

        actor_kind = AuditEventActorKind(d.pop("actor_kind"))

        roles = cast(list[str], d.pop("roles"))

        action = d.pop("action")

        resource = d.pop("resource")

        outcome = AuditOutcome(d.pop("outcome"))

        def _parse_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status = _parse_status(d.pop("status"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_purpose(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        purpose = _parse_purpose(d.pop("purpose"))

        details = AuditEventDetails.from_dict(d.pop("details"))

        prev_hash = d.pop("prev_hash")

        hash_ = d.pop("hash")

        signature = d.pop("signature")

        key_id = d.pop("key_id")

        audit_event = cls(
            id=id,
            tenant_id=tenant_id,
            position=position,
            occurred_at=occurred_at,
            actor=actor,
            actor_kind=actor_kind,
            roles=roles,
            action=action,
            resource=resource,
            outcome=outcome,
            status=status,
            request_id=request_id,
            purpose=purpose,
            details=details,
            prev_hash=prev_hash,
            hash_=hash_,
            signature=signature,
            key_id=key_id,
        )

        audit_event.additional_properties = d
        return audit_event

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
