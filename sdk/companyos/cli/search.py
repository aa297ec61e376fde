"""``companyos search QUERY`` and ``companyos inspect REF``: find an entity, then see everything about it."""

from __future__ import annotations

from typing import Annotated

import typer

from ._common import EnvOption, Limit, Purpose, limited, state
from ._output import render_list, render_object

__all__ = ["inspect", "register", "search"]


def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="What to look for (names, ids, text).")],
    kinds: Annotated[str | None, typer.Option(help="Comma-separated kinds (service,deployment,…).")] = None,
    env: EnvOption = None,
    limit: Limit = 20,
    purpose: Purpose = None,
) -> None:
    """Search entities; each REF works with `companyos inspect`."""
    st = state(ctx)
    pager = st.client().search.entities(tenant=st.require_tenant(), q=query, kinds=kinds, environment=env,
                                        page_size=min(limit, 100), purpose=purpose)  # fmt: skip
    render_list(limited(pager, limit, False), [("REF", "ref"), ("KIND", "kind"), ("NAME", "name"),
                                               ("ENV", "environment"), ("MATCH", "match")], st.output)  # fmt: skip


def inspect(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="kind:id, e.g. service:svc_… (see `companyos search`).")],
    depth: Annotated[int, typer.Option(min=1, max=3)] = 1,
    since: Annotated[str | None, typer.Option()] = None,
    purpose: Purpose = None,
) -> None:
    """One entity: attributes, neighbours, recent audit, changes, links and what you may do."""
    st = state(ctx)
    result = st.client().inspect.entity(
        tenant=st.require_tenant(), ref=ref, depth=depth, since=since, purpose=purpose
    )
    if st.output != "table":
        render_object(result, st.output)
        return
    entity = result["entity"]
    render_object(
        entity, st.output, [("ref", "ref"), ("name", "name"), ("kind", "kind"), ("attributes", "attributes")]
    )
    render_list(result["neighbours"]["edges"], [("FROM", "src"), ("RELATION", "relation"), ("TO", "dst")],
                st.output, title="neighbours")  # fmt: skip
    render_list(result["actions"], [("ACTION", "action"), ("ALLOWED", "allowed"), ("REASONS", "reasons")],
                st.output, title="actions")  # fmt: skip


def register(root: typer.Typer) -> None:
    root.command("search")(search)
    root.command("inspect")(inspect)
