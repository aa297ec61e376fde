"""The generated resource layer: NOT_GIVEN vs explicit None, raw-response twins typed ``APIResponse[T]``,
and the handwritten pieces (mixins, helpers) composed with the generated classes."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

import companyos
from companyos import NOT_GIVEN, APIResponse
from companyos.resources import AsyncClientWithRawResponse, ClientWithRawResponse
from companyos.resources._custom.audit import AuditMixin
from companyos.resources.audit import Audit
from companyos.resources.services import AsyncServicesWithRawResponse, Services, ServicesWithRawResponse

SERVICE = {"id": "svc_1", "name": "checkout"}
RESOURCES = Path(companyos.__file__).parent / "resources"


def _sent(route) -> dict:
    return json.loads(route.calls.last.request.content)


def test_omitted_parameters_are_not_sent_and_explicit_none_sends_null(api, make_client):
    route = api.patch("/v1/tenants/acme/services/svc_1").mock(return_value=httpx.Response(200, json=SERVICE))
    client = make_client()

    client.services.update("svc_1", description="d")
    assert _sent(route) == {"description": "d"}  # nothing else: every other field was NOT_GIVEN

    client.services.update("svc_1", slo=None)
    assert _sent(route) == {"slo": None}  # `slo` is nullable: None clears it (JSON null)

    client.services.update("svc_1", slo=None, description=None, tier=NOT_GIVEN)
    assert _sent(route) == {"slo": None}  # `description` cannot be null: None leaves it out


def test_explicit_none_for_a_nullable_flag_override(api, make_client):
    route = api.patch("/v1/tenants/acme/flags/new-ui").mock(
        return_value=httpx.Response(200, json={"key": "new-ui"})
    )
    make_client().tenant_config.flags.update("new-ui", override=None)
    assert _sent(route) == {"override": None}


def test_none_query_parameters_are_left_out(api, make_client):
    route = api.get("/v1/tenants/acme/services").mock(return_value=httpx.Response(200, json={"items": []}))
    make_client().services.list(owner=None, tier="tier-1").first_page()
    assert dict(route.calls.last.request.url.params) == {"tier": "tier-1"}


def test_with_raw_response_twins_are_typed_api_response(api, make_client):
    api.get("/v1/tenants/acme/services/svc_1").mock(
        return_value=httpx.Response(200, json=SERVICE, headers={"x-request-id": "req_7"})
    )
    api.get("/v1/tenants/acme/services").mock(return_value=httpx.Response(200, json={"items": [SERVICE]}))
    raw = ClientWithRawResponse(make_client())
    response = raw.services.retrieve("svc_1")
    assert isinstance(response, APIResponse)
    assert response.request_id == "req_7" and response.parse() == SERVICE
    page = raw.services.list()
    assert isinstance(page, APIResponse) and page.parse().items == [SERVICE]  # the first page

    # What type checkers see (the modules import these names for type checking only).
    def returns(method) -> str:
        return method.__annotations__["return"]

    assert returns(ServicesWithRawResponse.retrieve) == "APIResponse[Service]"
    assert returns(ServicesWithRawResponse.list) == "APIResponse[Page[Service]]"
    assert returns(ServicesWithRawResponse.delete) == "APIResponse[None]"
    assert returns(AsyncServicesWithRawResponse.retrieve) == "APIResponse[Service]"
    assert returns(Services.retrieve) == "Service"
    assert returns(ClientWithRawResponse.services.fget) == "ServicesWithRawResponse"


async def test_async_with_raw_response_twins(api, make_async_client):
    api.get("/v1/tenants/acme/services/svc_1").mock(return_value=httpx.Response(200, json=SERVICE))
    api.get("/v1/tenants/acme/services").mock(return_value=httpx.Response(200, json={"items": []}))
    async with make_async_client() as client:
        raw = AsyncClientWithRawResponse(client)
        response = await raw.services.retrieve("svc_1")
        page = await raw.services.list()
    assert isinstance(response, APIResponse) and response.parse() == SERVICE
    assert isinstance(page, APIResponse) and page.parse().items == []


def test_handwritten_mixins_compose_with_generated_classes():
    assert issubclass(Audit, AuditMixin)
    assert "verify_pinned" not in vars(Audit)  # handwritten, inherited; never written into generated code
    assert "verify" in vars(Audit)  # the operation itself is generated


def test_resource_modules_are_generated_and_helpers_are_not():
    from codegen.sdk import GENERATED_HEADER

    def generated(path: Path) -> bool:
        return path.read_text(encoding="utf-8").startswith(GENERATED_HEADER + "\n")

    for name in ("services", "audit", "maestro", "tenants", "__init__", "_routes"):
        assert generated(RESOURCES / f"{name}.py"), name
    for name in ("_base", "_ops", "_sse"):
        assert not generated(RESOURCES / f"{name}.py"), name
    assert not any(generated(p) for p in (RESOURCES / "_custom").glob("*.py"))


def test_wheel_carries_only_what_the_sdk_uses(tmp_path: Path):
    """The openapi-python-client output is its own distribution: not in the wheel, no attrs dependency."""
    import subprocess
    import sys
    import zipfile

    sdk = Path(companyos.__file__).resolve().parents[1]
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(tmp_path), str(sdk)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("companyos-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert not [n for n in names if "_generated" in n or "companyos_client" in n]
    assert "companyos/resources/services.py" in names and "companyos/types/_models.py" in names
    assert "companyos/resources/_custom/audit.py" in names
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert not [r for r in requires if r.split()[1].startswith("attrs")]
    assert any("companyos-client" in r and "extra == 'lowlevel'" in r for r in requires)
