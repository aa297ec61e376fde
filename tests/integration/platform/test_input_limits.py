"""Request bodies and headers within explicit limits: deep nesting and huge integers are 400 problems on
every JSON write operation (they were 500s: RecursionError, ValueError), and X-CompanyOS-Purpose is a
bounded, meaningful sentence."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from companyos_server.platform.principal import ACR_MFA
from tests.conftest import bearer

SPEC = Path(__file__).resolve().parents[3] / "generated" / "openapi.json"
ROLES = ["tenant_admin", "platform_engineer", "sre", "security_analyst"]


def _json_writes() -> list[tuple[str, str]]:
    """Every tenant-scoped JSON write, its path filled with the contract's example parameter values."""
    spec = json.loads(SPEC.read_text())
    examples = {p["name"]: str(p.get("example", "x1")) for p in spec["components"]["parameters"].values()}
    examples.update(tenant_id="acme", environment="production")
    found = []
    for path, operations in spec["paths"].items():
        if not path.startswith("/v1/tenants/{tenant_id}/"):
            continue
        concrete = re.sub(r"\{([^}]+)\}", lambda m: examples.get(m.group(1), "x1"), path)
        for method in ("post", "put", "patch"):
            content = operations.get(method, {}).get("requestBody", {}).get("content", {})
            if "application/json" in content:
                found.append((method.upper(), concrete))
    return found


def _strong(mint: Callable[..., str]) -> dict[str, str]:
    return bearer(mint("usr_limits", tenants={"acme": ROLES}, acr=ACR_MFA, auth_time=int(time.time())))


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("[" * 3000 + "]" * 3000, "nests deeper"),
        ('{"a":' * 100 + "1" + "}" * 100, "nests deeper"),
        ('{"total": ' + "9" * 5000 + "}", "more than 64 digits"),
    ],
    ids=["deep-array", "deep-object", "huge-integer"],
)
async def test_every_json_write_refuses_unbounded_bodies_with_a_problem(
    client: httpx.AsyncClient, mint: Callable[..., str], body: str, says: str
) -> None:
    writes = _json_writes()
    assert len(writes) >= 8
    headers = {**_strong(mint), "Content-Type": "application/json"}
    refused = 0
    for method, path in writes:
        r = await client.request(method, path, content=body, headers=headers)
        assert r.status_code < 500, (method, path, r.status_code, r.text[:300])
        assert r.headers["content-type"].startswith("application/problem+json"), (path, r.text[:300])
        problem: dict[str, Any] = r.json()
        if problem["type"].endswith("/malformed-json"):  # others stop earlier (a path parameter, policy)
            assert r.status_code == 400 and says in problem["detail"], (path, problem)
            refused += 1
    assert refused >= 8, f"only {refused} of {len(writes)} writes reached body parsing"


async def test_the_body_limits_leave_ordinary_bodies_alone(
    client: httpx.AsyncClient, mint: Callable[..., str]
) -> None:
    nested = {"a": {"b": {"c": [1, 2, {"d": 12345678901234567890}]}}}
    from companyos_server.platform.middleware.errors import json_depth, parse_json_body

    assert parse_json_body(json.dumps(nested)) == nested
    assert json_depth(nested) == 5 and json_depth(1) == 0


@pytest.mark.parametrize(
    "purpose", [".", "x" * 100_000, "ab", "x" * 201, "ticket\x07 bell review", "INC-1\x1b[2J"]
)
async def test_a_purpose_must_be_bounded_and_printable(
    client: httpx.AsyncClient, mint: Callable[..., str], purpose: str
) -> None:
    root = bearer(mint("usr_root", scopes=["openid", "api", "platform:admin", "tenants:cross"]))
    r = await client.get("/v1/tenants/acme/services", headers={**root, "X-CompanyOS-Purpose": purpose})
    assert r.status_code == 400, r.text[:300]
    assert r.json()["type"].endswith("/invalid-purpose")
    assert len(r.text) < 2000, "the refused value is not echoed back"


async def test_a_real_purpose_is_accepted(client: httpx.AsyncClient, mint: Callable[..., str]) -> None:
    root = bearer(mint("usr_root", scopes=["openid", "api", "platform:admin", "tenants:cross"]))
    r = await client.get(
        "/v1/tenants/acme/services", headers={**root, "X-CompanyOS-Purpose": "INC-42 escalation"}
    )
    assert r.status_code == 200, r.text
