"""The Security pillar: open security alerts by severity and owner, the security-event timeline, the
principals at risk, and a playbook launcher (Maestro plans with containment steps: account.lock, credential.rotate,
tenant.enforce_step_up, tenant.raise_logging, service.isolate).

Everything goes through the SDK (``alerts`` with ``category=security``, ``secops``, ``maestro``). Running
a playbook is a high-risk action: without a fresh MFA sign-in the API answers with a step-up challenge,
and the console takes the user through the provider's TOTP step-up, then starts the run and follows it
live on its run page.
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from companyos_console.context import Console, page_context
from companyos_console.pillars import Pillar

PILLAR = Pillar("security", "Security", "/security", order=55)
SEVERITIES = ("critical", "warning", "info")
GRAPH_ID = re.compile(r"[A-Za-z0-9_.-]{1,100}")  # a principal IntelGraph can name (principal:<id>)
PLAYBOOK_ACTIONS = {
    "account.lock",
    "credential.rotate",
    "tenant.enforce_step_up",
    "tenant.raise_logging",
    "service.isolate",
}


async def _items(pager: Any) -> list[dict[str, Any]]:
    page = await pager.first_page()
    return list(page.items)


async def security_page(console: Console, request: Request) -> Response:
    from companyos_console.actions import perform
    from companyos_console.security import checked_form
    from companyos_console.views import (
        page,
        permissions,
        withheld,
    )  # views imports the pillars: resolve at call time

    ctx = await page_context(console, request, request.path_params["tenant"])
    client = ctx.client
    if request.method == "POST":
        # A playbook is a high-risk plan: the API asks for a fresh multi-factor sign-in, the console
        # sends the user through it and starts the run when they are back, then shows it live.
        form = await checked_form(request, ctx.session.csrf_token)
        plan_id = str(form.get("plan_id") or "")[:60]
        reason = " ".join(str(form.get("reason", "")).split())[:500] or "playbook launched from the console"
        back = f"{ctx.base}/t/{ctx.tenant}/security"
        return await perform(console, ctx, "execute_plan", {"plan_id": plan_id, "reason": reason}, back=back)
    (
        (alerts, alerts_withheld),
        (events, events_withheld),
        (plans, plans_withheld),
        perms,
    ) = await asyncio.gather(
        withheld(_items(client.alerts.list(category="security", page_size=200)), []),
        withheld(_items(client.secops.list_events(page_size=50)), []),
        withheld(_items(client.maestro.plans.list(page_size=100)), []),
        permissions(ctx, "plan"),
    )
    open_alerts = [a for a in alerts if a["status"] in ("firing", "acknowledged")]
    by_severity = {s: [a for a in open_alerts if a["severity"] == s] for s in SEVERITIES}
    owners = Counter(a.get("acknowledged_by") or "unowned" for a in open_alerts)
    principals = sorted(
        {a["principal"]: a.get("risk") or 0 for a in open_alerts if a.get("principal")}.items(),
        key=lambda p: -p[1],
    )
    playbooks = [p for p in plans if any(s.get("action") in PLAYBOOK_ACTIONS for s in (p.get("steps") or []))]
    return await page(
        ctx,
        "security/index.html",
        "Security",
        "security",
        by_severity=by_severity,
        severities=SEVERITIES,
        owners=sorted(owners.items()),
        principals=principals[:10],
        events=events,
        playbooks=playbooks,
        can_run=perms.get("maestro:execute", {}),
        withheld={"alerts": alerts_withheld, "events": events_withheld, "plans": plans_withheld},
        inspectable={a["principal"] for a in open_alerts if GRAPH_ID.fullmatch(a.get("principal") or "")},
    )


def routes(console: Console, bind: Any) -> list[BaseRoute]:
    return [Route("/t/{tenant}/security", bind(security_page, console), methods=["GET", "POST"])]
