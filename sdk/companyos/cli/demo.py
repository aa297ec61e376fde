"""``companyos demo …``: the two sales demo stories, narrated step by step, against the demo data ``./dev up``
seeds (tenant ``acme``).

Every step is a real call through the SDK client the CLI builds for any other command (the same calls as
``alerts``, ``incidents``, ``slo``, ``deployments``, ``plans``, ``features``, ``analytics`` and ``export``);
nothing is simulated. A step prints what it did and the ids it produced; a failing step stops the story
with the CLI's one-line error naming the step. ``-o json`` prints a transcript instead of the narration.

Stories are safe to run again and again: the names they create carry a per-run suffix, and the one step
that changes the demo for good (executing the checkout-api rollback) runs only with ``--yes`` and a
step-up sign-in, and is skipped once the bad deploy is rolled back.
"""

from __future__ import annotations

import secrets
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any, cast

import typer

import companyos
from companyos import StepUpRequired

from ._common import state
from ._context import State
from ._errors import CliError, ExitCode, describe
from ._output import _dump
from .jobs import TERMINAL as TERMINAL_JOB
from .maestro import TERMINAL as TERMINAL_RUN

__all__ = ["STORIES", "app"]

app: typer.Typer = typer.Typer(
    help="Sales demo stories, narrated step by step on the seeded demo data (see docs/demo-handbook.md).",
    no_args_is_help=True,
)

CHECKOUT = "checkout-api"
SLO_SERVICE = "ledger-ops"
ROLLBACK_PLAN = f"Roll back {CHECKOUT}"
ANALYTICS_FEATURE = "service-map"
SEEDED_FEATURE = "express-shipping"
DATASET = "customers-demo"


def _echo(text: str) -> None:
    """Narration: plain lines (never wrapped or styled, so a projector or a log shows them as written)."""
    print(text, flush=True)


@dataclass
class StepRecord:
    number: int
    name: str
    title: str
    status: str = "pending"  # ok | failed
    ids: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"number": self.number, "name": self.name, "title": self.title,
                                "status": self.status, "ids": self.ids, "links": self.links, "notes": self.notes}  # fmt: skip
        if self.error is not None:
            data["error"] = self.error
        return data


class Demo:
    """One run of a story: the client, what earlier steps produced, and the narration."""

    def __init__(self, st: State, story: Story, *, yes: bool, pause: float) -> None:
        self.st = st
        self.story = story
        self.tenant = st.require_tenant()
        self.client: companyos.Client = st.client()
        self.yes = yes
        self.pause = pause
        self.run_id = datetime.now(UTC).strftime("%Y%m%d%H%M%S") + secrets.token_hex(2)
        self.found: dict[str, Any] = {}
        self.records: list[StepRecord] = []
        self.current: StepRecord | None = None
        self.narrate = st.output == "table"

    # -- narration -----------------------------------------------------------------------------------
    def say(self, text: str) -> None:
        """One line of what happened (table output only; ``-o json`` collects notes instead)."""
        if self.current is not None:
            self.current.notes.append(text)
        if self.narrate:
            _echo("   " + text)

    def produced(self, kind: str, value: str, link: str | None = None, *, see: str | None = None) -> None:
        """An id the step produced (and where to look at it again)."""
        assert self.current is not None
        self.current.ids[kind] = value
        if link:
            self.current.links[kind] = link
        text = f"{kind}: {value}" + (f"  ({see})" if see else "")
        if self.narrate:
            _echo("   → " + text)

    def api(self, path: str) -> str:
        return f"{self.st.api_url}/v1/tenants/{self.tenant}/{path}"

    # -- running -------------------------------------------------------------------------------------
    def run(self) -> None:
        steps = self.story.steps
        if self.narrate:
            _echo(f"Demo {self.story.name} on tenant {self.tenant} ({self.st.api_url}): {self.story.summary}")
        for number, step in enumerate(steps, start=1):
            record = StepRecord(number, step.name, step.title)
            self.records.append(record)
            self.current = record
            if self.narrate:
                _echo(f"\nStep {number}/{len(steps)} — {step.title}: {step.pitch}")
            try:
                step.run(self)
            except (typer.Exit, typer.Abort):
                raise
            except Exception as exc:  # noqa: BLE001 (every failure ends the story with one named line)
                line, code = describe(exc)
                record.status, record.error = "failed", line
                self.finish(failed=True)
                raise CliError(f"demo {self.story.name} step {number}/{len(steps)} ({step.name}) failed: {line}",
                               code) from None  # fmt: skip
            record.status = "ok"
            if self.pause and number < len(steps):
                time.sleep(self.pause)
        self.finish(failed=False)

    def finish(self, *, failed: bool) -> None:
        if not self.narrate:
            _dump(self.transcript(failed=failed), self.st.output)
        elif not failed:
            _echo(f"\nDone: {len(self.records)}/{len(self.story.steps)} steps of {self.story.name}. "
                  "Run it again any time: each run uses fresh names.")  # fmt: skip

    def transcript(self, *, failed: bool) -> dict[str, Any]:
        return {"story": self.story.name, "tenant": self.tenant, "run": self.run_id,
                "status": "failed" if failed else "succeeded",
                "steps": [r.as_dict() for r in self.records]}  # fmt: skip

    # -- lookups shared by the steps -----------------------------------------------------------------
    def service_id(self, name: str) -> str:
        for svc in self.client.services.list(tenant=self.tenant, name_prefix=name):
            if svc["name"] == name:
                return str(svc["id"])
        raise CliError(f"no service named {name!r} in tenant {self.tenant} (is the demo seed loaded?)",
                       ExitCode.NOT_FOUND)  # fmt: skip

    def confirm(self, question: str) -> bool:
        if self.yes:
            return True
        if not sys.stdin.isatty() or not self.narrate:
            return False
        return typer.confirm("   " + question, default=False)


