"""Handlers for the `analytics` tag: parse, call the domain, shape the response."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from connexion.lifecycle import ConnexionResponse

from companyos_server.domains.analytics import exports, schedules, taxonomy
from companyos_server.domains.analytics.service import (
    adhoc,
    backend_for,
    ingest,
    keyring,
    opsfeed,
    parse_day,
    registry,
    reports,
    warehouse,
)
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime


def _sort_key(item: dict[str, Any]) -> str:
    model, revision, addition = taxonomy.parse_version(item["version"]) or (0, 0, 0)
    return f"{item['name']}|{model:05d}-{revision:05d}-{addition:05d}"


def list_analytics_schemas(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    name: str | None = None,
    kind: str | None = None,
) -> dict[str, Any]:
    items = sorted(registry.list_schemas(get_runtime().db, current_tenant_context(), name=name, kind=kind),
                   key=_sort_key)  # fmt: skip

    def fetch(after: str | None, limit: int) -> list[dict[str, Any]]:
        return [i for i in items if after is None or _sort_key(i) > after][:limit]

    page: Page[dict[str, Any]] = paginate(
        fetch, _sort_key, page_size=page_size, page_token=page_token, filters={"name": name, "kind": kind}
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def register_analytics_schema(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    return registry.register(get_runtime().db, current_tenant_context(), body), 201


def ingest_analytics_events(tenant_id: str, body: dict[str, Any], dry_run: bool = False) -> dict[str, Any]:
    runtime = get_runtime()
    return ingest.ingest(
        runtime.db,
        warehouse(runtime),
        keyring(runtime),
        current_tenant_context(),
        body["events"],
        dry_run=dry_run,
    )


def sync_analytics_ops(tenant_id: str) -> dict[str, Any]:
    runtime = get_runtime()
    return opsfeed.sync(runtime.db, warehouse(runtime), keyring(runtime), current_tenant_context().tenant_id)


def _dims(environment: str | None, client_type: str | None, role: str | None) -> dict[str, str | None]:
    return {"environment": environment, "client_type": client_type, "role": role}


def get_analytics_adoption(
    tenant_id: str,
    feature: str,
    days: int = 30,
    until: str | None = None,
    by: str = "tenant",
    flag: str | None = None,
    environment: str | None = None,
    client_type: str | None = None,
    role: str | None = None,
    source: str = "materialized",
) -> dict[str, Any]:
    runtime, ctx = get_runtime(), current_tenant_context()
    return reports.adoption(
        backend_for(runtime, ctx), ctx.tenant_id, feature=feature, days=days, until=parse_day("until", until),
        by=by, flag=flag, source=source, **_dims(environment, client_type, role),
    )  # fmt: skip


def get_analytics_active_users(
    tenant_id: str,
    days: int = 30,
    until: str | None = None,
    feature: str | None = None,
    compare_days: int = 7,
    environment: str | None = None,
    client_type: str | None = None,
    role: str | None = None,
    source: str = "materialized",
) -> dict[str, Any]:
    runtime, ctx = get_runtime(), current_tenant_context()
    return reports.active_users(
        backend_for(runtime, ctx), ctx.tenant_id, days=days, until=parse_day("until", until), feature=feature,
        compare_days=compare_days, source=source, **_dims(environment, client_type, role),
    )  # fmt: skip


def _range(since: str | None, until: str | None, days: int = 30) -> tuple[Any, Any]:
    end = parse_day("until", until) or datetime.now(UTC).date()
    start = parse_day("since", since) or end - timedelta(days=days - 1)
    return start, end


def get_analytics_retention(
    tenant_id: str,
    start_event: str,
    return_event: str,
    since: str | None = None,
    until: str | None = None,
    period_days: int = 1,
    periods: int = 7,
    mode: str = "n_day",
    breakdown: str | None = None,
    source: str = "materialized",
) -> dict[str, Any]:
    runtime, ctx = get_runtime(), current_tenant_context()
    start, end = _range(since, until)
    return reports.retention(
        backend_for(runtime, ctx), ctx.tenant_id, start_event=start_event, return_event=return_event,
        since=start, until=end, period_days=period_days, periods=periods, mode=mode, breakdown=breakdown,
        source=source,
    )  # fmt: skip


def get_analytics_funnel(
    tenant_id: str,
    steps: list[str],
    since: str | None = None,
    until: str | None = None,
    window_days: int = 7,
    environment: str | None = None,
    client_type: str | None = None,
    role: str | None = None,
) -> dict[str, Any]:
    runtime, ctx = get_runtime(), current_tenant_context()
    start, end = _range(since, until)
    return reports.funnel(
        backend_for(runtime, ctx), ctx.tenant_id, steps=list(steps), since=start, until=end,
        window_days=window_days, **_dims(environment, client_type, role),
    )  # fmt: skip


def get_analytics_ops_kpis(
    tenant_id: str, days: int = 30, until: str | None = None, service_id: str | None = None
) -> dict[str, Any]:
    runtime, ctx = get_runtime(), current_tenant_context()
    return reports.ops_kpis(
        backend_for(runtime, ctx),
        ctx.tenant_id,
        days=days,
        until=parse_day("until", until),
        service_id=service_id,
    )


def run_analytics_query(tenant_id: str, body: dict[str, Any]) -> dict[str, Any]:
    runtime, ctx = get_runtime(), current_tenant_context()
    return adhoc.run(
        backend_for(runtime, ctx), ctx.tenant_id, body["sql"], limit=body.get("limit", adhoc.DEFAULT_ROWS)
    )


# -- report exports and scheduled reports --------------------------------------------------------
def create_analytics_export(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    runtime, ctx = get_runtime(), current_tenant_context()
    checked = exports.validate(runtime, backend_for(runtime, ctx), ctx, body)
    return exports.create_export(runtime, ctx, checked, str(body.get("recipient") or "")), 202


def list_analytics_exports(
    tenant_id: str,
    page_size: int | None = None,
    page_token: str | None = None,
    schedule_id: str | None = None,
    recipient: str | None = None,
) -> dict[str, Any]:
    page = exports.list_exports(get_runtime().db, current_tenant_context(), schedule_id=schedule_id,
                                recipient=recipient, page_size=page_size, page_token=page_token)  # fmt: skip
    return {"items": page.items, "next_page_token": page.next_page_token}


def get_analytics_export(tenant_id: str, analytics_export_id: str) -> dict[str, Any]:
    runtime = get_runtime()
    return exports.get_export(runtime.db, runtime.jobs, current_tenant_context(), analytics_export_id)


def download_analytics_export(tenant_id: str, analytics_export_id: str) -> tuple[bytes, int, dict[str, str]]:
    runtime = get_runtime()
    data, _ = exports.pack_archive(runtime.db, runtime, current_tenant_context(), analytics_export_id)
    return data, 200, {"Content-Type": "application/gzip",
                       "Content-Disposition": f'attachment; filename="{analytics_export_id}.tar.gz"'}  # fmt: skip


def list_analytics_schedules(
    tenant_id: str, page_size: int | None = None, page_token: str | None = None
) -> dict[str, Any]:
    page = schedules.list_schedules(get_runtime().db, current_tenant_context(), page_size=page_size,
                                    page_token=page_token)  # fmt: skip
    return {"items": page.items, "next_page_token": page.next_page_token}


def create_analytics_schedule(tenant_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    runtime, ctx = get_runtime(), current_tenant_context()
    return schedules.create_schedule(runtime, backend_for(runtime, ctx), ctx, body), 201


def get_analytics_schedule(tenant_id: str, schedule_id: str) -> dict[str, Any]:
    return schedules.get_schedule(get_runtime().db, current_tenant_context(), schedule_id)


def update_analytics_schedule(tenant_id: str, schedule_id: str, body: dict[str, Any]) -> dict[str, Any]:
    runtime, ctx = get_runtime(), current_tenant_context()
    return schedules.update_schedule(runtime, backend_for(runtime, ctx), ctx, schedule_id, body)


def delete_analytics_schedule(tenant_id: str, schedule_id: str) -> ConnexionResponse:
    schedules.delete_schedule(get_runtime().db, current_tenant_context(), schedule_id)
    return ConnexionResponse(status_code=204)  # no body, so no JSON content type


def run_analytics_schedule(tenant_id: str, schedule_id: str) -> tuple[dict[str, Any], int]:
    runtime, ctx = get_runtime(), current_tenant_context()
    return schedules.deliver(runtime, backend_for(runtime, ctx), ctx.tenant_id, schedule_id, ctx=ctx), 202
