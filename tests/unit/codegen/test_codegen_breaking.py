"""codegen.breaking: each class of breaking change on small hand-made spec pairs, no false positives."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.breaking import BREAKING, INFO, WARNING, compare, main

REPO = Path(__file__).resolve().parents[3]
ITEM = "/v1/items/{item_id}"
ITEMS = "/v1/items"


def base() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1.0.0"},
        "security": [{"bearerAuth": []}],
        "paths": {
            ITEMS: {
                "post": {
                    "operationId": "create_item",
                    "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/ItemCreate"}}
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "created",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Item"}}
                            },
                        },
                        "409": {"$ref": "#/components/responses/Conflict"},
                    },
                },
            },
            ITEM: {
                "parameters": [
                    {"name": "item_id", "in": "path", "required": True, "schema": {"type": "string"}},
                ],
                "get": {
                    "operationId": "get_item",
                    "parameters": [
                        {
                            "name": "view",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["basic", "full"]},
                        },
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}},
                    ],
                    "responses": {
                        "200": {
                            "description": "the item",
                            "headers": {"X-Request-Id": {"schema": {"type": "string"}}},
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Item"}}
                            },
                        },
                        "404": {"description": "missing"},
                    },
                },
                "delete": {"operationId": "delete_item", "responses": {"204": {"description": "gone"}}},
            },
            "/v1/health": {
                "get": {
                    "operationId": "get_health",
                    "security": [],
                    "responses": {"200": {"description": "ok"}},
                }
            },
        },
        "components": {
            "parameters": {
                "IdempotencyKey": {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": False,
                    "schema": {"type": "string", "maxLength": 255},
                }
            },
            "responses": {"Conflict": {"description": "conflict"}},
            "schemas": {
                "Status": {"type": "string", "enum": ["active", "suspended"]},
                "Item": {
                    "type": "object",
                    "required": ["id", "name", "status"],
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "status": {"$ref": "#/components/schemas/Status"},
                        "count": {"type": "integer", "format": "int32"},
                        "created_at": {"type": "string", "format": "date-time"},
                        "note": {"type": "string", "nullable": False},
                        "owner": {"$ref": "#/components/schemas/Owner"},
                        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                    },
                },
                "Owner": {
                    "type": "object",
                    "properties": {
                        "email": {"type": "string"},
                        "manager": {"$ref": "#/components/schemas/Owner"},
                    },
                },
                "ItemCreate": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "minLength": 1, "maxLength": 100},
                        "status": {"$ref": "#/components/schemas/Status"},
                        "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 10},
                        "comment": {"type": "string", "nullable": True},
                        "code": {"type": "string"},
                        "priority": {"type": "integer", "minimum": 0, "maximum": 10},
                        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                    },
                },
            },
        },
    }


def changed(mutate: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    new = copy.deepcopy(base())
    mutate(new)
    return new


def breaking_lines(mutate: Callable[[dict[str, Any]], None]) -> list[str]:
    return [str(c) for c in compare(base(), changed(mutate)) if c.level == BREAKING]


def schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["components"]["schemas"]


# --------------------------------------------------------------------------- no false positives


def test_identical_specs_have_no_changes() -> None:
    assert compare(base(), base()) == []


def test_purely_additive_change_is_not_breaking() -> None:
    def additive(doc: dict[str, Any]) -> None:
        doc["paths"]["/v1/widgets"] = {
            "get": {"operationId": "list_widgets", "responses": {"200": {"description": "x"}}}
        }
        doc["paths"][ITEM]["put"] = {
            "operationId": "replace_item",
            "responses": {"200": {"description": "x"}},
        }
        doc["paths"][ITEM]["get"]["parameters"].append(
            {"name": "expand", "in": "query", "schema": {"type": "boolean"}}
        )
        doc["paths"][ITEM]["get"]["responses"]["429"] = {"description": "slow down"}
        schemas(doc)["Item"]["properties"]["description"] = {"type": "string"}
        schemas(doc)["ItemCreate"]["properties"]["description"] = {"type": "string"}
        schemas(doc)["ItemCreate"]["properties"]["name"]["maxLength"] = 200  # looser request
        schemas(doc)["ItemCreate"]["properties"]["tags"]["maxItems"] = 20
        schemas(doc)["ItemCreate"]["properties"]["code"]["nullable"] = True
        doc["paths"][ITEM]["get"]["parameters"][0]["schema"]["enum"].append("debug")  # request enum widened
        schemas(doc)["Widget"] = {"type": "object"}

    changes = compare(base(), changed(additive))
    assert [c for c in changes if c.level == BREAKING] == []
    infos = {str(c) for c in changes if c.level == INFO}
    assert any("/v1/widgets: path added" in line for line in infos)
    assert any("operation added" in line for line in infos)
    assert any("new optional query parameter 'expand'" in line for line in infos)
    assert any("description: new response field" in line for line in infos)


def test_renamed_path_variable_is_not_breaking() -> None:
    def rename(doc: dict[str, Any]) -> None:
        item = doc["paths"].pop(ITEM)
        item["parameters"][0]["name"] = "id"
        doc["paths"]["/v1/items/{id}"] = item

    assert breaking_lines(rename) == []


# --------------------------------------------------------------------------- each breaking class


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        pytest.param(
            lambda d: d["paths"].pop(ITEM),
            f"BREAKING {ITEM}: path removed (operations: GET, DELETE)",
            id="path",
        ),
        pytest.param(
            lambda d: d["paths"][ITEM].pop("delete"),
            f"BREAKING DELETE {ITEM}: operation removed (delete_item)",
            id="method",
        ),
        pytest.param(
            lambda d: d["paths"][ITEM]["get"]["responses"].pop("404"),
            f"GET {ITEM}: response status 404 removed",
            id="status",
        ),
        pytest.param(
            lambda d: schemas(d)["Item"]["properties"].pop("created_at"),
            f"GET {ITEM} response 200 (application/json) created_at: response field removed",
            id="response-field",
        ),
        pytest.param(
            lambda d: schemas(d)["Owner"]["properties"].pop("email"),
            f"GET {ITEM} response 200 (application/json) owner.email: response field removed",
            id="nested-response-field-via-ref",
        ),
        pytest.param(
            lambda d: schemas(d)["Item"]["required"].remove("name"),
            "name: response field no longer required",
            id="response-field-optional",
        ),
        pytest.param(
            lambda d: d["paths"][ITEM]["get"]["responses"]["200"].pop("headers"),
            "response header 'x-request-id' removed",
            id="response-header",
        ),
        pytest.param(
            lambda d: schemas(d)["ItemCreate"]["required"].append("code"),
            f"POST {ITEMS} request body code: request field became required",
            id="optional-to-required-field",
        ),
        pytest.param(
            lambda d: (
                schemas(d)["ItemCreate"]["properties"].__setitem__("owner_id", {"type": "string"}),
                schemas(d)["ItemCreate"]["required"].append("owner_id"),
            ),
            f"POST {ITEMS} request body owner_id: new required request field",
            id="new-required-field",
        ),
        pytest.param(
            lambda d: d["paths"][ITEM]["get"]["parameters"].append(
                {"name": "region", "in": "query", "required": True, "schema": {"type": "string"}}
            ),
            f"GET {ITEM}: new required query parameter 'region'",
            id="new-required-parameter",
        ),
        pytest.param(
            lambda d: d["paths"][ITEM]["get"]["parameters"][1].__setitem__("required", True),
            "query parameter 'limit' became required",
            id="parameter-optional-to-required",
        ),
        pytest.param(
            lambda d: d["components"]["parameters"]["IdempotencyKey"].__setitem__("required", True),
            f"POST {ITEMS}: header parameter 'Idempotency-Key' became required",
            id="ref-parameter-required",
        ),
        pytest.param(
            lambda d: d["paths"][ITEM]["get"]["parameters"].pop(0),
            f"GET {ITEM}: request query parameter 'view' removed",
            id="removed-parameter",
        ),
        pytest.param(
            lambda d: schemas(d)["Status"]["enum"].remove("suspended"),
            'status: enum value(s) removed: ["suspended"]',
            id="enum-narrowed",
        ),
        pytest.param(
            lambda d: d["paths"][ITEM]["get"]["parameters"][0]["schema"]["enum"].remove("full"),
            "query parameter 'view': enum value(s) removed",
            id="parameter-enum-narrowed",
        ),
        pytest.param(
            lambda d: schemas(d)["Item"]["properties"]["count"].__setitem__("type", "string"),
            "count: type changed from integer to string",
            id="type",
        ),
        pytest.param(
            lambda d: schemas(d)["Item"]["properties"]["count"].__setitem__("format", "int64"),
            "count: format changed from int32 to int64",
            id="format",
        ),
        pytest.param(
            lambda d: schemas(d)["ItemCreate"]["properties"]["name"].__setitem__("maxLength", 50),
            "request body name: stricter constraint: maxLength 100 -> 50",
            id="maxLength",
        ),
        pytest.param(
            lambda d: schemas(d)["ItemCreate"]["properties"]["name"].__setitem__("minLength", 3),
            "stricter constraint: minLength 1 -> 3",
            id="minLength",
        ),
        pytest.param(
            lambda d: schemas(d)["ItemCreate"]["properties"]["priority"].__setitem__("maximum", 5),
            "stricter constraint: maximum 10 -> 5",
            id="maximum",
        ),
        pytest.param(
            lambda d: schemas(d)["ItemCreate"]["properties"]["priority"].__setitem__("minimum", 1),
            "stricter constraint: minimum 0 -> 1",
            id="minimum",
        ),
        pytest.param(
            lambda d: schemas(d)["ItemCreate"]["properties"]["tags"].__setitem__("maxItems", 5),
            "tags: stricter constraint: maxItems 10 -> 5",
            id="maxItems",
        ),
        pytest.param(
            lambda d: schemas(d)["ItemCreate"]["properties"]["tags"].__setitem__("minItems", 1),
            "tags: stricter constraint: minItems (none) -> 1",
            id="minItems",
        ),
        pytest.param(
            lambda d: d["paths"][ITEM]["get"]["parameters"][1]["schema"].__setitem__("maximum", 50),
            "query parameter 'limit': stricter constraint: maximum 100 -> 50",
            id="parameter-maximum",
        ),
        pytest.param(
            lambda d: schemas(d)["ItemCreate"]["properties"]["code"].__setitem__("pattern", "^[a-z]+$"),
            'code: pattern added: "^[a-z]+$"',
            id="new-pattern",
        ),
        pytest.param(
            lambda d: d["components"]["parameters"]["IdempotencyKey"]["schema"].__setitem__("pattern", "^x$"),
            "header parameter 'Idempotency-Key': pattern added",
            id="parameter-pattern",
        ),
        pytest.param(
            lambda d: schemas(d)["ItemCreate"].__setitem__("additionalProperties", False),
            f"POST {ITEMS} request body: additional properties no longer allowed",
            id="additionalProperties-false",
        ),
        pytest.param(
            lambda d: schemas(d)["ItemCreate"]["properties"]["comment"].pop("nullable"),
            "comment: no longer accepts null",
            id="request-nullable-removed",
        ),
        pytest.param(
            lambda d: schemas(d)["Item"]["properties"]["note"].__setitem__("nullable", True),
            "note: may now be null",
            id="response-nullable-added",
        ),
        pytest.param(
            lambda d: d["paths"][ITEMS]["post"]["requestBody"]["content"].__setitem__(
                "application/x-www-form-urlencoded",
                d["paths"][ITEMS]["post"]["requestBody"]["content"].pop("application/json"),
            ),
            "request media type application/json no longer accepted",
            id="request-media-type",
        ),
        pytest.param(
            lambda d: d["paths"]["/v1/health"]["get"].pop("security"),
            "GET /v1/health: operation now requires authentication",
            id="security",
        ),
    ],
)
def test_detects(mutate: Callable[[dict[str, Any]], None], expected: str) -> None:
    lines = breaking_lines(mutate)
    assert any(expected in line for line in lines), "\n".join(lines) or "(no breaking changes)"


def test_pattern_change_and_removed_request_field_with_closed_schema() -> None:
    def mutate(doc: dict[str, Any]) -> None:
        schemas(doc)["ItemCreate"]["properties"]["code"]["pattern"] = "^[a-z]+$"

    new = changed(mutate)
    newer = copy.deepcopy(new)
    schemas(newer)["ItemCreate"]["properties"]["code"]["pattern"] = "^[a-z0-9]+$"
    schemas(newer)["ItemCreate"]["additionalProperties"] = False
    del schemas(newer)["ItemCreate"]["properties"]["comment"]
    lines = [str(c) for c in compare(new, newer) if c.level == BREAKING]
    assert any('code: pattern changed from "^[a-z]+$" to "^[a-z0-9]+$"' in line for line in lines)
    assert any("comment: request field removed (now rejected as unknown)" in line for line in lines)


def test_response_enum_widening_is_a_warning_not_breaking() -> None:
    changes = compare(base(), changed(lambda d: schemas(d)["Status"]["enum"].append("archived")))
    assert [c.level for c in changes if "status" in c.location and "enum" in c.message].count(WARNING) >= 1
    assert all(c.level != BREAKING for c in changes)


def test_response_nullable_removed_is_not_breaking() -> None:
    # A response that stops sending null keeps every client working; only the opposite breaks them.
    def mutate(doc: dict[str, Any]) -> None:
        schemas(doc)["Item"]["properties"]["note"]["nullable"] = True

    assert [c for c in compare(changed(mutate), base()) if c.level == BREAKING] == []


def test_recursive_schemas_terminate_and_allof_is_followed() -> None:
    def mutate(doc: dict[str, Any]) -> None:
        schemas(doc)["Base"] = {
            "type": "object",
            "properties": {"self": {"$ref": "#/components/schemas/Node"}},
        }
        schemas(doc)["Node"] = {
            "allOf": [{"$ref": "#/components/schemas/Base"}, {"properties": {"value": {"type": "string"}}}]
        }
        schemas(doc)["Item"]["properties"]["tree"] = {"$ref": "#/components/schemas/Node"}

    old = changed(mutate)
    new = copy.deepcopy(old)
    del schemas(new)["Node"]["allOf"][1]["properties"]["value"]
    lines = [str(c) for c in compare(old, new) if c.level == BREAKING]
    # Reported where the recursion is first entered; the recursive re-entry (tree.self) is not re-walked.
    assert f"BREAKING GET {ITEM} response 200 (application/json) tree.value: response field removed" in lines
    assert not any("tree.self" in line for line in lines)


def test_recursive_schema_change_is_reported_once_per_location() -> None:
    # Item.children[] -> Item and Owner.manager -> Owner are cycles.
    lines = breaking_lines(lambda d: schemas(d)["Owner"]["properties"].pop("email"))
    assert lines == [
        f"BREAKING POST {ITEMS} response 201 (application/json) owner.email: response field removed",
        f"BREAKING GET {ITEM} response 200 (application/json) owner.email: response field removed",
    ]


# --------------------------------------------------------------------------- CLI


def _dump(path: Path, doc: dict[str, Any], as_yaml: bool = False) -> Path:
    path.write_text(yaml.safe_dump(doc) if as_yaml else json.dumps(doc), encoding="utf-8")
    return path


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _dump(tmp_path / "old.json", base())
    same = _dump(tmp_path / "same.yaml", base(), as_yaml=True)
    broken = _dump(tmp_path / "new.json", changed(lambda d: d["paths"].pop(ITEM)))
    additive = _dump(
        tmp_path / "add.json", changed(lambda d: schemas(d)["Item"]["properties"].__setitem__("x", {}))
    )

    assert main([str(old), str(same)]) == 0
    assert main([str(old), str(additive)]) == 0
    assert "info" not in capsys.readouterr().out
    assert main([str(old), str(additive), "--verbose"]) == 0
    assert (
        "info     GET /v1/items/{item_id} response 200 (application/json) x: new response field"
        in capsys.readouterr().out
    )

    assert main([str(old), str(broken)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"BREAKING {ITEM}: path removed (operations: GET, DELETE)"]

    assert main([str(old), str(tmp_path / "missing.json")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("breaking: error: cannot read")
    assert "\n" not in err

    (tmp_path / "garbage.yaml").write_text("{ not: [valid", encoding="utf-8")
    assert main([str(old), str(tmp_path / "garbage.yaml")]) == 2
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    assert main([str(tmp_path / "list.yaml"), str(old)]) == 2


def test_cli_semver_accepts_major_bump(tmp_path: Path) -> None:
    old = _dump(tmp_path / "old.json", base())
    bumped = changed(lambda d: d["paths"].pop(ITEM))
    minor = _dump(tmp_path / "minor.json", bumped)
    bumped["info"]["version"] = "2.0.0"
    major = _dump(tmp_path / "major.json", bumped)
    assert main([str(old), str(minor), "--semver"]) == 1
    assert main([str(old), str(major), "--semver"]) == 0
    assert main([str(old), str(major)]) == 1


def _versioned(doc: dict[str, Any], version: str) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    doc["info"]["version"] = version
    return doc


def test_cli_semver_requires_a_minor_bump_for_additive_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The released baseline is 1.0.0 here: a new operation or field is additive, so 1.0.1 is too small."""
    old = _dump(tmp_path / "old.json", base())
    added = changed(lambda d: schemas(d)["Item"]["properties"].__setitem__("x", {}))
    for version, expected in (("1.0.0", 1), ("1.0.1", 1), ("1.1.0", 0), ("1.2.3", 0), ("2.0.0", 0)):
        path = _dump(tmp_path / f"add-{version}.json", _versioned(added, version))
        assert main([str(old), str(path), "--semver"]) == expected, version
        assert main([str(old), str(path)]) == 0, version  # without --semver only breaking changes fail
    capsys.readouterr()
    main([str(old), str(tmp_path / "add-1.0.1.json"), "--semver"])
    assert "an additive change needs at least a minor version bump (info.version 1.0.0 -> 1.0.1)" in (
        capsys.readouterr().err
    )

    # a new operation is additive too
    op = changed(lambda d: d["paths"][ITEM].__setitem__("put", copy.deepcopy(d["paths"][ITEM]["get"])))
    assert main([str(old), str(_dump(tmp_path / "op.json", _versioned(op, "1.0.1"))), "--semver"]) == 1
    assert main([str(old), str(_dump(tmp_path / "op2.json", _versioned(op, "1.1.0"))), "--semver"]) == 0

    # no change of shape: any version not lower than the baseline (a patch, or the same file)
    assert main([str(old), str(_dump(tmp_path / "same.json", base())), "--semver"]) == 0
    assert main([str(old), str(_dump(tmp_path / "patch.json", _versioned(base(), "1.0.1"))), "--semver"]) == 0

    # never backwards, even without a change; nor a breaking change under a mere minor bump
    newer = _dump(tmp_path / "newer.json", _versioned(base(), "1.3.0"))
    assert (
        main([str(newer), str(_dump(tmp_path / "older.json", _versioned(base(), "1.2.9"))), "--semver"]) == 1
    )
    assert "info.version went backwards: 1.3.0 -> 1.2.9" in capsys.readouterr().err
    removed = _dump(tmp_path / "rm.json", _versioned(changed(lambda d: d["paths"].pop(ITEM)), "1.1.0"))
    assert main([str(old), str(removed), "--semver"]) == 1
    assert "a breaking change needs a major version bump" in capsys.readouterr().err


