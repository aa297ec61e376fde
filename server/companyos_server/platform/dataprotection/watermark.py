"""Deterministic per-row watermarks that name an export and its recipient.

Row ``i`` of export ``E`` for recipient ``R`` carries ``tag(E, R) + sha256("E|R|i")[:8]`` where
``tag(E, R) = sha256("E|R")[:8]``: the tag names the export and recipient, the suffix makes every row's
mark unique and checkable at its position. The export id also goes into each file's Parquet metadata
(``companyos.export_id``), but metadata is easy to strip; the marks survive a re-save, column removal,
reordering and row subsetting as long as the column survives.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

__all__ = [
    "COLUMN",
    "METADATA_KEY",
    "RECIPIENT_KEY",
    "best_match",
    "match_ratio",
    "row_mark",
    "sql_expression",
    "tag",
]

COLUMN = "_watermark"
METADATA_KEY = "companyos.export_id"
RECIPIENT_KEY = "companyos.recipient"


def tag(export_id: str, recipient: str) -> str:
    return hashlib.sha256(f"{export_id}|{recipient}".encode()).hexdigest()[:8]


def row_mark(export_id: str, recipient: str, index: int) -> str:
    return (
        tag(export_id, recipient)
        + hashlib.sha256(f"{export_id}|{recipient}|{index}".encode()).hexdigest()[:8]
    )


def sql_expression(export_literal: str, recipient_literal: str, row_column: str = "_export_row") -> str:
    """The same mark in DuckDB (arguments are SQL string literals), from a zero-based row column."""
    prefix = f"substr(sha256({export_literal} || '|' || {recipient_literal}), 1, 8)"
    suffix = f"substr(sha256({export_literal} || '|' || {recipient_literal} || '|' || CAST({row_column} AS VARCHAR)), 1, 8)"
    return f"{prefix} || {suffix} AS {COLUMN}"


def match_ratio(marks: Sequence[str | None], export_id: str, recipient: str) -> float:
    """The share of marks carrying this export's tag."""
    sample = [m for m in marks if m]
    if not sample:
        return 0.0
    expected = tag(export_id, recipient)
    return sum(1 for m in sample if m[:8] == expected) / len(sample)


def best_match(
    marks: Sequence[str | None], candidates: Iterable[tuple[str, str]], threshold: float = 0.5
) -> tuple[str, str, float] | None:
    """The ``(export_id, recipient, ratio)`` whose marks the file carries most, or None."""
    best: tuple[str, str, float] | None = None
    for export_id, recipient in candidates:
        ratio = match_ratio(marks, export_id, recipient)
        if ratio >= threshold and (best is None or ratio > best[2]):
            best = (export_id, recipient, ratio)
    return best
