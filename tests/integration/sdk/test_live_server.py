"""The SDK against a real server process: the offline queue across a server restart (stop it, queue
mutations, start it, replay exactly once in order) and authorization code + PKCE with a TOTP sign-in."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import companyos
from companyos.offline import OfflineQueue
from tools.live_server import REPO, free_port

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


class Server:
    """One var dir and one port, started and stopped at will (the keys and data survive restarts)."""

    def __init__(self, var_dir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("COMPANYOS_")},
            "COMPANYOS_VAR_DIR": str(var_dir),
            "COMPANYOS_ENV": "development",
            "COMPANYOS_PUBLIC_BASE_URL": self.url,
            "COMPANYOS_RATE_LIMIT_ENABLED": "false",
        }
        self.proc: subprocess.Popen[bytes] | None = None
        for step in ("migrate", "seed"):
            subprocess.run([sys.executable, "-m", "companyos_server.cli", step], env=self.env, cwd=REPO, check=True,
                           capture_output=True)  # fmt: skip
        self.credentials = json.loads((var_dir / "dev-credentials.json").read_text())

    def start(self) -> None:
        cmd = [sys.executable, "-m", "companyos_server.cli", "serve", "--port", str(self.port)]
        self.proc = subprocess.Popen(
            cmd, env=self.env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/v1/ready", timeout=2) as resp:  # noqa: S310 (loopback)
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not become ready")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=20)
        self.proc = None


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    srv = Server(tmp_path / "var")
    srv.start()
    yield srv
    srv.stop()


def test_mutations_made_while_the_server_is_down_replay_once_in_order(server: Server, tmp_path: Path) -> None:
    service = next(c for c in server.credentials["clients"] if c["tenant_id"] == "acme")
    auth = companyos.ClientCredentials(
        service["client_id"], service["client_secret"], issuer=f"{server.url}/oauth2"
    )
    queue = OfflineQueue(tmp_path / "queue", key=b"k" * 32)
    with companyos.Client(
        base_url=server.url, auth=auth, tenant="acme", offline=queue, max_retries=0
    ) as client:
        assert (
            client.tenants.retrieve("acme")["display_name"] == "ACME Corporation"
        )  # token obtained while up

        server.stop()
        names = ["ACME offline 1", "ACME offline 2", "ACME offline 3"]
        for name in names:
            with pytest.raises(companyos.MutationQueued):
                client.tenants.update("acme", display_name=name)
        assert client.offline.status().pending == 3

        server.start()
        result = client.offline.flush()
        assert client.offline.status().pending == 0
        assert [status for _, status in result.replayed] == [200, 200, 200], result
        assert (result.rejected, result.remaining) == ([], 0)
        assert client.tenants.retrieve("acme")["display_name"] == names[-1]

        updates = [e for e in client.audit.list(action="tenants:update") if e["outcome"] == "success"]
        assert [e["actor"] for e in updates] == [service["client_id"]] * 3, (
            "each mutation applied exactly once"
        )
        assert client.offline.flush().replayed == [], "nothing is replayed twice"


def _drive_browser(url: str, user: dict[str, object], failures: list[BaseException]) -> None:
    """What a person does in the browser: sign in with password + TOTP, approve, land on the loopback."""
    import httpx
    import pyotp

    from tests.integration.identity.conftest import parse_form

    try:
        with httpx.Client(follow_redirects=False, timeout=20) as browser:
            response = browser.get(url)
            for _ in range(10):
                if response.status_code in (302, 303):
                    target = httpx.URL(url).join(response.headers["location"])
                    if target.host == "127.0.0.1" and target.path == "/callback":
                        browser.get(str(target))  # the SDK's loopback listener takes the code
                        return
                    url = str(target)
                    response = browser.get(url)
                    continue
                form = parse_form(response.text)
                fields = dict(form["fields"])
                if "password" in fields:
                    totp = pyotp.TOTP(str(user["totp_secret"])).now()
                    fields.update(username=str(user["username"]), password=str(user["password"]), totp=totp)
                elif "decision" in fields or "decision" in response.text:
                    fields["decision"] = "approve"
                url = str(httpx.URL(str(response.url)).join(form["action"]))
                response = browser.post(url, data=fields)
            raise AssertionError(f"the sign-in did not reach the loopback redirect: {response.status_code}")
    except BaseException as exc:  # noqa: BLE001 - reported to the test thread, which asserts on it
        failures.append(exc)


def test_authorization_code_pkce_against_the_real_provider(server: Server) -> None:
    import threading

    user = next(u for u in server.credentials["users"] if u["username"] == "alice")
    failures: list[BaseException] = []

    def open_browser(url: str) -> None:
        threading.Thread(target=_drive_browser, args=(url, user, failures), daemon=True).start()

    auth = companyos.AuthorizationCodePKCE(
        issuer=f"{server.url}/oauth2", open_browser=open_browser, timeout=60
    )
    with companyos.Client(base_url=server.url, auth=auth, tenant="acme") as client:
        me = client.identity.me()
    assert not failures, failures
    assert me["subject"].startswith("usr_")
    assert me["acr"] == "urn:companyos:acr:mfa", "a sign-in with TOTP is a multi-factor sign-in"
    assert me["tenants"] == [{"tenant_id": "acme", "roles": ["sre"]}]
