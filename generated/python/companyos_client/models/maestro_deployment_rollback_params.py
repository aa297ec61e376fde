from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaestroDeploymentRollbackParams")


@_attrs_define
class MaestroDeploymentRollbackParams:
    """
    Attributes:
        deployment_id (str):  Example: dep_checkout_42.
        to_deployment_id (str | Unset):  Example: dep_checkout_42.
        service_id (str | Unset):  Example: svc_checkout.
    """

    deployment_id: str
    to_deployment_id: str | Unset = UNSET
    service_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        deployment_id = self.deployment_id

        to_deployment_id = self.to_deployment_id

        service_id = self.service_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deployment_id": deployment_id,
            }
        )
        if to_deployment_id is not UNSET:
            field_dict["to_deployment_id"] = to_deployment_id
        if service_id is not UNSET:
            field_dict["service_id"] = service_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deployment_id = d.pop("deployment_id")

        to_deployment_id = d.pop("to_deployment_id", UNSET)

        service_id = d.pop("service_id", UNSET)

        maestro_deployment_rollback_params = cls(
            deployment_id=deployment_id,
            to_deployment_id=to_deployment_id,
            service_id=service_id,
        )

        return maestro_deployment_rollback_params
