"""``client.analytics.track()``: product events batched in memory and sent through the batch endpoint.

Events are buffered per client and sent in batches (at most 1,000 an ingest call) when ``batch_size``
events are waiting, on ``client.analytics.flush_events()``, and at interpreter exit. Properties named like
a secret or PII field (``email``, ``name``, ``token``… the SDK's redaction list) are dropped before an
event leaves the process; the server hashes ``user_id`` with the tenant's key.

The ingest call is a mutation, so with ``Client(offline=True)`` a batch that cannot reach the API is
sealed into the offline queue (``MutationQueued``) and replayed by ``client.offline.flush()`` with its
original ``Idempotency-Key``: nothing is sent twice and nothing is lost while offline.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from companyos._exceptions import MutationQueued
from companyos._logs import PII_FIELDS, SECRET_FIELDS

__all__ = ["AnalyticsMixin", "AsyncAnalyticsMixin", "TrackResult", "build_event"]

MAX_BATCH = 1000
_DROP = PII_FIELDS | SECRET_FIELDS


@dataclass
class TrackResult:
    """What a flush did: events the API accepted, rejected (with errors), or that were queued offline."""

    accepted: int = 0
    duplicates: int = 0  # accepted, but stored already (a replayed batch): not counted twice
    rejected: int = 0
    queued: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    queue_entries: list[str] = field(default_factory=list)


def build_event(
    schema: str,
    *,
    version: str = "1-0-0",
    user_id: str | None = None,
    feature: str | None = None,
    properties: dict[str, Any] | None = None,
    ts: datetime | str | None = None,
    environment: str | None = None,
    client_type: str = "sdk",
    app_version: str | None = None,
    user_role: str | None = None,
    consent: str | None = None,
) -> dict[str, Any]:
    """One self-describing event, PII-named properties removed (pure: the I/O-free core of ``track``)."""
    when = ts or datetime.now(UTC)
    stamp = when if isinstance(when, str) else when.astimezone(UTC).isoformat().replace("+00:00", "Z")
    event: dict[str, Any] = {"id": f"evt_{uuid.uuid4().hex[:24]}", "schema": schema, "version": version,
                             "ts": stamp, "client_type": client_type}  # fmt: skip
    optional = {"user_id": user_id, "feature": feature, "environment": environment, "app_version": app_version,
                "user_role": user_role, "consent": consent}  # fmt: skip
    event.update({k: v for k, v in optional.items() if v is not None})
    if properties:
        event["properties"] = {k: v for k, v in properties.items() if str(k).lower() not in _DROP}
    return event


class _Buffer:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.batch_size = 100

    def take(self) -> list[list[dict[str, Any]]]:
        with self.lock:
            events, self.events = self.events, []
        return [events[i : i + MAX_BATCH] for i in range(0, len(events), MAX_BATCH)]


def _buffer(client: Any) -> _Buffer:
    found = client.__dict__.get("_analytics_buffer")
    if found is None:
        found = client.__dict__.setdefault("_analytics_buffer", _Buffer())
    return found  # type: ignore[no-any-return]


def _merge(result: TrackResult, response: dict[str, Any]) -> None:
    result.accepted += int(response.get("accepted", 0))
    result.duplicates += int(response.get("duplicates", 0))
    result.rejected += int(response.get("rejected", 0))
    result.errors.extend(response.get("errors", []))


class AnalyticsMixin:
    _client: Any

    def track(self, schema: str, *, batch_size: int | None = None, **fields: Any) -> None:
        """Buffer one event (see :func:`build_event` for the fields); sends a batch when full."""
        buffer = _buffer(self._client)
        if batch_size is not None:
            buffer.batch_size = max(1, min(int(batch_size), MAX_BATCH))
        with buffer.lock:
            buffer.events.append(build_event(schema, **fields))
            full = len(buffer.events) >= buffer.batch_size
            first = len(buffer.events) == 1
        if first and not getattr(self._client, "_analytics_atexit", False):
            self._client._analytics_atexit = True
            atexit.register(self._flush_quietly)
        if full:
            self.flush_events()

    def pending_events(self) -> int:
        return len(_buffer(self._client).events)

    def flush_events(self, *, tenant: str | None = None) -> TrackResult:
        """Send every buffered event; batches the API cannot be reached for go to the offline queue (when
        enabled) and count as ``queued``; without it the connection error propagates and the events stay
        buffered."""
        buffer, result = _buffer(self._client), TrackResult()
        batches = buffer.take()
        for i, batch in enumerate(batches):
            try:
                _merge(result, self.ingest(events=batch, tenant=tenant))  # type: ignore[attr-defined]
            except MutationQueued as queued:
                result.queued += len(batch)
                result.queue_entries.append(queued.entry_id)
            except Exception:
                with buffer.lock:  # keep what was not sent, in order
                    buffer.events[:0] = [e for b in batches[i:] for e in b]
                raise
        return result

    def _flush_quietly(self) -> None:
        with contextlib.suppress(Exception):  # interpreter exit: nothing left to report to
            self.flush_events()


class AsyncAnalyticsMixin:
    _client: Any

    def track(self, schema: str, *, batch_size: int | None = None, **fields: Any) -> None:
        """Buffer one event; ``await client.analytics.flush_events()`` sends the buffer."""
        buffer = _buffer(self._client)
        if batch_size is not None:
            buffer.batch_size = max(1, min(int(batch_size), MAX_BATCH))
        with buffer.lock:
            buffer.events.append(build_event(schema, **fields))

    def pending_events(self) -> int:
        return len(_buffer(self._client).events)

    async def flush_events(self, *, tenant: str | None = None) -> TrackResult:
        buffer, result = _buffer(self._client), TrackResult()
        batches = buffer.take()
        for i, batch in enumerate(batches):
            try:
                _merge(result, await self.ingest(events=batch, tenant=tenant))  # type: ignore[attr-defined]
            except MutationQueued as queued:
                result.queued += len(batch)
                result.queue_entries.append(queued.entry_id)
            except Exception:
                with buffer.lock:
                    buffer.events[:0] = [e for b in batches[i:] for e in b]
                raise
        return result