@dataclass(frozen=True)
class Step:
    name: str
    title: str
    pitch: str  # what to say while it runs
    run: Callable[[Demo], None]


@dataclass(frozen=True)
class Story:
    name: str
    summary: str
    steps: tuple[Step, ...]


# -- ops-heavy: alert → incident → SLO Doctor → rollback -----------------------------------------------
def _ingest_key(demo: Demo) -> None:
    key = demo.client.alerts.ingest_keys.create(tenant=demo.tenant, name=f"demo-alertmanager-{demo.run_id}")
    demo.found["ingest_key"] = key["token"]
    demo.say(f"created ingest key {key['name']} (status {key['status']}); its token is shown once and goes "
             "into Alertmanager's receiver config")  # fmt: skip
    demo.produced("ingest_key_id", str(key["id"]), see="companyos alerts ingest-keys list")


def _alertmanager_payload(fingerprint: str) -> dict[str, Any]:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    labels = {"alertname": "HighErrorRate", "service": CHECKOUT, "severity": "critical", "namespace": "prod",
              "job": CHECKOUT}  # fmt: skip
    annotations = {"summary": f"{CHECKOUT} 5xx ratio above 5% (7.3% over 5m)",
                   "runbook_url": f"https://runbooks.example.com/{CHECKOUT}#HighErrorRate"}  # fmt: skip
    alert = {"status": "firing", "labels": labels, "annotations": annotations, "startsAt": now,
             "endsAt": "0001-01-01T00:00:00Z", "fingerprint": fingerprint,
             "generatorURL": "http://prometheus.example:9090/graph?g0.expr=job%3Acheckout_5xx_ratio%3Arate5m"}  # fmt: skip
    return {"version": "4", "groupKey": '{}:{alertname="HighErrorRate"}', "truncatedAlerts": 0,
            "status": "firing", "receiver": "companyos", "groupLabels": {"alertname": "HighErrorRate"},
            "commonLabels": labels, "commonAnnotations": annotations,
            "externalURL": "http://alertmanager.example:9093", "alerts": [alert]}  # fmt: skip


def _ingest_alert(demo: Demo) -> None:
    payload = _alertmanager_payload(f"demo-checkout5xx-{demo.run_id}")
    # Alertmanager authenticates with the ingest key, not with a login (as `companyos alerts ingest`).
    result = demo.st.client(auth=None).alerts.ingest(
        payload=payload,  # type: ignore[arg-type]
        ingest_key=demo.found["ingest_key"],
        tenant=demo.tenant,
    )
    (alert_id,) = result["alert_ids"]
    alert = demo.client.alerts.retrieve(alert_id, tenant=demo.tenant)
    demo.found["alert_id"] = alert_id
    demo.say(f"Alertmanager posted {alert['name']} ({alert['severity']}) on {alert['service']}: "
             f"received {result['received']}, created {result['created']}")  # fmt: skip
    impact = alert.get("error_budget_impact") or {}
    if impact.get("burn_rate") is not None:
        hours = impact.get("hours_to_exhaustion")
        demo.say(f"error budget: burning at {impact['burn_rate']}x; "
                 + (f"the budget is gone in ~{hours} h at this rate" if hours is not None else "no SLO budget"))  # fmt: skip
    demo.produced(
        "alert_id", alert_id, demo.api(f"alerts/{alert_id}"), see=f"companyos alerts get {alert_id}"
    )


