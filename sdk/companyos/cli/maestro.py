"""``companyos plans …`` and ``companyos runs …``: Maestro remediation plans and their runs."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from companyos import types as t

from ._common import All, JsonFile, Limit, PageSize, Purpose, limited, merged, read_json, state
from ._errors import CliError, ExitCode
from ._output import Column, render_list, render_object

__all__ = ["app", "runs_app"]

app: typer.Typer = typer.Typer(
    help="Remediation plans: list, show, create, update, versions, dry-run, run.", no_args_is_help=True
)
runs_app: typer.Typer = typer.Typer(
    help="Plan runs: list, show, watch live, cancel, verify.", no_args_is_help=True
)

PLAN_COLUMNS: list[Column] = [("ID", "id"), ("NAME", "name"), ("VERSION", "version"), ("RISK", "effective_risk"),
                              ("STEPS", lambda p: len(p.get("steps") or [])), ("UPDATED", "updated_at")]  # fmt: skip
RUN_COLUMNS: list[Column] = [("ID", "id"), ("PLAN", "plan_name"), ("STATE", "state"), ("STEP", "current_step"),
                             ("PROGRESS", lambda r: f"{r['progress']['done']}/{r['progress']['total']}"),
                             ("CREATED", "created_at")]  # fmt: skip
STEP_COLUMNS: list[Column] = [("STEP", "step_id"), ("ACTION", "action"), ("TARGET", "target"), ("CHANGE", "change"),
                              ("RISK", "risk"), ("STEP-UP", "requires_step_up")]  # fmt: skip
PLAN_FIELDS = ("name", "description", "risk", "steps")
TERMINAL = frozenset({"succeeded", "compensated", "failed", "cancelled"})
PlanArg = Annotated[str, typer.Argument(help="Plan id (plan_…).")]
RunArg = Annotated[str, typer.Argument(help="Run id (run_…).")]


@app.command("list")
def list_(ctx: typer.Context, name: Annotated[str | None, typer.Option()] = None, limit: Limit = 50,
          every: All = False, page_size: PageSize = None, purpose: Purpose = None) -> None:  # fmt: skip
    """Remediation plans."""
    st = state(ctx)
    pager = st.client().maestro.plans.list(
        tenant=st.require_tenant(), name=name, page_size=page_size, purpose=purpose
    )
    render_list(limited(pager, limit, every), PLAN_COLUMNS, st.output)


@app.command("get")
def get(ctx: typer.Context, plan_id: PlanArg, version: Annotated[int | None, typer.Option()] = None) -> None:
    """One plan (its current version, or --version)."""
    st = state(ctx)
    plans, tenant = st.client().maestro.plans, st.require_tenant()
    plan = (
        plans.retrieve_version(plan_id, version, tenant=tenant)
        if version
        else plans.retrieve(plan_id, tenant=tenant)
    )
    render_object(plan, st.output)


@app.command("create")
def create(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="Plan JSON: name, description, risk, steps ('-': stdin).")]) -> None:  # fmt: skip
    """Create a plan from a JSON file."""
    st = state(ctx)
    spec: Any = read_json(file, "plan")
    plan = st.client().maestro.plans.create(tenant=st.require_tenant(), name=spec.get("name"),
                                            description=spec.get("description"), risk=spec.get("risk"),
                                            steps=spec.get("steps"))  # fmt: skip
    render_object(plan, st.output, PLAN_COLUMNS)


@app.command("update")
def update(
    ctx: typer.Context,
    plan_id: PlanArg,
    file: JsonFile = None,
    name: Annotated[str | None, typer.Option()] = None,
    description: Annotated[str | None, typer.Option()] = None,
    risk: Annotated[t.MaestroRisk | None, typer.Option(help="high needs step-up to run.")] = None,
) -> None:
    """Change a plan (a new version): --file with any of name, description, risk, steps, and/or options."""
    st = state(ctx)
    base = read_json(file, "plan", allowed=PLAN_FIELDS) if file else {}
    changes = merged(base, name=name, description=description, risk=risk)
    if not changes:
        raise CliError("nothing to update: pass --file, --name, --description or --risk", ExitCode.USAGE)
    plan = st.client().maestro.plans.update(plan_id, tenant=st.require_tenant(), **cast(Any, changes))
    render_object(plan, st.output, PLAN_COLUMNS)


@app.command("versions")
def versions(ctx: typer.Context, plan_id: PlanArg, limit: Limit = 50, every: All = False,
             page_size: PageSize = None, purpose: Purpose = None) -> None:  # fmt: skip
    """A plan's versions (see one with `plans get PLAN --version N`)."""
    st = state(ctx)
    pager = st.client().maestro.plans.list_versions(
        plan_id, tenant=st.require_tenant(), page_size=page_size, purpose=purpose
    )
    render_list(limited(pager, limit, every), [*PLAN_COLUMNS, ("BY", "created_by")], st.output)


