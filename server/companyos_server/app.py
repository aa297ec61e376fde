"""The app factory: connexion serves the contract; a Starlette root adds identity and metrics.

Request path: platform root middleware (request id, tracing, body limit) → Starlette routes
(`/oauth2` identity provider, `/metrics`, then connexion) → connexion: routing → audit → unauthenticated
limit (requests refused for a missing or bad token: limited per address, counted) → security
→ guard (tenancy, policy, step-up) → rate limit → idempotency → validation → handler.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

import anyio.to_thread
from a2wsgi import WSGIMiddleware
from connexion import AsyncApp
from connexion.middleware import MiddlewarePosition
from connexion.options import SwaggerUIOptions
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount

from companyos_server.platform import middleware, routing, spec_validation
from companyos_server.platform.audit.middleware import AuditMiddleware
from companyos_server.platform.cache.tenants import TenantCache
from companyos_server.platform.files import private_dir
from companyos_server.platform.guard import GuardMiddleware
from companyos_server.platform.jsoncodec import FastJsonifier
from companyos_server.platform.middleware.ratelimit import UnauthenticatedLimitMiddleware
from companyos_server.platform.problems import Problem
from companyos_server.platform.requestctx import request_id_var
from companyos_server.platform.resolver import CompanyOSResolver
from companyos_server.platform.runtime import Runtime, set_runtime
from companyos_server.platform.security import SECURITY_MAP
from companyos_server.settings import Settings, get_settings


def create_api(runtime: Runtime, *, validate_responses: bool | None = None) -> AsyncApp:
    routing.install()
    spec_validation.install()
    api = AsyncApp(
        __name__,
        jsonifier=FastJsonifier(),
        security_map=SECURITY_MAP,
        swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/docs", spec_path="/v1/openapi.json"),
    )
    api.add_middleware(AuditMiddleware, position=MiddlewarePosition.BEFORE_SECURITY)
    http = middleware.platform_http(runtime)
    api.add_middleware(
        UnauthenticatedLimitMiddleware,
        position=MiddlewarePosition.BEFORE_SECURITY,  # added after audit: inside it, around security
        runtime=runtime,
        config=http.rate_config,
        limiter=http.limiter,
        metrics=http.metrics,
    )
    api.add_middleware(GuardMiddleware, position=MiddlewarePosition.BEFORE_VALIDATION)
    middleware.install(api, runtime)
    api.add_api(
        runtime.spec.connexion_document(),
        resolver=CompanyOSResolver(),
        strict_validation=True,
        validate_responses=(
            runtime.settings.validate_responses if validate_responses is None else validate_responses
        ),
    )
    return api


def create_identity_routes(runtime: Runtime) -> list[BaseRoute]:
    if not runtime.settings.builtin_idp:
        return []
    from companyos_server.platform.identity.provider import create_provider_app

    if runtime.settings.is_development:
        # authlib refuses plain-HTTP issuers other than localhost; dev and test hosts may be any name.
        os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")

    provider = create_provider_app(runtime.settings, runtime.db, runtime.keys, audit=runtime.audit)
    return [Mount("/oauth2", app=WSGIMiddleware(provider))]  # type: ignore[arg-type]


def create_app(settings: Settings | None = None, *, validate_responses: bool | None = None) -> Any:
    """Build the runtime and the whole ASGI application (the uvicorn factory)."""
    runtime = Runtime(settings or get_settings())
    return build_app(runtime, validate_responses=validate_responses)


async def _root_not_found(request: Request, exc: Exception) -> Response:
    """Paths no route matches at all (a newline in a segment escapes the catch-all mount)."""
    problem = Problem(
        404,
        detail=f"No operation is served at {request.url.path!r}.",
        instance=request.url.path,
        request_id=request_id_var.get(),
    )
    return Response(problem.encode(), status_code=404, media_type="application/problem+json")


def attach_policy_domain(runtime: Runtime) -> None:
    """Tenants' own Cedar policies join the built-ins, approved policy exceptions waive the forbids they
    name, and every edge decision is recorded."""
    from companyos_server.domains.policies import hook

    runtime.policy.attach_tenant_policies(partial(hook.policies_for, runtime.db))
    runtime.policy.attach_exceptions(partial(hook.exceptions_for, runtime.db))
    runtime.policy.attach_epoch(runtime.cache_epoch)
    recorder = hook.recorder_for(runtime.db, flush_seconds=runtime.settings.decision_flush_seconds)
    runtime.extras["record_decision"] = recorder.record
    runtime.extras["record_decision_in"] = recorder.record_in  # in a transaction of the caller's
    runtime.on_close(recorder.close)


def attach_auth_failures(runtime: Runtime) -> None:
    """Requests refused for a missing or bad bearer token are counted per source, not audited one by one."""
    from companyos_server.platform import authfailures
    from companyos_server.platform.authfailures.recorder import AuthFailureRecorder

    settings = runtime.settings
    recorder = AuthFailureRecorder(
        runtime.db,
        audit=lambda: runtime.audit,
        window_seconds=settings.auth_failure_window_seconds,
        summary_seconds=settings.auth_failure_summary_seconds,
    )
    runtime.extras[authfailures.EXTRAS_KEY] = recorder
    runtime.on_close(recorder.close)


def attach_tenant_directory(runtime: Runtime) -> None:
    """The edge guard reads tenants through a per-process cache that any worker's change invalidates."""
    from companyos_server.domains.tenants.store import load_info

    runtime.tenants = TenantCache(partial(load_info, runtime.db), runtime.cache_epoch)


