"""The Security pillar: open security alerts by severity and owner, the security-event timeline, the
principals at risk, and a playbook launcher (Maestro plans with containment steps: account.lock, credential.rotate,
tenant.enforce_step_up, tenant.raise_logging, service.isolate).

Everything goes through the SDK (``alerts`` with ``category=security``, ``secops``, ``maestro``). A
playbook is previewed first: its dry run shows what each step would change (nothing runs). Running it is
a high-risk action: without a fresh MFA sign-in the API answers with a step-up challenge, and the console
takes the user through the provider's TOTP step-up, then starts the run and follows it live.
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from companyos_console.context import Console, page_context
from companyos_console.pillars import Pillar

PILLAR = Pillar("security", "Security", "/security", order=55)
SEVERITIES = ("critical", "warning", "info")
PLAN_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
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
    from companyos_console.views import (
        page,
        permissions,
        withheld,
    )  # views imports the pillars: resolve at call time

    ctx = await page_context(console, request, request.path_params["tenant"])
    client = ctx.client
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


async def playbook_preview(console: Console, request: Request) -> Response:
    """A playbook's dry run: what each step would change, its risk and compensation — nothing runs. The
    confirming form (a reason, then step-up) starts it and shows the run live."""
    from companyos_console.actions import REFUSALS, flash_error
    from companyos_console.views import page, permissions

    ctx = await page_context(console, request, request.path_params["tenant"])
    back = f"{ctx.base}/t/{ctx.tenant}/security"
    plan_id = request.query_params.get("plan_id") or ""
    if not PLAN_ID.fullmatch(plan_id):
        ctx.session.flash("Choose a playbook.", "error")
        return RedirectResponse(back, 303)
    try:
        plan, impact, perms = await asyncio.gather(
            ctx.client.maestro.plans.retrieve(plan_id),
            ctx.client.maestro.plans.dry_run(plan_id),
            permissions(ctx, "plan"),
        )
    except REFUSALS as error:
        flash_error(ctx.session, error)
        return RedirectResponse(back, 303)
    return await page(
        ctx,
        "remediation.html",
        f"Playbook {plan['name']}: impact (dry run)",
        "security",
        ref="",
        label=f"Playbook {plan['name']}",
        plan=plan,
        impact=impact,
        back=back,
        can_run={**perms.get("maestro:execute", {}), "requires_step_up": impact["requires_step_up"]},
    )


def routes(console: Console, bind: Any) -> list[BaseRoute]:
    return [
        Route("/t/{tenant}/security", bind(security_page, console)),
        Route("/t/{tenant}/security/playbook", bind(playbook_preview, console)),
    ]
