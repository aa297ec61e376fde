"""``companyos policies …``: the policy catalog, tenant policy edits (with dry-run), decisions, exceptions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, cast

import typer

from companyos import types as t

from ._common import All, JsonFile, Limit, PageSize, limited, merged, read_json, state
from ._errors import CliError, ExitCode
from ._output import Column, render_list, render_object

__all__ = ["app", "exceptions_app"]

app: typer.Typer = typer.Typer(
    help="Policies: catalog, edit (with --dry-run), approve, versions, decisions, exceptions.",
    no_args_is_help=True,
)
exceptions_app: typer.Typer = typer.Typer(
    help="Policy exceptions: list (the default), show, request, approve.", invoke_without_command=True
)
app.add_typer(exceptions_app, name="exceptions")

PolicyArg = Annotated[str, typer.Argument(help="Policy id (see `policies list`).")]
ExceptionArg = Annotated[str, typer.Argument(help="Exception id.")]
RULE_FIELDS = (
    "effect",
    "actions",
    "roles",
    "require_mfa",
    "mutations_only",
    "reason",
    "enabled",
    "change_note",
)
POLICY_COLUMNS: list[Column] = [("ID", "id"), ("VERSION", "version"), ("STATUS", "status"), ("EFFECT", "effect"),
                                ("ENABLED", "enabled"), ("REASON", "reason"), ("BY", "updated_by"),
                                ("UPDATED", "updated_at"), ("APPROVED BY", "approved_by")]  # fmt: skip
FLIP_COLUMNS: list[Column] = [("AT", "at"), ("PRINCIPAL", "principal"), ("ROLES", "roles"), ("ACTION", "action"),
                              ("RESOURCE", "resource"), ("BEFORE", "before"), ("AFTER", "after"),
                              ("REASONS", "reasons")]  # fmt: skip
EXCEPTION_COLUMNS: list[Column] = [("ID", "id"), ("POLICY", "policy_id"), ("SCOPE", "scope"),
                                   ("SERVICE", "service_id"), ("STATUS", "status"), ("BY", "requested_by"),
                                   ("APPROVER", "approver"), ("EXPIRES", "expires_at")]  # fmt: skip


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """Policies in force (built-in and the tenant's)."""
    st = state(ctx)
    items = st.client().policies.list(tenant=st.require_tenant())
    render_list(items, [("ID", "id"), ("SOURCE", "source"), ("EFFECT", "effect"), ("ENABLED", "enabled"),
                        ("REASON", "reason")], st.output)  # fmt: skip


@app.command("get")
def get(ctx: typer.Context, policy_id: PolicyArg) -> None:
    """One policy (with its Cedar text)."""
    st = state(ctx)
    render_object(st.client().policies.retrieve(policy_id, tenant=st.require_tenant()), st.output)


@app.command("edit")
def edit(
    ctx: typer.Context,
    policy_id: PolicyArg,
    file: JsonFile = None,
    effect: Annotated[str | None, typer.Option(help="permit or forbid.")] = None,
    action: Annotated[
        list[str] | None,
        typer.Option("--action", help="Action it governs, e.g. incidents:read (repeatable)."),
    ] = None,
    role: Annotated[
        list[str] | None,
        typer.Option("--role", help="Only callers with this role (repeatable; none: everyone)."),
    ] = None,
    reason: Annotated[str | None, typer.Option(help="Why (shown with every decision it makes).")] = None,
    require_mfa: Annotated[bool | None, typer.Option("--require-mfa/--no-require-mfa")] = None,
    mutations_only: Annotated[bool | None, typer.Option("--mutations-only/--all-requests")] = None,
    enabled: Annotated[bool | None, typer.Option("--enabled/--disabled")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Change note kept with the version.")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Store nothing; list the recent decisions that would flip.")
    ] = False,
) -> None:
    """Create or edit a tenant policy (high-risk: needs a recent MFA sign-in). Try it with --dry-run first."""
    st = state(ctx)
    base = read_json(file, "policy rule", allowed=RULE_FIELDS) if file else {}
    rule = merged(base, effect=effect, actions=action or None, roles=role or None, reason=reason,
                  require_mfa=require_mfa, mutations_only=mutations_only, enabled=enabled, change_note=note)  # fmt: skip
    missing = [f"--{name[:-1] if name == 'actions' else name}" for name in ("effect", "actions", "reason")
               if not rule.get(name)]  # fmt: skip
    if missing:
        raise CliError(f"a policy rule needs {', '.join(missing)} (or --file RULE.json)", ExitCode.USAGE)
    result = st.client().policies.update(
        policy_id, tenant=st.require_tenant(), dry_run=True if dry_run else None, **cast(Any, rule)
    )
    _render_edit(st.output, policy_id, result)


