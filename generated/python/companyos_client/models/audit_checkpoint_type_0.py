from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditCheckpointType0")


@_attrs_define
class AuditCheckpointType0:
    """A signed statement that the chain had `size` events, the last one hashing to `head_hash`. `hash` is
    SHA-256 of the canonical JSON (sorted keys, no whitespace) of `chain`, `seq`, `size`, `head_hash`,
    `prev_hash`, `issued_at`, `key_id` and `format: "companyos-audit-checkpoint/1"`; `signature` is Ed25519
    over the hash's ASCII hex with the audit key `key_id` (`GET /v1/signing-keys?use=audit`).

        Attributes:
            chain (str): The chain: the tenant's id.
            seq (int): 1, 2, … per chain.
            size (int): Events in the chain when it was signed.
            head_hash (str): The hash of the event at position `size`.
            prev_hash (str): The previous checkpoint's `hash` (64 zeros for the first).
            issued_at (datetime.datetime):
            key_id (str):
            hash_ (str):
            signature (str):
    """

    chain: str
    seq: int
    size: int
    head_hash: str
    prev_hash: str
    issued_at: datetime.datetime
    key_id: str
    hash_: str
    signature: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chain = self.chain

        seq = self.seq

        size = self.size

        head_hash = self.head_hash

        prev_hash = self.prev_hash

        issued_at = self.issued_at.isoformat()

        key_id = self.key_id

        hash_ = self.hash_

        signature = self.signature

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chain": chain,
                "seq": seq,
                "size": size,
                "head_hash": head_hash,
                "prev_hash": prev_hash,
                "issued_at": issued_at,
                "key_id": key_id,
                "hash": hash_,
                "signature": signature,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        chain = d.pop("chain")

        seq = d.pop("seq")

        size = d.pop("size")

        head_hash = d.pop("head_hash")

        prev_hash = d.pop("prev_hash")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        key_id = d.pop("key_id")

        hash_ = d.pop("hash")

        signature = d.pop("signature")

        audit_checkpoint_type_0 = cls(
            chain=chain,
            seq=seq,
            size=size,
            head_hash=head_hash,
            prev_hash=prev_hash,
            issued_at=issued_at,
            key_id=key_id,
            hash_=hash_,
            signature=signature,
        )

        audit_checkpoint_type_0.additional_properties = d
        return audit_checkpoint_type_0

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
