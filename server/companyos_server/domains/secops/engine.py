"""Sigma detection, evaluated two ways over the same normalised security events.

A *rule set* is one YAML document (or several, ``---``-separated: base rules and the correlation rules
naming them) parsed with pySigma. Its output rules (correlations, and base rules no correlation
references) are what fire.

* Streaming (:class:`StreamingEvaluator`): each base rule's parsed condition is compiled once into
  Python predicates (strings with Sigma wildcards and case-insensitive equality, numbers, ``null``,
  comparison, CIDR, regular expressions, field references, keywords); correlations keep a window of
  matching events per group in memory and are checked on every matching event (the anchor).
* Batch (:func:`run_batch`): the same rule set compiled to SQL by pySigma's SQLite backend and run over a
  time-bounded slice of history loaded into an in-memory SQLite table.

Both fire a correlation at an anchor event when the metric over ``[anchor - timespan, anchor]`` in its
group meets the condition, so a history gives the same detections either way (a test holds them to
it). Field names are the flat event view of :mod:`.events` (``action``, ``outcome``, ``principal``…).
"""

from __future__ import annotations

import ipaddress
import json
import math
import re
import sqlite3
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import yaml
from sigma.backends.sqlite import sqliteBackend
from sigma.collection import SigmaCollection
from sigma.conditions import (
    ConditionAND,
    ConditionFieldEqualsValueExpression,
    ConditionNOT,
    ConditionOR,
    ConditionValueExpression,
)
from sigma.correlations import SigmaCorrelationRule, SigmaCorrelationType
from sigma.exceptions import SigmaError
from sigma.rule import SigmaRule
from sigma.types import (
    CompareOperators,
    SigmaBool,
    SigmaCIDRExpression,
    SigmaCompareExpression,
    SigmaExists,
    SigmaFieldReference,
    SigmaNull,
    SigmaNumber,
    SigmaRegularExpression,
    SigmaString,
)

Event = dict[str, Any]
Predicate = Callable[[Event], bool]
MAX_RULE_BYTES = 64_000
LEVEL_SEVERITY = {
    "critical": "critical", "high": "critical", "medium": "warning", "low": "info", "informational": "info",
}  # fmt: skip
LEVEL_WEIGHT = {"critical": 40.0, "high": 25.0, "medium": 10.0, "low": 3.0, "informational": 1.0}
_KEY_LINE = re.compile(
    r"^\s*(title|id|name|logsource|detection|condition|correlation|timespan|rules|type)\s*:"
)


