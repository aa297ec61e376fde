"""A dataset's schema (an Arrow-like field list) and the vectorised validation of a chunk against it.

Field: ``{name, type, classification, nullable, max_length?}`` with type one of ``string``, ``integer``,
``number``, ``boolean``, ``timestamp``, ``date``. Text inputs (CSV, NDJSON) arrive as string columns and
are parsed here with Arrow kernels; a value that does not parse makes its row bad (rule ``type``), a
missing required value too (rule ``required``). Fields not classified ``pii`` are scanned for personal
data (:mod:`companyos_server.platform.dataprotection.pii`): a hit quarantines the row (rule
``pii:<kind>``), because undeclared PII must not land in a column classified lower.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from companyos_server import errors
from companyos_server.platform.dataprotection import pii
from companyos_server.platform.dataprotection.redaction import CLASSIFICATIONS

__all__ = ["ARROW_TYPES", "Violation", "arrow_schema", "check_fields", "validate_chunk"]

ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "timestamp": pa.timestamp("us", tz="UTC"),
    "date": pa.date32(),
}
FIELD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
MAX_FIELDS = 200
_PATTERNS = {
    "integer": r"^\s*[+-]?\d{1,18}\s*$",
    "number": r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$",
    "timestamp": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$",
    "date": r"^\d{4}-\d{2}-\d{2}$",
}
_TRUE = ("true", "1", "yes", "y", "t")
_FALSE = ("false", "0", "no", "n", "f")


def check_fields(fields: Any, time_field: str | None = None) -> list[dict[str, Any]]:
    """The schema, normalised; a 400 naming every problem otherwise.

    Two rules relate fields to each other, which a JSON schema cannot state: field names are unique
    (ignoring case) and ``time_field`` names a ``timestamp`` or ``date`` field. Breaking them (in a body
    the contract's schema allows) is a 409 naming every such problem, as the spec documents.
    """
    problems: list[errors.FieldError] = []
    clashes: list[errors.FieldError] = []
    if not isinstance(fields, list) or not fields or len(fields) > MAX_FIELDS:
        raise errors.invalid_argument(
            f"fields must list 1 to {MAX_FIELDS} fields.", [errors.FieldError("fields", "1 to 200 items")]
        )
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, field in enumerate(fields):
        name = field.get("name") if isinstance(field, dict) else None
        if not isinstance(name, str) or not FIELD_NAME.match(name):
            problems.append(
                errors.FieldError(f"fields[{i}].name", "a unique identifier ([A-Za-z][A-Za-z0-9_]*)")
            )
            continue
        if name.lower() in seen:
            clashes.append(errors.FieldError(f"fields[{i}].name", "unique (ignoring case)", "conflict"))
            continue
        if name.startswith("_"):
            problems.append(errors.FieldError(f"fields[{i}].name", "names starting with '_' are reserved"))
        seen.add(name.lower())
        kind = field.get("type")
        if kind not in ARROW_TYPES:
            problems.append(errors.FieldError(f"fields[{i}].type", f"one of {', '.join(ARROW_TYPES)}"))
        classification = field.get("classification")
        if classification not in CLASSIFICATIONS:
            problems.append(
                errors.FieldError(f"fields[{i}].classification", f"one of {', '.join(CLASSIFICATIONS)}")
            )
        max_length = field.get("max_length")
        out.append(
            {
                "name": name,
                "type": kind,
                "classification": classification,
                "nullable": bool(field.get("nullable", True)),
                "max_length": int(max_length) if isinstance(max_length, int) and max_length > 0 else None,
            }
        )
    if time_field is not None and not any(
        f["name"] == time_field and f["type"] in ("timestamp", "date") for f in out
    ):
        clashes.append(errors.FieldError("time_field", "must name a timestamp or date field", "conflict"))
    if problems:
        raise errors.invalid_argument("The dataset schema is not valid.", problems + clashes)
    if clashes:
        raise errors.DomainError(
            "The dataset's fields conflict with each other or with its time_field.",
            409, "Conflict", "conflict", clashes,
        )  # fmt: skip
    return out


def arrow_schema(fields: list[dict[str, Any]], *, provenance: bool = True) -> pa.Schema:
    columns = [pa.field(f["name"], ARROW_TYPES[f["type"]], nullable=True) for f in fields]
    if provenance:
        columns += [
            pa.field("_import_id", pa.string(), nullable=False),
            pa.field("_file", pa.string(), nullable=False),
            pa.field("_row", pa.int64(), nullable=False),
        ]
    return pa.schema(columns)


@dataclass
class Violation:
    index: int  # position in the chunk
    field: str
    rule: str
    detail: str


def _np(mask: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(pc.fill_null(mask, False).to_numpy(zero_copy_only=False), dtype=bool)


def _parse_strings(column: pa.Array, kind: str) -> tuple[pa.Array, np.ndarray]:
    """(typed column, mask of values present but unparseable)."""
    target = ARROW_TYPES[kind]
    stripped = pc.utf8_trim_whitespace(column)
    present = _np(pc.greater(pc.utf8_length(stripped), 0))
    if kind == "string":
        return column, np.zeros(len(column), dtype=bool)
    if kind == "boolean":
        lowered = pc.utf8_lower(stripped)
        is_true, is_false = _np(pc.is_in(lowered, pa.array(_TRUE))), _np(pc.is_in(lowered, pa.array(_FALSE)))
        values = pa.array(np.where(is_true, True, False), pa.bool_(), mask=~(is_true | is_false))
        return values, present & ~(is_true | is_false)
    ok = _np(pc.match_substring_regex(stripped, _PATTERNS[kind])) & present
    candidate = pc.if_else(pa.array(ok), stripped, pa.scalar(None, pa.string()))
    if kind == "timestamp":
        candidate = pc.replace_substring_regex(candidate, r"([+-]\d{2})(\d{2})$", r"\1:\2")
        candidate = pc.replace_substring_regex(candidate, r"([ T:]\d{2}[+-]\d{2})$", r"\1:00")
    try:
        values = pc.cast(candidate, target)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        values, ok = _cast_one_by_one(candidate, target, ok)
    return values, present & ~ok


def _cast_one_by_one(candidate: pa.Array, target: pa.DataType, ok: np.ndarray) -> tuple[pa.Array, np.ndarray]:
    """The slow path, only when the vectorised cast refused something the pattern let through."""
    ok = ok.copy()
    out: list[Any] = []
    for i, value in enumerate(candidate.to_pylist()):
        if value is None:
            out.append(None)
            continue
        try:
            out.append(pc.cast(pa.array([value], pa.string()), target)[0].as_py())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            out.append(None)
            ok[i] = False
    return pa.array(out, target), ok


def _coerce(column: pa.Array, kind: str) -> tuple[pa.Array, np.ndarray]:
    """A typed (Parquet) column to the field's Arrow type; values that do not convert are bad."""
    target = ARROW_TYPES[kind]
    if column.type == target:
        return column, np.zeros(len(column), dtype=bool)
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        return _parse_strings(column.cast(pa.string()), kind)
    try:
        return pc.cast(column, target), np.zeros(len(column), dtype=bool)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return _parse_strings(pc.cast(column, pa.string()), kind)


def validate_chunk(
    raw: pa.Table, fields: list[dict[str, Any]], *, pii_scan: bool = True
) -> tuple[pa.Table, list[Violation]]:
    """(typed table of the good rows, one violation per bad row — its first problem).

    ``raw`` has one column per field (missing columns count as nulls)."""
    n = raw.num_rows
    bad = np.zeros(n, dtype=bool)
    first: dict[int, Violation] = {}
    typed: dict[str, pa.Array] = {}

    def flag(mask: np.ndarray, field: str, rule: str, detail: str) -> None:
        hits = np.flatnonzero(mask & ~bad)
        for i in hits:
            first[int(i)] = Violation(int(i), field, rule, detail)
        bad[hits] = True

    for field in fields:
        name, kind = field["name"], field["type"]
        column = raw.column(name).combine_chunks() if name in raw.column_names else pa.nulls(n, pa.string())
        if pa.types.is_null(column.type):
            column = pa.nulls(n, pa.string())
        values, unparseable = _coerce(column, kind)
        flag(unparseable, name, "type", f"not a valid {kind}")
        if not field["nullable"]:
            flag(_np(pc.is_null(values)), name, "required", "a value is required")
        if kind == "string":
            if field.get("max_length"):
                flag(_np(pc.greater(pc.utf8_length(values), field["max_length"])), name, "max_length",
                     f"longer than {field['max_length']} characters")  # fmt: skip
            if pii_scan and field["classification"] != "pii":
                for detector_kind, mask in pii.scan(values).items():
                    flag(mask, name, f"pii:{detector_kind}",
                         f"looks like {detector_kind.replace('_', ' ')} in a field classified "
                         f"{field['classification']}")  # fmt: skip
        typed[name] = values
    good = pa.array(~bad)
    table = (
        pa.table({f["name"]: typed[f["name"]] for f in fields}).filter(good)
        if n
        else pa.table({f["name"]: pa.array([], ARROW_TYPES[f["type"]]) for f in fields})
    )
    return table, [first[i] for i in sorted(first)]
