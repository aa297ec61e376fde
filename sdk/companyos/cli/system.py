"""``companyos status``: is the API up (liveness) and ready (its dependencies)? No sign-in needed."""

from __future__ import annotations

from typing import Any

import typer

from companyos import APIStatusError

from ._common import state
from ._errors import CliError, ExitCode
from ._output import render_list, render_object

__all__ = ["register", "status"]


def status(ctx: typer.Context) -> None:
    """The API's health and readiness with each check (exit 1 when it is not ready)."""
    st = state(ctx)
    system = st.client(auth=None).system
    health = system.health()
    try:
        ready: Any = system.readiness(max_retries=0)
    except APIStatusError as exc:  # 503 carries the failing checks
        if exc.status_code != 503 or not isinstance(exc.body, dict) or "checks" not in exc.body:
            raise
        ready = exc.body
    result = {"api_url": st.api_url, "health": health, "readiness": ready}
    if st.output != "table":
        render_object(result, st.output)
    else:
        print(f"{st.api_url}: {health['status']} (version {health['version']}), {ready['status']}")
        render_list(ready["checks"], [("CHECK", "name"), ("OK", "ok"), ("DETAIL", "detail")], st.output)
    if ready["status"] != "ready":
        failing = ", ".join(c["name"] for c in ready["checks"] if not c.get("ok")) or "unknown"
        raise CliError(f"{st.api_url} is not ready: {failing}", ExitCode.ERROR)


def register(root: typer.Typer) -> None:
    root.command("status")(status)
