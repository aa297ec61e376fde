"""``companyos services list|get|create|update|delete|deps|links|map|sli``: the service catalog."""

from __future__ import annotations

import sys
from typing import Annotated, Any, cast

import typer

from companyos import types as t

from . import sli
from ._common import (
    All,
    JsonFile,
    Limit,
    PageSize,
    Purpose,
    labels,
    limited,
    merged,
    one_of,
    read_json,
    state,
)
from ._errors import CliError, ExitCode
from ._output import Column, render_list, render_object

__all__ = ["app"]

app: typer.Typer = typer.Typer(
    help="Services: list, show, register, change, remove, dependencies, links, service map, SLI samples.",
    no_args_is_help=True,
)
app.add_typer(sli.app, name="sli")

COLUMNS: list[Column] = [
    ("ID", "id"),
    ("NAME", "name"),
    ("TIER", "tier"),
    ("OWNER", lambda s: (s.get("owner") or {}).get("team")),
    ("ENVIRONMENTS", "environments"),
    ("SLO", lambda s: (s.get("slo") or {}).get("state")),
]
ServiceArg = Annotated[str, typer.Argument(help="Service id (svc_…).")]
Env = Annotated[t.ServiceEnvironment | None, typer.Option("--env")]


@app.command("list")
def list_(
    ctx: typer.Context,
    owner: Annotated[str | None, typer.Option(help="Owning team.")] = None,
    tier: Annotated[t.ServiceTier | None, typer.Option()] = None,
    name_prefix: Annotated[
        str | None, typer.Option("--name-prefix", help="Names starting with this.")
    ] = None,
    env: Env = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
    purpose: Purpose = None,
) -> None:
    """Services of the tenant."""
    st = state(ctx)
    pager = st.client().services.list(
        tenant=st.require_tenant(), owner=owner, tier=cast(Any, tier), name_prefix=name_prefix,
        environment=cast(Any, env), page_size=page_size, purpose=purpose,
    )  # fmt: skip
    render_list(limited(pager, limit, every), COLUMNS, st.output)


@app.command("get")
def get(ctx: typer.Context, service_id: ServiceArg, purpose: Purpose = None) -> None:
    """One service."""
    st = state(ctx)
    render_object(
        st.client().services.retrieve(service_id, tenant=st.require_tenant(), purpose=purpose), st.output
    )


@app.command("create")
def create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Service name (lowercase, dashes).")],
    team: Annotated[str, typer.Option("--team", help="Owning team.")],
    tier: Annotated[t.ServiceTier, typer.Option()],
    description: Annotated[str | None, typer.Option(help="What it does.")] = None,
    env: Annotated[
        list[str] | None,
        typer.Option("--env", **one_of(t.ServiceEnvironment), help="Environment (repeatable)."),
    ] = None,
    label: Annotated[list[str] | None, typer.Option("--label", "-l", help="KEY=VALUE (repeatable).")] = None,
) -> None:
    """Register a service."""
    st = state(ctx)
    service = st.client().services.create(
        tenant=st.require_tenant(), name=name, owner={"team": team}, tier=cast(Any, tier),
        description=description, environments=cast(Any, env), labels=labels(label),
    )  # fmt: skip
    render_object(service, st.output)


UPDATE_FIELDS = ("name", "description", "owner", "tier", "environments", "dependencies", "runbooks",
                 "data_locations", "slo", "labels")  # fmt: skip


