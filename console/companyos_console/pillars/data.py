"""The Data pillar: datasets (schema, classification, masked sample), imports with progress, ETA, partial
failures (quarantine), cancel/retry of their jobs and retry of quarantined rows, exports with their signed pack to download. All through the SDK."""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

import companyos
from companyos_console.context import Console, page_context
from companyos_console.pillars import Pillar

PILLAR = Pillar("data", "Data", "/data", order=55)


async def _first(pager: Any) -> tuple[list[dict[str, Any]], str | None]:
    page = await pager.first_page()
    return list(page.items), page.next_page_token


def progress(job: dict[str, Any] | None) -> dict[str, Any]:
    """Done/total, percent, rows/s and ETA of a job for display."""
    if not job:
        return {"state": "not started", "percent": 0, "done": 0, "total": None, "rate": None, "eta": None}
    done, total = job["progress"]["done"], job["progress"]["total"]
    percent = int(100 * done / total) if total else (100 if job["state"] == "succeeded" else 0)
    return {"state": job["state"], "percent": percent, "done": done, "total": total,
            "rate": job.get("throughput_per_second"), "eta": job.get("eta_seconds"),
            "errors": job.get("errors") or []}  # fmt: skip


async def data_page(console: Console, request: Request) -> Response:
    from companyos_console.views import page  # views imports the pillars: resolve at call time

    ctx = await page_context(console, request, request.path_params["tenant"])
    datasets, _ = await _first(ctx.client.datasets.list(page_size=100))
    return await page(ctx, "data/index.html", "Data", "data", datasets=datasets)


async def dataset_page(console: Console, request: Request) -> Response:
    from companyos_console.views import page

    ctx = await page_context(console, request, request.path_params["tenant"])
    dataset_id = request.path_params["dataset_id"]
    d = ctx.client.datasets
    dataset, sample, (imports, _), (exports, _) = await asyncio.gather(
        d.retrieve(dataset_id), d.sample(dataset_id, limit=10),
        _first(d.list_imports(dataset_id, page_size=20)), _first(d.list_exports(dataset_id, page_size=20)),
    )  # fmt: skip
    failures: dict[str, Any] = {}
    selected = request.query_params.get("import")
    if selected and any(i["id"] == selected for i in imports):
        q = await d.quarantine(selected, page_size=50).first_page()
        failures = {"import_id": selected, "items": list(q.items), "next": q.next_page_token}
    for item in imports:
        item["view"] = progress(item.get("job"))
    for item in exports:
        item["view"] = progress(item.get("job"))
    return await page(ctx, "data/dataset.html", dataset["name"], "data", dataset=dataset, sample=sample,
                      imports=imports, exports=exports, failures=failures)  # fmt: skip


async def job_action(console: Console, request: Request) -> Response:
    from companyos_console.security import checked_form

    ctx = await page_context(console, request, request.path_params["tenant"])
    await checked_form(request, ctx.session.csrf_token)
    job_id, action = request.path_params["job_id"], request.path_params["action"]
    back = f"{ctx.base}/t/{ctx.tenant}/data/{request.path_params['dataset_id']}"
    try:
        if action == "cancel":
            await ctx.client.jobs.cancel(job_id)
        elif action == "retry":
            await ctx.client.jobs.retry(job_id)
        ctx.session.flash(f"Job {job_id}: {action} requested.", "success")
    except (companyos.PermissionDeniedError, companyos.ConflictError, companyos.NotFoundError,
            companyos.BadRequestError) as error:  # fmt: skip
        ctx.session.flash(str(error), "error")
    return RedirectResponse(back, 303)


async def retry_import(console: Console, request: Request) -> Response:
    """Validate a finished import's quarantined rows again, after a schema fix, as a new import."""
    from companyos_console.security import checked_form

    ctx = await page_context(console, request, request.path_params["tenant"])
    await checked_form(request, ctx.session.csrf_token)
    import_id = request.path_params["import_id"]
    back = f"{ctx.base}/t/{ctx.tenant}/data/{request.path_params['dataset_id']}"
    try:
        attempt = await ctx.client.datasets.retry_import(import_id)
        ctx.session.flash(f"Import {attempt['id']} retries the quarantined rows of {import_id}.", "success")
        back += f"?import={attempt['id']}"
    except (companyos.PermissionDeniedError, companyos.ConflictError, companyos.NotFoundError,
            companyos.BadRequestError) as error:  # fmt: skip
        ctx.session.flash(str(error), "error")
    return RedirectResponse(back, 303)


async def export_pack(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    export_id = request.path_params["export_id"]
    data = await ctx.client.datasets.download_export(export_id)
    return Response(data, media_type="application/gzip",
                    headers={"Content-Disposition": f'attachment; filename="{export_id}.tar.gz"'})  # fmt: skip


def routes(console: Console, bind: Any) -> list[BaseRoute]:
    t = "/t/{tenant}/data"
    return [
        Route(t, bind(data_page, console)),
        Route(t + "/exports/{export_id}/pack", bind(export_pack, console)),
        Route(t + "/{dataset_id}", bind(dataset_page, console)),
        Route(t + "/{dataset_id}/jobs/{job_id}/{action:str}", bind(job_action, console), methods=["POST"]),
        Route(t + "/{dataset_id}/imports/{import_id}/retry", bind(retry_import, console), methods=["POST"]),
    ]
