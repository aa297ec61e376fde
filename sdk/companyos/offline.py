"""Opt-in offline queue: mutations made while the API is unreachable, replayed in order later.

Enable with ``Client(offline=True)`` (default location ``<COMPANYOS_HOME>/offline``) or pass an
``OfflineQueue(path=...)``. When a POST/PATCH/PUT/DELETE cannot reach the API (after its retries) it is
sealed with AES-GCM into one file per entry and ``MutationQueued`` is raised. ``client.offline.flush()``
(also tried automatically before the next mutation) replays entries oldest first with their original
``Idempotency-Key`` and ``X-Request-Id``, so a mutation that did reach the server before the connection
dropped is not applied twice. Entries the API rejects (4xx) move to ``rejected/``; a connection error
stops the flush and keeps the rest. Access tokens are never stored: replays authenticate afresh.

The queue exists to survive the process, so it needs a real key: ``key=``, ``COMPANYOS_CACHE_KEY``,
``COMPANYOS_CACHE_KEY_FILE`` (a 0600 key file outside the queue's directory) or the OS keyring. Without
one, creating the queue raises ``CacheKeyError`` rather than writing a key next to the entries or
silently keeping mutations in memory. Entries that do not decrypt with the key also raise
``CacheKeyError`` (nothing is skipped, moved or deleted).
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from companyos._crypto import (
    OFFLINE_QUEUE_AAD,
    CacheKeyError,
    SealedBox,
    default_home,
    resolve_key,
    write_private,
)

if TYPE_CHECKING:
    from companyos._base_client import AsyncAPIClient, Prepared, SyncAPIClient
    from companyos._exceptions import APIStatusError

__all__ = [
    "AsyncOffline",
    "CacheKeyError",
    "FlushResult",
    "Offline",
    "OfflineQueue",
    "OfflineStatus",
    "QueueEntry",
]

_AAD = OFFLINE_QUEUE_AAD
_SUFFIX = ".entry"


@dataclass(frozen=True)
class QueueEntry:
    id: str
    seq: int
    created_at: float
    method: str
    path: str
    operation_id: str
    query: dict[str, Any]
    json: Any
    headers: dict[str, str]
    request_id: str
    idempotency_key: str | None
    tenant: str | None

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "operation_id": self.operation_id,
            "method": self.method,
            "path": self.path,
            "tenant": self.tenant,
            "idempotency_key": self.idempotency_key,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class OfflineStatus:
    pending: int
    rejected: int
    oldest_created_at: float | None
    entries: list[dict[str, Any]]
    path: Path


@dataclass
class FlushResult:
    replayed: list[tuple[str, int]] = field(default_factory=list)  # (entry id, HTTP status)
    rejected: list[tuple[str, APIStatusError]] = field(default_factory=list)
    remaining: int = 0


class OfflineQueue:
    """Encrypted, ordered, file-per-entry queue (mode 0600 files in a 0700 directory).

    Without ``key=`` the key is resolved here (``COMPANYOS_CACHE_KEY``, ``COMPANYOS_CACHE_KEY_FILE``, the
    OS keyring); with none, ``CacheKeyError`` is raised: the queue never runs without persistence.
    """

    def __init__(self, path: Path | str | None = None, *, key: bytes | None = None) -> None:
        self.path: Path = Path(path) if path is not None else default_home() / "offline"
        self._key = key if key is not None else resolve_key(self.path.parent, purpose="the offline queue")
        self._lock = threading.Lock()

    def _box(self) -> SealedBox:
        return SealedBox(self._key)

    def _files(self, sub: str | None = None) -> list[Path]:
        folder = self.path / sub if sub else self.path
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.name.endswith(_SUFFIX))

    def append(self, p: Prepared) -> QueueEntry:
        with self._lock:
            files = self._files()
            seq = int(files[-1].name.split("-", 1)[0]) + 1 if files else 1
            entry = QueueEntry(
                id=f"oq_{uuid.uuid4().hex[:20]}",
                seq=seq,
                created_at=time.time(),
                method=p.method,
                path=p.path,
                operation_id=p.operation_id,
                query=dict(p.query),
                json=p.json,
                headers={
                    k: v for k, v in p.headers.items() if k.lower() not in ("authorization", "user-agent")
                },
                request_id=p.request_id,
                idempotency_key=p.idempotency_key,
                tenant=p.tenant,
            )
            data = json.dumps(entry.__dict__).encode()
            write_private(self.path / f"{seq:012d}-{entry.id}{_SUFFIX}", self._box().seal(data, _AAD))
            return entry

    def entries(self) -> list[QueueEntry]:
        from cryptography.exceptions import InvalidTag

        box = self._box() if self._files() else None
        result = []
        for file in self._files():
            assert box is not None
            try:
                plain = box.open(file.read_bytes(), _AAD)
            except InvalidTag as exc:
                raise CacheKeyError(
                    f"offline queue entry {file} cannot be decrypted with the configured key (was it queued "
                    "with another COMPANYOS_CACHE_KEY?); nothing was changed: restore the original key, or "
                    f"move {self.path} aside to start an empty queue"
                ) from exc
            result.append(QueueEntry(**json.loads(plain)))
        return result

    def _file_of(self, entry: QueueEntry) -> Path:
        return self.path / f"{entry.seq:012d}-{entry.id}{_SUFFIX}"

    def remove(self, entry: QueueEntry) -> None:
        self._file_of(entry).unlink(missing_ok=True)

    def reject(self, entry: QueueEntry, status_code: int) -> None:
        target = self.path / "rejected"
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.replace(self._file_of(entry), target / f"{entry.seq:012d}-{entry.id}-{status_code}{_SUFFIX}")

    def pending(self) -> int:
        return len(self._files())

    def status(self) -> OfflineStatus:
        entries = self.entries()
        return OfflineStatus(
            pending=len(entries),
            rejected=len(self._files("rejected")),
            oldest_created_at=entries[0].created_at if entries else None,
            entries=[e.summary() for e in entries],
            path=self.path,
        )


class Offline:
    """``client.offline``: status and flush of the client's queue."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def _queue(self) -> OfflineQueue:
        if self._client.offline_queue is None:
            raise RuntimeError("the offline queue is not enabled: create the client with offline=True")
        return self._client.offline_queue

    def status(self) -> OfflineStatus:
        return self._queue().status()

    def flush(self) -> FlushResult:
        self._queue()
        return self._client._run(self._client._flush_flow())


class AsyncOffline:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    def _queue(self) -> OfflineQueue:
        if self._client.offline_queue is None:
            raise RuntimeError("the offline queue is not enabled: create the client with offline=True")
        return self._client.offline_queue

    def status(self) -> OfflineStatus:
        return self._queue().status()

    async def flush(self) -> FlushResult:
        self._queue()
        return await self._client._run(self._client._flush_flow())
