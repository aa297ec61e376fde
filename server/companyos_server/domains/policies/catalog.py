"""Cedar policy text → catalog entries, and tenant policies (structured) → Cedar text.

Tenant policies are edited as structured rules (effect, actions, roles, conditions), never as free
Cedar text: the generated policy is always confined to its own tenant (``resource.tenant``) and a
tenant ``permit`` only ever applies to members of that tenant, so no edit can open another tenant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from companyos_server.platform.principal import ACR_MFA

_ANNOTATION = re.compile(r'@(\w+)\("((?:[^"\\]|\\.)*)"\)')
_EFFECT = re.compile(r"\b(permit|forbid)\s*\(")
TENANT_PREFIX = "tenant:"


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    effect: str
    reason: str
    text: str


def _statements(text: str) -> list[str]:
    """Split Cedar source on top-level ``;`` (outside string literals), dropping ``//`` comments."""
    out, buf, i, in_str = [], [], 0, False
    while i < len(text):
        ch = text[i]
        if in_str:
            buf.append(ch)
            if ch == "\\" and i + 1 < len(text):
                buf.append(text[i + 1])
                i += 1
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
            buf.append(ch)
        elif text.startswith("//", i):
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        elif ch == ";":
            out.append("".join(buf).strip() + ";")
            buf = []
        else:
            buf.append(ch)
        i += 1
    return [s for s in out if _EFFECT.search(s)]


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: m.group(1), value)


def parse(text: str) -> list[CatalogEntry]:
    entries = []
    for position, statement in enumerate(_statements(text)):
        notes = {k: _unescape(v) for k, v in _ANNOTATION.findall(statement)}
        effect = _EFFECT.search(statement)
        entries.append(
            CatalogEntry(
                id=notes.get("id", f"policy{position}"),
                effect=effect.group(1) if effect else "permit",
                reason=notes.get("reason", ""),
                text=statement,
            )
        )
    return entries


def builtin_text(policy_text: str) -> str:
    """The built-in policies of an engine's text (tenant policies, if an engine carries them, removed)."""
    return "\n\n".join(e.text for e in parse(policy_text) if not e.id.startswith(TENANT_PREFIX))


def cedar_id(tenant_id: str, policy_id: str) -> str:
    return f"{TENANT_PREFIX}{tenant_id}:{policy_id}"


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def render(tenant_id: str, policy_id: str, rule: dict[str, Any]) -> str:
    """The Cedar text of a structured tenant rule."""
    effect = rule["effect"]
    actions = ", ".join(f"CompanyOS::Action::{_quote(a)}" for a in rule["actions"])
    conditions = [f"resource has tenant && resource.tenant == {_quote(tenant_id)}"]
    if effect == "permit":
        conditions.insert(0, "context.member")
    roles = rule.get("roles") or []
    if roles:
        conditions.append("context.roles.containsAny([" + ", ".join(_quote(r) for r in roles) + "])")
    if rule.get("mutations_only"):
        conditions.append("context.mutation")
    if rule.get("require_mfa"):
        # permit: only with MFA; forbid: applies to callers without MFA.
        op = "==" if effect == "permit" else "!="
        conditions.append(f"context.acr {op} {_quote(ACR_MFA)}")
    return (
        f"@id({_quote(cedar_id(tenant_id, policy_id))})\n"
        f"@reason({_quote(rule['reason'])})\n"
        f"{effect} (principal, action in [{actions}], resource)\n"
        f"when {{ {' && '.join(conditions)} }};"
    )
