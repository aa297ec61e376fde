"""A Maestro run, live: the page renders the run's current state on the server (complete without
JavaScript); with htmx's SSE extension the browser then follows ``…/runs/{run_id}/live``, a
``text/event-stream`` the console feeds from the API's run events (``maestro.runs.events`` in the SDK).

Each API event becomes HTML fragments named for the part of the page they replace: ``step-<id>`` (that
step's row), ``run`` (the state line) and, once the run ends, ``verification`` (the verification panel)
followed by ``done``, which closes the stream (``sse-close``). Event ids are the API's sequence numbers,
so a reconnecting browser (``Last-Event-ID``) continues where it stopped.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

import companyos
from companyos_console import charts, views
from companyos_console.context import Console, PageContext, page_context
from companyos_console.rendering import TEMPLATES

TERMINAL_STATES = frozenset({"succeeded", "failed", "cancelled", "compensated"})
STREAM_SECONDS = 60.0  # then the stream ends and the browser reconnects with Last-Event-ID
API_WAIT_SECONDS = 3


def routes(console: Console, bind: Any) -> list[Route]:
    t = "/t/{tenant}"
    return [
        Route(t + "/runs/{run_id}", bind(run_page, console)),
        Route(t + "/runs/{run_id}/live", bind(run_stream, console)),
    ]


async def _verification(ctx: PageContext, run: dict[str, Any]) -> dict[str, Any] | None:
    if run["state"] not in TERMINAL_STATES:
        return None
    try:
        result: dict[str, Any] = await ctx.client.maestro.runs.verification(run["id"])
    except (companyos.NotFoundError, companyos.PermissionDeniedError, companyos.BadRequestError):
        return None
    for service in result.get("services") or []:
        service["chart"] = charts.burndown_chart(charts.verification_burndown(service), field="at")
    return result


async def run_page(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    run = await ctx.client.maestro.runs.retrieve(request.path_params["run_id"])
    verification = await _verification(ctx, run)
    return await views.page(
        ctx,
        "run.html",
        f"Run of {run['plan_name']}",
        "",
        run=run,
        verification=verification,
        live=run["state"] not in TERMINAL_STATES,
    )


def sse_message(event: str, html: str, event_id: str | None = None) -> str:
    """One Server-Sent Event carrying an HTML fragment (one ``data:`` line per line of HTML)."""
    lines = [f"event: {event}"]
    if event_id is not None:
        lines.append(f"id: {event_id}")
    lines += [f"data: {line}" for line in html.splitlines() or [""]]
    return "\n".join(lines) + "\n\n"


def _fragment(name: str, **context: Any) -> str:
    module = TEMPLATES.env.get_template("run_fragments.html").module
    return str(getattr(module, name)(**context))


async def run_stream(console: Console, request: Request) -> Response:
    ctx = await page_context(console, request, request.path_params["tenant"])
    run_id = request.path_params["run_id"]
    last = request.headers.get("last-event-id") or request.query_params.get("after") or ""
    after = int(last) if last.isdigit() else 0
    base = ctx.base

    async def events() -> AsyncIterator[str]:
        yield "retry: 1000\n\n"
        seen = after
        deadline = time.monotonic() + STREAM_SECONDS
        try:
            while True:
                # One bounded read of the API's stream at a time (it holds up to API_WAIT_SECONDS).
                batch = ctx.client.maestro.runs.events(
                    run_id, after=seen, wait_seconds=API_WAIT_SECONDS, follow=False
                )
                events = [event async for event in batch]
                run = await ctx.client.maestro.runs.retrieve(run_id)
                steps = {s["id"]: s for s in run["steps"]}
                for event in events:
                    if event.id and event.id.isdigit():
                        seen = int(event.id)
                    step = steps.get(str(event.json().get("step_id")))
                    if step is not None:
                        yield sse_message(f"step-{step['id']}", _fragment("step_cells", step=step), event.id)
                if events:
                    yield sse_message("run", _fragment("run_state", run=run), str(seen))
                if run["state"] in TERMINAL_STATES:
                    break
                if await request.is_disconnected() or time.monotonic() > deadline:
                    return  # the browser reconnects (Last-Event-ID) and continues
            for step in run["steps"]:
                yield sse_message(f"step-{step['id']}", _fragment("step_cells", step=step))
            yield sse_message("run", _fragment("run_state", run=run))
            verification = await _verification(ctx, run)
            html = _fragment("verification_panel", verification=verification, run=run, base=base)
            yield sse_message("verification", html)
            yield sse_message("done", "")
        except companyos.APIError:
            yield sse_message("done", "")

    return StreamingResponse(events(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"})
