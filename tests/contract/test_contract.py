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
- ``test_api_as_member_in_own_tenant``: a tenant admin of ``acme`` without platform scopes, with
  ``tenant_id`` pinned to ``acme``, so the policy paths of a non-admin role run on real data (every
  answer must conform: 401/403/404 documented, problem+json).
- ``test_plan_writes_…``: the same three callers for ``create_plan`` and ``update_plan``, whose coverage
  phase generates valid cases only (see :data:`PLAN_WRITES`).
- ``test_stateful_links``: sequences along the spec's links (schemathesis' state machine).
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Any

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck
from schemathesis.core.parameters import ParameterLocation
from schemathesis.transport.serialization import serialize_binary

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
DOCUMENT = contract_document()
# Markers of rules a JSON schema cannot state (see the spec's info.description):
OPAQUE = "x-companyos-opaque"  # only a value the server issued is valid (page tokens)
AT_MOST = "x-companyos-at-most"  # this value may not exceed the named sibling (parameter or property)
REFUSED = "x-companyos-refused-characters"  # a character class the server refuses in this string
KEY_PATTERN = "x-companyos-key-pattern"  # every key of this map matches this pattern
GRAMMAR = "x-companyos-grammar"  # a string in a language (SQL) no schema states: its example stands in
GRAMMAR_BY = "x-companyos-grammar-by"  # a raw body's language is named by this query parameter's value
DIGEST_OF = "x-companyos-digest-of"  # this parameter is a digest of the request body
DIGEST_ALGORITHM = "x-companyos-digest-algorithm"


def adjust(case: schemathesis.Case) -> None:
    """Adjust positive (schema-valid) cases for the rules the spec states beside its schemas, and only those.

    Each rule comes from the spec, not from this file:
    - a parameter marked ``x-companyos-opaque`` (``page_token``) is valid only as a value the server issued
      (signed, bound to its list), which no generator can make: positive cases never carry one (negative
      cases still do, and must be rejected);
    - a parameter or body property marked ``x-companyos-at-most: <other>`` may not exceed ``<other>``
      (``since``/``until``, an SLI sample's ``good``/``total``); positive cases get the pair in order;
    - a string whose schema names ``x-companyos-refused-characters`` (a released field that refuses
      control characters: a ``pattern`` there would be a breaking change of the 1.0 contract) loses those
      characters in positive cases;
    - a map whose schema names ``x-companyos-key-pattern`` gets keys matching it in positive cases;
    - a string in a grammar no schema can state (``x-companyos-grammar``: ad-hoc SQL) is its schema's
      ``example`` in positive cases (negative cases keep what was generated, and must be refused);
    - a raw body in such a grammar (an uploaded file of rows) is its media type's example in positive
      cases: the one named by the value of the query parameter ``x-companyos-grammar-by`` names (the file's
      ``format``), else the first;
    - a parameter marked ``x-companyos-digest-of: body`` (an upload part's ``sha256``) is the digest
      (``x-companyos-digest-algorithm``) of the generated body in positive cases.

    One rule is neither in a schema nor a marker, because it moves with the clock: an SLI sample's ``ts``
    may not lie more than 5 minutes in the future (documented on ``SliSample``); positive cases get a past
    ``ts``. Another is OFREP's own: an evaluation's ``context`` is documented as a JSON object with a string
    ``targetingKey`` (``OfrepEvaluationRequest``) but left untyped, so that the server answers OFREP's
    ``INVALID_CONTEXT`` error body rather than a validation problem; positive cases get such a context.
    """
    operation = _operation(case)
    negative_body = case.meta is not None and case.meta.is_negative_at(ParameterLocation.BODY)
    if isinstance(case.body, dict | list) and not negative_body:
        # In place: assigning ``case.body`` tells schemathesis the caller replaced it.
        for media in _resolve(operation.get("requestBody")).get("content", {}).values():
            _order_body(media.get("schema"), case.body)
        _adjust_sli_samples(case.body)
        if "/ofrep/v1/evaluate/" in case.path:
            _adjust_ofrep_context(case.body)
    elif not negative_body:
        _adjust_raw_body(case, operation)
    negative_query = case.meta is not None and case.meta.is_negative_at(ParameterLocation.QUERY)
    if case.query and not negative_query:
        for parameter in _parameters(operation, "query"):
            name = parameter["name"]
            if parameter.get(OPAQUE):
                case.query.pop(name, None)
            bound = parameter.get(AT_MOST)
            if bound and _exceeds(case.query.get(name), case.query.get(bound)):
                case.query[name], case.query[bound] = case.query[bound], case.query[name]
            if parameter.get(DIGEST_OF) == "body" and name in case.query and not negative_body:
                case.query[name] = _digest(parameter[DIGEST_ALGORITHM], case.body)
        _clean_parameters(operation, "query", case.query)
    negative_headers = case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER)
    if case.headers and not negative_headers:
        _clean_parameters(operation, "header", case.headers)


