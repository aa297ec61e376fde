"""What format a file is in, from its name: the one rule the CLI and the console share for uploads.

>>> file_format("events.ndjson.gz")
'ndjson'
>>> file_format("history.JSON")
'json'
>>> file_format("notes.txt") is None
True
"""

from __future__ import annotations

from os import PathLike

__all__ = ["file_format", "is_gzip"]

_BY_SUFFIX = {"csv": "csv", "ndjson": "ndjson", "jsonl": "ndjson", "json": "json", "parquet": "parquet"}


def file_format(name: str | PathLike[str]) -> str | None:
    """``csv``, ``ndjson``, ``json`` or ``parquet`` by the name's last suffix (a ``.gz`` is looked
    through), or None when the name does not say."""
    base = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    parts = [p.lower() for p in base.split(".")[1:] if p.lower() != "gz"]
    return _BY_SUFFIX.get(parts[-1]) if parts else None


def is_gzip(name: str | PathLike[str]) -> bool:
    return str(name).lower().endswith(".gz")
