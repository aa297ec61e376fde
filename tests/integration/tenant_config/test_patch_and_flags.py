"""The RFC 6902 diff and the flag evaluation order, without HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from companyos_server.domains.tenant_config import flags, patch
from companyos_server.domains.tenant_config.store import FlagRow

CASES: list[tuple[Any, Any]] = [
    ({}, {"a": 1}),
    ({"a": 1, "b": {"c": [1, 2, 3]}}, {"a": 2, "b": {"c": [1, 3]}}),
    ({"list": [1]}, {"list": [1, {"x": "y"}, 3]}),
    ({"a/b": {"~t": 1}}, {"a/b": {"~t": 2}}),
    ({"flag": True}, {"flag": 1}),
    ({"gone": None, "keep": "x"}, {"keep": "x"}),
    ([1, 2], {"now": "an object"}),
]


@pytest.mark.parametrize(("old", "new"), CASES)
def test_diff_then_apply_round_trips(old: Any, new: Any) -> None:
    ops = patch.diff(old, new)
    assert patch.apply(old, ops) == new
    assert patch.diff(new, new) == []


def test_diff_operations_are_rfc6902() -> None:
    ops = patch.diff(
        {"a": {"b": 1}, "l": [1, 2, 3], "x/y": 0}, {"a": {"b": 2}, "l": [1], "x/y": 0, "n": None}
    )
    assert ops == [
        {"op": "replace", "path": "/a/b", "value": 2},
        {"op": "remove", "path": "/l/2"},
        {"op": "remove", "path": "/l/1"},
        {"op": "add", "path": "/n", "value": None},
    ]
    assert patch.diff({"a~b/c": 1}, {"a~b/c": 2}) == [{"op": "replace", "path": "/a~0b~1c", "value": 2}]
    assert patch.diff({"f": True}, {"f": 1}) == [{"op": "replace", "path": "/f", "value": 1}]


def _flag(**fields: Any) -> FlagRow:
    base: dict[str, Any] = {
        "key": "f",
        "tenant_id": "acme",
        "description": "",
        "enabled": False,
        "variants": {},
        "default_variant": None,
        "rules": [],
        "override": None,
    }
    return FlagRow(**{**base, **fields})


def test_evaluation_order_override_then_rule_then_default() -> None:
    row = _flag(
        enabled=True,
        variants={"on": "v1", "beta": "v2"},
        default_variant="on",
        rules=[
            {"name": "beta-in-staging", "environments": ["staging"], "enabled": True, "variant": "beta"},
            {"name": "off-in-sandbox", "environments": ["sandbox", "staging"], "enabled": False},
        ],
    )
    prod, staging, sandbox = (flags.evaluate(row, env) for env in ("production", "staging", "sandbox"))
    assert (prod["value"], prod["decided_by"], prod["reason"]) == ("v1", "default", "DEFAULT")
    assert (staging["value"], staging["decided_by"]) == ("v2", "rule:beta-in-staging")  # first match wins
    assert (sandbox["enabled"], sandbox["value"], sandbox["decided_by"]) == (
        False,
        False,
        "rule:off-in-sandbox",
    )

    row.override = {"enabled": False, "reason": "incident"}
    assert {flags.evaluate(row, env)["decided_by"] for env in ("production", "staging")} == {"override"}
    assert flags.evaluate(row, "staging")["enabled"] is False
    assert flags.evaluate(_flag(), "production")["reason"] == "DISABLED"
