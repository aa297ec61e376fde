"""Security events of the identity provider: failed sign-ins and failed client authentications.

Each failure is one event on the platform audit chain (``_platform``), so threat detection sees every
attempt with its target and source rather than a count. Attempts the throttle refuses are not
recorded one by one: they check nothing, and an unthrottled event per refusal would let anyone flood
the audit chain; they are logged instead. Without an audit log (tests, tools) events are only logged.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from companyos_server.platform.requestctx import request_id_var

log = logging.getLogger("companyos.identity.security")

_MAX_NAME = 100
UNKNOWN_USER = "unknown_user"


class AuditSink(Protocol):
    """What :class:`~companyos_server.platform.audit.log.AuditLog` offers that these events need."""

    def record(
        self,
        tenant_id: str | None,
        *,
        actor: str,
        actor_kind: str,
        action: str,
        resource: str,
        outcome: str,
        status: int | None,
        request_id: str | None,
        details: dict[str, Any] | None = None,
    ) -> Any: ...


class SecurityEvents:
    def __init__(self, audit: AuditSink | None = None) -> None:
        self.audit = audit

    def sign_in_failed(
        self, username: str, source: str | None, *, reason: str, request_id: str | None
    ) -> None:
        log.info("sign-in failed (%s) from %s", reason, source)
        # A name that is no account is often a password typed into the wrong field, and the audit
        # chain is never swept: only existing accounts are named.
        account = "unknown" if reason == UNKNOWN_USER else username[:_MAX_NAME]
        self._record(
            action="identity.sign_in",
            resource=f"idp_user:{account}",
            status=401,
            request_id=request_id,
            details={"source": source, "reason": reason},
        )

    def client_authentication_failed(
        self, client_id: str, source: str | None, *, endpoint: str, request_id: str | None
    ) -> None:
        log.info("client authentication failed at %s from %s", endpoint, source)
        self._record(
            action="identity.client_authentication",
            resource=f"idp_client:{client_id[:_MAX_NAME]}",
            status=401,
            request_id=request_id,
            details={"source": source, "endpoint": endpoint, "reason": "invalid_client"},
        )

    def throttled(self, what: str, source: str | None, retry_after: int, reason: str | None) -> None:
        log.info("%s refused by the throttle (%s) from %s for %ds", what, reason, source, retry_after)

    def _record(
        self, *, action: str, resource: str, status: int, request_id: str | None, details: dict[str, Any]
    ) -> None:
        if self.audit is None:
            return
        try:
            self.audit.record(
                None,
                actor="anonymous",
                actor_kind="anonymous",
                action=action,
                resource=resource,
                outcome="failure",
                status=status,
                # The platform's request id first: a client-sent header is only a fallback, and clipped.
                request_id=request_id_var.get() or (request_id or "")[:100] or None,
                details=details,
            )
        except Exception:
            # The attempt has already failed; losing its event must not turn it into a 500.
            log.critical("AUDIT WRITE FAILED for %s on %s", action, resource, exc_info=True)
