"""Helpers of the platform-core resource modules: request specs, bodies, casts, ingest-key auth."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from companyos._base_client import RequestSpec

if TYPE_CHECKING:
    import httpx

__all__ = ["body", "content", "no_content", "op", "with_ingest_key"]

C = TypeVar("C")

# operationId -> (method, path template); the path of every operation these modules call.
_OPS: dict[str, tuple[str, str]] = {}


def _route(method: str, path: str, *operation_ids: str) -> None:
    for operation_id in operation_ids:
        _OPS[operation_id] = (method, path)


_T = "/v1/tenants/{tenant_id}"
_route("POST", _T + "/alerts/ingest/alertmanager", "ingest_alertmanager_alerts")
_route("GET", _T + "/alerts/ingest-keys", "list_alert_ingest_keys")
_route("POST", _T + "/alerts/ingest-keys", "create_alert_ingest_key")
_route("POST", _T + "/alerts/ingest-keys/{ingest_key_id}/rotate", "rotate_alert_ingest_key")
_route("GET", _T + "/alerts", "list_alerts")
_route("GET", _T + "/alerts/{alert_id}", "get_alert")
_route("POST", _T + "/alerts/{alert_id}/acknowledge", "acknowledge_alert")
_route("POST", _T + "/alerts/{alert_id}/silence", "silence_alert")
_route("POST", _T + "/alerts/{alert_id}/incident", "open_incident_from_alert")
_route("GET", _T + "/deployments", "list_deployments")
_route("GET", _T + "/services/{service_id}/deployments", "list_service_deployments")
_route("POST", _T + "/services/{service_id}/deployments", "create_deployment")
_route("GET", _T + "/services/{service_id}/rollback-candidates", "list_rollback_candidates")
_route("GET", _T + "/deployments/{deployment_id}", "get_deployment")
_route("POST", _T + "/deployments/{deployment_id}/stages/{stage}", "advance_deployment_stage")
_route("GET", _T + "/evidence-packs", "list_evidence_packs")
_route("GET", _T + "/evidence-packs/{pack_id}", "get_evidence_pack")
_route("GET", _T + "/evidence-packs/{pack_id}/archive", "download_evidence_pack")
_route("GET", _T + "/lineage", "get_lineage")
_route("GET", _T + "/graph/neighbours", "get_graph_neighbours")
_route("GET", _T + "/graph/changes", "get_graph_changes")
_route("GET", _T + "/graph/paths", "get_graph_paths")
_route("GET", _T + "/incidents", "list_incidents")
_route("POST", _T + "/incidents", "create_incident")
_route("GET", _T + "/incidents/{incident_id}", "get_incident")
_route("PATCH", _T + "/incidents/{incident_id}", "update_incident")
_route("POST", _T + "/incidents/{incident_id}/timeline", "add_incident_timeline_entry")
_route("POST", _T + "/incidents/{incident_id}/responders", "add_incident_responder")
_route("POST", _T + "/incidents/{incident_id}/dashboards", "add_incident_dashboard")
_route("POST", _T + "/incidents/{incident_id}/tasks", "add_incident_task")
_route("POST", _T + "/incidents/{incident_id}/checklist", "add_incident_checklist_item")
_route("POST", _T + "/incidents/{incident_id}/checklist/{item_id}/check", "check_incident_checklist_item")
_route("GET", _T + "/inspect", "inspect_entity")
_route("GET", _T + "/plans", "list_plans")
_route("POST", _T + "/plans", "create_plan")
_route("GET", _T + "/plans/{plan_id}", "get_plan")
_route("PATCH", _T + "/plans/{plan_id}", "update_plan")
_route("GET", _T + "/plans/{plan_id}/versions", "list_plan_versions")
_route("GET", _T + "/plans/{plan_id}/versions/{version}", "get_plan_version")
_route("POST", _T + "/plans/{plan_id}/dry-run", "dry_run_plan")
_route("POST", _T + "/plans/{plan_id}/runs", "execute_plan")
_route("GET", _T + "/runs", "list_runs")
_route("GET", _T + "/runs/{run_id}", "get_run")
_route("GET", _T + "/runs/{run_id}/events", "stream_run_events")
_route("POST", _T + "/runs/{run_id}/cancel", "cancel_run")
_route("GET", _T + "/runs/{run_id}/verification", "get_run_verification")
_route("GET", _T + "/policies", "list_policies")
_route("GET", _T + "/policies/decisions", "list_policy_decisions")
_route("GET", _T + "/policies/exceptions", "list_policy_exceptions")
_route("POST", _T + "/policies/exceptions", "create_policy_exception")
_route("GET", _T + "/policies/exceptions/{exception_id}", "get_policy_exception")
_route("POST", _T + "/policies/exceptions/{exception_id}/approve", "approve_policy_exception")
_route("GET", _T + "/policies/catalog/{policy_id}", "get_policy")
_route("PUT", _T + "/policies/catalog/{policy_id}", "update_policy")
_route("GET", _T + "/policies/catalog/{policy_id}/versions", "list_policy_versions")
_route("POST", _T + "/policies/catalog/{policy_id}/versions/{version}/approve", "approve_policy_version")
_route("GET", _T + "/search", "search_entities")
_route("GET", _T + "/services", "list_services")
_route("POST", _T + "/services", "create_service")
_route("GET", _T + "/services/{service_id}", "get_service")
_route("PATCH", _T + "/services/{service_id}", "update_service")
_route("DELETE", _T + "/services/{service_id}", "delete_service")
_route("GET", _T + "/services/{service_id}/dependencies", "get_service_dependencies")
_route("GET", _T + "/services/{service_id}/links", "get_service_links")
_route("GET", _T + "/services/{service_id}/sli-samples", "list_sli_samples")
_route("POST", _T + "/services/{service_id}/sli-samples", "record_sli_samples")
_route("GET", _T + "/service-map", "get_service_map")
_route("GET", _T + "/config", "get_tenant_config")
_route("PUT", _T + "/config", "put_tenant_config")
_route("GET", _T + "/config/versions", "list_tenant_config_versions")
_route("GET", _T + "/config/versions/{version}", "get_tenant_config_version")
_route("GET", _T + "/config/diff", "diff_tenant_config")
_route("GET", _T + "/flags", "list_tenant_flags")
_route("POST", _T + "/flags", "create_tenant_flag")
_route("GET", _T + "/flags/{flag_key}", "get_tenant_flag")
_route("PATCH", _T + "/flags/{flag_key}", "update_tenant_flag")
_route("DELETE", _T + "/flags/{flag_key}", "delete_tenant_flag")
_route("GET", _T + "/flags/{flag_key}/evaluation", "evaluate_tenant_flag")
_route("GET", _T + "/residency", "get_tenant_residency")
_route("GET", _T + "/admin-actions", "list_tenant_admin_actions")


def op(operation_id: str, tenant: str | None, **fields: Any) -> RequestSpec:
    """The ``RequestSpec`` of one operation (method and path from the table above)."""
    method, path = _OPS[operation_id]
    return RequestSpec(method, path, operation_id, tenant=tenant, **fields)


def body(fields: dict[str, Any]) -> dict[str, Any]:
    """A JSON body of the fields passed (``None`` means "not given")."""
    return {k: v for k, v in fields.items() if v is not None}


def content(response: httpx.Response) -> bytes:
    return response.content


def no_content(response: httpx.Response) -> None:
    return None


def with_ingest_key(client: C, ingest_key: str) -> C:
    """The client with an Alertmanager ingest key as its bearer credential, for one call.

    The ingest operation is secured by ``alertIngestKey`` (not OAuth): the key replaces the client's
    token, no step-up or token refresh applies, and the call is never queued offline.
    """
    from companyos.auth._base import StaticToken

    if not ingest_key:
        raise ValueError("ingest_alertmanager_alerts needs ingest_key=... (an aik_… key)")
    return client._copy_with(  # type: ignore[attr-defined, no-any-return]
        auth=StaticToken(ingest_key), offline_queue=None, on_step_up=None
    )
