"""The contract states what the server enforces beside its schemas, and says it truthfully.

- every list operation documents the 400 a refused page token gets (``ListBadRequest``), and its
  ``page_token`` is marked opaque;
- every POST that takes ``Idempotency-Key`` documents the 409 ``idempotency-key-reused``;
- each ``x-companyos-refused-characters`` class is exactly what the server refuses;
- each ``x-companyos-at-most`` names a sibling that exists.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from companyos_server.domains.policies import catalog
from companyos_server.platform import pagination
from companyos_server.platform.guard import PURPOSE_MAX, PURPOSE_MIN
from tests.contract.conftest import api_operations, contract_document

DOCUMENT = contract_document()
PROBLEMS = "https://docs.companyos.dev/problems/"


def resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = DOCUMENT
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def operations() -> list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    found = []
    for op_id, method, path in api_operations(DOCUMENT):
        item = DOCUMENT["paths"][path]
        op = item[method.lower()]
        params = [resolve(p) for p in [*item.get("parameters", []), *op.get("parameters", [])]]
        found.append((op_id, method, op, params))
    return found


def example_types(response: dict[str, Any]) -> set[str]:
    media = resolve(response)["content"]["application/problem+json"]
    examples = [e["value"] for e in media.get("examples", {}).values()]
    if "example" in media:
        examples.append(media["example"])
    return {e["type"] for e in examples}


def test_every_list_documents_the_invalid_page_token_problem() -> None:
    lists = [
        (op_id, op) for op_id, _, op, params in operations() if any(p["name"] == "page_token" for p in params)
    ]
    assert len(lists) >= 19
    for op_id, op in lists:
        assert op["responses"]["400"] == {"$ref": "#/components/responses/ListBadRequest"}, op_id
    response = DOCUMENT["components"]["responses"]["ListBadRequest"]
    assert PROBLEMS + pagination.PROBLEM_SLUG in example_types(response)
    token = DOCUMENT["components"]["parameters"]["PageToken"]
    assert token["x-companyos-opaque"] is True
    assert token["schema"]["maxLength"] == pagination.MAX_TOKEN_LENGTH


def test_every_post_with_an_idempotency_key_documents_the_reused_key_conflict() -> None:
    posts = [
        (op_id, op)
        for op_id, method, op, params in operations()
        if method == "POST" and any(p["name"] == "Idempotency-Key" for p in params)
    ]
    assert len(posts) >= 29
    for op_id, op in posts:
        assert "409" in op["responses"], op_id
        response = resolve(op["responses"]["409"])
        assert "idempotency-key-reused" in response["description"], op_id
        assert "Retry-After" in response.get("headers", {}), op_id


def _refused(schema: dict[str, Any]) -> re.Pattern[str]:
    return re.compile(schema["x-companyos-refused-characters"])


def test_the_purpose_header_refuses_exactly_what_the_guard_refuses() -> None:
    from companyos_server.platform.guard import _purpose
    from companyos_server.platform.problems import ProblemException

    pattern = _refused(DOCUMENT["components"]["parameters"]["Purpose"]["schema"])
    for code in range(256):  # header values are latin-1
        value = f"ab{chr(code)}c"
        scope = {"headers": [(b"x-companyos-purpose", value.encode("latin-1"))]}
        try:
            _purpose(scope)  # type: ignore[arg-type]
            refused = False
        except ProblemException:
            refused = True
        assert refused == bool(pattern.search(value)), hex(code)
    assert (PURPOSE_MIN, PURPOSE_MAX) == (3, 200)


@pytest.mark.parametrize("code", [*range(0x00, 0x300), 0x2028, 0x2029, 0xD800, 0xDFFF, 0xFEFF, 0x1F600])
def test_a_policy_reason_refuses_exactly_what_the_catalog_refuses(code: int) -> None:
    value = f"ab{chr(code)}c"
    for schema in (
        DOCUMENT["components"]["schemas"]["PolicyRule"]["properties"]["reason"],
        *DOCUMENT["components"]["schemas"]["SliLabels"]["properties"].values(),  # services/sli.py
    ):
        assert bool(_refused(schema).search(value)) == (catalog.text_problem(value) is not None)


def _at_most_pairs() -> list[tuple[str, str, set[str]]]:
    pairs = []
    for op_id, _, _, params in operations():
        names = {p["name"] for p in params if p.get("in") == "query"}
        pairs += [(op_id, p["x-companyos-at-most"], names) for p in params if "x-companyos-at-most" in p]
    for name, schema in DOCUMENT["components"]["schemas"].items():
        properties = schema.get("properties") or {}
        for prop in properties.values():
            bound = resolve(prop).get("x-companyos-at-most")
            if bound:
                pairs.append((name, bound, set(properties)))
    return pairs


def test_every_at_most_bound_names_a_sibling() -> None:
    pairs = _at_most_pairs()
    assert {where for where, _, _ in pairs} >= {
        "list_audit_events",
        "get_graph_changes",
        "inspect_entity",
        "get_run_verification",
        "list_sli_samples",
        "SliSample",
    }
    for where, bound, siblings in pairs:
        assert bound in siblings, (where, bound)