class RuleProblem(ValueError):
    """A rule set that does not parse or compile; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Detection:
    rule: str  # the stored rule's name
    title: str  # the Sigma rule that fired
    level: str
    group: tuple[tuple[str, str], ...]  # (field, lowercased value) of the correlation's group-by
    at: float  # the anchor event's time (Unix seconds, millisecond precision)
    event_ids: tuple[str, ...]
    metric: float | None = None

    @property
    def key(self) -> tuple[str, str, tuple[tuple[str, str], ...], float]:
        return (self.rule, self.title, self.group, self.at)

    def principal(self, events: dict[str, Event] | None = None) -> str | None:
        for name, value in self.group:
            if name == "principal":
                return value
        if events:
            for event_id in self.event_ids:
                found = events.get(event_id, {}).get("principal")
                if found:
                    return str(found)
        return None


# -- parsing ---------------------------------------------------------------------------------------
def _line_of(text: str, message: str) -> int | None:
    lines = text.splitlines()
    for quoted in re.findall(r"'([^'\n]{1,80})'", message):  # the offending name, where it is used
        for number, line in enumerate(lines, start=1):
            if re.search(rf"(?<![\w-]){re.escape(quoted)}(?![\w-])", line):
                return number
    lowered = message.lower()
    for number, line in enumerate(text.splitlines(), start=1):
        match = _KEY_LINE.match(line)
        if match and match.group(1) in lowered:
            return number
    return None


@dataclass
class RuleSet:
    name: str
    text: str
    collection: SigmaCollection
    outputs: list[SigmaRule | SigmaCorrelationRule]
    level: str
    title: str

    @property
    def correlations(self) -> list[SigmaCorrelationRule]:
        return [r for r in self.outputs if isinstance(r, SigmaCorrelationRule)]

    @property
    def max_timespan(self) -> int:
        return max((r.timespan.seconds for r in self.correlations), default=0)


def parse(name: str, text: str) -> RuleSet:
    """Parse a rule set; a problem names its line when it can be found."""
    if len(text.encode()) > MAX_RULE_BYTES:
        raise RuleProblem(f"the rule is larger than {MAX_RULE_BYTES} bytes")
    try:
        documents = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleProblem(f"not valid YAML: {problem}", mark.line + 1 if mark else None) from None
    if not documents:
        raise RuleProblem("the rule is empty", 1)
    if not all(isinstance(d, dict) for d in documents):
        raise RuleProblem("every YAML document of a Sigma rule must be a mapping", 1)
    try:
        collection = SigmaCollection.from_dicts(documents)
        collection.resolve_rule_references()
        outputs = [
            r for r in collection.get_output_rules() if isinstance(r, SigmaRule | SigmaCorrelationRule)
        ]
        for rule in collection.rules:
            if isinstance(rule, SigmaRule):
                for parsed in rule.detection.parsed_condition:
                    _compile(parsed.parsed)
            elif isinstance(rule, SigmaCorrelationRule) and rule.type.name.lower() not in _SUPPORTED:
                raise RuleProblem(
                    f"correlation type {rule.type.name.lower()} is not supported", _line_of(text, "type")
                )
    except RuleProblem:
        raise
    except SigmaError as exc:
        line = exc.source.line if exc.source is not None and exc.source.line else _line_of(text, str(exc))
        raise RuleProblem(f"not a valid Sigma rule: {exc.args[0] if exc.args else exc}", line) from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise RuleProblem(f"not a valid Sigma rule: {exc}", _line_of(text, str(exc))) from None
    if not outputs:
        raise RuleProblem("the rule set has no rule that produces detections", 1)
    main = outputs[0]
    level = main.level.name.lower() if main.level is not None else "medium"
    return RuleSet(name, text, collection, outputs, level, str(main.title))


# -- compiling a base rule's condition into Python -------------------------------------------------
def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _string_predicate(name: str | None, value: SigmaString) -> Predicate:
    if value.contains_special():
        pattern = re.compile(_regex_of(value), re.I | re.S)

        def match(text: str) -> bool:
            return pattern.fullmatch(text) is not None

    else:
        plain = str(value.to_plain()).lower()

        def match(text: str) -> bool:
            return text.lower() == plain

    if name is None:  # a keyword: any string field
        return lambda e: any(isinstance(v, str) and match(v) for v in e.values())

    def predicate(e: Event) -> bool:
        got = e.get(name)
        if got.__class__ is str:  # the common case, first: a plain string is its own text
            return match(got)
        if isinstance(got, list):
            return any(match(t) for t in (_as_text(x) for x in got) if t is not None)
        text = _as_text(got)
        return text is not None and match(text)

    return predicate


def _regex_of(value: SigmaString) -> str:
    parts = []
    for part in value.s:
        if isinstance(part, str):
            parts.append(re.escape(part))
        elif part.name == "WILDCARD_MULTI":
            parts.append(".*")
        elif part.name == "WILDCARD_SINGLE":
            parts.append(".")
        else:
            raise RuleProblem("placeholders are not supported")
    return "".join(parts)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    try:
        parsed = float(str(value))
    except ValueError:
        return None
    return parsed if math.isfinite(parsed) else None


_COMPARE: dict[CompareOperators, Callable[[float, float], bool]] = {
    CompareOperators.LT: lambda a, b: a < b,
    CompareOperators.LTE: lambda a, b: a <= b,
    CompareOperators.GT: lambda a, b: a > b,
    CompareOperators.GTE: lambda a, b: a >= b,
    CompareOperators.NEQ: lambda a, b: a != b,
}


def _field_predicate(name: str, value: Any) -> Predicate:
    if isinstance(value, SigmaString):
        return _string_predicate(name, value)
    if isinstance(value, SigmaNull):
        return lambda e: e.get(name) is None
    if isinstance(value, SigmaExists):
        wanted = bool(value.exists)
        return lambda e: (e.get(name) is not None) == wanted
    if isinstance(value, SigmaBool):
        expected = bool(value.boolean)
        return lambda e: e.get(name) is expected or _as_text(e.get(name)) == ("true" if expected else "false")
    if isinstance(value, SigmaNumber):
        number = float(value.number)
        return lambda e: _number(e.get(name)) == number
    if isinstance(value, SigmaCompareExpression):
        bound, op = float(value.number.number), _COMPARE[value.op]

        def compare(e: Event) -> bool:
            got = _number(e.get(name))
            return got is not None and op(got, bound)

        return compare
    if isinstance(value, SigmaRegularExpression):
        flags = re.I if any(getattr(f, "name", "") == "IGNORECASE" for f in value.flags) else 0
        pattern = re.compile(
            str(value.regexp.to_plain()) if isinstance(value.regexp, SigmaString) else str(value.regexp),
            flags,
        )

        def regex(e: Event) -> bool:
            text = _as_text(e.get(name))
            return text is not None and pattern.search(text) is not None

        return regex
    if isinstance(value, SigmaCIDRExpression):
        network = value.network

        def cidr(e: Event) -> bool:
            try:
                return ipaddress.ip_address(str(e.get(name))) in network
            except ValueError:
                return False

        return cidr
    if isinstance(value, SigmaFieldReference):
        other = value.field
        return lambda e: e.get(name) is not None and _as_text(e.get(name)) == _as_text(e.get(other))
    raise RuleProblem(f"the value type {type(value).__name__} of field {name!r} is not supported")


def _plain_value(node: Any) -> tuple[str, str] | None:
    """(field, lower-cased value) of a field-equals-plain-string element, else None."""
    if (
        isinstance(node, ConditionFieldEqualsValueExpression)
        and isinstance(node.value, SigmaString)
        and not node.value.contains_special()
    ):
        return node.field, str(node.value.to_plain()).lower()
    return None


def _one_of(name: str, wanted: frozenset[str]) -> Predicate:
    """``name`` equals (case-insensitively) one of ``wanted``: a Sigma value list as one set lookup."""

    def predicate(e: Event) -> bool:
        got = e.get(name)
        if got.__class__ is str:
            return got.lower() in wanted
        if isinstance(got, list):
            return any(t is not None and t.lower() in wanted for t in (_as_text(x) for x in got))
        text = _as_text(got)
        return text is not None and text.lower() in wanted

    return predicate


def _all_of(parts: list[Predicate]) -> Predicate:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        first, second = parts
        return lambda e: first(e) and second(e)
    return lambda e: all(p(e) for p in parts)


def _any_of(parts: list[Predicate]) -> Predicate:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        first, second = parts
        return lambda e: first(e) or second(e)
    return lambda e: any(p(e) for p in parts)


def _compile(node: Any) -> Predicate:
    if isinstance(node, ConditionAND):
        return _all_of([_compile(a) for a in node.args])
    if isinstance(node, ConditionOR):
        plain = [_plain_value(a) for a in node.args]
        fields = {p[0] for p in plain if p is not None}
        if len(node.args) > 1 and None not in plain and len(fields) == 1:
            return _one_of(fields.pop(), frozenset(p[1] for p in plain if p is not None))
        return _any_of([_compile(a) for a in node.args])
    if isinstance(node, ConditionNOT):
        inner = _compile(node.args[0])
        return lambda e: not inner(e)
    if isinstance(node, ConditionFieldEqualsValueExpression):
        return _field_predicate(node.field, node.value)
    if isinstance(node, ConditionValueExpression):
        if not isinstance(node.value, SigmaString):
            raise RuleProblem("keywords must be strings")
        return _string_predicate(None, node.value)
    raise RuleProblem(f"the condition element {type(node).__name__} is not supported")


def _required(node: Any, name: str) -> set[str] | None:
    """The plain values field ``name`` must equal for ``node`` to hold (None: no such constraint)."""
    if isinstance(node, ConditionAND):
        for arg in node.args:
            found = _required(arg, name)
            if found is not None:
                return found
        return None
    if isinstance(node, ConditionOR):
        values: set[str] = set()
        for arg in node.args:
            found = _required(arg, name)
            if found is None:
                return None
            values |= found
        return values
    if (
        isinstance(node, ConditionFieldEqualsValueExpression)
        and node.field == name
        and isinstance(node.value, SigmaString)
        and not node.value.contains_special()
    ):
        return {str(node.value.to_plain()).lower()}
    return None


def _required_values(rule: SigmaRule, name: str) -> set[str] | None:
    found: set[str] = set()
    for condition in rule.detection.parsed_condition:
        values = _required(condition.parsed, name)
        if values is None:
            return None
        found |= values
    return found


def compile_rule(rule: SigmaRule) -> Predicate:
    return _any_of([_compile(p.parsed) for p in rule.detection.parsed_condition])


# -- streaming ---------------------------------------------------------------------------------------
_SUPPORTED = {t.name.lower() for t in SigmaCorrelationType}


def _group_value(value: Any) -> str | None:
    if value is None:
        return None
    return value.lower() if isinstance(value, str) else _as_text(value)


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100
    low = int(position)
    fraction = position - low
    if low + 1 >= len(ordered):
        return ordered[low]
    return ordered[low] * (1 - fraction) + ordered[low + 1] * fraction


@dataclass
class _Correlation:
    rule_set: str
    rule: SigmaCorrelationRule
    slots: dict[str, int]  # referenced base rule (name or id) -> slot
    windows: dict[tuple[tuple[str, str], ...], deque[tuple[float, str, int, Any]]] = field(
        default_factory=lambda: defaultdict(deque)
    )

    def metric(self, window: Sequence[tuple[float, str, int, Any]]) -> float | None:
        kind = self.rule.type.name.lower()
        if kind == "event_count":
            return float(len({eid for _, eid, _, _ in window}))
        if kind == "value_count":
            return float(len({str(v).lower() for _, _, _, v in window if v is not None}))
        if kind in ("temporal", "temporal_ordered"):
            return float(len({slot for _, _, slot, _ in window}))
        numbers = [n for n in (_number(v) for _, _, _, v in window) if n is not None]
        if not numbers:
            return None
        if kind == "value_sum":
            return float(sum(numbers))
        if kind == "value_avg":
            return sum(numbers) / len(numbers)
        percentile = (
            50 if kind == "value_median" else (getattr(self.rule.condition, "percentile", None) or 50)
        )
        return _percentile(numbers, float(percentile))

    def ordered_ok(self, window: Sequence[tuple[float, str, int, Any]]) -> bool:
        previous: float | None = None
        for slot in range(len(self.slots)):
            times = [ts for ts, _, s, _ in window if s == slot and (previous is None or ts > previous)]
            if not times:
                return False
            previous = min(times)
        return True


def _holds(op_name: str, metric: float, count: float) -> bool:
    return {
        "lt": metric < count, "lte": metric <= count, "gt": metric > count, "gte": metric >= count,
        "eq": metric == count, "neq": metric != count,
    }[op_name]  # fmt: skip


class StreamingEvaluator:
    """Evaluates rule sets event by event, keeping correlation windows in memory."""

    def __init__(self, rule_sets: Iterable[RuleSet]) -> None:
        self.base: list[tuple[str, SigmaRule, Predicate, bool, list[tuple[_Correlation, int]]]] = []
        self.correlations: list[_Correlation] = []
        for rule_set in rule_sets:
            by_ref: dict[str, list[tuple[_Correlation, int]]] = defaultdict(list)
            for correlation in rule_set.correlations:
                refs = [r.reference for r in correlation.rules or []]
                state = _Correlation(rule_set.name, correlation, {ref: i for i, ref in enumerate(refs)})
                self.correlations.append(state)
                for i, ref in enumerate(refs):
                    by_ref[ref].append((state, i))
            for rule in rule_set.collection.rules:
                if not isinstance(rule, SigmaRule):
                    continue
                own = {str(r) for r in (rule.name, rule.id) if r}
                links = [link for ref in own for link in by_ref.get(ref, [])]
                output = rule in rule_set.outputs
                if output or links:
                    self.base.append((rule_set.name, rule, compile_rule(rule), output, links))
        # Most rules name the action they are about: index them by it, so an event is only checked
        # against the rules that can match it (the rest are checked for every event).
        by_action: dict[str, list[int]] = defaultdict(list)
        self._any_action: list[int] = []
        for index, (_, rule, _, _, _) in enumerate(self.base):
            actions = _required_values(rule, "action")
            if actions is None:
                self._any_action.append(index)
            else:
                for action in actions:
                    by_action[action].append(index)
        # Per action, every rule to check, in rule order.
        self._by_action = {action: sorted(found + self._any_action) for action, found in by_action.items()}

    def process(self, event: Event) -> list[Detection]:
        """``event`` needs ``id`` and ``ts`` (Unix seconds) besides its fields."""
        found: list[Detection] = []
        ts = round(float(event["ts"]), 3)
        action = event.get("action")
        candidates = self._any_action
        if isinstance(action, str):
            candidates = self._by_action.get(action.lower(), candidates)
        for index in candidates:
            rule_set, rule, predicate, output, links = self.base[index]
            if not predicate(event):
                continue
            if output:
                level = rule.level.name.lower() if rule.level else "medium"
                found.append(Detection(rule_set, str(rule.title), level, (), ts, (str(event["id"]),)))
            for state, slot in links:
                detection = self._correlate(state, slot, event, ts)
                if detection is not None:
                    found.append(detection)
        return found

    def _correlate(self, state: _Correlation, slot: int, event: Event, ts: float) -> Detection | None:
        rule = state.rule
        group_fields = list(rule.group_by or [])
        found = [_group_value(event.get(f)) for f in group_fields]
        values = [v for v in found if v is not None]
        if len(values) != len(found):
            return None
        group = tuple(zip(group_fields, values, strict=True))
        window = state.windows[group]
        fieldref = rule.condition.fieldref if hasattr(rule.condition, "fieldref") else None
        value = event.get(fieldref) if isinstance(fieldref, str) else None
        window.append((ts, str(event["id"]), slot, value))
        start = ts - rule.timespan.seconds
        while window and window[0][0] < start:
            window.popleft()
        current = window if not window or window[-1][0] <= ts else [w for w in window if w[0] <= ts]
        if rule.type.name.lower() == "temporal_ordered" and not state.ordered_ok(current):
            return None
        metric = state.metric(current)
        condition = rule.condition
        count = getattr(condition, "count", None)
        op = getattr(getattr(condition, "op", None), "name", "GTE").lower()
        if rule.type.name.lower() in ("temporal", "temporal_ordered") and count is None:
            count = len(state.slots)
        if metric is None or count is None or not _holds(op, metric, float(count)):
            return None
        level = rule.level.name.lower() if rule.level else "medium"
        ids = tuple(sorted({eid for _, eid, _, _ in current}))
        return Detection(state.rule_set, str(rule.title), level, group, ts, ids, metric)


# -- batch ---------------------------------------------------------------------------------------------
def _iso_ms(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]


def compile_sql(rule_set: RuleSet) -> list[str]:
    """The rule set's output rules as SQLite queries over a table ``logs`` (pySigma SQLite backend)."""
    backend = sqliteBackend(table="logs", timestamp_field="timestamp")
    try:
        return [str(q) for q in backend.convert(rule_set.collection)]
    except SigmaError as exc:
        raise RuleProblem(f"the rule cannot be compiled to SQL: {exc.args[0] if exc.args else exc}") from None


