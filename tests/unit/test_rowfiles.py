"""The shared reader of bulk-import files: every unreadable line reported at once, nothing else guessed."""

from __future__ import annotations

import pytest

from companyos.formats import file_format, is_gzip
from companyos_server import errors
from companyos_server.platform.rowfiles import read_rows, reject

COLUMNS = frozenset(("ts", "good", "total", "region"))


def fields(exc: pytest.ExceptionInfo[errors.DomainError]) -> list[str]:
    return [e.field for e in exc.value.errors]


def test_csv_rows_keep_their_line_numbers_and_drop_empty_cells() -> None:
    data = b'\xef\xbb\xbfts,good,total,region\r\n1,2,3,eu\r\n\r\n4,5,6,\r\n"7",8,9,"a,b"\r\n'
    assert read_rows(data, "csv", columns=COLUMNS, max_rows=10) == [
        (2, {"ts": "1", "good": "2", "total": "3", "region": "eu"}),
        (4, {"ts": "4", "good": "5", "total": "6"}),
        (5, {"ts": "7", "good": "8", "total": "9", "region": "a,b"}),
    ]


def test_csv_header_and_width_problems_are_named_by_line() -> None:
    with pytest.raises(errors.DomainError) as exc:
        read_rows(b"ts,good,colour,good\n", "csv", columns=COLUMNS, max_rows=10)
    assert fields(exc) == ["line 1", "line 1"] and "columns are" in exc.value.detail
    with pytest.raises(errors.DomainError) as exc:
        read_rows(b"ts,good\n1\n1,2\n1,2,3\n", "csv", columns=COLUMNS, max_rows=10)
    assert fields(exc) == ["line 2", "line 4"]
    with pytest.raises(errors.DomainError) as exc:
        read_rows(b"", "csv", columns=COLUMNS, max_rows=10)
    assert fields(exc) == ["line 1"]


def test_ndjson_and_json_arrays() -> None:
    assert read_rows(b'{"a": 1}\n\n{"b": 2}\n', "ndjson", columns=COLUMNS, max_rows=10) == [
        (1, {"a": 1}),
        (3, {"b": 2}),
    ]
    with pytest.raises(errors.DomainError) as exc:
        read_rows(b'{"a": 1}\n{oops\n[1]\n', "ndjson", columns=COLUMNS, max_rows=10)
    assert fields(exc) == ["line 2", "line 3"]
    assert read_rows(b'[{"a": 1}, {"b": 2}]', "json", columns=COLUMNS, max_rows=10) == [
        (1, {"a": 1}),
        (2, {"b": 2}),
    ]
    with pytest.raises(errors.DomainError) as exc:
        read_rows(b'[{"a": 1}, 2]', "json", columns=COLUMNS, max_rows=10)
    assert fields(exc) == ["item 2"]
    with pytest.raises(errors.DomainError) as exc:
        read_rows(b'{"a": 1}', "json", columns=COLUMNS, max_rows=10)
    assert fields(exc) == ["body"]


def test_limits_encoding_and_format() -> None:
    with pytest.raises(errors.DomainError, match="At most 2 rows"):
        read_rows(b"ts\n1\n2\n3\n", "csv", columns=COLUMNS, max_rows=2)
    with pytest.raises(errors.DomainError, match="not UTF-8"):
        read_rows(b"ts\n\xff\n", "csv", columns=COLUMNS, max_rows=2)
    with pytest.raises(errors.DomainError, match="format must be"):
        read_rows(b"ts\n1\n", "xml", columns=COLUMNS, max_rows=2)
    with pytest.raises(errors.DomainError, match="no rows"):
        read_rows(b"\n\n", "ndjson", columns=COLUMNS, max_rows=2)


def test_reject_lists_at_most_fifty_problems() -> None:
    reject([])
    with pytest.raises(errors.DomainError) as exc:
        reject([errors.FieldError(f"line {n}", "bad") for n in range(60)])
    assert len(exc.value.errors) == 50 and "60 row(s)" in exc.value.detail


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.csv", "csv"),
        ("dir/a.NDJSON.gz", "ndjson"),
        ("a.jsonl", "ndjson"),
        ("C:\\x\\a.json", "json"),
        ("a.parquet", "parquet"),
        ("a.txt", None),
        ("README", None),
        ("a.gz", None),
    ],
)
def test_file_format_by_suffix(name: str, fmt: str | None) -> None:
    assert file_format(name) == fmt
    assert is_gzip(name) == name.endswith(".gz")
