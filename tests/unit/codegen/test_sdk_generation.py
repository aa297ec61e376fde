"""The SDK surface is generated from the spec: a new operation reaches the SDK, the CLI coverage test's
expectations and the TypeScript types with no hand edit, and the drift check covers the SDK modules."""

from __future__ import annotations

import ast
import importlib
import shutil
from pathlib import Path

import pytest

from codegen import check as drift
from codegen import generate as gen
from codegen.sdk import GENERATED_HEADER, SDK_ROOT

REPO = Path(__file__).resolve().parents[3]
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="openapi-typescript needs Node")

THROWAWAY = """\
  /v1/tenants/{tenant_id}/services/{service_id}/throwaway-probe:
    parameters:
      - $ref: "#/components/parameters/TenantId"
      - $ref: "#/components/parameters/ServiceId"
    post:
      operationId: probe_service_throwaway
      x-openapi-router-controller: companyos_server.domains.services.api
      x-companyos-action: services:read
      tags: [services]
      summary: A throwaway operation added by a test
      parameters:
        - name: depth
          in: query
          required: false
          schema: { type: integer }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [note]
              properties:
                note: { type: string }
                detail: { type: string, nullable: true }
      responses:
        "200":
          description: The service.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Service" }
        "400": { $ref: "#/components/responses/BadRequest" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "403": { $ref: "#/components/responses/Forbidden" }
        "404": { $ref: "#/components/responses/NotFound" }
        "429": { $ref: "#/components/responses/TooManyRequests" }
"""


# A whole new domain fragment with a tag no operation had: it must become `client.throwaway_probes`.
THROWAWAY_TAG = """\
tags:
  - name: throwaway_probes
    description: Probes added by a test.
paths:
  /v1/tenants/{tenant_id}/throwaway-probes:
    parameters:
      - $ref: "#/components/parameters/TenantId"
    get:
      operationId: list_throwaway_probes
      x-openapi-router-controller: companyos_server.domains.throwaway_probes.api
      x-companyos-action: services:read
      tags: [throwaway_probes]
      summary: A throwaway operation of a new tag, added by a test
      responses:
        "200":
          description: The service.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Service" }
        "401": { $ref: "#/components/responses/Unauthorized" }
"""


def _spec_with_throwaway(tmp: Path) -> Path:
    spec_dir = tmp / "openapi"
    shutil.copytree(REPO / "openapi", spec_dir)
    services = spec_dir / "domains" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    assert text.count("\npaths:\n") == 1, "services.yaml layout changed: adapt the throwaway insertion"
    services.write_text(text.replace("\npaths:\n", "\npaths:\n" + THROWAWAY), encoding="utf-8")
    (spec_dir / "domains" / "throwaway_probes.yaml").write_text(THROWAWAY_TAG, encoding="utf-8")
    return spec_dir


def _properties(module: Path, cls: str) -> dict[str, str]:
    """name -> return annotation of each @property of a class."""
    return {
        name: ast.unparse(f.returns) if f.returns else ""
        for name, f in _methods(module, cls).items()
        if any(isinstance(d, ast.Name) and d.id == "property" for d in f.decorator_list)
    }


def _methods(module: Path, cls: str) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    (node,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls]
    return {f.name: f for f in node.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}


