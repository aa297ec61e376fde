"""Every error is an RFC 9457 problem with type, title, status, detail, instance and request_id."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from tests.unit.platform.conftest import auth

BASE = "https://docs.companyos.dev/problems/"


def assert_problem(response: httpx.Response, status: int, slug: str, path: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    doc = response.json()
    assert doc["type"] == BASE + slug
    assert doc["status"] == status
    assert doc["title"]
    assert doc["detail"]
    assert doc["instance"] == path
    assert doc["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text
    return doc


async def test_unknown_path_is_404_problem(api: httpx.AsyncClient) -> None:
    r = await api.get("/v1/nowhere")
    assert_problem(r, 404, "not-found", "/v1/nowhere")


async def test_wrong_method_is_405_with_allow_from_the_spec(api: httpx.AsyncClient) -> None:
    r = await api.put("/v1/things/thg_1", headers=auth())
    assert_problem(r, 405, "method-not-allowed", "/v1/things/thg_1")
    assert r.headers["allow"] == "DELETE, GET, HEAD"
    r = await api.delete("/v1/things", headers=auth())
    assert r.headers["allow"] == "GET, HEAD, POST"


async def test_unsupported_media_type_is_415(api: httpx.AsyncClient) -> None:
    r = await api.post("/v1/things", content=b"name=x", headers={**auth(), "content-type": "text/plain"})
    assert_problem(r, 415, "unsupported-media-type", "/v1/things")


async def test_malformed_json_is_400(api: httpx.AsyncClient) -> None:
    r = await api.post(
        "/v1/things", content=b'{"name": ', headers={**auth(), "content-type": "application/json"}
    )
    doc = assert_problem(r, 400, "malformed-json", "/v1/things")
    assert "not valid JSON" in doc["detail"]


async def test_non_utf8_json_is_400_not_500(api: httpx.AsyncClient) -> None:
    body = b'{"name": "caf\xe9\xff"}'
    r = await api.post("/v1/things", content=body, headers={**auth(), "content-type": "application/json"})
    assert_problem(r, 400, "malformed-body", "/v1/things")


async def test_body_over_limit_by_content_length_is_413(tmp_path: Any) -> None:
    from tests.unit.platform import apphelpers

    runtime = apphelpers.make_runtime(tmp_path, max_body_bytes=64)
    app = apphelpers.build_test_app(runtime)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        body = json.dumps({"name": "x" * 100}).encode()
        r = await http.post(
            "/v1/things", content=body, headers={**auth(), "content-type": "application/json"}
        )
        assert_problem(r, 413, "payload-too-large", "/v1/things")
        ok = await http.post("/v1/things", json={"name": "small"}, headers=auth())
        assert ok.status_code == 201
    runtime.close()


async def test_body_over_limit_when_chunked_is_413(tmp_path: Any) -> None:
    from tests.unit.platform import apphelpers

    runtime = apphelpers.make_runtime(tmp_path, max_body_bytes=64)
    app = apphelpers.build_test_app(runtime)

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"name": "'
        for _ in range(10):
            yield b"x" * 20
        yield b'"}'

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        r = await http.post(
            "/v1/things", content=chunks(), headers={**auth(), "content-type": "application/json"}
        )
        assert "content-length" not in r.request.headers
        assert_problem(r, 413, "payload-too-large", "/v1/things")
    runtime.close()


async def test_invalid_content_length_is_400(api: httpx.AsyncClient) -> None:
    r = await api.post(
        "/v1/things",
        content=b"{}",
        headers={**auth(), "content-type": "application/json", "content-length": "-5"},
    )
    assert r.status_code == 400
    assert r.headers["content-type"] == "application/problem+json"


async def test_body_validation_lists_field_errors(api: httpx.AsyncClient) -> None:
    r = await api.post(
        "/v1/things", json={"count": -1, "extra": 1, "tags": ["ok", "toolong"]}, headers=auth()
    )
    doc = assert_problem(r, 400, "invalid-argument", "/v1/things")
    fields = {(e["field"], e["code"]) for e in doc["errors"]}
    assert ("name", "required") in fields
    assert ("count", "invalid") in fields
    assert ("extra", "unknown") in fields
    assert ("tags[1]", "invalid") in fields
    assert all(e["message"] for e in doc["errors"])


async def test_parameter_validation_lists_field_errors(api: httpx.AsyncClient) -> None:
    r = await api.get("/v1/things", params={"page_size": 501, "filter": "far-too-long"}, headers=auth())
    doc = assert_problem(r, 400, "invalid-argument", "/v1/things")
    assert {e["field"] for e in doc["errors"]} == {"page_size", "filter"}
    r = await api.get("/v1/things/nope", headers=auth())
    doc = assert_problem(r, 400, "invalid-argument", "/v1/things/nope")
    assert doc["errors"][0]["field"] == "thing_id"


async def test_unknown_query_parameter_is_a_field_error(api: httpx.AsyncClient) -> None:
    r = await api.get("/v1/things", params={"colour": "red"}, headers=auth())
    doc = assert_problem(r, 400, "invalid-argument", "/v1/things")
    assert doc["errors"] == [
        {"field": "colour", "message": "is not a query parameter of this operation", "code": "unknown"}
    ]


async def test_wrong_parameter_type_names_the_field(api: httpx.AsyncClient) -> None:
    r = await api.get("/v1/things", params={"page_size": "many"}, headers=auth())
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "page_size"


async def test_unhandled_exception_is_500_without_trace(api: httpx.AsyncClient, json_logs: Any) -> None:
    r = await api.get("/v1/boom", headers={**auth(), "X-Request-Id": "trace-me-1"})
    doc = assert_problem(r, 500, "internal", "/v1/boom")
    assert "hunter2" not in r.text and "RuntimeError" not in r.text and "app.py" not in r.text
    assert doc["request_id"] == "trace-me-1"
    logged = json_logs.records()
    errors = [e for e in logged if e["logger"] == "companyos.errors"]
    assert errors and errors[0]["request_id"] == "trace-me-1"
    assert "RuntimeError" in errors[0]["exception"]
    assert "hunter2" not in json.dumps(logged)


async def test_domain_error_keeps_reasons_errors_and_headers(api: httpx.AsyncClient) -> None:
    r = await api.get("/v1/domain", headers=auth())
    doc = assert_problem(r, 403, "permission-denied", "/v1/domain")
    assert doc["reasons"] == ["role viewer does not permit things:delete"]
    assert doc["errors"] == [{"field": "name", "message": "is taken", "code": "conflict"}]
    assert r.headers["retry-after"] == "7"
    assert r.headers["x-custom"] == "kept"


async def test_unauthenticated_is_401_with_challenge(api: httpx.AsyncClient) -> None:
    r = await api.get("/v1/things")
    assert_problem(r, 401, "unauthenticated", "/v1/things")
    assert r.headers["www-authenticate"].startswith("Bearer")


async def test_problem_exception_keeps_type_ext_and_headers() -> None:
    from connexion.exceptions import ProblemException

    from companyos_server.platform.middleware.errors import ErrorHandlers

    class Req:
        scope = {"path": "/v1/x", "extensions": {"companyos": {"request_id": "req_1", "path": "/v1/x"}}}

    exc = ProblemException(
        status=401,
        title="Unauthorized",
        detail="step up",
        type=BASE + "step-up-required",
        headers={"WWW-Authenticate": 'Bearer error="insufficient_user_authentication"'},
        ext={"reasons": ["mfa"]},
    )
    response = ErrorHandlers().problem(Req(), exc)
    doc = json.loads(response.body)
    assert doc == {
        "type": BASE + "step-up-required",
        "title": "Unauthorized",
        "status": 401,
        "detail": "step up",
        "instance": "/v1/x",
        "request_id": "req_1",
        "reasons": ["mfa"],
    }
    assert response.headers["WWW-Authenticate"] == 'Bearer error="insufficient_user_authentication"'
    assert response.mimetype == "application/problem+json"


async def test_success_is_untouched(api: httpx.AsyncClient) -> None:
    r = await api.post("/v1/things", json={"name": "a"}, headers=auth())
    assert r.status_code == 201
    assert r.json()["name"] == "a"
    assert r.headers["location"] == "/v1/things/thg_1"
