from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.maestro_run_step_compensation_state_type_1 import MaestroRunStepCompensationStateType1
from ..models.maestro_run_step_compensation_state_type_2_type_1 import MaestroRunStepCompensationStateType2Type1
from ..models.maestro_run_step_compensation_state_type_3_type_1 import MaestroRunStepCompensationStateType3Type1
from ..models.maestro_run_step_state import MaestroRunStepState

if TYPE_CHECKING:
    from ..models.maestro_run_step_output_type_0 import MaestroRunStepOutputType0
    from ..models.maestro_step_error import MaestroStepError


T = TypeVar("T", bound="MaestroRunStep")


@_attrs_define
class MaestroRunStep:
    """
    Attributes:
        id (str):
        action (str):
        target (None | str):
        state (MaestroRunStepState):
        attempts (int):
        errors (list[MaestroStepError]):
        output (MaestroRunStepOutputType0 | None):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        compensation_state (MaestroRunStepCompensationStateType1 | MaestroRunStepCompensationStateType2Type1 |
            MaestroRunStepCompensationStateType3Type1 | None):
        compensation_error (None | str):
    """

    id: str
    action: str
    target: None | str
    state: MaestroRunStepState
    attempts: int
    errors: list[MaestroStepError]
    output: MaestroRunStepOutputType0 | None
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    compensation_state: (
        MaestroRunStepCompensationStateType1
        | MaestroRunStepCompensationStateType2Type1
        | MaestroRunStepCompensationStateType3Type1
        | None
    )
    compensation_error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.maestro_run_step_output_type_0 import MaestroRunStepOutputType0

        id = self.id

        action = self.action

        target: None | str
        target = self.target

        state = self.state.value

        attempts = self.attempts

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        output: dict[str, Any] | None
        if isinstance(self.output, MaestroRunStepOutputType0):
            output = self.output.to_dict()
        else:
            output = self.output

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        compensation_state: None | str
        if (
            isinstance(self.compensation_state, MaestroRunStepCompensationStateType1)
            or isinstance(self.compensation_state, MaestroRunStepCompensationStateType2Type1)
            or isinstance(self.compensation_state, MaestroRunStepCompensationStateType3Type1)
        ):
            compensation_state = self.compensation_state.value
        else:
            compensation_state = self.compensation_state

        compensation_error: None | str
        compensation_error = self.compensation_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action": action,
                "target": target,
                "state": state,
                "attempts": attempts,
                "errors": errors,
                "output": output,
                "started_at": started_at,
                "finished_at": finished_at,
                "compensation_state": compensation_state,
                "compensation_error": compensation_error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_run_step_output_type_0 import MaestroRunStepOutputType0
        from ..models.maestro_step_error import MaestroStepError

        d = dict(src_dict)
        id = d.pop("id")

        action = d.pop("action")

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

        state = MaestroRunStepState(d.pop("state"))

        attempts = d.pop("attempts")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = MaestroStepError.from_dict(errors_item_data)

            errors.append(errors_item)

        def _parse_output(data: object) -> MaestroRunStepOutputType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = MaestroRunStepOutputType0.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MaestroRunStepOutputType0 | None, data)

        output = _parse_output(d.pop("output"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

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

        def _parse_compensation_state(
            data: object,
        ) -> (
            MaestroRunStepCompensationStateType1
            | MaestroRunStepCompensationStateType2Type1
            | MaestroRunStepCompensationStateType3Type1
            | None
        ):
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                compensation_state_type_1 = MaestroRunStepCompensationStateType1(data)

                return compensation_state_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                compensation_state_type_2_type_1 = MaestroRunStepCompensationStateType2Type1(data)

                return compensation_state_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                compensation_state_type_3_type_1 = MaestroRunStepCompensationStateType3Type1(data)

                return compensation_state_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                MaestroRunStepCompensationStateType1
                | MaestroRunStepCompensationStateType2Type1
                | MaestroRunStepCompensationStateType3Type1
                | None,
                data,
            )

        compensation_state = _parse_compensation_state(d.pop("compensation_state"))

        def _parse_compensation_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        compensation_error = _parse_compensation_error(d.pop("compensation_error"))

        maestro_run_step = cls(
            id=id,
            action=action,
            target=target,
            state=state,
            attempts=attempts,
            errors=errors,
            output=output,
            started_at=started_at,
            finished_at=finished_at,
            compensation_state=compensation_state,
            compensation_error=compensation_error,
        )

        maestro_run_step.additional_properties = d
        return maestro_run_step

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
