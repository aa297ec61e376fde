"""Tenant isolation matrix: every tenant-scoped operation by every role of tenant A, aimed at tenant B.

The operations come from the bundled contract (see :mod:`.discovery`), so a new tenant-scoped
operation joins the matrix without anyone editing this file. Tenant B (``globex``) gets real data
first: a unique marker label (PATCH as a platform admin with MFA), and one of each creatable
sub-resource (every tenant-scoped POST whose only path parameter is the tenant, sent with the spec's
example body), so path parameters such as ``{job_id}`` carry B's real ids. A path parameter for which B
has no real value gets a plausible placeholder, and the test id says ``placeholder``.

Each call is made by a member of tenant A (``acme``) holding one role, with a fresh multi-factor
sign-in (so step-up is not what stops it) and an ``X-CompanyOS-Purpose`` header (so a stated purpose
alone opens nothing). It must be refused with 403 or 404 as ``application/problem+json``, and nothing of
B's may come back: not the marker, not the display name "Globex", not any B id the request did not
itself carry. Mutations must leave B unchanged.

The store-level proof (a store cannot return another tenant's rows) lives with the stores.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import pytest_asyncio

from companyos_server.platform.principal import ACR_MFA, ROLES
from companyos_server.platform.runtime import Runtime
from tests.conftest import API, bearer, minter, shared_seeded_runtime
from tests.integration.isolation.discovery import (
    ENVIRONMENTS,
    Operation,
    contract,
    example_value,
    ids_in,
    parameters,
    request_body_example,
    success_schema,
    tenant_scoped_operations,
)

ATTACKER = "acme"
VICTIM = "globex"
VICTIM_DISPLAY_NAME = "Globex"
ADMIN_SCOPES = ["openid", "api", "platform:admin", "tenants:cross"]
PURPOSE = "isolation matrix"

DOCUMENT = contract()
OPERATIONS = tenant_scoped_operations(DOCUMENT)
OPERATION_IDS = [op.operation_id for op in OPERATIONS]


@dataclass
class Victim:
    marker: str
    ids: dict[str, set[str]] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)

    def all_ids(self) -> set[str]:
        return set().union(*self.ids.values()) if self.ids else set()


def admin_headers(mint: Callable[..., str]) -> dict[str, str]:
    token = mint("usr_isolation_admin", scopes=ADMIN_SCOPES, acr=ACR_MFA, auth_time=int(time.time()))
    return {**bearer(token), "X-CompanyOS-Purpose": PURPOSE}


def attacker_headers(mint: Callable[..., str], role: str) -> dict[str, str]:
    token = mint(
        f"usr_{ATTACKER}_{role}",
        tenants={ATTACKER: [role]},
        scopes=["openid", "api"],
        acr=ACR_MFA,
        auth_time=int(time.time()),
    )
    return {**bearer(token), "X-CompanyOS-Purpose": PURPOSE}


def _only_tenant_params(op: Operation) -> bool:
    return set(op.path_params) <= {"tenant_id", "environment"}


def fill_path(op: Operation, victim: Victim) -> tuple[str, list[str]]:
    """B's path for ``op``, and the names of parameters that got a placeholder instead of a real B value."""
    path, placeholders = op.path, list[str]()
    declared = {p["name"]: p for p in parameters(DOCUMENT, op.path, op.definition) if p["in"] == "path"}
    for name in op.path_params:
        value: str | None
        if name == "tenant_id":
            value = VICTIM
        elif name == "environment":
            value = ENVIRONMENTS[0]
        else:
            value = _real_id(name, victim)
            if value is None:
                placeholders.append(name)
                example = example_value(DOCUMENT, declared.get(name, {}))
                value = (
                    str(example) if example not in (None, "") else f"{name.removesuffix('_id')}_isolation0000"
                )
        path = path.replace("{" + name + "}", value)
    return path, placeholders


