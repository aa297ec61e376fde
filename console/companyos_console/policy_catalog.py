"""The Policies page: the catalog, the tenant's recent decisions, and policy exceptions.

- **Catalog**: built-in and tenant policies; *Add a tenant forbid policy* (high-risk: step-up) and, per
  tenant policy, *Edit* with a dry-run diff (:mod:`companyos_console.policy_editing`) and *Inspect*.
- **Decisions**: the newest authorization decisions with their reasons and the policies that decided
  them, filtered by outcome and action (``policies.decisions``).
- **Exceptions**: pending, active and expired waivers of a forbid policy, for the tenant or one service;
  *Request an exception* and *Approve* (never by its requester; an exception to a policy that requires
  multi-factor authentication goes through step-up).

A section the caller may not read says so, with the policy's reason; a control they may not use is
disabled, with the reason.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from companyos_console import views
from companyos_console.actions import action, perform
from companyos_console.context import Console, PageContext, page_context
from companyos_console.security import checked_form

OUTCOMES = ("allow", "deny")
EXCEPTION_STATUSES = ("pending", "active", "expired")
DURATIONS = (4, 24, 72, 168)  # hours an exception may be asked for from the console
ACTION_NAME = re.compile(r"[a-z_]{1,40}:[a-z_]{1,60}")
EXCEPTION_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
DECISIONS_SHOWN = 25


def routes(console: Console, bind: Any) -> list[Route]:
    t = "/t/{tenant}/policies"
    return [
        Route(t, bind(policies_page, console), methods=["GET", "POST"]),
        Route(t + "/exceptions", bind(request_exception, console), methods=["POST"]),
        Route(t + "/exceptions/{exception_id}/approve", bind(approve_exception, console), methods=["POST"]),
    ]


@action("request_exception")
async def _request_exception(client: Any, args: dict[str, Any]) -> str:
    exception = await client.policies.exceptions.create(
        policy_id=args["policy_id"],
        reason=args["reason"],
        duration_hours=args["duration_hours"],
        idempotency_key=args["idempotency_key"],
        **({"service_id": args["service_id"]} if args.get("service_id") else {}),
    )
    return f"Exception to {exception['policy_id']} requested: it waits for someone else's approval."


@action("approve_exception")
async def _approve_exception(client: Any, args: dict[str, Any]) -> str:
    exception = await client.policies.exceptions.approve(
        args["exception_id"], idempotency_key=args["idempotency_key"]
    )
    expires = str(exception["expires_at"])[:16].replace("T", " ")
    return f"Exception to {exception['policy_id']} approved: active until {expires} UTC."


async def policies_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    if request.method == "POST":
        form = await checked_form(request, ctx.session.csrf_token)
        args = {
            "policy_id": str(form.get("policy_id", "")).strip(),
            "effect": "forbid",
            "actions": [a.strip() for a in str(form.get("actions", "")).split(",") if a.strip()],
            "roles": [r for r in form["_multi"].getlist("roles") if r in views.ROLES],
            "reason": str(form.get("reason", "")).strip(),
        }
        return await perform(console, ctx, "add_policy", args, back=views._back(ctx, "/policies"))
    q = request.query_params
    outcome = q.get("outcome") if q.get("outcome") in OUTCOMES else None
    wanted_action = q.get("action") if ACTION_NAME.fullmatch(q.get("action") or "") else None
    c = ctx.client
    (
        policies,
        ((decisions, _), decisions_withheld),
        ((exceptions, _), exceptions_withheld),
        perms,
        exception_perms,
    ) = await asyncio.gather(
        views._first(c.policies.list()),
        views.withheld(
            views._first(
                c.policies.decisions(outcome=outcome, action=wanted_action, page_size=DECISIONS_SHOWN)
            ),
            ([], False),
        ),
        views.withheld(views._first(c.policies.exceptions.list(page_size=100)), ([], False)),
        views.permissions(ctx, "policy"),
        views.permissions(ctx, "policy_exception"),
    )
    catalog = policies[0]
    return await views.page(
        ctx,
        "policies.html",
        "Policies",
        "policies",
        policies=catalog,
        forbids=[p for p in catalog if p["effect"] == "forbid" and p["enabled"]],
        can_update=perms.get("policies:update", {}),
        roles=views.ROLES,
        decisions=decisions,
        decisions_withheld=decisions_withheld,
        outcome=outcome,
        decision_action=wanted_action or "",
        outcomes=OUTCOMES,
        exceptions=sorted(exceptions, key=lambda e: EXCEPTION_STATUSES.index(e["status"])),
        exceptions_withheld=exceptions_withheld,
        can_request=exception_perms.get("policy_exceptions:create", {}),
        can_approve=exception_perms.get("policy_exceptions:approve", {}),
        subject=ctx.me.get("subject"),
        durations=DURATIONS,
    )


def _refused(ctx: PageContext, message: str) -> Response:
    ctx.session.flash(message, "error")
    return RedirectResponse(views._back(ctx, "/policies#exceptions"), 303)


async def request_exception(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    policy_id = str(form.get("policy_id", "")).strip()
    reason = " ".join(str(form.get("reason", "")).split())[:1000]
    try:
        hours = int(str(form.get("duration_hours", "")))
    except ValueError:
        hours = 0
    if not policy_id or not reason:
        return _refused(ctx, "Name the policy and the reason for the exception.")
    if hours not in DURATIONS:
        return _refused(ctx, f"An exception lasts {', '.join(map(str, DURATIONS))} hours.")
    args = {
        "policy_id": policy_id,
        "reason": reason,
        "duration_hours": hours,
        "service_id": str(form.get("service_id", "")).strip(),
    }
    return await perform(
        console, ctx, "request_exception", args, back=views._back(ctx, "/policies#exceptions")
    )


async def approve_exception(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    await checked_form(request, ctx.session.csrf_token)
    exception_id = request.path_params["exception_id"]
    if not EXCEPTION_ID.fullmatch(exception_id):
        return _refused(ctx, "No such exception.")
    args = {"exception_id": exception_id}
    return await perform(
        console, ctx, "approve_exception", args, back=views._back(ctx, "/policies#exceptions")
    )
