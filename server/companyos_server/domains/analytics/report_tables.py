"""A report as a table: run any canned report (or an ad-hoc query) from stored parameters, flatten it to
columns and rows, and classify each column for redaction.

Exports and scheduled reports store a report's parameters as the GET operations name them, so a weekly
schedule asks the same question every week; a window without ``until`` ends on the day of the run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pyarrow as pa

from companyos_server import errors
from companyos_server.domains.analytics import adhoc, reports
from companyos_server.domains.analytics.warehouse import Backend
from companyos_server.platform.dataprotection import pii

__all__ = ["REPORTS", "Table", "check_parameters", "classify", "run"]

_DIMENSIONS = ("environment", "client_type", "role")

# report -> (required parameters, optional parameters)
REPORTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "adoption": (("feature",), ("days", "until", "by", "flag", "source", *_DIMENSIONS)),
    "active_users": ((), ("days", "until", "feature", "compare_days", "source", *_DIMENSIONS)),
    "retention": (
        ("start_event", "return_event"),
        ("since", "until", "period_days", "periods", "mode", "breakdown", "source"),
    ),
    "funnel": (("steps",), ("since", "until", "window_days", *_DIMENSIONS)),
    "ops_kpis": ((), ("days", "until", "service_id")),
    "query": (("sql",), ("limit",)),
}

# Columns a report's rows have even when there are none (so redactions can be checked up front).
COLUMNS: dict[str, tuple[str, ...]] = {
    "adoption": ("group", "active_users", "adopters", "adoption_rate", "feature_events"),
    "active_users": ("day", "dau", "wau", "mau", "stickiness"),
    "retention": ("cohort", "group", "period", "size", "retained", "rate"),
    "funnel": ("step", "name", "users", "conversion_from_start", "conversion_from_previous"),
    "ops_kpis": ("day", "uptime", "latency_p50_ms", "latency_p90_ms", "latency_p99_ms"),
}

# What the analytics columns hold: `user_hash` is a pseudonym (still personal data under the GDPR),
# `properties` is free-form event detail.
KNOWN_CLASSIFICATIONS = {"user_hash": "pii", "properties": "confidential", "event_id": "internal"}


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[Any]]
    freshness: dict[str, Any] | None


def check_parameters(report: str, parameters: dict[str, Any] | None) -> dict[str, Any]:
    """The parameters the report takes (others are left out), or 400 naming an unknown or missing one."""
    if report not in REPORTS:
        raise errors.invalid_argument("Unknown report.", [errors.FieldError("report", ", ".join(REPORTS))])
    given = dict(parameters or {})
    required, optional = REPORTS[report]
    known = {p for req, opt in REPORTS.values() for p in (*req, *opt)}
    problems = [
        errors.FieldError(f"parameters.{p}", "no report takes it") for p in sorted(set(given) - known)
    ]
    problems += [errors.FieldError(f"parameters.{p}", f"{report} needs it") for p in required
                 if given.get(p) in (None, "", [])]  # fmt: skip
    if problems:
        raise errors.invalid_argument(f"The parameters do not fit the {report} report.", problems)
    return {k: v for k, v in given.items() if k in required or k in optional}


def _day(parameters: dict[str, Any], name: str) -> date | None:
    from companyos_server.domains.analytics.service import parse_day

    return parse_day(f"parameters.{name}", parameters.get(name))


def _range(parameters: dict[str, Any], today: date) -> tuple[date, date]:
    end = _day(parameters, "until") or today
    start = _day(parameters, "since") or end - timedelta(days=29)
    return start, end


def _dims(parameters: dict[str, Any]) -> dict[str, Any]:
    return {d: parameters.get(d) for d in _DIMENSIONS}


def _call(backend: Backend, tenant_id: str, report: str, p: dict[str, Any], today: date) -> dict[str, Any]:
    until = _day(p, "until") or today
    calls: dict[str, Callable[[], dict[str, Any]]] = {
        "adoption": lambda: reports.adoption(
            backend, tenant_id, feature=p["feature"], days=p.get("days", 30), until=until, by=p.get("by", "tenant"),
            flag=p.get("flag"), source=p.get("source", "materialized"), **_dims(p),
        ),
        "active_users": lambda: reports.active_users(
            backend, tenant_id, days=p.get("days", 30), until=until, feature=p.get("feature"),
            compare_days=p.get("compare_days", 7), source=p.get("source", "materialized"), **_dims(p),
        ),
        "retention": lambda: reports.retention(
            backend, tenant_id, start_event=p["start_event"], return_event=p["return_event"],
            since=_range(p, today)[0], until=_range(p, today)[1], period_days=p.get("period_days", 1),
            periods=p.get("periods", 7), mode=p.get("mode", "n_day"), breakdown=p.get("breakdown"),
            source=p.get("source", "materialized"),
        ),
        "funnel": lambda: reports.funnel(
            backend, tenant_id, steps=list(p["steps"]), since=_range(p, today)[0], until=_range(p, today)[1],
            window_days=p.get("window_days", 7), **_dims(p),
        ),
        "ops_kpis": lambda: reports.ops_kpis(
            backend, tenant_id, days=p.get("days", 30), until=until, service_id=p.get("service_id")
        ),
        "query": lambda: adhoc.run(backend, tenant_id, p["sql"], limit=p.get("limit", adhoc.DEFAULT_ROWS)),
    }  # fmt: skip
    return calls[report]()


def _retention_rows(result: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for cohort in result["cohorts"]:
        for period, (retained, rate) in enumerate(zip(cohort["retained"], cohort["rates"], strict=True)):
            rows.append([cohort["cohort"], cohort["group"], period, cohort["size"], retained, rate])
    return rows


def run(backend: Backend, tenant_id: str, report: str, parameters: dict[str, Any], today: date) -> Table:
    """Run the report for ``tenant_id`` (through the same tenant-filtered code as its GET operation)."""
    p = check_parameters(report, parameters)
    result = _call(backend, tenant_id, report, p, today)
    if report == "query":
        return Table(list(result["columns"]), [list(r) for r in result["rows"]], None)
    columns = list(COLUMNS[report])
    if report == "retention":
        rows = _retention_rows(result)
    else:
        items = result["groups" if report == "adoption" else "steps" if report == "funnel" else "series"]
        rows = [[item.get(c) for c in columns] for item in items]
    return Table(columns, rows, result.get("freshness"))


_RANK = {"public": 0, "internal": 1, "confidential": 2, "pii": 3}


def _strongest(*found: str | None) -> str:
    return max((f for f in found if f), key=_RANK.__getitem__, default="internal")


def _lineage(sql: str, width: int) -> list[str | None]:
    """Per output column of an ad-hoc query, the strongest classification among the stored columns it is
    computed from (through CTEs, sub-queries, unions and renames). An aggregate count reveals no value.
    When the lineage cannot be traced, every column gets the strongest class the query reads at all."""
    import sqlglot
    from sqlglot import exp
    from sqlglot.lineage import lineage
    from sqlglot.optimizer.qualify import qualify

    from companyos_server.domains.analytics.warehouse import COLUMNS, ROLLUP_COLUMNS

    schema: dict[str, object] = {
        "events": {c: t for c, t, _ in COLUMNS},
        "daily_usage": {c: t for c, t, _ in ROLLUP_COLUMNS},
    }
    tree = sqlglot.parse_one(sql, read="duckdb")
    read = {c.name for c in tree.find_all(exp.Column)} | (
        {"user_hash", "properties"} if tree.find(exp.Star) else set()
    )
    fallback = _strongest(*(KNOWN_CLASSIFICATIONS.get(c) for c in read))
    try:
        tree = qualify(tree, schema=schema, dialect="duckdb")
        selects = tree.selects if isinstance(tree, exp.Query) else []
        names = [p.alias_or_name for p in selects]
        if len(selects) != width or len(set(names)) != len(names):  # lineage is asked by name
            return [fallback] * width
        out: list[str | None] = []
        for projection in selects:
            if isinstance(projection.unalias(), exp.Count | exp.ApproxDistinct):
                out.append(None)
                continue
            node = lineage(projection.alias_or_name, tree, schema=schema, dialect="duckdb")
            sources = {n.name.rsplit(".", 1)[-1].strip('"') for n in node.walk() if not n.downstream}
            out.append(_strongest(*(KNOWN_CLASSIFICATIONS.get(src) for src in sources)))
        return out
    except Exception:  # noqa: BLE001 -- sqlglot cannot trace every construct; then be strict, never lax
        return [fallback] * width


def classify(table: Table, sql: str | None = None) -> dict[str, str]:
    """Each column's classification, the strongest of: what the stored columns it is computed from hold
    (an ad-hoc query's lineage: ``user_hash`` is a pseudonym, still personal data under the GDPR;
    ``properties`` free-form event detail), what its name says, and whether one of its text values looks
    like personal data; ``internal`` otherwise."""
    traced = _lineage(sql, len(table.columns)) if sql else [None] * len(table.columns)
    out: dict[str, str] = {}
    for i, name in enumerate(table.columns):
        texts = [r[i] for r in table.rows if isinstance(r[i], str)]
        found = texts and any(mask.any() for mask in pii.scan(pa.array(texts, pa.string())).values())
        out[name] = _strongest(traced[i], KNOWN_CLASSIFICATIONS.get(name), "pii" if found else None)
    return out
