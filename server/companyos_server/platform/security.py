"""Bearer-token authentication for connexion (the spec's ``x-bearerInfoFunc``)."""

from __future__ import annotations

import functools
from typing import Any

from connexion.exceptions import ProblemException
from connexion.security import AbstractSecurityHandler, BearerSecurityHandler

from companyos_server.platform.requestctx import principal_var, scope_state
from companyos_server.platform.runtime import get_runtime

PROBLEM_BASE = "https://docs.companyos.dev/problems/"


def unauthenticated(detail: str, error: str = "invalid_token") -> ProblemException:
    challenge = f'Bearer error="{error}", error_description="{detail.replace(chr(34), chr(39))}"'
    return ProblemException(
        status=401,
        title="Unauthorized",
        detail=detail,
        type=PROBLEM_BASE + "unauthenticated",
        headers={"WWW-Authenticate": challenge},
    )


def bearer_info(token: str, request: Any = None) -> dict[str, Any]:
    from companyos_server.platform.identity.validation import TokenError

    try:
        principal = get_runtime().tokens.validate(token)
    except TokenError as exc:
        raise unauthenticated(exc.detail) from None
    principal_var.set(principal)
    if request is not None:
        scope_state(request.scope)["principal"] = principal
    return {"sub": principal.subject, "principal": principal, "scope": sorted(principal.scopes)}


class CachedBearerSecurityHandler(BearerSecurityHandler):
    """connexion's bearer handler, but a function's keywords are inspected once, not on every request."""

    _accepts_kwarg = staticmethod(functools.lru_cache(maxsize=64)(AbstractSecurityHandler._accepts_kwarg))


SECURITY_MAP = {"bearer": CachedBearerSecurityHandler}
