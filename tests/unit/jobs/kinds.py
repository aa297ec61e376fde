"""Job kinds used by the tests (registered on import)."""

from __future__ import annotations

import threading
import time
from typing import Any

from companyos_server.platform.jobs.context import JobContext
from companyos_server.platform.jobs.registry import job_kind

# Tests set these to hold a job at a known point.
gates: dict[str, threading.Event] = {}


@job_kind("test.count")
def count(ctx: JobContext) -> dict[str, Any]:
    n = int(ctx.params.get("n", 10))
    for i in range(n):
        time.sleep(float(ctx.params.get("sleep", 0.005)))
        ctx.progress(i + 1, n)
        ctx.checkpoint()
    return {"counted": n}


@job_kind("test.forever")
def forever(ctx: JobContext) -> dict[str, Any]:
    gate = gates.get(ctx.params.get("gate", ""))
    i = 0
    while True:
        i += 1
        ctx.progress(i, 1_000_000)
        if gate is not None and i == 3:
            gate.set()
        time.sleep(0.01)
        ctx.checkpoint()


@job_kind("test.flaky")
def flaky(ctx: JobContext) -> dict[str, Any]:
    ctx.progress(1, 2)
    if ctx.attempt == 1:
        ctx.checkpoint({"got_to": 1})
        raise RuntimeError("first attempt fails")
    ctx.progress(2, 2)
    return {"attempt": ctx.attempt, "resumed_from": ctx.saved_state}


@job_kind("test.hold")
def hold(ctx: JobContext) -> dict[str, Any]:
    """Attempt 1 signals ``<gate>-entered`` and waits for ``<gate>-release``; later attempts finish at once."""
    if ctx.attempt == 1:
        gate = str(ctx.params["gate"])
        gates[f"{gate}-entered"].set()
        gates[f"{gate}-release"].wait(timeout=30)
    return {"attempt": ctx.attempt}
