"""The Data pillar: datasets (schema, classification, masked sample); imports — start one from an uploaded
file (checksummed parts, pre-flight, job), progress with ETA, partial failures (quarantine), cancel/retry of
their jobs and retry of quarantined rows; exports — start one for a recipient (destination region, time
range, stricter redactions per field) and download its signed pack. Every control is enabled by the
caller's policy decision and otherwise says why. All through the SDK."""

from __future__ import annotations

import asyncio
import hashlib
import re
import time
import uuid
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

import companyos
from companyos.formats import file_format
from companyos_console.actions import action, perform
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
    from companyos_console.views import page, permissions

    ctx = await page_context(console, request, request.path_params["tenant"])
    dataset_id = request.path_params["dataset_id"]
    d = ctx.client.datasets
    dataset, sample, (imports, _), (exports, _), perms, job_perms = await asyncio.gather(
        d.retrieve(dataset_id), d.sample(dataset_id, limit=10),
        _first(d.list_imports(dataset_id, page_size=20)), _first(d.list_exports(dataset_id, page_size=20)),
        permissions(ctx, "dataset"), permissions(ctx, "job"),
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
                      imports=imports, exports=exports, failures=failures,
                      can_import=perms.get("datasets:import", {}), can_export=perms.get("datasets:export", {}),
                      can_cancel=job_perms.get("jobs:cancel", {}), can_retry=job_perms.get("jobs:retry", {}),
                      regions=REGIONS, redaction_choices=REDACTIONS, max_upload_mib=MAX_UPLOAD >> 20)  # fmt: skip


JOB_ACTIONS = ("cancel", "retry")
FILE_NAME = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9_-]{0,60}(\.[A-Za-z0-9_-]{1,20}){0,3}"
)  # the API's manifest rule
# Under the platform's request body limit (10 MiB by default, multipart framing included); larger files
# go through `companyos import run` (resumable checksummed parts from disk).
MAX_UPLOAD = 8 << 20
PART_SIZE = 4 << 20
FORM_OVERHEAD = 256 << 10  # the form's other fields and multipart framing around the file
TOO_LARGE = f"The file is larger than {MAX_UPLOAD >> 20} MiB: import it with `companyos import run`."
REGIONS = ("eu", "us", "uk", "apac", "ca")
REDACTIONS = ("keep", "mask", "hash", "drop")


@action("cancel_job")
async def _cancel_job(client: Any, args: dict[str, Any]) -> str:
    job = await client.jobs.cancel(args["job_id"], idempotency_key=args["idempotency_key"])
    return f"Job {job['id']}: cancel requested ({job['state']})."


@action("retry_job")
async def _retry_job(client: Any, args: dict[str, Any]) -> str:
    job = await client.jobs.retry(args["job_id"], idempotency_key=args["idempotency_key"])
    return f"Job {job['id']}: retry queued ({job['state']})."


@action("retry_import")
async def _retry_import(client: Any, args: dict[str, Any]) -> tuple[str, str]:
    attempt = await client.datasets.retry_import(args["import_id"], idempotency_key=args["idempotency_key"])
    message = f"Import {attempt['id']} retries the quarantined rows of {args['import_id']}."
    return message, f"/data/{args['dataset_id']}?import={attempt['id']}"


@action("create_export")
async def _create_export(client: Any, args: dict[str, Any]) -> str:
    export = await client.datasets.create_export(
        args["dataset_id"],
        recipient=args["recipient"],
        idempotency_key=args["idempotency_key"],
        **{k: args[k] for k in ("destination_region", "since", "until", "redactions") if args.get(k)},
    )
    return (
        f"Export {export['id']} for {export['recipient']} started: its signed pack appears below when done."
    )


def _back(ctx: Any, dataset_id: str) -> str:
    return f"{ctx.base}/t/{ctx.tenant}/data/{dataset_id}"


async def job_action(console: Console, request: Request) -> Response:
    from companyos_console.security import checked_form

    ctx = await page_context(console, request, request.path_params["tenant"])
    await checked_form(request, ctx.session.csrf_token)
    job_id, verb = request.path_params["job_id"], request.path_params["action"]
    back = _back(ctx, request.path_params["dataset_id"])
    if verb not in JOB_ACTIONS:
        ctx.session.flash(f"No such job action: {verb}.", "error")
        return RedirectResponse(back, 303)
    return await perform(console, ctx, f"{verb}_job", {"job_id": job_id}, back=back)


async def retry_import(console: Console, request: Request) -> Response:
    """Validate a finished import's quarantined rows again, after a schema fix, as a new import."""
    from companyos_console.security import checked_form

    ctx = await page_context(console, request, request.path_params["tenant"])
    await checked_form(request, ctx.session.csrf_token)
    dataset_id = request.path_params["dataset_id"]
    args = {"import_id": request.path_params["import_id"], "dataset_id": dataset_id}
    return await perform(console, ctx, "retry_import", args, back=_back(ctx, dataset_id))


def _guess_format(name: str) -> str:
    return file_format(name) or "csv"


def _upload_problem(upload: Any) -> str | None:
    if not isinstance(upload, UploadFile) or not upload.filename:
        return "Choose a file to import."
    name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1]
    if not FILE_NAME.fullmatch(name):
        return f"Rename the file {name!r}: letters, digits, '-' and '_', with up to three extensions."
    if upload.size is not None and upload.size > MAX_UPLOAD:
        return TOO_LARGE
    return None


async def _digest(upload: UploadFile) -> tuple[str, int]:
    """The file's SHA-256 and size, read in parts (never all of it in memory)."""
    digest, size = hashlib.sha256(), 0
    await upload.seek(0)
    while chunk := await upload.read(PART_SIZE):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


