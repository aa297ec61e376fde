"""The browser quickstart (quickstarts/web) in Chromium: OIDC authorization code + PKCE sign-in through the
built-in provider, then typed API calls with the TypeScript client, all against a live server.

Runs Debian's ``chromium`` through Playwright (never Playwright's own browser download). Without chromium the
test is skipped locally and fails in CI, where ``./dev test`` installs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.live_server import LiveServer, free_port, live_server

REPO = Path(__file__).resolve().parents[3]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (./dev test installs it in CI)", allow_module_level=True)


@pytest.fixture(scope="module")
def quickstart() -> Iterator[tuple[LiveServer, str]]:
    subprocess.run(["node", "clients/typescript/scripts/build.mjs"], cwd=REPO, check=True)  # dist/ + types
    with live_server() as server:
        port = free_port()
        env = {**os.environ, "COMPANYOS_BASE_URL": server.url, "QUICKSTART_PORT": str(port)}
        proc = subprocess.Popen(["node", "quickstarts/web/serve.mjs"], cwd=REPO, env=env)
        url = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    urllib.request.urlopen(url, timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise
                    time.sleep(0.1)
            yield server, url
        finally:
            proc.terminate()
            proc.wait(10)


def test_sign_in_with_pkce_and_list_tenants(quickstart: tuple[LiveServer, str]) -> None:
    from playwright.sync_api import sync_playwright

    server, url = quickstart
    creds = json.loads(server.credentials.read_text())
    user = next(u for u in creds["users"] if u["username"] == "erin")  # tenant_admin of acme
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            csp_violations: list[str] = []
            page.on(
                "console", lambda m: csp_violations.append(m.text) if "Content Security" in m.text else None
            )
            page.goto(url)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"{server.url}/**")  # the provider's own sign-in page, not the app's
            page.fill("#username", user["username"])
            page.fill("#password", user["password"])
            page.get_by_role("button", name="Sign in").click()
            allow = page.get_by_role("button", name="Allow")
            page.wait_for_load_state()
            if page.url.startswith(server.url) and allow.count():
                allow.click()
            page.wait_for_url(url)
            status = page.get_by_role("status")
            status.filter(has_text="Signed in as").wait_for(timeout=15_000)
            assert "(user)" in status.inner_text()
            page.locator("#tenants li").first.wait_for()
            tenants = page.locator("#tenants li").all_inner_texts()
            assert any(t.startswith("acme:") for t in tenants)
            assert not any(t.startswith("globex:") for t in tenants), "another tenant leaked into the list"
            stored = page.evaluate("() => Object.keys(window.sessionStorage)")
            assert "quickstart.pkce" not in stored, "the verifier is dropped after the exchange"
            assert not csp_violations, csp_violations
            shots = REPO / "var" / "quickstart-screenshots"
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / "web-quickstart.png"))
        finally:
            browser.close()


def test_node_quickstart_device_flow_approved_in_the_browser(quickstart: tuple[LiveServer, str]) -> None:
    """`node quickstarts/node/index.mjs --device`: the code it prints is approved on the provider's /device
    page (with TOTP), then the program lists the tenant's services with the person's token."""
    import pyotp
    from playwright.sync_api import sync_playwright

    server, _ = quickstart
    creds = json.loads(server.credentials.read_text())
    user = next(u for u in creds["users"] if u["username"] == "alice")  # sre of acme
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPANYOS_")}
    env["COMPANYOS_BASE_URL"] = server.url
    proc = subprocess.Popen(
        ["node", "quickstarts/node/index.mjs", "--device"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("To sign in, open "), first
        link = first.removeprefix("To sign in, open ").strip()
        code_line = proc.stdout.readline()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                page = browser.new_page()
                page.goto(link)
                page.fill("#username", user["username"])
                page.fill("#password", user["password"])
                if page.locator("#totp").count():
                    page.fill("#totp", pyotp.TOTP(user["totp_secret"]).now())
                page.get_by_role("button", name="Sign in").click()
                user_code = page.locator("#user_code")
                user_code.wait_for()
                assert user_code.input_value() in code_line, "the page shows the code the program printed"
                page.get_by_role("button", name="Approve").click()
                page.wait_for_load_state()
            finally:
                browser.close()
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "(user); tenants: acme" in out
    assert "service(s) in tenant acme" in out
    assert int(out.rsplit(" service(s)", 1)[0].rsplit("\n", 1)[-1]) > 0, out
