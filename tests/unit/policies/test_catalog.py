"""Cedar catalog parsing and tenant-rule rendering, checked with cedarpy itself."""

from __future__ import annotations

import cedarpy

from companyos_server.domains.policies import catalog
from companyos_server.platform.policy import PolicyEngine, Resource
from companyos_server.platform.principal import ACR_MFA, Principal

TEXT = """
// a comment; with a semicolon
@id("a")
@reason("says \\"hi\\"; ok")
permit (principal, action, resource) when { context.member };

@id("b")
@reason("no")
forbid (principal, action == CompanyOS::Action::"x:y", resource);
"""


def test_parse_splits_on_top_level_semicolons_only() -> None:
    entries = catalog.parse(TEXT)
    assert [(e.id, e.effect) for e in entries] == [("a", "permit"), ("b", "forbid")]
    assert entries[0].reason == 'says "hi"; ok'
    assert entries[1].text.startswith('@id("b")') and entries[1].text.endswith(";")


def test_builtin_text_drops_tenant_policies() -> None:
    rendered = catalog.render("acme", "p", {"effect": "forbid", "actions": ["x:y"], "reason": "r"})
    assert [e.id for e in catalog.parse(catalog.builtin_text(TEXT + rendered))] == ["a", "b"]


def test_rendered_rules_are_valid_cedar_and_confined_to_their_tenant() -> None:
    rule = {
        "effect": "permit",
        "actions": ["incidents:update"],
        "roles": ["viewer"],
        "require_mfa": True,
        "reason": 'quote " ok',
    }
    text = catalog.render("acme", "viewers-edit", rule)
    cedarpy.PolicySet.from_str(text)
    engine = PolicyEngine(text)
    viewer = Principal("usr_v", "user", {"acme": ("viewer",), "globex": ("viewer",)}, acr=ACR_MFA)
    assert engine.authorize(viewer, "incidents:update", Resource("incident", "acme", "acme")).allowed
    # Not in another tenant, not without MFA, not for a non-member.
    assert not engine.authorize(viewer, "incidents:update", Resource("incident", "globex", "globex")).allowed
    no_mfa = Principal("usr_v", "user", {"acme": ("viewer",)})
    assert not engine.authorize(no_mfa, "incidents:update", Resource("incident", "acme", "acme")).allowed
    outsider = Principal("usr_o", "user", {}, acr=ACR_MFA)
    assert not engine.authorize(outsider, "incidents:update", Resource("incident", "acme", "acme")).allowed
    assert catalog.parse(text)[0].id == "tenant:acme:viewers-edit"
