"""PII detection (validators behind pre-filters), redaction policy and watermarks."""

# ruff: noqa: S608  (DuckDB SQL here interpolates only escaped literals: file paths, quoted identifiers)

from __future__ import annotations

import duckdb
import pyarrow as pa
import pytest

from companyos_server.platform.dataprotection import pii, redaction, watermark


@pytest.mark.parametrize(
    ("value", "kinds"),
    [
        ("write to jane.doe@example.org today", ["email"]),
        ("IBAN DE89 3704 0044 0532 0130 00", ["iban"]),
        ("card 4111 1111 1111 1111", ["card_number"]),
        ("card 4111 1111 1111 1112", []),  # fails Luhn
        ("ssn 536-90-4399", ["national_id"]),
        ("call +44 20 7946 0958", ["phone"]),
        ("from 192.168.10.4", ["ip_address"]),
        ("version 1.2.3.4.5 of 2026-01-01", []),
        ("nothing here", []),
    ],
)
def test_detectors(value: str, kinds: list[str]) -> None:
    assert pii.detect_value(value) == kinds


def test_scan_masks_align_with_rows() -> None:
    masks = pii.scan(pa.array(["a", None, "x@y.io", "b", "10.0.0.1"]))
    assert masks["email"].tolist() == [False, False, True, False, False]
    assert masks["ip_address"].tolist() == [False, False, False, False, True]
    assert pii.scan(pa.array([1, 2])) == {}


def test_redaction_policy_defaults_and_tightening() -> None:
    classes = {"a": "public", "b": "confidential", "c": "pii"}
    actions, problems = redaction.resolve(classes, {"a": "drop", "c": "drop"})
    assert actions == {"a": "drop", "b": "mask", "c": "drop"} and problems == []
    _, problems = redaction.resolve(classes, {"c": "keep", "zz": "drop", "b": "explode"})
    assert len(problems) == 3


def test_redaction_sql_matches_python_mask() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT * FROM (VALUES ('abcdefgh'), ('abc'), (NULL)) v(x)")
    masked = [r[0] for r in con.execute(f"SELECT {redaction.sql_expression('x', 'mask')} FROM t").fetchall()]
    assert (
        masked
        == [redaction.mask_value("abcdefgh"), redaction.mask_value("abc"), None]
        == ["******gh", "***", None]
    )
    hashed = con.execute(
        f"SELECT {redaction.sql_expression('x', 'hash', chr(39) + 'salt' + chr(39))} FROM t"
    ).fetchone()
    import hashlib

    assert hashed is not None and hashed[0] == hashlib.sha256(b"saltabcdefgh").hexdigest()
    assert redaction.sql_expression("x", "drop") is None


def test_watermark_sql_matches_python_and_traces() -> None:
    con = duckdb.connect()
    sql = watermark.sql_expression("'exp_1'", "'bob'")
    marks = [
        r[0] for r in con.execute(f"SELECT {sql} FROM (SELECT range AS _export_row FROM range(5))").fetchall()
    ]
    assert marks == [watermark.row_mark("exp_1", "bob", i) for i in range(5)]
    assert watermark.best_match(marks[2:], [("exp_2", "bob"), ("exp_1", "alice"), ("exp_1", "bob")]) == (
        "exp_1",
        "bob",
        1.0,
    )
    assert watermark.best_match(marks, [("exp_2", "bob")]) is None
