"""Authorization: RBAC roles plus ABAC attributes, evaluated as Cedar policies (cedarpy).

Policies are parsed once; a decision is ~0.2 ms. Every decision carries human-readable reasons,
taken from each policy's ``@reason`` annotation, so clients can show *why* a control is disabled.

Approved, unexpired policy exceptions waive ``forbid`` policies for one tenant (or one service of it):
when every forbid that denied a request is waived by an exception in scope, the request is evaluated
again without those forbids, and the exceptions are named in the decision's reasons and policy ids.
"""

from __future__ import annotations

import functools
import json
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cedarpy

from companyos_server.platform.cache.epoch import CacheEpoch
from companyos_server.platform.principal import ACR_MFA, Principal

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


@dataclass(frozen=True)
class PolicyException:
    """An approved exception, as the engine applies it: it waives the forbid policy ``cedar_ids`` names.

    ``service_id`` None: every resource of the tenant; otherwise only resources that identify that
    service (see :func:`service_of`). It stops applying at ``expires_at`` (judged at each decision).
    """

    id: str
    policy_id: str  # as the API names it (a built-in id, or the tenant policy's own id)
    cedar_ids: tuple[str, ...]  # the Cedar @id(s) it may waive
    service_id: str | None
    approver: str
    expires_at: datetime
    reason: str

    def applies_to(self, resource: Resource, now: datetime) -> bool:
        if self.expires_at <= now:
            return False
        return self.service_id is None or self.service_id == service_of(resource)

    def note(self) -> str:
        expires = self.expires_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return (
            f"exception {self.id} waives policy '{self.policy_id}'"
            f"{f' for service {self.service_id}' if self.service_id else ''}"
            f" (approved by {self.approver}, expires {expires}): {self.reason}"
        )


def service_of(resource: Resource) -> str | None:
    """The service a resource identifies: a ``service`` resource's id, else its ``service_id`` attribute."""
    if resource.type == "service" and resource.id != resource.tenant_id:
        return resource.id
    value = resource.attributes.get("service_id")
    return value if isinstance(value, str) and value else None


TenantPolicySource = Callable[[str], str]
ExceptionSource = Callable[[str], Sequence[PolicyException]]
TENANT_POLICY_TTL_SECONDS = 2.0
_CACHE_LIMIT = 256
_RESULT_LIMIT = 8192  # memoised Cedar results: distinct (policy text, request, entities) seen lately


