"""Every error is one stderr line with the request id, and a documented exit code; never a traceback."""

from __future__ import annotations

import httpx
import pytest
import respx

from .conftest import Cli, problem


@pytest.mark.parametrize(
    ("status", "title", "code"),
    [
        (400, "Bad Request", 1),
        (401, "Unauthorized", 3),
        (403, "Forbidden", 8),
        (404, "Not Found", 4),
        (409, "Conflict", 5),
        (422, "Unprocessable Entity", 1),
        (429, "Too Many Requests", 6),
        (500, "Internal Server Error", 1),
    ],
)
def test_status_errors(cli: Cli, api: respx.MockRouter, status: int, title: str, code: int) -> None:
    api.get("/v1/tenants/acme").respond(status, json=problem(status, title, "it went wrong", "req_abc"))
    result = cli("tenants", "get")
    assert result.exit_code == code
    assert result.stderr == f"error: {title}: it went wrong (request id req_abc)\n"
    assert "Traceback" not in result.stdout + result.stderr


def test_denial_reasons_in_the_line(cli: Cli, api: respx.MockRouter) -> None:
    api.post("/v1/tenants/acme/audit/exports").respond(
        403, json=problem(403, "Forbidden", "no.", "req_r", reasons=["needs mfa", "eu data"])
    )
    result = cli("audit", "export")
    assert result.exit_code == 8
    assert result.stderr == "error: Forbidden: no. [needs mfa; eu data] (request id req_r)\n"


def test_step_up_required_exits_3(cli: Cli, api: respx.MockRouter) -> None:
    api.post("/v1/tenants").respond(
        401,
        json=problem(401, "Unauthorized", "needs a recent multi-factor sign-in", "req_su"),
        headers={
            "WWW-Authenticate": 'Bearer error="insufficient_user_authentication", '
            'acr_values="urn:companyos:acr:mfa", max_age=900'
        },
    )
    result = cli("tenants", "create", "initech", "--name", "Initech")
    assert result.exit_code == 3
    line = result.stderr.strip()
    assert line.startswith("error: step-up required: needs a recent multi-factor sign-in")
    assert "urn:companyos:acr:mfa" in line and "max_age 900s" in line and line.endswith("(request id req_su)")


def test_connection_error_exits_7(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/me").mock(side_effect=httpx.ConnectError("Connection refused"))
    result = cli("whoami")
    assert result.exit_code == 7
    assert result.stderr.startswith("error: connection error:") and result.stderr.count("\n") == 1


def test_usage_error_exits_2(cli: Cli) -> None:
    result = cli("tenants", "frobnicate")
    assert result.exit_code == 2
    assert cli("--output", "xml", "whoami").exit_code == 2


def test_unexpected_error_is_one_line(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/me").respond(200, content=b"not json")
    result = cli("whoami")
    assert result.exit_code == 1
    assert (
        result.stderr.startswith("error: internal error: JSONDecodeError") and result.stderr.count("\n") == 1
    )
