"""Imports every module that declares tables, so ``Base.metadata`` is complete for Alembic."""

from companyos_server.domains.tenants import store as _tenants_store  # noqa: F401
from companyos_server.platform.audit import models as _audit_models  # noqa: F401
from companyos_server.platform.identity import models as _identity_models  # noqa: F401
from companyos_server.platform.jobs import models as _jobs_models  # noqa: F401
from companyos_server.platform.middleware import models as _middleware_models  # noqa: F401
from companyos_server.platform.storage import Base

metadata = Base.metadata
