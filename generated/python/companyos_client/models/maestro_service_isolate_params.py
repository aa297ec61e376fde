from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaestroServiceIsolateParams")


@_attrs_define
class MaestroServiceIsolateParams:
    """Isolate the service (new deployments refused, rollouts gated on it stopped); `release` undoes it.

    Attributes:
        service_id (str):  Example: svc_checkout.
        reason (str | Unset):
        release (bool | Unset):
    """

    service_id: str
    reason: str | Unset = UNSET
    release: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        reason = self.reason

        release = self.release

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service_id": service_id,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if release is not UNSET:
            field_dict["release"] = release

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service_id = d.pop("service_id")

        reason = d.pop("reason", UNSET)

        release = d.pop("release", UNSET)

        maestro_service_isolate_params = cls(
            service_id=service_id,
            reason=reason,
            release=release,
        )

        return maestro_service_isolate_params
