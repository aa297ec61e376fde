"""Resource namespaces, one module per spec tag."""

from .audit import AsyncAudit, Audit
from .identity import AsyncIdentity, Identity
from .jobs import AsyncJobs, Jobs
from .system import AsyncSystem, System
from .tenants import AsyncTenants, Tenants

__all__ = [
    "AsyncAudit",
    "AsyncIdentity",
    "AsyncJobs",
    "AsyncSystem",
    "AsyncTenants",
    "Audit",
    "Identity",
    "Jobs",
    "System",
    "Tenants",
]
