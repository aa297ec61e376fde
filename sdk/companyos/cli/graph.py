"""``companyos graph neighbours|paths|changes`` and ``companyos lineage REF``: the entity graph and data lineage."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

import typer

from ._common import Purpose, state
from ._output import render_list, render_object

__all__ = ["app", "lineage", "register"]

app: typer.Typer = typer.Typer(
    help="The entity graph: neighbours, paths between entities, changes.", no_args_is_help=True
)

RefArg = Annotated[str, typer.Argument(help="kind:id, e.g. service:svc_… (see `companyos search`).")]
Since = Annotated[str | None, typer.Option(help="RFC 3339 timestamp (default: the API's window).")]
Until = Annotated[str | None, typer.Option(help="RFC 3339 timestamp.")]
EDGE_COLUMNS = [("FROM", "src"), ("RELATION", "relation"), ("TO", "dst")]


@app.command("neighbours")
def neighbours(
    ctx: typer.Context,
    ref: RefArg,
    depth: Annotated[int, typer.Option(min=1, max=4, help="Hops from REF.")] = 1,
    kinds: Annotated[str | None, typer.Option(help="Only these kinds (comma-separated).")] = None,
    relations: Annotated[str | None, typer.Option(help="Only these relations (comma-separated).")] = None,
    purpose: Purpose = None,
) -> None:
    """The entities around REF and the edges between them."""
    st = state(ctx)
    result = st.client().graph.neighbours(
        tenant=st.require_tenant(), ref=ref, depth=depth, kinds=kinds, relations=relations, purpose=purpose
    )
    if st.output != "table":
        render_object(result, st.output)
        return
    render_list(result["entities"], [("REF", "ref"), ("KIND", "kind"), ("NAME", "name"), ("DEPTH", "depth")],
                st.output, title=f"neighbours of {ref}")  # fmt: skip
    render_list(result["edges"], EDGE_COLUMNS, st.output, title="edges")
    if result.get("truncated"):
        print("(truncated: narrow with --depth, --kinds or --relations)", file=sys.stderr)


def _path(edges: Sequence[Mapping[str, Any]]) -> str:
    if not edges:
        return "-"
    return edges[0]["src"] + "".join(f" -{e['relation']}-> {e['dst']}" for e in edges)


@app.command("paths")
def paths(
    ctx: typer.Context,
    src: Annotated[str, typer.Argument(help="From (kind:id).")],
    dst: Annotated[str, typer.Argument(help="To (kind:id).")],
    max_depth: Annotated[
        int | None, typer.Option("--max-depth", min=1, max=6, help="Longest path, in edges.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, max=50, help="At most this many paths.")
    ] = None,
    purpose: Purpose = None,
) -> None:
    """Paths from SRC to DST, shortest first."""
    st = state(ctx)
    result = st.client().graph.paths(
        tenant=st.require_tenant(), src=src, dst=dst, max_depth=max_depth, limit=limit, purpose=purpose
    )
    if st.output != "table":
        render_object(result, st.output)
        return
    rows = [{"n": i, "hops": len(p), "path": _path(p)} for i, p in enumerate(result["paths"], 1)]
    render_list(rows, [("#", "n"), ("HOPS", "hops"), ("PATH", "path")], st.output)
    if not rows:
        print(f"no path from {src} to {dst}", file=sys.stderr)


@app.command("changes")
def changes(
    ctx: typer.Context,
    ref: RefArg,
    since: Since = None,
    until: Until = None,
    depth: Annotated[int | None, typer.Option(min=0, max=3, help="Include neighbours this far.")] = None,
    purpose: Purpose = None,
) -> None:
    """What changed on REF (and around it with --depth), newest first."""
    st = state(ctx)
    result = st.client().graph.changes(
        tenant=st.require_tenant(), ref=ref, since=since, until=until, depth=depth, purpose=purpose
    )
    if st.output != "table":
        render_object(result, st.output)
        return
    render_list(result["items"], [("AT", "at"), ("REF", "ref"), ("ACTION", "action"), ("ACTOR", "actor"),
                                  ("SUMMARY", "summary")], st.output)  # fmt: skip


def lineage(ctx: typer.Context, ref: RefArg, purpose: Purpose = None) -> None:
    """Where REF's data came from and what was made from it (lineage records of evidence packs)."""
    st = state(ctx)
    result = st.client().evidence.lineage(tenant=st.require_tenant(), ref=ref, purpose=purpose)
    if st.output != "table":
        render_object(result, st.output)
        return
    render_object(result, st.output, [("ref", "ref"), ("upstream", "upstream"), ("downstream", "downstream")])
    render_list(result["records"], [("INPUTS", "inputs"), ("PROCESS", "process"), ("OUTPUTS", "outputs"),
                                    ("PACK", "pack_id"), ("BY", "created_by"), ("AT", "created_at")],
                st.output, title="records")  # fmt: skip


def register(root: typer.Typer) -> None:
    root.command("lineage")(lineage)
