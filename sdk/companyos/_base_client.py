"""Transport, written once: the request flow (retries, auth, step-up, telemetry, offline queueing) is an
I/O-free generator in ``BaseClient``; ``SyncAPIClient`` and ``AsyncAPIClient`` only drive it.
"""

from __future__ import annotations

import copy
import os
import platform
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import quote

import httpx

from companyos._breaker import CircuitBreaker
from companyos._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    CircuitOpenError,
    MutationQueued,
    StepUpRequired,
    make_status_error,
)
from companyos._flow import Call, Flow, Send, Sleep, run_async, run_sync
from companyos._logs import logger, redact, redact_headers, setup_logging
from companyos._retry import RetryPolicy
from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos._version import API_VERSION, __version__
from companyos.auth._base import Auth, AuthContext, StaticToken, StepUpChallenge, Token

if TYPE_CHECKING:
    from companyos.offline import FlushResult, OfflineQueue, QueueEntry

__all__ = ["APIResponse", "AsyncAPIClient", "BaseClient", "RequestSpec", "SyncAPIClient"]

T = TypeVar("T")

DEFAULT_BASE_URL = "http://127.0.0.1:8080"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
MUTATING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
StepUpHook = Callable[[StepUpChallenge], Any]


def _json(response: httpx.Response) -> Any:
    return response.json()


@dataclass(frozen=True)
class RequestSpec:
    """One operation call as a resource method describes it (nothing resolved yet)."""

    method: str
    path: str  # template, e.g. "/v1/tenants/{tenant_id}/jobs/{job_id}"
    operation_id: str
    path_params: Mapping[str, str] = field(default_factory=dict)
    tenant: str | None = None
    environment: str | None = None
    query: Mapping[str, Any] | None = None
    json: Any = None
    headers: Mapping[str, str] | None = None
    extra_headers: Headers | None = None
    extra_query: Query | None = None
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    idempotency_key: str | None = None
    cast: Callable[[httpx.Response], Any] = _json
    # A raw request body (application/octet-stream uploads); never queued offline.
    content: bytes | None = None


@dataclass
class Prepared:
    """A spec resolved against the client: concrete path, headers, timeout, retries, ids."""

    method: str
    path: str
    operation_id: str
    query: dict[str, Any]
    json: Any
    headers: dict[str, str]
    timeout: httpx.Timeout
    max_retries: int
    request_id: str
    idempotency_key: str | None
    tenant: str | None
    queueable: bool = True
    content: bytes | None = None


class APIResponse(Generic[T]):
    """The raw HTTP response of a call made through ``client.with_raw_response``."""

    def __init__(self, response: httpx.Response, cast: Callable[[httpx.Response], T]) -> None:
        self.http_response = response
        self._cast = cast

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        return self.http_response.headers.get("x-request-id")

    def parse(self) -> T:
        return self._cast(self.http_response)

    def __repr__(self) -> str:
        return f"<APIResponse {self.status_code} request_id={self.request_id}>"


def _timeout(value: TimeoutTypes | NotGiven, default: httpx.Timeout) -> httpx.Timeout:
    if isinstance(value, NotGiven):
        return default
    if isinstance(value, httpx.Timeout):
        return value
    if value is None:
        return httpx.Timeout(None)
    return httpx.Timeout(float(value), connect=min(float(value), default.connect or float(value)))


