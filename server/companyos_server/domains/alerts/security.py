"""The ``alertIngestKey`` security scheme's ``x-bearerInfoFunc``.

An ingest key authenticates as a synthetic client principal that is a member of the key's tenant
with the single role ``alert_ingest``; Cedar (``policies/alerts.cedar``) lets that role do
``alerts:ingest`` and nothing else. A key presented for another tenant's path is refused here
(401). Anything that is not an ingest key is treated as an ordinary access token (so the guard
answers a user token with 403/404 from the policy, the same way as on every other operation).
Ingest keys are not accepted anywhere else: the other operations use ``bearerAuth``, whose
validator only knows JWTs.
"""

from __future__ import annotations

from typing import Any

from companyos_server.domains.alerts import keys
from companyos_server.platform.principal import Principal
from companyos_server.platform.requestctx import principal_var, scope_state
from companyos_server.platform.runtime import get_runtime
from companyos_server.platform.security import bearer_info, unauthenticated


def principal_for(key: keys.VerifiedKey) -> Principal:
    return Principal(
        subject=f"ingest-key:{key.key_id}",
        kind="client",
        tenants={key.tenant_id: (keys.INGEST_ROLE,)},
        client_id=key.key_id,
        name=key.name,
    )


def _path_tenant(request: Any) -> str | None:
    if request is None:
        return None
    scope = getattr(request, "scope", None) or {}
    params = scope.get("path_params") or {}
    value = params.get("tenant_id")
    return str(value) if value else None


def ingest_key_info(token: str, request: Any = None) -> dict[str, Any]:
    if not keys.looks_like_ingest_key(token):
        return bearer_info(token, request)
    key = keys.verify(get_runtime().db, token)
    if key is None:
        raise unauthenticated("The ingest key is unknown, revoked or malformed.")
    tenant = _path_tenant(request)
    if tenant is not None and tenant != key.tenant_id:
        raise unauthenticated(f"The ingest key is not valid for tenant '{tenant}'.")
    principal = principal_for(key)
    principal_var.set(principal)
    if request is not None:
        scope_state(request.scope)["principal"] = principal
    return {"sub": principal.subject, "principal": principal, "scope": []}
