"""Redaction by classification: keep, drop, mask or hash (SHA-256 with a per-export salt).

The default policy: ``public`` and ``internal`` fields are kept, ``confidential`` fields masked and
``pii`` fields hashed. A caller may tighten a field's action (hash → drop) but never loosen PII to
``keep``. :func:`sql_expression` renders an action as a DuckDB expression, so an export redacts
inside the engine at columnar speed; :func:`mask_value` is the same mask in Python (sample rows).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ACTIONS",
    "CLASSIFICATIONS",
    "DEFAULT_POLICY",
    "STRENGTH",
    "mask_value",
    "resolve",
    "sql_expression",
]

CLASSIFICATIONS = ("public", "internal", "confidential", "pii")
ACTIONS = ("keep", "mask", "hash", "drop")
STRENGTH = {"keep": 0, "mask": 1, "hash": 2, "drop": 3}
DEFAULT_POLICY = {"public": "keep", "internal": "keep", "confidential": "mask", "pii": "hash"}
MINIMUM = {"public": "keep", "internal": "keep", "confidential": "keep", "pii": "mask"}


def resolve(
    classifications: dict[str, str], overrides: dict[str, str] | None = None
) -> tuple[dict[str, str], list[str]]:
    """``({field: action}, problems)``: the default per classification, tightened by ``overrides``."""
    actions = {f: DEFAULT_POLICY[c] for f, c in classifications.items()}
    problems: list[str] = []
    for field, action in (overrides or {}).items():
        if field not in classifications:
            problems.append(f"redactions.{field}: no such field")
        elif action not in ACTIONS:
            problems.append(f"redactions.{field}: unknown action '{action}'")
        elif STRENGTH[action] < STRENGTH[MINIMUM[classifications[field]]]:
            problems.append(
                f"redactions.{field}: a {classifications[field]} field cannot be exported with '{action}'"
            )
        else:
            actions[field] = action
    return actions, problems


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_expression(field: str, action: str, salt_param: str = "$salt") -> str | None:
    """A DuckDB select expression for ``field`` under ``action`` (None: the column is dropped)."""
    col = _quote(field)
    if action == "keep":
        return col
    if action == "drop":
        return None
    if action == "hash":
        return f"CASE WHEN {col} IS NULL THEN NULL ELSE sha256({salt_param} || CAST({col} AS VARCHAR)) END AS {col}"
    # mask: keep at most the last two characters of values longer than four
    text = f"CAST({col} AS VARCHAR)"
    return (
        f"CASE WHEN {col} IS NULL THEN NULL WHEN length({text}) > 4 "
        f"THEN repeat('*', length({text}) - 2) || right({text}, 2) "
        f"ELSE repeat('*', length({text})) END AS {col}"
    )


def mask_value(value: Any) -> Any:
    if value is None:
        return None
    text = str(value)
    return "*" * (len(text) - 2) + text[-2:] if len(text) > 4 else "*" * len(text)