def attach_feeds(runtime: Runtime) -> None:
    """A serving process keeps security events caught up with the audit trail (reads never copy them),
    the analytics store with the ops records (and its old events tiered to Parquet), scheduled rollouts
    moving and scheduled reports delivered."""
    from companyos_server.domains.analytics.follower import follow_cold_tier, follow_ops_feed
    from companyos_server.domains.analytics.schedules import follow_schedules
    from companyos_server.domains.features.scheduler import follow_rollouts
    from companyos_server.domains.secops.feed import follow_audit_feed

    follow_audit_feed(runtime)
    follow_ops_feed(runtime)
    follow_cold_tier(runtime)
    follow_rollouts(runtime)
    follow_schedules(runtime)


def build_app(runtime: Runtime, *, validate_responses: bool | None = None) -> Any:
    """The ASGI application over an existing runtime, which becomes the process's runtime."""
    set_runtime(runtime)
    attach_policy_domain(runtime)
    attach_tenant_directory(runtime)
    attach_auth_failures(runtime)
    api = create_api(runtime, validate_responses=validate_responses)
    routes: list[BaseRoute] = [
        *create_identity_routes(runtime),
        *middleware.extra_routes(runtime),
        Mount("/", app=api),  # type: ignore[arg-type]
    ]

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = runtime.settings.handler_threads
        attach_feeds(runtime)
        yield
        runtime.close()

    root = Starlette(routes=routes, lifespan=lifespan, exception_handlers={404: _root_not_found})
    app = middleware.wrap_root(root, runtime)
    root.router.routes[:0] = create_console_routes(runtime, app)
    return app


def create_console_routes(runtime: Runtime, app: Any) -> list[BaseRoute]:
    """The web console at /console when its package is installed (docs/adr/0005-console.md). It uses
    only the public SDK, whose requests this process serves in process (no socket, same middleware)."""
    if importlib.util.find_spec("companyos_console") is None:
        return []
    import httpx
    from companyos_console import ConsoleConfig, create_console

    base = runtime.settings.public_base_url.rstrip("/")
    config = ConsoleConfig(
        public_url=f"{base}/console",
        api_url=base,
        state_dir=private_dir(Path(runtime.settings.var_dir) / "console"),  # its sessions hold tokens
        issuer=runtime.settings.issuer,
    )
    console = create_console(config, transport=httpx.ASGITransport(app=app))
    return [Mount("/console", app=console)]
