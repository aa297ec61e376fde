"""Error mapping with RFC 9457 fields; tenant context never guessed; raw responses."""

from __future__ import annotations

import httpx
import pytest
import respx

import companyos

from .conftest import TENANT, problem


@pytest.mark.parametrize(
    ("status", "exc"),
    [
        (400, companyos.BadRequestError),
        (401, companyos.AuthenticationError),
        (403, companyos.PermissionDeniedError),
        (404, companyos.NotFoundError),
        (409, companyos.ConflictError),
        (422, companyos.UnprocessableEntityError),
        (429, companyos.RateLimitError),
        (500, companyos.InternalServerError),
        (503, companyos.InternalServerError),
        (418, companyos.APIStatusError),
    ],
)
def test_status_maps_to_exception_with_problem_fields(api, make_client, status, exc):
    body = problem(
        status,
        "Nope",
        detail="details here",
        instance="/v1/tenants/acme",
        request_id="req_server",
        errors=[{"field": "display_name", "message": "too long"}],
        reasons=["role viewer does not permit tenants:update"],
    )
    api.get("/v1/tenants/acme").mock(
        return_value=httpx.Response(status, json=body, headers={"content-type": "application/problem+json"})
    )
    with pytest.raises(exc) as info:
        make_client(max_retries=0).tenants.retrieve()
    error = info.value
    assert type(error) is exc
    assert isinstance(error, companyos.APIStatusError) and isinstance(error, companyos.APIError)
    assert (error.status_code, error.status, error.title, error.detail) == (
        status,
        status,
        "Nope",
        "details here",
    )
    assert error.type == f"https://errors.companyos.dev/{status}"
    assert error.instance == "/v1/tenants/acme"
    assert error.errors == [{"field": "display_name", "message": "too long"}]
    assert error.reasons == ["role viewer does not permit tenants:update"]
    assert error.request_id == "req_server"
    assert error.response.status_code == status
    assert "req_server" in str(error)


def test_non_json_error_body_still_maps(api, make_client):
    api.get("/v1/health").mock(
        return_value=httpx.Response(404, text="<html>", headers={"x-request-id": "r1"})
    )
    with pytest.raises(companyos.NotFoundError) as info:
        make_client().system.health()
    assert info.value.request_id == "r1" and info.value.title is None


def test_tenant_scoped_call_without_tenant_raises_before_io():
    with respx.mock(assert_all_called=False) as router:
        route = router.route()
        client = companyos.Client(base_url="https://api.test", auth="t")
        with pytest.raises(ValueError, match="tenant-scoped"):
            client.jobs.list().first_page()
        with pytest.raises(ValueError, match="tenant-scoped"):
            client.audit.verify()
        with pytest.raises(ValueError, match="tenant-scoped"):
            client.tenants.retrieve()
        assert route.call_count == 0


def test_tenant_per_call_overrides_client(api, make_client):
    route = api.get("/v1/tenants/globex/jobs/job_1").mock(
        return_value=httpx.Response(200, json={"id": "job_1"})
    )
    make_client(tenant="acme").jobs.retrieve("job_1", tenant="globex")
    assert route.called
    api.get("/v1/tenants/globex/audit/verification").mock(return_value=httpx.Response(200, json={"ok": True}))
    assert make_client(tenant=None).with_options(tenant="globex").audit.verify()["ok"] is True


def test_purpose_header_for_cross_tenant_reads(api, make_client):
    route = api.get("/v1/tenants/globex").mock(return_value=httpx.Response(200, json=TENANT))
    make_client().tenants.retrieve("globex", purpose="incident INC-7 review")
    assert route.calls[0].request.headers["x-companyos-purpose"] == "incident INC-7 review"


def test_path_parameters_are_escaped(api, make_client):
    route = api.get("/v1/tenants/acme/jobs/a%2Fb").mock(return_value=httpx.Response(200, json={}))
    make_client().jobs.retrieve("a/b")
    assert route.called


def test_with_raw_response(api, make_client):
    api.get("/v1/tenants/acme").mock(
        return_value=httpx.Response(200, json=TENANT, headers={"x-request-id": "req_9"})
    )
    raw = make_client().with_raw_response.tenants.retrieve()
    assert isinstance(raw, companyos.APIResponse)
    assert raw.status_code == 200 and raw.request_id == "req_9" and raw.headers["x-request-id"] == "req_9"
    assert raw.parse()["id"] == "acme"


async def test_async_with_raw_response(api, make_async_client):
    api.get("/v1/health").mock(return_value=httpx.Response(200, json={"status": "ok", "version": "1"}))
    async with make_async_client() as client:
        raw = await client.with_raw_response.system.health()
    assert raw.parse()["status"] == "ok"


def test_extra_headers_and_query(api, make_client):
    route = api.get("/v1/health").mock(
        return_value=httpx.Response(200, json={"status": "ok", "version": "1"})
    )
    make_client().system.health(extra_headers={"X-Debug": "1"}, extra_query={"probe": "x"})
    request = route.calls[0].request
    assert request.headers["x-debug"] == "1" and request.url.params["probe"] == "x"
