"""Helpers shared by the command modules."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Annotated, TypeVar

import typer

from ._context import State
from ._errors import CliError, ExitCode

__all__ = ["All", "Limit", "PageSize", "Purpose", "labels", "limited", "state"]

T = TypeVar("T")

Limit = Annotated[int, typer.Option("--limit", "-n", min=1, help="Print at most this many items.")]
All = Annotated[bool, typer.Option("--all", help="Every item (fetches every page; ignores --limit).")]
PageSize = Annotated[int | None, typer.Option("--page-size", min=1, max=500, help="Items per API page.")]
Purpose = Annotated[
    str | None,
    typer.Option("--purpose", help="Why you read another tenant (cross-tenant reads; audited)."),
]


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    assert isinstance(obj, State)
    return obj


def limited(items: Iterable[T], limit: int, every: bool) -> Iterator[T]:
    """Items from a lazy pager: pages are fetched only as far as needed."""
    return iter(items) if every else itertools.islice(items, limit)


def labels(values: list[str] | None) -> dict[str, str] | None:
    if not values:
        return None
    result = {}
    for value in values:
        key, sep, val = value.partition("=")
        if not sep or not key:
            raise CliError(f"bad label {value!r}: use KEY=VALUE", ExitCode.USAGE)
        result[key] = val
    return result
