"""Pages. Each reads through the SDK only, for the tenant in the URL, and renders server-side."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

import companyos
from companyos_console import charts
from companyos_console.auth import Session, SignInRequired
from companyos_console.context import ENVIRONMENTS, Console, PageContext, page_context
from companyos_console.rendering import render
from companyos_console.security import checked_form

SEVERITIES = ("sev1", "sev2", "sev3", "sev4")
SEARCH_KINDS = ("service", "incident", "deployment", "alert")
PENDING_SECONDS = 600
ROLES = ("platform_engineer", "sre", "security_analyst", "tenant_admin", "viewer")


def routes(console: Console, bind: Any) -> list[Route]:
    t = "/t/{tenant}"
    return [
        Route("/tenants", bind(tenants_page, console)),
        Route(t + "/", bind(home, console)),
        Route(t + "/purpose", bind(state_purpose, console), methods=["POST"]),
        Route(t + "/services", bind(services_page, console)),
        Route(t + "/services/{service_id}", bind(service_page, console)),
        Route(t + "/deployments", bind(deployments_page, console), methods=["GET", "POST"]),
        Route(t + "/incidents", bind(incidents_page, console)),
        Route(t + "/incidents/{incident_id}", bind(incident_page, console)),
        Route(t + "/incidents/{incident_id}/notes", bind(add_note, console), methods=["POST"]),
        Route(t + "/policies", bind(policies_page, console), methods=["GET", "POST"]),
        Route(t + "/tenant", bind(tenant_page, console)),
        Route(t + "/search", bind(search_page, console)),
    ]


# -- shared ------------------------------------------------------------------------------------------
async def _first(pager: Any) -> tuple[list[dict[str, Any]], bool]:
    page = await pager.first_page()
    return list(page.items), bool(page.next_page_token)


async def permissions(ctx: PageContext, resource: str) -> dict[str, dict[str, Any]]:
    """The caller's decisions on a resource type, by action: what enables or disables controls."""
    result = await ctx.client.tenants.permissions(ctx.tenant, resource=resource)
    return {a["action"]: a for a in result["actions"]}


async def page(
    ctx: PageContext,
    template: str,
    title: str,
    section: str,
    *,
    chrome: tuple[dict[str, Any], str] | None = None,
    **data: Any,
) -> Response:
    """Render a tenant page with the global bar: breadcrumb, environment chip, search, inbox, user.

    ``chrome`` is the bar's tenant and firing-alert count when the page already has them (the home page
    gets both from the overview), saving the two reads the bar otherwise makes."""
    tenant_info: dict[str, Any] = {}
    alerts_count = "0"
    if chrome is not None:
        tenant_info, alerts_count = chrome
    elif ctx.tenant:
        tenant_info, (firing, more) = await asyncio.gather(
            ctx.client.tenants.retrieve(ctx.tenant),
            _first(ctx.client.alerts.list(status="firing", page_size=100)),
        )
        alerts_count = f"{len(firing)}{'+' if more else ''}"
    context = {
        "ctx": ctx,
        "title": title,
        "section": section,
        "tenant": ctx.tenant,
        "tenant_info": tenant_info,
        "environment": ctx.environment,
        "environments": ENVIRONMENTS,
        "alerts_count": alerts_count,
        "csrf_token": ctx.session.csrf_token,
        "flashes": ctx.session.pop_flashes(),
        "search_kinds": SEARCH_KINDS,
        **data,
    }
    return render(ctx.request, template, context)


def _back(ctx: PageContext, path: str) -> str:
    return f"{ctx.base}/t/{ctx.tenant}{path}"


# -- pages -------------------------------------------------------------------------------------------
async def index(console: Console, request: Request) -> Response:
    session = console.auth.session_of(request)
    if session is None or not session.signed_in:
        return render(request, "landing.html", {"title": "CompanyOS console"})
    ctx = await page_context(console, request)
    base = ctx.base
    if ctx.memberships:
        return RedirectResponse(f"{base}/t/{next(iter(ctx.memberships))}/", 303)
    return RedirectResponse(f"{base}/tenants", 303)


async def tenants_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request)
    tenants = [t async for t in ctx.client.tenants.list()]
    return await page(ctx, "tenants.html", "Tenants", "tenants", tenants=tenants)