def _open_incident(demo: Demo) -> None:
    incident = demo.client.alerts.open_incident(demo.found["alert_id"], tenant=demo.tenant)
    incident_id = str(incident["id"])
    demo.found["incident_id"] = incident_id
    checklist = incident.get("checklist") or []
    commander = next(
        (r["subject"] for r in incident.get("responders") or [] if r.get("role") == "commander"), None
    )
    demo.say(f"{incident['title']}: {incident['severity']}, {incident['status']}"
             + (f", commander {commander}" if commander else ""))  # fmt: skip
    demo.say(f"runbook checklist attached ({len(checklist)} items), first: "
             + (checklist[0]["text"] if checklist else "-"))  # fmt: skip
    demo.produced("incident_id", incident_id, demo.api(f"incidents/{incident_id}"),
                  see=f"companyos incidents get {incident_id}")  # fmt: skip


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def _slo_doctor(demo: Demo) -> None:
    service_id = demo.service_id(SLO_SERVICE)
    report = demo.client.slos.analyze(service_id, tenant=demo.tenant, days=7)
    objective = report["objective"]
    demo.say(f"{SLO_SERVICE}: {objective['percent']} % over {objective['window_days']} days; "
             f"budget left over the last 7 days {_pct(report.get('budget_remaining'))}; "
             f"{len(report.get('significant_burns') or [])} significant burn(s)")  # fmt: skip
    for found in (report.get("regressions") or [])[:1]:
        if found.get("deployment_id"):
            demo.say(f"regression after {found.get('version') or found['deployment_id']}: error rate "
                     f"x{found['ratio']} {found['lag_minutes']} min after the deploy")  # fmt: skip
    recs = demo.client.slos.recommendations(service_id, tenant=demo.tenant, days=30)["items"]
    for rec in recs[:3]:
        impact = rec.get("expected_impact") or {}
        backtest = (f" (backtest: pages {impact['pages_before']} -> {impact['pages_after']})"
                    if impact.get("pages_before") is not None else "")  # fmt: skip
        demo.say(f"recommendation [{rec['kind']}] {rec['title']}{backtest}")
    demo.say(f"{len(recs)} recommendation(s), each proven by backtest on the service's own history")
    demo.produced("slo_service_id", service_id, demo.api(f"services/{service_id}/slo-analysis"),
                  see=f"companyos slo recommendations {service_id}")  # fmt: skip
    if recs:
        demo.current.ids["top_recommendation_id"] = str(recs[0]["id"])  # type: ignore[union-attr]


def _rollback_candidates(demo: Demo) -> None:
    service_id = demo.service_id(CHECKOUT)
    demo.found["checkout_id"] = service_id
    result = demo.client.deployments.rollback_candidates(service_id, tenant=demo.tenant)
    current = result.get("current")
    if current:
        demo.say(f"{result['environment']} runs {current['version']} ({current['state']})")
    versions = ", ".join(str(c["version"]) for c in result["candidates"]) or "none"
    demo.say(f"it could roll back to: {versions}")
    demo.produced("service_id", service_id, see=f"companyos deployments rollback-candidates {service_id}")
    if current:
        demo.produced("current_deployment_id", str(current["id"]), demo.api(f"deployments/{current['id']}"))
    if result["candidates"]:
        demo.current.ids["candidate_deployment_id"] = str(result["candidates"][0]["id"])  # type: ignore[union-attr]


