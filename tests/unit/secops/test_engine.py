"""Sigma detection: built-in rules on their scenarios and a benign baseline, public Sigma rules,
streaming and batch agreement, malformed rules with their line."""

from __future__ import annotations

import random
from typing import Any

import pytest

from companyos_server.domains.secops import engine
from companyos_server.domains.secops.service import builtin_rules

T0 = 1_790_000_000.0


def ev(i: int, ts: float, **fields: Any) -> dict[str, Any]:
    return {"id": f"e{i:05d}", "ts": ts, **fields}


def scenario(name: str) -> list[dict[str, Any]]:
    """Events that must make built-in rule ``name`` fire."""
    fail = {"action": "identity.sign_in", "outcome": "failure", "category": "authentication"}
    if name == "brute_force":
        return [ev(i, T0 + 20 * i, principal="alice", source_ip="203.0.113.9", **fail) for i in range(6)]
    if name == "password_spray":
        return [ev(i, T0 + 30 * i, principal=f"user{i}", source_ip="198.51.100.4", **fail) for i in range(6)]
    if name == "impossible_travel":
        return [
            ev(
                1,
                T0,
                action="identity.sign_in",
                outcome="success",
                principal="alice",
                travel_km=8500.0,
                travel_kmh=9000.0,
            )
        ]
    if name == "mfa_bypass":
        return [
            ev(i, T0 + 60 * i, action="identity.mfa", outcome="failure", principal="alice") for i in range(3)
        ]
    if name == "policy_denial_spike":
        return [
            ev(
                i,
                T0 + 10 * i,
                action="services:delete",
                outcome="denied",
                principal="usr_bob",
                category="authorization",
            )
            for i in range(12)
        ]
    if name == "unexpected_admin_action":
        return [
            ev(
                1,
                T0,
                action="tenant_config:update",
                outcome="success",
                category="config",
                principal="usr_bob",
                principal_kind="user",
                roles="viewer",
            )
        ]
    if name == "permission_escalation":
        return [
            ev(
                1,
                T0,
                action="iam.role.grant",
                outcome="success",
                principal="usr_bob",
                **{"details.role": "tenant_admin"},
            )
        ]
    if name == "anomalous_deploy_path":
        return [
            ev(
                1,
                T0,
                action="deployments:create",
                outcome="success",
                category="deploy",
                principal="usr_bob",
                **{"details.path": "laptop"},
            )
        ]
    if name == "refresh_token_reuse":
        return [ev(1, T0, action="identity.refresh_reuse", outcome="failure", principal="alice")]
    if name == "supply_chain_integrity":
        return [
            ev(
                1,
                T0,
                action="release.verify",
                outcome="failure",
                asset="release:1.4.0",
                **{"details.check": "signature"},
            )
        ]
    raise AssertionError(name)


def benign(count: int = 3000, seed: int = 7) -> list[dict[str, Any]]:
    """A busy, ordinary day: sign-ins (a few typos), reads, admin work by admins, CI deploys."""
    rng = random.Random(seed)
    users = [f"user{i}" for i in range(40)]
    out = []
    ts = T0
    for i in range(count):
        ts += rng.uniform(1, 30)
        user = rng.choice(users)
        kind = rng.random()
        if kind < 0.5:
            outcome = "failure" if rng.random() < 0.03 else "success"
            out.append(ev(i, ts, action="identity.sign_in", outcome=outcome, principal=user, category="authentication",
                          source_ip=f"10.0.{rng.randint(0, 3)}.{rng.randint(1, 250)}", travel_km=rng.uniform(0, 30), travel_kmh=rng.uniform(0, 60)))  # fmt: skip
        elif kind < 0.8:
            outcome = "denied" if rng.random() < 0.02 else "success"
            out.append(
                ev(
                    i,
                    ts,
                    action="services:update",
                    outcome=outcome,
                    principal=user,
                    category="other",
                    principal_kind="user",
                    roles="sre",
                )
            )
        elif kind < 0.9:
            out.append(
                ev(
                    i,
                    ts,
                    action="tenant_config:update",
                    outcome="success",
                    category="config",
                    principal=user,
                    principal_kind="user",
                    roles="tenant_admin",
                )
            )
        elif kind < 0.97:
            out.append(
                ev(
                    i,
                    ts,
                    action="deployments:create",
                    outcome="success",
                    category="deploy",
                    principal="ci-bot",
                    **{"details.path": "ci"},
                )
            )
        else:
            out.append(ev(i, ts, action="release.verify", outcome="success", asset="release:1.4.0"))
    return out


