"""The outermost CompanyOS middleware (inside the OpenTelemetry one): request id, body limit,
metrics, access log, span naming and a last-resort problem for anything that escapes.

It sees every request, including ``/oauth2`` (Flask) and ``/metrics``.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from connexion.exceptions import ProblemException
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from companyos_server.platform.logs import ACCESS_LOGGER, operation_id_var
from companyos_server.platform.middleware.metrics import HttpMetrics
from companyos_server.platform.problems import PROBLEM_JSON, PayloadTooLarge, Problem
from companyos_server.platform.requestctx import request_id_var, scope_state
from companyos_server.platform.storage import new_id
from companyos_server.platform.telemetry import current_trace_ids, name_server_span

REQUEST_ID_HEADER = "x-request-id"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
EXCLUDED_FROM_METRICS = ("/metrics",)

access_log = logging.getLogger(ACCESS_LOGGER)
logger = logging.getLogger("companyos.errors")


def accept_request_id(value: str | None) -> str:
    """The caller's request id when sane (≤ 128 of [A-Za-z0-9._-]), else a fresh ``req_…``."""
    if value and _REQUEST_ID.match(value):
        return value
    return new_id("req")


def plain_operation_id(routed: str | None) -> str | None:
    """The contract's operationId: connexion reports it resolved (``pkg.module.func``)."""
    if not routed:
        return None
    return str(routed).rsplit(".", 1)[-1]


def routed_operation(scope: Scope) -> str | None:
    state = scope_state(scope)  # type: ignore[arg-type]
    op = state.get("operation_id")
    if op:
        return str(op)
    routing = scope.get("extensions", {}).get("connexion_routing", {})
    return plain_operation_id(routing.get("operation_id"))


async def send_problem(send: Send, problem: Problem) -> None:
    body = problem.encode()
    headers = [
        (b"content-type", PROBLEM_JSON.encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    headers += [
        (k.lower().encode("latin-1"), str(v).encode("latin-1")) for k, v in problem.response_headers().items()
    ]
    await send({"type": "http.response.start", "status": problem.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class PlatformMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        metrics: HttpMetrics,
        max_body_bytes: int,
        route_of: Any = None,
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.max_body_bytes = max_body_bytes
        self.route_of = route_of or (lambda operation_id: None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started_at = time.perf_counter()
        headers = Headers(scope=scope)
        request_id = accept_request_id(headers.get(REQUEST_ID_HEADER))
        state = scope_state(scope)  # type: ignore[arg-type]
        state["request_id"] = request_id
        state["path"] = scope.get("path", "")
        state.setdefault("response_headers", {})
        rid_token = request_id_var.set(request_id)
        op_token = operation_id_var.set(None)
        response: dict[str, Any] = {"status": None}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                response["status"] = message["status"]
                out = MutableHeaders(scope=message)
                out[REQUEST_ID_HEADER] = request_id
                for key, value in state.get("response_headers", {}).items():
                    if key not in out:
                        out[key] = value
                # Name the span now: OpenTelemetry ends it with the last body message.
                operation_id = routed_operation(scope)
                name_server_span(scope.get("method", "GET"), self.route_of(operation_id), operation_id)
            await send(message)

        limit = self.max_body_bytes
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise PayloadTooLarge(limit)
            return message

        try:
            early = self._check_content_length(headers)
            if early is None and "chunked" in headers.get("transfer-encoding", "").lower():
                # Chunked bodies are buffered (bounded) and given a Content-Length: connexion's
                # validators treat a body without one as missing.
                early, receive = await self._dechunk(scope, receive)
                limited = receive
            else:
                limited = limited_receive
            if early is not None:
                early.instance = state["path"]
                early.request_id = request_id
                await send_problem(send_wrapper, early)
            else:
                await self.app(scope, limited, send_wrapper)
        except Exception as exc:
            if response["status"] is not None:
                logger.error("error after the response started", exc_info=exc)
                raise
            await send_problem(send_wrapper, self._problem_for(exc, state["path"], request_id))
        finally:
            duration = time.perf_counter() - started_at
            operation_id = routed_operation(scope)
            status = response["status"] or 500
            method = scope.get("method", "GET")
            if state["path"] not in EXCLUDED_FROM_METRICS:
                self.metrics.observe(operation_id, method, status, duration)
            self._access_log(scope, state, operation_id, status, duration)
            operation_id_var.reset(op_token)
            request_id_var.reset(rid_token)

    def _check_content_length(self, headers: Headers) -> Problem | None:
        raw = headers.get("content-length")
        if raw is None:
            return None
        try:
            length = int(raw)
            if length < 0:
                raise ValueError(raw)
        except ValueError:
            return Problem(
                400, "Bad Request", "The Content-Length header is not a valid length.", "bad-request"
            )
        if length > self.max_body_bytes:
            return Problem(
                413,
                "Payload Too Large",
                f"The request body exceeds the limit of {self.max_body_bytes} bytes.",
                "payload-too-large",
            )
        return None

    async def _dechunk(self, scope: Scope, receive: Receive) -> tuple[Problem | None, Receive]:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # client went away
                return None, _replay([message], receive)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return (
                    Problem(
                        413,
                        "Payload Too Large",
                        f"The request body exceeds the limit of {self.max_body_bytes} bytes.",
                        "payload-too-large",
                    ),
                    receive,
                )
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        scope["headers"] = [
            (k, v)
            for k, v in scope.get("headers", [])
            if k.lower() not in (b"content-length", b"transfer-encoding")
        ] + [(b"content-length", str(len(body)).encode())]
        return None, _replay([{"type": "http.request", "body": body, "more_body": False}], receive)

    @staticmethod
    def _problem_for(exc: Exception, path: str, request_id: str) -> Problem:
        if isinstance(exc, ProblemException) and int(exc.status or 500) < 500:
            return Problem(
                int(exc.status),
                exc.title,
                str(exc.detail) if exc.detail else None,
                type=exc.type if exc.type and exc.type != "about:blank" else None,
                instance=path,
                request_id=request_id,
                extra=dict(exc.ext or {}),
                headers=dict(exc.headers or {}),
            )
        logger.error("unhandled %s outside the API", type(exc).__name__, exc_info=exc, extra={"status": 500})
        return Problem(
            500,
            "Internal Server Error",
            "An unexpected error occurred. Quote the request id when reporting it.",
            "internal",
            instance=path,
            request_id=request_id,
        )

    @staticmethod
    def _access_log(
        scope: Scope, state: dict[str, Any], operation_id: str | None, status: int, duration: float
    ) -> None:
        ctx = state.get("tenant_context")
        trace_id, _ = current_trace_ids()
        level = logging.ERROR if status >= 500 else logging.INFO
        access_log.log(
            level,
            "%s %s %s",
            scope.get("method"),
            state.get("path"),
            status,
            extra={
                "request_id": state.get("request_id"),
                "operation_id": operation_id,
                "tenant_id": getattr(ctx, "tenant_id", None),
                "status": status,
                "duration_ms": round(duration * 1000, 3),
                "method": scope.get("method"),
                "path": state.get("path"),
                "trace_id": trace_id,
            },
        )


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def receive_() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return receive_
