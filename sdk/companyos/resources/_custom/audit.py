"""``client.audit.verify_pinned``: verification against the checkpoint pinned on this machine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.audit_checkpoints import CheckpointPins, apply_pin

if TYPE_CHECKING:
    from companyos.types import AuditCheckpoint, AuditVerification

__all__ = ["AsyncAuditMixin", "AuditMixin"]


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


class AuditMixin:
    _client: Any

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
        result = cast(Any, self).verify(
            tenant=target[1], purpose=purpose, known=pinned, extra_headers=extra_headers,
            extra_query=extra_query, timeout=timeout, max_retries=max_retries,
        )  # fmt: skip
        return _keep(pins, target, pinned, result)


class AsyncAuditMixin:
    _client: Any

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
        result = await cast(Any, self).verify(
            tenant=target[1], purpose=purpose, known=pinned, extra_headers=extra_headers,
            extra_query=extra_query, timeout=timeout, max_retries=max_retries,
        )  # fmt: skip
        return _keep(pins, target, pinned, result)
