"""Chunked readers: a staged (decompressed) file as a sequence of chunks with exact row numbers.

Chunks are deterministic for a given file and options (the CSV block size, the NDJSON/Parquet chunk
row count), so a resumed job can skip the chunks it already committed and find the same boundaries.
Rows the parser itself rejects (a ragged CSV row, a malformed JSON line) come back as rejects of the
chunk whose row range covers them. Row numbers are 1-based data rows (a CSV header is not a row; for
NDJSON a row is a non-blank line).
"""

from __future__ import annotations

import bisect
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

__all__ = ["Chunk", "Reject", "as_text", "count_rows", "iter_chunks"]

DEFAULT_BLOCK_BYTES = 4 << 20
DEFAULT_CHUNK_ROWS = 50_000


@dataclass
class Reject:
    row: int
    rule: str
    detail: str
    raw: str


@dataclass
class Chunk:
    index: int
    raw: pa.Table
    rows: np.ndarray  # int64 row numbers of raw's rows
    rejects: list[Reject] = field(default_factory=list)

    @property
    def size(self) -> int:
        return self.raw.num_rows + len(self.rejects)


def _csv_reader(path: Path, names: list[str], options: dict[str, Any], collect: list[Any]) -> Any:
    header = bool(options.get("header", True))

    def on_invalid(row: Any) -> str:
        collect.append(row)
        return "skip"

    read = pacsv.ReadOptions(
        use_threads=False,
        block_size=int(options.get("block_size") or DEFAULT_BLOCK_BYTES),
        encoding=str(options.get("encoding") or "utf-8"),
        column_names=None if header else names,
    )
    parse = pacsv.ParseOptions(
        delimiter=str(options.get("delimiter") or ","),
        quote_char=str(options.get("quote_char") or '"'),
        double_quote=True,
        newlines_in_values=True,
        invalid_row_handler=on_invalid,
    )
    convert = pacsv.ConvertOptions(
        column_types=dict.fromkeys(names, pa.string()),
        include_columns=names,
        include_missing_columns=True,
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )
    return pacsv.open_csv(str(path), read_options=read, parse_options=parse, convert_options=convert)


def _iter_csv(path: Path, names: list[str], options: dict[str, Any]) -> Iterator[Chunk]:
    invalid: list[Any] = []
    offset = 1 if options.get("header", True) else 0
    bad_numbers: list[int] = []  # sorted record numbers of invalid rows seen so far
    bad_by_number: dict[int, Any] = {}
    assigned = 0  # rejects handed to a chunk already
    next_record = 1 + offset  # the record number the next good row may have
    index = 0
    reader = _csv_reader(path, names, options, invalid)
    for batch in reader:
        for row in invalid[len(bad_by_number) :]:
            number = int(row.number)
            bad_by_number[number] = row
            bisect.insort(bad_numbers, number)
        n = batch.num_rows
        numbers = np.empty(n, dtype=np.int64)
        pos = bisect.bisect_left(bad_numbers, next_record)
        i = 0
        candidate = next_record
        while i < n:
            # the run of good records before the next invalid one
            limit = bad_numbers[pos] if pos < len(bad_numbers) else candidate + n - i
            run = min(limit - candidate, n - i)
            numbers[i : i + run] = np.arange(candidate, candidate + run)
            i += run
            candidate += run
            if i < n:
                candidate += 1  # skip the invalid record
                pos += 1
        next_record = candidate
        last = int(numbers[-1]) if n else next_record - 1
        cut = bisect.bisect_right(bad_numbers, last)
        rejects = [_csv_reject(bad_by_number[num], offset) for num in bad_numbers[assigned:cut]]
        assigned = max(assigned, cut)
        yield Chunk(index, pa.Table.from_batches([batch]), numbers - offset, rejects)
        index += 1
    for row in invalid[len(bad_by_number) :]:
        bad_by_number[int(row.number)] = row
        bisect.insort(bad_numbers, int(row.number))
    if assigned < len(bad_numbers):
        empty = pa.table({name: pa.array([], pa.string()) for name in names})
        rejects = [_csv_reject(bad_by_number[num], offset) for num in bad_numbers[assigned:]]
        yield Chunk(index, empty, np.empty(0, dtype=np.int64), rejects)


