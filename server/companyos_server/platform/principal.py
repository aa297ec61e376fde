"""Who is calling, and in which tenant context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ROLES = ("platform_engineer", "sre", "security_analyst", "tenant_admin", "viewer")
Environment = Literal["production", "staging", "sandbox"]

# Scopes carried by access tokens. `platform:admin` manages tenants; `tenants:cross` lets a
# principal read another tenant's resources when it also states a purpose.
SCOPE_PLATFORM_ADMIN = "platform:admin"
SCOPE_CROSS_TENANT = "tenants:cross"
ACR_MFA = "urn:companyos:acr:mfa"
ACR_PASSWORD = "urn:companyos:acr:pwd"


@dataclass(frozen=True)
class Principal:
    subject: str
    kind: Literal["user", "client"]
    tenants: dict[str, tuple[str, ...]]
    scopes: frozenset[str] = frozenset()
    acr: str | None = None
    auth_time: int | None = None
    issuer: str = ""
    client_id: str | None = None
    name: str | None = None
    token_id: str | None = None
    expires_at: int | None = None

    def roles_in(self, tenant_id: str) -> tuple[str, ...]:
        return self.tenants.get(tenant_id, ())

    def is_member(self, tenant_id: str) -> bool:
        return tenant_id in self.tenants

    @property
    def is_platform_admin(self) -> bool:
        return SCOPE_PLATFORM_ADMIN in self.scopes

    @property
    def can_cross_tenants(self) -> bool:
        return SCOPE_CROSS_TENANT in self.scopes


@dataclass(frozen=True)
class TenantContext:
    """Explicit context handed to domain services: never derived from a token default."""

    tenant_id: str
    principal: Principal
    environment: Environment | None = None
    purpose: str | None = None
    request_id: str | None = None
    cross_tenant: bool = False
    roles: tuple[str, ...] = field(default=())
