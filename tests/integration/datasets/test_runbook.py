"""docs/runbooks/large-tenant-migration.md: every command in its ``sh`` blocks runs against the real app
(in-process CLI, as acme's service client) and says what the page says it says."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

from companyos_server.platform.runtime import Runtime
from tests.integration.cli.conftest import Cli, _cli_env, cli, http, service, worker  # noqa: F401  (fixtures)

REPO = Path(__file__).resolve().parents[3]
DOC = REPO / "docs" / "runbooks" / "large-tenant-migration.md"


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_runbook_documents_these_commands() -> None:
    assert [" ".join(c.split()[:3]) for c in commands()] == [
        "companyos datasets list", "companyos datasets get", "companyos import run", "companyos import list",
        "companyos datasets sample", "companyos export create", "companyos export verify",
    ]  # fmt: skip


def test_the_runbook_commands_work(cli: Cli, service: Any, runtime: Runtime, worker: Runtime, monkeypatch: Any,  # noqa: F811
                                   tmp_path: Path) -> None:  # fmt: skip
    monkeypatch.chdir(REPO)
    env = service("acme")
    outputs = []
    for command in commands():
        args = [
            a.replace("customers-demo-export.tar.gz", str(tmp_path / "pack.tar.gz"))
            for a in shlex.split(command)[1:]
        ]
        result = cli(*args, **env)
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
        outputs.append(result.stdout)
    listed, schema, imported, imports, sample, _created, verified = outputs
    assert "customers-demo" in listed and "eu" in listed
    assert re.search(r"email\W+string\W+pii", schema)
    assert "succeeded" in imported and re.search(r"started\W+succeeded\W+\d+\W+\d+", imports)
    assert "CUSTOMER_ID" in sample and "@" not in sample.split("EMAIL", 1)[1]
    assert verified.startswith("OK: export exp_") and "signed by ek_" in verified
    denied = cli("export", "create", "customers-demo", "--recipient", "x", "--destination", "us", **env)
    assert denied.exit_code == 8 and "residency-eu-export-destination" in denied.stderr
