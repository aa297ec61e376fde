"""The alerts inbox: what is firing or owned, and the on-call actions on each alert.

``GET /t/{tenant}/alerts`` lists the tenant's alerts (open ones by default: firing and acknowledged),
filtered by status, severity and category, each with its service, owner, silence and incident.
Acknowledge, silence (for 1, 4 or 24 hours, with a reason) and "open an incident" post back to
``/t/{tenant}/alerts/{alert_id}/{acknowledge|silence|incident}``; each control is enabled by the
caller's policy decision and, when disabled, says why. Opening an incident lands on its page.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from companyos_console import views
from companyos_console.actions import SILENCE_HOURS, perform, silence_until
from companyos_console.context import Console, PageContext, page_context
from companyos_console.security import checked_form

STATUSES = ("open", "firing", "acknowledged", "silenced", "resolved")
OPEN = ("firing", "acknowledged")
SEVERITIES = ("critical", "warning", "info")
CATEGORIES = ("operations", "security")
PAGE = 100
ALERT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
VERBS = {"acknowledge": "acknowledge_alert", "silence": "silence_alert", "incident": "open_incident"}


def routes(console: Console, bind: Any) -> list[Route]:
    t = "/t/{tenant}"
    return [
        Route(t + "/alerts", bind(inbox_page, console)),
        Route(t + "/alerts/{alert_id}/{verb}", bind(alert_action, console), methods=["POST"]),
    ]


def _choice(value: str | None, allowed: tuple[str, ...]) -> str | None:
    return value if value in allowed else None


async def _alerts(ctx: PageContext, status: str, **filters: Any) -> tuple[list[dict[str, Any]], bool]:
    """The alerts in ``status`` ("open": firing, then acknowledged), newest first within each."""
    wanted = OPEN if status == "open" else (status,)
    pages = await asyncio.gather(
        *(views._first(ctx.client.alerts.list(status=s, page_size=PAGE, **filters)) for s in wanted)
    )
    return [a for items, _ in pages for a in items], any(more for _, more in pages)


async def inbox_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    q = request.query_params
    status = _choice(q.get("status"), STATUSES) or "open"
    severity, category = _choice(q.get("severity"), SEVERITIES), _choice(q.get("category"), CATEGORIES)
    (alerts, more), (incidents, _), perms = await asyncio.gather(
        _alerts(ctx, status, severity=severity, category=category),
        views._first(ctx.client.incidents.list(page_size=100)),
        views.permissions(ctx, "alert"),
    )
    titles = {i["id"]: i["title"] for i in incidents}
    return await views.page(
        ctx,
        "alerts.html",
        "Alerts inbox",
        "alerts",
        alerts=[{**a, "incident_title": titles.get(a.get("incident_id") or "")} for a in alerts],
        more=more,
        status=status,
        severity=severity,
        category=category,
        statuses=STATUSES,
        severities=SEVERITIES,
        categories=CATEGORIES,
        silence_hours=SILENCE_HOURS,
        can_acknowledge=perms.get("alerts:acknowledge", {}),
        can_silence=perms.get("alerts:silence", {}),
        can_open_incident=perms.get("alerts:open_incident", {}),
    )


async def alert_action(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    alert_id, verb = request.path_params["alert_id"], request.path_params["verb"]
    back = views.safe_back(ctx, form, "/alerts")
    if verb not in VERBS or not ALERT_ID.fullmatch(alert_id):
        ctx.session.flash("No such alert action.", "error")
        return RedirectResponse(back, 303)
    args: dict[str, Any] = {"alert_id": alert_id}
    if verb == "silence":
        try:
            hours = int(str(form.get("hours", "")))
        except ValueError:
            hours = 0
        if hours not in SILENCE_HOURS:
            ctx.session.flash(f"Silence for {', '.join(map(str, SILENCE_HOURS))} hours.", "error")
            return RedirectResponse(back, 303)
        reason = " ".join(str(form.get("reason", "")).split())[:500]
        args |= {"until": silence_until(hours), "reason": reason}
    return await perform(console, ctx, VERBS[verb], args, back=back)
