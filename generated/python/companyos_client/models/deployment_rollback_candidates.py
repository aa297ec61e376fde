from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_environment import ServiceEnvironment
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deployment import Deployment


T = TypeVar("T", bound="DeploymentRollbackCandidates")


@_attrs_define
class DeploymentRollbackCandidates:
    """
    Attributes:
        service_id (str):
        environment (ServiceEnvironment):
        candidates (list[Deployment]):
        current (Deployment | Unset):
    """

    service_id: str
    environment: ServiceEnvironment
    candidates: list[Deployment]
    current: Deployment | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        environment = self.environment.value

        candidates = []
        for candidates_item_data in self.candidates:
            candidates_item = candidates_item_data.to_dict()
            candidates.append(candidates_item)

        current: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current, Unset):
            current = self.current.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "environment": environment,
                "candidates": candidates,
            }
        )
        if current is not UNSET:
            field_dict["current"] = current

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deployment import Deployment

        d = dict(src_dict)
        service_id = d.pop("service_id")

        environment = ServiceEnvironment(d.pop("environment"))

        candidates = []
        _candidates = d.pop("candidates")
        for candidates_item_data in _candidates:
            candidates_item = Deployment.from_dict(candidates_item_data)

            candidates.append(candidates_item)

        _current = d.pop("current", UNSET)
        current: Deployment | Unset
        if isinstance(_current, Unset):
            current = UNSET
        else:
            current = Deployment.from_dict(_current)

        deployment_rollback_candidates = cls(
            service_id=service_id,
            environment=environment,
            candidates=candidates,
            current=current,
        )

        deployment_rollback_candidates.additional_properties = d
        return deployment_rollback_candidates

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
