from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deployment_state import DeploymentState
from ..models.service_environment import ServiceEnvironment
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deployment_evidence_pack import DeploymentEvidencePack
    from ..models.deployment_stage import DeploymentStage


T = TypeVar("T", bound="Deployment")


@_attrs_define
class Deployment:
    """
    Attributes:
        id (str):  Example: dep_01jbz8m0000000000000000000.
        tenant_id (str):
        service_id (str):
        service_name (str):
        environment (ServiceEnvironment):
        version (str):
        commit (None | str):
        actor (str):
        state (DeploymentState):
        stages (list[DeploymentStage]):
        evidence_pack_ids (list[str]):
        evidence_packs (list[DeploymentEvidencePack]): The attached packs as the Data Spine describes them (empty when
            the Spine is unavailable).
        rollback_of (None | str): For a rollback, the id of the deployment it rolled back.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        description (None | str | Unset):
    """

    id: str
    tenant_id: str
    service_id: str
    service_name: str
    environment: ServiceEnvironment
    version: str
    commit: None | str
    actor: str
    state: DeploymentState
    stages: list[DeploymentStage]
    evidence_pack_ids: list[str]
    evidence_packs: list[DeploymentEvidencePack]
    rollback_of: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    finished_at: datetime.datetime | None
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        service_id = self.service_id

        service_name = self.service_name

        environment = self.environment.value

        version = self.version

        commit: None | str
        commit = self.commit

        actor = self.actor

        state = self.state.value

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        evidence_pack_ids = self.evidence_pack_ids

        evidence_packs = []
        for evidence_packs_item_data in self.evidence_packs:
            evidence_packs_item = evidence_packs_item_data.to_dict()
            evidence_packs.append(evidence_packs_item)

        rollback_of: None | str
        rollback_of = self.rollback_of

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "service_id": service_id,
                "service_name": service_name,
                "environment": environment,
                "version": version,
                "commit": commit,
                "actor": actor,
                "state": state,
                "stages": stages,
                "evidence_pack_ids": evidence_pack_ids,
                "evidence_packs": evidence_packs,
                "rollback_of": rollback_of,
                "created_at": created_at,
                "updated_at": updated_at,
                "finished_at": finished_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deployment_evidence_pack import DeploymentEvidencePack
        from ..models.deployment_stage import DeploymentStage

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        service_id = d.pop("service_id")

        service_name = d.pop("service_name")

        environment = ServiceEnvironment(d.pop("environment"))

        version = d.pop("version")

        def _parse_commit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        commit = _parse_commit(d.pop("commit"))

        actor = d.pop("actor")

        state = DeploymentState(d.pop("state"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = DeploymentStage.from_dict(stages_item_data)

            stages.append(stages_item)

        evidence_pack_ids = cast(list[str], d.pop("evidence_pack_ids"))

        evidence_packs = []
        _evidence_packs = d.pop("evidence_packs")
        for evidence_packs_item_data in _evidence_packs:
            evidence_packs_item = DeploymentEvidencePack.from_dict(evidence_packs_item_data)

            evidence_packs.append(evidence_packs_item)

        def _parse_rollback_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rollback_of = _parse_rollback_of(d.pop("rollback_of"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        deployment = cls(
            id=id,
            tenant_id=tenant_id,
            service_id=service_id,
            service_name=service_name,
            environment=environment,
            version=version,
            commit=commit,
            actor=actor,
            state=state,
            stages=stages,
            evidence_pack_ids=evidence_pack_ids,
            evidence_packs=evidence_packs,
            rollback_of=rollback_of,
            created_at=created_at,
            updated_at=updated_at,
            finished_at=finished_at,
            description=description,
        )

        deployment.additional_properties = d
        return deployment

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
