"""Rows from an uploaded file (CSV with a header, NDJSON, or a JSON array), each with where it came from.

Bulk imports (SLI samples, alert history) validate every row before writing any: a reader that fails on
the first bad line would make the user fix one error per upload. So :func:`read_rows` reads the whole
file, collects each unreadable line as a :class:`errors.FieldError` named by its line (``line 7``), and
raises them together; a file that reads cleanly yields ``(line, row)`` pairs for the caller to validate
and report in the same terms.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from companyos_server import errors

FORMATS = ("csv", "ndjson", "json")
MAX_REPORTED = 50
MAX_INTEGER_DIGITS = (
    30  # no count or id of a row is longer; Python refuses past 4,300 digits with a ValueError
)


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise ValueError(f"an integer of more than {MAX_INTEGER_DIGITS} digits")
    return int(digits)


def _loads(text: str) -> Any:
    """JSON within limits: a ValueError (with a reason) for anything a row cannot be, never a RecursionError."""
    try:
        return json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg} (line {exc.lineno})") from None
    except RecursionError:
        raise ValueError("nests too deep") from None


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise errors.invalid_argument(
            f"The file is not UTF-8 (byte {exc.start}); nothing was stored.",
            [errors.FieldError("body", f"not UTF-8 at byte {exc.start}")],
        ) from exc


def _csv(text: str, columns: frozenset[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        yield from _csv_rows(reader, columns)
    except csv.Error as exc:  # a cell past the field limit, a NUL byte
        raise errors.invalid_argument(
            f"The CSV cannot be read at line {reader.line_num}: {exc}; nothing was stored.",
            [errors.FieldError(f"line {reader.line_num}", str(exc))],
        ) from None


def _csv_rows(reader: Any, columns: frozenset[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    header = next(reader, None)
    if not header:
        raise errors.invalid_argument(
            "A CSV import needs a header line naming its columns.", [errors.FieldError("line 1", "no header")]
        )
    names = [name.strip() for name in header]
    unknown = sorted({n for n in names if n not in columns})
    if unknown or len(set(names)) != len(names):
        header_problems = [errors.FieldError("line 1", f"unknown column {n!r}") for n in unknown]
        header_problems += [
            errors.FieldError("line 1", f"column {n!r} repeated")
            for n in sorted(set(names))
            if names.count(n) > 1
        ]
        raise errors.invalid_argument(
            f"The CSV header is not usable; columns are {', '.join(sorted(columns))}.", header_problems
        )
    problems: list[errors.FieldError] = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(names):
            problems.append(
                errors.FieldError(f"line {line}", f"{len(values)} values for {len(names)} columns")
            )
            continue
        yield line, {n: v.strip() for n, v in zip(names, values, strict=True) if v.strip() != ""}
    if problems:
        raise _refused(problems)


def _ndjson(text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    problems: list[errors.FieldError] = []
    # Lines end at "\n" only: a raw U+2028 is legal inside a JSON string, and editors number lines so.
    for line, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            row = _loads(raw)
        except ValueError as exc:
            problems.append(errors.FieldError(f"line {line}", str(exc)))
            continue
        if not isinstance(row, dict):
            problems.append(errors.FieldError(f"line {line}", "must be a JSON object"))
            continue
        yield line, row
    if problems:
        raise _refused(problems)


def _json(text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        document = _loads(text)
    except ValueError as exc:
        raise errors.invalid_argument(
            f"The file cannot be read: {exc}.", [errors.FieldError("body", str(exc))]
        ) from None
    if not isinstance(document, list):
        raise errors.invalid_argument(
            "A JSON import is an array of objects.", [errors.FieldError("body", "must be a JSON array")]
        )
    problems = [
        errors.FieldError(f"item {i}", "must be a JSON object")
        for i, row in enumerate(document, start=1)
        if not isinstance(row, dict)
    ]
    if problems:
        raise _refused(problems)
    yield from enumerate(document, start=1)


def _refused(problems: list[errors.FieldError]) -> errors.DomainError:
    shown = problems[:MAX_REPORTED]
    more = f" (the first {MAX_REPORTED} are listed)" if len(problems) > MAX_REPORTED else ""
    return errors.invalid_argument(f"{len(problems)} row(s) are invalid{more}; nothing was stored.", shown)


def file_body(body: bytes | str | None) -> bytes:
    """An upload's bytes as a handler receives them (bytes, or text for a text media type); never empty."""
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body or b"")
    if not data:
        raise errors.invalid_argument(
            "The request body is the file to import.", [errors.FieldError("body", "missing")]
        )
    return data


def read_rows(
    data: bytes, fmt: str, *, columns: frozenset[str], max_rows: int
) -> list[tuple[int, dict[str, Any]]]:
    """Every row of ``data`` in ``fmt`` (``csv``, ``ndjson`` or ``json``) with its line (its item number
    in a JSON array). CSV cells are strings, empty cells left out; the caller converts and validates."""
    if fmt not in FORMATS:
        raise errors.invalid_argument(
            f"format must be one of {', '.join(FORMATS)}.", [errors.FieldError("format", "unsupported")]
        )
    text = _text(data)
    reader = {
        "csv": lambda: _csv(text, columns),
        "ndjson": lambda: _ndjson(text),
        "json": lambda: _json(text),
    }
    rows: list[tuple[int, dict[str, Any]]] = []
    for line, row in reader[fmt]():
        rows.append((line, row))
        if len(rows) > max_rows:
            raise errors.invalid_argument(
                f"At most {max_rows:,} rows per import; split the file.",
                [errors.FieldError("body", f"more than {max_rows:,} rows")],
            )
    if not rows:
        raise errors.invalid_argument("The file holds no rows.", [errors.FieldError("body", "no rows")])
    return rows


def reject(problems: list[errors.FieldError]) -> None:
    """Raise the per-row problems a caller's validation collected (nothing is written)."""
    if problems:
        raise _refused(problems)
