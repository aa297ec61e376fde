"""Bundle openapi/root.yaml and openapi/domains/*.yaml into one OpenAPI 3.0.3 document.

Fragments contribute `tags`, `paths` and `components`; a name defined twice is an error, so two
domains can never silently overwrite each other's schema. The same holds for an operationId and for two
paths that differ only in a template variable's name (`/v1/x/{id}` and `/v1/x/{name}`).
Fragments are merged in file-name order and the output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
SPEC_DIR = REPO / "openapi"
BUNDLED = REPO / "generated" / "openapi.json"


HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class BundleError(Exception):
    pass


def _operation_ids(item: Any) -> list[str]:
    if not isinstance(item, dict):
        return []
    ops = [item.get(method) for method in HTTP_METHODS]
    return [op["operationId"] for op in ops if isinstance(op, dict) and op.get("operationId")]


def _template(path: str) -> str:
    return re.sub(r"\{[^}/]+\}", "{}", path)


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise BundleError(f"{path}: not a YAML mapping")
    return data


def bundle(spec_dir: Path = SPEC_DIR) -> dict[str, Any]:
    doc = _load(spec_dir / "root.yaml")
    doc.setdefault("tags", [])
    doc.setdefault("paths", {})
    components = doc.setdefault("components", {})
    templates: dict[str, str] = {_template(p): "root.yaml" for p in doc["paths"]}
    operation_ids: dict[str, str] = {}
    for item in doc["paths"].values():
        operation_ids.update(dict.fromkeys(_operation_ids(item), "root.yaml"))
    for fragment_path in sorted((spec_dir / "domains").glob("*.yaml")):
        fragment = _load(fragment_path)
        unknown = set(fragment) - {"tags", "paths", "components"}
        if unknown:
            raise BundleError(f"{fragment_path.name}: unexpected top-level keys {sorted(unknown)}")
        for tag in fragment.get("tags", []):
            if any(t["name"] == tag["name"] for t in doc["tags"]):
                raise BundleError(f"{fragment_path.name}: tag {tag['name']!r} defined twice")
            doc["tags"].append(tag)
        for path, item in (fragment.get("paths") or {}).items():
            if path in doc["paths"]:
                raise BundleError(f"{fragment_path.name}: path {path} defined twice")
            if _template(path) in templates:
                raise BundleError(
                    f"{fragment_path.name}: path {path} clashes with a path of {templates[_template(path)]}"
                )
            templates[_template(path)] = fragment_path.name
            for op_id in _operation_ids(item):
                if op_id in operation_ids:
                    raise BundleError(
                        f"{fragment_path.name}: operationId {op_id!r} already used in {operation_ids[op_id]}"
                    )
                operation_ids[op_id] = fragment_path.name
            doc["paths"][path] = item
        for section, entries in (fragment.get("components") or {}).items():
            target = components.setdefault(section, {})
            for name, value in (entries or {}).items():
                if name in target:
                    raise BundleError(f"{fragment_path.name}: components.{section}.{name} defined twice")
                target[name] = value
    doc["tags"].sort(key=lambda t: t["name"])
    validate(doc)
    return doc


def validate(doc: dict[str, Any]) -> None:
    """The bundle must be a valid OpenAPI 3.0 document, checked with the server's own validator.

    A YAML slip (an unquoted comma in a flow mapping) otherwise yields a spec that generates clients
    but that connexion refuses to serve.
    """
    from connexion.exceptions import InvalidSpecification
    from connexion.spec import OpenAPISpecification

    try:
        OpenAPISpecification._validate_spec(doc)
    except InvalidSpecification as exc:
        where = "/".join(str(p) for p in getattr(exc, "path", ()) or ())
        raise BundleError(
            f"not a valid OpenAPI 3.0 document at {where or '/'}: {exc.message[:500]}"
        ) from None


def render(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=BUNDLED)
    args = parser.parse_args(argv)
    try:
        text = render(bundle())
    except BundleError as exc:
        print(f"bundle: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
