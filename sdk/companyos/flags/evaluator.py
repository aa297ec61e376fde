"""The one flag evaluator, shared by the server (OFREP endpoints) and the SDK's in-process provider.

Pure: no I/O, no clock, no imports from the server. A flag configuration is a plain dict::

    {"key": "new-checkout", "enabled": True, "variants": {"on": True, "off": False},
     "default_variant": "on", "override": None,
     "rules": [{"name": "beta", "environments": ["production"], "enabled": True, "variant": "on",
                "conditions": [{"attribute": "plan", "operator": "in", "values": ["pro"]}],
                "rollout": {"percentage": 25, "stickiness": "targetingKey"},
                "split": [{"variant": "control", "weight": 50}, {"variant": "treatment", "weight": 50}]}]}

Order: the tenant-level ``override``, else the first rule that names the environment, whose conditions
all hold on the evaluation context and whose rollout admits the context's bucket, else the flag's
default. Reasons follow OpenFeature: ``TARGETING_MATCH`` (override, or a rule without rollout),
``SPLIT`` (a rule's percentage rollout or variant split decided), ``STATIC`` (an enabled flag with no
override and no rules: the value cannot depend on the context), ``DEFAULT`` (rules exist, none
applied), ``DISABLED`` (off by default, or a rule turned a non-boolean flag off: the caller's default
applies), ``UNKNOWN`` (a rule uses an operator this evaluator does not know, e.g. configuration written by
a newer server: the default is served), ``ERROR`` with an OpenFeature error code.

Bucketing: ``mmh3.hash("<flag_key>:<stickiness value>", seed=0, signed=False) % 100 + 1`` gives 1..100;
a rollout of ``p`` percent admits buckets ``<= p`` (so raising ``p`` only adds contexts), and a split
assigns consecutive bucket ranges to its variants in order. The stickiness attribute defaults to
``targetingKey``; when the attribute is absent the ``targetingKey`` is used, and without either the
evaluation fails with ``TARGETING_KEY_MISSING``.

Without a context (``context=None``: "what is this flag in this environment?") rules with conditions or
rollouts cannot apply and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import mmh3

__all__ = [
    "ERROR_CODES",
    "OPERATORS",
    "REASONS",
    "PreparedFlag",
    "Resolution",
    "bucket",
    "evaluate",
    "flag_type",
    "ofrep_result",
    "prepare",
]

REASONS = ("STATIC", "DEFAULT", "TARGETING_MATCH", "SPLIT", "CACHED", "DISABLED", "UNKNOWN", "STALE", "ERROR")
ERROR_CODES = (
    "FLAG_NOT_FOUND",
    "PARSE_ERROR",
    "TYPE_MISMATCH",
    "TARGETING_KEY_MISSING",
    "INVALID_CONTEXT",
    "GENERAL",
)
OPERATORS = (
    "in",
    "not_in",
    "contains",
    "starts_with",
    "ends_with",
    "matches",
    "gt",
    "gte",
    "lt",
    "lte",
    "semver_gte",
    "semver_lt",
    "exists",
)
TARGETING_KEY = "targetingKey"
_SEMVER = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$")


@dataclass(slots=True)
class Resolution:
    """One evaluation: what to serve and why. ``value`` is None with reason DISABLED (caller's default)."""

    key: str
    enabled: bool
    value: Any
    variant: str | None
    reason: str
    decided_by: str
    explanation: str
    error_code: str | None = None
    error_details: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


class _EvalError(Exception):
    def __init__(self, code: str, details: str) -> None:
        super().__init__(details)
        self.code = code
        self.details = details


class _Unknown(Exception):
    pass


def bucket(flag_key: str, stickiness_value: str) -> int:
    """The context's bucket for a flag, 1..100 (murmur3 x86 32-bit, seed 0, unsigned)."""
    return int(mmh3.hash(f"{flag_key}:{stickiness_value}", 0, signed=False)) % 100 + 1


def flag_type(flag: Mapping[str, Any]) -> str:
    """``boolean``, ``string``, ``number`` or ``object``: the type of the values the flag serves."""
    variants = flag.get("variants") or {}
    values = list(variants.values())
    if not values or all(isinstance(v, bool) for v in values):
        return "boolean"
    first = variants.get(flag.get("default_variant")) if flag.get("default_variant") else values[0]
    if isinstance(first, bool):
        return "boolean"
    if isinstance(first, str):
        return "string"
    if isinstance(first, int | float):
        return "number"
    return "object"


def _number(attribute: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _EvalError(
            "INVALID_CONTEXT", f"Context attribute '{attribute}' must be a number for this rule."
        )
    return float(value)


def _semver(attribute: str, value: Any) -> tuple[int, int, int]:
    match = _SEMVER.match(str(value)) if isinstance(value, str) else None
    if match is None:
        raise _EvalError(
            "PARSE_ERROR", f"Context attribute '{attribute}' is not a semantic version: {value!r}."
        )
    return (int(match[1]), int(match[2]), int(match[3]))


def _condition(cond: Mapping[str, Any], context: Mapping[str, Any]) -> bool:
    attribute = str(cond.get("attribute", ""))
    operator = cond.get("operator")
    values = list(cond.get("values") or [])
    if operator not in OPERATORS:
        raise _Unknown(f"operator '{operator}'")
    if operator == "exists":
        return attribute in context
    if attribute not in context or context[attribute] is None:
        return operator == "not_in"
    actual = context[attribute]
    if operator in ("in", "not_in"):
        found = any(actual == v and isinstance(actual, bool) == isinstance(v, bool) for v in values)
        return found if operator == "in" else not found
    if operator in ("contains", "starts_with", "ends_with", "matches"):
        if isinstance(actual, list):
            return operator == "contains" and any(v in actual for v in values)
        if not isinstance(actual, str):
            raise _EvalError(
                "INVALID_CONTEXT", f"Context attribute '{attribute}' must be a string for this rule."
            )
        if operator == "contains":
            return any(str(v) in actual for v in values)
        if operator == "starts_with":
            return any(actual.startswith(str(v)) for v in values)
        if operator == "ends_with":
            return any(actual.endswith(str(v)) for v in values)
        return any(re.search(str(v), actual) is not None for v in values)
    if operator in ("gt", "gte", "lt", "lte"):
        number = _number(attribute, actual)
        bound = float(values[0]) if values else 0.0
        return {
            "gt": number > bound,
            "gte": number >= bound,
            "lt": number < bound,
            "lte": number <= bound,
        }[operator]
    version = _semver(attribute, actual)
    bound_v = _semver("values[0]", str(values[0]) if values else "0.0.0")
    return version >= bound_v if operator == "semver_gte" else version < bound_v


class _Rule:
    """One rule, read once from its configuration (see :class:`PreparedFlag`)."""

    __slots__ = (
        "conditions",
        "config",
        "enabled",
        "environments",
        "name",
        "rollout",
        "split",
        "targeted",
        "variant",
    )

    def __init__(self, rule: Mapping[str, Any], default_variant: Any) -> None:
        self.config = rule
        self.name = rule.get("name", "")
        self.environments = rule.get("environments") or []
        self.conditions = rule.get("conditions") or []
        self.enabled = bool(rule.get("enabled", True))
        self.variant = rule.get("variant", default_variant) if self.enabled else None
        self.rollout = rule.get("rollout")
        self.split = rule.get("split")
        self.targeted = bool(self.conditions) or bool(self.rollout) or bool(self.split)


class PreparedFlag:
    """A flag configuration read once for repeated evaluation: its rules per environment, its type, its
    override. :func:`evaluate` takes one in place of the configuration; the SDK's provider and the server's
    OFREP snapshot prepare every flag when they load it. The configuration must not change afterwards.

    Parts are read when an evaluation first needs them, as :func:`evaluate` reads a configuration: a
    malformed rule fails only the evaluations that reach it, exactly as before preparing."""

    __slots__ = (
        "_boolean",
        "_per_environment",
        "_rules",
        "config",
        "default_variant",
        "enabled",
        "has_rules",
        "key",
        "override",
        "uses_regex",
        "variants",
    )
    _ENVIRONMENTS_KEPT = 32  # environments whose rule list is kept (names come from callers: bounded)

    def __init__(self, flag: Mapping[str, Any]) -> None:
        self.config = flag
        self.key = str(flag["key"])
        self.enabled = bool(flag.get("enabled"))
        self.default_variant = flag.get("default_variant")
        self.variants: Mapping[str, Any] = flag.get("variants") or {}
        self.override = flag.get("override")
        self.has_rules = bool(flag.get("rules"))
        self.uses_regex = _uses_regex(flag)
        self._boolean: bool | None = None
        self._rules: tuple[_Rule, ...] | None = None
        self._per_environment: dict[str, tuple[_Rule, ...]] = {}

    @property
    def boolean(self) -> bool:
        """Whether the flag serves booleans (read when a disabled flag first needs it)."""
        if self._boolean is None:
            self._boolean = flag_type(self.config) == "boolean"
        return self._boolean

    def rules_in(self, environment: str) -> Iterable[_Rule]:
        """The rules naming ``environment``, in order."""
        rules = self._per_environment.get(environment)
        if rules is not None:
            return rules
        try:
            if self._rules is None:
                self._rules = tuple(
                    _Rule(rule, self.default_variant) for rule in self.config.get("rules") or []
                )
            rules = tuple(rule for rule in self._rules if environment in rule.environments)
        except Exception:  # noqa: BLE001 (a malformed rule: read them one by one, failing where evaluate would)
            return self._walk(environment)
        if len(self._per_environment) < self._ENVIRONMENTS_KEPT:
            self._per_environment[environment] = rules
        return rules

    def _walk(self, environment: str) -> Iterator[_Rule]:
        for raw in self.config.get("rules") or []:
            rule = _Rule(raw, self.default_variant)
            if environment in rule.environments:
                yield rule


def _uses_regex(flag: Mapping[str, Any]) -> bool:
    """Whether a rule matches a regular expression (its cost depends on the pattern and the caller's text);
    True when the rules cannot be read."""
    try:
        return any(
            cond.get("operator") == "matches"
            for rule in flag.get("rules") or []
            for cond in rule.get("conditions") or []
        )
    except Exception:  # noqa: BLE001 (unreadable: assume the worst)
        return True


def prepare(flag: Mapping[str, Any] | PreparedFlag) -> Mapping[str, Any] | PreparedFlag:
    """``flag`` ready for :func:`evaluate`. A configuration that cannot be read is returned as it is, so that
    only its own evaluations fail (with what :func:`evaluate` raises), not the loading of its neighbours."""
    if isinstance(flag, PreparedFlag):
        return flag
    try:
        return PreparedFlag(flag)
    except Exception:  # noqa: BLE001 (reported by evaluate, per flag)
        return flag


def _stickiness(flag: PreparedFlag, rule: _Rule, context: Mapping[str, Any]) -> tuple[str, int]:
    spec = rule.rollout or {}
    attribute = str(spec.get("stickiness") or TARGETING_KEY)
    value = context.get(attribute)
    if value is None or value == "":
        attribute, value = TARGETING_KEY, context.get(TARGETING_KEY)
    if value is None or value == "":
        raise _EvalError(
            "TARGETING_KEY_MISSING",
            f"Rule '{rule.config.get('name')}' rolls out by '{spec.get('stickiness') or TARGETING_KEY}': the "
            "context has neither it nor a targetingKey.",
        )
    return attribute, bucket(flag.key, str(value))


def _resolution(
    flag: PreparedFlag,
    enabled: bool,
    variant: str | None,
    reason: str,
    decided_by: str,
    explanation: str,
    metadata: dict[str, Any] | None = None,
) -> Resolution:
    """What a flag turned on or off serves: a variant's value, ``True``/``False`` for a boolean flag, or
    nothing (``DISABLED``: the caller's default) for another type turned off."""
    if enabled:
        variants = flag.variants
        value = variants[variant] if variant is not None and variant in variants else True
    elif flag.boolean:
        value, variant = False, None
    else:
        value, variant, reason = None, None, "DISABLED"
    return Resolution(
        flag.key, enabled, value, variant, reason, decided_by, explanation, None, None, metadata or {}
    )


def _split_variant(rule: _Rule, slot: int) -> str | None:
    upper = 0
    for part in rule.split or []:
        upper += int(part.get("weight", 0))
        if slot <= upper:
            return str(part["variant"])
    return None


def evaluate(
    flag: Mapping[str, Any] | PreparedFlag, environment: str, context: Mapping[str, Any] | None = None
) -> Resolution:
    """Evaluate ``flag`` (a configuration or a :class:`PreparedFlag`) in ``environment`` for ``context``
    (None: no context, see the module docstring)."""
    prepared = flag if isinstance(flag, PreparedFlag) else PreparedFlag(flag)
    try:
        return _evaluate(prepared, environment, context)
    except _EvalError as exc:
        return Resolution(
            prepared.key, False, None, None, "ERROR", "error", exc.details, exc.code, exc.details
        )
    except _Unknown as exc:
        return _resolution(
            prepared,
            prepared.enabled,
            prepared.default_variant if prepared.enabled else None,
            "UNKNOWN",
            "default",
            f"A rule uses {exc}, which this evaluator does not know: the flag's default applies.",
        )


def _evaluate(flag: PreparedFlag, environment: str, context: Mapping[str, Any] | None) -> Resolution:
    override = flag.override
    if override:
        enabled = bool(override.get("enabled"))
        variant = override.get("variant", flag.default_variant) if enabled else None
        return _resolution(
            flag,
            enabled,
            variant,
            "TARGETING_MATCH",
            "override",
            f"Tenant override ({'on' if enabled else 'off'}): {override.get('reason', '')}".strip(),
        )
    ctx = context if context is not None else {}
    for rule in flag.rules_in(environment):
        if context is None and rule.targeted:
            continue
        if rule.conditions and not all(_condition(c, ctx) for c in rule.conditions):
            continue
        name, enabled, variant, rollout = rule.name, rule.enabled, rule.variant, rule.rollout
        if rollout is not None or rule.split:
            attribute, slot = _stickiness(flag, rule, ctx)
            meta: dict[str, Any] = {"bucket": slot, "stickiness": attribute}
            if rollout is not None:
                percentage = int(rollout.get("percentage", 0))
                meta["percentage"] = percentage
                if slot > percentage:
                    continue
            if rule.split and enabled:
                variant = _split_variant(rule, slot)
            return _resolution(
                flag,
                enabled,
                variant,
                "SPLIT",
                f"rule:{name}",
                f"Rule '{name}' applies to {environment}; bucket {slot} on '{attribute}' "
                + (f"is within its {rollout.get('percentage')} % rollout" if rollout is not None else "")
                + (f" and chose variant '{variant}'" if rule.split and enabled else "")
                + ".",
                meta,
            )
        return _resolution(
            flag,
            enabled,
            variant,
            "TARGETING_MATCH",
            f"rule:{name}",
            f"Rule '{name}' applies to {environment} and turns the flag {'on' if enabled else 'off'}.",
        )
    if not flag.enabled:
        return _resolution(
            flag,
            False,
            None,
            "DISABLED",
            "default",
            f"No override and no rule for {environment} applied: the flag is off by default.",
        )
    return _resolution(
        flag,
        True,
        flag.default_variant,
        "DEFAULT" if flag.has_rules else "STATIC",
        "default",
        f"No override and no rule for {environment}"
        + (" applied" if flag.has_rules else "")
        + ": the flag's default (on) applies.",
    )


def ofrep_result(res: Resolution) -> dict[str, Any]:
    """A resolution as an OFREP evaluation result (success or error item)."""
    if res.error_code is not None:
        return {"key": res.key, "errorCode": res.error_code, "errorDetails": res.error_details or ""}
    out: dict[str, Any] = {"key": res.key, "reason": res.reason, "variant": res.variant}
    if res.reason != "DISABLED":
        out["value"] = res.value
    out["metadata"] = {"decidedBy": res.decided_by, **{k: v for k, v in res.metadata.items()}}
    return out