def _csv_reject(row: Any, offset: int) -> Reject:
    return Reject(
        int(row.number) - offset,
        "ragged_row",
        f"expected {row.expected_columns} columns, found {row.actual_columns}",
        str(row.text)[:2000],
    )


def as_text(value: Any) -> str | None:
    """A JSON value as the text a CSV cell would hold (what validation parses)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return orjson.dumps(value).decode()


def _iter_ndjson(path: Path, names: list[str], options: dict[str, Any]) -> Iterator[Chunk]:
    chunk_rows = int(options.get("chunk_rows") or DEFAULT_CHUNK_ROWS)
    encoding = str(options.get("encoding") or "utf-8")
    index = 0
    row_number = 0
    records: list[dict[str, Any]] = []
    numbers: list[int] = []
    rejects: list[Reject] = []

    def flush() -> Chunk:
        columns = {name: pa.array([as_text(r.get(name)) for r in records], pa.string()) for name in names}
        return Chunk(index, pa.table(columns), np.asarray(numbers, dtype=np.int64), list(rejects))

    with open(path, "rb") as raw:
        stream: Any = (
            raw if encoding.lower() in ("utf-8", "utf8") else io.TextIOWrapper(raw, encoding=encoding)
        )
        for line in stream:
            if isinstance(line, str):
                line = line.encode("utf-8")
            if row_number == 0 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            row_number += 1
            try:
                value = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                rejects.append(
                    Reject(
                        row_number,
                        "malformed_record",
                        f"not JSON: {exc}"[:300],
                        line[:2000].decode("utf-8", "replace"),
                    )
                )
            else:
                if isinstance(value, dict):
                    records.append(value)
                    numbers.append(row_number)
                else:
                    rejects.append(
                        Reject(
                            row_number,
                            "malformed_record",
                            "not a JSON object",
                            line[:2000].decode("utf-8", "replace"),
                        )
                    )
            if len(records) + len(rejects) >= chunk_rows:
                yield flush()
                index += 1
                records, numbers, rejects = [], [], []
    if records or rejects:
        yield flush()


def _iter_parquet(path: Path, names: list[str], options: dict[str, Any]) -> Iterator[Chunk]:
    chunk_rows = int(options.get("chunk_rows") or DEFAULT_CHUNK_ROWS)
    parquet = pq.ParquetFile(str(path))
    present = [n for n in names if n in parquet.schema_arrow.names]
    start = 1
    for index, batch in enumerate(parquet.iter_batches(batch_size=chunk_rows, columns=present)):
        yield Chunk(
            index, pa.Table.from_batches([batch]), np.arange(start, start + batch.num_rows, dtype=np.int64)
        )
        start += batch.num_rows


def iter_chunks(path: Path, fmt: str, names: list[str], options: dict[str, Any]) -> Iterator[Chunk]:
    if fmt == "csv":
        return _iter_csv(path, names, options)
    if fmt == "ndjson":
        return _iter_ndjson(path, names, options)
    if fmt == "parquet":
        return _iter_parquet(path, names, options)
    raise ValueError(f"unknown format {fmt!r}")


def count_rows(path: Path, fmt: str, names: list[str], options: dict[str, Any]) -> int:
    """Input rows (good and bad) of a staged file: what reconciliation compares with the manifest."""
    if fmt == "parquet":
        return int(pq.ParquetFile(str(path)).metadata.num_rows)
    if fmt == "ndjson":
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    invalid: list[Any] = []
    total = sum(b.num_rows for b in _csv_reader(path, names[:1], {**options}, invalid))
    return total + len(invalid)
