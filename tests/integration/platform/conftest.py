"""The real CompanyOS app (contract, identity, guard, audit) with the platform middleware.

The schema comes from the models (``create_all``) so these tests do not wait on a regenerated
migration; the app comes from ``build_app`` (falling back to the same composition by hand while
``build_app`` cannot run on this Starlette — see docs/operations.md, "Known gaps").
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from companyos_server.platform.runtime import Runtime, set_runtime
from tests.conftest import API, make_settings


def build_real_app(runtime: Runtime) -> Any:
    from starlette.applications import Starlette
    from starlette.routing import Mount

    from companyos_server.app import build_app, create_api, create_identity_routes
    from companyos_server.platform import middleware

    try:
        return build_app(runtime, validate_responses=False)
    except TypeError:  # Starlette 1.x has no on_shutdown=; compose as build_app does
        set_runtime(runtime)
        api = create_api(runtime, validate_responses=False)
        routes = [*create_identity_routes(runtime), *middleware.extra_routes(runtime), Mount("/", app=api)]
        return middleware.wrap_root(Starlette(routes=routes), runtime)


@pytest.fixture
def real_runtime_factory(tmp_path: Path) -> Iterator[Callable[..., Runtime]]:
    made: list[Runtime] = []

    def make(**overrides: Any) -> Runtime:
        import companyos_server.models as models
        from companyos_server.seed import seed_development

        runtime = Runtime(make_settings(tmp_path / f"var{len(made)}", validate_responses=False, **overrides))
        set_runtime(runtime)
        models.metadata.create_all(runtime.db.engine)
        runtime.extras["seeded"] = seed_development(runtime)
        made.append(runtime)
        return runtime

    yield make
    for runtime in made:
        runtime.close()
    set_runtime(None)


@pytest.fixture
def real_runtime(real_runtime_factory: Callable[..., Runtime]) -> Runtime:
    return real_runtime_factory()


@pytest.fixture
async def real_client(real_runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    app = build_real_app(real_runtime)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as http:
        yield http


def token_for(
    runtime: Runtime,
    subject: str = "usr_root-admin",
    *,
    tenants: dict[str, list[str]] | None = None,
    scopes: list[str] | None = None,
    mfa: bool = True,
) -> str:
    """A token from the built-in issuer; ``mfa`` makes it satisfy step-up (recent MFA sign-in)."""
    import time

    from companyos_server.platform.identity.issuer import issue_access_token
    from companyos_server.platform.principal import ACR_MFA

    return issue_access_token(
        runtime.keys,
        runtime.settings,
        subject=subject,
        client_id="companyos-cli",
        tenants=tenants or {},
        scopes=scopes or ["openid", "api"],
        acr=ACR_MFA if mfa else None,
        auth_time=int(time.time()) if mfa else None,
        ttl=None,
    )
