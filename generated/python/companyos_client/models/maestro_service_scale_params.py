from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_environment import MaestroEnvironment
from ..types import UNSET, Unset

T = TypeVar("T", bound="MaestroServiceScaleParams")


@_attrs_define
class MaestroServiceScaleParams:
    """
    Attributes:
        service_id (str):  Example: svc_checkout.
        replicas (int):
        environment (MaestroEnvironment | Unset):
    """

    service_id: str
    replicas: int
    environment: MaestroEnvironment | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        replicas = self.replicas

        environment: str | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service_id": service_id,
                "replicas": replicas,
            }
        )
        if environment is not UNSET:
            field_dict["environment"] = environment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service_id = d.pop("service_id")

        replicas = d.pop("replicas")

        _environment = d.pop("environment", UNSET)
        environment: MaestroEnvironment | Unset
        if isinstance(_environment, Unset):
            environment = UNSET
        else:
            environment = MaestroEnvironment(_environment)

        maestro_service_scale_params = cls(
            service_id=service_id,
            replicas=replicas,
            environment=environment,
        )

        return maestro_service_scale_params
