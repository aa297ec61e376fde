"""Security events of the identity provider, each a first-class event on the platform audit chain.

Sign-ins (success and failure), second-factor failures, token issuance, refresh-token reuse, device
approvals, failed client authentications and lockouts are one event each on the ``_platform`` chain, so
threat detection (the SecOps domain reads the chain) sees every attempt with its target and source
rather than a count. An event about an existing account names the account (``details.principal``) and
its tenants (``details.tenants``), so each tenant's detection sees its own members' events. Attempts
the throttle refuses are not recorded one by one: they check nothing, and an unthrottled event per
refusal would let anyone flood the audit chain; the first refusal of a subject and source in a
minute is recorded as an ``identity.lockout`` when the account's own counters refused it (a refusal of
the source address alone locks no account out and is only logged, as are the rest). Without an audit
log (tests, tools) events are only logged.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Protocol

from companyos_server.platform.requestctx import request_id_var

log = logging.getLogger("companyos.identity.security")

_MAX_NAME = 100
UNKNOWN_USER = "unknown_user"
MFA_REASONS = ("bad_otp", "mfa_required")
LOCKOUT_EVERY = 60.0  # seconds between two recorded lockouts of one subject and source
_MAX_LOCKOUT_KEYS = 10_000


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
    def __init__(self, audit: AuditSink | None = None, db: Any | None = None) -> None:
        self.audit = audit
        self.db = db  # to name an account's tenants; without it events carry none
        self._lockouts: dict[tuple[str, str, str], float] = {}
        self._lock = threading.Lock()

    def _tenants(self, *, username: str | None = None, user_id: str | None = None) -> list[str]:
        if self.db is None or not (username or user_id):
            return []
        from sqlalchemy import select

        from companyos_server.platform.identity.models import IdpUser

        try:
            with self.db.session() as session:
                query = select(IdpUser.tenants)
                query = (
                    query.where(IdpUser.username == username)
                    if username
                    else query.where(IdpUser.id == user_id)
                )
                tenants = session.scalar(query)
        except Exception:
            log.warning("could not read the tenants of an account for its security event", exc_info=True)
            return []
        return sorted(tenants or {})

    def _username(self, user_id: str) -> str:
        if self.db is None:
            return user_id
        from companyos_server.platform.identity.models import IdpUser

        try:
            with self.db.session() as session:
                row = session.get(IdpUser, user_id)
        except Exception:  # noqa: BLE001
            return user_id
        return row.username if row is not None else user_id

    def sign_in_failed(
        self,
        username: str,
        source: str | None,
        *,
        reason: str,
        request_id: str | None,
        user_agent: str | None = None,
    ) -> None:
        log.info("sign-in failed (%s) from %s", reason, source)
        # A name that is no account is often a password typed into the wrong field, and the audit
        # chain is never swept: only existing accounts are named.
        account = "unknown" if reason == UNKNOWN_USER else username[:_MAX_NAME]
        details: dict[str, Any] = {"source": source, "reason": reason}
        if reason != UNKNOWN_USER:
            details.update(principal=account, tenants=self._tenants(username=account))
        if user_agent:
            details["user_agent"] = user_agent[:300]
        self._record(
            action="identity.mfa" if reason in MFA_REASONS else "identity.sign_in",
            resource=f"idp_user:{account}",
            status=401,
            request_id=request_id,
            details=details,
        )

    def sign_in_succeeded(
        self,
        username: str,
        tenants: list[str],
        source: str | None,
        *,
        acr: str | None,
        user_agent: str | None,
    ) -> None:
        details: dict[str, Any] = {
            "source": source,
            "principal": username[:_MAX_NAME],
            "tenants": sorted(tenants),
            "acr": acr,
        }
        if user_agent:
            details["user_agent"] = user_agent[:300]
        self._record(
            action="identity.sign_in", resource=f"idp_user:{username[:_MAX_NAME]}", status=200,
            request_id=None, details=details, outcome="success",
        )  # fmt: skip

    def token_issued(
        self, *, user_id: str | None, client_id: str, grant_type: str, source: str | None
    ) -> None:
        details: dict[str, Any] = {
            "source": source,
            "client_id": client_id[:_MAX_NAME],
            "grant_type": grant_type,
        }
        if user_id:
            name = self._username(user_id)
            details.update(principal=name, tenants=self._tenants(user_id=user_id))
        self._record(
            action="identity.token_issue", resource=f"idp_client:{client_id[:_MAX_NAME]}", status=200,
            request_id=None, details=details, outcome="success",
        )  # fmt: skip

    def refresh_reused(self, *, user_id: str, client_id: str, family_id: str, source: str | None) -> None:
        log.warning("refresh token reuse detected; revoking family %s (client %s)", family_id, client_id)
        name = self._username(user_id)
        self._record(
            action="identity.refresh_reuse", resource=f"idp_user:{name[:_MAX_NAME]}", status=400, request_id=None,
            details={"source": source, "principal": name, "tenants": self._tenants(user_id=user_id),
                     "client_id": client_id[:_MAX_NAME], "family_id": family_id},
        )  # fmt: skip

    def device_decided(
        self, *, username: str, tenants: list[str], client_id: str | None, approved: bool, source: str | None
    ) -> None:
        self._record(
            action="identity.device_approval", resource=f"idp_user:{username[:_MAX_NAME]}", status=200,
            request_id=None, outcome="success" if approved else "denied",
            details={"source": source, "principal": username[:_MAX_NAME], "tenants": sorted(tenants),
                     "client_id": (client_id or "")[:_MAX_NAME], "approved": approved},
        )  # fmt: skip

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

    def throttled(
        self, what: str, source: str | None, retry_after: int, reason: str | None, subject: str | None = None
    ) -> None:
        log.info("%s refused by the throttle (%s) from %s for %ds", what, reason, source, retry_after)
        if not subject or reason not in ("subject", "subject_source"):
            return  # a per-address refusal locks no account out: logged only (a spray must not flood)
        key = (what, subject[:_MAX_NAME], source or "")
        now = time.monotonic()
        with self._lock:
            if now - self._lockouts.get(key, -LOCKOUT_EVERY) < LOCKOUT_EVERY:
                return
            if len(self._lockouts) >= _MAX_LOCKOUT_KEYS:
                self._lockouts.clear()
            self._lockouts[key] = now
        details: dict[str, Any] = {
            "source": source,
            "what": what,
            "reason": reason,
            "retry_after": retry_after,
        }
        tenants = self._tenants(username=subject) if subject else []
        if tenants:
            details.update(principal=(subject or "")[:_MAX_NAME], tenants=tenants)
        self._record(
            action="identity.lockout", resource=f"idp_user:{(subject or 'unknown')[:_MAX_NAME] if tenants else 'unknown'}",
            status=429, request_id=None, details=details,
        )  # fmt: skip

    def _record(
        self,
        *,
        action: str,
        resource: str,
        status: int,
        request_id: str | None,
        details: dict[str, Any],
        outcome: str = "failure",
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
                outcome=outcome,
                status=status,
                # The platform's request id first: a client-sent header is only a fallback, and clipped.
                request_id=request_id_var.get() or (request_id or "")[:100] or None,
                details=details,
            )
        except Exception:
            # The attempt has already failed; losing its event must not turn it into a 500.
            log.critical("AUDIT WRITE FAILED for %s on %s", action, resource, exc_info=True)