def _rollback(demo: Demo) -> None:
    plans = list(demo.client.maestro.plans.list(tenant=demo.tenant, name=ROLLBACK_PLAN))
    if not plans:
        raise CliError(
            f"no Maestro plan named {ROLLBACK_PLAN!r} (is the demo seed loaded?)", ExitCode.NOT_FOUND
        )
    plan_id = str(plans[0]["id"])
    demo.produced("plan_id", plan_id, demo.api(f"plans/{plan_id}"), see=f"companyos plans dry-run {plan_id}")
    dry: Mapping[str, Any] = demo.client.maestro.plans.dry_run(plan_id, tenant=demo.tenant)
    demo.say(f"dry run of {dry['plan_name']} v{dry['plan_version']}: risk {dry['risk']}, step-up "
             f"{'required' if dry['requires_step_up'] else 'not required'}, nothing changed")  # fmt: skip
    for step in dry["steps"]:
        demo.say(f"  {step['step_id']}: {step['change']}")
    target = next((s["target"] for s in dry["steps"] if s["action"] == "deployment.rollback"), None)
    if target:
        deployment = demo.client.deployments.retrieve(str(target), tenant=demo.tenant)
        if deployment["state"] != "failed":
            demo.say(f"{deployment['version']} is already {deployment['state']} (an earlier run rolled it back): "
                     "nothing to execute; the dry run shows the plan")  # fmt: skip
            return
    if not demo.confirm("Execute the rollback now?"):
        demo.say("not executed: this was the dry run (pass --yes to execute; it needs a recent MFA sign-in)")
        return
    incident_id = demo.found.get("incident_id")
    try:
        run = demo.client.maestro.plans.execute(
            plan_id,
            tenant=demo.tenant,
            reason=f"{CHECKOUT} 5xx after the bad deploy (demo {demo.run_id})",
            inputs={"incident_id": incident_id} if incident_id else None,
            idempotency_key=f"demo-rollback-{incident_id or demo.run_id}",
        )
    except StepUpRequired as exc:
        acr = " ".join(exc.acr_values) or "a stronger sign-in"
        demo.say(f"not executed: running this high-risk plan needs step-up ({acr}"
                 + (f", within {exc.max_age}s" if exc.max_age is not None else "")
                 + ") and this login has none; the dry run above is exactly what it would do. "
                 "Sign in with MFA (`companyos login`, with the TOTP code) and run the story again with --yes.")  # fmt: skip
        demo.current.ids["step_up"] = acr  # type: ignore[union-attr]
        return
    run_id = str(cast(Any, run)["id"])  # executed, not a dry run: a MaestroRun
    demo.produced("run_id", run_id, demo.api(f"runs/{run_id}"), see=f"companyos runs watch {run_id}")
    deadline = time.monotonic() + 60
    current = demo.client.maestro.runs.retrieve(run_id, tenant=demo.tenant)
    while current["state"] not in TERMINAL_RUN and time.monotonic() < deadline:
        time.sleep(0.5)
        current = demo.client.maestro.runs.retrieve(run_id, tenant=demo.tenant)
    if current["state"] not in TERMINAL_RUN:
        demo.say(f"run {run_id} is {current['state']} (is the job worker running?): follow it with "
                 f"`companyos runs watch {run_id}`")  # fmt: skip
        return
    if current["state"] != "succeeded":
        raise CliError(
            f"run {run_id} {current['state']}" + (f": {current['error']}" if current.get("error") else "")
        )
    demo.say(f"rollback executed: run {current['state']} ({current['progress']['done']}/{current['progress']['total']} "
             "steps), evidence pack signed")  # fmt: skip
    if current.get("evidence_pack_id"):
        pack = str(current["evidence_pack_id"])
        demo.produced(
            "evidence_pack_id", pack, demo.api(f"evidence-packs/{pack}"), see=f"companyos evidence get {pack}"
        )


# -- admin-heavy: feature lifecycle → analytics card → export -------------------------------------------
def _feature_journey(demo: Demo) -> None:
    summary = demo.client.features.summary(tenant=demo.tenant)
    counts = ", ".join(f"{s['state']} {s['count']}" for s in summary["states"] if s["count"])
    demo.say(f"portfolio by state: {counts or 'empty'}")
    feature = demo.client.features.retrieve(SEEDED_FEATURE, tenant=demo.tenant)
    history = list(demo.client.features.transitions.list(SEEDED_FEATURE, tenant=demo.tenant))
    path = (
        " → ".join([str(history[0]["from_state"])] + [str(h["to_state"]) for h in history])
        if history
        else "-"
    )
    demo.say(f"{feature['name']} ({feature['owner']}): {path}")
    demo.say(f"{len(feature.get('evidence') or [])} piece(s) of evidence, one set per gate; every move records "
             "who, when and why")  # fmt: skip
    demo.produced("feature_key", SEEDED_FEATURE, demo.api(f"features/{SEEDED_FEATURE}"),
                  see=f"companyos features history {SEEDED_FEATURE}")  # fmt: skip