RULES = builtin_rules()


def stream(rule_set: engine.RuleSet, events: list[dict[str, Any]]) -> list[engine.Detection]:
    evaluator = engine.StreamingEvaluator([rule_set])
    return [d for e in sorted(events, key=lambda e: (e["ts"], e["id"])) for d in evaluator.process(e)]


def test_there_are_ten_builtin_rules() -> None:
    assert len(RULES) == 10


@pytest.mark.parametrize("name", sorted(RULES))
def test_builtin_rule_fires_on_its_scenario_and_agrees_with_batch(name: str) -> None:
    rule_set = engine.parse(name, RULES[name])
    found = stream(rule_set, scenario(name))
    assert found, f"{name} did not fire on its scenario"
    assert {d.key for d in found} == {d.key for d in engine.run_batch(rule_set, scenario(name))}


@pytest.mark.parametrize("name", sorted(RULES))
def test_builtin_rule_stays_silent_on_a_benign_day(name: str) -> None:
    rule_set = engine.parse(name, RULES[name])
    day = benign()
    found = stream(rule_set, day)
    assert found == []  # false-positive budget: zero detections over 3,000 ordinary events
    assert engine.run_batch(rule_set, day) == []


def test_streaming_and_batch_agree_on_a_noisy_history() -> None:
    rng = random.Random(3)
    history = benign(1500, seed=11)
    for name in RULES:  # every scenario, shifted to random moments of the day
        shift = rng.uniform(0, 20_000)
        history += [{**e, "id": f"{name}-{e['id']}", "ts": e["ts"] + shift} for e in scenario(name)]
    for name, text in RULES.items():
        rule_set = engine.parse(name, text)
        streamed = {d.key for d in stream(rule_set, history)}
        batched = {d.key for d in engine.run_batch(rule_set, history)}
        assert streamed == batched, name
        assert streamed, name


VALUE_LISTS = """
title: value lists
logsource: {product: test}
detection:
  who:
    principal: [Alice, bob, '42']
  tags:
    tags: [red, Blue]
  admin_sign_in:
    action: identity.sign_in
    principal|startswith: [adm, root]
  condition: (who or tags) and not admin_sign_in
level: low
"""


def test_value_lists_match_any_listed_value_case_insensitively() -> None:
    """A Sigma value list is checked as one set lookup: strings, numbers and list-valued fields."""
    events = [
        ev(0, T0, principal="ALICE"),
        ev(1, T0 + 1, principal=42),
        ev(2, T0 + 2, principal=["x", "Bob"]),
        ev(3, T0 + 3, tags=["BLUE"]),
        ev(4, T0 + 4, principal="carol"),
        ev(5, T0 + 5, principal=None),
        ev(6, T0 + 6, principal="alice", action="identity.sign_in"),
        ev(7, T0 + 7, tags=["red"], principal="administrator", action="identity.sign_in"),
        ev(8, T0 + 8, principal="alicex"),
    ]
    fired = {i for d in stream(engine.parse("lists", VALUE_LISTS), events) for i in d.event_ids}
    assert fired == {"e00000", "e00001", "e00002", "e00003", "e00006"}


