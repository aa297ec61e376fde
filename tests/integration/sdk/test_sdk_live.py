"""Live: client credentials, pagination across pages, every error class, step-up — real app, real tokens."""

from __future__ import annotations

import time

import httpx
import pytest

import companyos
from companyos.auth import StepUpChallenge

from .conftest import ACR_MFA, ADMIN_SCOPES


async def test_client_credentials_against_the_real_provider(sdk, service_auth):
    client = sdk(auth=service_auth, tenant="acme")
    me = await client.identity.me()
    assert me["kind"] == "client" and me["client_id"] == "acme-service"
    tenant = await client.tenants.retrieve()
    assert tenant["id"] == "acme"
    jobs = [job async for job in client.jobs.list()]
    assert isinstance(jobs, list)
    verification = await client.audit.verify()
    assert verification["ok"] is True


async def test_pagination_across_pages(sdk, admin_token):
    client = sdk(auth=admin_token)
    for i in range(5):
        await client.tenants.create(id=f"page-{i}", display_name=f"Page {i}")
    pages = [page async for page in client.tenants.list(page_size=2).pages()]
    assert len(pages) >= 4 and all(len(p.items) <= 2 for p in pages)
    assert pages[-1].next_page_token is None
    ids = [t["id"] async for t in client.tenants.list(page_size=2)]
    assert {f"page-{i}" for i in range(5)} <= set(ids)
    assert len(ids) == len(set(ids))


async def test_idempotent_create_replays(sdk, admin_token):
    client = sdk(auth=admin_token)
    first = await client.tenants.create(id="idem-1", display_name="One", idempotency_key="k-1")
    again = await client.tenants.create(id="idem-1", display_name="One", idempotency_key="k-1")
    assert first == again
    with pytest.raises(companyos.ConflictError):
        await client.tenants.create(id="idem-1", display_name="Two", idempotency_key="k-1")


async def test_every_error_class_from_real_responses(sdk, admin_token, user_token, mint):
    admin = sdk(auth=admin_token)
    with pytest.raises(companyos.BadRequestError) as bad:
        await admin.tenants.list(page_size=10_000).first_page()
    assert bad.value.status == 400 and bad.value.request_id and bad.value.type
    with pytest.raises(companyos.AuthenticationError) as unauth:
        await sdk(auth="not-a-jwt").identity.me()
    assert unauth.value.status_code == 401
    with pytest.raises(companyos.PermissionDeniedError) as denied:
        await sdk(auth=user_token("bob"), tenant="acme").tenants.update(display_name="Nope")
    assert denied.value.reasons or denied.value.detail
    with pytest.raises(companyos.NotFoundError):
        await sdk(auth=user_token("alice"), tenant="acme").jobs.retrieve("job_01jc2v8x4m5n6p7q8r9s0t1v2w")
    await admin.tenants.create(id="dup-tenant", display_name="Dup")
    with pytest.raises(companyos.ConflictError):
        await admin.tenants.create(id="dup-tenant", display_name="Dup")
    with pytest.raises((companyos.UnprocessableEntityError, companyos.BadRequestError)) as invalid:
        await admin.tenants.create(id="Bad Id!", display_name="x")
    assert invalid.value.status_code in (400, 422)


async def test_step_up_required_on_create_tenant_without_mfa(sdk, mint):
    weak = mint("usr_root-admin", scopes=ADMIN_SCOPES, acr="urn:companyos:acr:pwd")
    with pytest.raises(companyos.StepUpRequired) as info:
        await sdk(auth=weak).tenants.create(id="needs-mfa", display_name="x")
    assert info.value.acr_values == [ACR_MFA] and info.value.max_age == 900
    assert info.value.request_id

    seen: list[StepUpChallenge] = []

    def on_step_up(challenge: StepUpChallenge) -> str:
        seen.append(challenge)
        return mint("usr_root-admin", scopes=ADMIN_SCOPES, acr=ACR_MFA, auth_time=int(time.time()))

    created = await sdk(auth=weak, on_step_up=on_step_up).tenants.create(id="needs-mfa", display_name="x")
    assert created["id"] == "needs-mfa" and len(seen) == 1


async def test_raw_response_and_request_id_echo(sdk, service_auth, http: httpx.AsyncClient):
    raw = await sdk(auth=service_auth, tenant="acme").with_raw_response.tenants.retrieve()
    assert raw.status_code == 200 and raw.request_id and raw.request_id.startswith("req_")
    assert raw.parse()["id"] == "acme"