def _new_feature(demo: Demo) -> None:
    key = f"demo-gift-wrap-{demo.run_id}"
    feature = demo.client.features.create(
        tenant=demo.tenant, key=key, name="Gift wrapping (demo)", owner="storefront-team",
        problem="Shoppers buying gifts leave to wrap them elsewhere.",
        hypothesis="Gift wrapping at checkout raises average order value by 3 %.",
    )  # fmt: skip
    demo.found["feature_key"] = key
    demo.say(f"registered {feature['name']} as {feature['state']}, owner {feature['owner']}")
    demo.produced("feature_key", key, demo.api(f"features/{key}"), see=f"companyos features get {key}")


def _gate(demo: Demo) -> None:
    key = demo.found["feature_key"]
    try:
        demo.client.features.transition(key, tenant=demo.tenant, to="experiment")  # type: ignore[arg-type]
    except companyos.ConflictError as exc:
        demo.say(f"the gate refuses idea → experiment: {exc.detail or exc.title}")
    else:
        raise CliError(f"feature {key} moved to experiment without evidence: the lifecycle gate did not hold")
    evidence = demo.client.features.evidence.add(key, tenant=demo.tenant, kind="design",  # type: ignore[arg-type]
                                                 title="Gift wrapping: design review")  # fmt: skip
    demo.say(f"attached design evidence ({len(evidence.get('evidence') or [])} on file)")
    moved = demo.client.features.transition(key, tenant=demo.tenant, to="experiment",  # type: ignore[arg-type]
                                            note="Design reviewed (demo)")  # fmt: skip
    demo.say(f"moved to {moved['state']}: the gate passes once its evidence is there")
    demo.produced("feature_state", str(moved["state"]), see=f"companyos features history {key}")


def _analytics(demo: Demo) -> None:
    report: Mapping[str, Any] = demo.client.analytics.adoption(feature=ANALYTICS_FEATURE, tenant=demo.tenant,
                                                                days=28, by="role")  # fmt: skip
    groups = report.get("groups") or []
    demo.say(f"adoption of {ANALYTICS_FEATURE} over 28 days by role (product analytics, EU partition):")
    for group in groups[:5]:
        demo.say(f"  {group['group']}: {_pct(group.get('adoption_rate'))} "
                 f"({group['adopters']} of {group['active_users']} active users)")  # fmt: skip
    fresh = report.get("freshness") or {}
    demo.say(f"data as of {fresh.get('data_as_of') or '-'}, {fresh.get('events', 0)} events")
    demo.produced(
        "analytics_feature", ANALYTICS_FEATURE, see=f"companyos analytics adoption {ANALYTICS_FEATURE}"
    )


def _export(demo: Demo) -> None:
    dataset_id = next((str(d["id"]) for d in demo.client.datasets.list(tenant=demo.tenant) if d["name"] == DATASET),
                      None)  # fmt: skip
    if dataset_id is None:
        raise CliError(f"no dataset named {DATASET!r} in tenant {demo.tenant} (is the demo seed loaded?)",
                       ExitCode.NOT_FOUND)  # fmt: skip
    export = demo.client.datasets.create_export(
        dataset_id, tenant=demo.tenant, recipient="auditor@example.com", destination_region="eu",
        redactions={"email": "mask"}, idempotency_key=f"demo-export-{demo.run_id}",
    )  # fmt: skip
    demo.found["export"] = export
    demo.say(f"export of {DATASET} to auditor@example.com requested: residency-checked (eu → eu), "
             "emails masked, watermarked, signed")  # fmt: skip
    demo.produced("dataset_id", dataset_id)
    demo.produced("export_id", str(export["id"]), demo.api(f"exports/{export['id']}"),
                  see=f"companyos export get {export['id']}")  # fmt: skip


