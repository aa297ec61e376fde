"""Idempotency-Key for every POST (stored in SQL, so every worker sees it).

Keyed by (principal subject, tenant, method, path, key). The first request is recorded as in
flight with a sha256 fingerprint of its body; its response (status, selected headers, body) is
stored when it completes. A repeat with the same body replays that response with
``Idempotent-Replayed: true``; a different body is 409; a repeat while the first is still running
is 409 too. A replay is the first request's answer, not a second action: it marks the request
(``is_replay``) so the audit middleware does not append another event. 5xx responses and errors raised as exceptions (validation, domain errors — their
transactions rolled back) are not stored, so a retry runs again. Entries expire after 24 h.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

import anyio
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from companyos_server.platform.middleware.models import IdempotencyKeyRow
from companyos_server.platform.middleware.ratelimit import subject_of
from companyos_server.platform.problems import problem_exception
from companyos_server.platform.requestctx import scope_state
from companyos_server.platform.storage import Database, utcnow

logger = logging.getLogger("companyos.idempotency")

HEADER = "idempotency-key"
REPLAYED_HEADER = "Idempotent-Replayed"
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
TTL = timedelta(hours=24)
STALE_IN_FLIGHT = timedelta(minutes=10)  # a worker that died mid-request does not lock a key forever
REPLAYED_HEADERS = frozenset(
    {
        "content-type",
        "location",
        "etag",
        "last-modified",
        "cache-control",
        "content-language",
        "preference-applied",
    }
)


REPLAY_STATE = "idempotent_replay"


def is_replay(scope: Scope) -> bool:
    """Whether this request was answered from a stored response (the action itself was audited once)."""
    return bool(scope_state(scope).get(REPLAY_STATE))  # type: ignore[arg-type]


class IdempotencyStore:
    def __init__(self, db: Database, *, ttl: timedelta = TTL, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.ttl = ttl
        self.clock = clock

    def begin(
        self, ident: str, parts: dict[str, Any], fingerprint: str
    ) -> tuple[str, IdempotencyKeyRow | None]:
        """'new' (recorded in flight), 'replay' (row), 'mismatch' or 'in_flight'."""
        for _ in range(3):
            now = self.clock()
            with self.db.session() as session:
                row = session.get(IdempotencyKeyRow, ident)
                if row is not None and (
                    row.expires_at <= now
                    or (row.state == "in_flight" and row.created_at + STALE_IN_FLIGHT <= now)
                ):
                    session.delete(row)
                    session.flush()
                    row = None
                if row is not None:
                    session.expunge(row)
                    if row.fingerprint != fingerprint:
                        return "mismatch", row
                    if row.state == "in_flight":
                        return "in_flight", row
                    return "replay", row
            try:
                with self.db.session() as session:
                    session.add(
                        IdempotencyKeyRow(
                            id=ident,
                            fingerprint=fingerprint,
                            state="in_flight",
                            created_at=now,
                            expires_at=now + self.ttl,
                            **parts,
                        )
                    )
                return "new", None
            except IntegrityError:  # a concurrent duplicate won the insert: look again
                continue
        return "in_flight", None

    def complete(self, ident: str, status: int, headers: dict[str, str], body: bytes) -> None:
        with self.db.session() as session:
            row = session.get(IdempotencyKeyRow, ident)
            if row is None:
                return
            row.state = "completed"
            row.status_code = status
            row.headers = headers
            row.body = body

    def abandon(self, ident: str) -> None:
        with self.db.session() as session:
            session.execute(delete(IdempotencyKeyRow).where(IdempotencyKeyRow.id == ident))

    def purge_expired(self) -> int:
        """Delete expired entries (a periodic job may call this; reads ignore them anyway)."""
        with self.db.session() as session:
            result = session.execute(
                delete(IdempotencyKeyRow).where(IdempotencyKeyRow.expires_at <= self.clock())
            )
            return int(getattr(result, "rowcount", 0) or 0)


def request_fingerprint(scope: Scope, body: bytes) -> str:
    """What makes two requests "the same" for a key: the body and the query parameters (``?dry_run=true``
    turns a run into a preview), the latter in a canonical order so reordering is not a mismatch."""
    query = sorted(
        parse_qsl(bytes(scope.get("query_string") or b"").decode("latin-1"), keep_blank_values=True)
    )
    digest = hashlib.sha256(json.dumps(query).encode())
    digest.update(b"\n")
    digest.update(body)
    return digest.hexdigest()


def invalid_key(detail: str) -> Exception:
    return problem_exception(
        400,
        "invalid-idempotency-key",
        detail,
        errors=[{"field": "Idempotency-Key", "message": detail, "code": "invalid"}],
    )


class IdempotencyMiddleware:
    """Connexion middleware (after the guard and the rate limit, before validation)."""

    def __init__(
        self, app: ASGIApp, *, store: IdempotencyStore, max_stored_bytes: int, metrics: Any = None
    ) -> None:
        self.app = app
        self.store = store
        self.max_stored_bytes = max_stored_bytes
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST":
            await self.app(scope, receive, send)
            return
        raw_keys = [v for k, v in scope.get("headers", []) if k.lower() == HEADER.encode()]
        if not raw_keys:
            await self.app(scope, receive, send)
            return
        if len(raw_keys) > 1:
            raise invalid_key("Send exactly one Idempotency-Key header.")
        key = raw_keys[0].decode("latin-1")
        if not KEY_PATTERN.match(key):
            raise invalid_key("An Idempotency-Key is 1 to 255 printable ASCII characters without spaces.")

        body, messages = await _read_body(receive)
        fingerprint = request_fingerprint(scope, body)
        state = scope_state(scope)  # type: ignore[arg-type]
        ctx = state.get("tenant_context")
        tenant = getattr(ctx, "tenant_id", None) or scope.get("path_params", {}).get("tenant_id")
        parts = {
            "subject": subject_of(state, scope) or "anonymous",
            "tenant_id": str(tenant) if tenant else None,
            "method": "POST",
            "path": str(state.get("path") or scope.get("path", "")),
            "key": key,
        }
        ident = hashlib.sha256(
            json.dumps([parts["subject"], parts["tenant_id"], parts["method"], parts["path"], key]).encode()
        ).hexdigest()

        outcome, row = await anyio.to_thread.run_sync(self.store.begin, ident, parts, fingerprint)
        if outcome == "replay" and row is not None:
            if self.metrics is not None:
                self.metrics.idempotent_replays.inc()
            state[REPLAY_STATE] = True
            await _replay(send, row)
            return
        if outcome == "mismatch":
            raise problem_exception(
                409,
                "idempotency-key-reused",
                "This Idempotency-Key was already used with a different request (body or query).",
                title="Conflict",
            )
        if outcome == "in_flight":
            raise problem_exception(
                409,
                "idempotency-request-in-progress",
                "A request with this Idempotency-Key is still being processed; retry shortly.",
                title="Conflict",
                headers={"Retry-After": "1"},
            )

        captured: dict[str, Any] = {"status": None, "headers": {}, "body": bytearray(), "too_big": False}

        async def capture_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = {
                    k: v for k, v in Headers(raw=message.get("headers", [])).items() if k in REPLAYED_HEADERS
                }
            elif message["type"] == "http.response.body" and not captured["too_big"]:
                captured["body"] += message.get("body", b"")
                if len(captured["body"]) > self.max_stored_bytes:
                    captured["too_big"] = True
                    captured["body"] = bytearray()
            await send(message)

        stored = False
        try:
            await self.app(scope, _replaying(messages, receive), capture_send)
            status = captured["status"]
            if status is not None and status < 500 and not captured["too_big"]:
                await anyio.to_thread.run_sync(
                    self.store.complete, ident, status, captured["headers"], bytes(captured["body"])
                )
                stored = True
        finally:
            if not stored:
                with anyio.CancelScope(shield=True):
                    try:
                        await anyio.to_thread.run_sync(self.store.abandon, ident)
                    except Exception:
                        logger.exception("could not release Idempotency-Key %s", key)


async def _read_body(receive: Receive) -> tuple[bytes, list[Message]]:
    messages: list[Message] = []
    chunks: list[bytes] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks), messages


def _replaying(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def receive_() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return receive_


async def _replay(send: Send, row: IdempotencyKeyRow) -> None:
    body = row.body or b""
    headers = [(k.encode("latin-1"), str(v).encode("latin-1")) for k, v in (row.headers or {}).items()]
    headers += [
        (b"content-length", str(len(body)).encode()),
        (REPLAYED_HEADER.lower().encode(), b"true"),
    ]
    await send({"type": "http.response.start", "status": int(row.status_code or 200), "headers": headers})
    await send({"type": "http.response.body", "body": body})
