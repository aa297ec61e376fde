"""Policy exceptions in the engine: an approved, unexpired exception waives the forbid it names."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from companyos_server.domains.policies import catalog
from companyos_server.platform.policy import PolicyEngine, PolicyException, Resource
from companyos_server.platform.principal import ACR_MFA, Principal

NOW = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
ACME = Resource("tenant", "acme", "acme", {"residency": "eu", "tier": "enterprise"})
NO_VIEWER_INCIDENTS = catalog.render(
    "acme",
    "no-viewer-incidents",
    {"effect": "forbid", "actions": ["incidents:read"], "roles": ["viewer"], "reason": "audit freeze"},
)
NO_VIEWER_SERVICES = catalog.render(
    "acme",
    "no-viewer-services",
    {"effect": "forbid", "actions": ["services:read"], "roles": ["viewer"], "reason": "catalog is private"},
)


def exception(
    policy_id: str,
    *,
    tenant: str = "acme",
    ident: str = "pex_1",
    service_id: str | None = None,
    expires_at: datetime = NOW + timedelta(hours=1),
) -> PolicyException:
    return PolicyException(
        id=ident,
        policy_id=policy_id,
        cedar_ids=(policy_id, catalog.cedar_id(tenant, policy_id)),
        service_id=service_id,
        approver="usr_ana",
        expires_at=expires_at,
        reason="incident review",
    )


def viewer(tenant: str = "acme", *roles: str) -> Principal:
    return Principal("usr_vera", "user", {tenant: roles or ("viewer",)})


def engine_with(
    exceptions: dict[str, Sequence[PolicyException]], tenant_text: dict[str, str] | None = None
) -> PolicyEngine:
    engine = PolicyEngine.from_directory()
    texts = tenant_text if tenant_text is not None else {"acme": NO_VIEWER_INCIDENTS}
    engine.attach_tenant_policies(lambda tenant: texts.get(tenant, ""))
    engine.attach_exceptions(lambda tenant: exceptions.get(tenant, ()))
    engine.clock = lambda: NOW
    return engine


def test_without_an_exception_the_tenant_forbid_denies() -> None:
    decision = engine_with({}).authorize(viewer(), "incidents:read", ACME)
    assert not decision.allowed
    assert decision.policy_ids == ("tenant:acme:no-viewer-incidents",)
    assert decision.reasons == ("audit freeze",)


def test_an_active_exception_waives_the_forbid_and_is_named_in_the_decision() -> None:
    engine = engine_with({"acme": [exception("no-viewer-incidents")]})
    decision = engine.authorize(viewer(), "incidents:read", ACME)
    assert decision.allowed
    assert decision.policy_ids == ("incidents-member-read", "pex_1")
    assert decision.reasons == (
        "tenant members may read incidents",
        "exception pex_1 waives policy 'no-viewer-incidents' (approved by usr_ana, "
        "expires 2030-01-01T13:00:00Z): incident review",
    )
    # Nothing else changes: other actions, other roles.
    assert not engine.authorize(viewer(), "incidents:update", ACME, mutation=True).allowed
    sre = engine.authorize(viewer("acme", "sre"), "incidents:read", ACME)
    assert sre.allowed and sre.policy_ids == ("incidents-member-read",)


def test_an_exception_stops_applying_at_its_expiry_without_a_reload() -> None:
    engine = engine_with({"acme": [exception("no-viewer-incidents")]})
    assert engine.authorize(viewer(), "incidents:read", ACME).allowed
    engine.clock = lambda: NOW + timedelta(hours=1)  # expires_at itself: expired
    decision = engine.authorize(viewer(), "incidents:read", ACME)
    assert not decision.allowed and decision.reasons == ("audit freeze",)


def test_a_builtin_forbid_can_be_waived() -> None:
    engine = engine_with({"acme": [exception("suspended-tenant-frozen")]})
    admin = Principal("usr_tess", "user", {"acme": ("tenant_admin",)})
    decision = engine.authorize(admin, "tenants:update", ACME, mutation=True, tenant_status="suspended")
    assert decision.allowed
    assert decision.policy_ids == ("tenant-admin-update", "pex_1")
    # Waiving a forbid never grants by itself: without a permit the request is still denied.
    denied = engine.authorize(viewer(), "tenants:update", ACME, mutation=True, tenant_status="suspended")
    assert not denied.allowed
    assert denied.reasons[0] == "no policy permits 'tenants:update' for viewer in tenant 'acme'"
    assert denied.reasons[1].startswith("exception pex_1 waives policy 'suspended-tenant-frozen'")


def test_other_forbids_still_deny() -> None:
    text = (
        NO_VIEWER_INCIDENTS
        + "\n"
        + NO_VIEWER_INCIDENTS.replace("no-viewer-incidents", "second").replace(
            "audit freeze", "second freeze"
        )
    )
    engine = engine_with({"acme": [exception("no-viewer-incidents")]}, {"acme": text})
    decision = engine.authorize(viewer(), "incidents:read", ACME)
    assert not decision.allowed
    assert decision.policy_ids == ("tenant:acme:second", "pex_1")
    assert decision.reasons[0] == "second freeze" and decision.reasons[1].startswith("exception pex_1")


def test_a_service_scoped_exception_applies_only_where_that_service_is_the_resource() -> None:
    engine = engine_with(
        {"acme": [exception("no-viewer-services", service_id="svc_a")]}, {"acme": NO_VIEWER_SERVICES}
    )
    svc_a = Resource("service", "svc_a", "acme")
    svc_b = Resource("service", "svc_b", "acme")
    on_a = Resource("deployment", "dep_1", "acme", {"service_id": "svc_a"})
    tenant_level = Resource("service", "acme", "acme")  # the edge's resource for GET …/services
    allowed = engine.authorize(viewer(), "services:read", svc_a)
    assert allowed.allowed and "pex_1" in allowed.policy_ids
    assert "for service svc_a" in allowed.reasons[-1]
    assert engine.authorize(viewer(), "services:read", on_a).allowed
    assert not engine.authorize(viewer(), "services:read", svc_b).allowed
    assert not engine.authorize(viewer(), "services:read", tenant_level).allowed


def test_exceptions_are_per_tenant() -> None:
    texts = {
        "acme": NO_VIEWER_INCIDENTS,
        "globex": NO_VIEWER_INCIDENTS.replace("tenant:acme:", "tenant:globex:").replace('"acme"', '"globex"'),
    }
    engine = engine_with({"globex": [exception("no-viewer-incidents", tenant="globex")]}, texts)
    assert not engine.authorize(viewer("acme"), "incidents:read", ACME).allowed
    globex = Resource("tenant", "globex", "globex")
    assert engine.authorize(viewer("globex"), "incidents:read", globex).allowed
    # An exception naming another tenant's policy id does not waive this tenant's policy.
    engine = engine_with({"acme": [exception("no-viewer-incidents", tenant="globex")]}, texts)
    assert not engine.authorize(viewer("acme"), "incidents:read", ACME).allowed


def test_an_exception_naming_a_permit_changes_nothing() -> None:
    engine = engine_with({"acme": [exception("incidents-member-read")]})
    assert not engine.authorize(viewer(), "incidents:read", ACME).allowed
    sre = engine.authorize(viewer("acme", "sre"), "incidents:read", ACME)
    assert sre.allowed and sre.policy_ids == ("incidents-member-read",)


def test_exceptions_are_read_once_per_tenant_per_ttl() -> None:
    calls: list[str] = []
    engine = PolicyEngine.from_directory()
    engine.attach_tenant_policies(lambda tenant: NO_VIEWER_INCIDENTS if tenant == "acme" else "")

    def source(tenant: str) -> list[PolicyException]:
        calls.append(tenant)
        return [exception("no-viewer-incidents")] if tenant == "acme" else []

    engine.attach_exceptions(source)
    engine.clock = lambda: NOW
    for _ in range(50):
        assert engine.authorize(viewer(), "incidents:read", ACME).allowed
        assert engine.authorize(
            viewer("globex"), "incidents:read", Resource("tenant", "globex", "globex")
        ).allowed
    assert calls == ["acme"]  # globex's reads were allowed outright: its exceptions were never needed
    engine.invalidate("acme")
    engine.authorize(viewer(), "incidents:read", ACME)
    assert calls == ["acme", "acme"]


@pytest.mark.parametrize("status", ["active", "suspended"])
def test_allowed_decisions_do_not_consult_exceptions(status: str) -> None:
    def source(tenant: str) -> list[PolicyException]:
        raise AssertionError("an allowed decision needs no exceptions")

    engine = PolicyEngine.from_directory()
    engine.attach_exceptions(source)
    assert engine.authorize(viewer(), "tenants:read", ACME, tenant_status=status).allowed


def test_an_exception_never_waives_an_mfa_forbid_for_a_caller_without_mfa() -> None:
    # A forbid that also denies MFA callers (outside business hours, say) shows both sides: the exception
    # waives it for an MFA caller, never for a caller whose own authentication the forbid rejects.
    text = (
        '@id("tenant:acme:strict-exports")\n@reason("exports need MFA, and a ticket")\n'
        'forbid (principal, action == CompanyOS::Action::"audit:export", resource)\n'
        'when { resource has tenant && resource.tenant == "acme" && '
        '(context.acr != "urn:companyos:acr:mfa" || !context.has_purpose) };'
    )
    engine = engine_with({"acme": [exception("strict-exports")]}, {"acme": text})
    resource = Resource("audit", "acme", "acme", {"residency": "us"})
    admin = Principal("usr_ana", "user", {"acme": ("tenant_admin",)}, acr=ACR_MFA)
    with_mfa = engine.authorize(admin, "audit:export", resource, mutation=True)
    assert with_mfa.allowed and "pex_1" in with_mfa.policy_ids
    for acr in (None, "urn:companyos:acr:pwd"):
        password = Principal("usr_ana", "user", {"acme": ("tenant_admin",)}, acr=acr)
        decision = engine.authorize(password, "audit:export", resource, mutation=True)
        assert not decision.allowed and decision.policy_ids == ("tenant:acme:strict-exports",), acr
    # The built-in MFA forbid likewise, tenant-wide exception or not.
    engine = engine_with({"acme": [exception("residency-eu-export")]}, {})
    eu = Resource("audit", "acme", "acme", {"residency": "eu"})
    denied = engine.authorize(Principal("usr_ana", "user", {"acme": ("tenant_admin",)}), "audit:export", eu)
    assert not denied.allowed and denied.policy_ids == ("residency-eu-export",)
