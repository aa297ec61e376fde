"""``client.audit`` — the ``audit`` tag (signed, hash-chained audit trail per tenant)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from companyos._base_client import RequestSpec
from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.audit_checkpoints import CheckpointPins, apply_pin
from companyos.types import AuditCheckpoint, AuditEvent, AuditOutcome, AuditVerification, Job

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncAudit", "Audit"]

_AUDIT = "/v1/tenants/{tenant_id}/audit"


def _list(tenant: str | None, filters: dict[str, Any], purpose: str | None, **o: Any) -> RequestSpec:
    return RequestSpec(
        "GET",
        _AUDIT + "/events",
        "list_audit_events",
        tenant=tenant,
        query=filters,
        headers=purpose_header(purpose),
        **o,
    )


def _verify(tenant: str | None, purpose: str | None, known: AuditCheckpoint | None, **o: Any) -> RequestSpec:
    return RequestSpec(
        "GET",
        _AUDIT + "/verification",
        "verify_audit_chain",
        tenant=tenant,
        query={"known_checkpoint": f"{known['size']}:{known['head_hash']}"} if known else None,
        headers=purpose_header(purpose),
        **o,
    )


def _pin_target(client: Any, tenant: str | None) -> tuple[str, str]:
    resolved = tenant or client.tenant
    if not resolved:
        raise ValueError(
            "verify_audit_chain is tenant-scoped: pass tenant=... to the call or to the client "
            "(the SDK never guesses a tenant)"
        )
    return str(client.base_url), resolved


def _keep(pins: CheckpointPins, target: tuple[str, str], pinned: AuditCheckpoint | None,
          result: AuditVerification) -> AuditVerification:  # fmt: skip
    result = apply_pin(result, pinned)
    current = result.get("checkpoint")
    if result["ok"] and current is not None and (pinned is None or current["seq"] > pinned["seq"]):
        pins.save(*target, current)
    return result


def _export(tenant: str | None, format: str, idempotency_key: str | None, **o: Any) -> RequestSpec:
    return RequestSpec(
        "POST", _AUDIT + "/exports", "export_audit_events", tenant=tenant, json={"format": format},
        idempotency_key=idempotency_key, **o,
    )  # fmt: skip


class Audit(SyncAPIResource):
    def list(
        self,
        *,
        tenant: str | None = None,
        actor: str | None = None,
        action: str | None = None,
        outcome: AuditOutcome | None = None,
        resource: str | None = None,
        since: str | None = None,
        until: str | None = None,
        page_size: int | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[AuditEvent]:
        """List audit events in chain order. Pages are fetched lazily."""
        filters = {"actor": actor, "action": action, "outcome": outcome, "resource": resource,
                   "since": since, "until": until, "page_size": page_size}  # fmt: skip
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._paginate(_list(tenant, filters, purpose, **opts))

    def verify(
        self,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        known: AuditCheckpoint | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AuditVerification:
        """Verify the audit chain (hashes, signatures, order, checkpoints). ``known``: a checkpoint you
        verified before; the server then also checks the chain still holds it."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._request(_verify(tenant, purpose, known, **opts))  # type: ignore[no-any-return]

    def verify_pinned(
        self,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        pins: CheckpointPins | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AuditVerification:
        """Verify against the last checkpoint verified from this machine (see ``companyos.audit_checkpoints``):
        a server checkpoint below it is a ``rollback`` problem; an intact result becomes the new pin."""
        pins = pins or CheckpointPins()
        target = _pin_target(self._client, tenant)
        pinned = pins.load(*target)
        result = self.verify(
            tenant=target[1], purpose=purpose, known=pinned, extra_headers=extra_headers,
            extra_query=extra_query, timeout=timeout, max_retries=max_retries,
        )  # fmt: skip
        return _keep(pins, target, pinned, result)

    def export(
        self,
        *,
        tenant: str | None = None,
        format: Literal["ndjson"] = "ndjson",
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Export the audit trail: returns the queued export job (``client.jobs``)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._request(_export(tenant, format, idempotency_key, **opts))  # type: ignore[no-any-return]


class AsyncAudit(AsyncAPIResource):
    def list(
        self,
        *,
        tenant: str | None = None,
        actor: str | None = None,
        action: str | None = None,
        outcome: AuditOutcome | None = None,
        resource: str | None = None,
        since: str | None = None,
        until: str | None = None,
        page_size: int | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[AuditEvent]:
        """List audit events in chain order. Pages are fetched lazily."""
        filters = {"actor": actor, "action": action, "outcome": outcome, "resource": resource,
                   "since": since, "until": until, "page_size": page_size}  # fmt: skip
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._paginate(_list(tenant, filters, purpose, **opts))

    async def verify(
        self,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        known: AuditCheckpoint | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AuditVerification:
        """Verify the audit chain (hashes, signatures, order, checkpoints). ``known``: a checkpoint you
        verified before; the server then also checks the chain still holds it."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return await self._client._request(_verify(tenant, purpose, known, **opts))  # type: ignore[no-any-return]

    async def verify_pinned(
        self,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        pins: CheckpointPins | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AuditVerification:
        """Verify against the last checkpoint verified from this machine (see ``companyos.audit_checkpoints``):
        a server checkpoint below it is a ``rollback`` problem; an intact result becomes the new pin."""
        pins = pins or CheckpointPins()
        target = _pin_target(self._client, tenant)
        pinned = pins.load(*target)
        result = await self.verify(
            tenant=target[1], purpose=purpose, known=pinned, extra_headers=extra_headers,
            extra_query=extra_query, timeout=timeout, max_retries=max_retries,
        )  # fmt: skip
        return _keep(pins, target, pinned, result)

    async def export(
        self,
        *,
        tenant: str | None = None,
        format: Literal["ndjson"] = "ndjson",
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Export the audit trail: returns the queued export job (``client.jobs``)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return await self._client._request(_export(tenant, format, idempotency_key, **opts))  # type: ignore[no-any-return]