def _adjust_raw_body(case: schemathesis.Case, operation: dict[str, Any]) -> None:
    for media in _resolve(operation.get("requestBody")).get("content", {}).values():
        schema = _resolve(media.get("schema"))
        if GRAMMAR not in schema:
            continue
        examples = {name: _resolve(e).get("value") for name, e in (media.get("examples") or {}).items()}
        named = examples.get(str((case.query or {}).get(schema.get(GRAMMAR_BY))))
        chosen = named or media.get("example") or next(iter(examples.values()), None)
        if isinstance(chosen, str):
            case.body = chosen.encode()


def _adjust_ofrep_context(body: Any) -> None:
    """An OFREP evaluation's ``context`` as OFREP states it: an object whose ``targetingKey`` is a string."""
    if not isinstance(body, dict) or body.get("context") is None:
        return
    if not isinstance(body["context"], dict):
        body["context"] = {}
    elif "targetingKey" in body["context"] and not isinstance(body["context"]["targetingKey"], str):
        body["context"]["targetingKey"] = str(body["context"]["targetingKey"])


def _digest(algorithm: str, body: Any) -> str:
    """The hex digest of the body as schemathesis puts it on the wire (an octet-stream body)."""
    return hashlib.new(algorithm, serialize_binary(body)).hexdigest()


def _clean_parameters(operation: dict[str, Any], location: str, values: dict[str, Any]) -> None:
    for parameter in _parameters(operation, location):
        name = parameter["name"]
        if name in values and (cleaned := _clean(parameter.get("schema"), values[name])) != values[name]:
            values[name] = cleaned


def _pointer(ref: str) -> Any:
    node: Any = DOCUMENT
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        node = _pointer(node["$ref"])
    return node if node is not None else {}


def _operation(case: schemathesis.Case) -> dict[str, Any]:
    """The case's operation in the spec; empty for a method the path does not have (``unsupported_method``)."""
    return DOCUMENT["paths"].get(case.operation.path, {}).get(case.method.lower()) or {}


def _parameters(operation: dict[str, Any], location: str) -> list[dict[str, Any]]:
    found = [_resolve(p) for p in operation.get("parameters", [])]
    return [p for p in found if p.get("in") == location]


def _exceeds(value: Any, bound: Any) -> bool:
    if isinstance(value, int) and isinstance(bound, int) and not isinstance(value, bool | float):
        return value > bound
    low, high = _instant(value), _instant(bound)
    return low is not None and high is not None and low > high


def _order_body(schema: Any, value: Any, depth: int = 0) -> Any:
    """``value`` with every ``x-companyos-at-most`` pair of its schema in order and no refused characters
    (the schema walked along; lists and objects changed in place)."""
    schema = _resolve(schema)
    if depth > 32 or not isinstance(schema, dict):
        return value
    if isinstance(value, list) and "items" in schema:
        value[:] = [_order_body(schema["items"], item, depth + 1) for item in value]
        return value
    if not isinstance(value, dict):
        return _clean(schema, value)
    _rename_keys(schema, value)
    properties = schema.get("properties") or {}
    for name, sub in properties.items():
        if name in value and GRAMMAR in _resolve(sub) and "example" in _resolve(sub):
            value[name] = _resolve(sub)["example"]
        elif name in value:
            value[name] = _order_body(sub, value[name], depth + 1)
        bound = _resolve(sub).get(AT_MOST)
        if bound and name in value and _exceeds(value[name], value.get(bound)):
            value[name], value[bound] = value[bound], value[name]
    return value


def _rename_keys(schema: dict[str, Any], value: dict[str, Any]) -> None:
    """A map whose schema names ``x-companyos-key-pattern`` (OpenAPI 3.0 has no pattern for map keys) gets
    keys that match it, in place."""
    pattern = schema.get(KEY_PATTERN)
    if not pattern:
        return
    for index, key in enumerate(list(value)):
        if re.fullmatch(pattern, key):
            continue
        renamed = f"property_{index}"
        while renamed in value:
            renamed += "_"
        value[renamed] = value.pop(key)


def _clean(schema: Any, value: Any) -> Any:
    """A string without the characters its schema's ``x-companyos-refused-characters`` names, kept within
    ``minLength``."""
    refused = _resolve(schema).get(REFUSED)
    if not refused or not isinstance(value, str):
        return value
    cleaned = re.sub(refused, "", value)
    return cleaned + "x" * (int(_resolve(schema).get("minLength") or 0) - len(cleaned))