def _render_dry_run(st: Any, result: Any) -> None:
    if st.output != "table":
        render_object(result, st.output)
        return
    print(f"dry-run of {result['plan_name']} v{result['plan_version']} (risk {result['risk']}; "
          f"step-up {'required' if result['requires_step_up'] else 'not required'}; no changes made)")  # fmt: skip
    render_list(result["steps"], STEP_COLUMNS, st.output)


@app.command("dry-run")
def dry_run(
    ctx: typer.Context, plan_id: PlanArg, version: Annotated[int | None, typer.Option()] = None
) -> None:
    """What running the plan would change (nothing is changed)."""
    st = state(ctx)
    _render_dry_run(
        st, st.client().maestro.plans.dry_run(plan_id, tenant=st.require_tenant(), version=version)
    )


@app.command("run")
def run(
    ctx: typer.Context,
    plan_id: PlanArg,
    reason: Annotated[str | None, typer.Option(help="Why (kept with the run and its evidence).")] = None,
    version: Annotated[int | None, typer.Option()] = None,
    watch: Annotated[bool, typer.Option("--watch", "-w", help="Follow the run until it ends.")] = False,
) -> None:
    """Execute a plan (high-risk plans need step-up)."""
    st = state(ctx)
    client, tenant = st.client(), st.require_tenant()
    result = client.maestro.plans.execute(plan_id, tenant=tenant, reason=reason, plan_version=version)
    if not watch:
        render_object(result, st.output, RUN_COLUMNS)
        return
    _watch(st, client, str(cast(Any, result)["id"]), tenant, interval=1.0)


def _watch(st: Any, client: Any, run_id: str, tenant: str, *, interval: float, poll: bool = False) -> None:
    """Print each run event as it arrives (SSE; polling with --poll), then the run; exit 1 unless it succeeded."""
    if not poll:
        for event in client.maestro.runs.events(run_id, tenant=tenant, wait_seconds=5):
            data = event.json() if event.data.startswith("{") else {}
            step = f" {data['step_id']}" if data.get("step_id") else ""
            print(
                f"{data.get('at', '')} {event.event}{step} {data.get('state', '')}".strip(),
                file=sys.stderr,
                flush=True,
            )
    run_ = client.maestro.runs.retrieve(run_id, tenant=tenant)
    last = None
    while run_["state"] not in TERMINAL:
        if poll and (run_["state"], run_["current_step"]) != last:
            last = (run_["state"], run_["current_step"])
            print(f"{run_['state']} {run_['current_step'] or ''}".strip(), file=sys.stderr, flush=True)
        time.sleep(interval)
        run_ = client.maestro.runs.retrieve(run_id, tenant=tenant)
    render_object(run_, st.output, [*RUN_COLUMNS, ("error", "error")])
    if run_["state"] != "succeeded":
        raise CliError(f"run {run_id} {run_['state']}" + (f": {run_['error']}" if run_.get("error") else ""))


@runs_app.command("list")
def runs_list(ctx: typer.Context, plan: Annotated[str | None, typer.Option("--plan")] = None,
              run_state: Annotated[t.MaestroRunState | None, typer.Option("--state")] = None, limit: Limit = 50,
              every: All = False, page_size: PageSize = None, purpose: Purpose = None) -> None:  # fmt: skip
    """Plan runs, newest first."""
    st = state(ctx)
    pager = st.client().maestro.runs.list(tenant=st.require_tenant(), plan_id=plan, state=cast(Any, run_state),
                                          page_size=page_size, purpose=purpose)  # fmt: skip
    render_list(limited(pager, limit, every), RUN_COLUMNS, st.output)


@runs_app.command("get")
def runs_get(ctx: typer.Context, run_id: RunArg, purpose: Purpose = None) -> None:
    """One run: state, steps, attempts and errors."""
    st = state(ctx)
    render_object(
        st.client().maestro.runs.retrieve(run_id, tenant=st.require_tenant(), purpose=purpose), st.output
    )


@runs_app.command("watch")
def runs_watch(
    ctx: typer.Context,
    run_id: RunArg,
    poll: Annotated[
        bool, typer.Option("--poll", help="Poll the run instead of streaming its events.")
    ] = False,
    interval: Annotated[float, typer.Option("--interval", min=0)] = 1.0,
) -> None:
    """Follow a run live (its event stream) until it ends (exit 1 unless it succeeded)."""
    st = state(ctx)
    _watch(st, st.client(), run_id, st.require_tenant(), interval=interval, poll=poll)


@runs_app.command("cancel")
def runs_cancel(ctx: typer.Context, run_id: RunArg) -> None:
    """Cancel a run (completed steps are compensated)."""
    st = state(ctx)
    render_object(st.client().maestro.runs.cancel(run_id, tenant=st.require_tenant()), st.output, RUN_COLUMNS)


@runs_app.command("verify")
def runs_verify(ctx: typer.Context, run_id: RunArg) -> None:
    """Did the remediation help? SLO burn-down, error-budget delta, handoff checklist."""
    st = state(ctx)
    render_object(st.client().maestro.runs.verification(run_id, tenant=st.require_tenant()), st.output)
