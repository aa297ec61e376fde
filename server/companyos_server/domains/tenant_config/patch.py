"""RFC 6902 JSON Patch between two JSON documents, and applying one (RFC 6901 pointers).

``diff(a, b)`` returns ``add``/``remove``/``replace`` operations that turn ``a`` into ``b``: objects
are compared key by key (sorted, so the output is stable), arrays index by index (changed items in
place, extra items removed from the end backwards, new items appended), anything else replaced.
"""

from __future__ import annotations

import copy
from typing import Any


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _same(a: Any, b: Any) -> bool:
    # JSON equality: 1 == True in Python, but not in JSON.
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def diff(a: Any, b: Any, path: str = "") -> list[dict[str, Any]]:
    if isinstance(a, dict) and isinstance(b, dict):
        ops: list[dict[str, Any]] = []
        for key in sorted(a.keys() - b.keys()):
            ops.append({"op": "remove", "path": f"{path}/{escape(key)}"})
        for key in sorted(a.keys() & b.keys()):
            ops += diff(a[key], b[key], f"{path}/{escape(key)}")
        for key in sorted(b.keys() - a.keys()):
            ops.append({"op": "add", "path": f"{path}/{escape(key)}", "value": copy.deepcopy(b[key])})
        return ops
    if isinstance(a, list) and isinstance(b, list):
        ops = []
        common = min(len(a), len(b))
        for i in range(common):
            ops += diff(a[i], b[i], f"{path}/{i}")
        for i in range(len(a) - 1, common - 1, -1):
            ops.append({"op": "remove", "path": f"{path}/{i}"})
        for i in range(common, len(b)):
            ops.append({"op": "add", "path": f"{path}/{i}", "value": copy.deepcopy(b[i])})
        return ops
    if _same(a, b):
        return []
    return [{"op": "replace", "path": path, "value": copy.deepcopy(b)}]


def _parent(doc: Any, path: str) -> tuple[Any, str]:
    tokens = [unescape(t) for t in path.split("/")[1:]]
    target = doc
    for token in tokens[:-1]:
        target = target[int(token)] if isinstance(target, list) else target[token]
    return target, tokens[-1]


def apply(doc: Any, ops: list[dict[str, Any]]) -> Any:
    """Apply ``add``/``remove``/``replace`` operations; returns a new document."""
    doc = copy.deepcopy(doc)
    for op in ops:
        if op["path"] == "":
            if op["op"] == "remove":
                raise ValueError("cannot remove the whole document")
            doc = copy.deepcopy(op["value"])
            continue
        parent, token = _parent(doc, op["path"])
        if isinstance(parent, list):
            index = len(parent) if token == "-" else int(token)
            if op["op"] == "add":
                parent.insert(index, copy.deepcopy(op["value"]))
            elif op["op"] == "remove":
                del parent[index]
            else:
                parent[index] = copy.deepcopy(op["value"])
        else:
            if op["op"] == "remove":
                del parent[token]
            else:
                if op["op"] == "replace" and token not in parent:
                    raise KeyError(op["path"])
                parent[token] = copy.deepcopy(op["value"])
    return doc
