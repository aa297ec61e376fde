"""``companyos features …``: the feature registry, rollouts and experiments; ``companyos flags
evaluate-all`` and ``flags configuration`` (OFREP bulk evaluation and the in-process configuration)."""

from __future__ import annotations

import json
from typing import Annotated, Any, cast

import typer

from ._common import All, EnvOption, Limit, PageSize, limited, state
from ._errors import CliError, ExitCode
from ._output import Column, render_list, render_object
from .config import flags_app

__all__ = ["app", "evaluation_context"]

app: typer.Typer = typer.Typer(
    help="Feature lifecycle: registry, evidence, transitions, review, rollouts, experiments, stale flags.",
    no_args_is_help=True,
)
rollouts_app: typer.Typer = typer.Typer(
    help="Rollout requests: request, approve, advance.", no_args_is_help=True
)
experiments_app: typer.Typer = typer.Typer(
    help="Experiments on flags: start, expose, results.", no_args_is_help=True
)
app.add_typer(rollouts_app, name="rollouts")
app.add_typer(experiments_app, name="experiments")

FeatureArg = Annotated[str, typer.Argument(help="Feature key or id.")]
RolloutArg = Annotated[str, typer.Argument(help="Rollout id (rol_…).")]
ExperimentArg = Annotated[str, typer.Argument(help="Experiment key or id.")]
OUTCOMES = ("ship_treatment", "keep_control", "inconclusive")
Multi = Annotated[list[str] | None, typer.Option(help="Repeat for several.")]
FEATURE_COLUMNS: list[Column] = [("KEY", "key"), ("STATE", "state"), ("OWNER", "owner"), ("NAME", "name"),
                                 ("NEXT", "next_state"), ("MISSING", "missing_for_next")]  # fmt: skip
ROLLOUT_COLUMNS: list[Column] = [("ID", "id"), ("FLAG", "flag_key"), ("ENV", "environment"), ("STATUS", "status"),
                                 ("AT %", "current_percentage"), ("STAGES", "stages"), ("AUTO", "auto_advance"),
                                 ("NEXT STAGE", "next_stage_at"), ("BY", "requester")]  # fmt: skip
EXPERIMENT_COLUMNS: list[Column] = [("KEY", "key"), ("FLAG", "flag_key"), ("ENV", "environment"),
                                    ("STATUS", "status"), ("METRIC", "metric"), ("GUARDRAILS", "guardrails"),
                                    ("OUTCOME", "outcome")]  # fmt: skip


def evaluation_context(context: str | None, targeting_key: str | None) -> dict[str, Any]:
    """``--context`` JSON (an object) plus ``--targeting-key``."""
    try:
        parsed = json.loads(context) if context else {}
    except json.JSONDecodeError as exc:
        raise CliError(f"--context is not JSON: {exc.msg} (column {exc.colno})", ExitCode.USAGE) from None
    if not isinstance(parsed, dict):
        raise CliError("--context must be a JSON object", ExitCode.USAGE)
    if targeting_key is not None:
        parsed["targetingKey"] = targeting_key
    return parsed


# -- flags (OFREP bulk, configuration) -------------------------------------------------------------
@flags_app.command("evaluate-all")
def flags_evaluate_all(
    ctx: typer.Context,
    env: EnvOption = None,
    context: Annotated[str | None, typer.Option("--context", help="Evaluation context (JSON).")] = None,
    targeting_key: Annotated[str | None, typer.Option("--targeting-key")] = None,
) -> None:
    """Every flag for one context (OFREP bulk evaluation)."""
    st = state(ctx)
    result = st.client().flags.ofrep_evaluate_all(
        cast(Any, env or "production"),
        tenant=st.require_tenant(),
        context=evaluation_context(context, targeting_key),
    )
    render_list(result["flags"], [("KEY", "key"), ("VALUE", "value"), ("VARIANT", "variant"), ("REASON", "reason"),
                                  ("ERROR", "errorCode")], st.output)  # fmt: skip


@flags_app.command("configuration")
def flags_configuration(ctx: typer.Context) -> None:
    """The flag configuration the in-process OpenFeature provider evaluates."""
    st = state(ctx)
    render_object(st.client().flags.configuration(tenant=st.require_tenant()), st.output)


