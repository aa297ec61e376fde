"""docs/console.md: every command in its ``sh`` blocks runs against a live server and says what the page
says it says. ``./dev up`` itself is what the live server does (migrate, seed, serve)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tools.live_server import LiveServer

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "console.md"
DEV_URL = "http://127.0.0.1:8080"


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_page_documents_these_commands() -> None:
    assert commands() == [
        "./dev up",
        "python -m companyos_console.demo_users alice erin",
        "curl -s -o /dev/null -w '%{http_code}\\n' http://127.0.0.1:8080/console/",
        "curl -s -o /dev/null -w '%{http_code} %{redirect_url}\\n' http://127.0.0.1:8080/console/t/acme/",
    ]


def test_the_documented_commands_work(server: LiveServer) -> None:
    env = {
        **os.environ,
        "COMPANYOS_VAR_DIR": str(server.var_dir),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    outputs = []
    for command in commands()[1:]:
        done = subprocess.run(
            ["bash", "-c", command.replace(DEV_URL, server.url)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, (command, done.stderr)
        outputs.append(done.stdout)
    users, landing, tenant_page = outputs
    assert re.search(r"^alice\s+\S+\s+\d{6}\s+acme: sre$", users, flags=re.M)
    assert re.search(r"^erin\s+\S+\s+\d{6}\s+acme: tenant_admin$", users, flags=re.M)
    assert "bob" not in users
    assert landing.strip() == "200"
    assert tenant_page.strip().startswith("303 ") and "/console/auth/login?next=" in tenant_page