def _render_edit(output: str, policy_id: str, result: Mapping[str, Any]) -> None:
    if output != "table":
        render_object(result, output)
        return
    widening = result.get("widening") or []
    if result["dry_run"]:
        print(f"dry-run of policy {policy_id}: {result['evaluated']} recent decisions re-evaluated, "
              f"{result['changed']} would change (nothing stored)")  # fmt: skip
    elif result.get("approval_required"):
        print(f"policy {policy_id} version {result['policy']['version']} widens permissions: stored pending; "
              f"someone holding none of the widened roles approves it with "
              f"`companyos policies approve {policy_id} {result['policy']['version']}`")  # fmt: skip
    else:
        previous = result.get("previous_version")
        was = f" (was version {previous})" if previous else " (new policy)"
        print(f"policy {policy_id} saved as version {result['policy']['version']}{was}; "
              f"{result['changed']} of {result['evaluated']} recent decisions flip")  # fmt: skip
    if widening:
        render_list(
            widening, [("ROLE", "role"), ("ACTION", "action")], output, title="newly allowed (needs approval)"
        )
    if result["flips"]:
        render_list(result["flips"], FLIP_COLUMNS, output, title="decisions that flip")


@app.command("approve")
def approve(
    ctx: typer.Context,
    policy_id: PolicyArg,
    version: Annotated[int, typer.Argument(help="The pending version (see `policies versions`).", min=1)],
) -> None:
    """Approve a pending policy version that widens permissions (high-risk; not your own change, and not
    if you hold a role it widens)."""
    st = state(ctx)
    policy = st.client().policies.approve_version(policy_id, version, tenant=st.require_tenant())
    render_object(policy, st.output, POLICY_COLUMNS)


@app.command("versions")
def versions(ctx: typer.Context, policy_id: PolicyArg, limit: Limit = 50, every: All = False) -> None:
    """A tenant policy's versions, newest first."""
    st = state(ctx)
    pager = st.client().policies.list_versions(policy_id, tenant=st.require_tenant())
    render_list(limited(pager, limit, every), POLICY_COLUMNS, st.output)


@app.command("decisions")
def decisions(ctx: typer.Context, action: Annotated[str | None, typer.Option()] = None,
              outcome: Annotated[str | None, typer.Option(help="allow or deny.")] = None,
              limit: Limit = 50, every: All = False) -> None:  # fmt: skip
    """Recent authorization decisions with their reasons."""
    st = state(ctx)
    pager = st.client().policies.decisions(
        tenant=st.require_tenant(), action=action, outcome=cast(Any, outcome)
    )
    render_list(limited(pager, limit, every), [("AT", "at"), ("PRINCIPAL", "principal"), ("ACTION", "action"),
                                               ("RESOURCE", "resource"), ("OUTCOME", "outcome"),
                                               ("REASONS", "reasons")], st.output)  # fmt: skip


Status = Annotated[t.PolicyExceptionStatus | None, typer.Option()]
PolicyFilter = Annotated[str | None, typer.Option("--policy", help="Only this policy's.")]
ServiceFilter = Annotated[str | None, typer.Option("--service", help="Only this service's (svc_…).")]


def _list_exceptions(ctx: typer.Context, status: str | None, policy: str | None, service: str | None,
                     limit: int, every: bool, page_size: int | None) -> None:  # fmt: skip
    st = state(ctx)
    pager = st.client().policies.exceptions.list(tenant=st.require_tenant(), status=cast(Any, status),
                                                 policy_id=policy, service_id=service, page_size=page_size)  # fmt: skip
    render_list(limited(pager, limit, every), EXCEPTION_COLUMNS, st.output)


@exceptions_app.callback()
def exceptions(ctx: typer.Context, status: Status = None, policy: PolicyFilter = None,
               service: ServiceFilter = None, limit: Limit = 50, every: All = False,
               page_size: PageSize = None) -> None:  # fmt: skip
    """Policy exceptions (`policies exceptions` alone lists them)."""
    if ctx.invoked_subcommand is None:
        _list_exceptions(ctx, status, policy, service, limit, every, page_size)


@exceptions_app.command("list")
def exceptions_list(ctx: typer.Context, status: Status = None, policy: PolicyFilter = None,
                    service: ServiceFilter = None, limit: Limit = 50, every: All = False,
                    page_size: PageSize = None) -> None:  # fmt: skip
    """Policy exceptions."""
    _list_exceptions(ctx, status, policy, service, limit, every, page_size)


@exceptions_app.command("get")
def exceptions_get(ctx: typer.Context, exception_id: ExceptionArg) -> None:
    """One policy exception."""
    st = state(ctx)
    render_object(
        st.client().policies.exceptions.retrieve(exception_id, tenant=st.require_tenant()), st.output
    )


@exceptions_app.command("create")
def exceptions_create(
    ctx: typer.Context,
    policy_id: PolicyArg,
    reason: Annotated[str, typer.Option(help="Why the exception is needed (kept for the approver).")],
    hours: Annotated[int, typer.Option("--hours", min=1, max=2160, help="How long it lasts (hours).")],
    service: Annotated[str | None, typer.Option("--service", help="Only for this service (svc_…).")] = None,
) -> None:
    """Request an exception to a policy (pending until someone else approves it)."""
    st = state(ctx)
    exc = st.client().policies.exceptions.create(
        tenant=st.require_tenant(),
        policy_id=policy_id,
        reason=reason,
        duration_hours=hours,
        service_id=service,
    )
    render_object(exc, st.output, EXCEPTION_COLUMNS)


@exceptions_app.command("approve")
def exceptions_approve(ctx: typer.Context, exception_id: ExceptionArg) -> None:
    """Approve a pending exception (not your own request)."""
    st = state(ctx)
    exc = st.client().policies.exceptions.approve(exception_id, tenant=st.require_tenant())
    render_object(exc, st.output, EXCEPTION_COLUMNS)
