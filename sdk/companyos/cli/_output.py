"""Rendering results as a rich table, JSON or YAML (``--output``)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["Column", "console", "err_console", "render", "render_list", "render_object"]

Column = tuple[str, str | Callable[[Mapping[str, Any]], Any]]  # (header, key or getter)


def console() -> Console:
    # Piped output (scripts, CI logs) is not squeezed into 80 columns; $COLUMNS still wins.
    wide = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
    return Console(file=sys.stdout, soft_wrap=False, highlight=False, width=wide)


def err_console() -> Console:
    return Console(file=sys.stderr, highlight=False)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "-"
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value) or "-"
    return str(value)


def _value(item: Mapping[str, Any], column: Column) -> Any:
    getter = column[1]
    return getter(item) if callable(getter) else item.get(getter)


def _dump(data: Any, output: str) -> None:
    if output == "json":
        sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")
    else:
        import yaml

        sys.stdout.write(yaml.safe_dump(json.loads(json.dumps(data, default=str)), sort_keys=False))
    sys.stdout.flush()


def render_list(
    items: Iterable[Mapping[str, Any]], columns: Sequence[Column], output: str, title: str | None = None
) -> int:
    """Print items; returns how many were printed."""
    rows = list(items)
    if output != "table":
        _dump(rows, output)
        return len(rows)
    table = Table(title=title, show_lines=False)
    for header, _ in columns:
        table.add_column(header, overflow="fold")
    for item in rows:
        table.add_row(*(Text(_cell(_value(item, c))) for c in columns))  # API text is never markup
    console().print(table)
    return len(rows)


def render_object(obj: Mapping[str, Any], output: str, fields: Sequence[Column] | None = None) -> None:
    if output != "table":
        _dump(dict(obj), output)
        return
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for column in fields or [(key, key) for key in obj]:
        table.add_row(column[0], Text(_cell(_value(obj, column))))
    console().print(table)


def render(data: Any, output: str) -> None:
    """JSON/YAML of anything; a key/value table of a mapping."""
    if isinstance(data, Mapping):
        render_object(data, output)
    else:
        _dump(data, output)
