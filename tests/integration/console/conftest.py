"""Console fixtures: the whole app in process (API + identity provider + console) and a scripted browser
that signs in through the provider's real pages."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pyotp
import pytest

from tests.conftest import API

CONSOLE = f"{API}/console"
_INPUT = re.compile(r'<input[^>]*name="(?P<name>[^"]+)"[^>]*value="(?P<value>[^"]*)"')


def hidden_fields(html: str) -> dict[str, str]:
    return {m["name"]: m["value"] for m in _INPUT.finditer(html)}


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


@dataclass
class Browser:
    """An httpx client with a cookie jar that follows redirects by hand (so tests can see each hop)."""

    http: httpx.AsyncClient
    users: dict[str, dict[str, Any]]

    async def get(self, url: str, **kw: Any) -> httpx.Response:
        return await self.http.get(url, **kw)

    async def post(self, url: str, **kw: Any) -> httpx.Response:
        return await self.http.post(url, **kw)

    async def follow(self, response: httpx.Response, limit: int = 10) -> httpx.Response:
        for _ in range(limit):
            if response.status_code not in (301, 302, 303, 307):
                return response
            response = await self.http.get(httpx.URL(str(response.url)).join(response.headers["location"]))
        raise AssertionError("too many redirects")

    async def provider_login(self, response: httpx.Response, username: str, *, totp: bool) -> httpx.Response:
        """At the provider's sign-in page: sign in (password, optionally TOTP), then allow the console."""
        page = await self.follow(response)
        assert "/oauth2/login" in str(page.url), page.text[:500]
        fields = hidden_fields(page.text)
        user = self.users[username]
        form = {**fields, "username": username, "password": user["password"], "action": "login"}
        if totp or fields.get("mfa"):
            form["totp"] = pyotp.TOTP(user["totp_secret"]).now()
        consent = await self.follow(await self.http.post(str(page.url), data=form))
        assert "Authorize access" in consent.text, consent.text[:500]
        decided = await self.http.post(
            str(consent.url), data={"csrf_token": csrf_of(consent.text), "decision": "approve"}
        )
        assert decided.status_code in (302, 303), decided.text[:300]
        assert decided.headers["location"].startswith(f"{CONSOLE}/auth/callback"), decided.headers["location"]
        return await self.http.get(decided.headers["location"])

    async def sign_in(self, username: str, *, totp: bool = False, next_path: str = "/") -> httpx.Response:
        start = await self.http.get(f"{CONSOLE}/auth/login", params={"next": f"/console{next_path}"})
        assert start.status_code == 303
        callback = await self.provider_login(start, username, totp=totp)
        assert callback.status_code == 303, callback.text[:500]
        return callback


@pytest.fixture
async def browser(app: Any, seeded: dict[str, Any]) -> AsyncIterator[Browser]:
    users = {u["username"]: u for u in seeded["users"]}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as http:
        yield Browser(http, users)


@pytest.fixture
async def other_browser(app: Any, seeded: dict[str, Any]) -> AsyncIterator[Browser]:
    users = {u["username"]: u for u in seeded["users"]}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as http:
        yield Browser(http, users)
