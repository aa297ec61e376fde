"""Issue 9 item 5, third part: sign-in failures at the identity provider stay individual security events
(threat detection needs each attempt), and the per-source throttle bounds how many one address can
write. SQLite and PostgreSQL (the throttle's counters live in the database)."""

from __future__ import annotations

from companyos_server.platform.audit.log import AuditLog
from companyos_server.platform.identity.throttle import ThrottlePolicy

from .conftest import World, provider
from .test_throttling import ATTACKER, visitor


async def test_a_spray_from_one_address_writes_at_most_the_source_burst(world: World) -> None:
    audit = AuditLog(world.db, world.settings.var_dir)
    world.app = provider(world.settings, world.db, world.keys, audit, world.clock)
    burst = ThrottlePolicy().source_burst
    statuses = []
    async with visitor(world, ATTACKER) as attacker:
        for i in range(3 * burst):  # 60 guesses at 60 user names within one frozen second
            statuses.append((await attacker.sign_in(f"user-{i}", "guess")).status_code)
    assert statuses == [401] * burst + [429] * (2 * burst)
    events = audit.list("_platform").items
    assert len(events) == burst, "one event per checked attempt; throttled attempts write none"
    assert {(e["action"], e["outcome"], e["details"]["source"]) for e in events} == {
        ("identity.sign_in", "failure", ATTACKER)
    }
    # The bucket drips: one more checked attempt (and event) per emission interval, not per request.
    world.clock.advance(ThrottlePolicy().emission_interval)
    async with visitor(world, ATTACKER) as attacker:
        assert (await attacker.sign_in("user-x", "guess")).status_code == 401
        assert (await attacker.sign_in("user-y", "guess")).status_code == 429
    assert len(audit.list("_platform").items) == burst + 1
    assert audit.verify(None)["ok"]