def run_batch(rule_set: RuleSet, events: Sequence[Event]) -> list[Detection]:
    """Evaluate over ``events`` (each with ``id`` and ``ts``) through the compiled SQL."""
    queries = compile_sql(rule_set)
    columns = sorted(
        {k for e in events for k, v in e.items() if k not in ("id", "ts") and not isinstance(v, dict | list)}
    )
    connection = sqlite3.connect(":memory:")
    try:
        names = ["event_id", "timestamp", *[c for c in columns if c not in ("event_id", "timestamp")]]
        quoted = ", ".join(_quote(n) for n in names)
        connection.execute(f"CREATE TABLE logs ({quoted})")
        rows = []
        ordered = sorted(events, key=lambda e: (float(e["ts"]), str(e["id"])))
        for event in ordered:
            row: list[Any] = [str(event["id"]), _iso_ms(round(float(event["ts"]), 3))]
            for name in names[2:]:
                value = event.get(name)
                row.append(value if not isinstance(value, bool) else ("true" if value else "false"))
            rows.append(row)
        connection.executemany(f"INSERT INTO logs VALUES ({', '.join('?' * len(names))})", rows)  # noqa: S608
        by_rowid = {i + 1: str(e["id"]) for i, e in enumerate(ordered)}
        ts_of = {str(e["id"]): round(float(e["ts"]), 3) for e in ordered}
        detections: list[Detection] = []
        for output, query in zip(rule_set.outputs, queries, strict=True):
            detections.extend(_run_one(connection, rule_set, output, query, by_rowid, ts_of, names))
        return detections
    finally:
        connection.close()


