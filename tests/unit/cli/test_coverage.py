"""Every API operation is reachable from the CLI: a table from operationId to the command that calls it.

When the spec gains an operation, add a CLI command for it (``sdk/companyos/cli/``, ``docs/cli.md``) and a
row here. A row is ``"COMMAND [--OPTION]"``: the command path, plus the option that selects the operation
when the command reaches several. The table is checked three ways: it names every operation of the spec
(identity-provider endpoints excepted: ``login``/``logout`` talk OAuth to them), each command and option
exists in the typer app, and each command's code calls the SDK method that sends that operation.
"""

from __future__ import annotations

import ast
import functools
import inspect
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FunctionType
from typing import Any

import pytest
import typer
import typer.core

import companyos
import companyos.resources
from companyos.cli import app

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT / "generated" / "openapi.json"
RESOURCES = ROOT / "sdk" / "companyos" / "resources"

COMMANDS: dict[str, str] = {
    # alerts
    "list_alerts": "alerts list",
    "get_alert": "alerts get",
    "acknowledge_alert": "alerts ack",
    "silence_alert": "alerts silence",
    "open_incident_from_alert": "alerts open-incident",
    "ingest_alertmanager_alerts": "alerts ingest",
    "list_alert_ingest_keys": "alerts ingest-keys list",
    "create_alert_ingest_key": "alerts ingest-keys create",
    "rotate_alert_ingest_key": "alerts ingest-keys rotate",
    "list_alert_occurrences": "alerts occurrences",
    "import_alert_history": "alerts history import",
    # analytics
    "list_analytics_schemas": "analytics schemas list",
    "register_analytics_schema": "analytics schemas register",
    "ingest_analytics_events": "analytics ingest",
    "sync_analytics_ops": "analytics sync",
    "get_analytics_adoption": "analytics adoption",
    "get_analytics_active_users": "analytics active-users",
    "get_analytics_retention": "analytics retention",
    "get_analytics_funnel": "analytics funnel",
    "get_analytics_ops_kpis": "analytics kpis",
    "run_analytics_query": "analytics query",
    "get_sandbox": "sandbox get",
    "seed_sandbox": "sandbox seed",
    "reset_sandbox": "sandbox reset",
    "list_analytics_exports": "analytics export list",
    "create_analytics_export": "analytics export create",
    "get_analytics_export": "analytics export get",
    "download_analytics_export": "analytics export download",
    "list_analytics_schedules": "analytics schedule list",
    "create_analytics_schedule": "analytics schedule create",
    "get_analytics_schedule": "analytics schedule get",
    "update_analytics_schedule": "analytics schedule update",
    "delete_analytics_schedule": "analytics schedule delete",
    "run_analytics_schedule": "analytics schedule run",
    # datasets, imports, exports
    "list_datasets": "datasets list",
    "create_dataset": "datasets create",
    "get_dataset": "datasets get",
    "get_dataset_sample": "datasets sample",
    "update_dataset": "datasets update",
    "list_dataset_imports": "import list",
    "list_staging_files": "import staging-files",
    "create_dataset_import": "import open",
    "get_dataset_import": "import get",
    "upload_dataset_import_part": "import upload",
    "start_dataset_import": "import start",
    "list_quarantined_rows": "import quarantine",
    "rollback_dataset_import": "import rollback",
    "retry_dataset_import": "import retry",
    "list_dataset_exports": "export list",
    "create_dataset_export": "export create",
    "get_dataset_export": "export get",
    "download_dataset_export": "export download",
    # audit
    "list_audit_events": "audit list",
    "verify_audit_chain": "audit verify",
    "export_audit_events": "audit export",
    # deployments
    "list_deployments": "deployments list",
    "list_service_deployments": "deployments timeline",
    "create_deployment": "deployments create",
    "list_rollback_candidates": "deployments rollback-candidates",
    "get_deployment": "deployments get",
    "advance_deployment_stage": "deployments advance",
    # evidence, lineage, graph, search, inspect
    "list_evidence_packs": "evidence list",
    "get_evidence_pack": "evidence get",
    "download_evidence_pack": "evidence download",
    "get_lineage": "lineage",
    "get_graph_neighbours": "graph neighbours",
    "get_graph_changes": "graph changes",
    "get_graph_paths": "graph paths",
    "search_entities": "search",
    "inspect_entity": "inspect",
    # secops
    "list_security_events": "secops events list",
    "ingest_security_events": "secops events ingest",
    "ingest_security_events_ndjson": "secops events ingest",
    "sync_security_events": "secops events sync",
    "list_detection_rules": "secops rules list",
    "get_detection_rule": "secops rules get",
    "put_detection_rule": "secops rules put",
    "update_detection_rule": "secops rules enable",
    "test_detection_rule": "secops rules test",
    "run_detection_history": "secops run",
    "get_security_principal": "secops principal",
    # identity, system
    "get_me": "whoami",
    "get_health": "status",
    "get_readiness": "status",
    "list_signing_keys": "keys list",
    # incidents
    "list_incidents": "incidents list",
    "create_incident": "incidents create",
    "get_incident": "incidents get",
    "update_incident": "incidents update",
    "add_incident_timeline_entry": "incidents timeline --note",
    "add_incident_responder": "incidents add-responder",
    "add_incident_dashboard": "incidents add-dashboard",
    "add_incident_task": "incidents add-task",
    "add_incident_checklist_item": "incidents check --add",
    "check_incident_checklist_item": "incidents check",
    # jobs
    "list_jobs": "jobs list",
    "get_job": "jobs get",
    "cancel_job": "jobs cancel",
    "retry_job": "jobs retry",
    "get_job_artifact": "jobs download",
    # maestro
    "list_plans": "plans list",
    "create_plan": "plans create",
    "get_plan": "plans get",
    "update_plan": "plans update",
    "list_plan_versions": "plans versions",
    "get_plan_version": "plans get --version",
    "dry_run_plan": "plans dry-run",
    "execute_plan": "plans run",
    "list_runs": "runs list",
    "get_run": "runs get",
    "stream_run_events": "runs watch",
    "cancel_run": "runs cancel",
    "get_run_verification": "runs verify",
    # policies
    "list_policies": "policies list",
    "get_policy": "policies get",
    "update_policy": "policies edit",
    "approve_policy_version": "policies approve",
    "list_policy_versions": "policies versions",
    "list_policy_decisions": "policies decisions",
    "list_policy_exceptions": "policies exceptions list",
    "create_policy_exception": "policies exceptions create",
    "get_policy_exception": "policies exceptions get",
    "approve_policy_exception": "policies exceptions approve",
    # services
    "list_services": "services list",
    "create_service": "services create",
    "get_service": "services get",
    "update_service": "services update",
    "delete_service": "services delete",
    "get_service_dependencies": "services deps",
    "get_service_links": "services links",
    "list_sli_samples": "services sli list",
    "record_sli_samples": "services sli push",
    "import_sli_samples": "services sli import",
    "import_incident_history": "incidents import",
    "import_deployment_history": "deployments import",
    "analyze_service_slo": "slo analyze",
    "list_service_slos": "slo list",
    "create_service_slo": "slo create",
    "get_service_slo": "slo get",
    "update_service_slo": "slo update",
    "delete_service_slo": "slo delete",
    "import_openslo": "slo import",
    "export_openslo": "slo export",
    "list_slo_recommendations": "slo recommendations",
    "accept_slo_recommendation": "slo accept",
    "list_slo_follow_ups": "slo follow-ups",
    "create_health_report": "doctor report",
    "list_health_reports": "doctor reports",
    "get_health_report": "doctor show",
    "get_tenant_overview": "overview",
    "get_service_map": "services map",
    # tenant configuration and flags
    "get_tenant_config": "config get",
    "put_tenant_config": "config put",
    "list_tenant_config_versions": "config history",
    "get_tenant_config_version": "config get --version",
    "diff_tenant_config": "config diff",
    "get_tenant_residency": "config residency",
    "list_tenant_admin_actions": "config admin-actions",
    "list_tenant_flags": "flags list",
    "create_tenant_flag": "flags create",
    "get_tenant_flag": "flags get",
    "update_tenant_flag": "flags set",
    "delete_tenant_flag": "flags delete",
    "evaluate_tenant_flag": "flags evaluate",
    # features (and OFREP flag evaluation)
    "ofrep_evaluate_flag": "flags evaluate --context",
    "ofrep_evaluate_flags": "flags evaluate-all",
    "get_flag_configuration": "flags configuration",
    "list_features": "features list",
    "create_feature": "features create",
    "get_feature": "features get",
    "update_feature": "features update",
    "add_feature_evidence": "features evidence",
    "transition_feature": "features transition",
    "list_feature_transitions": "features history",
    "get_feature_review": "features review",
    "get_features_summary": "features summary",
    "list_stale_flags": "features stale-flags",
    "list_rollouts": "features rollouts list",
    "create_rollout": "features rollouts request",
    "get_rollout": "features rollouts get",
    "approve_rollout": "features rollouts approve",
    "reject_rollout": "features rollouts approve --reject",
    "advance_rollout": "features rollouts advance",
    "list_experiments": "features experiments list",
    "create_experiment": "features experiments start",
    "get_experiment": "features experiments get",
    "record_experiment_exposures": "features experiments expose",
    "get_experiment_results": "features experiments results",
    "conclude_experiment": "features experiments conclude",
    # tenants
    "list_tenants": "tenants list",
    "create_tenant": "tenants create",
    "get_tenant": "tenants get",
    "update_tenant": "tenants update",
    "get_tenant_permissions": "permissions",
}


