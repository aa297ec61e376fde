"""Which roles a tenant policy change would newly allow to do what: the "widening" of a change.

A tenant policy edit that widens any role's permissions must not take effect on one person's word
(see :mod:`.service`): it waits for a second person's approval. The widening is decided by Cedar
itself, not by reading the rule: for each role and each affected action, a member holding just that
role is evaluated under the policies in force and under the proposed ones, with and without a
multi-factor sign-in, on every resource type and read/write shape the API uses that action with. A
pair that is denied before and allowed after (in any of those shapes) is widened.

Only the actions the edited policy names (in its current or its proposed version) can change
outcome: every tenant policy scopes its actions explicitly (``action in [...]``, see
:func:`.catalog.render`), so evaluating the rest of the catalog could not find anything more.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from companyos_server.platform.policy import PolicyEngine, Resource
from companyos_server.platform.principal import ACR_MFA, ROLES, Principal

PROBE_SUBJECT = "policy-widening-probe"


@dataclass(frozen=True)
class ActionTarget:
    """How the API uses an action: on which resource type, and whether as a mutation."""

    action: str
    resource_type: str
    mutation: bool


def widened(
    tenant_id: str,
    attributes: dict[str, str],
    before: PolicyEngine,
    after: PolicyEngine,
    actions: Iterable[str],
    targets: Sequence[ActionTarget],
) -> list[dict[str, str]]:
    """The ``{"role", "action"}`` pairs allowed under ``after`` but not under ``before``, sorted."""
    shapes: dict[str, set[tuple[str, bool]]] = {}
    for target in targets:
        shapes.setdefault(target.action, set()).add((target.resource_type, target.mutation))
    out = []
    for role in ROLES:
        probes = [Principal(PROBE_SUBJECT, "user", {tenant_id: (role,)}, acr=acr) for acr in (None, ACR_MFA)]
        for action in sorted(set(actions)):
            # An action the API does not use yet still counts, on the tenant, read and written.
            used = sorted(shapes.get(action) or {("tenant", False), ("tenant", True)})
            if any(
                after.authorize(p, action, resource, mutation=mutation).allowed
                and not before.authorize(p, action, resource, mutation=mutation).allowed
                for p in probes
                for resource, mutation in (
                    (Resource(rtype, tenant_id, tenant_id, dict(attributes)), m) for rtype, m in used
                )
            ):
                out.append({"role": role, "action": action})
    return out
