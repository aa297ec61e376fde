"""Evidence packs: what a deployment, a rollback or an export proved, signed by the platform.

``GET /t/{tenant}/evidence/{pack_id}`` shows a pack: its subject, items with their SHA-256 and size, its
lineage (inputs, process, outputs: each a link to that entity's page or inspect page), who made it and
when, the signing key and the manifest hash; ``…/download`` serves the signed archive as the API gives it
(``companyos evidence verify`` checks it offline). Deployments on the service page and the home page link
their packs here.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from companyos_console import views
from companyos_console.context import Console, page_context

PACK_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")  # the API's pack ids
REF = re.compile(r"([a-z][a-z0-9_]{0,39}):([A-Za-z0-9_.-]{1,160})")


def routes(console: Console, bind: Any) -> list[Route]:
    t = "/t/{tenant}/evidence/{pack_id}"
    return [Route(t, bind(pack_page, console)), Route(t + "/download", bind(download, console))]


def _pack_id(request: Request) -> str:
    pack_id = str(request.path_params["pack_id"])
    if not PACK_ID.fullmatch(pack_id):
        raise HTTPException(404, "No such evidence pack.")
    return pack_id


def _linked(ctx: Any, ref: str) -> dict[str, Any]:
    match = REF.fullmatch(ref)
    return {"ref": ref, "href": views.page_of(ctx, match[1], match[2]) if match else None}


async def pack_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    pack = dict(await ctx.client.evidence.retrieve(_pack_id(request)))
    lineage = pack.get("lineage") or {}
    return await views.page(
        ctx,
        "evidence.html",
        pack["title"],
        "deployments",
        pack=pack,
        subject=_linked(ctx, pack["subject"]),
        inputs=[_linked(ctx, r) for r in lineage.get("inputs") or []],
        outputs=[_linked(ctx, r) for r in lineage.get("outputs") or []],
        process=lineage.get("process"),
    )


async def download(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    pack_id = _pack_id(request)
    data = await ctx.client.evidence.download(pack_id)
    return Response(
        data,
        media_type="application/gzip",
        headers={"Content-Disposition": f'attachment; filename="{pack_id}.tar.gz"'},
    )
