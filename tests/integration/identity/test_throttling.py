"""Brute-force protection at /login and at the token endpoint, driven through the real pages.

Each test runs on SQLite and PostgreSQL (the counters live in the database, shared by workers), with
a frozen clock handed to the throttle: backoff and bucket refills are stepped, never slept. Every
"address" is its own ASGI transport with its own client address.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from sqlalchemy import select

from companyos_server.platform.audit.log import AuditLog
from companyos_server.platform.audit.models import PLATFORM_CHAIN, AuditEventRow

from .conftest import BASE_URL, ISSUER, Browser, World, provider, service_client, user

ATTACKER = "198.51.100.7"
OWNER = "203.0.113.20"


class Visitor(Browser):
    """A browser at one source address, signing in through the real login form."""

    page: httpx.Response | None = None

    async def sign_in(self, username: str, password: str) -> httpx.Response:
        if self.page is None or self.page.status_code not in (200, 401, 429):
            self.page = await self.get(f"{ISSUER}/login")
        response = await self.submit(self.page, username=username, password=password, totp="")
        self.page = response if response.status_code in (401, 429) else None
        return response


@asynccontextmanager
async def visitor(world: World, address: str) -> AsyncIterator[Visitor]:
    transport = httpx.ASGITransport(app=world.app, client=(address, 40123))
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, follow_redirects=False) as client:
        yield Visitor(client)


def retry_after(response: httpx.Response) -> int:
    assert response.status_code == 429, (response.status_code, response.text[:300])
    return int(response.headers["retry-after"])


async def test_strangers_failures_do_not_lock_the_owner_out(world: World):
    gabe = user(world.creds, "gabe")
    async with visitor(world, ATTACKER) as attacker, visitor(world, OWNER) as owner:
        for name in ["GABE", " gabe ", "Gabe", "gabe", "GABE "]:
            assert (await attacker.sign_in(name, "wrong-password")).status_code == 401
        # The five spellings are one account: the attacker's address now waits, even with the password.
        assert retry_after(await attacker.sign_in("gabe", gabe["password"])) == 1
        signed_in = await owner.sign_in("gabe", gabe["password"])
        assert signed_in.status_code == 302, signed_in.text[:300]


async def test_account_backoff_from_one_address_doubles_and_resets_on_success(world: World):
    bob = user(world.creds, "bob")
    async with visitor(world, ATTACKER) as attacker:
        for _ in range(5):
            assert (await attacker.sign_in("bob", "wrong")).status_code == 401
        waits = []
        for _ in range(4):
            wait = retry_after(await attacker.sign_in("bob", "wrong"))
            waits.append(wait)
            world.clock.advance(wait)
            assert (await attacker.sign_in("bob", "wrong")).status_code == 401
        assert waits == [1, 2, 4, 8]
        world.clock.advance(retry_after(await attacker.sign_in("bob", "wrong")))
        assert (await attacker.sign_in("bob", bob["password"])).status_code == 302
    async with visitor(world, ATTACKER) as same_address_again:
        # The success cleared the account's counters: a typo is free again.
        assert (await same_address_again.sign_in("bob", "typo")).status_code == 401
        assert (await same_address_again.sign_in("bob", bob["password"])).status_code == 302


async def test_failures_across_user_names_from_one_address_hit_the_source_limit(world: World):
    alice = user(world.creds, "alice")
    async with visitor(world, ATTACKER) as attacker, visitor(world, OWNER) as owner:
        for i in range(20):
            assert (await attacker.sign_in(f"user-{i}", "guess")).status_code == 401
        refused = await attacker.sign_in("user-20", "guess")
        assert retry_after(refused) == 3  # one failure's worth of the bucket (20 a minute)
        assert "Too many failed sign-ins" in refused.text
        # The whole address is refused, a real account and the right password included ...
        assert retry_after(await attacker.sign_in("alice", alice["password"])) == 3
        # ... while another address is not affected.
        assert (await owner.sign_in("alice", alice["password"])).status_code == 302
        world.clock.advance(3)
        assert (await attacker.sign_in("user-21", "guess")).status_code == 401
        assert retry_after(await attacker.sign_in("user-22", "guess")) == 3


async def test_soft_account_backoff_slows_failing_addresses_but_not_clean_ones(world: World):
    erin = user(world.creds, "erin")
    roamer = "192.0.2.99"
    async with visitor(world, roamer) as spraying:
        for i in range(5):  # this address fails on other accounts: it is a failing address
            assert (await spraying.sign_in(f"someone-{i}", "guess")).status_code == 401
    for i in range(5):  # five addresses, one guess each at erin: no address-level backoff anywhere
        async with visitor(world, f"192.0.2.{i + 1}") as guesser:
            assert (await guesser.sign_in("erin", "guess")).status_code == 401
    async with visitor(world, roamer) as spraying, visitor(world, OWNER) as owner:
        assert retry_after(await spraying.sign_in("erin", "guess")) == 1
        assert (await owner.sign_in("erin", erin["password"])).status_code == 302


async def test_refusals_look_the_same_for_known_and_unknown_accounts(world: World):
    async with visitor(world, ATTACKER) as attacker:
        for name in ("glen", "nobody-here"):
            for _ in range(5):
                failed = await attacker.sign_in(name, "guess")
                assert failed.status_code == 401
                assert "Invalid username, password or one-time code." in failed.text
        known, unknown = await attacker.sign_in("glen", "x"), await attacker.sign_in("nobody-here", "x")
        assert retry_after(known) == retry_after(unknown) == 1
        assert known.text.replace("glen", "") == unknown.text.replace("nobody-here", "")


async def test_each_sign_in_failure_is_an_audit_event(world: World):
    async with visitor(world, ATTACKER) as attacker:
        await attacker.sign_in("gwen", "wrong")
        await attacker.sign_in("GWEN", "wrong")  # user names are matched exactly at sign-in
        await attacker.sign_in("my-password-in-the-wrong-field", "wrong")
    events = world.audit.events
    assert [(e["action"], e["outcome"], e["status"], e["resource"]) for e in events] == [
        ("identity.sign_in", "failure", 401, "idp_user:gwen"),
        ("identity.sign_in", "failure", 401, "idp_user:unknown"),  # only existing accounts are named
        ("identity.sign_in", "failure", 401, "idp_user:unknown"),
    ]
    assert [{k: e["details"][k] for k in ("source", "reason")} for e in events] == [
        {"source": ATTACKER, "reason": "bad_password"},
        {"source": ATTACKER, "reason": "unknown_user"},
        {"source": ATTACKER, "reason": "unknown_user"},
    ]
    # An existing account is named with its tenants (for SecOps); a name that is no account is not.
    assert (events[0]["details"]["principal"], events[0]["details"]["tenants"]) == ("gwen", ["globex"])
    assert "principal" not in events[1]["details"] and "tenants" not in events[1]["details"]
    assert all(e["tenant_id"] is None and e["actor_kind"] == "anonymous" for e in events)


async def test_sign_in_failures_are_signed_events_on_the_platform_audit_chain(world: World):
    audit = AuditLog(world.db, world.settings.var_dir)
    world.app = provider(world.settings, world.db, world.keys, audit, world.clock)
    async with visitor(world, ATTACKER) as attacker:
        for password in ("first-guess", "second-guess"):
            assert (await attacker.sign_in("gus", password)).status_code == 401
    with world.db.session() as session:
        rows = session.scalars(select(AuditEventRow).where(AuditEventRow.tenant_id == PLATFORM_CHAIN)).all()
    assert [(r.action, r.outcome, r.status, r.resource) for r in rows] == [
        ("identity.sign_in", "failure", 401, "idp_user:gus"),
    ] * 2
    assert {k: rows[0].details[k] for k in ("source", "reason", "principal")} == {
        "source": ATTACKER,
        "reason": "bad_password",
        "principal": "gus",
    }
    assert audit.verify(None)["ok"]


async def _client_credentials(world: World, address: str, client_id: str, secret: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=world.app, client=(address, 40200))
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        return await client.post(
            f"{ISSUER}/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
        )


async def test_wrong_client_secrets_are_throttled_per_client_and_source(world: World):
    svc = service_client(world.creds, "acme")
    for _ in range(5):
        wrong = await _client_credentials(world, ATTACKER, svc["client_id"], "not-the-secret")
        assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    refused = await _client_credentials(world, ATTACKER, svc["client_id"], svc["client_secret"])
    assert retry_after(refused) == 1
    assert refused.json()["error"] == "temporarily_unavailable"
    assert refused.headers["content-type"].startswith("application/json")
    # The client itself keeps working from its own address.
    ok = await _client_credentials(world, OWNER, svc["client_id"], svc["client_secret"])
    assert ok.status_code == 200, ok.text
    failures = [e for e in world.audit.events if e["action"] == "identity.client_authentication"]
    assert len(failures) == 5
    assert failures[0]["resource"] == f"idp_client:{svc['client_id']}"
    assert failures[0]["details"] == {"source": ATTACKER, "endpoint": "token", "reason": "invalid_client"}


async def test_wrong_secrets_across_clients_hit_the_source_limit(world: World):
    for i in range(20):
        wrong = await _client_credentials(world, ATTACKER, f"client-{i}", "guess")
        assert wrong.status_code == 401
    assert retry_after(await _client_credentials(world, ATTACKER, "client-20", "guess")) == 3
    # The same refusal, in the same OAuth JSON shape, wherever a client secret is checked.
    transport = httpx.ASGITransport(app=world.app, client=(ATTACKER, 40300))
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        for path, data in [("/revoke", {"token": "x"}), ("/device_authorization", {"scope": "api"})]:
            refused = await client.post(f"{ISSUER}{path}", data=data, auth=("client-21", "guess"))
            assert retry_after(refused) == 3
            assert refused.json()["error"] == "temporarily_unavailable"
        # A public client sends no secret and is not throttled by these failures.
        started = await client.post(
            f"{ISSUER}/device_authorization", data={"client_id": "companyos-cli", "scope": "api"}
        )
        assert started.status_code == 200, started.text
