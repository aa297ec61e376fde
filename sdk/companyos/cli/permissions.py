"""``companyos permissions RESOURCE``: what the caller may do there, and why."""

from __future__ import annotations

from typing import Annotated

import typer

from ._common import state
from ._output import Column, render_list

__all__ = ["permissions", "register"]

COLUMNS: list[Column] = [
    ("ACTION", "action"),
    ("ALLOWED", "allowed"),
    ("STEP-UP", "requires_step_up"),
    ("REASONS", lambda a: "; ".join(a.get("reasons", []))),
]


def permissions(
    ctx: typer.Context,
    resource: Annotated[
        str, typer.Argument(help="tenant, tenant:<id>, job:<job id>, audit … (as the API names resources).")
    ] = "tenant",
) -> None:
    """Allowed and denied actions on a resource in the current tenant, with the policy's reasons."""
    st = state(ctx)
    result = st.client().tenants.permissions(st.require_tenant(), resource=resource)
    if st.output == "table":
        print(f"{result['principal']} on {result['resource']}:")
        render_list(result["actions"], COLUMNS, st.output)
    else:
        from ._output import render

        render(result, st.output)


def register(app: typer.Typer) -> None:
    app.command("permissions")(permissions)
