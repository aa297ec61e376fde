"""The "Inspect entity" side panel and the inline remediations it offers.

``GET /t/{tenant}/inspect?ref=<kind>:<id>`` reads the API's inspect operation: IntelGraph neighbours,
the audit trail, observability links and every action on the entity with the caller's decision. With
htmx the answer is the panel alone (swapped into ``#inspect-panel``); without JavaScript a full page.

Remediations (``maestro:<action type>``) are ad-hoc Maestro plans, as the API describes them: the
console first prepares the one-step plan and shows its dry-run impact summary (nothing runs), and only a
second, confirming post executes it, through the step-up flow when the plan is high risk.

Each remediation target has one plan, named after it ("Restart checkout-api (console)"): a preview reuses
it (a new version only when its step changed), so previews that are never confirmed do not pile up
unexecuted plans in the tenant's catalogue, and every run of that remediation is in one plan's history.
"""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

import companyos
from companyos_console import actions, views
from companyos_console.actions import INCIDENT_STATUSES
from companyos_console.context import Console, PageContext, page_context
from companyos_console.rendering import render
from companyos_console.security import checked_form

REF = re.compile(r"[a-z_]{1,40}:[A-Za-z0-9_.:-]{1,200}")
REMEDIATION_PREFIX = "maestro:"
# The remediations the console can start from the panel: label and how the entity fills the step.
REMEDIATIONS: dict[str, tuple[str, Any]] = {
    "deployment.rollback": ("Roll back", lambda entity, env: {"deployment_id": entity["id"]}),
    "service.restart": ("Restart", lambda entity, env: {"service_id": entity["id"], "environment": env}),
    "service.isolate": (
        "Isolate",
        lambda entity, env: {
            "service_id": entity["id"],
            "reason": "Isolated from the console (suspected compromise)",
        },
    ),
}


def routes(console: Console, bind: Any) -> list[Route]:
    t = "/t/{tenant}"
    return [
        Route(t + "/inspect", bind(inspect_page, console)),
        Route(t + "/remediations", bind(preview_remediation, console), methods=["POST"]),
        Route(t + "/remediations/{plan_id}/run", bind(run_remediation, console), methods=["POST"]),
    ]


def inline_form(ctx: PageContext, entity: dict[str, Any], action: str) -> dict[str, Any] | None:
    """The form the panel offers for a contract action on this entity, when the console has one: where
    it posts (the same handlers as the entity's own page), its label, and a choice to make if any."""
    kind, ident, attributes = entity["kind"], entity["id"], entity.get("attributes") or {}
    t = f"{ctx.base}/t/{ctx.tenant}"
    if (kind, action) == ("incident", "incidents:update"):
        choice = {
            "name": "status",
            "label": "Status",
            "options": INCIDENT_STATUSES,
            "selected": attributes.get("status"),
        }
        return {"label": "Change status", "url": f"{t}/incidents/{ident}/status", "choice": choice}
    if (kind, action) == ("alert", "alerts:acknowledge") and attributes.get("status") == "firing":
        return {"label": "Acknowledge", "url": f"{t}/alerts/{ident}/acknowledge"}
    if (kind, action) == ("alert", "alerts:open_incident"):
        return {"label": "Open its incident", "url": f"{t}/alerts/{ident}/incident"}
    if (kind, action) == ("policy", "policies:update"):
        edit = f"{t}/policies/edit"
        return {
            "label": "Edit (dry-run diff first)",
            "url": edit,
            "method": "get",
            "fields": {"policy": ident},
        }
    return None