class PolicyEngine:
    """Built-in policies, plus each tenant's own when a tenant policy source is attached.

    A tenant's policies apply to resources of that tenant only; their text is re-read at most every
    TENANT_POLICY_TTL_SECONDS, and each distinct policy set is parsed once. The tenant's active
    exceptions (when an exception source is attached) are re-read on the same schedule; expiry is
    judged at every decision, so an exception stops applying at its ``expires_at`` exactly.
    """

    def __init__(self, policy_text: str) -> None:
        self.policy_text = policy_text
        self._policies = cedarpy.PolicySet.from_str(policy_text)
        self._reasons = _reasons_by_id(policy_text)
        self._tenant_source: TenantPolicySource | None = None
        self._tenant_text: dict[str, tuple[float, str]] = {}
        self._combined: dict[str, tuple[Any, dict[str, str]]] = {}
        self._exception_source: ExceptionSource | None = None
        self._exceptions: dict[str, tuple[float, tuple[PolicyException, ...]]] = {}
        self._waived: dict[tuple[str, frozenset[str]], Any] = {}
        self._results: dict[tuple[str, str, str], Any] = {}
        self._lock = threading.Lock()
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._epoch: CacheEpoch | None = None

    def attach_tenant_policies(self, source: TenantPolicySource | None) -> None:
        self._tenant_source = source
        with self._lock:
            self._tenant_text.clear()

    def attach_exceptions(self, source: ExceptionSource | None) -> None:
        """``source(tenant_id)`` lists the tenant's approved, unexpired exceptions (one query)."""
        self._exception_source = source
        with self._lock:
            self._exceptions.clear()

    def attach_epoch(self, epoch: CacheEpoch) -> None:
        """Share invalidation with the other workers: an edit anywhere clears every worker's tenant caches."""
        self._epoch = epoch
        epoch.subscribe(self._clear_tenant_caches)

    def invalidate(self, tenant_id: str) -> None:
        """Forget a tenant's cached policies and exceptions (after an edit or an approval), in every worker."""
        with self._lock:
            self._tenant_text.pop(tenant_id, None)
            self._exceptions.pop(tenant_id, None)
        if self._epoch is not None:
            self._epoch.bump()

    def _clear_tenant_caches(self) -> None:
        with self._lock:
            self._tenant_text.clear()
            self._exceptions.clear()

    def _extra_text(self, tenant_id: str) -> str:
        if self._tenant_source is None:
            return ""
        if self._epoch is not None:
            self._epoch.check()
        now = time.monotonic()
        with self._lock:
            cached = self._tenant_text.get(tenant_id)
        if cached is None or now - cached[0] > TENANT_POLICY_TTL_SECONDS:
            cached = (now, self._tenant_source(tenant_id))
            with self._lock:
                self._tenant_text[tenant_id] = cached
        return cached[1]

    def _policy_set_for(self, tenant_id: str) -> tuple[Any, dict[str, str]]:
        return self._policy_set(self._extra_text(tenant_id))

    def _policy_set(self, extra: str) -> tuple[Any, dict[str, str]]:
        if not extra:
            return self._policies, self._reasons
        with self._lock:
            combined = self._combined.get(extra)
        if combined is None:
            text = f"{self.policy_text}\n{extra}"
            combined = (cedarpy.PolicySet.from_str(text), _reasons_by_id(text))
            with self._lock:
                if len(self._combined) > _CACHE_LIMIT:  # bounded: policy edits create new texts
                    self._combined.clear()
                self._combined[extra] = combined
        return combined

    def exceptions_for(self, tenant_id: str) -> tuple[PolicyException, ...]:
        """The tenant's approved exceptions as last read (at most TENANT_POLICY_TTL_SECONDS old)."""
        if self._exception_source is None:
            return ()
        if self._epoch is not None:
            self._epoch.check()
        now = time.monotonic()
        with self._lock:
            cached = self._exceptions.get(tenant_id)
        if cached is None or now - cached[0] > TENANT_POLICY_TTL_SECONDS:
            cached = (now, tuple(self._exception_source(tenant_id)))
            with self._lock:
                self._exceptions[tenant_id] = cached
        return cached[1]

    def _without(self, extra: str, waived: frozenset[str]) -> Any:
        """The policy set (built-ins plus ``extra``) without the ``forbid`` policies whose @id is waived."""
        key = (extra, waived)
        with self._lock:
            policies = self._waived.get(key)
        if policies is None:
            text = f"{self.policy_text}\n{extra}" if extra else self.policy_text
            doc = json.loads(cedarpy.policies_to_json_str(text))
            doc["staticPolicies"] = {
                pid: policy
                for pid, policy in doc.get("staticPolicies", {}).items()
                if not (
                    policy.get("effect") == "forbid" and (policy.get("annotations") or {}).get("id") in waived
                )
            }
            policies = cedarpy.PolicySet.from_json_str(json.dumps(doc))
            with self._lock:
                if len(self._waived) > _CACHE_LIMIT:
                    self._waived.clear()
                self._waived[key] = policies
        return policies

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
        return self.authorize_batch(
            principal, [(action, resource, mutation)], purpose=purpose, tenant_status=tenant_status
        )[0]

    def authorize_batch(
        self,
        principal: Principal,
        checks: Sequence[tuple[str, Resource, bool]],
        *,
        purpose: str | None = None,
        tenant_status: str = "active",
    ) -> list[Decision]:
        """Decide several ``(action, resource, mutation)`` checks of one principal in one Cedar call.

        The resources must all belong to one tenant (one policy set applies). A check denied by a forbid
        that an exception may waive is re-evaluated on its own, exactly as :meth:`authorize` would.
        """
        if not checks:
            return []
        tenant_id = checks[0][1].tenant_id
        if any(resource.tenant_id != tenant_id for _, resource, _ in checks):
            raise ValueError("authorize_batch decides checks of one tenant at a time")
        entities: dict[tuple[str, str], dict[str, Any]] = {}
        requests = []
        for action, resource, mutation in checks:
            entity = {
                "uid": {"type": resource.cedar_type, "id": resource.id},
                "attrs": {"tenant": resource.tenant_id, **resource.attributes},
                "parents": [],
            }
            if entities.setdefault((resource.cedar_type, resource.id), entity) != entity:
                raise ValueError(
                    f"two checks name {resource.cedar_type} '{resource.id}' with other attributes"
                )
            requests.append(self._request(principal, action, resource, mutation, purpose, tenant_status))
        extra = self._extra_text(tenant_id)
        policies, reason_texts = self._policy_set(extra)
        entities_json = json.dumps(list(entities.values()))
        results = self._evaluate(extra, policies, requests, entities_json)
        return [
            self._settle(principal, action, resource, request, result, extra, reason_texts, entities_json)
            for (action, resource, _), request, result in zip(checks, requests, results, strict=True)
        ]

    def _evaluate(
        self, extra: str, policies: Any, requests: list[dict[str, Any]], entities_json: str
    ) -> list[Any]:
        """Cedar's results for ``requests``, the ones seen before from memory.

        A result is a pure function of the policy text, the request (its context carries every
        attribute a policy reads) and the entities, so it is kept under exactly those; exceptions,
        which depend on the time, are applied afterwards by :meth:`_settle`.
        """
        keys = [(extra, json.dumps(request), entities_json) for request in requests]
        with self._lock:
            results = [self._results.get(key) for key in keys]
        missing = [i for i, result in enumerate(results) if result is None]
        if missing:
            todo = [requests[i] for i in missing]
            if len(todo) == 1:
                fresh = [cedarpy.is_authorized(todo[0], policies, entities_json)]
            else:
                fresh = cedarpy.is_authorized_batch(todo, policies, entities_json)
            with self._lock:
                if len(self._results) + len(fresh) > _RESULT_LIMIT:
                    self._results.clear()
                for i, result in zip(missing, fresh, strict=True):
                    results[i] = result
                    self._results[keys[i]] = result
        return results

    @staticmethod
    def _request(
        principal: Principal,
        action: str,
        resource: Resource,
        mutation: bool,
        purpose: str | None,
        tenant_status: str,
    ) -> dict[str, Any]:
        principal_type = "CompanyOS::Client" if principal.kind == "client" else "CompanyOS::User"
        return {
            "principal": f'{principal_type}::"{_escape(principal.subject)}"',
            "action": f'CompanyOS::Action::"{_escape(action)}"',
            "resource": f'{resource.cedar_type}::"{_escape(resource.id)}"',
            "context": {
                "roles": list(principal.roles_in(resource.tenant_id)),
                "scopes": sorted(principal.scopes),
                "member": principal.is_member(resource.tenant_id),
                "has_purpose": bool(purpose),
                "tenant_status": tenant_status,
                "acr": principal.acr or "",
                "mutation": mutation,
            },
        }

    def _settle(
        self,
        principal: Principal,
        action: str,
        resource: Resource,
        request: dict[str, Any],
        result: Any,
        extra: str,
        reason_texts: dict[str, str],
        entities_json: str,
    ) -> Decision:
        """One Cedar result as a decision, applying the tenant's exceptions to a forbid-denied request."""
        roles = principal.roles_in(resource.tenant_id)
        if result.diagnostics.errors:
            # An evaluation error never grants access; it is reported as a reason.
            return Decision(
                action, False, tuple(str(e) for e in result.diagnostics.errors), _policy_ids(result)
            )
        policy_ids = _policy_ids(result)
        if result.allowed or not policy_ids:
            return self._decision(action, result, policy_ids, reason_texts, roles, resource)
        # Denied by forbid policies (a deny's reasons are the satisfied forbids): are any waived?
        now = self.clock()
        active = [e for e in self.exceptions_for(resource.tenant_id) if e.applies_to(resource, now)]
        if principal.acr != ACR_MFA:
            # An exception never grants what the caller's own authentication strength could not get:
            # a forbid that reads context.acr is not waived for a caller without a multi-factor sign-in.
            bound = mfa_bound_forbids(f"{self.policy_text}\n{extra}" if extra else self.policy_text)
            active = [e for e in active if not bound & set(e.cedar_ids)]
        used = [e for e in active if set(e.cedar_ids) & set(policy_ids)]
        if not used:
            return self._decision(action, result, policy_ids, reason_texts, roles, resource)
        waived = frozenset(pid for pid in policy_ids if any(pid in e.cedar_ids for e in used))
        notes = tuple(e.note() for e in used)
        exception_ids = tuple(e.id for e in used)
        remaining = tuple(pid for pid in policy_ids if pid not in waived)
        if remaining:
            # Other forbids still deny: they are the reasons; the waivers are listed after them.
            reasons = tuple(reason_texts.get(pid, pid) for pid in remaining) + notes
            return Decision(action, False, reasons, remaining + exception_ids)
        again = cedarpy.is_authorized(request, self._without(extra, waived), entities_json)
        if again.diagnostics.errors:
            return Decision(
                action, False, tuple(str(e) for e in again.diagnostics.errors) + notes, exception_ids
            )
        decision = self._decision(action, again, _policy_ids(again), reason_texts, roles, resource)
        return Decision(
            action, decision.allowed, decision.reasons + notes, decision.policy_ids + exception_ids
        )

    @staticmethod
    def _decision(
        action: str,
        result: Any,
        policy_ids: tuple[str, ...],
        reason_texts: dict[str, str],
        roles: tuple[str, ...],
        resource: Resource,
    ) -> Decision:
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
        """Several actions on one resource, decided in one Cedar call."""
        return self.authorize_batch(principal, [(a, resource, m) for a, m in actions], **kwargs)


