from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.slo import Slo


T = TypeVar("T", bound="OpenSloImportResult")


@_attrs_define
class OpenSloImportResult:
    """
    Attributes:
        created (list[Slo]):
        replaced (list[Slo]):
    """

    created: list[Slo]
    replaced: list[Slo]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = []
        for created_item_data in self.created:
            created_item = created_item_data.to_dict()
            created.append(created_item)

        replaced = []
        for replaced_item_data in self.replaced:
            replaced_item = replaced_item_data.to_dict()
            replaced.append(replaced_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "replaced": replaced,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.slo import Slo

        d = dict(src_dict)
        created = []
        _created = d.pop("created")
        for created_item_data in _created:
            created_item = Slo.from_dict(created_item_data)

            created.append(created_item)

        replaced = []
        _replaced = d.pop("replaced")
        for replaced_item_data in _replaced:
            replaced_item = Slo.from_dict(replaced_item_data)

            replaced.append(replaced_item)

        open_slo_import_result = cls(
            created=created,
            replaced=replaced,
        )

        open_slo_import_result.additional_properties = d
        return open_slo_import_result

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