def test_script_entry_point_runs_as_a_file(tmp_path: Path) -> None:
    old = _dump(tmp_path / "old.json", base())
    new = _dump(tmp_path / "new.json", changed(lambda d: schemas(d)["Status"]["enum"].remove("active")))
    proc = subprocess.run(
        [sys.executable, str(REPO / "codegen" / "breaking.py"), str(old), str(new)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr
    assert all(line.startswith("BREAKING ") for line in proc.stdout.splitlines())
    assert 'enum value(s) removed: ["active"]' in proc.stdout


# --------------------------------------------------------------------------- oneOf in a response


def _step(action: str, extra: str = "n") -> dict[str, Any]:
    return {"type": "object", "required": ["action"],
            "properties": {"action": {"type": "string", "enum": [action]}, extra: {"type": "integer"}}}  # fmt: skip


def _with_steps(*alternatives: dict[str, Any]) -> dict[str, Any]:
    doc = base()
    schemas(doc)["Item"]["properties"]["steps"] = {"type": "array", "items": {"oneOf": list(alternatives)}}
    return doc


def test_a_response_oneof_told_apart_by_a_property_gaining_a_value_is_graded_like_an_enum_value() -> None:
    old = _with_steps(_step("restart"), _step("wait"))
    new = _with_steps(_step("restart"), _step("wait"), _step("isolate"))
    changes = compare(old, new)
    assert not [c for c in changes if c.level == BREAKING]
    gained = [c for c in changes if "gained" in c.message]  # once per response that carries Item
    assert gained and all(c.level == WARNING and '["isolate"]' in c.message and "'action'" in c.message
                          for c in gained)  # fmt: skip


def test_a_response_oneof_gaining_an_alternative_without_a_telling_property_is_breaking() -> None:
    plain = {"type": "object", "properties": {"n": {"type": "integer"}}}
    old = _with_steps(_step("restart"), _step("wait"))
    assert any("gained 1 alternative" in c.message and c.level == BREAKING
               for c in compare(old, _with_steps(_step("restart"), _step("wait"), plain)))  # fmt: skip
    # Two alternatives with the same value cannot be told apart either.
    assert any(
        c.level == BREAKING
        for c in compare(old, _with_steps(_step("restart"), _step("wait"), _step("wait", "m")))
    )
    # Inserted before existing ones, the old positions change meaning: breaking too.
    assert any(
        c.level == BREAKING
        for c in compare(old, _with_steps(_step("isolate"), _step("restart"), _step("wait")))
    )
