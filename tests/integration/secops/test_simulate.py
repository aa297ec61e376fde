"""``companyos secops simulate``: scenarios drive real requests (identity provider, API) and raise alerts."""

from __future__ import annotations

import json
from typing import Any

from tests.integration.cli.conftest import Cli, _cli_env, cli, http, service  # noqa: F401  (fixtures)


def test_token_replay_through_the_identity_provider(cli: Cli, service: Any, seeded: dict[str, Any]) -> None:  # noqa: F811
    password = next(u for u in seeded["users"] if u["username"] == "bob")["password"]
    env = service("acme")
    result = cli("secops", "simulate", "token-replay", "--target", "bob", "--password", password, **env)
    assert result.exit_code == 0, result.stderr
    assert "refresh token of bob: 200 400" in result.stdout  # rotated once, the stolen copy refused
    assert "refresh_token_reuse" in result.stdout
    events = json.loads(cli("-o", "json", "secops", "events", "list", "--principal", "bob", **env).stdout)
    actions = {e["action"] for e in events}
    assert {"identity.sign_in", "identity.token_issue", "identity.refresh_reuse"} <= actions


def test_scenarios_need_their_inputs_and_known_names(cli: Cli, service: Any) -> None:  # noqa: F811
    env = service("acme")
    assert cli("secops", "simulate", "token-replay", **env).exit_code != 0
    bad = cli("secops", "simulate", "teleport", **env)
    assert bad.exit_code != 0 and "unknown scenario" in bad.stderr


def test_privilege_escalation_and_suspicious_deploy_raise_alerts(cli: Cli, service: Any) -> None:  # noqa: F811
    env = service("acme")
    for scenario, rule in (
        ("privilege-escalation", "permission_escalation"),
        ("suspicious-deploy", "anomalous_deploy_path"),
    ):
        result = cli("-o", "json", "secops", "simulate", scenario, "--target", "mallory", **env)
        assert result.exit_code == 0, result.stderr
        assert rule in result.stdout