def _actions(
    ctx: PageContext, inspection: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The entity's contract actions (with the console's inline form when it has one), and its
    remediations (with the console's label when supported)."""
    contract, remediations = [], []
    for action in inspection.get("actions") or []:
        name = str(action["action"])
        if name.startswith(REMEDIATION_PREFIX):
            kind = name[len(REMEDIATION_PREFIX) :]
            label = REMEDIATIONS.get(kind, (None, None))[0]
            remediations.append({**action, "type": kind, "label": label})
        else:
            contract.append({**action, "inline": inline_form(ctx, inspection["entity"], name)})
    return contract, remediations


async def inspect_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    ref = request.query_params.get("ref") or ""
    if not REF.fullmatch(ref):
        raise HTTPException(400, "Name an entity as kind:id.")
    inspection = await ctx.client.inspect.entity(ref=ref)
    entity = inspection["entity"]
    contract, remediations = _actions(ctx, inspection)
    neighbours = [
        {**n, "href": views.page_of(ctx, n["kind"], n["id"])} for n in inspection["neighbours"]["entities"]
    ]
    data = {
        "inspection": inspection,
        "entity": entity,
        "entity_href": views.page_of(ctx, entity["kind"], entity["id"])
        if entity["kind"] in views.PAGES
        else None,
        "neighbours": neighbours,
        "contract_actions": contract,
        "remediations": remediations,
        "here": _here(request),
    }
    if request.headers.get("HX-Request"):
        chrome = {"ctx": ctx, "tenant": ctx.tenant, "csrf_token": ctx.session.csrf_token}
        return render(request, "inspect_panel.html", {**chrome, **data, "as_panel": True})
    return await views.page(ctx, "inspect.html", f"Inspect {entity.get('name') or ref}", "", **data)


def _here(request: Request) -> str:
    """Where the user is: the page under the side panel (htmx says which), else this inspect page."""
    current = urlsplit(request.headers.get("HX-Current-URL") or str(request.url))
    return current.path + (f"?{current.query}" if current.query else "")


async def preview_remediation(console: Console, request: Request) -> Response:
    """Create the one-step plan and show its dry-run impact summary (nothing runs yet)."""
    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    ref, action = str(form.get("ref", "")), str(form.get("action", ""))
    back = views._back(ctx, f"/inspect?{views.query(ref=ref)}")
    if not REF.fullmatch(ref) or action not in REMEDIATIONS:
        raise HTTPException(400, "No such remediation.")
    label, parameters = REMEDIATIONS[action]
    kind, _, ident = ref.partition(":")
    entity = {"kind": kind, "id": ident}
    steps = [{"id": "remediate", "action": action, "parameters": parameters(entity, ctx.environment)}]
    try:
        plan = await _remediation_plan(ctx, f"{label} {ident} (console)", steps)
        impact = await ctx.client.maestro.plans.dry_run(plan["id"])
    except (
        companyos.PermissionDeniedError,
        companyos.BadRequestError,
        companyos.ConflictError,
        companyos.NotFoundError,
        companyos.UnprocessableEntityError,
    ) as error:
        actions.flash_error(ctx.session, error)
        return RedirectResponse(back, 303)
    perms = await views.permissions(ctx, "plan")
    return await views.page(
        ctx,
        "remediation.html",
        f"{label}: impact (dry run)",
        "",
        ref=ref,
        label=label,
        plan=plan,
        impact=impact,
        back=back,
        can_run={**perms.get("maestro:execute", {}), "requires_step_up": impact["requires_step_up"]},
    )


async def _remediation_plan(ctx: PageContext, name: str, steps: list[dict[str, Any]]) -> dict[str, Any]:
    """The target's plan: created on its first preview, else reused (updated when its step differs)."""
    async for existing in ctx.client.maestro.plans.list(name=name):
        if [_step(s) for s in existing["steps"]] == [_step(s) for s in steps]:
            return dict(existing)
        updated = await ctx.client.maestro.plans.update(
            existing["id"], steps=steps, idempotency_key=f"console-{uuid.uuid4()}"
        )
        return dict(updated)
    created = await ctx.client.maestro.plans.create(
        name=name,
        description=f"Remediation started from the console's inspect panel (first by {ctx.me.get('subject')}).",
        steps=steps,
        idempotency_key=f"console-{uuid.uuid4()}",
    )
    return dict(created)


def _step(step: Any) -> tuple[str, str, dict[str, Any]]:
    return (str(step["id"]), str(step["action"]), dict(step.get("parameters") or {}))


async def run_remediation(console: Console, request: Request) -> Response:
    """Confirmed: execute the plan (step-up when it is high risk), then follow the run live."""
    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    plan_id = request.path_params["plan_id"]
    reason = " ".join(str(form.get("reason", "")).split())[:500] or "started from the console"
    args = {"plan_id": plan_id, "reason": reason}
    back = views.safe_back(ctx, form, f"/inspect?{views.query(ref=str(form.get('ref', '')))}")
    return await actions.perform(console, ctx, "execute_plan", args, back=back)