@app.command("update")
def update(
    ctx: typer.Context,
    service_id: ServiceArg,
    file: JsonFile = None,
    name: Annotated[str | None, typer.Option(help="New name.")] = None,
    description: Annotated[str | None, typer.Option()] = None,
    team: Annotated[str | None, typer.Option("--team", help="Owning team.")] = None,
    contact: Annotated[
        str | None, typer.Option("--contact", help="Owner's e-mail, channel or pager.")
    ] = None,
    tier: Annotated[t.ServiceTier | None, typer.Option()] = None,
    env: Annotated[
        list[str] | None,
        typer.Option("--env", **one_of(t.ServiceEnvironment), help="Environment (repeatable; replaces)."),
    ] = None,
    depends_on: Annotated[
        list[str] | None, typer.Option("--depends-on", help="Dependency svc_… (repeatable; replaces).")
    ] = None,
    label: Annotated[list[str] | None, typer.Option("--label", "-l", help="KEY=VALUE (repeatable).")] = None,
    if_match: Annotated[
        str | None,
        typer.Option("--if-match", help="Only if the service is still at this ETag (else exit 5)."),
    ] = None,
) -> None:
    """Change a service (only what you pass; --file takes any service field as JSON)."""
    st = state(ctx)
    base = read_json(file, "service", allowed=UPDATE_FIELDS) if file else {}
    owner = None
    if team or contact:
        owner = {**(base.get("owner") or {}), **({"team": team} if team else {}),
                 **({"contact": contact} if contact else {})}  # fmt: skip
    changes = merged(base, name=name, description=description, owner=owner, tier=tier, environments=env or None,
                     dependencies=depends_on or None, labels=labels(label))  # fmt: skip
    if not changes:
        raise CliError("nothing to update: pass an option or --file", ExitCode.USAGE)
    service = st.client().services.update(
        service_id, tenant=st.require_tenant(), if_match=if_match, **cast(Any, changes)
    )
    render_object(service, st.output)


@app.command("delete")
def delete(ctx: typer.Context, service_id: ServiceArg) -> None:
    """Remove a service."""
    st = state(ctx)
    st.client().services.delete(service_id, tenant=st.require_tenant())
    print(f"deleted {service_id}")


@app.command("deps")
def deps(
    ctx: typer.Context,
    service_id: ServiceArg,
    depth: Annotated[int, typer.Option(min=1, max=10)] = 1,
    upstream: Annotated[bool, typer.Option("--upstream", help="Services that depend on it.")] = False,
) -> None:
    """A service's dependency graph."""
    st = state(ctx)
    graph = st.client().services.dependencies(
        service_id,
        tenant=st.require_tenant(),
        depth=depth,
        direction="upstream" if upstream else "downstream",
    )
    if st.output != "table":
        render_object(graph, st.output)
        return
    render_list(graph["nodes"], [("ID", "id"), ("NAME", "name"), ("TIER", "tier"), ("DEPTH", "depth"),
                                 ("SLO", "slo_state")], st.output)  # fmt: skip


@app.command("links")
def links(
    ctx: typer.Context,
    service_id: ServiceArg,
    from_: Annotated[str | None, typer.Option("--from", help="RFC 3339 start of the window.")] = None,
    to: Annotated[str | None, typer.Option("--to", help="RFC 3339 end of the window.")] = None,
    env: Env = None,
    purpose: Purpose = None,
) -> None:
    """Observability links for a service (Grafana, Prometheus, Loki, runbooks) over a time window."""
    st = state(ctx)
    result = st.client().services.links(
        service_id,
        tenant=st.require_tenant(),
        from_=from_,
        to=to,
        environment=cast(Any, env),
        purpose=purpose,
    )
    if st.output != "table":
        render_object(result, st.output)
        return
    render_list(result["links"], [("KIND", "kind"), ("TITLE", "title"), ("URL", "url")], st.output)
    if not result["configured"]:
        print("no observability URL templates configured (tenant config: observability)", file=sys.stderr)


@app.command("map")
def service_map(ctx: typer.Context, env: Env = None) -> None:
    """The tenant's service map (edges: dependent → dependency)."""
    st = state(ctx)
    result = st.client().services.map(tenant=st.require_tenant(), environment=cast(Any, env))
    if st.output != "table":
        render_object(result, st.output)
        return
    names = {n["id"]: n["name"] for n in result["nodes"]}
    rows = [{"from": names.get(e["source"], e["source"]), "to": names.get(e["target"], e["target"])}
            for e in result["edges"]]  # fmt: skip
    render_list(rows, [("SERVICE", "from"), ("DEPENDS ON", "to")], st.output)