def _run_one(
    connection: sqlite3.Connection,
    rule_set: RuleSet,
    output: SigmaRule | SigmaCorrelationRule,
    query: str,
    by_rowid: dict[int, str],
    ts_of: dict[str, float],
    names: list[str],
) -> list[Detection]:
    level = output.level.name.lower() if output.level else "medium"
    title = str(output.title)
    _add_missing_columns(connection, query, names)  # fields a rule names that no event carries
    if isinstance(output, SigmaRule):
        cursor = connection.execute(query.replace("SELECT *", "SELECT event_id", 1))
        return [
            Detection(rule_set.name, title, level, (), ts_of[row[0]], (row[0],)) for row in cursor.fetchall()
        ]
    cursor = connection.execute(query)
    columns = [c[0] for c in cursor.description]
    found = []
    for raw in cursor.fetchall():
        row = dict(zip(columns, raw, strict=True))
        groups = json.loads(row["group_keys"] or "{}")
        group = tuple((k, _group_value(groups.get(k)) or "") for k in output.group_by or [])
        ids = []
        for ref in json.loads(row["event_ids"] or "[]"):
            rowid = str(ref).rsplit(":", 1)[-1]
            if rowid.isdigit() and int(rowid) in by_rowid:
                ids.append(by_rowid[int(rowid)])
        found.append(
            Detection(
                rule_set.name,
                title,
                level,
                group,
                round(float(row["occurrence_time"]), 3),
                tuple(sorted(ids)),
                float(row["metric_value"]) if row["metric_value"] is not None else None,
            )
        )
    return found


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _add_missing_columns(connection: sqlite3.Connection, query: str, names: list[str]) -> None:
    """Add (as NULL) the columns the query names that the table lacks."""
    missing: list[str] = []
    for _ in range(50):
        try:
            connection.execute(f"EXPLAIN {query}")
            return
        except sqlite3.OperationalError as exc:
            match = re.search(r"no such column: (.+)$", str(exc))
            if not match:
                raise RuleProblem(f"the compiled SQL does not run: {exc}") from None
            name = match.group(1).strip().strip('`"')
            if name in names or name in missing:
                raise RuleProblem(f"the compiled SQL does not run: {exc}") from None
            missing.append(name)
            connection.execute(f"ALTER TABLE logs ADD COLUMN {_quote(name)}")
            names.append(name)
