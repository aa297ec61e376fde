"""Public surface, redaction, telemetry headers, spec coverage and types kept in step with the spec."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, get_type_hints

import httpx
import pytest

import companyos
from companyos import types as sdk_types
from companyos._logs import PII_FIELDS, REDACTED, redact, redact_headers

from .conftest import BASE, TENANT

ROOT = Path(__file__).resolve().parents[3]
SPEC = json.loads((ROOT / "generated" / "openapi.json").read_text())

PUBLIC_API = [
    "API_VERSION", "NOT_GIVEN", "APIConnectionError", "APIError", "APIResponse", "APIStatusError",
    "APITimeoutError", "AccessDeniedError", "AsyncClient", "AsyncPager", "AuthenticationError",
    "AuthorizationCodePKCE", "BadRequestError", "CircuitBreaker", "CircuitOpenError", "Client",
    "ClientCredentials", "CompanyOSError", "ConflictError", "DeviceCode", "ExpiredTokenError", "FlushResult",
    "InternalServerError", "MissingCredentialsError", "MutationQueued", "NotFoundError", "NotGiven", "OAuthError", "OfflineQueue",
    "OfflineStatus", "Page", "PermissionDeniedError", "RateLimitError", "RetryPolicy", "StaticToken",
    "StepUpChallenge", "StepUpRequired", "SyncPager", "Token", "UnprocessableEntityError", "__version__",
    "auth", "evidence", "types",
]  # fmt: skip


def test_public_all_is_sorted_and_unchanged():
    def ruff_order(name: str) -> tuple[int, str]:  # RUF022: CONSTANTS, then Classes, then the rest
        return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)

    assert companyos.__all__ == sorted(companyos.__all__, key=ruff_order)
    assert companyos.__all__ == PUBLIC_API, "public API changed: update PUBLIC_API deliberately"
    for name in companyos.__all__:
        assert hasattr(companyos, name), name


def test_import_is_light():
    lazy = ("opentelemetry", "cryptography", "keyring", "companyos._generated.companyos_client", "companyos.resources",
            "companyos.auth._flows", "companyos.auth._cache", "companyos._crypto", "companyos.offline")  # fmt: skip
    code = f"import companyos, sys; print(sorted(m for m in {lazy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_redaction_of_tokens_and_pii():
    body = {"access_token": "a", "nested": [{"refresh_token": "r", "email": "x@y", "keep": 1}], "name": "Ann"}
    assert redact(body) == {
        "access_token": REDACTED,
        "nested": [{"refresh_token": REDACTED, "email": REDACTED, "keep": 1}],
        "name": REDACTED,
    }
    assert redact_headers({"Authorization": "Bearer s", "X-Request-Id": "r"}) == {
        "Authorization": REDACTED,
        "X-Request-Id": "r",
    }


def test_pii_fields_cover_the_spec_classification():
    classified: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                if isinstance(prop, dict) and str(prop.get("x-companyos-classification", "")).lower() in (
                    "pii",
                    "personal",
                    "sensitive",
                ):
                    classified.add(name)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(SPEC)
    assert classified <= PII_FIELDS


def test_debug_log_never_contains_secrets(api, make_client, caplog):
    api.post("/v1/tenants").mock(return_value=httpx.Response(201, json=TENANT))
    with caplog.at_level(logging.DEBUG, logger="companyos"):
        make_client(auth="super-secret-token").tenants.create(
            id="acme", display_name="ACME", labels={"email": "a@b"}
        )
    text = caplog.text
    assert "POST" in text and "super-secret-token" not in text and "a@b" not in text


def test_traceparent_injected_when_a_span_is_active(api, make_client):
    from opentelemetry import trace
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("test")
    import companyos._telemetry as tel

    old = tel._tracer
    tel._tracer = provider.get_tracer("companyos")
    try:
        route = api.get("/v1/health").mock(
            side_effect=[httpx.Response(503), httpx.Response(200, json={"status": "ok", "version": "1"})]
        )
        with tracer.start_as_current_span("app"):
            make_client().system.health()
    finally:
        tel._tracer = old
    parents = [c.request.headers["traceparent"] for c in route.calls]
    assert all(re.fullmatch(r"00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}", p) for p in parents)
    spans = {s.name: s for s in exporter.get_finished_spans()}
    sdk_span = spans["companyos.get_health"]
    assert sdk_span.parent is not None and sdk_span.parent.span_id == spans["app"].context.span_id
    assert sdk_span.attributes["http.response.status_code"] == 200
    assert parents[0].split("-")[1] == format(sdk_span.context.trace_id, "032x")
    assert trace.get_current_span() is not None


def test_without_a_tracer_provider_the_current_context_still_propagates(api, make_client):
    """No provider: no span is made (the hot path skips the no-op API), but a remote parent and baggage the
    application attached travel on, as the no-op span would have carried them; an empty context adds nothing."""
    from opentelemetry import baggage, context, trace
    from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags

    import companyos._telemetry as tel

    assert isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)
    route = api.get("/v1/health").mock(
        return_value=httpx.Response(200, json={"status": "ok", "version": "1"})
    )
    make_client().system.health()
    assert "traceparent" not in route.calls[-1].request.headers
    assert "baggage" not in route.calls[-1].request.headers

    remote = SpanContext(0xABC, 0xDEF, is_remote=True, trace_flags=TraceFlags(1))
    ctx = baggage.set_baggage("region", "eu", trace.set_span_in_context(NonRecordingSpan(remote)))
    token = context.attach(ctx)
    try:
        assert tel.start_span("x", lambda: {}) is None
        make_client().system.health()
    finally:
        context.detach(token)
    headers = route.calls[-1].request.headers
    assert headers["traceparent"] == f"00-{0xABC:032x}-{0xDEF:016x}-01"
    assert headers["baggage"] == "region=eu"


# -- spec coverage: every operationId reachable through the SDK ------------------------------------
CALLS: dict[str, Any] = {
    "get_health": lambda c: c.system.health(),
    "get_readiness": lambda c: c.system.readiness(),
    "list_signing_keys": lambda c: c.system.signing_keys(use="evidence"),
    "get_me": lambda c: c.identity.me(),
    "list_tenants": lambda c: c.tenants.list().first_page(),
    "create_tenant": lambda c: c.tenants.create(id="t", display_name="T"),
    "get_tenant": lambda c: c.tenants.retrieve(),
    "update_tenant": lambda c: c.tenants.update(display_name="T"),
    "get_tenant_permissions": lambda c: c.tenants.permissions(resource="tenant"),
    "list_audit_events": lambda c: c.audit.list().first_page(),
    "verify_audit_chain": lambda c: c.audit.verify(),
    "export_audit_events": lambda c: c.audit.export(),
    "list_jobs": lambda c: c.jobs.list().first_page(),
    "get_job": lambda c: c.jobs.retrieve("job_1"),
    "cancel_job": lambda c: c.jobs.cancel("job_1"),
    "retry_job": lambda c: c.jobs.retry("job_1"),
    "get_job_artifact": lambda c: c.jobs.artifact("job_1"),
    # services
    "list_services": lambda c: c.services.list().first_page(),
    "create_service": lambda c: c.services.create(name="checkout", owner={"team": "pay"}, tier="tier-1"),
    "get_service": lambda c: c.services.retrieve("svc_1"),
    "update_service": lambda c: c.services.update("svc_1", description="d", if_match="3"),
    "delete_service": lambda c: c.services.delete("svc_1"),
    "get_service_dependencies": lambda c: c.services.dependencies("svc_1", depth=2),
    "get_service_links": lambda c: c.services.links("svc_1"),
    "list_sli_samples": lambda c: list(c.services.sli_samples.list("svc_1")),
    "record_sli_samples": lambda c: c.services.sli_samples.record(
        "svc_1", samples=[{"ts": "2026-11-27T09:00:00Z", "good": 1, "total": 1}]
    ),
    "import_deployment_history": lambda c: c.deployments.import_history(
        "svc_1", format="ndjson", content=b'{"version": "v1", "environment": "production"}\n'
    ),
    "import_incident_history": lambda c: c.incidents.import_history(
        format="json", content=b'[{"title": "x", "started_at": "2026-10-02T09:58:00Z"}]'
    ),
    "import_sli_samples": lambda c: c.services.sli_samples.import_file(
        "svc_1", format="csv", content=b"ts,good,total\n2026-11-27T09:00:00Z,1,1\n"
    ),
    "analyze_service_slo": lambda c: c.slos.analyze("svc_1", days=7, compare_error_rate=0.01),
    "list_service_slos": lambda c: c.slos.list("svc_1").first_page(),
    "create_service_slo": lambda c: c.slos.create(
        "svc_1", name="avail", sli_type="availability", objective=99.9
    ),
    "get_service_slo": lambda c: c.slos.retrieve("svc_1", "slo_1"),
    "update_service_slo": lambda c: c.slos.update("svc_1", "slo_1", objective=99.5),
    "delete_service_slo": lambda c: c.slos.delete("svc_1", "slo_1"),
    "import_openslo": lambda c: c.slos.import_openslo("svc_1", documents=[{"kind": "SLO"}]),
    "export_openslo": lambda c: c.slos.export_openslo("svc_1"),
    "list_slo_recommendations": lambda c: c.slos.recommendations("svc_1", days=7),
    "accept_slo_recommendation": lambda c: c.slos.accept_recommendation(
        "svc_1", "rec_0", owner="sre", due_date="2026-12-31"
    ),
    "list_slo_follow_ups": lambda c: c.slos.follow_ups("svc_1").first_page(),
    "create_health_report": lambda c: c.slos.create_report("svc_1", days=7),
    "list_health_reports": lambda c: c.slos.reports("svc_1").first_page(),
    "get_health_report": lambda c: c.slos.retrieve_report("svc_1", "rpt_1"),
    "get_service_map": lambda c: c.services.map(),
    "get_tenant_overview": lambda c: c.overview.retrieve(environment="staging", service_limit=20),
    # datasets (data ramp)
    "list_datasets": lambda c: c.datasets.list().first_page(),
    "create_dataset": lambda c: c.datasets.create(
        name="customers", fields=[{"name": "id", "type": "string", "classification": "internal"}]
    ),
    "get_dataset": lambda c: c.datasets.retrieve("ds_1"),
    "get_dataset_sample": lambda c: c.datasets.sample("ds_1"),
    "list_dataset_imports": lambda c: c.datasets.list_imports("ds_1").first_page(),
    "list_staging_files": lambda c: c.datasets.list_staging_files(prefix="drop/").first_page(),
    "create_dataset_import": lambda c: c.datasets.create_import(
        "ds_1", format="csv", manifest={"files": [{"name": "a.csv", "sha256": "0" * 64, "rows": 1}]}
    ),
    "get_dataset_import": lambda c: c.datasets.retrieve_import("imp_1"),
    "upload_dataset_import_part": lambda c: c.datasets.upload_part(
        "imp_1", file_name="a.csv", part_number=1, sha256="0" * 64, content=b"id\n1\n"
    ),
    "start_dataset_import": lambda c: c.datasets.start_import("imp_1"),
    "list_quarantined_rows": lambda c: c.datasets.quarantine("imp_1").first_page(),
    "rollback_dataset_import": lambda c: c.datasets.rollback_import("imp_1"),
    "retry_dataset_import": lambda c: c.datasets.retry_import("imp_1"),
    "update_dataset": lambda c: c.datasets.update("ds_1", description="CRM customers"),
    "list_dataset_exports": lambda c: c.datasets.list_exports("ds_1").first_page(),
    "create_dataset_export": lambda c: c.datasets.create_export("ds_1", recipient="auditor@example.com"),
    "get_dataset_export": lambda c: c.datasets.retrieve_export("exp_1"),
    "download_dataset_export": lambda c: c.datasets.download_export("exp_1"),
    # analytics
    "list_analytics_schemas": lambda c: c.analytics.list_schemas().first_page(),
    "register_analytics_schema": lambda c: c.analytics.register_schema(
        name="Report Exported", version="1-0-0"
    ),
    "ingest_analytics_events": lambda c: c.analytics.ingest(events=[]),
    "sync_analytics_ops": lambda c: c.analytics.sync_ops(),
    "get_analytics_adoption": lambda c: c.analytics.adoption(feature="checkout"),
    "get_analytics_active_users": lambda c: c.analytics.active_users(),
    "get_analytics_retention": lambda c: c.analytics.retention(
        start_event="Signed Up", return_event="Report Viewed"
    ),
    "get_analytics_funnel": lambda c: c.analytics.funnel(steps=["Signed Up", "Report Viewed"]),
    "get_analytics_ops_kpis": lambda c: c.analytics.ops_kpis(),
    "run_analytics_query": lambda c: c.analytics.query(sql="SELECT 1"),
    "list_analytics_exports": lambda c: c.analytics.list_exports().first_page(),
    "create_analytics_export": lambda c: c.analytics.create_export(
        report="adoption", recipient="board", parameters={"feature": "checkout"}
    ),
    "get_analytics_export": lambda c: c.analytics.retrieve_export("aex_1"),
    "download_analytics_export": lambda c: c.analytics.download_export("aex_1"),
    "list_analytics_schedules": lambda c: c.analytics.list_schedules().first_page(),
    "create_analytics_schedule": lambda c: c.analytics.create_schedule(
        name="weekly", report="active_users", parameters={}, recipients=["cfo"], cadence={"every": "week"}
    ),
    "get_analytics_schedule": lambda c: c.analytics.retrieve_schedule("rsch_1"),
    "update_analytics_schedule": lambda c: c.analytics.update_schedule("rsch_1", enabled=False),
    "delete_analytics_schedule": lambda c: c.analytics.delete_schedule("rsch_1"),
    "run_analytics_schedule": lambda c: c.analytics.run_schedule("rsch_1"),
    # sandbox
    "get_sandbox": lambda c: c.sandbox.retrieve(),
    "seed_sandbox": lambda c: c.sandbox.seed(profile="ops-heavy", seed=7),
    "reset_sandbox": lambda c: c.sandbox.reset(keep_clock=True),
    # secops
    "list_security_events": lambda c: c.secops.list_events().first_page(),
    "ingest_security_events": lambda c: c.secops.ingest(),
    "ingest_security_events_ndjson": lambda c: c.secops.ingest_ndjson(content=b'{"action": "x"}\n'),
    "sync_security_events": lambda c: c.secops.sync(),
    "list_detection_rules": lambda c: c.secops.list_rules().first_page(),
    "put_detection_rule": lambda c: c.secops.put_rule(name="brute-force", sigma="title: x"),
    "get_detection_rule": lambda c: c.secops.get_rule("brute-force"),
    "update_detection_rule": lambda c: c.secops.update_rule("brute-force", enabled=False),
    "test_detection_rule": lambda c: c.secops.test_rule(events=[]),
    "run_detection_history": lambda c: c.secops.run_history(since="2026-12-01T00:00:00Z"),
    "get_security_principal": lambda c: c.secops.get_principal("bob"),
    # deployments
    "list_deployments": lambda c: c.deployments.list().first_page(),
    "list_service_deployments": lambda c: c.deployments.list_for_service("svc_1").first_page(),
    "create_deployment": lambda c: c.deployments.create("svc_1", version="1.2.3", environment="staging"),
    "list_rollback_candidates": lambda c: c.deployments.rollback_candidates("svc_1"),
    "get_deployment": lambda c: c.deployments.retrieve("dep_1"),
    "advance_deployment_stage": lambda c: c.deployments.advance_stage("dep_1", "build", state="succeeded"),
    # tenant_config
    "get_tenant_config": lambda c: c.tenant_config.retrieve(),
    "put_tenant_config": lambda c: c.tenant_config.update(document={}, message="m"),
    "list_tenant_config_versions": lambda c: c.tenant_config.list_versions().first_page(),
    "get_tenant_config_version": lambda c: c.tenant_config.retrieve_version(2),
    "diff_tenant_config": lambda c: c.tenant_config.diff(from_=1, to=2),
    "list_tenant_flags": lambda c: c.tenant_config.flags.list().first_page(),
    "create_tenant_flag": lambda c: c.tenant_config.flags.create(key="new-ui"),
    "get_tenant_flag": lambda c: c.tenant_config.flags.retrieve("new-ui"),
    "update_tenant_flag": lambda c: c.tenant_config.flags.update("new-ui", enabled=True),
    "delete_tenant_flag": lambda c: c.tenant_config.flags.delete("new-ui"),
    "evaluate_tenant_flag": lambda c: c.tenant_config.flags.evaluate("new-ui", environment="staging"),
    "ofrep_evaluate_flag": lambda c: c.flags.ofrep_evaluate(
        "production", "new-ui", context={"targetingKey": "u"}
    ),
    "ofrep_evaluate_flags": lambda c: c.flags.ofrep_evaluate_all("production", context={}),
    "get_flag_configuration": lambda c: c.flags.configuration(),
    "list_features": lambda c: c.features.list().first_page(),
    "create_feature": lambda c: c.features.create(key="f1", name="F", owner="team"),
    "get_feature": lambda c: c.features.retrieve("f1"),
    "update_feature": lambda c: c.features.update("f1", owner="team-b"),
    "add_feature_evidence": lambda c: c.features.evidence.add("f1", kind="design", title="Design"),
    "transition_feature": lambda c: c.features.transition("f1", to="experiment"),
    "list_feature_transitions": lambda c: c.features.transitions.list("f1").first_page(),
    "get_feature_review": lambda c: c.features.review("f1"),
    "get_features_summary": lambda c: c.features.summary(),
    "list_stale_flags": lambda c: c.features.stale_flags(),
    "list_rollouts": lambda c: c.features.rollouts.list().first_page(),
    "create_rollout": lambda c: c.features.rollouts.create(flag_key="new-ui", environment="production"),
    "get_rollout": lambda c: c.features.rollouts.retrieve("rol_1"),
    "approve_rollout": lambda c: c.features.rollouts.approve("rol_1"),
    "reject_rollout": lambda c: c.features.rollouts.reject("rol_1"),
    "advance_rollout": lambda c: c.features.rollouts.advance("rol_1"),
    "list_experiments": lambda c: c.features.experiments.list().first_page(),
    "create_experiment": lambda c: c.features.experiments.create(
        key="e1", flag_key="new-ui", environment="production", control="a", treatment="b", metric="m"
    ),
    "get_experiment": lambda c: c.features.experiments.retrieve("e1"),
    "record_experiment_exposures": lambda c: c.features.experiments.record_exposures(
        "e1", events=[{"subject": "u", "variant": "a"}]
    ),
    "get_experiment_results": lambda c: c.features.experiments.results("e1"),
    "conclude_experiment": lambda c: c.features.experiments.conclude("e1", decision="ship"),
    "get_tenant_residency": lambda c: c.tenant_config.residency(),
    "list_tenant_admin_actions": lambda c: c.tenant_config.admin_actions().first_page(),
    # alerts
    "ingest_alertmanager_alerts": lambda c: c.alerts.ingest(
        payload={"version": "4", "status": "firing", "alerts": []}, ingest_key="aik_1.s"
    ),
    "list_alert_ingest_keys": lambda c: c.alerts.ingest_keys.list().first_page(),
    "create_alert_ingest_key": lambda c: c.alerts.ingest_keys.create(name="am"),
    "rotate_alert_ingest_key": lambda c: c.alerts.ingest_keys.rotate("aik_1"),
    "list_alerts": lambda c: c.alerts.list(status="firing").first_page(),
    "get_alert": lambda c: c.alerts.retrieve("alr_1"),
    "acknowledge_alert": lambda c: c.alerts.acknowledge("alr_1"),
    "silence_alert": lambda c: c.alerts.silence("alr_1", until="2026-12-01T00:00:00Z"),
    "open_incident_from_alert": lambda c: c.alerts.open_incident("alr_1", severity="sev2"),
    "list_alert_occurrences": lambda c: c.alerts.occurrences.list(service_id="svc_1").first_page(),
    "import_alert_history": lambda c: c.alerts.history.import_file(
        format="csv", content=b"alert_name,starts_at\nHighErrorRate,2026-10-02T09:58:00Z\n"
    ),
    # incidents
    "list_incidents": lambda c: c.incidents.list().first_page(),
    "create_incident": lambda c: c.incidents.create(title="Down", severity="sev1"),
    "get_incident": lambda c: c.incidents.retrieve("inc_1"),
    "update_incident": lambda c: c.incidents.update("inc_1", status="resolved"),
    "add_incident_timeline_entry": lambda c: c.incidents.add_timeline_entry("inc_1", kind="note", text="t"),
    "add_incident_responder": lambda c: c.incidents.add_responder("inc_1", subject="usr_a", role="ops"),
    "add_incident_dashboard": lambda c: c.incidents.add_dashboard("inc_1", url="https://grafana/x"),
    "add_incident_task": lambda c: c.incidents.add_task("inc_1", ref="plan_run:run_1"),
    "add_incident_checklist_item": lambda c: c.incidents.add_checklist_item("inc_1", text="page"),
    "check_incident_checklist_item": lambda c: c.incidents.check_checklist_item("inc_1", "chk_1"),
    # policies
    "list_policies": lambda c: c.policies.list().first_page(),
    "list_policy_decisions": lambda c: c.policies.decisions(outcome="deny").first_page(),
    "list_policy_exceptions": lambda c: c.policies.exceptions.list().first_page(),
    "create_policy_exception": lambda c: c.policies.exceptions.create(
        policy_id="no-friday", reason="r", duration_hours=2
    ),
    "get_policy_exception": lambda c: c.policies.exceptions.retrieve("pex_1"),
    "approve_policy_exception": lambda c: c.policies.exceptions.approve("pex_1"),
    "get_policy": lambda c: c.policies.retrieve("no-friday"),
    "update_policy": lambda c: c.policies.update(
        "no-friday", effect="forbid", actions=["deployments:create"], reason="r", dry_run=True
    ),
    "list_policy_versions": lambda c: c.policies.list_versions("no-friday").first_page(),
    "approve_policy_version": lambda c: c.policies.approve_version("no-friday", 2),
    # maestro
    "list_plans": lambda c: c.maestro.plans.list().first_page(),
    "create_plan": lambda c: c.maestro.plans.create(name="p", steps=[{"id": "w", "action": "wait"}]),
    "get_plan": lambda c: c.maestro.plans.retrieve("plan_1"),
    "update_plan": lambda c: c.maestro.plans.update("plan_1", description="d"),
    "list_plan_versions": lambda c: c.maestro.plans.list_versions("plan_1").first_page(),
    "get_plan_version": lambda c: c.maestro.plans.retrieve_version("plan_1", 1),
    "dry_run_plan": lambda c: c.maestro.plans.dry_run("plan_1", version=1),
    "execute_plan": lambda c: c.maestro.plans.execute("plan_1", reason="r"),
    "list_runs": lambda c: c.maestro.runs.list().first_page(),
    "get_run": lambda c: c.maestro.runs.retrieve("run_1"),
    "stream_run_events": lambda c: list(c.maestro.runs.events("run_1", follow=False)),
    "cancel_run": lambda c: c.maestro.runs.cancel("run_1"),
    "get_run_verification": lambda c: c.maestro.runs.verification("run_1"),
    # search, inspect, graph, evidence
    "search_entities": lambda c: c.search.entities(q="checkout").first_page(),
    "inspect_entity": lambda c: c.inspect.entity(ref="service:svc_1"),
    "get_graph_neighbours": lambda c: c.graph.neighbours(ref="service:svc_1"),
    "get_graph_changes": lambda c: c.graph.changes(ref="service:svc_1"),
    "get_graph_paths": lambda c: c.graph.paths(src="service:svc_1", dst="service:svc_2"),
    "list_evidence_packs": lambda c: c.evidence.list().first_page(),
    "get_evidence_pack": lambda c: c.evidence.retrieve("evp_1"),
    "download_evidence_pack": lambda c: c.evidence.download("evp_1"),
    "get_lineage": lambda c: c.evidence.lineage(ref="deployment:dep_1"),
}
SPEC_OPERATIONS = {
    op["operationId"]: (method.upper(), path)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if isinstance(op, dict) and "operationId" in op and op.get("x-companyos-served-by") != "identity-provider"
}


def test_every_operation_is_mapped():
    assert set(CALLS) == set(SPEC_OPERATIONS)


@pytest.mark.parametrize("operation_id", sorted(SPEC_OPERATIONS))
def test_operation_reachable(operation_id, make_client):
    import respx

    method, template = SPEC_OPERATIONS[operation_id]
    pattern = "^" + BASE + re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(template)) + r"(\?.*)?$"
    with respx.mock(assert_all_called=True) as router:
        router.route(method=method, url__regex=pattern).mock(
            return_value=httpx.Response(200, json={"items": []})
        )
        CALLS[operation_id](make_client())


# -- TypedDicts match the spec's schemas ---------------------------------------------------------
SCHEMA_TYPES = ["Health", "Readiness", "Me", "TenantMembership", "Tenant", "PermissionSet", "ActionPermission",
                "Job", "JobProgress", "JobError", "AuditEvent", "AuditVerification"]  # fmt: skip
# The platform-core domains: every TypedDict of their type modules is named after a spec schema.
PLATFORM_TYPE_MODULES = ["_shared", "alerts", "deployments", "evidence", "graph", "inspect", "maestro", "policies",
                         "search", "services", "tenant_config"]  # fmt: skip


def _typed_dict_names() -> list[str]:
    import importlib

    names = set(SCHEMA_TYPES)
    for module in PLATFORM_TYPE_MODULES:
        mod = importlib.import_module(f"companyos.types.{module}")
        names |= {
            n
            for n in mod.__all__
            if isinstance(getattr(mod, n), type) and hasattr(getattr(mod, n), "__total__")
        }
    return sorted(names)


def _schema_properties(schema: dict[str, Any]) -> set[str]:
    props = set(schema.get("properties") or {})
    for part in schema.get("allOf") or []:
        part = SPEC["components"]["schemas"][part["$ref"].split("/")[-1]] if "$ref" in part else part
        props |= _schema_properties(part)
    return props


@pytest.mark.parametrize("name", _typed_dict_names())
def test_typed_dicts_match_schema_properties(name):
    schema = SPEC["components"]["schemas"][name]
    assert set(get_type_hints(getattr(sdk_types, name))) == _schema_properties(schema), name


def test_platform_types_are_exported():
    assert len(_typed_dict_names()) > len(SCHEMA_TYPES) + 60
    for name in _typed_dict_names():
        assert name in sdk_types.__all__, name
