"""The Features pillar: the feature board (features by state with owners and the evidence each needs
next), rollout requests with their gates, experiments, stale flags, and per feature its evidence,
transition history and review document. Everything goes through the SDK (``features``)."""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from companyos_console.context import Console, page_context
from companyos_console.pillars import Pillar

PILLAR = Pillar("features", "Features", "/features", order=48)
RESULTS_SHOWN = 10


async def _items(pager: Any) -> list[dict[str, Any]]:
    page = await pager.first_page()
    return list(page.items)


async def features_page(console: Console, request: Request) -> Response:
    from companyos_console.views import page, permissions  # views imports the pillars: resolve at call time

    ctx = await page_context(console, request, request.path_params["tenant"])
    client = ctx.client
    summary, rollouts, experiments, stale, perms = await asyncio.gather(
        client.features.summary(),
        _items(client.features.rollouts.list(page_size=50)),
        _items(client.features.experiments.list(page_size=50)),
        client.features.stale_flags(),
        permissions(ctx, "feature"),
    )
    # The running experiments' SRM and guardrail verdicts sit on the board (a few, each one call).
    running = [e for e in experiments if e["status"] == "running"][:RESULTS_SHOWN]
    verdicts = await asyncio.gather(*(client.features.experiments.results(e["key"]) for e in running))
    results = {e["key"]: verdict for e, verdict in zip(running, verdicts, strict=True)}
    return await page(
        ctx,
        "features/index.html",
        "Features",
        "features",
        summary=summary,
        rollouts=rollouts,
        experiments=experiments,
        results=results,
        stale=stale["items"],
        can_approve=perms.get("features:approve", {}),
        can_advance=perms.get("features:write", {}),
    )


async def feature_page(console: Console, request: Request) -> Response:
    from companyos_console.views import page

    ctx = await page_context(console, request, request.path_params["tenant"])
    client = ctx.client
    key = request.path_params["feature"]
    feature = await client.features.retrieve(key)
    history = await _items(client.features.transitions.list(key))
    review = await client.features.review(key)
    return await page(
        ctx,
        "features/feature.html",
        f"Feature: {feature['name']}",
        "features",
        feature=feature,
        history=history,
        review=review.decode("utf-8") if isinstance(review, bytes | bytearray) else str(review),
    )


async def rollout_action(console: Console, request: Request) -> Response:
    """Approve, reject or advance a rollout from the board; a production approval goes through the
    multi-factor step-up and is then carried out (``actions.perform``)."""
    from companyos_console.actions import ROLLOUT_ACTIONS, perform
    from companyos_console.security import checked_form

    ctx = await page_context(console, request, request.path_params["tenant"])
    form = await checked_form(request, ctx.session.csrf_token)
    action = request.path_params["action"]
    back = f"{ctx.base}/t/{ctx.tenant}/features"
    if action not in ROLLOUT_ACTIONS:
        ctx.session.flash(f"Unknown rollout action {action!r}.", "error")
        return RedirectResponse(back, 303)
    args = {
        "rollout_id": request.path_params["rollout_id"],
        "comment": str(form.get("comment", "")).strip()[:2000],
    }
    return await perform(console, ctx, action, args, back=back)


def routes(console: Console, bind: Any) -> list[BaseRoute]:
    return [
        Route("/t/{tenant}/features", bind(features_page, console), methods=["GET"]),
        Route(
            "/t/{tenant}/features/rollouts/{rollout_id}/{action}",
            bind(rollout_action, console),
            methods=["POST"],
        ),
        Route("/t/{tenant}/features/{feature}", bind(feature_page, console), methods=["GET"]),
    ]