def spec_operations() -> set[str]:
    spec = json.loads(SPEC.read_text())
    return {
        op["operationId"]
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
        and "operationId" in op
        and op.get("x-companyos-served-by") != "identity-provider"
    }


def split(row: str) -> tuple[str, list[str]]:
    words = row.split()
    path = [w for w in words if not w.startswith("-")]
    return " ".join(path), [w for w in words if w.startswith("-")]


def click_commands(cmd: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    if isinstance(cmd, typer.core.TyperGroup):
        for name, sub in cmd.commands.items():
            yield from click_commands(sub, (*path, name))
    else:
        yield " ".join(path), cmd


def callbacks(t: typer.Typer, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Callable[..., Any]]]:
    """The functions behind the commands (typer wraps them in the click commands)."""
    for info in t.registered_commands:
        assert info.callback is not None
        name = info.name or info.callback.__name__.replace("_", "-")
        yield " ".join((*path, name)), info.callback
    for group in t.registered_groups:
        assert group.typer_instance is not None
        yield from callbacks(group.typer_instance, (*path, group.name or str(group.typer_instance.info.name)))


@functools.cache
def sdk_methods() -> dict[str, set[tuple[str, str]]]:
    """operationId -> {(sync resource class, method)} that send it, from the SDK's resource modules.

    A method names its operation itself (``op("get_plan", …)``) or through a module-level request builder
    it calls (``_verify(…)`` -> ``RequestSpec(…, "verify_audit_chain", …)``).
    """
    operations = spec_operations()

    def named(node: ast.AST) -> set[str]:
        return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and n.value in operations}

    found: dict[str, set[tuple[str, str]]] = {}
    for module in RESOURCES.glob("*.py"):
        tree = ast.parse(module.read_text())
        builders = {fn.name: named(fn) for fn in tree.body if isinstance(fn, ast.FunctionDef)}
        for cls in tree.body:
            if not isinstance(cls, ast.ClassDef) or cls.name.startswith("Async"):
                continue
            for fn in cls.body:
                if not isinstance(fn, ast.FunctionDef):
                    continue
                ids = named(fn)
                for call in ast.walk(fn):
                    if isinstance(call, ast.Call) and isinstance(call.func, ast.Name):
                        ids |= builders.get(call.func.id, set())
                for operation in ids:
                    found.setdefault(operation, set()).add((cls.name, fn.name))
    return found


