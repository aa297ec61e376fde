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
from companyos._types import NOT_GIVEN, Headers, NotGiven, TimeoutTypes
from companyos.resources import (
    Alerts,
    AsyncAlerts,
    AsyncAudit,
    AsyncDeployments,
    AsyncEvidence,
    AsyncGraph,
    AsyncIdentity,
    AsyncIncidents,
    AsyncInspect,
    AsyncJobs,
    AsyncMaestro,
    AsyncPolicies,
    AsyncSearch,
    AsyncServices,
    AsyncSystem,
    AsyncTenantConfig,
    AsyncTenants,
    Audit,
    Deployments,
    Evidence,
    Graph,
    Identity,
    Incidents,
    Inspect,
    Jobs,
    Maestro,
    Policies,
    Search,
    Services,
    System,
    TenantConfig,
    Tenants,
)

if TYPE_CHECKING:
    from companyos._breaker import CircuitBreaker
    from companyos._retry import RetryPolicy
    from companyos.auth import Auth
    from companyos.offline import AsyncOffline, Offline, OfflineQueue

__all__ = ["AsyncClient", "Client"]

_DOC = """
    Parameters:
    - `base_url`: the API root (default `COMPANYOS_BASE_URL`, else `http://127.0.0.1:8080`).
    - `auth`: a credential from `companyos.auth`, or an access-token string.
    - `tenant`, `environment`: the default context for tenant/environment-scoped calls (each call can
      override it with `tenant=`); a scoped call without one raises `ValueError` before any I/O.
    - `timeout`: seconds or an `httpx.Timeout` (default connect 5 s, read 60 s).
    - `max_retries`: retries on connection errors, timeouts, 408, 429 and 5xx (default 2).
    - `retry_policy`: backoff and `Retry-After` cap (`RetryPolicy`).
    - `circuit_breaker`: `True` or a `CircuitBreaker` to fail fast on a failing host.
    - `on_step_up`: `hook(StepUpChallenge)` returning a new credential (Auth, Token or token string)
      or None; without it a step-up challenge raises `StepUpRequired`.
    - `offline`: `True` or an `OfflineQueue` to queue mutations made while the API is unreachable.
    - `http_client`: your own httpx client (proxies, transports, `ASGITransport` in tests).
"""


class Client(SyncAPIClient):
    __doc__ = "The synchronous CompanyOS client.\n" + _DOC

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        auth: Auth | str | None = None,
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
    def system(self) -> System:
        return System(self)

    @property
    def identity(self) -> Identity:
        return Identity(self)

    @property
    def tenants(self) -> Tenants:
        return Tenants(self)

    @property
    def audit(self) -> Audit:
        return Audit(self)

    @property
    def jobs(self) -> Jobs:
        return Jobs(self)

    @property
    def services(self) -> Services:
        return Services(self)

    @property
    def deployments(self) -> Deployments:
        return Deployments(self)

    @property
    def tenant_config(self) -> TenantConfig:
        return TenantConfig(self)

    @property
    def alerts(self) -> Alerts:
        return Alerts(self)

    @property
    def incidents(self) -> Incidents:
        return Incidents(self)

    @property
    def policies(self) -> Policies:
        return Policies(self)

    @property
    def maestro(self) -> Maestro:
        return Maestro(self)

    @property
    def search(self) -> Search:
        return Search(self)

    @property
    def inspect(self) -> Inspect:
        return Inspect(self)

    @property
    def graph(self) -> Graph:
        return Graph(self)

    @property
    def evidence(self) -> Evidence:
        return Evidence(self)

    @property
    def offline(self) -> Offline:
        from companyos.offline import Offline

        return Offline(self)

    @property
    def with_raw_response(self) -> Client:
        """The same client, whose calls return `APIResponse` (status, headers, request id, `.parse()`)."""
        return self._copy_with(_raw=True)  # type: ignore[no-any-return]

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


class AsyncClient(AsyncAPIClient):
    __doc__ = (
        "The asynchronous CompanyOS client (same behaviour as `Client`; hooks may be coroutines).\n" + _DOC
    )

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        auth: Auth | str | None = None,
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
    def system(self) -> AsyncSystem:
        return AsyncSystem(self)

    @property
    def identity(self) -> AsyncIdentity:
        return AsyncIdentity(self)

    @property
    def tenants(self) -> AsyncTenants:
        return AsyncTenants(self)

    @property
    def audit(self) -> AsyncAudit:
        return AsyncAudit(self)

    @property
    def jobs(self) -> AsyncJobs:
        return AsyncJobs(self)

    @property
    def services(self) -> AsyncServices:
        return AsyncServices(self)

    @property
    def deployments(self) -> AsyncDeployments:
        return AsyncDeployments(self)

    @property
    def tenant_config(self) -> AsyncTenantConfig:
        return AsyncTenantConfig(self)

    @property
    def alerts(self) -> AsyncAlerts:
        return AsyncAlerts(self)

    @property
    def incidents(self) -> AsyncIncidents:
        return AsyncIncidents(self)

    @property
    def policies(self) -> AsyncPolicies:
        return AsyncPolicies(self)

    @property
    def maestro(self) -> AsyncMaestro:
        return AsyncMaestro(self)

    @property
    def search(self) -> AsyncSearch:
        return AsyncSearch(self)

    @property
    def inspect(self) -> AsyncInspect:
        return AsyncInspect(self)

    @property
    def graph(self) -> AsyncGraph:
        return AsyncGraph(self)

    @property
    def evidence(self) -> AsyncEvidence:
        return AsyncEvidence(self)

    @property
    def offline(self) -> AsyncOffline:
        from companyos.offline import AsyncOffline

        return AsyncOffline(self)

    @property
    def with_raw_response(self) -> AsyncClient:
        """The same client, whose calls return `APIResponse` (status, headers, request id, `.parse()`)."""
        return self._copy_with(_raw=True)  # type: ignore[no-any-return]

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
