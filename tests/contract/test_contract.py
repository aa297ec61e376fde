"""Property-based contract tests: every operation of the bundled contract against the ASGI app.

Every built-in schemathesis check runs (``not_a_server_error``, status code / content type / header /
schema conformance, positive and negative data acceptance, ``use_after_free``,
``ensure_resource_availability``, ``missing_required_header``, ``unsupported_method``,
``ignored_auth``, …) over the examples, coverage and fuzzing phases.

Passes:
- ``test_api_as_platform_admin``: a platform admin with fresh MFA, so high-risk operations are reachable;
  free generation of every parameter.
- ``test_api_in_a_known_tenant``: the same caller with ``tenant_id`` pinned to the seeded ``acme``, so
  handlers get past the tenant lookup and run on real rows.
- ``test_api_as_tenant_member``: a tenant admin of ``acme`` without platform scopes: every answer must
  still conform to the contract (401/403/404 documented, problem+json).
- ``test_api_as_member_in_own_tenant``: that member with ``tenant_id`` pinned to ``acme``, so the
  policy paths of a non-admin role run on real data.
- ``test_stateful_links``: sequences along the spec's links (schemathesis' state machine).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck
from schemathesis.core.parameters import ParameterLocation

from tests.contract.conftest import api_operations, contract_document, load_schema

HYPOTHESIS = hypothesis.settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)

PURPOSE_HEADER = "X-CompanyOS-Purpose"
OPAQUE_QUERY_PARAMETERS = ("page_token",)
# Cross-field rules a JSON schema cannot state: (lower, upper) query parameters that must be ordered.
ORDERED_QUERY_RANGES = (("since", "until"),)


def adjust(case: schemathesis.Case) -> None:
    """Adjust positive (schema-valid) cases for what the schema cannot express, and only that.

    - ``page_token`` is opaque: only a value the server handed out is valid, so a made-up one is rightly
      refused with 400; positive cases never carry one (negative cases still do, and must be rejected);
    - ``since`` after ``until`` is an inverted range, refused with 400; positive cases get it in order;
    - an SLI sample counts ``good`` of ``total`` events and cannot lie in the future: positive cases get
      ``good <= total`` and a past ``ts``.
    """
    negative_body = case.meta is not None and case.meta.is_negative_at(ParameterLocation.BODY)
    if isinstance(case.body, dict) and not negative_body:
        _adjust_sli_samples(case.body)
    negative_query = case.meta is not None and case.meta.is_negative_at(ParameterLocation.QUERY)
    if case.query and not negative_query:
        for name in OPAQUE_QUERY_PARAMETERS:
            case.query.pop(name, None)
        for lower, upper in ORDERED_QUERY_RANGES:
            low, high = _instant(case.query.get(lower)), _instant(case.query.get(upper))
            if low is not None and high is not None and low > high:
                case.query[lower], case.query[upper] = case.query[upper], case.query[lower]


def _adjust_sli_samples(body: dict[str, Any]) -> None:
    samples = body.get("samples")
    if not isinstance(samples, list):
        return
    for sample in samples:
        if not isinstance(sample, dict):
            continue
        good, total = sample.get("good"), sample.get("total")
        if isinstance(good, int) and isinstance(total, int) and good > total:
            sample["good"], sample["total"] = total, good
        when = _instant(sample.get("ts"))
        if when is not None and when > datetime.now(UTC):
            sample["ts"] = "2026-01-01T00:00:00Z"


def call(case: schemathesis.Case, headers: dict[str, str]) -> None:
    """Send ``case`` to the in-process app and run every default check on the answer.

    A purpose the case generated itself (valid, or deliberately invalid in a negative case) wins over the
    default one in ``headers``, so that negative cases stay negative.
    """
    adjust(case)
    generated = {name.lower() for name in (case.headers or {})}
    if PURPOSE_HEADER.lower() in generated:
        headers = {k: v for k, v in headers.items() if k.lower() != PURPOSE_HEADER.lower()}
    case.call_and_validate(headers=headers)


def _instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


contract_schema = load_schema()
# ``tenant_id`` pinned to the seeded ``acme``, so handlers run past the tenant lookup on real rows.
known_tenant_schema = load_schema(**{"path.tenant_id": "acme"}).include(path_regex=r"\{tenant_id\}")


def test_contract_covers_operations() -> None:
    """Every non-identity-provider operation of the contract is generated for, and nothing else."""
    expected = {(method, path) for _, method, path in api_operations()}
    generated = {
        (op.method.upper(), op.path) for op in (r.ok() for r in contract_schema.get_all_operations())
    }
    assert generated == expected
    ops = {op for op, _, _ in api_operations()}
    assert {"list_tenants", "get_tenant", "update_tenant", "create_tenant"} <= ops
    idp = [
        op["operationId"]
        for item in contract_document()["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and op.get("x-companyos-served-by") == "identity-provider"
    ]
    assert not set(idp) & ops


@contract_schema.parametrize()
@HYPOTHESIS
def test_api_as_platform_admin(
    case: schemathesis.Case, contract_app: Any, admin_headers: dict[str, str]
) -> None:
    call(case, admin_headers)


@known_tenant_schema.parametrize()
@HYPOTHESIS
def test_api_in_a_known_tenant(
    case: schemathesis.Case, contract_app: Any, admin_headers: dict[str, str]
) -> None:
    call(case, admin_headers)


@known_tenant_schema.parametrize()
@HYPOTHESIS
def test_api_as_member_in_own_tenant(
    case: schemathesis.Case, contract_app: Any, member_headers: dict[str, str]
) -> None:
    call(case, member_headers)


def test_stateful_links(contract_app: Any, admin_headers: dict[str, str]) -> None:
    """Stateful sequences along the spec's links: explicit OpenAPI `links`, and those schemathesis infers
    (e.g. `POST …/audit/exports` returns a job whose `id` feeds `{job_id}` of the jobs operations)."""
    machine = contract_schema.as_state_machine()
    transitions = getattr(machine, "_transitions", None)  # schemathesis' link graph (no public accessor)
    links = sum(len(op.outgoing) for op in transitions.operations.values()) if transitions is not None else 0
    if not links:
        pytest.skip(
            "the contract has no links between operations (explicit or inferred): nothing stateful to run"
        )

    class ContractMachine(machine):  # type: ignore[misc, valid-type]
        def before_call(self, case: schemathesis.Case) -> None:
            adjust(case)

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {"headers": admin_headers}

    ContractMachine.run(
        settings=hypothesis.settings(
            max_examples=15,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
