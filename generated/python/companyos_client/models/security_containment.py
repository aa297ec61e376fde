from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SecurityContainment")


@_attrs_define
class SecurityContainment:
    """
    Attributes:
        account_known (bool):
        locked (bool):
        live_refresh_tokens (int):
        sign_ins_since_lock (int):
        contained (bool):
        locked_since (datetime.datetime | None | Unset):
    """

    account_known: bool
    locked: bool
    live_refresh_tokens: int
    sign_ins_since_lock: int
    contained: bool
    locked_since: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_known = self.account_known

        locked = self.locked

        live_refresh_tokens = self.live_refresh_tokens

        sign_ins_since_lock = self.sign_ins_since_lock

        contained = self.contained

        locked_since: None | str | Unset
        if isinstance(self.locked_since, Unset):
            locked_since = UNSET
        elif isinstance(self.locked_since, datetime.datetime):
            locked_since = self.locked_since.isoformat()
        else:
            locked_since = self.locked_since

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_known": account_known,
                "locked": locked,
                "live_refresh_tokens": live_refresh_tokens,
                "sign_ins_since_lock": sign_ins_since_lock,
                "contained": contained,
            }
        )
        if locked_since is not UNSET:
            field_dict["locked_since"] = locked_since

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_known = d.pop("account_known")

        locked = d.pop("locked")

        live_refresh_tokens = d.pop("live_refresh_tokens")

        sign_ins_since_lock = d.pop("sign_ins_since_lock")

        contained = d.pop("contained")

        def _parse_locked_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locked_since_type_0 = datetime.datetime.fromisoformat(data)

                return locked_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        locked_since = _parse_locked_since(d.pop("locked_since", UNSET))

        security_containment = cls(
            account_known=account_known,
            locked=locked,
            live_refresh_tokens=live_refresh_tokens,
            sign_ins_since_lock=sign_ins_since_lock,
            contained=contained,
            locked_since=locked_since,
        )

        security_containment.additional_properties = d
        return security_containment

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
