"""What the isolation matrix covers, read from the bundled contract (never a hand-kept list).

Every operation whose path names ``{tenant_id}`` is tenant-scoped and joins the matrix automatically,
except those served by the identity provider's Flask mount (none are tenant-scoped today).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from companyos_server.platform.spec import SERVED_BY_IDP, SpecIndex, bundled_spec_path

_PARAM = re.compile(r"\{([^}]+)\}")
# Resource ids are opaque strings with a type prefix (`job_…`, `aud_…`); these `*_id` fields are not B's.
_RESOURCE_ID = re.compile(r"^[a-z]{2,10}_[0-9A-Za-z]{8,}$")
_NOT_RESOURCE_IDS = frozenset({"operation_id", "request_id", "trace_id", "span_id", "key_id", "client_id"})
# Plausible values for path parameters the victim tenant has no real value for (said so in the test id).
ENVIRONMENTS = ("production", "staging", "sandbox")


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    definition: dict[str, Any]

    @property
    def path_params(self) -> list[str]:
        return _PARAM.findall(self.path)


def contract() -> dict[str, Any]:
    return json.loads(bundled_spec_path().read_text(encoding="utf-8"))


def tenant_scoped_operations(document: dict[str, Any] | None = None) -> list[Operation]:
    document = document or contract()
    index = SpecIndex(document)
    found = []
    for info in index.operations.values():
        if not info.tenant_scoped:
            continue
        definition = document["paths"][info.path][info.method.lower()]
        if definition.get("x-companyos-served-by") == SERVED_BY_IDP:
            continue
        found.append(Operation(info.operation_id, info.method, info.path, definition))
    return sorted(found, key=lambda op: op.operation_id)


def resolve(document: dict[str, Any], node: Any) -> Any:
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        target: Any = document
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
        seen += 1
    return node


def ref_name(node: Any) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return node["$ref"].rsplit("/", 1)[-1]
    return None


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def parameters(document: dict[str, Any], path: str, definition: dict[str, Any]) -> list[dict[str, Any]]:
    item = document["paths"][path]
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*item.get("parameters", []), *definition.get("parameters", [])]:
        param = resolve(document, raw)
        merged[(param["in"], param["name"])] = param
    return list(merged.values())


def example_value(document: dict[str, Any], holder: dict[str, Any]) -> Any:
    """The spec's example for a parameter or media type, else one built from its schema."""
    if "example" in holder:
        return holder["example"]
    examples = holder.get("examples")
    if isinstance(examples, dict) and examples:
        first = resolve(document, next(iter(examples.values())))
        if isinstance(first, dict) and "value" in first:
            return first["value"]
    return schema_example(document, holder.get("schema", {}))


def schema_example(document: dict[str, Any], schema: Any, depth: int = 0) -> Any:
    schema = resolve(document, schema)
    if not isinstance(schema, dict) or depth > 6:
        return None
    if "example" in schema:
        return schema["example"]
    if "default" in schema:
        return schema["default"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("allOf", "oneOf", "anyOf"):
        if schema.get(key):
            return schema_example(document, schema[key][0], depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {
            name: schema_example(document, props[name], depth + 1)
            for name in schema.get("required", [])
            if name in props
        }
    if kind == "array":
        return []
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 1))
    if kind == "boolean":
        return False
    return "x" * int(schema.get("minLength", 3))


def request_body_example(document: dict[str, Any], definition: dict[str, Any]) -> tuple[str, Any] | None:
    body = resolve(document, definition.get("requestBody"))
    if not isinstance(body, dict):
        return None
    content = body.get("content", {})
    for media_type, media in content.items():
        return media_type, example_value(document, media)
    return None


def success_schema(document: dict[str, Any], definition: dict[str, Any]) -> Any:
    for status in ("200", "201", "202"):
        response = resolve(document, definition.get("responses", {}).get(status))
        if isinstance(response, dict):
            media = response.get("content", {}).get("application/json")
            if media:
                return media.get("schema")
    return None


def ids_in(document: dict[str, Any], schema: Any, value: Any, found: dict[str, set[str]]) -> None:
    """Collect ``{path_param_name: {ids}}`` from a response, using the schema names for plain ``id`` keys.

    An object of schema ``ExportJob``'s ``id`` becomes a candidate for ``{export_job_id}``; keys that already
    end in ``_id`` (``job_id``) name their parameter directly. Every id is also remembered under ``*`` for
    prefix matching (``job_…`` → ``{job_id}``).
    """
    name = ref_name(schema)
    resolved = resolve(document, schema)
    if isinstance(value, dict):
        props = resolved.get("properties", {}) if isinstance(resolved, dict) else {}
        for key, item in value.items():
            if (
                isinstance(item, str)
                and (key == "id" or key.endswith("_id"))
                and key not in _NOT_RESOURCE_IDS
                and _RESOURCE_ID.match(item)
            ):
                found.setdefault("*", set()).add(item)
                if key == "id" and name:
                    found.setdefault(f"{snake(name)}_id", set()).add(item)
                elif key != "id":
                    found.setdefault(key, set()).add(item)
            elif isinstance(item, dict | list):
                ids_in(document, props.get(key), item, found)
    elif isinstance(value, list):
        items = resolved.get("items") if isinstance(resolved, dict) else None
        for entry in value:
            ids_in(document, items, entry, found)
