"""Pages. Each reads through the SDK only, for the tenant in the URL, and renders server-side."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

import companyos
from companyos_console import charts
from companyos_console.actions import INCIDENT_STATUSES, RESPONDER_ROLES, perform
from companyos_console.auth import SignInRequired
from companyos_console.context import ENVIRONMENTS, Console, PageContext, page_context
from companyos_console.rendering import render
from companyos_console.security import checked_form

T = TypeVar("T")
DEPLOYMENTS_SHOWN = 50
THROUGHPUT_WINDOW = 200  # the newest deployments the throughput chart counts
SEVERITIES = ("sev1", "sev2", "sev3", "sev4")
# The search scopes offered in the bar: entity kind -> its label.
SEARCH_KINDS = {
    "service": "services",
    "incident": "incidents",
    "deployment": "deployments",
    "alert": "alerts",
    "policy": "policies",
    "tenant": "tenants",
}
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
        Route(t + "/incidents/{incident_id}/notes", bind(incident_action, console), methods=["POST"]),
        Route(t + "/incidents/{incident_id}/status", bind(incident_action, console), methods=["POST"]),
        Route(t + "/incidents/{incident_id}/responders", bind(incident_action, console), methods=["POST"]),
        Route(
            t + "/incidents/{incident_id}/checklist/{item_id}/check",
            bind(incident_action, console),
            methods=["POST"],
        ),
        Route(t + "/search", bind(search_page, console)),
    ]


# -- shared ------------------------------------------------------------------------------------------
# Where an entity kind has a console page.
PAGES = {
    "service": "/services/{id}",
    "incident": "/incidents/{id}",
    "run": "/runs/{id}",
    "plan_run": "/runs/{id}",
    "tenant": "/tenant",
    "policy": "/policies/edit?policy={id}",
    "policy_exception": "/policies#exceptions",
}


def page_of(ctx: PageContext, kind: str, ident: str) -> str:
    """The entity's console page, else its inspect page."""
    pattern = PAGES.get(kind)
    if pattern:
        return f"{ctx.base}/t/{ctx.tenant}{pattern.format(id=ident)}"
    return f"{ctx.base}/t/{ctx.tenant}/inspect?{query(ref=f'{kind}:{ident}')}"


async def withheld(read: Awaitable[T], empty: T) -> tuple[T, dict[str, Any] | None]:
    """A read's result, or ``empty`` and why the caller may not see it (shown as "Not shown to you")."""
    try:
        return await read, None
    except companyos.PermissionDeniedError as denied:
        return empty, {"reasons": denied.reasons or [denied.detail or "no permission"]}


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


def safe_back(ctx: PageContext, form: dict[str, Any], default: str) -> str:
    """Where a form asks to go back to (its ``back`` field, e.g. the page under the inspect panel) when that
    is a page of this tenant in the console, else ``default`` (a path under the tenant)."""
    back = str(form.get("back") or "")
    mine = f"{ctx.base}/t/{ctx.tenant}/"
    return back if back.startswith(mine) and "//" not in back and "\\" not in back else _back(ctx, default)


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
        dependency_chart=charts.dependency_chart(*charts.dependency_layout(service, downstream, upstream)),
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
    (recent, more), (services, _), perms = await asyncio.gather(
        _first(c.deployments.list(environment=ctx.environment, page_size=THROUGHPUT_WINDOW)),
        _first(c.services.list(environment=ctx.environment, page_size=200)),
        permissions(ctx, "deployment"),
    )
    rows, throughput = charts.deployment_throughput(recent)
    return await page(
        ctx,
        "deployments.html",
        "Deployments",
        "deployments",
        deployments=recent[:DEPLOYMENTS_SHOWN],
        more=more or len(recent) > DEPLOYMENTS_SHOWN,
        shown=DEPLOYMENTS_SHOWN,
        throughput=throughput,
        throughput_chart=charts.throughput_chart(rows),
        throughput_partial=more,
        services=services,
        can_create=perms.get("deployments:create", {}),
    )


async def incidents_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    status = request.query_params.get("status") or None
    severity = request.query_params.get("severity") or None
    statuses = INCIDENT_STATUSES
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
        statuses=INCIDENT_STATUSES,
        roles=RESPONDER_ROLES,
        responding=any(r["subject"] == ctx.me.get("subject") for r in incident["responders"]),
    )


def _incident_args(ctx: PageContext, request: Request, form: Any) -> tuple[str, dict[str, Any]] | str:
    """The action a form on the incident page asks for, and its arguments; else what is wrong."""
    incident_id = request.path_params["incident_id"]
    verb = request.url.path.rstrip("/").rsplit("/", 1)[-1]
    if verb == "notes":
        text = str(form.get("text", "")).strip()
        return ("add_note", {"incident_id": incident_id, "text": text}) if text else "Write the note first."
    if verb == "status":
        status, note = str(form.get("status", "")), " ".join(str(form.get("note", "")).split())[:1000]
        if status not in INCIDENT_STATUSES:
            return f"Choose a status: {', '.join(INCIDENT_STATUSES)}."
        return "set_incident_status", {"incident_id": incident_id, "status": status, "note": note}
    if verb == "responders":
        role = str(form.get("role", ""))
        if role not in RESPONDER_ROLES:
            return f"Choose a role: {', '.join(RESPONDER_ROLES)}."
        return "join_incident", {"incident_id": incident_id, "subject": ctx.me["subject"], "role": role}
    return "check_item", {"incident_id": incident_id, "item_id": request.path_params["item_id"]}


async def incident_action(console: Console, request: Request) -> Response:
    """A form on the incident page: add a note, change the status, join as a responder, tick an item."""
    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    back = safe_back(ctx, form, f"/incidents/{request.path_params['incident_id']}")
    wanted = _incident_args(ctx, request, form)
    if isinstance(wanted, str):
        ctx.session.flash(wanted, "error")
        return RedirectResponse(back, 303)
    kind, args = wanted
    return await perform(console, ctx, kind, args, back=back)


async def search_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    q = (request.query_params.get("q") or "").strip()[:200]
    kind = request.query_params.get("kind") or ""
    kind = kind if kind in SEARCH_KINDS else ""
    results: list[dict[str, Any]] = []
    if q:
        results, _ = await _first(ctx.client.search.entities(q=q, kinds=kind or None, page_size=25))
    results = [{**r, "href": page_of(ctx, r["kind"], r["id"])} for r in results]
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


def query(**params: Any) -> str:
    return urlencode({k: v for k, v in params.items() if v})
