"""Cedar policy text → catalog entries, and tenant policies (structured) → Cedar text.

Tenant policies are edited as structured rules (effect, actions, roles, conditions), never as free
Cedar text: the generated policy is always confined to its own tenant (``resource.tenant``) and a
tenant ``permit`` only ever applies to members of that tenant, so no edit can open another tenant.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from companyos_server.platform.policy import mfa_bound_forbids
from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.text import REFUSED_CATEGORIES, text_problem

_ANNOTATION = re.compile(r'@(\w+)\("((?:[^"\\]|\\.)*)"\)')
_EFFECT = re.compile(r"\b(permit|forbid)\s*\(")
TENANT_PREFIX = "tenant:"


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    effect: str
    reason: str
    text: str
    # A forbid that reads the caller's authentication strength (context.acr): exceptions to it need
    # step-up to request and approve, and never apply to callers without a multi-factor sign-in.
    requires_mfa: bool = False


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
    mfa_bound = mfa_bound_forbids(text) if text.strip() else frozenset()
    for position, statement in enumerate(_statements(text)):
        notes = {k: _unescape(v) for k, v in _ANNOTATION.findall(statement)}
        effect = _EFFECT.search(_ANNOTATION.sub("", statement))  # not a "permit (" inside a @reason
        policy_id = notes.get("id", f"policy{position}")
        entries.append(
            CatalogEntry(
                id=policy_id,
                effect=effect.group(1) if effect else "permit",
                reason=notes.get("reason", ""),
                text=statement,
                requires_mfa=policy_id in mfa_bound,
            )
        )
    return entries


def builtin_text(policy_text: str) -> str:
    """The built-in policies of an engine's text (tenant policies, if an engine carries them, removed)."""
    return "\n\n".join(e.text for e in parse(policy_text) if not e.id.startswith(TENANT_PREFIX))


def cedar_id(tenant_id: str, policy_id: str) -> str:
    return f"{TENANT_PREFIX}{tenant_id}:{policy_id}"


# Characters refused in anything that becomes policy text (400 naming the field; platform/text.py):
# Cedar would reject some (a raw ``\r`` is a parse error, which was a 500) and the rest make a policy's
# source misleading to read. ``text_problem`` is re-exported for the policy service.
_REFUSED_CATEGORIES = REFUSED_CATEGORIES
__all__ = ["text_problem"]
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}


def _quote(value: str) -> str:
    """A Cedar string literal of ``value``: quotes and backslashes escaped, and (defensively, as the
    service refuses them first) every control or separator character as a ``\\u{…}`` escape."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif unicodedata.category(ch) in _REFUSED_CATEGORIES:
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


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
