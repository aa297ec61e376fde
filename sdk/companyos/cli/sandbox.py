"""``companyos sandbox …``: seed a sandbox tenant with a demo story, see which one it holds, reset it."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ._common import state
from ._output import Column, render_object

__all__ = ["app"]

app: typer.Typer = typer.Typer(
    help="Demo sandboxes: seed a sandbox tenant with a story, reset it.", no_args_is_help=True
)

COLUMNS: list[Column] = [
    ("TENANT", "tenant_id"), ("PROFILE", "profile"), ("SEED", "seed"), ("CLOCK", "anchor"),
    ("DIGEST", lambda s: s["digest"][:16]), ("SEEDED", "seeded_at"), ("RESETS", "resets"),
    ("SECONDS", "seconds"), ("ROWS", lambda s: ", ".join(f"{k} {v}" for k, v in sorted(s["counts"].items()))),
]  # fmt: skip


@app.command("seed")
def seed(
    ctx: typer.Context,
    profile: Annotated[str, typer.Argument(help="ops-heavy or admin-heavy.")],
    seed_value: Annotated[
        int, typer.Option("--seed", min=0, max=2**31 - 1, help="Same seed, same data.")
    ] = 1,
) -> None:
    """Fill an empty sandbox tenant with a demo story (deterministic)."""
    st = state(ctx)
    result: Any = st.client().sandbox.seed(tenant=st.require_tenant(), profile=profile, seed=seed_value)  # type: ignore[arg-type]
    render_object(result, st.output, COLUMNS)


@app.command("get")
def get(ctx: typer.Context) -> None:
    """Which demo story the sandbox holds: profile, seed, clock anchor, digest, rows."""
    st = state(ctx)
    render_object(st.client().sandbox.retrieve(tenant=st.require_tenant()), st.output, COLUMNS)


@app.command("reset")
def reset(
    ctx: typer.Context,
    keep_clock: Annotated[
        bool,
        typer.Option(
            "--keep-clock", help="Keep the first seeding's clock: the very same rows (same digest)."
        ),
    ] = False,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why (audit trail and evidence pack).")
    ] = None,
) -> None:
    """Back to the story: remove what the tenant holds and seed it again; prints the evidence pack."""
    st = state(ctx)
    result: Any = st.client().sandbox.reset(tenant=st.require_tenant(), keep_clock=keep_clock, reason=reason)
    if st.output != "table":
        render_object(result, st.output)
        return
    removed = sum(result["removed"].values())
    print(
        f"reset {result['sandbox']['tenant_id']} to {result['sandbox']['profile']} (seed {result['sandbox']['seed']}): "
        f"removed {removed} rows, {result['removed_files']} files, {result.get('removed_events') or 0} events; "
        f"digest {result['sandbox']['digest'][:16]}; evidence {result['evidence_pack_id']}"
    )
