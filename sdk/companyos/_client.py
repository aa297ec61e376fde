"""``Client`` and ``AsyncClient``: configuration, resource namespaces, raw responses, offline control."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx

from companyos._base_client import (
    DEFAULT_MAX_RETRIES,
    AsyncAPIClient,
    StepUpHook,
    SyncAPIClient,
)
from companyos._client_resources import AsyncClientResources, ClientResources
from companyos._env import HOW_TO_AUTHENTICATE, MissingCredentialsError
from companyos._types import NOT_GIVEN, Headers, NotGiven, TimeoutTypes

if TYPE_CHECKING:
    from companyos._breaker import CircuitBreaker
    from companyos._retry import RetryPolicy
    from companyos.auth import Auth
    from companyos.offline import AsyncOffline, Offline, OfflineQueue
    from companyos.resources import AsyncClientWithRawResponse, ClientWithRawResponse

__all__ = ["AsyncClient", "Client"]

_DOC = """
    Parameters:
    - `base_url`: the API root (default `COMPANYOS_BASE_URL`, else `http://127.0.0.1:8080`).
    - `auth`: a credential from `companyos.auth`, or an access-token string. Default: `COMPANYOS_TOKEN`,
      else `COMPANYOS_CLIENT_ID` + `COMPANYOS_CLIENT_SECRET` (client credentials, scope `COMPANYOS_SCOPE`
      or `api`); with none of them the constructor raises `MissingCredentialsError`.
    - `anonymous`: `True` to send no credential at all (public endpoints: health, signing keys, alert
      ingestion with its own key); it excludes `auth`.
    - `tenant`, `environment`: the default context for tenant/environment-scoped calls (default
      `COMPANYOS_TENANT`, `COMPANYOS_ENVIRONMENT`; each call can override it with `tenant=`); a scoped
      call without one raises `ValueError` before any I/O.
    - `timeout`: seconds or an `httpx.Timeout` (default connect 5 s, read 60 s).
    - `max_retries`: retries on connection errors, timeouts, 408, 429 and 5xx (default 2).
    - `retry_policy`: backoff and `Retry-After` cap (`RetryPolicy`).
    - `circuit_breaker`: `True` or a `CircuitBreaker` to fail fast on a failing host.
    - `on_step_up`: `hook(StepUpChallenge)` returning a new credential (Auth, Token or token string)
      or None; without it a step-up challenge raises `StepUpRequired`.
    - `offline`: `True` or an `OfflineQueue` to queue mutations made while the API is unreachable.
    - `http_client`: your own httpx client (proxies, transports, `ASGITransport` in tests).
"""


def _from_environment(
    auth: Auth | str | None, anonymous: bool, tenant: str | None, environment: str | None
) -> tuple[Auth | str | None, str | None, str | None]:
    """Fill what the caller left out from the shared ``COMPANYOS_*`` variables; no credential is an error."""
    from companyos import _env

    if anonymous:
        if auth is not None:
            raise ValueError("pass either auth=... or anonymous=True, not both")
    elif auth is None:
        found = _env.credential()
        if found is None:
            raise MissingCredentialsError(f"no credentials: {HOW_TO_AUTHENTICATE}")
        auth = found[0]
    return auth, tenant or _env.tenant(), environment or _env.environment()


class Client(ClientResources, SyncAPIClient):
    __doc__ = "The synchronous CompanyOS client.\n" + _DOC

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        auth: Auth | str | None = None,
        anonymous: bool = False,
        tenant: str | None = None,
        environment: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        circuit_breaker: CircuitBreaker | bool | None = None,
        on_step_up: StepUpHook | None = None,
        default_headers: Headers | None = None,
        offline: OfflineQueue | bool | None = None,
        http_client: httpx.Client | None = None,
        _clock: Callable[[], float] | None = None,
        _sleep: Callable[[float], Any] | None = None,
    ) -> None:
        auth, tenant, environment = _from_environment(auth, anonymous, tenant, environment)
        super().__init__(
            http_client=http_client,
            sleep=_sleep,
            base_url=base_url,
            auth=auth,
            tenant=tenant,
            environment=environment,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            circuit_breaker=circuit_breaker,
            on_step_up=on_step_up,
            default_headers=default_headers,
            offline=offline,
            clock=_clock,
        )

    @property
    def offline(self) -> Offline:
        from companyos.offline import Offline

        return Offline(self)

    @property
    def with_raw_response(self) -> ClientWithRawResponse:
        """Every resource, each call returning `APIResponse[T]` (status, headers, request id, `.parse()`)."""
        from companyos.resources import ClientWithRawResponse

        return ClientWithRawResponse(self)

    def with_options(
        self,
        *,
        tenant: str | NotGiven | None = NOT_GIVEN,
        environment: str | NotGiven | None = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Client:
        """A copy with other defaults, sharing the connection pool, credential and offline queue."""
        return self._copy_with(  # type: ignore[no-any-return]
            tenant=tenant, environment=environment, timeout=timeout, max_retries=max_retries
        )


class AsyncClient(AsyncClientResources, AsyncAPIClient):
    __doc__ = (
        "The asynchronous CompanyOS client (same behaviour as `Client`; hooks may be coroutines).\n" + _DOC
    )

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        auth: Auth | str | None = None,
        anonymous: bool = False,
        tenant: str | None = None,
        environment: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_policy: RetryPolicy | None = None,
        circuit_breaker: CircuitBreaker | bool | None = None,
        on_step_up: StepUpHook | None = None,
        default_headers: Headers | None = None,
        offline: OfflineQueue | bool | None = None,
        http_client: httpx.AsyncClient | None = None,
        _clock: Callable[[], float] | None = None,
        _sleep: Callable[[float], Any] | None = None,
    ) -> None:
        auth, tenant, environment = _from_environment(auth, anonymous, tenant, environment)
        super().__init__(
            http_client=http_client,
            sleep=_sleep,
            base_url=base_url,
            auth=auth,
            tenant=tenant,
            environment=environment,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            circuit_breaker=circuit_breaker,
            on_step_up=on_step_up,
            default_headers=default_headers,
            offline=offline,
            clock=_clock,
        )

    @property
    def offline(self) -> AsyncOffline:
        from companyos.offline import AsyncOffline

        return AsyncOffline(self)

    @property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """Every resource, each call returning `APIResponse[T]` (status, headers, request id, `.parse()`)."""
        from companyos.resources import AsyncClientWithRawResponse

        return AsyncClientWithRawResponse(self)

    def with_options(
        self,
        *,
        tenant: str | NotGiven | None = NOT_GIVEN,
        environment: str | NotGiven | None = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncClient:
        """A copy with other defaults, sharing the connection pool, credential and offline queue."""
        return self._copy_with(  # type: ignore[no-any-return]
            tenant=tenant, environment=environment, timeout=timeout, max_retries=max_retries
        )
