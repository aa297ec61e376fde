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


def test_events_ingest_sends_ndjson_raw_and_json_lists_as_events(
    cli: Cli,  # noqa: F811
    service: Any,  # noqa: F811
    tmp_path: Any,
) -> None:
    env = service("acme")
    ndjson = tmp_path / "vpn.ndjson"
    ndjson.write_text(
        '{"occurred_at": "2026-12-01T10:00:00Z", "action": "vpn.login", "outcome": "failure", "principal": "ivy"}\n'
        "not json\n"
        '{"occurred_at": "2026-12-01T10:00:05Z", "action": "vpn.login", "outcome": "success", "principal": "ivy"}\n'
    )
    result = cli("-o", "json", "secops", "events", "ingest", str(ndjson), **env)
    assert result.exit_code == 0, result.stderr
    outcome = json.loads(result.stdout)
    # Sent as is: the server reports the bad line by its index instead of the CLI refusing the file.
    assert (outcome["received"], outcome["accepted"], [e["index"] for e in outcome["errors"]]) == (3, 2, [1])
    listed = tmp_path / "list.json"
    listed.write_text('[{"occurred_at": "2026-12-01T10:01:00Z", "action": "vpn.login", "principal": "ivy"}]')
    result = cli("-o", "json", "secops", "events", "ingest", str(listed), **env)
    assert result.exit_code == 0 and json.loads(result.stdout)["accepted"] == 1
    empty = tmp_path / "empty.ndjson"
    empty.write_text("\n")
    refused = cli("secops", "events", "ingest", str(empty), **env)
    assert refused.exit_code != 0 and "no events" in refused.stderr