async def home(console: Console, request: Request) -> Response:
    """One read: the API's aggregate overview (service health, deployments, incidents, spotlight)."""
    ctx = await page_context(console, request, request.path_params["tenant"])
    overview = await ctx.client.overview.retrieve(environment=ctx.environment, service_limit=100)
    incidents = overview["incidents"]
    return await page(
        ctx,
        "home.html",
        "Overview",
        "home",
        chrome=(overview["tenant"], str(overview["alerts"]["firing_total"])),
        overview=overview,
        services=overview["services"]["items"],
        deployments=overview["deployments"]["items"],
        severities=list(incidents["by_severity"].items()),
        open_incidents=incidents["items"],
        withheld={w["section"]: w for w in overview["withheld"]},
    )


async def services_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    services = [s async for s in ctx.client.services.list(environment=ctx.environment)]
    return await page(ctx, "services.html", "Services", "services", services=services)


async def service_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    service_id = request.path_params["service_id"]
    c = ctx.client
    service = await c.services.retrieve(service_id)
    since = (datetime.now(UTC) - timedelta(hours=24)).isoformat()
    (
        downstream,
        upstream,
        (deployments, _),
        (incidents, _),
        (alerts, _),
        (samples, _),
        analysis,
    ) = await asyncio.gather(
        c.services.dependencies(service_id, direction="downstream"),
        c.services.dependencies(service_id, direction="upstream"),
        _first(c.deployments.list_for_service(service_id, environment=ctx.environment, page_size=20)),
        _first(c.incidents.list(service_id=service_id, page_size=50)),
        _first(c.alerts.list(service_id=service_id, status="firing", page_size=50)),
        _first(c.services.sli_samples.list(service_id, since=since, page_size=500)),
        _analysis(c, service_id),
    )
    objective = (service.get("slo") or {}).get("objective")
    burndown = charts.budget_burndown(samples, objective)
    return await page(
        ctx,
        "service.html",
        service["name"],
        "services",
        service=service,
        downstream=[n for n in downstream.get("nodes", []) if n.get("depth")],
        upstream=[n for n in upstream.get("nodes", []) if n.get("depth")],
        deployments=deployments,
        incidents=[i for i in incidents if i.get("status") != "resolved"],
        alerts=alerts,
        sli_chart=charts.sli_chart(samples, objective),
        sli_summary=charts.sli_summary(samples),
        analysis=analysis,
        burn_rate_chart=charts.burn_rate_chart(analysis) if analysis else None,
        burndown_chart=charts.burndown_chart(burndown),
        budget_left=burndown[-1]["budget_remaining"] if burndown else None,
    )


async def _analysis(client: Any, service_id: str) -> dict[str, Any] | None:
    """The SLO analysis of the last 7 days (None when the caller may not read it)."""
    try:
        result: dict[str, Any] = await client.slos.analyze(service_id, days=7)
    except (companyos.PermissionDeniedError, companyos.NotFoundError):
        return None
    return result


async def deployments_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    if request.method == "POST":
        form = await checked_form(request, ctx.session.csrf_token)
        args = {
            "service_id": str(form.get("service_id", "")),
            "version": str(form.get("version", "")).strip(),
            "environment": ctx.environment,
            "description": str(form.get("description", "")).strip() or None,
        }
        return await perform(console, ctx, "create_deployment", args, back=_back(ctx, "/deployments"))
    c = ctx.client
    (deployments, more), (services, _), perms = await asyncio.gather(
        _first(c.deployments.list(environment=ctx.environment, page_size=50)),
        _first(c.services.list(environment=ctx.environment, page_size=200)),
        permissions(ctx, "deployment"),
    )
    return await page(
        ctx,
        "deployments.html",
        "Deployments",
        "deployments",
        deployments=deployments,
        more=more,
        services=services,
        can_create=perms.get("deployments:create", {}),
    )


async def incidents_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    status = request.query_params.get("status") or None
    severity = request.query_params.get("severity") or None
    statuses = ("investigating", "identified", "monitoring", "resolved")
    incidents = [
        i
        async for i in ctx.client.incidents.list(
            status=status if status in statuses else None,
            severity=severity if severity in SEVERITIES else None,
        )
    ]
    return await page(
        ctx,
        "incidents.html",
        "Incidents",
        "incidents",
        incidents=incidents,
        statuses=statuses,
        severities=SEVERITIES,
        status=status,
        severity=severity,
    )


