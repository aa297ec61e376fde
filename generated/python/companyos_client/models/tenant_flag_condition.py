from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tenant_flag_condition_operator import TenantFlagConditionOperator
from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantFlagCondition")


@_attrs_define
class TenantFlagCondition:
    """A test on one evaluation-context attribute (`targetingKey` or any other). `in`/`not_in` compare exactly; `contains`,
    `starts_with`, `ends_with`, `matches` (a regular expression) read strings; `gt`, `gte`, `lt`, `lte` numbers;
    `semver_gte`, `semver_lt` semantic versions; `exists` ignores `values`. An absent attribute satisfies only `not_in`.

        Attributes:
            attribute (str):
            operator (TenantFlagConditionOperator):
            values (list[Any] | Unset):
    """

    attribute: str
    operator: TenantFlagConditionOperator
    values: list[Any] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        attribute = self.attribute

        operator = self.operator.value

        values: list[Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "attribute": attribute,
                "operator": operator,
            }
        )
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attribute = d.pop("attribute")

        operator = TenantFlagConditionOperator(d.pop("operator"))

        values = cast(list[Any], d.pop("values", UNSET))

        tenant_flag_condition = cls(
            attribute=attribute,
            operator=operator,
            values=values,
        )

        return tenant_flag_condition