# -- registry ----------------------------------------------------------------------------------------
@app.command("list")
def list_(
    ctx: typer.Context,
    state_: Annotated[
        str | None, typer.Option("--state", help="idea, experiment, beta, ga or sunset.")
    ] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """Features, with what their next state still needs."""
    st = state(ctx)
    pager = st.client().features.list(
        tenant=st.require_tenant(), state=cast(Any, state_), page_size=page_size
    )
    render_list(limited(pager, limit, every), FEATURE_COLUMNS, st.output)


@app.command("create")
def create(
    ctx: typer.Context,
    key: str,
    name: Annotated[str, typer.Option()],
    owner: Annotated[str, typer.Option()],
    problem: Annotated[str | None, typer.Option()] = None,
    hypothesis: Annotated[str | None, typer.Option()] = None,
    objective: Multi = None,
    flag: Annotated[list[str] | None, typer.Option(help="A flag the feature is gated by (repeat).")] = None,
) -> None:
    """Register a feature (it starts as an idea)."""
    st = state(ctx)
    body: dict[str, Any] = {"key": key, "name": name, "owner": owner}
    if problem:
        body["problem"] = problem
    if hypothesis:
        body["hypothesis"] = hypothesis
    if objective:
        body["objectives"] = objective
    if flag:
        body["links"] = [{"kind": "flag", "ref": f} for f in flag]
    render_object(st.client().features.create(tenant=st.require_tenant(), **body), st.output, FEATURE_COLUMNS)


@app.command("get")
def get(ctx: typer.Context, feature: FeatureArg) -> None:
    """A feature, its evidence and what its next state needs."""
    st = state(ctx)
    render_object(st.client().features.retrieve(feature, tenant=st.require_tenant()), st.output)


@app.command("update")
def update(
    ctx: typer.Context,
    feature: FeatureArg,
    owner: Annotated[str | None, typer.Option()] = None,
    name: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Change a feature's owner or name."""
    st = state(ctx)
    fields: dict[str, Any] = {k: v for k, v in {"owner": owner, "name": name}.items() if v is not None}
    if not fields:
        raise CliError("nothing to change: pass --owner or --name", ExitCode.USAGE)
    render_object(st.client().features.update(feature, tenant=st.require_tenant(), **fields), st.output)


@app.command("evidence")
def evidence(
    ctx: typer.Context,
    feature: FeatureArg,
    kind: Annotated[
        str,
        typer.Option(help="design, kpi_results, risk_controls, slo_health, security_signoff, sunset_plan"),
    ],
    title: Annotated[str, typer.Option()],
    url: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Attach evidence to a feature."""
    st = state(ctx)
    extra: dict[str, Any] = {"url": url} if url else {}
    result = st.client().features.evidence.add(feature, tenant=st.require_tenant(), kind=cast(Any, kind), title=title,
                                               **extra)  # fmt: skip
    render_object(result, st.output, FEATURE_COLUMNS)


@app.command("transition")
def transition(
    ctx: typer.Context,
    feature: FeatureArg,
    to: Annotated[str, typer.Option("--to", help="The next state (or sunset).")],
    note: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Move a feature to its next state (refused, listing the missing evidence, when evidence lacks)."""
    st = state(ctx)
    extra: dict[str, Any] = {"note": note} if note else {}
    result = st.client().features.transition(feature, tenant=st.require_tenant(), to=cast(Any, to), **extra)
    render_object(result, st.output, FEATURE_COLUMNS)


@app.command("history")
def history(ctx: typer.Context, feature: FeatureArg) -> None:
    """A feature's transitions: who, when, note."""
    st = state(ctx)
    items = list(st.client().features.transitions.list(feature, tenant=st.require_tenant()))
    render_list(items, [("AT", "at"), ("FROM", "from_state"), ("TO", "to_state"), ("BY", "actor"), ("NOTE", "note")],
                st.output)  # fmt: skip


@app.command("review")
def review(ctx: typer.Context, feature: FeatureArg) -> None:
    """The feature's review document (Markdown)."""
    st = state(ctx)
    text = st.client().features.review(feature, tenant=st.require_tenant())
    typer.echo(text.decode("utf-8") if isinstance(text, bytes | bytearray) else str(text), nl=False)


@app.command("summary")
def summary(ctx: typer.Context) -> None:
    """Features by state, with owners."""
    st = state(ctx)
    data = st.client().features.summary(tenant=st.require_tenant())
    rows = [
        {
            "state": s["state"],
            "count": s["count"],
            "features": ", ".join(f"{f['key']} ({f['owner']})" for f in s["features"]),
        }
        for s in data["states"]
    ]
    render_list(rows, [("STATE", "state"), ("COUNT", "count"), ("FEATURES", "features")], st.output)


@app.command("stale-flags")
def stale_flags(ctx: typer.Context) -> None:
    """Temporary flags left behind and flags fully rolled out for 14 days."""
    st = state(ctx)
    items = st.client().features.stale_flags(tenant=st.require_tenant())["items"]
    render_list(items, [("FLAG", "flag_key"), ("TEMPORARY", "temporary"), ("UPDATED", "updated_at"),
                        ("WHY", "reasons")], st.output)  # fmt: skip


# -- rollouts ------------------------------------------------------------------------------------------
@rollouts_app.command("list")
def rollouts_list(
    ctx: typer.Context, limit: Limit = 50, every: All = False, page_size: PageSize = None
) -> None:
    """Rollout requests."""
    st = state(ctx)
    pager = st.client().features.rollouts.list(tenant=st.require_tenant(), page_size=page_size)
    render_list(limited(pager, limit, every), ROLLOUT_COLUMNS, st.output)


@rollouts_app.command("request")
def rollouts_request(
    ctx: typer.Context,
    flag: str,
    env: EnvOption = None,
    stage: Annotated[
        list[int] | None, typer.Option(help="A stage percentage (repeat, rising to 100).")
    ] = None,
    bake_seconds: Annotated[int, typer.Option()] = 3600,
    slo_service: Multi = None,
    check: Annotated[list[str] | None, typer.Option(help="slo, security, residency (repeat).")] = None,
    waive: Annotated[list[str] | None, typer.Option(help="Accept a not-available gate (repeat).")] = None,
    reason: Annotated[str | None, typer.Option()] = None,
    manual: Annotated[
        bool, typer.Option("--manual", help="Run stages only on `rollouts advance` (no scheduler).")
    ] = False,
) -> None:
    """Request a staged rollout of a flag (someone else approves it; the scheduler then runs the stages)."""
    st = state(ctx)
    gates: dict[str, Any] = {"slo_services": slo_service or []}
    if check:
        gates["checks"] = check
    if waive:
        gates["waive"] = waive
    body: dict[str, Any] = {"flag_key": flag, "environment": env or "production", "bake_seconds": bake_seconds,
                            "gates": gates, "auto_advance": not manual}  # fmt: skip
    if stage:
        body["stages"] = stage
    if reason:
        body["reason"] = reason
    render_object(
        st.client().features.rollouts.create(tenant=st.require_tenant(), **body), st.output, ROLLOUT_COLUMNS
    )


@rollouts_app.command("get")
def rollouts_get(ctx: typer.Context, rollout: RolloutArg) -> None:
    """A rollout request with its approvals, stages and gate results."""
    st = state(ctx)
    render_object(st.client().features.rollouts.retrieve(rollout, tenant=st.require_tenant()), st.output)


@rollouts_app.command("approve")
def rollouts_approve(
    ctx: typer.Context,
    rollout: RolloutArg,
    reject: Annotated[bool, typer.Option("--reject", help="Reject instead of approving.")] = False,
    comment: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Approve (or --reject) another person's rollout request."""
    st = state(ctx)
    extra: dict[str, Any] = {"comment": comment} if comment else {}
    resource = st.client().features.rollouts
    result = (
        resource.reject(rollout, tenant=st.require_tenant(), **extra)
        if reject
        else resource.approve(rollout, tenant=st.require_tenant(), **extra)
    )
    render_object(result, st.output, ROLLOUT_COLUMNS)


@rollouts_app.command("advance")
def rollouts_advance(ctx: typer.Context, rollout: RolloutArg) -> None:
    """Evaluate the gates and run the next stage (rolls back when a gate fails mid-rollout)."""
    st = state(ctx)
    render_object(
        st.client().features.rollouts.advance(rollout, tenant=st.require_tenant()), st.output, ROLLOUT_COLUMNS
    )


# -- experiments ---------------------------------------------------------------------------------------
@experiments_app.command("list")
def experiments_list(
    ctx: typer.Context, limit: Limit = 50, every: All = False, page_size: PageSize = None
) -> None:
    """Experiments."""
    st = state(ctx)
    pager = st.client().features.experiments.list(tenant=st.require_tenant(), page_size=page_size)
    render_list(limited(pager, limit, every), EXPERIMENT_COLUMNS, st.output)


@experiments_app.command("start")
def experiments_start(
    ctx: typer.Context,
    key: str,
    flag: Annotated[str, typer.Option()],
    control: Annotated[str, typer.Option()],
    treatment: Annotated[str, typer.Option()],
    metric: Annotated[str, typer.Option()],
    env: EnvOption = None,
    treatment_percentage: Annotated[int, typer.Option(min=1, max=99)] = 50,
    guardrail: Annotated[
        list[str] | None, typer.Option(help="A guardrail metric where a hit is good (repeat).")
    ] = None,
    max_drop: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Drop a guardrail tolerates (0.01 = 1 point).")
    ] = 0.0,
) -> None:
    """Split a flag between a control and a treatment variant, with optional guardrail metrics."""
    st = state(ctx)
    result = st.client().features.experiments.create(
        tenant=st.require_tenant(), key=key, flag_key=flag, environment=cast(Any, env or "production"),
        control=control, treatment=treatment, metric=metric, treatment_percentage=treatment_percentage,
        guardrails=guardrail or [], guardrail_max_drop=max_drop,
    )  # fmt: skip
    render_object(result, st.output, EXPERIMENT_COLUMNS)


@experiments_app.command("get")
def experiments_get(ctx: typer.Context, experiment: ExperimentArg) -> None:
    """An experiment's definition."""
    st = state(ctx)
    render_object(
        st.client().features.experiments.retrieve(experiment, tenant=st.require_tenant()), st.output
    )


@experiments_app.command("expose")
def experiments_expose(
    ctx: typer.Context,
    experiment: ExperimentArg,
    subject: str,
    variant: str,
    converted: Annotated[bool, typer.Option("--converted")] = False,
    hit: Annotated[
        list[str] | None, typer.Option(help="A guardrail metric the subject hit (repeat).")
    ] = None,
    miss: Annotated[
        list[str] | None, typer.Option(help="A guardrail metric the subject missed (repeat).")
    ] = None,
) -> None:
    """Record one exposure (whether the subject converted, and its guardrail metrics)."""
    st = state(ctx)
    both = set(hit or []) & set(miss or [])
    if both:
        raise CliError(f"--hit and --miss both name {', '.join(sorted(both))}", ExitCode.USAGE)
    event: dict[str, Any] = {"subject": subject, "variant": variant, "converted": converted}
    metrics = {**{m: True for m in hit or []}, **{m: False for m in miss or []}}
    if metrics:
        event["metrics"] = metrics
    events = [event]
    result = st.client().features.experiments.record_exposures(
        experiment, tenant=st.require_tenant(), events=events
    )
    render_object(result, st.output)


@experiments_app.command("results")
def experiments_results(ctx: typer.Context, experiment: ExperimentArg) -> None:
    """Per-arm rates with 95 % intervals, the difference, the SRM check and each guardrail's status."""
    st = state(ctx)
    render_object(st.client().features.experiments.results(experiment, tenant=st.require_tenant()), st.output)


@experiments_app.command("conclude")
def experiments_conclude(
    ctx: typer.Context,
    experiment: ExperimentArg,
    decision: Annotated[str, typer.Option()],
    outcome: Annotated[
        str | None,
        typer.Option(
            help="ship_treatment (refused while a guardrail is breached), keep_control, inconclusive."
        ),
    ] = None,
) -> None:
    """Record the decision (refused while the sample ratio mismatch is flagged)."""
    st = state(ctx)
    if outcome is not None and outcome not in OUTCOMES:
        raise CliError(f"--outcome must be one of {', '.join(OUTCOMES)}, not {outcome!r}", ExitCode.USAGE)
    extra: dict[str, Any] = {"outcome": outcome} if outcome else {}
    result = st.client().features.experiments.conclude(
        experiment, tenant=st.require_tenant(), decision=decision, **extra
    )
    render_object(result, st.output, EXPERIMENT_COLUMNS)