@functools.cache
def resource_attributes(cls: type = companyos.Client) -> dict[str, str]:
    """Resource class name -> the client attribute that returns it (``client.policies.exceptions``)."""
    names: dict[str, str] = {}
    # The client's resource properties are inherited (generated mixins in companyos._client_resources).
    members = {
        name: (klass, member) for klass in reversed(cls.__mro__) for name, member in vars(klass).items()
    }
    for name, (klass, member) in members.items():
        namespace = {**vars(companyos.resources), **vars(sys.modules[klass.__module__])}
        if isinstance(member, property) and member.fget is not None:
            returned = member.fget.__annotations__.get("return")
            returned = namespace.get(returned) if isinstance(returned, str) else returned
            if isinstance(returned, type) and returned.__module__.startswith("companyos.resources"):
                names[returned.__name__] = name
                names.update(resource_attributes(returned))
    return names


def source_with_helpers(fn: Callable[..., Any], seen: set[str] | None = None) -> str:
    """A command's source and that of the module's functions it calls (``runs watch`` -> ``_watch``)."""
    seen = set() if seen is None else seen
    seen.add(fn.__qualname__)
    text = inspect.getsource(fn)
    for name in fn.__code__.co_names:
        helper = fn.__globals__.get(name)
        if (
            isinstance(helper, FunctionType)
            and helper.__module__.startswith("companyos.cli")
            and helper.__qualname__ not in seen
        ):
            text += source_with_helpers(helper, seen)
    return text


def test_every_operation_has_a_cli_command() -> None:
    missing = sorted(spec_operations() - set(COMMANDS))
    assert not missing, (
        f"operations without a CLI command: {', '.join(missing)}. Add a command for each "
        "(sdk/companyos/cli/, documented in docs/cli.md) and map it in COMMANDS in this file."
    )
    stale = sorted(set(COMMANDS) - spec_operations())
    assert not stale, f"COMMANDS maps operations the spec no longer has: {', '.join(stale)}"


def test_every_mapped_command_and_option_exists() -> None:
    commands = dict(click_commands(typer.main.get_command(app)))
    for operation, row in COMMANDS.items():
        path, options = split(row)
        assert path in commands, f"{operation}: no command `companyos {path}`"
        known = {opt for param in commands[path].params for opt in param.opts}
        for option in options:
            assert option in known, f"{operation}: `companyos {path}` has no {option} option"


@pytest.mark.parametrize("operation", sorted(COMMANDS))
def test_command_calls_the_sdk_method_of_its_operation(operation: str) -> None:
    methods, attributes = sdk_methods(), resource_attributes()
    functions = dict(callbacks(app))
    path, _ = split(COMMANDS[operation])
    source = source_with_helpers(functions[path])
    calls = [f"{attributes[cls]}.{method}()" for cls, method in sorted(methods[operation])]
    assert calls, f"no SDK method sends {operation}"
    assert any(
        f".{attributes[cls]}" in source and f".{method}(" in source for cls, method in methods[operation]
    ), f"`companyos {path}` does not call client….{' or '.join(calls)} ({operation})"
