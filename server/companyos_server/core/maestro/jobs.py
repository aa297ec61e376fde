"""The ``maestro.run`` job kind: executes (or resumes) one plan run.

Workers must import this module before consuming (``KIND_MODULES`` in ``platform/jobs/registry.py``
lists it; ``python -m companyos_server.core.maestro worker`` imports it itself).
"""

from __future__ import annotations

from typing import Any

from companyos_server.core.maestro.engine import JOB_KIND
from companyos_server.platform.jobs.context import JobContext
from companyos_server.platform.jobs.registry import job_kind


@job_kind(JOB_KIND, recovers_itself=True)  # step leases and compensation: see engine.recover
def run_plan(ctx: JobContext) -> dict[str, Any]:
    from companyos_server.platform.runtime import get_runtime

    return get_runtime().maestro.execute(ctx.tenant_id, str(ctx.params["run_id"]), job=ctx)
