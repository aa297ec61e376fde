"""Edit a tenant policy with a dry-run diff first: which of the tenant's recent decisions would change
outcome, and which (role, action) pairs the edit would newly allow — then save it (step-up).

Preview is post → redirect → get: the draft waits in the session and the page re-runs the dry run
(``policies.update(dry_run=True)``) each time it renders. The dry run is itself high-risk on the API, so
a caller without a recent multi-factor sign-in is sent through step-up first and comes back to it.
"""

from __future__ import annotations

import time
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

import companyos
from companyos_console import actions, views
from companyos_console.context import Console, PageContext, page_context
from companyos_console.security import checked_form

DRAFTS = "policy_drafts"


def routes(console: Console, bind: Any) -> list[Route]:
    return [Route("/t/{tenant}/policies/edit", bind(edit_policy, console), methods=["GET", "POST"])]


def _draft(form: dict[str, Any]) -> dict[str, Any]:
    multi = form["_multi"]
    return {
        "policy_id": str(form.get("policy_id", "")).strip(),
        "effect": "permit" if form.get("effect") == "permit" else "forbid",
        "actions": [a.strip() for a in str(form.get("actions", "")).split(",") if a.strip()],
        "roles": [r for r in multi.getlist("roles") if r in views.ROLES],
        "require_mfa": form.get("require_mfa") == "on" or None,
        "mutations_only": form.get("mutations_only") == "on" or None,
        "reason": str(form.get("reason", "")).strip(),
    }


def _from_policy(policy: dict[str, Any]) -> dict[str, Any]:
    rule = policy.get("rule") or {}
    return {
        "policy_id": policy["id"],
        "effect": rule.get("effect", policy.get("effect", "forbid")),
        "actions": list(rule.get("actions") or []),
        "roles": list(rule.get("roles") or []),
        "require_mfa": rule.get("require_mfa") or None,
        "mutations_only": rule.get("mutations_only") or None,
        "reason": policy.get("reason", ""),
    }


def _url(ctx: PageContext, policy_id: str, *, preview: bool = False) -> str:
    return views._back(ctx, "/policies/edit?" + views.query(policy=policy_id, preview="1" if preview else ""))


async def edit_policy(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    drafts: dict[str, Any] = ctx.session.data.setdefault(DRAFTS, {})
    if request.method == "POST":
        form = await checked_form(request, ctx.session.csrf_token)
        draft = _draft(form)
        if form.get("intent") == "save":
            drafts.pop(draft["policy_id"], None)
            ctx.session.save()
            return await actions.perform(
                console, ctx, "add_policy", draft, back=views._back(ctx, "/policies")
            )
        drafts[draft["policy_id"]] = draft
        ctx.session.save()
        return RedirectResponse(_url(ctx, draft["policy_id"], preview=True), 303)

    policy_id = request.query_params.get("policy") or ""
    policy: dict[str, Any] | None = None
    if policy_id:
        try:
            policy = await ctx.client.policies.retrieve(policy_id)
        except companyos.NotFoundError:
            policy = None  # a new tenant policy
    draft = drafts.get(policy_id) or (_from_policy(policy) if policy else {"policy_id": policy_id})
    result: dict[str, Any] | None = None
    error: str | None = None
    if request.query_params.get("preview") and drafts.get(policy_id):
        try:
            result = await ctx.client.policies.update(
                draft["policy_id"],
                effect=draft["effect"],
                actions=draft["actions"],
                roles=draft["roles"] or None,
                require_mfa=draft.get("require_mfa"),
                mutations_only=draft.get("mutations_only"),
                reason=draft["reason"],
                dry_run=True,
            )
        except companyos.StepUpRequired as challenge:
            ctx.session.data["pending"] = {
                "kind": "resume",
                "tenant": ctx.tenant,
                "args": {"message": "Multi-factor sign-in done: here is the dry run."},
                "back": _url(ctx, policy_id, preview=True),
                "challenge": {"acr_values": challenge.acr_values, "max_age": challenge.max_age},
                "created": time.time(),
            }
            ctx.session.save()
            return RedirectResponse(f"{ctx.base}/auth/step-up", 303)
        except companyos.APIStatusError as problem:
            reasons = problem.reasons or [e.get("message", "") for e in problem.errors if isinstance(e, dict)]
            error = (problem.detail or str(problem)) + (
                f" ({'; '.join(map(str, reasons))})" if reasons else ""
            )
    perms = await views.permissions(ctx, "policy")
    return await views.page(
        ctx,
        "policy_edit.html",
        f"Edit policy {policy_id}" if policy_id else "New tenant policy",
        "policies",
        policy=policy,
        draft=draft,
        result=result,
        error=error,
        roles=views.ROLES,
        can_update=perms.get("policies:update", {}),
    )
