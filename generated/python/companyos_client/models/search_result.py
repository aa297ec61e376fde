from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_match import SearchMatch
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.search_result_attributes import SearchResultAttributes


T = TypeVar("T", bound="SearchResult")


@_attrs_define
class SearchResult:
    """
    Attributes:
        ref (str): `<kind>:<id>`, usable with the inspect operation.
        kind (str):
        id (str):
        name (str):
        match (SearchMatch): `exact`: the whole name; `prefix`: the name starts with the query; `name`: every word in
            the name; `body`: elsewhere.
        attributes (SearchResultAttributes):
        environment (None | str | Unset):
    """

    ref: str
    kind: str
    id: str
    name: str
    match: SearchMatch
    attributes: SearchResultAttributes
    environment: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        kind = self.kind

        id = self.id

        name = self.name

        match = self.match.value

        attributes = self.attributes.to_dict()

        environment: None | str | Unset
        if isinstance(self.environment, Unset):
            environment = UNSET
        else:
            environment = self.environment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "kind": kind,
                "id": id,
                "name": name,
                "match": match,
                "attributes": attributes,
            }
        )
        if environment is not UNSET:
            field_dict["environment"] = environment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.search_result_attributes import SearchResultAttributes

        d = dict(src_dict)
        ref = d.pop("ref")

        kind = d.pop("kind")

        id = d.pop("id")

        name = d.pop("name")

        match = SearchMatch(d.pop("match"))

        attributes = SearchResultAttributes.from_dict(d.pop("attributes"))

        def _parse_environment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment = _parse_environment(d.pop("environment", UNSET))

        search_result = cls(
            ref=ref,
            kind=kind,
            id=id,
            name=name,
            match=match,
            attributes=attributes,
            environment=environment,
        )

        search_result.additional_properties = d
        return search_result

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