class BaseClient:
    """State and I/O-free logic shared by ``Client`` and ``AsyncClient``."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None,
        auth: Auth | str | None,
        tenant: str | None,
        environment: str | None,
        timeout: TimeoutTypes | NotGiven,
        max_retries: int,
        retry_policy: RetryPolicy | None,
        circuit_breaker: CircuitBreaker | bool | None,
        on_step_up: StepUpHook | None,
        default_headers: Headers | None,
        offline: OfflineQueue | bool | None,
        clock: Callable[[], float] | None,
    ) -> None:
        from companyos import _env

        setup_logging()
        self.base_url: httpx.URL = httpx.URL(str(base_url or _env.base_url() or DEFAULT_BASE_URL))
        self._base = str(self.base_url).rstrip("/")
        self.auth: Auth | None = StaticToken(auth) if isinstance(auth, str) else auth
        self.tenant = tenant
        self.environment = environment
        self.timeout: httpx.Timeout = _timeout(timeout, DEFAULT_TIMEOUT)
        self.max_retries = max_retries
        self.retry_policy: RetryPolicy = retry_policy or RetryPolicy()
        self.circuit_breaker: CircuitBreaker | None = (
            CircuitBreaker() if circuit_breaker is True else (circuit_breaker or None)
        )
        self.on_step_up = on_step_up
        self._default_headers = dict(default_headers or {})
        if offline is True:
            from companyos.offline import OfflineQueue

            offline = OfflineQueue()
        self.offline_queue: OfflineQueue | None = offline or None
        self._clock = clock or time.time
        self._raw = False
        self.user_agent: str = (
            f"companyos-python/{__version__} (api {API_VERSION}; python {platform.python_version()}; "
            f"httpx {httpx.__version__})"
        )

    # -- options ---------------------------------------------------------------------------------
    def _copy_with(self: Any, **changes: Any) -> Any:
        clone = copy.copy(self)
        for name, value in changes.items():
            if isinstance(value, NotGiven):
                continue
            if name == "timeout":
                value = _timeout(value, self.timeout)
            setattr(clone, name, value)
        return clone

    # -- request preparation (raises before any I/O) ----------------------------------------------
    def _prepare(self, spec: RequestSpec) -> Prepared:
        values = dict(spec.path_params)
        tenant: str | None = None
        if "{tenant_id}" in spec.path:
            tenant = spec.tenant or self.tenant
            if not tenant:
                raise ValueError(
                    f"{spec.operation_id} is tenant-scoped: pass tenant=... to the call or to the client "
                    "(the SDK never guesses a tenant)"
                )
            values["tenant_id"] = tenant
        if "{environment}" in spec.path:
            environment = values.get("environment") or spec.environment or self.environment
            if not environment:
                raise ValueError(
                    f"{spec.operation_id} is environment-scoped: pass environment=... to the call or the client"
                )
            values["environment"] = environment
        for name, value in values.items():
            if not isinstance(value, str) or not value:
                raise ValueError(f"{spec.operation_id}: path parameter {name!r} must be a non-empty string")
        path = spec.path.format(**{k: _quote(v) for k, v in values.items()})
        query = {k: v for k, v in {**(spec.query or {}), **(spec.extra_query or {})}.items() if v is not None}
        headers = {
            "Accept": "application/json",
            "User-Agent": self.user_agent,
            **self._default_headers,
            **{k: v for k, v in (spec.headers or {}).items() if v is not None},
            **(spec.extra_headers or {}),
        }
        request_id = headers.pop("X-Request-Id", None) or f"req_{_random_hex()}"
        idempotency_key = spec.idempotency_key or headers.pop("Idempotency-Key", None)
        if spec.method in MUTATING_METHODS and idempotency_key is None:
            idempotency_key = f"idk_{_random_hex()}"
        max_retries = self.max_retries if isinstance(spec.max_retries, NotGiven) else spec.max_retries
        return Prepared(
            method=spec.method,
            path=path,
            operation_id=spec.operation_id,
            query=query,
            json=spec.json,
            headers=headers,
            timeout=_timeout(spec.timeout, self.timeout),
            max_retries=max(0, int(max_retries)),
            request_id=request_id,
            idempotency_key=idempotency_key,
            tenant=tenant,
            queueable=spec.content is None,
            content=spec.content,
        )

    def _build_request(self, p: Prepared, token: str | None, attempt: int) -> httpx.Request:
        headers = dict(p.headers)
        headers["X-Request-Id"] = p.request_id
        if p.idempotency_key is not None:
            headers["Idempotency-Key"] = p.idempotency_key
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if attempt:
            headers["X-CompanyOS-Retry-Count"] = str(attempt)
        if p.content is not None and not any(k.lower() == "content-type" for k in headers):
            headers["Content-Type"] = "application/octet-stream"
        return httpx.Request(
            p.method,
            self._base + p.path,
            params=p.query or None,
            json=p.json,
            content=p.content,
            headers=headers,
            extensions={"timeout": p.timeout.as_dict()},
        )

    def _auth_context(self) -> AuthContext:
        return AuthContext(
            base_url=self.base_url,
            now=self._clock,
            headers={"User-Agent": self.user_agent},
            retry_policy=self.retry_policy,
            max_retries=self.max_retries,
        )

    # -- the request flow ---------------------------------------------------------------------------
    def _request_flow(self, p: Prepared) -> Flow[httpx.Response]:
        from companyos import _telemetry

        host = self.base_url.host
        span = _telemetry.start_span(
            f"companyos.{p.operation_id}",
            lambda: {
                "http.request.method": p.method,
                "server.address": host,
                "companyos.operation_id": p.operation_id,
                "companyos.request_id": p.request_id,
                **({"companyos.tenant": p.tenant} if p.tenant else {}),
            },
        )
        status: int | None = None
        failure: BaseException | None = None
        try:
            attempt = 0
            refreshed = stepped_up = False
            while True:
                if self.circuit_breaker is not None and not self.circuit_breaker.allow(host, self._clock()):
                    raise CircuitOpenError(f"circuit open for {host}; failing fast")
                token = None
                if self.auth is not None:
                    token = self.auth.ready_token()
                    if token is None:
                        token = yield from self.auth.token_flow(self._auth_context())
                request = self._build_request(p, token, attempt)
                _telemetry.inject(span, request.headers)
                if logger.isEnabledFor(10):
                    logger.debug(
                        "→ %s %s request_id=%s attempt=%d headers=%s body=%s",
                        p.method,
                        request.url,
                        p.request_id,
                        attempt + 1,
                        redact_headers(request.headers),
                        redact(p.json),
                    )
                result = yield Send(request)
                if isinstance(result, BaseException):
                    error: APIConnectionError = (
                        APITimeoutError(request=request)
                        if isinstance(result, httpx.TimeoutException)
                        else APIConnectionError(f"Connection error: {result}", request=request)
                    )
                    if self.circuit_breaker is not None:
                        self.circuit_breaker.record_failure(host, self._clock())
                    if attempt < p.max_retries:
                        delay = self.retry_policy.delay(attempt, None, self._clock())
                        logger.info(
                            "%s; retrying in %.2f s (request_id=%s)", error.message, delay, p.request_id
                        )
                        yield Sleep(delay)
                        attempt += 1
                        continue
                    raise error from result
                response: httpx.Response = result
                status = response.status_code
                logger.debug("← %s %s request_id=%s", status, request.url, p.request_id)
                if self.circuit_breaker is not None:
                    if status >= 500:
                        self.circuit_breaker.record_failure(host, self._clock())
                    else:
                        self.circuit_breaker.record_success(host)
                if status == 401 and self.auth is not None:
                    challenge = StepUpChallenge.parse(response.headers.get("www-authenticate"))
                    if challenge is not None:
                        challenge = replace(challenge, request_id=response.headers.get("x-request-id"))
                        new = None
                        if self.on_step_up is not None and not stepped_up:
                            new = yield Call(self.on_step_up, (challenge,))
                        if new is None:
                            raise self._step_up_error(response, challenge)
                        self._apply_credential(new)
                        stepped_up = True
                        continue
                    if not refreshed and self.auth.can_refresh:
                        refreshed = True
                        logger.info("401: refreshing the token once (request_id=%s)", p.request_id)
                        yield from self.auth.token_flow(
                            self._auth_context(), force_refresh=True, failed_token=token
                        )
                        continue
                if self.retry_policy.should_retry_status(status) and attempt < p.max_retries:
                    delay = self.retry_policy.delay(
                        attempt, response.headers.get("retry-after"), self._clock()
                    )
                    logger.info(
                        "%s from %s; retrying in %.2f s (request_id=%s)", status, p.path, delay, p.request_id
                    )
                    yield Sleep(delay)
                    attempt += 1
                    continue
                if status >= 400:
                    raise make_status_error(response)
                return response
        except BaseException as exc:
            failure = exc
            raise
        finally:
            _telemetry.end_span(span, status_code=status, error=failure)

    def _step_up_error(self, response: httpx.Response, challenge: StepUpChallenge) -> StepUpRequired:
        base = make_status_error(response)
        return StepUpRequired(
            base.message + " (step-up authentication required)",
            response=response,
            body=base.body,
            acr_values=challenge.acr_values,
            max_age=challenge.max_age,
        )

    def _apply_credential(self, new: Any) -> None:
        """Install what ``on_step_up`` returned: an Auth, a Token, or an access-token string."""
        if isinstance(new, Auth):
            self.auth = new
            return
        token = new if isinstance(new, Token) else Token(access_token=str(new))
        if self.auth is None:
            self.auth = StaticToken(token.access_token)
        else:
            self.auth.set_token(token)

    # -- offline queue ------------------------------------------------------------------------------
    def _call_flow(self, p: Prepared) -> Flow[httpx.Response]:
        queue = self.offline_queue
        if queue is None or p.method not in MUTATING_METHODS or not p.queueable:
            return self._request_flow(p)  # no generator layer of its own: this is every request's path
        return self._queued_flow(p, queue)

    def _queued_flow(self, p: Prepared, queue: OfflineQueue) -> Flow[httpx.Response]:
        if queue.pending():
            yield from self._flush_flow()
            if queue.pending():
                entry = queue.append(p)
                raise MutationQueued(entry_id=entry.id, idempotency_key=p.idempotency_key, request=None)
        try:
            return (yield from self._request_flow(p))
        except MutationQueued:
            raise
        except APIConnectionError as exc:
            entry = queue.append(p)
            logger.warning("API unreachable; queued %s %s as %s", p.method, p.path, entry.id)
            raise MutationQueued(
                entry_id=entry.id, idempotency_key=p.idempotency_key, request=exc.request
            ) from exc

    def _flush_flow(self) -> Flow[FlushResult]:
        from companyos.offline import FlushResult

        queue = self.offline_queue
        result = FlushResult()
        if queue is None:
            return result
        for entry in queue.entries():
            p = self._prepared_from_entry(entry)
            try:
                response = yield from self._request_flow(p)
            except APIConnectionError:
                break
            except APIStatusError as exc:
                queue.reject(entry, exc.status_code)
                result.rejected.append((entry.id, exc))
                continue
            queue.remove(entry)
            result.replayed.append((entry.id, response.status_code))
        result.remaining = queue.pending()
        return result

    def _prepared_from_entry(self, entry: QueueEntry) -> Prepared:
        return Prepared(
            method=entry.method,
            path=entry.path,
            operation_id=entry.operation_id,
            query=dict(entry.query),
            json=entry.json,
            headers={"Accept": "application/json", "User-Agent": self.user_agent, **entry.headers},
            timeout=self.timeout,
            max_retries=self.max_retries,
            request_id=entry.request_id,
            idempotency_key=entry.idempotency_key,
            tenant=entry.tenant,
            queueable=False,
        )


def _quote(value: str) -> str:
    return quote(value, safe="")


def _random_hex() -> str:
    """128 random bits as 32 hex digits (the shape of ``uuid4().hex``, without building a UUID)."""
    return os.urandom(16).hex()


class SyncAPIClient(BaseClient):
    """Drives the flows with an ``httpx.Client``."""

    def __init__(
        self,
        *,
        http_client: httpx.Client | None,
        sleep: Callable[[float], Any] | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(timeout=self.timeout, follow_redirects=False)
        self._sleep = sleep or time.sleep

    def _run(self, flow: Flow[T]) -> T:
        return run_sync(flow, self._http, self._sleep)

    def _request(self, spec: RequestSpec) -> Any:
        p = self._prepare(spec)
        response = self._run(self._call_flow(p))
        if self._raw:
            return APIResponse(response, spec.cast)
        return spec.cast(response)

    def _paginate(self, spec: RequestSpec) -> Any:
        from companyos._pagination import SyncPager, _spec_for

        if self._raw:  # with_raw_response: the first page's raw response
            return self._request(_spec_for(spec, None))
        return SyncPager(self, spec)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncAPIClient(BaseClient):
    """Drives the flows with an ``httpx.AsyncClient``."""

    def __init__(
        self,
        *,
        http_client: httpx.AsyncClient | None,
        sleep: Callable[[float], Any] | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(timeout=self.timeout, follow_redirects=False)
        if sleep is None:
            import asyncio

            sleep = asyncio.sleep
        self._sleep = sleep

    async def _run(self, flow: Flow[T]) -> T:
        return await run_async(flow, self._http, self._sleep)

    async def _request(self, spec: RequestSpec) -> Any:
        p = self._prepare(spec)
        response = await self._run(self._call_flow(p))
        if self._raw:
            return APIResponse(response, spec.cast)
        return spec.cast(response)

    def _paginate(self, spec: RequestSpec) -> Any:
        from companyos._pagination import AsyncPager, _spec_for

        if self._raw:  # with_raw_response: the first page's raw response
            return self._request(_spec_for(spec, None))
        return AsyncPager(self, spec)

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self: T) -> T:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
