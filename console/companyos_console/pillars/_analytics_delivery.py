"""Analytics > Exports & schedules: export a report now (signed, watermarked pack per recipient) and the
scheduled reports (delivery policies) with run-now, pause/resume and delete. All through the SDK; every
control is enabled by the caller's policy decision and otherwise says why."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from companyos_console.actions import action, perform
from companyos_console.context import Console, page_context

REPORTS = {"adoption": "Feature adoption", "active_users": "DAU / WAU / MAU", "ops_kpis": "Operational KPIs"}
FORMATS = ("csv", "ndjson", "parquet")
EVERY = ("day", "week", "month")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REGIONS = ("eu", "us", "uk", "apac", "ca")
SCHEDULE_ACTIONS = ("run", "pause", "resume", "delete")


def _back(ctx: Any) -> str:
    return f"{ctx.base}/t/{ctx.tenant}/analytics/exports"


def _view(job: dict[str, Any] | None) -> dict[str, Any]:
    return {"state": job["state"] if job else "not started"}


async def exports_page(console: Console, request: Request) -> Response:
    from companyos_console.views import page, permissions

    ctx = await page_context(console, request, request.path_params["tenant"])
    a = ctx.client.analytics
    exports, schedules, perms = await asyncio.gather(
        a.list_exports(page_size=25).first_page(), a.list_schedules(page_size=100).first_page(),
        permissions(ctx, "tenant"),
    )  # fmt: skip
    items = [{**e, "view": _view(e.get("job"))} for e in exports.items]
    return await page(ctx, "analytics/exports.html", "Exports & schedules", "analytics", exports=items,
                      schedules=list(schedules.items), reports=REPORTS, formats=FORMATS, every=EVERY,
                      weekdays=WEEKDAYS, regions=REGIONS, can_export=perms.get("analytics:export", {}),
                      can_schedule=perms.get("analytics:schedule", {}))  # fmt: skip


def _parameters(form: Any) -> dict[str, Any]:
    """The report's parameters from the form: a feature (adoption needs one) and a window in days."""
    report = str(form.get("report") or "")
    out: dict[str, Any] = {}
    feature = " ".join(str(form.get("feature") or "").split())[:200]
    if feature and report in ("adoption", "active_users"):
        out["feature"] = feature
    days = str(form.get("days") or "")
    if re.fullmatch(r"\d{1,4}", days):
        out["days"] = min(max(int(days), 1), 3650)
    return out


def _recipients(text: Any) -> list[str]:
    seen: list[str] = []
    for part in re.split(r"[,\n]", str(text or "")):
        name = " ".join(part.split())[:200]
        if name and name not in seen:
            seen.append(name)
    return seen


@action("create_analytics_export")
async def _create_export(client: Any, args: dict[str, Any]) -> str:
    export = await client.analytics.create_export(
        report=args["report"], parameters=args["parameters"], format=args["format"], recipient=args["recipient"],
        idempotency_key=args["idempotency_key"],
        **{k: args[k] for k in ("destination_region",) if args.get(k)},
    )  # fmt: skip
    return f"Export {export['id']} of {export['report']} for {export['recipient']} started: its signed pack appears below when done."


@action("create_analytics_schedule")
async def _create_schedule(client: Any, args: dict[str, Any]) -> str:
    schedule = await client.analytics.create_schedule(
        name=args["name"], report=args["report"], parameters=args["parameters"], format=args["format"],
        recipients=args["recipients"], cadence=args["cadence"], idempotency_key=args["idempotency_key"],
    )  # fmt: skip
    return f"Scheduled “{schedule['name']}”: next delivery {schedule['next_run_at']}."


