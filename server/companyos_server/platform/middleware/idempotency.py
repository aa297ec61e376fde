"""Idempotency-Key for every POST (stored in SQL, so every worker sees it).

Keyed by (principal subject, tenant, method, path, key). The first request is recorded as in
flight with a sha256 fingerprint of its body; its response (status, selected headers, body) is
stored when it completes. A repeat with the same body replays that response with
``Idempotent-Replayed: true``; a different body is 409; a repeat while the first is still running
is 409 too. A replay is the first request's answer, not a second action: it marks the request
(``is_replay``) so the audit middleware does not append another event. 5xx responses and errors raised as exceptions (validation, domain errors — their
transactions rolled back) are not stored, so a retry runs again. Entries expire after 24 h.

Transactions (docs/adr/0003-hot-path.md): the in-flight record is written in one transaction with the
edge guard's decision for the request (:data:`PENDING_DECISION`), before the handler runs; the stored
response is written in one transaction with the request's audit event (:data:`AUDIT_JOIN`), before the
response is forwarded, so a stored answer exists exactly when its audit event does. Should the joint
write fail, each is written on its own as before.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from urllib.parse import parse_qsl

import anyio
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
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
# Scope-state keys shared with the guard and the audit middleware (which import this module):
# the guard leaves an allowed POST's decision here (a ``(write_in(session), write_alone())`` pair) for
# :meth:`IdempotencyStore.begin` to insert in its transaction; the audit middleware leaves a
# ``join(session, status) -> after_commit | None`` that appends the request's event inside the
# transaction storing the response, and looks for ``AUDIT_JOINED`` before appending on its own.
PENDING_DECISION = "companyos.pending_decision"
AUDIT_JOIN = "companyos.audit_join"
AUDIT_JOINED = "companyos.audit_joined"


def is_replay(scope: Scope) -> bool:
    """Whether this request was answered from a stored response (the action itself was audited once)."""
    return bool(scope_state(scope).get(REPLAY_STATE))  # type: ignore[arg-type]


class IdempotencyStore:
    def __init__(self, db: Database, *, ttl: timedelta = TTL, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.ttl = ttl
        self.clock = clock

    def begin(
        self,
        ident: str,
        parts: dict[str, Any],
        fingerprint: str,
        *,
        before: Callable[[Session], Any] | None = None,
    ) -> tuple[str, Any]:
        """'new' (recorded in flight), 'replay' (the stored row), 'mismatch' or 'in_flight'.

        ``before(session)`` runs first inside the same transaction (the request's policy decision), so
        both are durable together before the request goes on, whatever the outcome.
        """
        table = IdempotencyKeyRow.__table__
        for _ in range(3):
            now = self.clock()
            try:
                with self.db.session() as session:
                    if before is not None:
                        before(session)
                    row = session.execute(select(table).where(table.c.id == ident)).first()
                    if row is not None and (
                        row.expires_at <= now
                        or (row.state == "in_flight" and row.created_at + STALE_IN_FLIGHT <= now)
                    ):
                        session.execute(delete(IdempotencyKeyRow).where(IdempotencyKeyRow.id == ident))
                        row = None
                    if row is not None:
                        if row.fingerprint != fingerprint:
                            return "mismatch", row
                        if row.state == "in_flight":
                            return "in_flight", row
                        return "replay", row
                    session.execute(
                        insert(IdempotencyKeyRow).values(
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
        if before is not None:
            with self.db.session() as session:
                before(session)
        return "in_flight", None

    def complete(
        self,
        ident: str,
        status: int,
        headers: dict[str, str],
        body: bytes,
        *,
        also: Callable[[Session], Any] | None = None,
    ) -> tuple[bool, Any]:
        """Store the response. With ``also``, ``also(session)`` (the request's audit event) is written in
        the same transaction after it; returns ``(True, what also returned)`` when that transaction
        committed. Should it fail, the response is stored alone (logged) and ``(False, None)`` returned:
        the caller then writes the other part on its own."""
        stored = (
            update(IdempotencyKeyRow)
            .where(IdempotencyKeyRow.id == ident)
            .values(state="completed", status_code=status, headers=headers, body=body)
            .execution_options(synchronize_session=False)
        )
        if also is not None:
            try:
                with self.db.session() as session:
                    session.execute(stored)
                    return True, also(session)
            except Exception:
                logger.exception("could not store the response and its audit event together; apart now")
        with self.db.session() as session:
            session.execute(stored)
        return False, None

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


_CONDITIONAL_HEADERS = (b"if-match", b"if-none-match")


def request_fingerprint(scope: Scope, body: bytes) -> str:
    """What makes two requests "the same" for a key: the body, the query parameters (``?dry_run=true``
    turns a run into a preview; in a canonical order so reordering is not a mismatch) and the conditional
    headers (another ``If-None-Match`` asks another question)."""
    query = sorted(
        parse_qsl(bytes(scope.get("query_string") or b"").decode("latin-1"), keep_blank_values=True)
    )
    conditions = sorted(
        (name.decode("latin-1").lower(), value.decode("latin-1"))
        for name, value in scope.get("headers") or []
        if name.lower() in _CONDITIONAL_HEADERS
    )
    digest = hashlib.sha256(json.dumps(query).encode())
    if conditions:
        digest.update(json.dumps(conditions).encode())
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

        decision = state.pop(PENDING_DECISION, None)
        try:
            outcome, row = await anyio.to_thread.run_sync(
                partial(self.store.begin, before=decision[0] if decision else None), ident, parts, fingerprint
            )
        except BaseException:
            if decision is not None:  # the decision is durable whatever became of the request
                with anyio.CancelScope(shield=True):
                    await anyio.to_thread.run_sync(decision[1])
            raise
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
        # The response is held back until it is complete, stored (with its audit event) and only then
        # forwarded: a client never holds an answer that a retry with the same key would not replay.
        held: list[Message] = []
        stored = False

        async def release() -> None:
            while held:
                await send(held.pop(0))

        async def store_then_release() -> None:
            nonlocal stored
            status = captured["status"]
            if status < 500:
                join = state.get(AUDIT_JOIN)
                also = partial(join, status=status) if join is not None else None
                joined, after_commit = await anyio.to_thread.run_sync(
                    partial(self.store.complete, also=also),
                    ident,
                    status,
                    captured["headers"],
                    bytes(captured["body"]),
                )
                stored = True
                if joined:
                    state[AUDIT_JOINED] = True
                    if after_commit is not None:
                        after_commit()
            await release()

        async def capture_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = {
                    k: v for k, v in Headers(raw=message.get("headers", [])).items() if k in REPLAYED_HEADERS
                }
                held.append(message)
                return
            if message["type"] != "http.response.body" or captured["too_big"]:
                await release()
                await send(message)
                return
            captured["body"] += message.get("body", b"")
            if len(captured["body"]) > self.max_stored_bytes:  # not stored: streamed on as it comes
                captured["too_big"] = True
                captured["body"] = bytearray()
                await release()
                await send(message)
                return
            held.append(message)
            if not message.get("more_body", False):
                await store_then_release()

        try:
            await self.app(scope, _replaying(messages, receive), capture_send)
            await release()  # a response that never finished its body
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
