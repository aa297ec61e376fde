"""codegen.bundle: fragments merge into one document; a name defined twice is an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from codegen.bundle import BundleError, bundle, render

ROOT = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1.0.0"},
    "tags": [],
    "paths": {},
    "components": {"schemas": {"Problem": {"type": "object"}}},
}


def _write(spec_dir: Path, fragments: dict[str, dict]) -> Path:
    (spec_dir / "domains").mkdir(parents=True)
    (spec_dir / "root.yaml").write_text(yaml.safe_dump(ROOT), encoding="utf-8")
    for name, body in fragments.items():
        (spec_dir / "domains" / f"{name}.yaml").write_text(yaml.safe_dump(body), encoding="utf-8")
    return spec_dir


def _op(op_id: str) -> dict:
    return {"get": {"operationId": op_id, "responses": {"204": {"description": "ok"}}}}


def test_merges_fragments_sorted(tmp_path: Path) -> None:
    spec_dir = _write(
        tmp_path,
        {
            "b": {"tags": [{"name": "b"}], "paths": {"/v1/b": _op("get_b")}},
            "a": {
                "tags": [{"name": "a"}],
                "paths": {"/v1/a": _op("get_a")},
                "components": {"schemas": {"A": {"type": "string"}}},
            },
        },
    )
    doc = bundle(spec_dir)
    assert [t["name"] for t in doc["tags"]] == ["a", "b"]
    assert list(doc["paths"]) == ["/v1/a", "/v1/b"]
    assert set(doc["components"]["schemas"]) == {"Problem", "A"}
    assert json.loads(render(doc)) == doc
    assert render(doc) == render(bundle(spec_dir))


def test_rejects_duplicate_path(tmp_path: Path) -> None:
    spec_dir = _write(tmp_path, {"a": {"paths": {"/v1/x": _op("a")}}, "b": {"paths": {"/v1/x": _op("b")}}})
    with pytest.raises(BundleError, match=r"path /v1/x defined twice"):
        bundle(spec_dir)


def test_rejects_duplicate_component_across_fragments(tmp_path: Path) -> None:
    schemas = {"components": {"schemas": {"Thing": {"type": "string"}}}}
    spec_dir = _write(tmp_path, {"a": schemas, "b": schemas})
    with pytest.raises(BundleError, match=r"components\.schemas\.Thing defined twice"):
        bundle(spec_dir)


def test_rejects_component_shadowing_root(tmp_path: Path) -> None:
    spec_dir = _write(tmp_path, {"a": {"components": {"schemas": {"Problem": {"type": "string"}}}}})
    with pytest.raises(BundleError, match=r"Problem defined twice"):
        bundle(spec_dir)


def test_rejects_duplicate_tag_and_unknown_keys(tmp_path: Path) -> None:
    spec_dir = _write(tmp_path, {"a": {"tags": [{"name": "x"}]}, "b": {"tags": [{"name": "x"}]}})
    with pytest.raises(BundleError, match=r"tag 'x' defined twice"):
        bundle(spec_dir)
    other = _write(tmp_path / "other", {"a": {"info": {}}})
    with pytest.raises(BundleError, match=r"unexpected top-level keys"):
        bundle(other)


def test_rejects_duplicate_operation_id(tmp_path: Path) -> None:
    spec_dir = _write(
        tmp_path, {"a": {"paths": {"/v1/a": _op("same")}}, "b": {"paths": {"/v1/b": _op("same")}}}
    )
    with pytest.raises(BundleError, match=r"operationId 'same' already used in a\.yaml"):
        bundle(spec_dir)


def test_rejects_paths_differing_only_in_variable_name(tmp_path: Path) -> None:
    spec_dir = _write(
        tmp_path, {"a": {"paths": {"/v1/x/{id}": _op("a")}}, "b": {"paths": {"/v1/x/{name}": _op("b")}}}
    )
    with pytest.raises(BundleError, match=r"clashes with a path of a\.yaml"):
        bundle(spec_dir)
