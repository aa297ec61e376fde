"""The indexed router picks exactly the route Starlette's own router picks, for every operation of the
contract, with the wrong method (405 partial match), a trailing slash and unknown paths."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

from starlette.routing import Route, Router

from companyos_server.platform.routing import IndexedRouter

SPEC = Path(__file__).resolve().parents[3] / "generated" / "openapi.json"
METHODS = ("get", "post", "put", "patch", "delete")


class Recorder:
    """An ASGI app (not a function, which Starlette would wrap as a request handler) noting its calls."""

    def __init__(self, name: str, picked: list[str]) -> None:
        self.name, self.picked = name, picked

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.picked.append(f"{self.name} {sorted(scope.get('path_params', {}).items())}")


def _routes(picked: list[str]) -> list[Route]:
    spec = json.loads(SPEC.read_text())
    routes = []
    for path, operations in spec["paths"].items():
        for method in METHODS:
            if method in operations:
                endpoint = Recorder(f"{method.upper()} {path}", picked)
                routes.append(Route(path, endpoint, methods=[method.upper()]))
    return routes


def _requests() -> list[tuple[str, str]]:
    spec = json.loads(SPEC.read_text())
    requests = []
    for path in spec["paths"]:
        concrete = re.sub(r"\{[^}]+\}", "x1", path)
        for method in (*METHODS, "head"):
            requests.append((method.upper(), concrete))
        requests.append(("GET", concrete + "/"))
        requests.append(("GET", concrete + "/unknown"))
    requests += [
        ("GET", "/"),
        ("GET", "/nowhere"),
        ("GET", "/v1//tenants"),
        ("GET", "/v1/tenants/a/b/c/d/e/f"),
    ]
    return requests


def _router(router_class: type[Router], picked: list[str]) -> Router:
    async def default(scope: Any, receive: Any, send: Any) -> None:
        picked.append("default")

    return router_class(routes=_routes(picked), default=default)


def _pick(router: Router, picked: list[str], method: str, path: str) -> list[str]:
    picked.clear()
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "root_path": "",
        "headers": [],
        "query_string": b"",
    }
    asyncio.run(router(scope, receive, send))
    statuses = [m["status"] for m in sent if m["type"] == "http.response.start"]
    return picked + [f"status {s}" for s in statuses]


def test_indexed_router_matches_like_starlette() -> None:
    requests = _requests()
    assert len(requests) > 500
    ours, theirs = [], []  # type: ignore[var-annotated]
    indexed, plain = _router(IndexedRouter, ours), _router(Router, theirs)
    for method, path in requests:
        assert _pick(indexed, ours, method, path) == _pick(plain, theirs, method, path), (method, path)


def test_routes_added_after_construction_are_found() -> None:
    router = IndexedRouter()
    hits: list[str] = []
    router.add_route("/v1/a/{x}", Recorder("first", hits), methods=["GET"])
    scope = {"type": "http", "method": "GET", "path": "/v1/b/1", "root_path": "", "headers": []}

    async def noop(*_: Any) -> Any:
        return {"type": "http.request"}

    asyncio.run(router(dict(scope, path="/v1/a/1"), noop, noop))
    router.add_route("/v1/b/{x}", Recorder("later", hits), methods=["GET"])
    asyncio.run(router(scope, noop, noop))
    assert hits == ["first [('x', '1')]", "later [('x', '1')]"]


def test_the_index_narrows_the_routes_tried() -> None:
    from companyos_server.platform.routing import _Index

    routes = _routes([])
    index = _Index(list(routes))
    tried = [routes[i].path for i in index.candidates("/v1/tenants/acme/services")]
    assert "/v1/tenants/{tenant_id}/services" in tried
    assert len(tried) <= 3, tried
    assert index.candidates("/nowhere/at/all") == []