async def _upload_parts(d: Any, import_id: str, name: str, upload: UploadFile) -> None:
    """Upload the file in checksummed parts of PART_SIZE, one part in memory at a time."""
    await upload.seek(0)
    number = 1
    while True:
        part = await upload.read(PART_SIZE)
        if not part and number > 1:
            return
        await d.upload_part(import_id, name, number, sha256=hashlib.sha256(part).hexdigest(), content=part)
        number += 1
        if not part:  # an empty file is one empty part
            return


async def start_import(console: Console, request: Request) -> Response:
    """Open an import for one uploaded file (manifest with its SHA-256 and size), upload it in checksummed
    parts, pre-flight and start the job; then follow its progress on the dataset page.

    The request's declared length is checked before the body is read, so a file over the limit is never
    spooled to disk; a resent form (the same ``form_key``) finds its import already open and only shows it."""
    from companyos_console.actions import REFUSALS, flash_error
    from companyos_console.security import checked_form

    ctx = await page_context(console, request, request.path_params["tenant"])
    dataset_id = request.path_params["dataset_id"]
    back = _back(ctx, dataset_id)
    try:
        declared = int(request.headers.get("content-length", ""))
    except ValueError:
        declared = -1
    if not 0 <= declared <= MAX_UPLOAD + FORM_OVERHEAD:
        ctx.session.flash(
            TOO_LARGE if declared > 0 else "The upload did not say its length; nothing was imported.", "error"
        )
        return RedirectResponse(back, 303)
    form = await checked_form(request, ctx.session.csrf_token)
    upload = form.get("file")
    if (problem := _upload_problem(upload)) or not isinstance(upload, UploadFile):
        ctx.session.flash(problem or "Choose a file to import.", "error")
        return RedirectResponse(back, 303)
    sha256, size = await _digest(upload)
    if size > MAX_UPLOAD:
        ctx.session.flash(TOO_LARGE, "error")
        return RedirectResponse(back, 303)
    name = str(upload.filename).replace("\\", "/").rsplit("/", 1)[-1]
    fmt = str(form.get("format") or "") or _guess_format(name)
    if fmt not in ("csv", "ndjson", "parquet"):
        fmt = _guess_format(name)
    delimiter = str(form.get("delimiter") or ",")[:1] or ","
    key = getattr(request.state, "form_key", None) or uuid.uuid4().hex
    d = ctx.client.datasets
    try:
        imp = await d.create_import(
            dataset_id,
            format=fmt,
            compression="gzip" if name.lower().endswith(".gz") else "none",
            csv={"header": form.get("header") != "no", "delimiter": delimiter},
            manifest={"files": [{"name": name, "sha256": sha256, "size_bytes": size}]},
            idempotency_key=f"console-import-{key}",
        )
        # A resent form gets the first answer replayed (state "uploading" as it was then): ask for now.
        current = await d.retrieve_import(imp["id"])
        if current.get("state") == "uploading":  # else the first of the two forms uploaded and started it
            try:
                await _upload_parts(d, imp["id"], name, upload)
                await d.start_import(imp["id"], idempotency_key=f"console-import-start-{key}")
            except companyos.ConflictError:
                # A double click's second request, racing the first one that is still uploading or
                # starting this very import: that one carries it through; show its progress.
                ctx.session.flash(
                    f"Import {imp['id']} of {name} is already being started: progress below.", "success"
                )
                return RedirectResponse(f"{back}?import={imp['id']}", 303)
    except companyos.StepUpRequired as challenge:
        ctx.session.data["pending"] = {
            "kind": "resume",
            "tenant": ctx.tenant,
            "args": {"message": "Multi-factor sign-in done: choose the file again to import it."},
            "back": back,
            "challenge": {"acr_values": challenge.acr_values, "max_age": challenge.max_age},
            "created": time.time(),
        }
        ctx.session.save()
        return RedirectResponse(f"{ctx.base}/auth/step-up", 303)
    except REFUSALS as error:
        flash_error(ctx.session, error)
        return RedirectResponse(back, 303)
    shown = f"{size / (1 << 20):.1f} MiB" if size >= 1 << 20 else f"{size:,} bytes"
    ctx.session.flash(f"Import {imp['id']} of {name} ({shown}, {fmt}) started: progress below.", "success")
    return RedirectResponse(f"{back}?import={imp['id']}", 303)


async def start_export(console: Console, request: Request) -> Response:
    from companyos_console.security import checked_form

    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    dataset_id = request.path_params["dataset_id"]
    back = _back(ctx, dataset_id)
    recipient = " ".join(str(form.get("recipient", "")).split())[:200]
    if not recipient:
        ctx.session.flash("Name who receives the export (it goes into the watermark).", "error")
        return RedirectResponse(back, 303)
    region = str(form.get("destination_region") or "")
    redactions = {
        str(k)[len("redact:") :]: str(v)
        for k, v in form.items()
        if str(k).startswith("redact:") and v in REDACTIONS and v != "keep"
    }
    args = {
        "dataset_id": dataset_id,
        "recipient": recipient,
        "destination_region": region if region in REGIONS else None,
        "since": _day(form.get("since")),
        "until": _day(form.get("until"), end=True),
        "redactions": redactions or None,
    }
    return await perform(console, ctx, "create_export", args, back=back)


def _day(value: Any, *, end: bool = False) -> str | None:
    """A date input (YYYY-MM-DD) as the start (or the end) of that day in UTC; else None."""
    text = str(value or "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    return f"{text}T23:59:59Z" if end else f"{text}T00:00:00Z"


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
        Route(t + "/{dataset_id}/imports", bind(start_import, console), methods=["POST"]),
        Route(t + "/{dataset_id}/exports", bind(start_export, console), methods=["POST"]),
    ]
