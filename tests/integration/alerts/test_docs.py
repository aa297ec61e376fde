"""docs/alerts.md: every command in its ``sh`` blocks runs against the real app (in-process CLI, as acme's
service client, a tenant admin), with the page's ``csv`` example saved where the page says, and says what
the page says it says."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from tests.integration.cli.conftest import Cli, _cli_env, cli, http, service  # noqa: F401  (fixtures)

REPO = Path(__file__).resolve().parents[3]
DOC = REPO / "docs" / "alerts.md"


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def commands() -> list[str]:
    return [line.strip() for block in blocks("sh") for line in block.splitlines() if line.strip()]


def test_the_page_documents_these_commands() -> None:
    assert [" ".join(c.split()[:4]) for c in commands()] == [
        "companyos alerts ingest-keys create",
        "companyos alerts history import",
        "companyos alerts occurrences --alert-name",
    ]
    assert "saved as `alert-history.csv`" in DOC.read_text(encoding="utf-8")


def test_the_page_commands_work(
    cli: Cli,  # noqa: F811
    service: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    [example] = blocks("csv")
    (tmp_path / "alert-history.csv").write_text(example, encoding="utf-8")
    env = service("acme")
    outputs = []
    for command in commands():
        result = cli(*shlex.split(command)[1:], **env)
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
        outputs.append(result.stdout)
    key, imported, listed = outputs
    assert "aik_" in key
    assert re.search(r"imported\s+3\b", imported) and re.search(r"updated\s+0\b", imported), imported
    assert listed.count("HighErrorRate") == 2 and "LatencyP99High" not in listed
    assert "2026-10-14T20:05:00" in listed and "checkout-api" in listed, listed

    again = cli("alerts", "history", "import", "alert-history.csv", **env)
    assert re.search(r"imported\s+0\b", again.stdout) and re.search(r"updated\s+3\b", again.stdout), (
        again.stdout
    )