@functools.lru_cache(maxsize=64)
def mfa_bound_forbids(text: str) -> frozenset[str]:
    """The @ids of the ``forbid`` policies in ``text`` whose conditions read ``context.acr``.

    Such a forbid is an authentication-strength requirement: policy exceptions do not waive it for
    callers without a multi-factor sign-in, and requesting or approving an exception to it needs one.
    """

    def reads_acr(node: Any) -> bool:
        if isinstance(node, dict):
            for key in (".", "has"):
                inner = node.get(key)
                if (
                    isinstance(inner, dict)
                    and inner.get("left") == {"Var": "context"}
                    and inner.get("attr") == "acr"
                ):
                    return True
            return any(reads_acr(v) for v in node.values())
        if isinstance(node, list):
            return any(reads_acr(v) for v in node)
        return False

    doc = json.loads(cedarpy.policies_to_json_str(text))
    return frozenset(
        str((policy.get("annotations") or {}).get("id", pid))
        for pid, policy in doc.get("staticPolicies", {}).items()
        if policy.get("effect") == "forbid" and reads_acr(policy.get("conditions", []))
    )


def _policy_ids(result: Any) -> tuple[str, ...]:
    ids = result.diagnostics.id_annotations_by_reason
    return tuple(sorted(ids.get(r, r) for r in result.diagnostics.reasons))


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')
