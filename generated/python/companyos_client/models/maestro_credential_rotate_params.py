from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MaestroCredentialRotateParams")


@_attrs_define
class MaestroCredentialRotateParams:
    """
    Attributes:
        credential_id (str):
    """

    credential_id: str

    def to_dict(self) -> dict[str, Any]:
        credential_id = self.credential_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "credential_id": credential_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        credential_id = d.pop("credential_id")

        maestro_credential_rotate_params = cls(
            credential_id=credential_id,
        )

        return maestro_credential_rotate_params
