"""SchemaVer evolution rules and the Trino rendering of the canned SQL."""

from __future__ import annotations

import sqlglot

from companyos_server.domains.analytics import taxonomy
from companyos_server.domains.analytics.taxonomy import prop

BASE = {"format": prop("string", required=True), "rows": prop("integer")}


def levels(new: dict) -> list[tuple[str, str | None]]:  # type: ignore[type-arg]
    return [(c.level, c.property) for c in taxonomy.diff(BASE, new)]


def test_additions_revisions_and_breaking_changes_are_classified() -> None:
    assert levels({**BASE, "note": prop("string")}) == [("addition", "note")]
    assert levels({**BASE, "note": prop("string", required=True)}) == [("model", "note")]
    assert levels({"format": BASE["format"]}) == [("model", "rows")]
    assert levels({**BASE, "rows": prop("number")}) == [("revision", "rows")]
    assert levels({**BASE, "rows": prop("string")}) == [("model", "rows")]
    assert levels({**BASE, "format": prop("string")}) == [("revision", "format")]
    assert levels({**BASE, "rows": prop("integer", required=True)}) == [("model", "rows")]
    assert levels({**BASE, "rows": prop("integer", pii="hash")}) == [("revision", "rows")]
    assert (
        taxonomy.required_level(taxonomy.diff(BASE, {"format": BASE["format"], "x": prop("string")}))
        == "model"
    )


def test_bumps() -> None:
    assert taxonomy.bump_level((1, 0, 0), (1, 0, 1)) == "addition"
    assert taxonomy.bump_level((1, 0, 3), (1, 1, 0)) == "revision"
    assert taxonomy.bump_level((1, 2, 3), (2, 0, 0)) == "model"
    assert taxonomy.bump_level((1, 0, 0), (1, 0, 2)) is None
    assert taxonomy.bump_level((1, 0, 0), (2, 1, 0)) is None
    assert taxonomy.parse_version("1-0-0") == (1, 0, 0)
    assert taxonomy.parse_version("1.0.0") is None and taxonomy.parse_version("0-1-0") is None


def test_names_are_object_action() -> None:
    assert taxonomy.NAME_RE.match("Report Exported")
    assert not taxonomy.NAME_RE.match("report_exported")
    assert not taxonomy.NAME_RE.match("Exported")
    assert all(taxonomy.NAME_RE.match(n) for n in taxonomy.BUILTIN)


def test_trino_gets_the_same_sql_through_sqlglot() -> None:
    """Trino/Presto users run the canned queries by transpiling them (docs/analytics.md)."""
    canned = (
        "SELECT day, count(DISTINCT user_hash) AS dau FROM events WHERE day >= CAST('2026-03-01' AS DATE) "
        "AND strpos(flags_on, ',x,') > 0 GROUP BY day ORDER BY day"
    )
    trino = sqlglot.transpile(canned, read="duckdb", write="trino")[0]
    assert trino == (
        "SELECT day, COUNT(DISTINCT user_hash) AS dau FROM events WHERE day >= CAST('2026-03-01' AS DATE) "
        "AND STRPOS(flags_on, ',x,') > 0 GROUP BY day ORDER BY day"
    )
    assert sqlglot.parse_one(trino, read="trino")  # and Trino's parser reads it back