def _adjust_sli_samples(body: Any) -> None:
    samples = body.get("samples") if isinstance(body, dict) else None
    if not isinstance(samples, list):
        return
    for sample in samples:
        if not isinstance(sample, dict):
            continue
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


# Writing a Maestro plan takes a body whose steps are a oneOf with one alternative per action type: the
# coverage phase's invalid cases for it grow with every action type (about 16,000 cases, half of the
# contract suite's time). For these two the coverage phase generates valid cases only, so their invalid
# bodies, headers, query and path values and unexpected methods come from the fuzzing phase (bounded, at
# random) instead of the coverage phase's systematic list; tests/integration/maestro asserts each refusal.
PLAN_WRITES = ["create_plan", "update_plan"]
# ``tenant_id`` pinned to the seeded ``acme``, so handlers run past the tenant lookup on real rows.
KNOWN_TENANT = {"path.tenant_id": "acme"}
contract_schema = load_schema().exclude(operation_id=PLAN_WRITES)
plan_writes_schema = load_schema(positive_coverage=True).include(operation_id=PLAN_WRITES)
known_tenant_schema = (
    load_schema(**KNOWN_TENANT).include(path_regex=r"\{tenant_id\}").exclude(operation_id=PLAN_WRITES)
)
known_tenant_plan_writes = load_schema(positive_coverage=True, **KNOWN_TENANT).include(
    operation_id=PLAN_WRITES
)


def test_contract_covers_operations() -> None:
    """Every non-identity-provider operation of the contract is generated for, and nothing else."""
    expected = {(method, path) for _, method, path in api_operations()}
    generated = {
        (op.method.upper(), op.path)
        for schema in (contract_schema, plan_writes_schema)
        for op in (r.ok() for r in schema.get_all_operations())
    }
    assert generated == expected
    assert len([*plan_writes_schema.get_all_operations()]) == len(PLAN_WRITES)
    assert len([*known_tenant_plan_writes.get_all_operations()]) == len(PLAN_WRITES)
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


@plan_writes_schema.parametrize()
@HYPOTHESIS
def test_plan_writes_as_platform_admin(
    case: schemathesis.Case, contract_app: Any, admin_headers: dict[str, str]
) -> None:
    call(case, admin_headers)


@known_tenant_plan_writes.parametrize()
@HYPOTHESIS
def test_plan_writes_in_a_known_tenant(
    case: schemathesis.Case, contract_app: Any, admin_headers: dict[str, str]
) -> None:
    call(case, admin_headers)


@known_tenant_plan_writes.parametrize()
@HYPOTHESIS
def test_plan_writes_as_member_in_own_tenant(
    case: schemathesis.Case, contract_app: Any, member_headers: dict[str, str]
) -> None:
    call(case, member_headers)


PRODUCERS = ("post", "put", "patch")
INFERRED_LINKS_PER_TARGET = 3


def focus_links(schema: Any) -> Any:
    """Keep the links a scenario can learn from: every explicit one, and of the inferred ones those from a
    producer (POST, PUT, PATCH) that carry an identifier other than ``tenant_id``, at most
    :data:`INFERRED_LINKS_PER_TARGET` into each operation.

    schemathesis infers a link wherever a response field matches a path parameter: 14,325 for the 1.4
    contract, 12,462 of them passing on ``tenant_id``, which every caller already has. Each link is a rule of
    the state machine and only the ~45 roots are enabled when a scenario starts, so Hypothesis could not draw
    an enabled rule among 14,000 (``Unsatisfiable``).
    """
    _ = schema._validation_error  # what schemathesis checks before it injects links itself
    schema.analysis.inject_links()
    into: dict[str, int] = {}
    for item in schema.raw_schema["paths"].values():
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue
            for response in operation.get("responses", {}).values():
                links = response.get("links") if isinstance(response, dict) else None
                for name, link in list((links or {}).items()):
                    if not link.get("x-schemathesis", {}).get("is_inferred"):
                        continue
                    target = link.get("operationRef") or link.get("operationId")
                    carried = [key.rsplit(".", 1)[-1] for key in link.get("parameters", {})]
                    useful = method in PRODUCERS and any(key != "tenant_id" for key in carried)
                    if not useful or into.get(target, 0) >= INFERRED_LINKS_PER_TARGET:
                        del links[name]
                    else:
                        into[target] = into.get(target, 0) + 1
    return schema


def test_stateful_links(contract_app: Any, admin_headers: dict[str, str]) -> None:
    """Stateful sequences along the spec's links: explicit OpenAPI `links`, and those schemathesis infers
    (e.g. `POST …/audit/exports` returns a job whose `id` feeds `{job_id}` of the jobs operations)."""
    machine = focus_links(load_schema()).as_state_machine()
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