@needs_node
def test_a_new_operation_reaches_sdk_cli_coverage_and_typescript(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "generated"
    gen.generate(out, spec_dir=_spec_with_throwaway(tmp_path))

    # SDK: client.services.probe_service_throwaway, sync and async, with its parameters.
    module = out / "sdk" / "resources" / "services.py"
    assert module.read_text(encoding="utf-8").startswith(GENERATED_HEADER)
    sync = _methods(module, "Services")["probe_service_throwaway"]
    asynchronous = _methods(module, "AsyncServices")["probe_service_throwaway"]
    assert isinstance(sync, ast.FunctionDef) and isinstance(asynchronous, ast.AsyncFunctionDef)
    for method in (sync, asynchronous):
        assert [a.arg for a in method.args.args] == ["self", "service_id"]
        keywords = [a.arg for a in method.args.kwonlyargs]
        assert {"note", "detail", "depth", "tenant", "idempotency_key", "timeout"} <= set(keywords)
        assert "probe_service_throwaway" in ast.unparse(method)
        assert ast.unparse(method.returns) == "Service"
    routes = (out / "sdk" / "resources" / "_routes.py").read_text(encoding="utf-8")
    assert (
        '"probe_service_throwaway": ("POST", "/v1/tenants/{tenant_id}/services/{service_id}/throwaway-probe")'
        in routes
    )

    # A new tag: its resource module and `client.throwaway_probes` on Client and AsyncClient (the clients
    # inherit ClientResources / AsyncClientResources from the generated _client_resources.py).
    new = out / "sdk" / "resources" / "throwaway_probes.py"
    assert "list_throwaway_probes" in _methods(new, "ThrowawayProbes")
    assert "list_throwaway_probes" in _methods(new, "AsyncThrowawayProbes")
    client_resources = out / "sdk" / "_client_resources.py"
    assert client_resources.read_text(encoding="utf-8").startswith(GENERATED_HEADER)
    assert _properties(client_resources, "ClientResources")["throwaway_probes"] == "ThrowawayProbes"
    assert _properties(client_resources, "AsyncClientResources")["throwaway_probes"] == "AsyncThrowawayProbes"
    assert "throwaway_probes" not in _properties(SDK_ROOT / "_client_resources.py", "ClientResources")
    import companyos

    # the committed clients get every property of the committed _client_resources.py by inheritance
    for client, resources in (
        (companyos.Client, "ClientResources"),
        (companyos.AsyncClient, "AsyncClientResources"),
    ):
        for name in _properties(SDK_ROOT / "_client_resources.py", resources):
            assert isinstance(getattr(client, name), property), (client, name)
    assert "ThrowawayProbes" in (out / "sdk" / "resources" / "__init__.py").read_text(encoding="utf-8")

    # TypeScript types.
    schema_ts = (out / "typescript" / "schema.d.ts").read_text(encoding="utf-8")
    assert "probe_service_throwaway" in schema_ts and "list_throwaway_probes" in schema_ts

    # The CLI coverage test expects a command for it (its expectations come from the bundled spec).
    coverage = importlib.import_module("tests.unit.cli.test_coverage")
    monkeypatch.setattr(coverage, "SPEC", out / "openapi.json")
    assert "probe_service_throwaway" in coverage.spec_operations()
    with pytest.raises(AssertionError, match="probe_service_throwaway"):
        coverage.test_every_operation_has_a_cli_command()

    # The drift check notices the committed SDK lacks it.
    problems = drift.compare_sdk(out / "sdk", SDK_ROOT)
    assert "differs    sdk/companyos/resources/services.py" in problems
    assert "differs    sdk/companyos/resources/_routes.py" in problems
    assert "differs    sdk/companyos/_client_resources.py" in problems
    assert "missing    sdk/companyos/resources/throwaway_probes.py" in problems


def test_committed_sdk_modules_match_the_generator(tmp_path: Path) -> None:
    """The drift check's SDK half: regenerate the SDK modules alone and compare them with the tree."""
    from codegen.bundle import bundle

    stage, fresh = tmp_path / "stage", tmp_path / "sdk"
    stage.mkdir()
    gen.generate_python_sdk(gen.client_spec(bundle()), stage, fresh)
    assert drift.compare_sdk(fresh, SDK_ROOT) == []


def test_drift_check_reports_edited_missing_and_stray_sdk_files(tmp_path: Path) -> None:
    sdk = tmp_path / "companyos"
    shutil.copytree(SDK_ROOT / "resources", sdk / "resources", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(SDK_ROOT / "types", sdk / "types", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(SDK_ROOT / "_client_resources.py", sdk / "_client_resources.py")
    fresh = tmp_path / "fresh"
    for rel in gen.generated_sdk_files(SDK_ROOT):
        (fresh / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SDK_ROOT / rel, fresh / rel)
    assert drift.compare_sdk(fresh, sdk) == []

    with (sdk / "resources" / "jobs.py").open("a", encoding="utf-8") as handle:
        handle.write("# a hand edit\n")
    (sdk / "types" / "search.py").unlink()
    (sdk / "resources" / "stray.py").write_text(GENERATED_HEADER + "\n", encoding="utf-8")
    (sdk / "resources" / "handwritten.py").write_text('"""not generated"""\n', encoding="utf-8")
    assert drift.compare_sdk(fresh, sdk) == [
        "differs    sdk/companyos/resources/jobs.py",
        "unexpected sdk/companyos/resources/stray.py",
        "missing    sdk/companyos/types/search.py",
    ]