@action("analytics_schedule_action")
async def _schedule_action(client: Any, args: dict[str, Any]) -> str:
    a, schedule_id, what = client.analytics, args["schedule_id"], args["what"]
    if what == "run":
        result = await a.run_schedule(schedule_id, idempotency_key=args["idempotency_key"])
        return f"Delivering now: {len(result['exports'])} export(s), one per recipient."
    if what == "delete":
        await a.delete_schedule(schedule_id)
        return f"Schedule {schedule_id} removed (its past exports stay)."
    updated = await a.update_schedule(
        schedule_id, enabled=what == "resume", idempotency_key=args["idempotency_key"]
    )
    return f"“{updated['name']}” {'resumed' if updated['enabled'] else 'paused'}."


async def start_export(console: Console, request: Request) -> Response:
    from companyos_console.security import checked_form

    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    recipient = " ".join(str(form.get("recipient") or "").split())[:200]
    report = str(form.get("report") or "")
    if not recipient or report not in REPORTS:
        ctx.session.flash(
            "Choose a report and name who receives the export (it goes into the watermark).", "error"
        )
        return RedirectResponse(_back(ctx), 303)
    region = str(form.get("destination_region") or "")
    args = {"report": report, "parameters": _parameters(form), "recipient": recipient,
            "format": str(form.get("format")) if form.get("format") in FORMATS else "csv",
            "destination_region": region if region in REGIONS else None}  # fmt: skip
    return await perform(console, ctx, "create_analytics_export", args, back=_back(ctx))


async def create_schedule(console: Console, request: Request) -> Response:
    from companyos_console.security import checked_form

    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    name = " ".join(str(form.get("name") or "").split())[:200]
    recipients = _recipients(form.get("recipients"))[:20]
    report = str(form.get("report") or "")
    if not name or not recipients or report not in REPORTS:
        ctx.session.flash("A schedule needs a name, a report and at least one recipient.", "error")
        return RedirectResponse(_back(ctx), 303)
    every = str(form.get("every")) if form.get("every") in EVERY else "week"
    cadence: dict[str, Any] = {"every": every}
    at = str(form.get("at") or "")
    if re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", at):
        cadence["at"] = at
    if every == "week" and form.get("weekday") in WEEKDAYS:
        cadence["weekday"] = str(form.get("weekday"))
    day = str(form.get("day_of_month") or "")
    if every == "month" and re.fullmatch(r"\d{1,2}", day) and 1 <= int(day) <= 28:
        cadence["day_of_month"] = int(day)
    args = {"name": name, "report": report, "parameters": _parameters(form), "recipients": recipients,
            "format": str(form.get("format")) if form.get("format") in FORMATS else "csv", "cadence": cadence}  # fmt: skip
    return await perform(console, ctx, "create_analytics_schedule", args, back=_back(ctx))


async def schedule_action(console: Console, request: Request) -> Response:
    from companyos_console.security import checked_form

    ctx = await page_context(console, request, request.path_params["tenant"])
    await checked_form(request, ctx.session.csrf_token)
    what = request.path_params["action"]
    if what not in SCHEDULE_ACTIONS:
        ctx.session.flash(f"No such schedule action: {what[:40]}.", "error")
        return RedirectResponse(_back(ctx), 303)
    args = {"schedule_id": request.path_params["schedule_id"], "what": what}
    return await perform(console, ctx, "analytics_schedule_action", args, back=_back(ctx))


async def export_pack(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    export_id = request.path_params["export_id"]
    data = await ctx.client.analytics.download_export(export_id)
    return Response(data, media_type="application/gzip",
                    headers={"Content-Disposition": f'attachment; filename="{export_id}.tar.gz"'})  # fmt: skip


def routes(console: Console, bind: Any) -> list[BaseRoute]:
    t = "/t/{tenant}/analytics/exports"
    return [
        Route(t, bind(exports_page, console)),
        Route(t, bind(start_export, console), methods=["POST"]),
        Route(t + "/{export_id}/pack", bind(export_pack, console)),
        Route("/t/{tenant}/analytics/schedules", bind(create_schedule, console), methods=["POST"]),
        Route(
            "/t/{tenant}/analytics/schedules/{schedule_id}/{action:str}",
            bind(schedule_action, console),
            methods=["POST"],
        ),
    ]
