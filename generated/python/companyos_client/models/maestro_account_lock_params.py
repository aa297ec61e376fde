from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaestroAccountLockParams")


@_attrs_define
class MaestroAccountLockParams:
    """
    Attributes:
        account_id (str):
        reason (str | Unset):
    """

    account_id: str
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        reason = d.pop("reason", UNSET)

        maestro_account_lock_params = cls(
            account_id=account_id,
            reason=reason,
        )

        return maestro_account_lock_params
