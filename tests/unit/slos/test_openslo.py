"""OpenSLO v1 import and export on examples written from the OpenSLO v1 specification
(github.com/OpenSLO/OpenSLO, README "v1" section): round trips, inline vs referenced forms, refusals."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from companyos_server import errors
from companyos_server.domains.slos import openslo

# The referenced form, as CompanyOS exports it: Service, SLI, AlertCondition, AlertPolicy, SLO.
REFERENCED = """
apiVersion: openslo/v1
kind: Service
metadata:
  name: checkout
spec:
  description: Takes the money.
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-good-requests
  displayName: Checkout requests without a 5xx
  annotations:
    companyos.io/endpoint: POST /checkout
spec:
  description: Share of checkout requests answered without a server error.
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{job="checkout",code!~"5.."}[1m]))
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{job="checkout"}[1m]))
---
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: fast-burn
  displayName: Fast burn
  annotations:
    companyos.io/short-window: 5m
spec:
  severity: page
  description: 2 % of the budget in an hour.
  condition:
    kind: burnrate
    op: gte
    threshold: 14.4
    lookbackWindow: 1h
    alertAfter: 5m
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: checkout-pages
  displayName: Checkout pages
spec:
  description: Wake someone up.
  alertWhenNoData: false
  alertWhenResolved: true
  alertWhenBreaching: true
  conditions:
    - conditionRef: fast-burn
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
  labels:
    team: payments
  annotations:
    companyos.io/sli-type: availability
spec:
  description: 99.9 % of checkout requests succeed over 30 days.
  service: checkout
  indicatorRef: checkout-good-requests
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Good
      target: 0.999
  alertPolicies:
    - alertPolicyRef: checkout-pages
"""

# The same SLO written inline, the other form the spec allows.
INLINE = """
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-latency
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-fast
    spec:
      thresholdMetric:
        metricSource:
          type: Prometheus
          spec:
            query: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Timeslices
  objectives:
    - op: lte
      value: 300
      target: 0.99
      timeSliceTarget: 0.95
      timeSliceWindow: 5m
  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: latency-tickets
      spec:
        conditions:
          - kind: AlertCondition
            metadata:
              name: slow-burn
            spec:
              severity: ticket
              condition:
                kind: burnrate
                op: gte
                threshold: 1
                lookbackWindow: 3d