def _real_id(name: str, victim: Victim) -> str | None:
    if victim.ids.get(name):
        return sorted(victim.ids[name])[0]
    prefix = name.removesuffix("_id") + "_"
    candidates = sorted(i for i in victim.ids.get("*", ()) if i.startswith(prefix))
    return candidates[0] if candidates else None


def build_request(op: Operation, path: str, headers: dict[str, str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    headers = dict(headers)
    for param in parameters(DOCUMENT, op.path, op.definition):
        if not param.get("required") or param["in"] == "path":
            continue
        value = example_value(DOCUMENT, param)
        if param["in"] == "query":
            params[param["name"]] = value
        elif param["in"] == "header":
            headers.setdefault(param["name"], str(value))
    if op.method == "POST":
        headers.setdefault("Idempotency-Key", f"isolation-{secrets.token_hex(8)}")
    request: dict[str, Any] = {"method": op.method, "url": path, "params": params, "headers": headers}
    body = request_body_example(DOCUMENT, op.definition)
    if body is not None:
        media_type, value = body
        headers["Content-Type"] = media_type
        request["content"] = json.dumps(value).encode() if "json" in media_type else str(value).encode()
    return request


async def victim_state(client: httpx.AsyncClient, mint: Callable[..., str]) -> dict[str, Any]:
    r = await client.get(f"/v1/tenants/{VICTIM}", headers=admin_headers(mint))
    assert r.status_code == 200, r.text
    state: dict[str, Any] = r.json()
    return state


# Fields of a sub-resource a refused mutation must not move (`cancel`/`retry` of B's job, say).
STABLE_FIELDS = ("state", "attempts", "status", "labels", "display_name")


def parent_read(op: Operation) -> Operation | None:
    """The GET that reads what ``op`` mutates: same path, or ``op``'s path without its last (verb) segment."""
    candidates = {op.path, op.path.rsplit("/", 1)[0]}
    for other in OPERATIONS:
        if (
            other.method == "GET"
            and other.path in candidates
            and other.path_params == op.path_params[: len(other.path_params)]
        ):
            return other
    return None


async def resource_state(
    client: httpx.AsyncClient, mint: Callable[..., str], op: Operation, victim: Victim
) -> dict[str, Any] | None:
    """As a platform admin: the stable fields of the B resource ``op`` targets (None when unreadable)."""
    read = parent_read(op)
    if read is None:
        return None
    path, _ = fill_path(read, victim)
    r = await client.request(**build_request(read, path, admin_headers(mint)))
    if r.status_code != 200 or not r.headers.get("content-type", "").startswith("application/json"):
        return None
    body = r.json()
    return {k: body[k] for k in STABLE_FIELDS if isinstance(body, dict) and k in body}


# One seeded runtime per backend for the whole matrix: every test asserts that tenant B is unchanged, so
# sharing B's data across the matrix costs no independence and saves a migrate-and-seed per cell.
@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def shared_runtime(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Runtime]:
    with shared_seeded_runtime(request, tmp_path_factory.mktemp("isolation"), request.param) as runtime:
        yield runtime


@pytest.fixture(scope="module")
def mint(shared_runtime: Runtime) -> Callable[..., str]:
    return minter(shared_runtime)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def client(shared_runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    from companyos_server.app import build_app

    app = build_app(shared_runtime, validate_responses=True)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as http:
        yield http


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def victim(client: httpx.AsyncClient, mint: Callable[..., str]) -> Victim:
    """Tenant B with a marker label and one of each creatable sub-resource; their ids collected."""
    admin = admin_headers(mint)
    victim = Victim(marker=f"isolation-marker-{secrets.token_hex(8)}")
    r = await client.patch(
        f"/v1/tenants/{VICTIM}", json={"labels": {"isolation_marker": victim.marker}}, headers=admin
    )
    assert r.status_code == 200, f"could not mark tenant B: {r.status_code} {r.text}"
    for op in OPERATIONS:
        if op.method != "POST" or not _only_tenant_params(op):
            continue
        if "production" not in op.definition.get("x-companyos-environments", ["production"]):
            continue  # an operation only sandbox tenants take (B is a production tenant); still in the matrix
        path, _ = fill_path(op, victim)
        r = await client.request(**build_request(op, path, admin))
        assert r.status_code < 300, f"could not create B's {op.operation_id}: {r.status_code} {r.text}"
        victim.created.append(op.operation_id)
        if r.headers.get("content-type", "").startswith("application/json"):
            ids_in(DOCUMENT, success_schema(DOCUMENT, op.definition), r.json(), victim.ids)
    for op in OPERATIONS:  # lists and reads of B's own collections, to learn every id B has
        if op.method != "GET" or not _only_tenant_params(op):
            continue
        path, _ = fill_path(op, victim)
        r = await client.request(**build_request(op, path, admin))
        if r.status_code == 200 and r.headers.get("content-type", "").startswith("application/json"):
            ids_in(DOCUMENT, success_schema(DOCUMENT, op.definition), r.json(), victim.ids)
    victim.ids.get("*", set()).discard(VICTIM)
    victim.ids.pop("tenant_id", None)
    state = await victim_state(client, mint)
    assert state["labels"].get("isolation_marker") == victim.marker
    assert state["display_name"] == VICTIM_DISPLAY_NAME
    return victim


def test_discovery_covers_the_tenant_scoped_contract() -> None:
    assert OPERATIONS, "no tenant-scoped operation was discovered in the bundled contract"
    assert {"get_tenant", "update_tenant", "get_tenant_permissions"} <= set(OPERATION_IDS)
    assert all("{tenant_id}" in op.path for op in OPERATIONS)
    everything = [
        str(op["operationId"])
        for path, item in DOCUMENT["paths"].items()
        if "{tenant_id}" in path
        for op in item.values()
        if isinstance(op, dict) and op.get("x-companyos-served-by") != "identity-provider"
    ]
    assert sorted(everything) == sorted(OPERATION_IDS)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation_id", OPERATION_IDS)
async def test_tenant_a_cannot_reach_tenant_b(
    operation_id: str, role: str, client: httpx.AsyncClient, mint: Callable[..., str], victim: Victim
) -> None:
    op = next(o for o in OPERATIONS if o.operation_id == operation_id)
    path, placeholders = fill_path(op, victim)
    if placeholders:
        print(f"{operation_id}: placeholder values for {placeholders} (tenant B has no such resource yet)")
    before = await victim_state(client, mint)
    target_before = await resource_state(client, mint, op, victim) if op.method != "GET" else None

    request = build_request(op, path, attacker_headers(mint, role))
    r = await client.request(**request)

    where = f"{op.method} {path} as {ATTACKER}:{role}"
    assert r.status_code in (403, 404), f"{where} → {r.status_code} {r.text[:500]}"
    assert r.headers.get("content-type", "").startswith("application/problem+json"), (
        f"{where} → content-type {r.headers.get('content-type')!r}"
    )
    problem = r.json()
    assert problem.get("status") == r.status_code, f"{where} → {problem}"

    carried = str(httpx.URL(path))
    secrets_of_b = {victim.marker, VICTIM_DISPLAY_NAME} | {i for i in victim.all_ids() if i not in carried}
    exposed = r.text + "\n" + "\n".join(f"{k}: {v}" for k, v in r.headers.items())
    leaked = sorted(s for s in secrets_of_b if s in exposed)
    assert not leaked, (
        f"{where} leaked tenant B data {leaked}: {r.status_code} {dict(r.headers)} {r.text[:500]}"
    )

    if op.method != "GET":
        after = await victim_state(client, mint)
        assert after == before, f"{where} changed tenant B: {before} → {after}"
        if target_before is not None:
            target_after = await resource_state(client, mint, op, victim)
            assert target_after == target_before, (
                f"{where} changed B's resource: {target_before} → {target_after}"
            )
