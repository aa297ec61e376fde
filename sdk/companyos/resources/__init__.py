"""Resource namespaces, one module per spec tag."""

from .alerts import Alerts, AsyncAlerts
from .audit import AsyncAudit, Audit
from .deployments import AsyncDeployments, Deployments
from .evidence import AsyncEvidence, Evidence
from .graph import AsyncGraph, Graph
from .identity import AsyncIdentity, Identity
from .incidents import AsyncIncidents, Incidents
from .inspect import AsyncInspect, Inspect
from .jobs import AsyncJobs, Jobs
from .maestro import AsyncMaestro, Maestro
from .policies import AsyncPolicies, Policies
from .search import AsyncSearch, Search
from .services import AsyncServices, Services
from .system import AsyncSystem, System
from .tenant_config import AsyncTenantConfig, TenantConfig
from .tenants import AsyncTenants, Tenants

__all__ = [
    "Alerts",
    "AsyncAlerts",
    "AsyncAudit",
    "AsyncDeployments",
    "AsyncEvidence",
    "AsyncGraph",
    "AsyncIdentity",
    "AsyncIncidents",
    "AsyncInspect",
    "AsyncJobs",
    "AsyncMaestro",
    "AsyncPolicies",
    "AsyncSearch",
    "AsyncServices",
    "AsyncSystem",
    "AsyncTenantConfig",
    "AsyncTenants",
    "Audit",
    "Deployments",
    "Evidence",
    "Graph",
    "Identity",
    "Incidents",
    "Inspect",
    "Jobs",
    "Maestro",
    "Policies",
    "Search",
    "Services",
    "System",
    "TenantConfig",
    "Tenants",
]
