"""Helpers shared by the command modules."""

from __future__ import annotations

import itertools
import json
import sys
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from companyos.formats import file_format, is_gzip
from companyos.types import ServiceEnvironment

from ._context import State
from ._errors import CliError, ExitCode

__all__ = [
    "All",
    "EnvOption",
    "JsonFile",
    "Limit",
    "PageSize",
    "Purpose",
    "labels",
    "limited",
    "merged",
    "one_of",
    "read_json",
    "state",
]

T = TypeVar("T")

Limit = Annotated[int, typer.Option("--limit", "-n", min=1, help="Print at most this many items.")]
All = Annotated[bool, typer.Option("--all", help="Every item (fetches every page; ignores --limit).")]
PageSize = Annotated[int | None, typer.Option("--page-size", min=1, max=500, help="Items per API page.")]
Purpose = Annotated[
    str | None,
    typer.Option("--purpose", help="Why you read another tenant (cross-tenant reads; audited)."),
]


def one_of(literal: Any) -> dict[str, Any]:
    """``typer.Option`` arguments checking a repeatable option against one of the spec's enums (a ``Literal``
    of ``companyos.types``) before any request, with shell completion of its values. (A single-valued option
    is simply annotated with the ``Literal``: typer checks it, lists it in ``--help`` and completes it.)"""
    allowed = typing.get_args(literal)

    def check(values: list[str] | None) -> list[str] | None:
        for value in values or []:
            if value not in allowed:
                raise typer.BadParameter(f"{value!r} is not one of {', '.join(map(repr, allowed))}.")
        return values

    def complete(incomplete: str) -> list[str]:
        return [v for v in allowed if v.startswith(incomplete)]

    return {"callback": check, "autocompletion": complete, "metavar": "<" + "|".join(allowed) + ">"}


EnvOption = Annotated[ServiceEnvironment | None, typer.Option("--env", help="Environment.")]

JsonFile = Annotated[
    Path | None, typer.Option("--file", "-f", help="A JSON file ('-': stdin); options given as well win.")
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


def read_json(file: Path, what: str, *, allowed: Iterable[str] | None = None) -> dict[str, Any]:
    """A JSON object from a file (``-``: stdin); unreadable, invalid or unexpected input is a usage error."""
    try:
        data = json.loads(sys.stdin.read() if str(file) == "-" else file.read_text())
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot read {what} {file}: {exc}", ExitCode.USAGE) from None
    if not isinstance(data, dict):
        raise CliError(f"cannot read {what} {file}: expected a JSON object", ExitCode.USAGE)
    if allowed is not None and (unknown := sorted(set(data) - set(allowed))):
        raise CliError(
            f"cannot read {what} {file}: unknown field(s) {', '.join(unknown)} "
            f"(allowed: {', '.join(sorted(allowed))})",
            ExitCode.USAGE,
        )
    return data


RowFormat = typing.Literal["csv", "ndjson", "json"]
ROW_FORMATS: tuple[RowFormat, ...] = ("csv", "ndjson", "json")
RowFormatOption = Annotated[
    str | None, typer.Option("--format", help="csv, ndjson or json (default: by the file's suffix).")
]


def read_row_file(file: Path, fmt: str | None) -> tuple[bytes, RowFormat]:
    """A bulk-import file's bytes and its format (``--format``, else the file's suffix): the one way every
    ``… import FILE`` command reads its file."""
    if is_gzip(file):
        raise CliError(f"{file} is gzip-compressed: decompress it first (gunzip -k {file})", ExitCode.USAGE)
    chosen = fmt or file_format(file)
    if chosen not in ROW_FORMATS:
        raise CliError(f"cannot tell the format of {file}: give --format csv, ndjson or json", ExitCode.USAGE)
    try:
        content = file.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {file}: {exc.strerror or exc}", ExitCode.USAGE) from None
    return content, typing.cast(RowFormat, chosen)


def merged(base: dict[str, Any], **options: Any) -> dict[str, Any]:
    """``base`` (from ``--file``) with every option that was given (not ``None``) on top."""
    return {**base, **{key: value for key, value in options.items() if value is not None}}