PUBLIC_SIGMA = """
title: Multiple failed logons for a single user (possible brute force)
id: 0e95725d-7320-415d-80f7-004da920fc11
name: failed_logon
status: test
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4625
        LogonType|endswith: '3'
    filter:
        TargetUserName|endswith: '$'
    condition: selection and not filter
level: low
---
title: Successful logon
name: successful_logon
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4624
    condition: selection
---
title: Brute force followed by success
correlation:
    type: temporal_ordered
    rules:
        - failed_logon
        - successful_logon
    group-by:
        - TargetUserName
    timespan: 10m
level: high
---
title: Many distinct targets from one workstation
correlation:
    type: value_count
    rules: [failed_logon]
    group-by: [WorkstationName]
    timespan: 1h
    condition:
        gte: 3
        field: TargetUserName
level: medium
---
title: Large transfers
name: transfer
logsource: {category: proxy}
detection:
    selection:
        cs-method: POST
    condition: selection
---
title: Exfil volume
correlation:
    type: value_sum
    rules: [transfer]
    group-by: [c-ip]
    timespan: 5m
    condition: {gt: 1000, field: sc-bytes}
level: high
---
title: Typical volume
correlation:
    type: value_avg
    rules: [transfer]
    group-by: [c-ip]
    timespan: 5m
    condition: {gte: 400, field: sc-bytes}
level: low
---
title: Percentile volume
correlation:
    type: value_percentile
    rules: [transfer]
    group-by: [c-ip]
    timespan: 5m
    condition: {gte: 500, field: sc-bytes, percentile: 90}
level: low
---
title: Keyword and modifiers
logsource: {category: proxy}
detection:
    selection:
        c-uri|contains|all: [admin, '.php']
        c-ip|cidr: 10.0.0.0/8
        sc-status|gte: 200
    condition: selection
level: medium
"""


def test_public_sigma_rules_with_correlations_load_and_agree() -> None:
    rule_set = engine.parse("public", PUBLIC_SIGMA)
    kinds = sorted(r.type.name.lower() for r in rule_set.correlations)
    assert kinds == ["temporal_ordered", "value_avg", "value_count", "value_percentile", "value_sum"]
    rng = random.Random(5)
    history = []
    ts = T0
    for i in range(600):
        ts += rng.uniform(1, 40)
        user = rng.choice(["ann", "ben", "svc$"])
        kind = rng.random()
        if kind < 0.4:
            history.append(
                ev(
                    i,
                    ts,
                    EventID=4625,
                    LogonType="3",
                    TargetUserName=user,
                    WorkstationName=rng.choice(["ws1", "ws2"]),
                )
            )
        elif kind < 0.6:
            history.append(ev(i, ts, EventID=4624, TargetUserName=user))
        else:
            history.append(ev(i, ts, **{"cs-method": rng.choice(["POST", "GET"]), "c-ip": rng.choice(["10.0.0.5", "192.0.2.1"]),
                                        "sc-bytes": rng.randint(1, 900), "c-uri": rng.choice(["/admin/x.php", "/index"]), "sc-status": 200}))  # fmt: skip
    streamed = stream(rule_set, history)
    batched = engine.run_batch(rule_set, history)
    assert {d.title for d in streamed} >= {
        "Brute force followed by success",
        "Exfil volume",
        "Keyword and modifiers",
    }
    by_title: dict[str, tuple[set[Any], set[Any]]] = {}
    for d in streamed:
        by_title.setdefault(d.title, (set(), set()))[0].add(d.key)
    for d in batched:
        by_title.setdefault(d.title, (set(), set()))[1].add(d.key)
    for title, (s, b) in by_title.items():
        assert s == b, title


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title: x\ndetection: [oops\n", 3, "YAML"),
        (
            "title: x\nlogsource: {product: a}\ndetection:\n  sel:\n    a: 1\n  condition: sel and missing\n",
            6,
            "not defined",
        ),
        (
            "title: c\ncorrelation:\n  type: event_count\n  rules: [nope]\n  timespan: 5x\n  condition: {gte: 1}\n",
            None,
            "Sigma",
        ),
        ("", 1, "empty"),
    ],
)
def test_malformed_sigma_names_the_problem_and_its_line(text: str, line: int | None, words: str) -> None:
    with pytest.raises(engine.RuleProblem) as caught:
        engine.parse("bad", text)
    assert words.lower() in caught.value.message.lower()
    if line is not None:
        assert caught.value.line == line
