"""The Tenant page: tier, status, residency posture, flags with their effective values, recent admin
actions, and the configuration document with its history, the diff of any version against the one
before it (RFC 6902 operations, from the API), and an editor.

Saving the configuration is high-risk (step-up) and optimistic: the edit names the version it started
from, so a change saved by someone else in between is refused (409) instead of overwritten. The text
being edited is kept in the session until the configuration in force is that text, so neither a JSON
mistake, a refusal nor the step-up round trip loses what the user typed; an edit overtaken by another
version says so and stays refused until the user replaces the newer version on purpose (after merging
its change into their text if they want to keep it).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

import companyos
from companyos_console import views
from companyos_console.actions import action, perform
from companyos_console.context import Console, page_context
from companyos_console.security import checked_form

DRAFTS = "config_drafts"
HISTORY = 10
MAX_DOCUMENT = 64_000  # characters of JSON accepted from the editor


def routes(console: Console, bind: Any) -> list[Route]:
    t = "/t/{tenant}/tenant"
    return [
        Route(t, bind(tenant_page, console)),
        Route(t + "/config", bind(save_config, console), methods=["POST"]),
    ]


@action("save_config")
async def _save_config(client: Any, args: dict[str, Any]) -> tuple[str, str]:
    saved = await client.tenant_config.update(
        document=args["document"],
        message=args["message"],
        base_version=args["base_version"],
        idempotency_key=args["idempotency_key"],
    )
    if saved["version"] == args["base_version"]:  # the API keeps an identical document as it is
        return f"Nothing to save: version {saved['version']} already is this document.", "/tenant#edit-config"
    return f"Configuration version {saved['version']} saved.", f"/tenant?diff={saved['version']}#history"


async def _config(c: Any) -> dict[str, Any] | None:
    try:
        return dict(await c.retrieve())
    except companyos.NotFoundError:
        return None  # no configuration saved yet


async def _diff(c: Any, version: int) -> dict[str, Any] | None:
    if version < 2:
        return None
    return dict(await c.diff(from_=version - 1, to=version))


def _canonical(document: Any) -> str:
    """JSON with sorted keys: equal only for the same document (``1`` and ``true`` differ, unlike ``==``)."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"))


def _saved(draft: dict[str, Any], config: dict[str, Any] | None) -> bool:
    """Whether the configuration in force is the draft's document: then the draft is done with. A draft
    that was refused (invalid, or overtaken by someone else's version) stays until it is saved or
    discarded."""
    try:
        return config is not None and _canonical(json.loads(draft["text"])) == _canonical(config["document"])
    except (ValueError, KeyError, TypeError):
        return False


def _wanted_version(raw: str | None, current: int) -> int:
    try:
        version = int(raw or current)
    except ValueError:
        version = current
    return version if 1 <= version <= current else current


async def tenant_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    c = ctx.client.tenant_config
    none: tuple[list[dict[str, Any]], bool] = ([], False)
    (
        (config, config_withheld),
        ((versions, _), _),
        ((flags, _), flags_withheld),
        ((actions, _), actions_withheld),
        (residency, residency_withheld),
        perms,
    ) = await asyncio.gather(
        views.withheld(_config(c), None),
        views.withheld(views._first(c.list_versions(page_size=HISTORY)), none),
        views.withheld(views._first(c.flags.list(page_size=100)), none),
        views.withheld(views._first(c.admin_actions(page_size=20)), none),
        views.withheld(c.residency(), {}),
        views.permissions(ctx, "config"),
    )
    current = int(config["version"]) if config else 0
    shown = _wanted_version(request.query_params.get("diff"), current)
    diff = await _diff(c, shown) if current else None
    drafts = ctx.session.data.get(DRAFTS) or {}
    draft = drafts.get(ctx.tenant)
    if draft and _saved(draft, config):
        drafts.pop(ctx.tenant, None)
        ctx.session.save()
        draft = None
    document = json.dumps(config["document"] if config else {}, indent=2, sort_keys=True)
    return await views.page(
        ctx,
        "tenant.html",
        "Tenant",
        "tenant",
        config=config,
        versions=versions,
        shown_version=shown,
        diff=diff,
        editor={
            "text": draft["text"] if draft else document,
            "message": draft["message"] if draft else "",
            # An overtaken draft still names the version it started from: saving it is refused again
            # until the user explicitly replaces the newer version (the "overwrite" button).
            "base_version": draft["base_version"] if draft and draft["base_version"] >= 0 else current,
            "overtaken": draft["base_version"] if draft and draft["base_version"] != current else None,
            "draft": bool(draft),
        },
        flags=flags,
        admin_actions=actions,
        residency=residency,
        withheld={
            "config": config_withheld,
            "flags": flags_withheld,
            "admin_actions": actions_withheld,
            "residency": residency_withheld,
        },
        can_write_config=perms.get("config:write", {}),
        max_document=MAX_DOCUMENT,
    )


async def save_config(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    back = views._back(ctx, "/tenant#edit-config")
    drafts = ctx.session.data.setdefault(DRAFTS, {})
    if form.get("intent") == "discard":
        drafts.pop(ctx.tenant, None)
        ctx.session.save()
        ctx.session.flash("Your unsaved edit was discarded.", "success")
        return RedirectResponse(back, 303)
    text = str(form.get("document", "")).replace("\r\n", "\n")  # browsers send CRLF; maxlength counts LF
    if len(text) > MAX_DOCUMENT:  # refused before it replaces the draft: nothing typed earlier is lost
        ctx.session.flash(
            f"The configuration is longer than {MAX_DOCUMENT:,} characters; nothing was saved.", "error"
        )
        return RedirectResponse(back, 303)
    message = " ".join(str(form.get("message", "")).split())[:500]
    try:
        # "Replace version N with my text" names the version it replaces; "Save" the one it started from.
        base_version = int(str(form.get("overwrite") or form.get("base_version", "")))
    except ValueError:
        base_version = -1
    drafts[ctx.tenant] = {
        "text": text,
        "message": message,
        "base_version": base_version,
    }
    ctx.session.save()
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        ctx.session.flash(
            f"The configuration is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}).",
            "error",
        )
        return RedirectResponse(back, 303)
    if not isinstance(document, dict):
        ctx.session.flash("The configuration must be a JSON object.", "error")
        return RedirectResponse(back, 303)
    if not message:
        ctx.session.flash("Say what the change is for (the version's message).", "error")
        return RedirectResponse(back, 303)
    if base_version < 0:
        ctx.session.flash("The edit does not say which version it started from; reload the page.", "error")
        return RedirectResponse(back, 303)
    args = {"document": document, "message": message, "base_version": base_version}
    return await perform(console, ctx, "save_config", args, back=back)
