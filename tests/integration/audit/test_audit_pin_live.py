"""``companyos audit verify`` against the real server: the pin catches what the server alone cannot."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete

from companyos_server.platform.audit.models import AuditChainHead, AuditCheckpointRow, AuditEventRow
from tests.integration.cli import conftest as cli_fixtures
from tests.integration.cli.conftest import Cli

# The CLI wired to the in-process app, as the CLI's own integration tests use it.
_cli_env, http, cli, service = (
    cli_fixtures._cli_env,
    cli_fixtures.http,
    cli_fixtures.cli,
    cli_fixtures.service,
)


def test_cli_reports_a_rollback_of_database_and_witness(cli: Cli, service: Any, runtime: Any) -> None:
    env = service("acme")
    for name in ("One", "Two", "Three"):
        assert cli("tenants", "update", "--display-name", name, **env).exit_code == 0
    first = cli("audit", "verify", **env)
    assert first.exit_code == 0, first.stderr
    assert "checkpoint" in first.stdout

    # Everything the server knows about acme's chain, gone: events, head, checkpoint rows and witness.
    with runtime.db.session() as s:
        for model in (AuditEventRow, AuditCheckpointRow):
            s.execute(delete(model).where(model.tenant_id == "acme"))
        s.execute(delete(AuditChainHead).where(AuditChainHead.chain == "acme"))
    (runtime.settings.var_dir / "audit-witness" / "acme.jsonl").unlink()

    result = cli("audit", "verify", **env)
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: audit chain of acme ") and "rollback" in line
    assert (
        cli("audit", "verify", "--no-pin", **env).exit_code == 0
    )  # the server alone sees a short, valid chain
