from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AnalyticsQuery")


@_attrs_define
class AnalyticsQuery:
    """
    Attributes:
        sql (str): One read-only SELECT in the allowed subset (anything else is 400 `unsafe_sql`): a grammar a schema
            cannot state (`x-companyos-grammar`). Example: SELECT feature, count(*) AS n FROM events GROUP BY feature ORDER
            BY n DESC.
        limit (int | Unset):  Default: 1000.
    """

    sql: str
    limit: int | Unset = 1000

    def to_dict(self) -> dict[str, Any]:
        sql = self.sql

        limit = self.limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sql": sql,
            }
        )
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sql = d.pop("sql")

        limit = d.pop("limit", UNSET)

        analytics_query = cls(
            sql=sql,
            limit=limit,
        )

        return analytics_query
