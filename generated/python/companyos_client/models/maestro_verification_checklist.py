from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.maestro_verification_checklist_source import MaestroVerificationChecklistSource

if TYPE_CHECKING:
    from ..models.maestro_checklist_item import MaestroChecklistItem


T = TypeVar("T", bound="MaestroVerificationChecklist")


@_attrs_define
class MaestroVerificationChecklist:
    """
    Attributes:
        source (MaestroVerificationChecklistSource):
        incident_id (None | str):
        items (list[MaestroChecklistItem]):
    """

    source: MaestroVerificationChecklistSource
    incident_id: None | str
    items: list[MaestroChecklistItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        incident_id: None | str
        incident_id = self.incident_id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "incident_id": incident_id,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_checklist_item import MaestroChecklistItem

        d = dict(src_dict)
        source = MaestroVerificationChecklistSource(d.pop("source"))

        def _parse_incident_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incident_id = _parse_incident_id(d.pop("incident_id"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = MaestroChecklistItem.from_dict(items_item_data)

            items.append(items_item)

        maestro_verification_checklist = cls(
            source=source,
            incident_id=incident_id,
            items=items,
        )

        maestro_verification_checklist.additional_properties = d
        return maestro_verification_checklist

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
