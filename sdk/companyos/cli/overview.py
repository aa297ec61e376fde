"""``companyos overview``: a tenant at a glance (the home page of the console, in the terminal)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ._common import EnvOption, Purpose, state
from ._output import console, render_object

__all__ = ["overview", "register"]


def overview(
    ctx: typer.Context,
    env: EnvOption = None,
    services: Annotated[int, typer.Option("--services", min=1, max=500, help="Services to list.")] = 20,
    purpose: Purpose = None,
) -> None:
    """Services worst first (SLO state, firing alerts), the newest deployments, open incidents by
    severity, firing alerts, recent configuration versions, enabled flags and admin actions."""
    st = state(ctx)
    kwargs: dict[str, Any] = {"service_limit": services}
    if env is not None:
        kwargs["environment"] = env
    data = st.client().overview.retrieve(tenant=st.require_tenant(), purpose=purpose, **kwargs)
    if st.output != "table":
        render_object(data, st.output)
        return
    out = console()
    tenant, svc, inc = data["tenant"], data["services"], data["incidents"]
    out.print(f"{tenant['display_name']} ({tenant['id']}) · {data['environment']}")
    states = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in svc["by_slo_state"].items() if v)
    out.print(
        f"services: {svc['total']} ({states or 'none'}); firing alerts: {data['alerts']['firing_total']}"
    )
    for s in svc["items"]:
        out.print(
            f"  {s['name']:<28} tier {s['tier']:<3} {s['slo']['state']:<15} alerts {s['firing_alerts']}"
        )
    sev = ", ".join(f"{k} {v}" for k, v in inc["by_severity"].items())
    out.print(f"open incidents: {inc['open_total']} ({sev})")
    for i in inc["items"]:
        out.print(f"  {i['severity']} {i['status']:<13} {i['title']}")
    out.print("recent deployments:")
    for d in data["deployments"]["items"]:
        out.print(f"  {d['service_name']:<28} {d['version']:<12} {d['state']}")
    flags = ", ".join(f["key"] for f in data["spotlight"]["active_flags"]) or "none"
    out.print(f"enabled flags: {flags}")
    for w in data["withheld"]:
        out.print(f"withheld: {w['section']} ({'; '.join(w['reasons'])})")


def register(root: typer.Typer) -> None:
    root.command("overview")(overview)
