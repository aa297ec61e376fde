"""codegen.generate / codegen.check: the client-spec filter, determinism and drift detection.

The generation tests run the real tools (openapi-python-client, datamodel-codegen, openapi-typescript);
each generation takes about 2 s. They are skipped when node_modules is absent and npm is unavailable.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import codegen.generate as gen
from codegen.bundle import bundle, render
from codegen.check import check, compare

IDP_OP = {
    "operationId": "oauth_token",
    "x-companyos-served-by": "identity-provider",
    "tags": ["oauth"],
    "summary": "Token endpoint",
    "security": [],
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/TokenRequest"}}
        },
    },
    "responses": {
        "200": {
            "description": "tokens",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TokenResponse"}}},
        },
        "400": {
            "description": "error",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
        },
    },
}


def api_bundle() -> dict[str, Any]:
    """The real bundle without its identity-provider operations: the base these tests add one to."""
    return gen.client_spec(bundle())


def with_idp(doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    doc["paths"]["/oauth2/token"] = {"post": copy.deepcopy(IDP_OP)}
    doc["tags"] = sorted([*doc.get("tags", []), {"name": "oauth"}], key=lambda t: t["name"])
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas["TokenRequest"] = {
        "type": "object",
        "properties": {"grant_type": {"type": "string"}, "scope": {"$ref": "#/components/schemas/Scope"}},
    }
    schemas["Scope"] = {"type": "string"}
    schemas["TokenResponse"] = {"type": "object", "properties": {"access_token": {"type": "string"}}}
    schemas["Unreferenced"] = {"type": "object", "properties": {"x": {"type": "string"}}}
    return doc


def test_client_spec_drops_identity_provider_operations() -> None:
    doc = with_idp(api_bundle())
    before = copy.deepcopy(doc)
    filtered = gen.client_spec(doc)
    assert doc == before, "the input must not be modified"
    assert "/oauth2/token" not in filtered["paths"]
    assert set(filtered["paths"]) == set(doc["paths"]) - {"/oauth2/token"}
    schemas = filtered["components"]["schemas"]
    assert {"TokenRequest", "TokenResponse", "Scope"}.isdisjoint(schemas)
    assert "Problem" in schemas, "shared with kept operations"
    assert "Unreferenced" in schemas, "not used by excluded operations: kept"
    assert "oauth" not in {t["name"] for t in filtered["tags"]}


def test_client_spec_keeps_other_methods_of_a_mixed_path() -> None:
    doc = with_idp(api_bundle())
    doc["paths"]["/oauth2/token"]["get"] = {
        "operationId": "token_info",
        "responses": {"204": {"description": "x"}},
    }
    filtered = gen.client_spec(doc)
    assert list(filtered["paths"]["/oauth2/token"]) == ["get"]


def test_client_spec_without_excluded_operations_is_unchanged() -> None:
    doc = api_bundle()
    assert gen.client_spec(doc) == doc


def test_real_identity_provider_operations_are_dropped() -> None:
    doc = bundle()
    served = {
        p
        for p, item in doc["paths"].items()
        if any(isinstance(o, dict) and o.get("x-companyos-served-by") for o in item.values())
    }
    assert served, "the bundle documents the identity provider's endpoints"
    assert served.isdisjoint(gen.client_spec(doc)["paths"])


needs_node = pytest.mark.skipif(
    not (gen.NODE_BIN / "openapi-typescript").exists() and shutil.which("npm") is None,
    reason="needs node_modules (npm ci) for openapi-typescript",
)


@needs_node
def test_generate_is_deterministic_and_check_detects_drift(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    gen.generate(first)
    gen.generate(second)
    assert compare(first, second) == []
    assert (first / "openapi.json").read_text(encoding="utf-8") == render(bundle())
    version = bundle()["info"]["version"]
    assert f'version = "{version}"' in (first / "python" / "pyproject.toml").read_text(encoding="utf-8")
    assert (first / "python" / "companyos_client" / "client.py").is_file()
    assert (first / "server_models" / "companyos_server_models" / "__init__.py").is_file()
    assert (first / "typescript" / "schema.d.ts").is_file()
    assert not list(first.rglob("__pycache__"))
    assert not list(first.rglob(".ruff_cache"))

    assert check(first) == []  # a third generation, compared with the first

    (second / "typescript" / "schema.d.ts").write_text("// edited by hand\n", encoding="utf-8")
    (second / "python" / "companyos_client" / "stray.py").write_text("", encoding="utf-8")
    (second / "server_models" / "pyproject.toml").unlink()
    assert compare(first, second) == [
        "unexpected python/companyos_client/stray.py",
        "missing    server_models/pyproject.toml",
        "differs    typescript/schema.d.ts",
    ]
    assert gen.main(["--out", str(second)]) == 0  # regenerating heals every difference
    assert compare(first, second) == []


@needs_node
def test_identity_provider_operations_reach_typescript_but_not_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gen, "bundle", lambda: with_idp(api_bundle()))
    gen.generate(tmp_path)
    assert "/oauth2/token" in json.loads((tmp_path / "openapi.json").read_text(encoding="utf-8"))["paths"]
    assert '"/oauth2/token"' in (tmp_path / "typescript" / "schema.d.ts").read_text(encoding="utf-8")
    client = tmp_path / "python" / "companyos_client"
    assert not (client / "api" / "oauth").exists()
    generated = {p.name for p in client.rglob("*.py")}
    assert {"token_request.py", "token_response.py", "oauth_token.py"}.isdisjoint(generated)
    models = (tmp_path / "server_models" / "companyos_server_models" / "__init__.py").read_text(
        encoding="utf-8"
    )
    assert "class TokenResponse(" in models
