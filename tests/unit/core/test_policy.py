from __future__ import annotations

import pytest

from companyos_server.platform.policy import PolicyEngine, Resource, _reasons_by_id
from companyos_server.platform.principal import ACR_MFA, Principal


@pytest.fixture(scope="module")
def engine() -> PolicyEngine:
    return PolicyEngine.from_directory()


ACME = Resource("tenant", "acme", "acme", {"residency": "eu", "tier": "enterprise"})


def user(
    roles: tuple[str, ...], *, scopes: frozenset[str] = frozenset(), acr: str | None = None
) -> Principal:
    return Principal("usr_x", "user", {"acme": roles} if roles else {}, scopes=scopes, acr=acr)


def test_member_may_read_with_the_permitting_policy_as_reason(engine: PolicyEngine) -> None:
    decision = engine.authorize(user(("viewer",)), "tenants:read", ACME)
    assert decision.allowed
    assert decision.policy_ids == ("member-read",)
    assert "tenant members may read" in decision.reasons[0]


def test_denial_without_a_permit_names_action_roles_and_tenant(engine: PolicyEngine) -> None:
    decision = engine.authorize(user(("viewer",)), "tenants:update", ACME, mutation=True)
    assert not decision.allowed
    assert decision.reasons == ("no policy permits 'tenants:update' for viewer in tenant 'acme'",)


def test_tenant_admin_updates_unless_the_tenant_is_suspended(engine: PolicyEngine) -> None:
    admin = user(("tenant_admin",))
    assert engine.authorize(admin, "tenants:update", ACME, mutation=True).allowed
    frozen = engine.authorize(admin, "tenants:update", ACME, mutation=True, tenant_status="suspended")
    assert not frozen.allowed
    assert frozen.policy_ids == ("suspended-tenant-frozen",)
    assert frozen.reasons == ("the tenant is suspended: only platform admins may change it",)


def test_platform_admin_is_not_frozen(engine: PolicyEngine) -> None:
    root = Principal("usr_root", "user", {}, scopes=frozenset({"platform:admin"}))
    assert engine.authorize(root, "tenants:update", ACME, mutation=True, tenant_status="suspended").allowed


def test_cross_tenant_read_needs_scope_and_purpose(engine: PolicyEngine) -> None:
    outsider = Principal("usr_o", "user", {"globex": ("sre",)}, scopes=frozenset({"tenants:cross"}))
    assert not engine.authorize(outsider, "audit:read", ACME).allowed
    assert engine.authorize(outsider, "audit:read", ACME, purpose="incident INC-7").allowed
    assert not engine.authorize(outsider, "tenants:update", ACME, mutation=True, purpose="x").allowed


def test_eu_export_requires_mfa_even_for_an_exporter(engine: PolicyEngine) -> None:
    analyst = user(("security_analyst",))
    denied = engine.authorize(analyst, "audit:export", ACME, mutation=True)
    assert not denied.allowed
    assert denied.policy_ids == ("residency-eu-export",)
    assert engine.authorize(
        user(("security_analyst",), acr=ACR_MFA), "audit:export", ACME, mutation=True
    ).allowed
    us = Resource("tenant", "acme", "acme", {"residency": "us"})
    assert engine.authorize(analyst, "audit:export", us, mutation=True).allowed


def test_identifiers_with_quotes_cannot_inject_into_the_request(engine: PolicyEngine) -> None:
    sneaky = Principal('usr_"x', "user", {"acme": ("viewer",)})
    assert engine.authorize(sneaky, "tenants:read", ACME).allowed
    assert not engine.authorize(sneaky, 'tenants:read" || true', ACME).allowed


def test_every_policy_has_a_reason() -> None:
    engine = PolicyEngine.from_directory()
    ids = [line.split('"')[1] for line in engine.policy_text.splitlines() if line.startswith("@id(")]
    reasons = _reasons_by_id(engine.policy_text)
    assert ids and set(ids) == set(reasons)
