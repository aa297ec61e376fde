"""`serve --workers 2`: what one worker decides, the other honours.

Rate limits are shared (a SQLite file under the var dir without Redis, Redis when configured), and a
tenant change made through one worker reaches the other's edge cache within the epoch's interval.
Requests go over fresh connections so that both workers answer some of them.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from companyos_server.platform.identity.issuer import issue_access_token
from companyos_server.platform.identity.keys import KeyStore
from companyos_server.settings import Settings
from tools.live_server import REPO, free_port

LIMIT = 40


class TwoWorkers:
    def __init__(self, var_dir: Path, redis_url: str | None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("COMPANYOS_")},
            "COMPANYOS_VAR_DIR": str(var_dir),
            "COMPANYOS_ENV": "development",
            "COMPANYOS_PUBLIC_BASE_URL": self.url,
            "COMPANYOS_RATE_LIMITS": f"free={LIMIT},standard={LIMIT},enterprise={LIMIT}",
            "COMPANYOS_RATE_LIMIT_PREFIX": f"companyos:rl:test-{self.port}:",
            "COMPANYOS_LOG_LEVEL": "WARNING",
        }
        if redis_url:
            self.env["COMPANYOS_REDIS_URL"] = redis_url
        for step in ("migrate", "seed"):
            subprocess.run([sys.executable, "-m", "companyos_server.cli", step], env=self.env, cwd=REPO, check=True,
                           capture_output=True)  # fmt: skip
        settings = Settings(var_dir=var_dir, public_base_url=self.url, env="development")
        self.admin_token = issue_access_token(
            KeyStore(var_dir),
            settings,
            subject="usr_root-admin",
            client_id="companyos-cli",
            tenants={},
            scopes=["openid", "api", "platform:admin", "tenants:cross"],
        )
        cmd = [
            sys.executable,
            "-m",
            "companyos_server.cli",
            "serve",
            "--workers",
            "2",
            "--port",
            str(self.port),
        ]
        self.proc = subprocess.Popen(
            cmd,
            env=self.env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )

    def request(
        self, method: str, path: str, body: dict[str, object] | None = None
    ) -> tuple[int, dict[str, str]]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            headers = {"Authorization": f"Bearer {self.admin_token}", "Connection": "close"}
            payload = None
            if body is not None:
                payload = json.dumps(body)
                headers["Content-Type"] = "application/json"
            conn.request(method, path, body=payload, headers=headers)
            response = conn.getresponse()
            response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}
        finally:
            conn.close()

    def wait_ready(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/v1/ready")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not become ready")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)


@pytest.fixture(params=["file", pytest.param("redis", marks=pytest.mark.redis)])
def workers(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TwoWorkers]:
    redis_url = None
    if request.param == "redis":
        redis_url = os.environ.get("COMPANYOS_TEST_REDIS_URL")
        if not redis_url:
            pytest.skip("COMPANYOS_TEST_REDIS_URL is not set")
    server = TwoWorkers(tmp_path / "var", redis_url)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def test_two_workers_share_rate_limits_and_see_each_others_tenant_changes(workers: TwoWorkers) -> None:
    path = "/v1/tenants/globex"
    tiers = set()
    for _ in range(10):  # both workers now hold globex (tier standard) in their edge cache
        status, headers = workers.request("GET", path)
        assert status == 200
        tiers.add(headers["ratelimit-policy"].split(";")[0])
    assert tiers == {'"standard"'}

    status, _ = workers.request("PATCH", path, {"tier": "free"})
    assert status == 200
    time.sleep(0.6)  # the other worker notices the epoch within 0.25 s
    for _ in range(10):
        status, headers = workers.request("GET", path)
        assert status == 200
        assert headers["ratelimit-policy"].startswith('"free"'), headers["ratelimit-policy"]

    # 21 requests so far against a budget of LIMIT for the tenant, whichever worker answered them.
    statuses = [workers.request("GET", path)[0] for _ in range(2 * LIMIT)]
    allowed = statuses.count(200)
    assert statuses.count(429) == len(statuses) - allowed
    assert LIMIT - 21 <= allowed <= LIMIT - 21 + 4, f"{allowed} allowed: the workers do not share the limit"
