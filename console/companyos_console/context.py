"""Per-request context: the session, the signed-in principal, an SDK client for the tenant in view."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.requests import Request

import companyos
from companyos_console.auth import Authenticator, ConsoleCredential, Session, SignInRequired
from companyos_console.config import ConsoleConfig

ENVIRONMENTS = ("production", "staging", "sandbox")
PLATFORM_ADMIN = "platform:admin"
CROSS_TENANT = "tenants:cross"
PURPOSE_HEADER = "X-CompanyOS-Purpose"
TENANT_ID = re.compile(r"[a-z][a-z0-9-]{1,38}[a-z0-9]")  # the spec's TenantIdValue


class TenantNotVisible(Exception):
    """A tenant the user holds no membership of (answered as not found, whatever the URL says)."""


class PurposeRequired(Exception):
    """A platform admin looking into a tenant must first state why (the API's purpose header)."""

    def __init__(self, tenant: str) -> None:
        super().__init__(tenant)
        self.tenant = tenant


@dataclass
class Console:
    """Shared by every request: configuration, the HTTP pool the SDK uses, sign-in machinery."""

    config: ConsoleConfig
    http: httpx.AsyncClient
    auth: Authenticator

    def client(self, session: Session, *, tenant: str | None = None, purpose: str | None = None) -> Any:
        return companyos.AsyncClient(
            base_url=self.config.api_url,
            auth=ConsoleCredential(self.config, session),
            tenant=tenant,
            http_client=self.http,
            max_retries=1,
            default_headers={PURPOSE_HEADER: purpose} if purpose else None,
        )


@dataclass
class PageContext:
    request: Request
    session: Session
    me: dict[str, Any]
    client: Any
    tenant: str | None = None
    environment: str = "production"
    purpose: str | None = None
    memberships: dict[str, list[str]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return str(self.request.scope.get("root_path", "")).rstrip("/")

    @property
    def is_platform_admin(self) -> bool:
        return PLATFORM_ADMIN in (self.me.get("scopes") or [])

    @property
    def roles(self) -> list[str]:
        return self.memberships.get(self.tenant or "", [])

    @property
    def display_name(self) -> str:
        return str(self.me.get("name") or self.me.get("subject") or "")


async def page_context(console: Console, request: Request, tenant: str | None = None) -> PageContext:
    """Resolve who is asking and, for a tenant page, whether they may see that tenant at all."""
    session = console.auth.session_of(request)
    if session is None or not session.signed_in:
        raise SignInRequired("no session")
    environment = request.query_params.get("env") or session.data.get("environment") or "production"
    if environment not in ENVIRONMENTS:
        environment = "production"
    if session.data.get("environment") != environment:
        session.data["environment"] = environment
        session.save()
    if tenant is not None and not TENANT_ID.fullmatch(tenant):
        raise TenantNotVisible(tenant)
    probe = console.client(session)
    me: dict[str, Any] = await probe.identity.me()  # refreshes the token first when it is due
    memberships = {m["tenant_id"]: list(m.get("roles") or []) for m in me.get("tenants") or []}
    purpose = None
    if tenant is not None and tenant not in memberships:
        scopes = me.get("scopes") or []
        if PLATFORM_ADMIN not in scopes and CROSS_TENANT not in scopes:
            raise TenantNotVisible(tenant)
        purpose = (session.data.get("purposes") or {}).get(tenant)
        if not purpose:
            raise PurposeRequired(tenant)
    client = console.client(session, tenant=tenant, purpose=purpose) if tenant else probe
    return PageContext(request, session, me, client, tenant, environment, purpose, memberships)
