"""``companyos evidence list|get|download|verify``: signed evidence packs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ._common import All, Limit, PageSize, Purpose, limited, state
from ._errors import CliError, ExitCode
from ._output import render_list, render_object

__all__ = ["app"]

app: typer.Typer = typer.Typer(
    help="Evidence packs: list, show, download, verify offline.", no_args_is_help=True
)


@app.command("list")
def list_(ctx: typer.Context, subject: Annotated[str | None, typer.Option(help="kind:id")] = None, limit: Limit = 50,
          every: All = False, page_size: PageSize = None, purpose: Purpose = None) -> None:  # fmt: skip
    """Evidence packs."""
    st = state(ctx)
    pager = st.client().evidence.list(
        tenant=st.require_tenant(), subject=subject, page_size=page_size, purpose=purpose
    )
    render_list(limited(pager, limit, every), [("ID", "id"), ("TITLE", "title"), ("SUBJECT", "subject"),
                                               ("ITEMS", lambda p: len(p.get("items") or [])),
                                               ("CREATED", "created_at")], st.output)  # fmt: skip


@app.command("get")
def get(ctx: typer.Context, pack_id: str, purpose: Purpose = None) -> None:
    """One evidence pack (its signed manifest summary)."""
    st = state(ctx)
    render_object(
        st.client().evidence.retrieve(pack_id, tenant=st.require_tenant(), purpose=purpose), st.output
    )


@app.command("download")
def download(
    ctx: typer.Context,
    pack_id: str,
    out: Annotated[Path, typer.Option("--out", "-O", help="File to write ('-' for stdout).")] = Path("-"),
    purpose: Purpose = None,
) -> None:
    """Download a pack's archive (.tar.gz: manifest, signature, public key, items)."""
    st = state(ctx)
    data = st.client().evidence.download(pack_id, tenant=st.require_tenant(), purpose=purpose)
    if str(out) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        out.write_bytes(data)
        print(f"wrote {len(data)} bytes to {out}", file=sys.stderr)


@app.command("verify")
def verify(
    ctx: typer.Context,
    archive: Annotated[
        Path, typer.Argument(help="A downloaded archive (.tar.gz).", exists=True, dir_okay=False)
    ],
    trust: Annotated[
        list[Path] | None, typer.Option("--trust", help="Trusted public key (PEM; repeatable).")
    ] = None,
    trust_api: Annotated[
        bool,
        typer.Option("--trust-api", help="Trust the evidence keys the API publishes (GET /v1/signing-keys)."),
    ] = False,
) -> None:
    """Verify an archive offline: signature, key id, every item's digest and size (exit 1 when broken)."""
    from companyos.evidence import verify_archive

    st = state(ctx)
    pinned = [p.read_bytes() for p in trust or []]
    if trust_api:
        published = st.client(auth=None).system.signing_keys(use="evidence")["keys"]
        pinned += [key["pem"].encode("ascii") for key in published]
    result = verify_archive(archive.read_bytes(), pinned or None)
    if st.output != "table":
        render_object(result.to_dict(), st.output)
    elif result.ok:
        trusted = (
            " by a trusted key"
            if pinned
            else " (self-consistent; pass --trust or --trust-api to pin the signer)"
        )
        print(
            f"OK: evidence pack {result.pack_id} intact ({result.items} items, signed{trusted}, key {result.key_id})"
        )
    if not result.ok:
        raise CliError(
            f"evidence archive {archive} is not valid: {'; '.join(result.problems)}", ExitCode.ERROR
        )
