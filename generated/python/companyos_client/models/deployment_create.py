from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.service_environment import ServiceEnvironment
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentCreate")


@_attrs_define
class DeploymentCreate:
    """
    Attributes:
        version (str):
        environment (ServiceEnvironment):
        commit (str | Unset):
        description (str | Unset):
        evidence_pack_ids (list[str] | Unset):
    """

    version: str
    environment: ServiceEnvironment
    commit: str | Unset = UNSET
    description: str | Unset = UNSET
    evidence_pack_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        environment = self.environment.value

        commit = self.commit

        description = self.description

        evidence_pack_ids: list[str] | Unset = UNSET
        if not isinstance(self.evidence_pack_ids, Unset):
            evidence_pack_ids = self.evidence_pack_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "version": version,
                "environment": environment,
            }
        )
        if commit is not UNSET:
            field_dict["commit"] = commit
        if description is not UNSET:
            field_dict["description"] = description
        if evidence_pack_ids is not UNSET:
            field_dict["evidence_pack_ids"] = evidence_pack_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        version = d.pop("version")

        environment = ServiceEnvironment(d.pop("environment"))

        commit = d.pop("commit", UNSET)

        description = d.pop("description", UNSET)

        evidence_pack_ids = cast(list[str], d.pop("evidence_pack_ids", UNSET))

        deployment_create = cls(
            version=version,
            environment=environment,
            commit=commit,
            description=description,
            evidence_pack_ids=evidence_pack_ids,
        )

        return deployment_create
