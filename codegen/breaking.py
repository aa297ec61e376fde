"""Breaking-change check between two bundled OpenAPI 3.0 documents.

    python -m codegen.breaking OLD NEW [--verbose] [--semver]
    python codegen/breaking.py OLD NEW

OLD and NEW are bundled specs (JSON or YAML). Prints one line per change:

    BREAKING <location>: <what>     a client written against OLD can fail against NEW
    WARNING  <location>: <what>     risky but not counted (e.g. a new enum value in a response)
    info     <location>: <what>     additive changes (only with --verbose)

Exit 0: no breaking change · 1: breaking changes · 2: bad input (unreadable or not an OpenAPI document).
With --semver a breaking change is accepted (exit 0) when NEW's info.version has a higher major version
than OLD's; without it every breaking change fails. --semver also enforces the rest of SemVer against
OLD: any other change of shape (an info or WARNING line: a new operation, parameter, field, status, enum
value…) needs at least a minor bump, and info.version may never go backwards (exit 1 otherwise).

Direction matters: a request schema may only get looser (NEW must accept everything OLD accepted), a
response schema may only get stricter (NEW may only send what OLD promised). $refs are resolved in each
document separately; recursive schemas are compared once per path through the recursion.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REQUEST, RESPONSE = "request", "response"
BREAKING, WARNING, INFO = "BREAKING", "WARNING", "info"
_TEMPLATE = re.compile(r"\{[^}/]+\}")


class SpecError(Exception):
    pass


@dataclass(frozen=True)
class Change:
    level: str
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.level:<8} {self.location}: {self.message}"


# --------------------------------------------------------------------------- loading


def load_spec(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise SpecError(f"cannot read {path}: {exc.__class__.__name__}: {reason}") from None
    try:
        data = json.loads(text)
    except ValueError:
        try:
            import yaml

            data = yaml.safe_load(text)
        except Exception as exc:  # noqa: BLE001 - any parser failure is bad input
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
            raise SpecError(f"{path} is neither JSON nor YAML: {first}") from None
    if not isinstance(data, dict) or not isinstance(data.get("paths", {}), dict):
        raise SpecError(f"{path} is not an OpenAPI document (expected a mapping with `paths`)")
    if "openapi" not in data and "swagger" not in data:
        raise SpecError(f"{path} is not an OpenAPI document (no `openapi` version field)")
    return data


# --------------------------------------------------------------------------- helpers


class Doc:
    """A spec with $ref resolution."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def resolve(self, node: Any, _depth: int = 0) -> Any:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            if _depth > 64:
                return {}
            node = self._pointer(node["$ref"])
            _depth += 1
        return node

    def _pointer(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            return {}  # external refs are out of scope: a bundled document has none
        node: Any = self.data
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                return {}
            node = node[part]
        return node


def _norm_path(path: str) -> str:
    return _TEMPLATE.sub("{}", path)


def _schema_type(schema: dict[str, Any]) -> str | None:
    t = schema.get("type")
    if isinstance(t, list):  # 3.1 style; tolerated
        t = "|".join(sorted(str(x) for x in t if x != "null"))
    if t:
        return str(t)
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    return None


def _fmt(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _join(location: str, pointer: str) -> str:
    """`GET /v1/me response 200 (application/json)` + `.tenants[].roles` -> `... tenants[].roles`."""
    return f"{location} {pointer.removeprefix('.')}" if pointer else location


# --------------------------------------------------------------------------- the comparison


@dataclass
class Comparator:
    old: Doc
    new: Doc
    changes: list[Change] = field(default_factory=list)

    def add(self, level: str, location: str, message: str) -> None:
        change = Change(level, location, message)
        if change not in self.changes:
            self.changes.append(change)

    # ------------------------------------------------------------------ operations

    def run(self) -> list[Change]:
        old_paths = self.old.data.get("paths") or {}
        new_paths = self.new.data.get("paths") or {}
        new_by_norm = {_norm_path(p): p for p in new_paths}
        old_norms = {_norm_path(p) for p in old_paths}
        for path, old_item in old_paths.items():
            old_item = self.old.resolve(old_item) or {}
            new_path = new_by_norm.get(_norm_path(path))
            if new_path is None:
                methods = ", ".join(m.upper() for m in HTTP_METHODS if m in old_item)
                self.add(BREAKING, path, f"path removed (operations: {methods or 'none'})")
                continue
            new_item = self.new.resolve(new_paths[new_path]) or {}
            for method in HTTP_METHODS:
                if method not in old_item:
                    continue
                loc = f"{method.upper()} {path}"
                if method not in new_item:
                    op_id = (old_item[method] or {}).get("operationId")
                    self.add(BREAKING, loc, f"operation removed{f' ({op_id})' if op_id else ''}")
                    continue
                self.operation(loc, path, new_path, old_item, new_item, method)
            for method in HTTP_METHODS:
                if method in new_item and method not in old_item:
                    self.add(INFO, f"{method.upper()} {new_path}", "operation added")
        for path in new_paths:
            if _norm_path(path) not in old_norms:
                self.add(INFO, path, "path added")
        return self.changes

    def _params(self, doc: Doc, path: str, item: dict[str, Any], op: dict[str, Any]) -> dict[tuple, dict]:
        """Effective parameters keyed by (in, name); path parameters by their position in the template."""
        positions = {name: i for i, name in enumerate(re.findall(r"\{([^}/]+)\}", path))}
        result: dict[tuple, dict] = {}
        for raw in [*(item.get("parameters") or []), *(op.get("parameters") or [])]:
            param = doc.resolve(raw) or {}
            where, name = param.get("in"), param.get("name")
            if where == "path":
                key: tuple = ("path", positions.get(name, name))
            elif where == "header":
                key = ("header", str(name).lower())
            else:
                key = (where, name)
            result[key] = param
        return result

    def operation(
        self, loc: str, old_path: str, new_path: str, old_item: dict, new_item: dict, method: str
    ) -> None:
        old_op = self.old.resolve(old_item[method]) or {}
        new_op = self.new.resolve(new_item[method]) or {}

        # security: an operation that needed no credentials now needs them
        old_sec = old_op.get("security", self.old.data.get("security"))
        new_sec = new_op.get("security", self.new.data.get("security"))
        old_open = old_sec is not None and (old_sec == [] or {} in old_sec)
        new_open = new_sec is not None and (new_sec == [] or {} in new_sec)
        if old_open and not new_open:
            self.add(BREAKING, loc, "operation now requires authentication")

        # parameters
        old_params = self._params(self.old, old_path, old_item, old_op)
        new_params = self._params(self.new, new_path, new_item, new_op)
        for key, old_p in old_params.items():
            name = f"{old_p.get('in')} parameter '{old_p.get('name')}'"
            new_p = new_params.get(key)
            if new_p is None:
                self.add(BREAKING, loc, f"request {name} removed")
                continue
            if new_p.get("required") and not old_p.get("required"):
                self.add(BREAKING, loc, f"{name} became required")
            self.schema(
                f"{loc} {name}",
                "",
                old_p.get("schema") or {},
                new_p.get("schema") or {},
                REQUEST,
            )
        for key, new_p in new_params.items():
            if key in old_params:
                continue
            name = f"{new_p.get('in')} parameter '{new_p.get('name')}'"
            if new_p.get("required"):
                self.add(BREAKING, loc, f"new required {name}")
            else:
                self.add(INFO, loc, f"new optional {name}")

        # request body
        old_body = self.old.resolve(old_op.get("requestBody")) or {}
        new_body = self.new.resolve(new_op.get("requestBody")) or {}
        if new_body and new_body.get("required"):
            if not old_body:
                self.add(BREAKING, loc, "new required request body")
            elif not old_body.get("required"):
                self.add(BREAKING, loc, "request body became required")
        if old_body and not new_body:
            self.add(BREAKING, loc, "request body removed")
        old_content = old_body.get("content") or {}
        new_content = new_body.get("content") or {}
        if new_body:
            for media, old_media in old_content.items():
                if media not in new_content:
                    self.add(BREAKING, loc, f"request media type {media} no longer accepted")
                    continue
                self.schema(
                    f"{loc} request body",
                    "",
                    (old_media or {}).get("schema") or {},
                    (new_content[media] or {}).get("schema") or {},
                    REQUEST,
                )
            for media in new_content:
                if media not in old_content:
                    self.add(INFO, loc, f"request media type {media} added")

        # responses
        old_responses = {str(k): v for k, v in (old_op.get("responses") or {}).items()}
        new_responses = {str(k): v for k, v in (new_op.get("responses") or {}).items()}
        for status, old_resp in old_responses.items():
            new_resp = new_responses.get(status)
            if new_resp is None:
                self.add(BREAKING, loc, f"response status {status} removed")
                continue
            self.response(f"{loc} response {status}", old_resp, new_resp)
        for status in new_responses:
            if status not in old_responses:
                self.add(INFO, loc, f"response status {status} added")

    def response(self, loc: str, old_resp: Any, new_resp: Any) -> None:
        old_resp = self.old.resolve(old_resp) or {}
        new_resp = self.new.resolve(new_resp) or {}
        old_headers = {k.lower(): v for k, v in (old_resp.get("headers") or {}).items()}
        new_headers = {k.lower(): v for k, v in (new_resp.get("headers") or {}).items()}
        for name, old_h in old_headers.items():
            if name not in new_headers:
                self.add(BREAKING, loc, f"response header '{name}' removed")
                continue
            old_h, new_h = self.old.resolve(old_h) or {}, self.new.resolve(new_headers[name]) or {}
            self.schema(
                f"{loc} header '{name}'", "", old_h.get("schema") or {}, new_h.get("schema") or {}, RESPONSE
            )
        old_content = old_resp.get("content") or {}
        new_content = new_resp.get("content") or {}
        for media, old_media in old_content.items():
            if media not in new_content:
                self.add(BREAKING, loc, f"response media type {media} removed")
                continue
            self.schema(
                f"{loc} ({media})",
                "",
                (old_media or {}).get("schema") or {},
                (new_content[media] or {}).get("schema") or {},
                RESPONSE,
            )

    # ------------------------------------------------------------------ schemas

    def _flatten(self, doc: Doc, schema: Any, depth: int = 0) -> dict[str, Any]:
        """Resolve $ref and merge allOf into one schema (properties and required are unioned)."""
        schema = doc.resolve(schema)
        if not isinstance(schema, dict):
            return {}
        if "allOf" not in schema or depth > 16:
            return schema
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        props: dict[str, Any] = dict(merged.get("properties") or {})
        required: list[str] = list(merged.get("required") or [])
        for part in schema["allOf"]:
            sub = self._flatten(doc, part, depth + 1)
            for key, value in sub.items():
                if key == "properties":
                    for pname, pschema in value.items():
                        props.setdefault(pname, pschema)
                elif key == "required":
                    required.extend(r for r in value if r not in required)
                else:
                    merged.setdefault(key, value)
        if props:
            merged["properties"] = props
        if required:
            merged["required"] = required
        return merged

    def schema(
        self,
        loc: str,
        pointer: str,
        old_raw: Any,
        new_raw: Any,
        direction: str,
        _stack: frozenset[tuple[int, int]] = frozenset(),
    ) -> None:
        # Identity of the resolved nodes (objects inside the documents) keys the recursion guard; the
        # flattened copies below are fresh dicts for allOf schemas and would never repeat.
        key = (id(self.old.resolve(old_raw)), id(self.new.resolve(new_raw)))
        old = self._flatten(self.old, old_raw)
        new = self._flatten(self.new, new_raw)
        if key in _stack:  # recursive schema: this pair is already being compared further up
            return
        stack = _stack | {key}
        where = _join(loc, pointer)
        request = direction == REQUEST

        # type and format
        old_t, new_t = _schema_type(old), _schema_type(new)
        if old_t and new_t and old_t != new_t:
            widening = request and (old_t, new_t) == ("integer", "number")
            narrowing = not request and (old_t, new_t) == ("number", "integer")
            if not (widening or narrowing):
                self.add(BREAKING, where, f"type changed from {old_t} to {new_t}")
                return  # the rest of the comparison would only be noise
        elif request and new_t and not old_t and old:
            self.add(BREAKING, where, f"type restricted to {new_t}")
        old_f, new_f = old.get("format"), new.get("format")
        if old_f != new_f:
            if old_f and new_f:
                self.add(BREAKING, where, f"format changed from {old_f} to {new_f}")
            elif new_f and request:
                self.add(BREAKING, where, f"format {new_f} added")
            elif old_f and not request:
                self.add(BREAKING, where, f"format {old_f} removed")
            else:
                self.add(INFO, where, f"format {old_f or '(none)'} -> {new_f or '(none)'}")

        # nullable
        old_null, new_null = bool(old.get("nullable")), bool(new.get("nullable"))
        if request and old_null and not new_null:
            self.add(BREAKING, where, "no longer accepts null (nullable removed)")
        elif not request and new_null and not old_null:
            self.add(BREAKING, where, "may now be null (nullable added)")
        elif old_null != new_null:
            self.add(INFO, where, f"nullable {old_null} -> {new_null}")

        self._enum(where, old, new, request)
        self._constraints(where, old, new, request)

        # object properties
        self._properties(loc, pointer, old, new, direction, stack)

        # additionalProperties
        old_ap, new_ap = old.get("additionalProperties", True), new.get("additionalProperties", True)
        if request and old_ap is not False and new_ap is False:
            self.add(BREAKING, where, "additional properties no longer allowed (additionalProperties: false)")
        elif not request and old_ap is False and new_ap is not False:
            self.add(WARNING, where, "response may now carry additional properties")
        if isinstance(old_ap, dict) and isinstance(new_ap, dict):
            self.schema(loc, f"{pointer}.*", old_ap, new_ap, direction, stack)

        # arrays
        if "items" in old and "items" in new:
            self.schema(loc, f"{pointer}[]", old["items"], new["items"], direction, stack)

        # composition
        for word in ("oneOf", "anyOf"):
            old_v, new_v = old.get(word) or [], new.get(word) or []
            if not old_v and not new_v:
                continue
            if request and len(new_v) < len(old_v):
                self.add(BREAKING, where, f"{word} lost {len(old_v) - len(new_v)} alternative(s)")
            elif not request and len(new_v) > len(old_v):
                tag = self._discriminator(self.new, new_v)
                if tag is not None and self._discriminator(self.old, old_v) == tag:
                    # Alternatives told apart by one property's value: a new one is a new value of that
                    # property, graded like a new enum value in a response.
                    added = [self._tag(self.new, n)[1] for n in new_v[len(old_v) :]]  # type: ignore[index]
                    self.add(WARNING, where, f"{word} gained alternative(s) {_fmt(added)} told apart by "
                             f"'{tag}' (like a new enum value: clients must tolerate values they do not know)")  # fmt: skip
                else:
                    self.add(BREAKING, where, f"{word} gained {len(new_v) - len(old_v)} alternative(s)")
            for i, (o, n) in enumerate(zip(old_v, new_v, strict=False)):
                self.schema(loc, f"{pointer}<{word}[{i}]>", o, n, direction, stack)

    def _tag(self, doc: Doc, alternative: Any) -> tuple[str, Any] | None:
        """(property, value) of an object alternative with a required one-value enum property."""
        node = self._flatten(doc, alternative)
        required = set(node.get("required") or [])
        for name, prop in (node.get("properties") or {}).items():
            prop = doc.resolve(prop)
            if name in required and isinstance(prop, dict) and len(prop.get("enum") or []) == 1:
                return str(name), prop["enum"][0]
        return None

    def _discriminator(self, doc: Doc, alternatives: list[Any]) -> str | None:
        """The property every alternative is told apart by (one distinct value each), or None."""
        tags = [self._tag(doc, a) for a in alternatives]
        if not tags or any(t is None for t in tags):
            return None
        names = {t[0] for t in tags if t is not None}
        values = [json.dumps(t[1], sort_keys=True) for t in tags if t is not None]
        return names.pop() if len(names) == 1 and len(set(values)) == len(values) else None

    def _enum(self, where: str, old: dict, new: dict, request: bool) -> None:
        old_e, new_e = old.get("enum"), new.get("enum")
        if old_e is None and new_e is None:
            return
        if old_e is None:
            if request:
                self.add(BREAKING, where, f"enum restriction added: {_fmt(new_e)}")
            else:
                self.add(INFO, where, f"enum restriction added: {_fmt(new_e)}")
            return
        if new_e is None:
            if request:
                self.add(INFO, where, "enum restriction removed")
            else:
                self.add(BREAKING, where, "enum restriction removed (any value may now be returned)")
            return
        removed = [v for v in old_e if v not in new_e]
        added = [v for v in new_e if v not in old_e]
        if removed:
            self.add(BREAKING, where, f"enum value(s) removed: {_fmt(removed)}")
        if added:
            if request:
                self.add(INFO, where, f"enum value(s) added: {_fmt(added)}")
            else:
                self.add(
                    WARNING,
                    where,
                    f"enum value(s) added to a response: {_fmt(added)} (the generated Python client rejects "
                    "unknown values)",
                )

    def _constraints(self, where: str, old: dict, new: dict, request: bool) -> None:
        # For an upper bound a lower (or newly present) value is stricter; for a lower bound a higher one.
        for word, upper in (
            ("maxLength", True),
            ("maximum", True),
            ("maxItems", True),
            ("maxProperties", True),
            ("minLength", False),
            ("minimum", False),
            ("minItems", False),
            ("minProperties", False),
        ):
            o, n = old.get(word), new.get(word)
            if o == n or isinstance(o, bool) or isinstance(n, bool):
                continue
            if n is None:
                stricter = False
            elif o is None:
                stricter = True
            else:
                stricter = n < o if upper else n > o
            text = f"{word} {o if o is not None else '(none)'} -> {n if n is not None else '(none)'}"
            if request and stricter:
                self.add(BREAKING, where, f"stricter constraint: {text}")
            elif not request and not stricter:
                self.add(WARNING, where, f"looser response constraint: {text}")
            else:
                self.add(INFO, where, text)
        for word in ("exclusiveMaximum", "exclusiveMinimum", "uniqueItems"):
            o, n = old.get(word), new.get(word)
            if isinstance(o, bool | None) and isinstance(n, bool | None) and bool(o) != bool(n):
                if request and n:
                    self.add(BREAKING, where, f"stricter constraint: {word} {bool(o)} -> {bool(n)}")
                else:
                    self.add(INFO, where, f"{word} {bool(o)} -> {bool(n)}")
        for word in ("pattern", "multipleOf"):
            o, n = old.get(word), new.get(word)
            if o == n:
                continue
            if n is None:
                level = INFO if request else WARNING
                self.add(level, where, f"{word} removed (was {_fmt(o)})")
            elif o is None:
                self.add(BREAKING if request else INFO, where, f"{word} added: {_fmt(n)}")
            else:
                level = BREAKING if request else WARNING
                self.add(level, where, f"{word} changed from {_fmt(o)} to {_fmt(n)}")

    def _properties(
        self, loc: str, pointer: str, old: dict, new: dict, direction: str, stack: frozenset[tuple[int, int]]
    ) -> None:
        old_props: dict[str, Any] = old.get("properties") or {}
        new_props: dict[str, Any] = new.get("properties") or {}
        old_req, new_req = set(old.get("required") or []), set(new.get("required") or [])
        if not (old_props or new_props or old_req or new_req):
            return
        request = direction == REQUEST
        skip = "readOnly" if request else "writeOnly"  # fields that never travel in this direction

        def travels(doc: Doc, schema: Any) -> bool:
            resolved = doc.resolve(schema)
            return not (isinstance(resolved, dict) and resolved.get(skip))

        for name, old_p in old_props.items():
            field_loc = _join(loc, f"{pointer}.{name}")
            if not travels(self.old, old_p):
                continue
            if name not in new_props:
                if request:
                    if new.get("additionalProperties", True) is False:
                        self.add(BREAKING, field_loc, "request field removed (now rejected as unknown)")
                    else:
                        self.add(WARNING, field_loc, "request field removed (now ignored)")
                else:
                    self.add(BREAKING, field_loc, "response field removed")
                continue
            self.schema(loc, f"{pointer}.{name}", old_p, new_props[name], direction, stack)
        for name in sorted(new_props.keys() - old_props.keys()):
            if not travels(self.new, new_props[name]):
                continue
            field_loc = _join(loc, f"{pointer}.{name}")
            if request and name in new_req:
                self.add(BREAKING, field_loc, "new required request field")
            else:
                self.add(INFO, field_loc, "new optional request field" if request else "new response field")
        if request:
            for name in sorted((new_req - old_req) & set(old_props)):
                if travels(self.new, new_props.get(name, {})):
                    self.add(BREAKING, _join(loc, f"{pointer}.{name}"), "request field became required")
            for name in sorted((new_req - old_req) - set(old_props) - set(new_props)):
                self.add(BREAKING, _join(loc, f"{pointer}.{name}"), "new required request field")
        else:
            for name in sorted((old_req - new_req) & set(new_props)):
                self.add(BREAKING, _join(loc, f"{pointer}.{name}"), "response field no longer required")


# --------------------------------------------------------------------------- entry points


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change between two loaded specs, breaking ones and not."""
    return Comparator(Doc(old), Doc(new)).run()


def breaking_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    return [c for c in compare(old, new) if c.level == BREAKING]


def _major(doc: dict[str, Any]) -> int | None:
    version = _version(doc)
    return version[0] if version else None


def _version(doc: dict[str, Any]) -> tuple[int, int, int] | None:
    """info.version as (major, minor, patch); a missing minor/patch counts as 0, a pre-release is ignored."""
    match = re.match(r"\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?", str((doc.get("info") or {}).get("version", "")))
    if not match:
        return None
    return (int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0))


def semver_problem(old: dict[str, Any], new: dict[str, Any], changes: list[Change]) -> str | None:
    """Why NEW's info.version does not follow SemVer relative to OLD given these changes, or None."""
    old_v, new_v = _version(old), _version(new)
    if old_v is None or new_v is None:
        return "info.version is not a semantic version"
    shown = ".".join(map(str, old_v)), ".".join(map(str, new_v))
    if new_v < old_v:
        return f"info.version went backwards: {shown[0]} -> {shown[1]}"
    if any(c.level == BREAKING for c in changes):
        if new_v[0] <= old_v[0]:
            return f"a breaking change needs a major version bump (info.version {shown[0]} -> {shown[1]})"
    elif any(c.level in (INFO, WARNING) for c in changes) and new_v[:2] <= old_v[:2]:
        return (
            f"an additive change needs at least a minor version bump (info.version {shown[0]} -> {shown[1]}); "
            "run with --verbose to list the changes"
        )
    return None


def _ordered(changes: list[Change], verbose: bool) -> Iterator[Change]:
    for level in (BREAKING, WARNING, INFO):
        if level == INFO and not verbose:
            continue
        yield from (c for c in changes if c.level == level)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m codegen.breaking", description="List breaking changes between two OpenAPI documents."
    )
    parser.add_argument("old", help="the released spec (JSON or YAML)")
    parser.add_argument("new", help="the candidate spec (JSON or YAML)")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print additive (info) changes")
    parser.add_argument(
        "--semver",
        action="store_true",
        help="accept breaking changes when NEW's info.version bumps the major version; require a minor bump "
        "for additive changes and never a lower version",
    )
    args = parser.parse_args(argv)
    try:
        old, new = load_spec(args.old), load_spec(args.new)
    except SpecError as exc:
        print(f"breaking: error: {exc}", file=sys.stderr)
        return 2
    changes = compare(old, new)
    for change in _ordered(changes, args.verbose):
        print(change)
    n_breaking = sum(c.level == BREAKING for c in changes)
    n_warning = sum(c.level == WARNING for c in changes)
    print(f"breaking: {n_breaking} breaking change(s), {n_warning} warning(s)", file=sys.stderr)
    if args.semver:
        problem = semver_problem(old, new, changes)
        if problem:
            print(f"breaking: {problem}", file=sys.stderr)
            return 1
        if n_breaking:
            print(f"breaking: accepted: major version bump {_major(old)} -> {_major(new)}", file=sys.stderr)
        return 0
    return 1 if n_breaking else 0


if __name__ == "__main__":
    sys.exit(main())