def _export_job(demo: Demo) -> None:
    export = demo.found["export"]
    job_id = str(export["job_id"])
    deadline = time.monotonic() + 30
    job = demo.client.jobs.retrieve(job_id, tenant=demo.tenant)
    while job["state"] not in TERMINAL_JOB and time.monotonic() < deadline:
        time.sleep(0.5)
        job = demo.client.jobs.retrieve(job_id, tenant=demo.tenant)
    demo.produced("job_id", job_id, demo.api(f"jobs/{job_id}"), see=f"companyos jobs get {job_id}")
    if job["state"] == "failed":
        errors = "; ".join(str(e.get("message") or e) for e in job.get("errors") or [])
        raise CliError(f"export job {job_id} failed" + (f": {errors}" if errors else ""))
    if job["state"] not in TERMINAL_JOB:
        demo.say(f"job {job['kind']} is {job['state']} (is the job worker running?): "
                 f"follow it with `companyos jobs get {job_id}`")  # fmt: skip
        return
    done = demo.client.datasets.retrieve_export(str(export["id"]), tenant=demo.tenant)
    demo.say(f"job {job['kind']} {job['state']}; the pack is ready to download and verify offline")
    if done.get("evidence_pack_id"):
        demo.produced("evidence_pack_id", str(done["evidence_pack_id"]))


STORIES: dict[str, Story] = {
    story.name: story
    for story in (
        Story(
            "ops-heavy",
            "an Alertmanager page becomes an incident, SLO Doctor explains the budget, a rollback plan fixes it",
            (
                Step("ingest-key", "Connect Alertmanager",
                     "a tenant admin creates an ingest key; Alertmanager pages CompanyOS with it", _ingest_key),
                Step("alert", "Receive the page",
                     f"Alertmanager fires HighErrorRate on {CHECKOUT}; we see its error-budget impact", _ingest_alert),
                Step("incident", "Open an incident from the alert",
                     "one call: severity, commander and the runbook checklist come with it", _open_incident),
                Step("slo-doctor", "Ask SLO Doctor",
                     f"{SLO_SERVICE}'s SLO analysis and recommendations, proven by backtest", _slo_doctor),
                Step("rollback-candidates", "Find the bad deploy",
                     f"{CHECKOUT}'s production deploy failed verification; these are the safe versions",
                     _rollback_candidates),
                Step("rollback", "Roll back through Maestro",
                     "dry run first; executing a high-risk plan needs a recent MFA sign-in", _rollback),
            ),
        ),
        Story(
            "admin-heavy",
            "features move through evidence gates, analytics shows adoption, data leaves as a signed export",
            (
                Step("feature-journey", "Show a feature's lifecycle",
                     f"{SEEDED_FEATURE} went idea → sunset, with evidence at every gate", _feature_journey),
                Step("feature-create", "Register a new feature",
                     "every feature starts as an idea with an owner, a problem and a hypothesis", _new_feature),
                Step("feature-gate", "Move it through its first gate",
                     "without evidence the gate refuses and says why; with it, the feature moves", _gate),
                Step("analytics", "Open the adoption card",
                     "product analytics: who adopts a feature, by role", _analytics),
                Step("export", "Export a dataset",
                     f"{DATASET} leaves as a residency-checked, redacted, signed pack", _export),
                Step("export-job", "Show the export job",
                     "exports run as jobs; the result is an evidence pack anyone can verify", _export_job),
            ),
        ),
    )
}  # fmt: skip


def _complete(incomplete: str) -> list[str]:
    return [name for name in STORIES if name.startswith(incomplete)]


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """The demo stories and their steps."""
    st = state(ctx)
    if st.output != "table":
        _dump([{"name": s.name, "summary": s.summary,
                "steps": [{"number": n, "name": step.name, "title": step.title}
                          for n, step in enumerate(s.steps, start=1)]}
               for s in STORIES.values()], st.output)  # fmt: skip
        return
    for story in STORIES.values():
        _echo(f"{story.name}: {story.summary}")
        for number, step in enumerate(story.steps, start=1):
            _echo(f"  {number}. {step.title} ({step.name})")
    _echo("Run one: companyos demo run ops-heavy")


@app.command("run")
def run(
    ctx: typer.Context,
    story: Annotated[str, typer.Argument(help="ops-heavy or admin-heavy.", autocompletion=_complete)],
    yes: Annotated[
        bool,
        typer.Option(
            "--yes", "-y", help="Do the steps that change the demo for good (execute the rollback)."
        ),
    ] = False,
    pause: Annotated[
        float, typer.Option("--pause", min=0, help="Seconds to wait between steps (time to talk).")
    ] = 0.0,
) -> None:
    """Run a demo story, narrated step by step (-o json: the transcript)."""
    chosen = STORIES.get(story)
    if chosen is None:
        raise CliError(f"unknown demo story {story!r}: choose one of {', '.join(STORIES)} (`companyos demo list`)",
                       ExitCode.USAGE)  # fmt: skip
    Demo(state(ctx), chosen, yes=yes, pause=pause).run()
