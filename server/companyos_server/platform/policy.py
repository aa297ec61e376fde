"""Authorization: RBAC roles plus ABAC attributes, evaluated as Cedar policies (cedarpy).

Policies are parsed once; a decision is ~0.2 ms. Every decision carries human-readable reasons,
taken from each policy's ``@reason`` annotation, so clients can show *why* a control is disabled.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cedarpy

from companyos_server.platform.principal import Principal

POLICY_DIR = Path(__file__).with_name("policies")
_ANNOTATION = re.compile(r'@(id|reason)\("((?:[^"\\]|\\.)*)"\)')


@dataclass(frozen=True)
class Resource:
    type: str  # "tenant", "audit", "job", ...
    id: str
    tenant_id: str
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def cedar_type(self) -> str:
        return "CompanyOS::" + "".join(part.capitalize() for part in self.type.split("_"))


@dataclass(frozen=True)
class Decision:
    action: str
    allowed: bool
    reasons: tuple[str, ...]
    policy_ids: tuple[str, ...] = ()


def _reasons_by_id(text: str) -> dict[str, str]:
    reasons: dict[str, str] = {}
    current_id: str | None = None
    for kind, value in _ANNOTATION.findall(text):
        if kind == "id":
            current_id = value
        elif current_id is not None:
            reasons[current_id] = value
    return reasons


TenantPolicySource = Callable[[str], str]
TENANT_POLICY_TTL_SECONDS = 2.0


class PolicyEngine:
    """Built-in policies, plus each tenant's own when a tenant policy source is attached.

    A tenant's policies apply to resources of that tenant only; their text is re-read at most every
    TENANT_POLICY_TTL_SECONDS, and each distinct policy set is parsed once.
    """

    def __init__(self, policy_text: str) -> None:
        self.policy_text = policy_text
        self._policies = cedarpy.PolicySet.from_str(policy_text)
        self._reasons = _reasons_by_id(policy_text)
        self._tenant_source: TenantPolicySource | None = None
        self._tenant_text: dict[str, tuple[float, str]] = {}
        self._combined: dict[str, tuple[Any, dict[str, str]]] = {}
        self._lock = threading.Lock()

    def attach_tenant_policies(self, source: TenantPolicySource | None) -> None:
        self._tenant_source = source
        with self._lock:
            self._tenant_text.clear()

    def _policy_set_for(self, tenant_id: str) -> tuple[Any, dict[str, str]]:
        if self._tenant_source is None:
            return self._policies, self._reasons
        now = time.monotonic()
        with self._lock:
            cached = self._tenant_text.get(tenant_id)
        if cached is None or now - cached[0] > TENANT_POLICY_TTL_SECONDS:
            cached = (now, self._tenant_source(tenant_id))
            with self._lock:
                self._tenant_text[tenant_id] = cached
        extra = cached[1]
        if not extra:
            return self._policies, self._reasons
        with self._lock:
            combined = self._combined.get(extra)
        if combined is None:
            text = f"{self.policy_text}\n{extra}"
            combined = (cedarpy.PolicySet.from_str(text), _reasons_by_id(text))
            with self._lock:
                if len(self._combined) > 256:  # bounded: policy edits create new texts
                    self._combined.clear()
                self._combined[extra] = combined
        return combined

    @classmethod
    def from_directory(cls, directory: Path = POLICY_DIR) -> PolicyEngine:
        files = sorted(directory.glob("*.cedar"))
        if not files:
            raise RuntimeError(f"no Cedar policies found in {directory}")
        return cls("\n".join(path.read_text(encoding="utf-8") for path in files))

    def authorize(
        self,
        principal: Principal,
        action: str,
        resource: Resource,
        *,
        mutation: bool = False,
        purpose: str | None = None,
        tenant_status: str = "active",
    ) -> Decision:
        roles = principal.roles_in(resource.tenant_id)
        principal_type = "CompanyOS::Client" if principal.kind == "client" else "CompanyOS::User"
        entities = [
            {
                "uid": {"type": resource.cedar_type, "id": resource.id},
                "attrs": {"tenant": resource.tenant_id, **resource.attributes},
                "parents": [],
            }
        ]
        request = {
            "principal": f'{principal_type}::"{_escape(principal.subject)}"',
            "action": f'CompanyOS::Action::"{_escape(action)}"',
            "resource": f'{resource.cedar_type}::"{_escape(resource.id)}"',
            "context": {
                "roles": list(roles),
                "scopes": sorted(principal.scopes),
                "member": principal.is_member(resource.tenant_id),
                "has_purpose": bool(purpose),
                "tenant_status": tenant_status,
                "acr": principal.acr or "",
                "mutation": mutation,
            },
        }
        policies, reason_texts = self._policy_set_for(resource.tenant_id)
        result = cedarpy.is_authorized(request, policies, json.dumps(entities))
        ids = result.diagnostics.id_annotations_by_reason
        policy_ids = tuple(sorted(ids.get(r, r) for r in result.diagnostics.reasons))
        if result.diagnostics.errors:
            # An evaluation error never grants access; it is reported as a reason.
            return Decision(action, False, tuple(str(e) for e in result.diagnostics.errors), policy_ids)
        reasons = tuple(reason_texts.get(pid, pid) for pid in policy_ids)
        if result.allowed:
            return Decision(action, True, reasons, policy_ids)
        if not reasons:
            role_text = ", ".join(roles) if roles else "no role"
            reasons = (f"no policy permits '{action}' for {role_text} in tenant '{resource.tenant_id}'",)
        return Decision(action, False, reasons, policy_ids)

    def authorize_many(
        self, principal: Principal, actions: Iterable[tuple[str, bool]], resource: Resource, **kwargs: Any
    ) -> list[Decision]:
        return [self.authorize(principal, a, resource, mutation=m, **kwargs) for a, m in actions]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')
