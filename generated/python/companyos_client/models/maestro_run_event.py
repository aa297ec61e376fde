from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.maestro_run_event_data import MaestroRunEventData


T = TypeVar("T", bound="MaestroRunEvent")


@_attrs_define
class MaestroRunEvent:
    """The `data:` of one Server-Sent Event.

    Attributes:
        seq (int):
        at (datetime.datetime):
        type_ (str):
        run_id (str):
        step_id (None | str):
        state (str):
        data (MaestroRunEventData):
    """

    seq: int
    at: datetime.datetime
    type_: str
    run_id: str
    step_id: None | str
    state: str
    data: MaestroRunEventData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        at = self.at.isoformat()

        type_ = self.type_

        run_id = self.run_id

        step_id: None | str
        step_id = self.step_id

        state = self.state

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "at": at,
                "type": type_,
                "run_id": run_id,
                "step_id": step_id,
                "state": state,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_run_event_data import MaestroRunEventData

        d = dict(src_dict)
        seq = d.pop("seq")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        type_ = d.pop("type")

        run_id = d.pop("run_id")

        def _parse_step_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        step_id = _parse_step_id(d.pop("step_id"))

        state = d.pop("state")

        data = MaestroRunEventData.from_dict(d.pop("data"))

        maestro_run_event = cls(
            seq=seq,
            at=at,
            type_=type_,
            run_id=run_id,
            step_id=step_id,
            state=state,
            data=data,
        )

        maestro_run_event.additional_properties = d
        return maestro_run_event

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
