"""Hypothesis: any CSV or NDJSON (valid, ragged, bad types, quotes, embedded newlines, huge fields) reads
into chunks whose written and quarantined rows add up to the input rows, each row number exactly once."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companyos_server.domains.datasets.readers import count_rows, iter_chunks
from companyos_server.domains.datasets.schema import check_fields, validate_chunk

FIELDS = check_fields([
    {"name": "id", "type": "integer", "classification": "public", "nullable": False},
    {"name": "label", "type": "string", "classification": "internal"},
    {"name": "amount", "type": "number", "classification": "confidential"},
    {"name": "ok", "type": "boolean", "classification": "public"},
])  # fmt: skip
NAMES = [f["name"] for f in FIELDS]

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=30
)
huge = st.integers(min_value=10_000, max_value=200_000).map(lambda n: "x" * n)
cell = st.one_of(
    st.integers(-(10**20), 10**20).map(str), st.floats(allow_nan=False).map(repr), text,
    st.sampled_from(["true", "no", "", "maybe", '"quoted"', "a,b", "line\nbreak", "bob@example.com"]), huge,
)  # fmt: skip
row = st.lists(cell, min_size=1, max_size=6)  # 4 is the declared width: shorter/longer rows are ragged


def _run(path: Path, fmt: str, options: dict[str, Any]) -> tuple[int, int, list[int]]:
    written = quarantined = 0
    numbers: list[int] = []
    for chunk in iter_chunks(path, fmt, NAMES, options):
        good, violations = validate_chunk(chunk.raw, FIELDS)
        assert good.num_rows + len(violations) == chunk.raw.num_rows
        written += good.num_rows
        quarantined += len(violations) + len(chunk.rejects)
        numbers += chunk.rows.tolist() + [r.row for r in chunk.rejects]
    return written, quarantined, numbers


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(rows=st.lists(row, min_size=0, max_size=60))
def test_csv_rows_are_written_or_quarantined_exactly_once(rows: list[list[str]], tmp_path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(NAMES)
    writer.writerows(rows)
    path = tmp_path / "in.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    options = {"block_size": 1 << 20}
    written, quarantined, numbers = _run(path, "csv", options)
    assert written + quarantined == len(rows) == count_rows(path, "csv", NAMES, options)
    assert sorted(numbers) == list(range(1, len(rows) + 1))


value = st.one_of(st.none(), st.integers(-(10**20), 10**20), st.floats(allow_nan=False, allow_infinity=False),
                  st.booleans(), text, huge, st.lists(st.integers(), max_size=3))  # fmt: skip
record = st.one_of(
    st.fixed_dictionaries({}, optional={n: value for n in NAMES}).map(json.dumps),
    st.sampled_from(["{not json", "[1, 2]", '"a string"', "42", '{"id": 1, "label": "a\\nb"}']),
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(lines=st.lists(record, min_size=0, max_size=80), chunk_rows=st.integers(1, 25))
def test_ndjson_rows_are_written_or_quarantined_exactly_once(
    lines: list[str], chunk_rows: int, tmp_path: Path
) -> None:
    path = tmp_path / "in.ndjson"
    path.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    options = {"chunk_rows": chunk_rows}
    written, quarantined, numbers = _run(path, "ndjson", options)
    assert written + quarantined == len(lines) == count_rows(path, "ndjson", NAMES, options)
    assert sorted(numbers) == list(range(1, len(lines) + 1))
