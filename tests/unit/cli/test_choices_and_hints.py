"""Enum options checked locally and completed by the shell; "not a member of tenant X" instead of a bare 404;
the shared COMPANYOS_* variables (issue 8, items 3 and 4)."""

from __future__ import annotations

import pytest
import respx
from typer.testing import CliRunner

from companyos.cli import app

from .conftest import API, Cli, problem
from .factories import me


def _complete(words: str) -> list[str]:
    env = {
        "_COMPANYOS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    result = CliRunner().invoke(app, [], prog_name="companyos", env=env)
    return result.stdout.split()


@pytest.mark.parametrize(
    ("args", "option", "allowed"),
    [
        (["incidents", "list", "--severity", "sev9"], "--severity", "'sev1', 'sev2', 'sev3', 'sev4'"),
        (
            ["alerts", "list", "--status", "open"],
            "--status",
            "'firing', 'resolved', 'acknowledged', 'silenced'",
        ),
        (["tenants", "list", "--tier", "gold"], "--tier", "'free', 'standard', 'enterprise'"),
        (["deployments", "list", "--state", "done"], "--state", "'pending', 'running'"),
        (["jobs", "list", "--state", "stuck"], "--state", "'queued', 'running'"),
        (
            ["services", "create", "api", "--team", "a", "--tier", "tier-1", "--env", "prod"],
            "--env",
            "'production'",
        ),
        (["search", "x", "--env", "prod"], "--env", "'production', 'staging', 'sandbox'"),
    ],
)
def test_enum_options_are_checked_before_any_request(
    cli: Cli, api: respx.MockRouter, args: list[str], option: str, allowed: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.stderr and allowed in result.stderr
    assert not api.calls  # refused locally: nothing was sent


def test_enum_values_are_completed_by_the_shell() -> None:
    assert _complete("companyos incidents list --severity s") == ["sev1", "sev2", "sev3", "sev4"]
    assert _complete("companyos alerts list --severity c") == ["critical"]
    assert _complete("companyos services create api --env s") == ["staging", "sandbox"]
    assert _complete("companyos tenants create x --residency a") == ["apac"]


def test_valid_enum_value_reaches_the_api(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get("/v1/tenants/acme/incidents").respond(json={"items": [], "next_page_token": None})
    assert cli("incidents", "list", "--severity", "sev2").exit_code == 0
    assert route.calls.last.request.url.params["severity"] == "sev2"


def test_404_on_a_tenant_the_caller_does_not_belong_to_says_so(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/tenants/globex/incidents").respond(
        404, json=problem(404, "Not Found", "Tenant 'globex' was not found.")
    )
    api.get("/v1/me").respond(json=me())  # member of acme only
    result = cli("--tenant", "globex", "incidents", "list")
    assert result.exit_code == 4
    assert result.stderr.strip() == (
        "error: you are not a member of tenant globex (your tenants: acme): pass --tenant or set "
        "COMPANYOS_TENANT to one of yours, or ask an admin of globex to add you"
    )


def test_404_inside_a_tenant_of_the_caller_is_left_alone(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/tenants/acme/incidents/inc_gone").respond(
        404, json=problem(404, "Not Found", "Incident 'inc_gone' was not found.")
    )
    api.get("/v1/me").respond(json=me())
    result = cli("incidents", "get", "inc_gone")
    assert result.exit_code == 4
    assert (
        result.stderr.strip()
        == "error: Not Found: Incident 'inc_gone' was not found. (request id req_test123)"
    )


def test_platform_admins_get_the_plain_404(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/tenants/nope/incidents").respond(
        404, json=problem(404, "Not Found", "Tenant 'nope' was not found.")
    )
    api.get("/v1/me").respond(json=me(scopes=["openid", "api", "platform:admin"]))
    result = cli("--tenant", "nope", "incidents", "list")
    assert result.exit_code == 4
    assert "not a member" not in result.stderr and "Tenant 'nope' was not found." in result.stderr


# -- one set of environment variables -----------------------------------------------------------------------


def test_cli_reads_the_sdk_variables(cli: Cli, api: respx.MockRouter, monkeypatch) -> None:
    monkeypatch.delenv("COMPANYOS_API_URL", raising=False)
    monkeypatch.setenv("COMPANYOS_BASE_URL", API)
    monkeypatch.delenv("COMPANYOS_TOKEN")
    monkeypatch.setenv("COMPANYOS_CLIENT_ID", "acme-ci")
    monkeypatch.setenv("COMPANYOS_CLIENT_SECRET", "s3cret")
    api.get("/oauth2/.well-known/openid-configuration").respond(
        json={"issuer": f"{API}/oauth2", "token_endpoint": f"{API}/oauth2/token"}
    )
    api.post("/oauth2/token").respond(json={"access_token": "tok_cc", "expires_in": 300})
    route = api.get("/v1/me").respond(json=me())
    assert cli("whoami").exit_code == 0
    assert route.calls.last.request.headers["authorization"] == "Bearer tok_cc"


def test_base_url_variable_wins_over_the_saved_login(cli: Cli, api: respx.MockRouter, monkeypatch) -> None:
    from companyos.cli._context import Profile, Profiles

    Profiles().set("default", Profile(api_url="https://elsewhere.test"))
    monkeypatch.delenv("COMPANYOS_API_URL", raising=False)
    monkeypatch.setenv("COMPANYOS_BASE_URL", API)
    route = api.get("/v1/me").respond(json=me())
    assert cli("whoami").exit_code == 0
    assert route.called


def test_half_a_client_credential_is_an_authentication_error(
    cli: Cli, api: respx.MockRouter, monkeypatch
) -> None:
    monkeypatch.delenv("COMPANYOS_TOKEN")
    monkeypatch.setenv("COMPANYOS_CLIENT_ID", "acme-ci")
    result = cli("whoami")
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        "error: COMPANYOS_CLIENT_ID is set but COMPANYOS_CLIENT_SECRET is not: set both (client credentials)"
    )
    assert not api.calls
