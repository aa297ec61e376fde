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


def test_text_problem_names_control_characters_and_quote_escapes_the_rest() -> None:
    for bad, code in (
        ("a\rb", "000D"),
        ("\tx", "0009"),
        ("x\x00", "0000"),
        ("\x85", "0085"),
        ("\u2029", "2029"),
    ):
        problem = catalog.text_problem(bad)
        assert problem is not None and f"U+{code}" in problem, bad
    assert catalog.text_problem('quotes " and \\ backslashes; é ✓ are fine') is None
    # Even when the service's check is bypassed, the rendered text is one well-formed policy.
    reason = 'a "quoted" \\ reason\r\n\u2028 }; permit (principal, action, resource);'
    text = catalog.render("acme", "p", {"effect": "forbid", "actions": ["x:y"], "reason": reason})
    (entry,) = catalog.parse(text)
    assert entry.id == "tenant:acme:p" and entry.effect == "forbid"
    assert len(cedarpy.policies_to_json_str(text)) > 0


def test_mfa_forbids_are_flagged_in_the_catalog() -> None:
    text = catalog.builtin_text(PolicyEngine.from_directory().policy_text)
    flagged = {e.id for e in catalog.parse(text) if e.requires_mfa}
    assert flagged == {"residency-eu-export"}
    rule = {"effect": "forbid", "actions": ["x:y"], "require_mfa": True, "reason": "r"}
    (entry,) = catalog.parse(catalog.render("acme", "p", rule))
    assert entry.requires_mfa
    (permit,) = catalog.parse(catalog.render("acme", "q", {**rule, "effect": "permit"}))
    assert not permit.requires_mfa  # a permit is not waived by exceptions; only forbids are flagged