"""


def docs(text: str) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(text) if d]


def roundtrip(bodies: list[dict[str, Any]], description: str = "Takes the money.") -> list[dict[str, Any]]:
    slos = [{**b, "timeslice": b.get("timeslice"), "window_days": b["window_days"]} for b in bodies]
    return openslo.export_service("checkout", description, slos)


def test_referenced_documents_round_trip_exactly() -> None:
    original = docs(REFERENCED)
    (body,) = openslo.parse(original, "checkout")
    assert body["objective"] == 99.9 and body["window_days"] == 30 and body["sli_type"] == "availability"
    assert body["indicator"]["endpoint"] == "POST /checkout"
    (rule,) = body["alerting"]
    assert rule == {
        "name": "fast-burn", "kind": "burn_rate", "action": "page", "severity": "page", "burn_rate": 14.4,
        "long_window_minutes": 60, "short_window_minutes": 5, "op": "gte", "display_name": "Fast burn",
        "description": "2 % of the budget in an hour.", "alert_after_minutes": 5,
        "policy": {"name": "checkout-pages", "display_name": "Checkout pages", "description": "Wake someone up.",
                   "alert_when_no_data": False, "alert_when_resolved": True, "alert_when_breaching": True},
    }  # fmt: skip
    assert roundtrip([body]) == original


def test_inline_form_exports_referenced_and_reimports_identically() -> None:
    (body,) = openslo.parse(docs(INLINE), "checkout")
    assert body["sli_type"] == "latency" and body["indicator"]["threshold_ms"] == 300
    assert body["budgeting_method"] == "timeslices"
    assert body["timeslice"] == {"target": 95.0, "window_minutes": 5}
    assert body["alerting"][0]["action"] == "ticket" and body["alerting"][0]["long_window_minutes"] == 4320
    exported = roundtrip([body], "")
    assert [d["kind"] for d in exported] == ["Service", "SLI", "AlertCondition", "AlertPolicy", "SLO"]
    (again,) = openslo.parse(exported, "checkout")
    assert again == {**body, "labels": {}}
    assert roundtrip([again], "") == exported


def test_static_rules_travel_as_an_annotation() -> None:
    (body,) = openslo.parse(docs(REFERENCED), "checkout")
    static = {"name": "error-rate", "kind": "static_error_rate", "action": "page", "error_rate": 0.01,
              "window_minutes": 5}  # fmt: skip
    body["alerting"] = [static, *body["alerting"]]
    (again,) = openslo.parse(roundtrip([body]), "checkout")
    assert again["alerting"] == body["alerting"]


@pytest.mark.parametrize(
    ("edit", "field", "words"),
    [
        (lambda d: d.append({"apiVersion": "openslo/v1", "kind": "DataSource", "metadata": {"name": "p"}}),
         "documents[5].kind", "'DataSource' is not supported"),
        (lambda d: d[4]["spec"]["timeWindow"][0].update(calendar={"startTime": "2022-01-01 12:00:00"}),
         "documents[4].spec.timeWindow[0]", "calendar"),
        (lambda d: d[4]["spec"].update(budgetingMethod="RatioTimeslices"),
         "documents[4].spec.budgetingMethod", "RatioTimeslices"),
        (lambda d: d[4]["spec"]["objectives"].append({"target": 0.99}),
         "documents[4].spec.objectives", "exactly one objective"),
        (lambda d: d[1]["spec"]["ratioMetric"]["good"]["metricSource"].update(metricSourceRef="prom"),
         "documents[1].spec.ratioMetric.good.metricSource.metricSourceRef", "DataSource"),
        (lambda d: d[3]["spec"].update(notificationTargets=[{"targetRef": "pagerduty"}]),
         "documents[3].spec.notificationTargets", "notification targets"),
        (lambda d: d[2]["spec"]["condition"].update(op="lte"),
         "documents[2].spec.condition.op", "gte or gt"),
        (lambda d: d[0].update(apiVersion="openslo/v2alpha"), "documents[0].apiVersion", "openslo/v1"),
        (lambda d: d[4]["spec"].update(service="billing"), "documents[4].spec.service", "not 'checkout'"),
        (lambda d: d[4]["spec"].update(indicatorRef="nope"), "documents[4].spec.indicatorRef", "names no SLI"),
        (lambda d: d[4]["spec"]["timeWindow"][0].update(duration="1d"),
         "documents[4].spec.timeWindow[0].duration", "7d, 28d or 30d"),
    ],
)  # fmt: skip
def test_unsupported_constructs_are_refused_by_name(edit: Any, field: str, words: str) -> None:
    documents = copy.deepcopy(docs(REFERENCED))
    edit(documents)
    with pytest.raises(errors.DomainError) as caught:
        openslo.parse(documents, "checkout")
    problem = caught.value
    assert problem.status == 400 and "nothing was stored" in problem.detail
    assert any(e.field == field and words in e.message for e in problem.errors), problem.errors


def test_every_problem_is_reported_at_once() -> None:
    documents = copy.deepcopy(docs(REFERENCED))
    documents[4]["spec"]["budgetingMethod"] = "RatioTimeslices"
    documents[3]["spec"]["notificationTargets"] = [{"targetRef": "x"}]
    with pytest.raises(errors.DomainError) as caught:
        openslo.parse(documents, "checkout")
    assert len(caught.value.errors) == 2


def test_durations() -> None:
    assert [openslo.minutes(x) for x in ("5m", "1h", "3d", "1w", "30s", "1x", "")] == [
        5,
        60,
        4320,
        10080,
        None,
        None,
        None,
    ]
    assert [openslo.duration(x) for x in (5, 60, 4320, 90)] == ["5m", "1h", "3d", "90m"]


_LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5))
_JUNK = st.recursive(
    _LEAF, lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(st.text(max_size=5), c, max_size=3)),
    max_leaves=6,
)  # fmt: skip


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*path, i))
    return found


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.integers(min_value=0), _JUNK)
def test_any_malformed_field_is_a_problem_never_a_crash(pick: int, value: Any) -> None:
    documents = docs(REFERENCED) + docs(INLINE)
    paths = [p for p in _paths(documents) if p]
    path = paths[pick % len(paths)]
    node: Any = documents
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    try:
        bodies = openslo.parse(documents, "checkout")
    except errors.DomainError as problem:
        assert problem.status == 400 and problem.errors  # noqa: PT017 (either outcome is fine)
    else:
        assert all(isinstance(b["name"], str) for b in bodies)


def test_slos_sharing_an_sli_export_it_once_and_reimport() -> None:
    """One SLI at two objectives and windows: one SLI document, two SLOs, the same two SLOs back."""
    (body,) = openslo.parse(docs(REFERENCED), "checkout")
    monthly = {**body, "name": "checkout-availability-30d"}
    weekly = {**body, "name": "checkout-availability-7d", "objective": 99.5, "window_days": 7}
    exported = roundtrip([monthly, weekly])
    kinds = [d["kind"] for d in exported]
    assert kinds.count("SLI") == 1 and kinds.count("SLO") == 2
    assert kinds.count("AlertPolicy") == 1 and kinds.count("AlertCondition") == 1
    again = openslo.parse(exported, "checkout")
    assert [(b["name"], b["objective"], b["window_days"]) for b in again] == [
        ("checkout-availability-30d", 99.9, 30),
        ("checkout-availability-7d", 99.5, 7),
    ]
    assert all(b["indicator"] == body["indicator"] for b in again)
