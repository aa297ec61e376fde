from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.maestro_run_state import MaestroRunState
from ..models.maestro_verification_state import MaestroVerificationState

if TYPE_CHECKING:
    from ..models.maestro_service_verification import MaestroServiceVerification
    from ..models.maestro_verification_checklist import MaestroVerificationChecklist
    from ..models.maestro_verification_window import MaestroVerificationWindow


T = TypeVar("T", bound="MaestroVerification")


@_attrs_define
class MaestroVerification:
    """
    Example:
        {'run_id': 'run_01hzx7c9v3m1q2w3e4r5t6y7u8', 'run_state': 'succeeded', 'state': 'no_data', 'window': {'since':
            '2026-11-01T08:00:00Z', 'until': '2026-11-01T09:30:00Z', 'action_at': '2026-11-01T09:01:00Z'}, 'services':
            [{'service_id': 'svc_checkout', 'state': 'no_data', 'objective': 0.999, 'objective_source': 'default',
            'message': 'No SLI samples for this service in the window.'}], 'checklist': {'source': 'run', 'incident_id':
            None, 'items': [{'id': 'step:restart', 'text': 'Confirm: Every instance of service svc_checkout is restarted
            (rolling).', 'done': True, 'done_by': 'usr_alice', 'done_at': '2026-11-01T09:01:00Z'}]}}

    Attributes:
        run_id (str):
        run_state (MaestroRunState):
        state (MaestroVerificationState): `no_data` when no affected service has SLI samples in the window.
        window (MaestroVerificationWindow):
        services (list[MaestroServiceVerification]):
        checklist (MaestroVerificationChecklist):
    """

    run_id: str
    run_state: MaestroRunState
    state: MaestroVerificationState
    window: MaestroVerificationWindow
    services: list[MaestroServiceVerification]
    checklist: MaestroVerificationChecklist
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = self.run_id

        run_state = self.run_state.value

        state = self.state.value

        window = self.window.to_dict()

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)

        checklist = self.checklist.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
                "run_state": run_state,
                "state": state,
                "window": window,
                "services": services,
                "checklist": checklist,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_service_verification import MaestroServiceVerification
        from ..models.maestro_verification_checklist import MaestroVerificationChecklist
        from ..models.maestro_verification_window import MaestroVerificationWindow

        d = dict(src_dict)
        run_id = d.pop("run_id")

        run_state = MaestroRunState(d.pop("run_state"))

        state = MaestroVerificationState(d.pop("state"))

        window = MaestroVerificationWindow.from_dict(d.pop("window"))

        services = []
        _services = d.pop("services")
        for services_item_data in _services:
            services_item = MaestroServiceVerification.from_dict(services_item_data)

            services.append(services_item)

        checklist = MaestroVerificationChecklist.from_dict(d.pop("checklist"))

        maestro_verification = cls(
            run_id=run_id,
            run_state=run_state,
            state=state,
            window=window,
            services=services,
            checklist=checklist,
        )

        maestro_verification.additional_properties = d
        return maestro_verification

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
