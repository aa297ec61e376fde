"""The console's write actions, and how one is carried out through a step-up sign-in.

Every form that changes something posts to a page handler, which calls :func:`perform` with an action
name from :data:`ACTIONS` and its arguments. ``perform`` gives the action one idempotency key and runs it
through the SDK. The key is the rendered form's own (``form_key``, see ``rendering``), so submitting one
form twice — a double click, a resent POST — is one action for the API. When the API answers with a
step-up challenge, the action is kept in the session, the user goes through the provider's multi-factor
sign-in, and :func:`resume_pending` runs it once they are back, with the same key.

An action returns the message to flash, or the message and the path (under the tenant) to go to.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

import companyos
from companyos_console.auth import Session
from companyos_console.context import Console, PageContext

PENDING_SECONDS = 600
Outcome = str | tuple[str, str]
Action = Callable[[Any, dict[str, Any]], Awaitable[Outcome]]
ACTIONS: dict[str, Action] = {}
# The API's answers that mean "not done, and why": flashed to the user, never a 500.
REFUSALS = (
    companyos.PermissionDeniedError,
    companyos.BadRequestError,
    companyos.ConflictError,
    companyos.NotFoundError,
    companyos.UnprocessableEntityError,
)
INCIDENT_STATUSES = ("investigating", "identified", "monitoring", "resolved")
RESPONDER_ROLES = ("commander", "comms", "ops")
SILENCE_HOURS = (1, 4, 24)
ROLLOUT_ACTIONS = ("approve", "reject", "advance")


def action(name: str) -> Callable[[Action], Action]:
    def register(fn: Action) -> Action:
        if name in ACTIONS:
            raise ValueError(f"console action {name!r} is registered twice")
        ACTIONS[name] = fn
        return fn

    return register


def _given(**fields: Any) -> dict[str, Any]:
    """Only the fields the user filled in: an empty optional field is left out, not sent as null."""
    return {k: v for k, v in fields.items() if v not in (None, "", [])}


@action("add_policy")
async def _add_policy(client: Any, args: dict[str, Any]) -> Outcome:
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


@action("resume")
async def _resume(client: Any, args: dict[str, Any]) -> Outcome:
    """A read that needed the multi-factor sign-in: going back re-runs it."""
    return str(args.get("message") or "Multi-factor sign-in done.")


@action("execute_plan")
async def _execute_plan(client: Any, args: dict[str, Any]) -> Outcome:
    run = await client.maestro.plans.execute(
        args["plan_id"], reason=args["reason"], idempotency_key=args["idempotency_key"]
    )
    return f"Run {run['id']} of {run['plan_name']} started.", f"/runs/{run['id']}"


async def _rollout(client: Any, args: dict[str, Any], kind: str) -> Outcome:
    rollouts = client.features.rollouts
    rollout_id, key = args["rollout_id"], args["idempotency_key"]
    if kind == "advance":
        rollout = await rollouts.advance(rollout_id, idempotency_key=key)
    else:
        decide = rollouts.approve if kind == "approve" else rollouts.reject
        rollout = await decide(rollout_id, idempotency_key=key, **_given(comment=args.get("comment")))
    status = str(rollout["status"]).replace("_", " ")
    return f"Rollout of {rollout['flag_key']} in {rollout['environment']}: {status}, {rollout['current_percentage']} %."


def _rollout_action(kind: str) -> Action:
    async def run(client: Any, args: dict[str, Any]) -> Outcome:
        return await _rollout(client, args, kind)

    return run


for _kind in ROLLOUT_ACTIONS:
    action(_kind)(_rollout_action(_kind))


@action("add_note")
async def _add_note(client: Any, args: dict[str, Any]) -> Outcome:
    await client.incidents.add_timeline_entry(
        args["incident_id"], kind="note", text=args["text"], idempotency_key=args["idempotency_key"]
    )
    return "Note added to the timeline."


@action("set_incident_status")
async def _set_incident_status(client: Any, args: dict[str, Any]) -> Outcome:
    incident = await client.incidents.update(
        args["incident_id"],
        status=args["status"],
        idempotency_key=args["idempotency_key"],
        **_given(status_note=args.get("note")),
    )
    return f"Incident {incident['status']}; the change is on its timeline."


@action("join_incident")
async def _join_incident(client: Any, args: dict[str, Any]) -> Outcome:
    await client.incidents.add_responder(
        args["incident_id"],
        subject=args["subject"],
        role=args["role"],
        idempotency_key=args["idempotency_key"],
    )
    return f"You are a responder ({args['role']})."


@action("check_item")
async def _check_item(client: Any, args: dict[str, Any]) -> Outcome:
    item = await client.incidents.check_checklist_item(
        args["incident_id"], args["item_id"], idempotency_key=args["idempotency_key"]
    )
    return f"Ticked: {item['text']}."


@action("acknowledge_alert")
async def _acknowledge_alert(client: Any, args: dict[str, Any]) -> Outcome:
    alert = await client.alerts.acknowledge(args["alert_id"], idempotency_key=args["idempotency_key"])
    return f"Alert {alert['name']} acknowledged: you own it now."


@action("silence_alert")
async def _silence_alert(client: Any, args: dict[str, Any]) -> Outcome:
    alert = await client.alerts.silence(
        args["alert_id"],
        until=args["until"],
        idempotency_key=args["idempotency_key"],
        **_given(reason=args.get("reason")),
    )
    return f"Alert {alert['name']} silenced until {str(alert['silenced_until'])[:16].replace('T', ' ')} UTC."


@action("open_incident")
async def _open_incident(client: Any, args: dict[str, Any]) -> Outcome:
    incident = await client.alerts.open_incident(
        args["alert_id"], idempotency_key=args["idempotency_key"], **_given(severity=args.get("severity"))
    )
    return f"Incident {incident['title']} is open.", f"/incidents/{incident['id']}"


@action("create_deployment")
async def _create_deployment(client: Any, args: dict[str, Any]) -> Outcome:
    deployment = await client.deployments.create(
        args["service_id"],
        version=args["version"],
        environment=args["environment"],
        description=args["description"],
        idempotency_key=args["idempotency_key"],
    )
    return f"Deployment {deployment['id']} recorded."


def silence_until(hours: int, now: datetime | None = None) -> str:
    """The end of a silence of ``hours`` from now, as the API takes it (RFC 3339, UTC)."""
    return ((now or datetime.now(UTC)) + timedelta(hours=hours)).isoformat().replace("+00:00", "Z")


def back_to(ctx: PageContext, path: str) -> str:
    return f"{ctx.base}/t/{ctx.tenant}{path}"


async def perform(
    console: Console, ctx: PageContext, kind: str, args: dict[str, Any], *, back: str
) -> Response:
    """Run an action; on a step-up challenge, keep it pending, send the user through the provider's
    multi-factor sign-in, and run it once they are back (see :func:`resume_pending`)."""
    form_key = getattr(ctx.request.state, "form_key", None) or uuid.uuid4().hex
    args = {**args, "idempotency_key": f"console-{kind}-{form_key}"}
    try:
        message, path = _outcome(await ACTIONS[kind](ctx.client, args))
        ctx.session.flash(message, "success")
        if path:
            back = back_to(ctx, path)
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
    except REFUSALS as error:
        flash_error(ctx.session, error)
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
    run = ACTIONS.get(str(pending.get("kind")))
    if run is None:  # a session written by another console version
        session.flash("The pending action is not known to this console; nothing was done.", "error")
        return str(pending["back"])
    try:
        message, path = _outcome(await run(client, pending["args"]))
        session.flash(message, "success")
        if path:
            base = str(request.scope.get("root_path", "")).rstrip("/")
            return f"{base}/t/{pending['tenant']}{path}"
    except companyos.StepUpRequired:
        session.flash("The multi-factor sign-in did not complete; the action was not performed.", "error")
    except companyos.APIStatusError as error:
        flash_error(session, error)
    except companyos.APIError as error:  # the API unreachable or timing out: say so, keep the new session
        session.flash(
            f"The action could not be sent to the API ({error}); it may not have been performed.", "error"
        )
    return str(pending["back"])


def _outcome(result: Outcome) -> tuple[str, str | None]:
    return (result, None) if isinstance(result, str) else result


def flash_error(session: Session, error: companyos.APIStatusError) -> None:
    message = error.detail or str(error)
    reasons = error.reasons or [e.get("message", "") for e in error.errors if isinstance(e, dict)]
    if reasons:
        message += " (" + "; ".join(str(r) for r in reasons) + ")"
    session.flash(message, "error")
