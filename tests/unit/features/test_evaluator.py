"""The shared evaluator: the test vectors, bucketing (stable, uniform, monotonic), the in-process provider."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import mmh3
import pytest
from openfeature.evaluation_context import EvaluationContext
from openfeature.flag_evaluation import Reason

from companyos.flags import evaluator
from companyos.flags.provider import CompanyOSProvider
from tests.unit.features import make_vectors

VECTORS = json.loads(Path(__file__).with_name("flag_vectors.json").read_text())


def test_the_vector_file_is_current() -> None:
    assert make_vectors.build() == VECTORS, "regenerate with python -m tests.unit.features.make_vectors"


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: f"{c['flag']}-{c['environment']}")
def test_vectors_through_the_evaluator(case: dict[str, Any]) -> None:
    flag = next(f for f in VECTORS["flags"] if f["key"] == case["flag"])
    assert (
        evaluator.ofrep_result(evaluator.evaluate(flag, case["environment"], case["context"]))
        == case["expected"]
    )


def test_vectors_cover_every_evaluator_outcome() -> None:
    seen = {c["expected"].get("reason") or c["expected"]["errorCode"] for c in VECTORS["cases"]}
    assert seen >= {"STATIC", "DEFAULT", "TARGETING_MATCH", "SPLIT", "DISABLED", "UNKNOWN"}
    assert seen >= {"TARGETING_KEY_MISSING", "INVALID_CONTEXT", "PARSE_ERROR"}


def test_a_prepared_flag_answers_exactly_as_its_configuration() -> None:
    """Every field of the resolution, not only the OFREP body: the explanation is served by the API too."""
    prepared = {f["key"]: evaluator.prepare(f) for f in VECTORS["flags"]}
    assert all(isinstance(p, evaluator.PreparedFlag) for p in prepared.values())
    contexts = [c["context"] for c in VECTORS["cases"]] + [None, {}]
    for flag in VECTORS["flags"]:
        for environment in ("production", "staging", "sandbox"):
            for context in contexts:
                assert evaluator.evaluate(prepared[flag["key"]], environment, context) == evaluator.evaluate(
                    flag, environment, context
                )
    # Reused across environments and calls: the first answer is not kept for another environment.
    ramp = evaluator.prepare(
        {"key": "env-only", "enabled": False, "rules": [{"name": "s", "environments": ["staging"]}]}
    )
    assert [evaluator.evaluate(ramp, env, {}).reason for env in ("staging", "production", "staging")] == [
        "TARGETING_MATCH",
        "DISABLED",
        "TARGETING_MATCH",
    ]


def test_environments_kept_per_prepared_flag_are_bounded() -> None:
    flag = evaluator.PreparedFlag(
        {"key": "k", "enabled": True, "rules": [{"name": "r", "environments": ["e7"]}]}
    )
    for i in range(1000):
        evaluator.evaluate(flag, f"e{i}", {})
    assert len(flag._per_environment) <= evaluator.PreparedFlag._ENVIRONMENTS_KEPT
    assert evaluator.evaluate(flag, "e7", {}).decided_by == "rule:r"


@pytest.mark.parametrize(
    ("flag", "expected"),
    [
        ({"key": "k", "enabled": True, "override": {"enabled": True}, "rules": [None]}, "TARGETING_MATCH"),
        ({"key": "k", "enabled": True, "rules": [{"name": "a", "environments": ["production"]}, "junk"]},
         "TARGETING_MATCH"),
        ({"key": "k", "enabled": True, "rules": [{"name": "a", "environments": ["production"]},
                                                 {"environments": 5}]}, "TARGETING_MATCH"),
        ({"key": "k", "enabled": True, "variants": ["on"]}, "STATIC"),
        ({"key": "k", "enabled": False, "variants": ["on"]}, AttributeError),
        ({"key": "k", "enabled": True, "rules": ["junk"]}, AttributeError),
        ({"key": "k", "enabled": True, "rules": [{"name": "a", "environments": 5}]}, TypeError),
    ],
)  # fmt: skip
def test_a_malformed_part_fails_only_the_evaluations_that_reach_it(
    flag: dict[str, Any], expected: Any
) -> None:
    """As when evaluating the configuration as it is: a prepared flag reads a part when it is needed."""
    prepared = evaluator.prepare(flag)
    for candidate in (flag, prepared, prepared):  # the second prepared call reads what the first kept
        if isinstance(expected, str):
            assert evaluator.evaluate(candidate, "production", {}).reason == expected
        else:
            with pytest.raises(expected):
                evaluator.evaluate(candidate, "production", {})
    provider = CompanyOSProvider(configuration={"flags": [flag, {"key": "fine", "enabled": True}]})
    assert provider.resolve("fine", {}).reason == "STATIC"


def test_a_flag_matching_a_regular_expression_is_marked() -> None:
    rule = {"name": "r", "environments": ["production"]}
    regex = {**rule, "conditions": [{"attribute": "email", "operator": "matches", "values": ["^a+$"]}]}
    plain = {**rule, "conditions": [{"attribute": "plan", "operator": "in", "values": ["pro"]}]}
    assert evaluator.PreparedFlag({"key": "k", "rules": [plain, regex]}).uses_regex
    assert not evaluator.PreparedFlag({"key": "k", "rules": [plain]}).uses_regex
    assert evaluator.PreparedFlag({"key": "k", "rules": ["unreadable"]}).uses_regex


def test_bucket_is_murmur3_of_key_and_stickiness_into_1_to_100() -> None:
    for uid in ("user-1", "user-2", "ü-ñ", ""):
        expected = mmh3.hash(f"canary:{uid}", 0, signed=False) % 100 + 1
        assert evaluator.bucket("canary", uid) == expected
        assert 1 <= expected <= 100


def test_bucketing_is_stable_across_processes() -> None:
    ids = [f"user-{i}" for i in range(200)]
    code = (
        "import json,sys; from companyos.flags.evaluator import bucket; "
        "print(json.dumps([bucket('canary', i) for i in json.load(sys.stdin)]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(ids), capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == [evaluator.bucket("canary", i) for i in ids]


def test_bucketing_is_uniform_within_one_percent_over_100k_ids() -> None:
    counts = Counter(evaluator.bucket("uniformity", f"id-{i}") for i in range(100_000))
    assert set(counts) == set(range(1, 101))
    for n in (10, 25, 50, 75, 90):
        share = sum(counts[b] for b in range(1, n + 1)) / 100_000
        assert abs(share - n / 100) <= 0.01, (n, share)
    assert max(counts.values()) / 1000 < 1.15 and min(counts.values()) / 1000 > 0.85


def test_rollouts_are_monotonic_as_the_percentage_rises() -> None:
    contexts = [{"targetingKey": f"u{i}"} for i in range(2000)]
    previous: set[str] = set()
    for percentage in range(0, 101, 5):
        flag = {
            "key": "ramp",
            "enabled": False,
            "variants": {},
            "default_variant": None,
            "override": None,
            "rules": [{"name": "r", "environments": ["production"], "rollout": {"percentage": percentage}}],
        }
        on = {c["targetingKey"] for c in contexts if evaluator.evaluate(flag, "production", c).value is True}
        assert previous <= on
        previous = on
    assert len(previous) == len(contexts)


def test_stickiness_attribute_keeps_a_group_together() -> None:
    flag = next(f for f in VECTORS["flags"] if f["key"] == "org-sticky")
    values = {
        evaluator.evaluate(flag, "production", {"targetingKey": f"u{i}", "org": "org-1"}).value
        for i in range(50)
    }
    assert len(values) == 1


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: f"{c['flag']}-{c['environment']}")
def test_vectors_through_the_in_process_provider(case: dict[str, Any]) -> None:
    provider = CompanyOSProvider(configuration={"flags": VECTORS["flags"]}, environment=case["environment"])
    res = provider.resolve(case["flag"], case["context"])
    assert evaluator.ofrep_result(res) == case["expected"]


def test_provider_speaks_openfeature_and_goes_stale_when_refresh_fails() -> None:
    now = [0.0]
    calls = {"n": 0}

    def fetch() -> dict[str, Any]:
        calls["n"] += 1
        if calls["n"] > 1:
            raise ConnectionError("server down")
        return {"flags": VECTORS["flags"]}

    provider = CompanyOSProvider(fetch=fetch, max_age=10, clock=lambda: now[0])
    provider.initialize()
    details = provider.resolve_string_details("plan-ui", "x", EvaluationContext("u", {"plan": "pro"}))
    assert (details.value, details.variant, details.reason) == ("pro-ui", "pro", Reason.TARGETING_MATCH)
    disabled = provider.resolve_boolean_details("off-flag", True)
    assert (disabled.value, disabled.reason) == (True, Reason.DISABLED)
    assert provider.resolve_object_details("theme", {}).value == {"color": "blue", "dense": False}
    assert (
        provider.resolve_integer_details("seat-limit", 0, EvaluationContext("u", {"seats": 99})).value == 100
    )
    now[0] = 11.0
    assert provider.resolve_boolean_details("static-on", False).reason == Reason.STALE
