from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graph_entity_attributes import GraphEntityAttributes


T = TypeVar("T", bound="GraphEntity")


@_attrs_define
class GraphEntity:
    """
    Attributes:
        ref (str):
        kind (str):
        id (str):
        name (str):
        attributes (GraphEntityAttributes):
        exists (bool): false when only an edge names this entity.
        depth (int | Unset): Hops from the root (neighbours only).
        updated_at (datetime.datetime | None | Unset):
    """

    ref: str
    kind: str
    id: str
    name: str
    attributes: GraphEntityAttributes
    exists: bool
    depth: int | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        kind = self.kind

        id = self.id

        name = self.name

        attributes = self.attributes.to_dict()

        exists = self.exists

        depth = self.depth

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "kind": kind,
                "id": id,
                "name": name,
                "attributes": attributes,
                "exists": exists,
            }
        )
        if depth is not UNSET:
            field_dict["depth"] = depth
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.graph_entity_attributes import GraphEntityAttributes

        d = dict(src_dict)
        ref = d.pop("ref")

        kind = d.pop("kind")

        id = d.pop("id")

        name = d.pop("name")

        attributes = GraphEntityAttributes.from_dict(d.pop("attributes"))

        exists = d.pop("exists")

        depth = d.pop("depth", UNSET)

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        graph_entity = cls(
            ref=ref,
            kind=kind,
            id=id,
            name=name,
            attributes=attributes,
            exists=exists,
            depth=depth,
            updated_at=updated_at,
        )

        graph_entity.additional_properties = d
        return graph_entity

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
