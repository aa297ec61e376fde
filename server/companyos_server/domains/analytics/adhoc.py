"""Ad-hoc queries over a safe SQL subset, checked on sqlglot's parse tree (never on text).

Accepted: one SELECT (CTEs, joins, sub-queries, UNION of SELECTs) over the allow-listed tables, calling
only allow-listed functions. Refused: anything else (DDL/DML, PRAGMA, SET, table functions such as
``read_csv``, ``read_parquet`` or ``file``, a quoted file name as a table, qualified or unknown tables,
file or system functions), so no query text can name a path: the cold tier's files are read only as the
tenant's manifest lists them. The tenant filter is then injected around every table
(:func:`warehouse.scoped`), the result is capped at ``limit`` rows and the query at ``timeout`` seconds.
"""

from __future__ import annotations

from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError

from companyos_server import errors
from companyos_server.domains.analytics.warehouse import TABLES, Backend, scoped

MAX_SQL = 10_000
MAX_ROWS = 10_000
DEFAULT_ROWS = 1_000
TIMEOUT_SECONDS = 10.0

ALLOWED_FUNCTIONS = frozenset(
    {
        # aggregates
        "Count", "Sum", "Avg", "Min", "Max", "CountIf", "ApproxDistinct", "Stddev", "Variance",
        # scalars
        "Abs", "Round", "Floor", "Ceil", "Coalesce", "Greatest", "Least", "If", "Case", "Cast", "TryCast",
        "Lower", "Upper", "Length", "Substring", "Concat", "StrPosition", "Trim",
        "DateTrunc", "TimestampTrunc", "DateDiff", "DateAdd", "DateSub", "CurrentDate", "Extract",
        "TsOrDsToDate", "Date", "Nullif", "Div", "IntDiv", "RowNumber", "Rank", "DenseRank", "Lag", "Lead",
        "Window",
    }
)  # fmt: skip
ALLOWED_ANONYMOUS = frozenset({"date_trunc", "strpos", "count_distinct"})
FORBIDDEN = (
    exp.Insert, exp.Update, exp.Delete, exp.Create, exp.Drop, exp.Alter, exp.Command, exp.Pragma, exp.Set,
    exp.Copy, exp.Merge, exp.Into, exp.Use, exp.Describe, exp.Transaction, exp.Commit, exp.Rollback,
    exp.Attach, exp.Detach, exp.Lateral, exp.Placeholder, exp.Parameter, exp.SessionParameter, exp.Show,
)  # fmt: skip


def _refuse(detail: str) -> errors.DomainError:
    return errors.invalid_argument(
        f"The query is outside the allowed SQL subset: {detail}",
        [errors.FieldError("sql", detail, "unsafe_sql")],
    )


def check(sql: str) -> exp.Expression:
    """The parsed query if it stays inside the subset; raises a 400 DomainError naming what does not."""
    if len(sql) > MAX_SQL:
        raise _refuse(f"longer than {MAX_SQL} characters")
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except (ParseError, sqlglot.errors.TokenError) as exc:
        raise _refuse(f"it does not parse ({(str(exc).splitlines() or [''])[0][:200]})") from None
    except (RecursionError, ValueError, sqlglot.errors.SqlglotError) as exc:  # pathological input
        raise _refuse(f"it does not parse ({type(exc).__name__})") from None
    if len(statements) != 1:
        raise _refuse("exactly one statement is allowed")
    tree = statements[0]
    if not isinstance(tree, exp.Select | exp.Union):
        raise _refuse(f"only SELECT is allowed, not {type(tree).__name__.upper()}")
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    if ctes & set(TABLES):
        raise _refuse("a CTE may not shadow an analytics table")
    for node in tree.walk():
        if isinstance(node, FORBIDDEN):
            raise _refuse(f"{type(node).__name__.upper()} is not allowed")
        if isinstance(node, exp.Table):
            if not isinstance(node.this, exp.Identifier):
                raise _refuse("table functions are not allowed")
            if node.args.get("db") or node.args.get("catalog"):
                raise _refuse("qualified table names are not allowed")
            name = node.name.lower()
            if name not in TABLES and name not in ctes:
                raise _refuse(f"unknown table '{node.name}' (allowed: {', '.join(TABLES)})")
        elif isinstance(node, exp.Anonymous):
            if str(node.this).lower() not in ALLOWED_ANONYMOUS:
                raise _refuse(f"function '{node.this}' is not allowed")
        elif (
            isinstance(node, exp.Func)
            and not isinstance(node, exp.Binary | exp.Connector | exp.Not)
            and type(node).__name__ not in ALLOWED_FUNCTIONS
        ):
            raise _refuse(f"function '{node.sql_name()}' is not allowed")
    return tree


def run(backend: Backend, tenant_id: str, sql: str, *, limit: int = DEFAULT_ROWS) -> dict[str, Any]:
    limit = max(1, min(int(limit), MAX_ROWS))
    tree = check(sql)
    with backend.held():  # the cold files scoped() names stay the ones read
        wrapped = (
            exp.select("*")
            .from_(exp.Subquery(this=scoped(tree, tenant_id, backend), alias="q"))
            .limit(limit + 1)
        )
        try:
            names, rows = backend.execute(backend.render(wrapped), timeout=TIMEOUT_SECONDS)
        except Exception as exc:  # noqa: BLE001 -- the engine's own error (a bad column, a type mismatch, the time limit)
            message = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
            raise errors.invalid_argument(
                f"The query failed: {message}", [errors.FieldError("sql", message, "query_failed")]
            ) from None
    truncated = len(rows) > limit
    return {
        "columns": names,
        "rows": [list(r) for r in rows[:limit]],
        "row_count": min(len(rows), limit),
        "truncated": truncated,
        "limit": limit,
        "dialect": backend.dialect,
    }
