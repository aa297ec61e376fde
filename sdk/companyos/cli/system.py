"""``companyos status`` and ``companyos keys``: is the API up and ready, and which public keys sign its
audit events and evidence packs. No sign-in needed."""

from __future__ import annotations

import sys
from typing import Annotated, Any, cast

import typer

from companyos import APIStatusError

from ._common import state
from ._errors import CliError, ExitCode
from ._output import render_list, render_object

__all__ = ["keys_app", "register", "status"]

keys_app: typer.Typer = typer.Typer(
    help="The platform's public signing keys (audit, evidence): list, pem.", no_args_is_help=True
)
Use = Annotated[str | None, typer.Option("--use", help="audit or evidence.")]


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


@keys_app.command("list")
def keys_list(ctx: typer.Context, use: Use = None) -> None:
    """Every signing key ever used (old signatures stay verifiable); CURRENT marks the one signing now."""
    st = state(ctx)
    keys = st.client(auth=None).system.signing_keys(use=cast(Any, use))["keys"]
    render_list(keys, [("KID", "kid"), ("USE", "use"), ("ALG", "alg"), ("CURRENT", "current")], st.output)


@keys_app.command("pem")
def keys_pem(ctx: typer.Context, kid: Annotated[str, typer.Argument(help="Key id (ak_… or ek_…).")]) -> None:
    """One key's PEM on stdout, e.g. for `evidence verify --trust`."""
    st = state(ctx)
    keys = st.client(auth=None).system.signing_keys()["keys"]
    found = next((k for k in keys if k["kid"] == kid), None)
    if found is None:
        raise CliError(f"no signing key {kid!r} (see `companyos keys list`)", ExitCode.NOT_FOUND)
    sys.stdout.write(found["pem"])


def register(root: typer.Typer) -> None:
    root.command("status")(status)
    root.add_typer(keys_app, name="keys")