async def incident_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    incident, perms = await asyncio.gather(
        ctx.client.incidents.retrieve(request.path_params["incident_id"]),
        permissions(ctx, "incident"),
    )
    return await page(
        ctx,
        "incident.html",
        incident["title"],
        "incidents",
        incident=incident,
        can_update=perms.get("incidents:update", {}),
    )


async def add_note(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    incident_id = request.path_params["incident_id"]
    args = {"incident_id": incident_id, "text": str(form.get("text", "")).strip()}
    return await perform(console, ctx, "add_note", args, back=_back(ctx, f"/incidents/{incident_id}"))


async def policies_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    if request.method == "POST":
        form = await checked_form(request, ctx.session.csrf_token)
        multi = form["_multi"]
        args = {
            "policy_id": str(form.get("policy_id", "")).strip(),
            "effect": "forbid",
            "actions": [a.strip() for a in str(form.get("actions", "")).split(",") if a.strip()],
            "roles": [r for r in multi.getlist("roles") if r in ROLES],
            "reason": str(form.get("reason", "")).strip(),
        }
        return await perform(console, ctx, "add_policy", args, back=_back(ctx, "/policies"))
    policies, perms = await asyncio.gather(
        _first(ctx.client.policies.list()),
        permissions(ctx, "policy"),
    )
    return await page(
        ctx,
        "policies.html",
        "Policies",
        "policies",
        policies=policies[0],
        can_update=perms.get("policies:update", {}),
        roles=ROLES,
    )


async def tenant_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    c = ctx.client.tenant_config
    config, (flags, _), (actions, _), residency, perms = await asyncio.gather(
        c.retrieve(),
        _first(c.flags.list(page_size=100)),
        _first(c.admin_actions(page_size=20)),
        c.residency(),
        permissions(ctx, "tenant"),
    )
    return await page(
        ctx,
        "tenant.html",
        "Tenant",
        "tenant",
        config=config,
        flags=flags,
        admin_actions=actions,
        residency=residency,
        can_update=perms.get("tenants:update", {}),
    )


async def search_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    q = (request.query_params.get("q") or "").strip()[:200]
    kind = request.query_params.get("kind") or ""
    results: list[dict[str, Any]] = []
    if q:
        results, _ = await _first(
            ctx.client.search.entities(q=q, kinds=kind if kind in SEARCH_KINDS else None, page_size=25)
        )
    template = "search_results.html" if request.headers.get("HX-Request") else "search.html"
    return await page(ctx, template, "Search", "search", q=q, kind=kind, results=results)


async def state_purpose(console: Console, request: Request) -> Response:
    """A platform admin states why they look into a tenant; every read then carries it (audited)."""
    session = console.auth.session_of(request)
    if session is None or not session.signed_in:
        raise SignInRequired("no session")
    form = await checked_form(request, session.csrf_token)
    tenant = request.path_params["tenant"]
    purpose = " ".join(str(form.get("purpose", "")).split())[:200]
    if purpose:
        session.data.setdefault("purposes", {})[tenant] = purpose
        session.save()
    base = str(request.scope.get("root_path", "")).rstrip("/")
    return RedirectResponse(f"{base}/t/{tenant}/", 303)


async def purpose_page(console: Console, request: Request, tenant: str) -> Response:
    session = console.auth.session_of(request)
    assert session is not None
    context = {"title": "State a purpose", "tenant": tenant, "csrf_token": session.csrf_token}
    return render(request, "purpose.html", context, status_code=403)


# -- actions (with step-up) --------------------------------------------------------------------------
ROLLOUT_ACTIONS = ("approve", "reject", "advance")


async def _run(client: Any, kind: str, args: dict[str, Any]) -> str | tuple[str, str]:
    """Perform one console action; a message, or a message and the path (under the tenant) to go to."""
    if kind == "add_policy":
        result = await client.policies.update(
            args["policy_id"],
            effect=args["effect"],
            actions=args["actions"],
            roles=args["roles"] or None,
            require_mfa=args.get("require_mfa"),
            mutations_only=args.get("mutations_only"),
            reason=args["reason"],
            idempotency_key=args["idempotency_key"],
        )
        policy = result.get("policy", result)
        return f"Policy {policy.get('id', args['policy_id'])} saved ({policy.get('status', 'approved')})."
    if kind == "resume":  # a read that needed the multi-factor sign-in: going back re-runs it
        return str(args.get("message") or "Multi-factor sign-in done.")
    if kind == "execute_plan":
        run = await client.maestro.plans.execute(
            args["plan_id"], reason=args["reason"], idempotency_key=args["idempotency_key"]
        )
        return f"Run {run['id']} of {run['plan_name']} started.", f"/runs/{run['id']}"
    if kind in ROLLOUT_ACTIONS:
        rollouts = client.features.rollouts
        rollout_id, key = args["rollout_id"], args["idempotency_key"]
        if kind == "advance":
            rollout = await rollouts.advance(rollout_id, idempotency_key=key)
        else:
            decide = rollouts.approve if kind == "approve" else rollouts.reject
            extra = {"comment": args["comment"]} if args.get("comment") else {}
            rollout = await decide(rollout_id, idempotency_key=key, **extra)
        status = str(rollout["status"]).replace("_", " ")
        return f"Rollout of {rollout['flag_key']} in {rollout['environment']}: {status}, {rollout['current_percentage']} %."
    if kind == "add_note":
        await client.incidents.add_timeline_entry(
            args["incident_id"], kind="note", text=args["text"], idempotency_key=args["idempotency_key"]
        )
        return "Note added to the timeline."
    if kind == "create_deployment":
        deployment = await client.deployments.create(
            args["service_id"],
            version=args["version"],
            environment=args["environment"],
            description=args["description"],
            idempotency_key=args["idempotency_key"],
        )
        return f"Deployment {deployment['id']} recorded."
    raise ValueError(kind)


async def perform(
    console: Console, ctx: PageContext, kind: str, args: dict[str, Any], *, back: str
) -> Response:
    """Run an action; on a step-up challenge, keep it pending, send the user through the provider's
    multi-factor sign-in, and run it once they are back (see :func:`resume_pending`)."""
    args = {**args, "idempotency_key": f"console-{uuid.uuid4()}"}
    try:
        message, path = _outcome(await _run(ctx.client, kind, args))
        ctx.session.flash(message, "success")
        if path:
            back = _back(ctx, path)
    except companyos.StepUpRequired as challenge:
        ctx.session.data["pending"] = {
            "kind": kind,
            "tenant": ctx.tenant,
            "args": args,
            "back": back,
            "challenge": {"acr_values": challenge.acr_values, "max_age": challenge.max_age},
            "created": time.time(),
        }
        ctx.session.save()
        return RedirectResponse(f"{ctx.base}/auth/step-up", 303)
    except (
        companyos.PermissionDeniedError,
        companyos.BadRequestError,
        companyos.ConflictError,
        companyos.NotFoundError,
        companyos.UnprocessableEntityError,
    ) as error:
        _flash_error(ctx.session, error)
    return RedirectResponse(back, 303)


async def resume_pending(
    console: Console, session: Session, pending: dict[str, Any], request: Request
) -> str:
    """After a step-up sign-in: run the pending action with the stronger token, once (and only if it was
    asked for in the last few minutes)."""
    if time.time() - float(pending.get("created", 0)) > PENDING_SECONDS:
        session.flash(
            "The pending action expired before the multi-factor sign-in; nothing was done.", "error"
        )
        return str(pending["back"])
    client = console.client(session, tenant=pending["tenant"])
    try:
        message, path = _outcome(await _run(client, pending["kind"], pending["args"]))
        session.flash(message, "success")
        if path:
            base = str(request.scope.get("root_path", "")).rstrip("/")
            return f"{base}/t/{pending['tenant']}{path}"
    except companyos.StepUpRequired:
        session.flash("The multi-factor sign-in did not complete; the action was not performed.", "error")
    except companyos.APIStatusError as error:
        _flash_error(session, error)
    return str(pending["back"])


def _outcome(result: str | tuple[str, str]) -> tuple[str, str | None]:
    return (result, None) if isinstance(result, str) else result


def _flash_error(session: Session, error: companyos.APIStatusError) -> None:
    message = error.detail or str(error)
    reasons = error.reasons or [e.get("message", "") for e in error.errors if isinstance(e, dict)]
    if reasons:
        message += " (" + "; ".join(str(r) for r in reasons) + ")"
    session.flash(message, "error")


def query(**params: Any) -> str:
    return urlencode({k: v for k, v in params.items() if v})
