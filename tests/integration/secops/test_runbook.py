"""docs/runbooks/security-alert-triage.md: every command in its ``sh`` blocks runs against the real app
(in-process CLI, as the tenant's service client) and says what the page says it says."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

from tests.integration.cli.conftest import Cli, _cli_env, cli, http, service  # noqa: F401  (fixtures)

REPO = Path(__file__).resolve().parents[3]
DOC = REPO / "docs" / "runbooks" / "security-alert-triage.md"


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_runbook_documents_these_commands() -> None:
    assert [c.split()[0] for c in commands()] == ["companyos"] * 6


def test_the_runbook_commands_work(cli: Cli, service: Any, monkeypatch: Any) -> None:  # noqa: F811
    monkeypatch.chdir(REPO)
    env = service("acme")
    outputs = []
    for command in commands():
        args = shlex.split(command)[1:]
        result = cli(*args, **env)
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
        outputs.append(result.stdout)
    simulated, principal, events, rules, tested, run = outputs
    assert "401 401 401 401 401 429" in simulated and "brute" in simulated.lower()
    assert "risk" in principal and "identity.sign_in" in events
    assert "brute_force" in rules and "impossible_travel" in rules
    assert "fires: yes" in tested and "agree: yes" in tested
    assert re.search(r"\d+ events · 1 rules · [1-9]\d* detections", run)
    profile = json.loads(cli("-o", "json", "secops", "principal", "bob", **env).stdout)
    assert profile["risk"] > 0 and profile["alerts"][0]["category"] == "security"
