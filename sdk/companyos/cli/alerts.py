"""``companyos alerts …`` and ``companyos incidents …``: the alerts inbox and incident response."""

from __future__ import annotations

from typing import Annotated, Any, cast

import typer

from ._common import All, Limit, PageSize, limited, state
from ._output import Column, render_list, render_object

__all__ = ["app", "incidents_app"]

app = typer.Typer(help="Alerts: inbox, show, acknowledge, silence, open an incident.", no_args_is_help=True)
incidents_app = typer.Typer(
    help="Incidents: list, show, open, update, timeline, checklist.", no_args_is_help=True
)

COLUMNS: list[Column] = [("ID", "id"), ("NAME", "name"), ("SEVERITY", "severity"), ("STATUS", "status"),
                         ("SERVICE", "service"), ("SINCE", "starts_at"), ("INCIDENT", "incident_id")]  # fmt: skip
INCIDENT_COLUMNS: list[Column] = [("ID", "id"), ("TITLE", "title"), ("SEVERITY", "severity"),
                                  ("STATUS", "status"), ("SERVICES", "service_ids"), ("CREATED", "created_at")]  # fmt: skip
AlertArg = Annotated[str, typer.Argument(help="Alert id.")]
IncidentArg = Annotated[str, typer.Argument(help="Incident id.")]


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option(help="firing, resolved, acknowledged or silenced.")] = None,
    severity: Annotated[str | None, typer.Option(help="critical, warning or info.")] = None,
    service: Annotated[str | None, typer.Option("--service", help="Service id.")] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """The alerts inbox."""
    st = state(ctx)
    pager = st.client().alerts.list(tenant=st.require_tenant(), status=cast(Any, status),
                                    severity=cast(Any, severity), service_id=service, page_size=page_size)  # fmt: skip
    render_list(limited(pager, limit, every), COLUMNS, st.output)


@app.command("get")
def get(ctx: typer.Context, alert_id: AlertArg) -> None:
    """One alert with its error-budget impact."""
    st = state(ctx)
    render_object(st.client().alerts.retrieve(alert_id, tenant=st.require_tenant()), st.output)


@app.command("ack")
def ack(ctx: typer.Context, alert_id: AlertArg) -> None:
    """Acknowledge an alert."""
    st = state(ctx)
    render_object(st.client().alerts.acknowledge(alert_id, tenant=st.require_tenant()), st.output, COLUMNS)


@app.command("silence")
def silence(
    ctx: typer.Context,
    alert_id: AlertArg,
    until: Annotated[str, typer.Option(help="RFC 3339 timestamp.")],
    reason: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Silence an alert until a time."""
    st = state(ctx)
    alert = st.client().alerts.silence(alert_id, tenant=st.require_tenant(), until=until, reason=reason)
    render_object(alert, st.output, COLUMNS)


@app.command("open-incident")
def open_incident(
    ctx: typer.Context,
    alert_id: AlertArg,
    title: Annotated[str | None, typer.Option()] = None,
    severity: Annotated[str | None, typer.Option(help="sev1 … sev4.")] = None,
) -> None:
    """Open an incident from an alert (idempotent: the same alert gives the same incident)."""
    st = state(ctx)
    incident = st.client().alerts.open_incident(
        alert_id, tenant=st.require_tenant(), title=title, severity=cast(Any, severity)
    )
    render_object(incident, st.output, INCIDENT_COLUMNS)


@incidents_app.command("list")
def incidents_list(
    ctx: typer.Context,
    status: Annotated[
        str | None, typer.Option(help="investigating, identified, monitoring, resolved.")
    ] = None,
    severity: Annotated[str | None, typer.Option(help="sev1 … sev4.")] = None,
    service: Annotated[str | None, typer.Option("--service")] = None,
    since: Annotated[str | None, typer.Option()] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """Incidents, newest first."""
    st = state(ctx)
    pager = st.client().incidents.list(tenant=st.require_tenant(), status=cast(Any, status),
                                       severity=cast(Any, severity), service_id=service, since=since,
                                       page_size=page_size)  # fmt: skip
    render_list(limited(pager, limit, every), INCIDENT_COLUMNS, st.output)


@incidents_app.command("get")
def incidents_get(ctx: typer.Context, incident_id: IncidentArg) -> None:
    """One incident (with its timeline and checklist)."""
    st = state(ctx)
    render_object(st.client().incidents.retrieve(incident_id, tenant=st.require_tenant()), st.output)


@incidents_app.command("create")
def incidents_create(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument()],
    severity: Annotated[str, typer.Option(help="sev1 … sev4.")],
    summary: Annotated[str | None, typer.Option()] = None,
    service: Annotated[list[str] | None, typer.Option("--service", help="Service id (repeatable).")] = None,
    check: Annotated[list[str] | None, typer.Option("--check", help="Checklist item (repeatable).")] = None,
) -> None:
    """Open an incident."""
    st = state(ctx)
    incident = st.client().incidents.create(tenant=st.require_tenant(), title=title, severity=cast(Any, severity),
                                            summary=summary, service_ids=service, checklist=check)  # fmt: skip
    render_object(incident, st.output, INCIDENT_COLUMNS)


@incidents_app.command("update")
def incidents_update(
    ctx: typer.Context,
    incident_id: IncidentArg,
    status: Annotated[str | None, typer.Option()] = None,
    severity: Annotated[str | None, typer.Option()] = None,
    note: Annotated[str | None, typer.Option(help="Kept on the status change's timeline entry.")] = None,
) -> None:
    """Change an incident's status or severity."""
    st = state(ctx)
    incident = st.client().incidents.update(incident_id, tenant=st.require_tenant(), status=cast(Any, status),
                                            severity=cast(Any, severity), status_note=note)  # fmt: skip
    render_object(incident, st.output, INCIDENT_COLUMNS)


@incidents_app.command("timeline")
def timeline(
    ctx: typer.Context,
    incident_id: IncidentArg,
    note: Annotated[str | None, typer.Option("--note", help="Append a note.")] = None,
    action: Annotated[str | None, typer.Option("--action", help="Append an action taken.")] = None,
) -> None:
    """Show an incident's timeline, or append a note or action to it."""
    st = state(ctx)
    client, tenant = st.client(), st.require_tenant()
    if note or action:
        kind, text = ("note", note) if note else ("action", action)
        entry = client.incidents.add_timeline_entry(
            incident_id, tenant=tenant, kind=cast(Any, kind), text=str(text)
        )
        render_object(entry, st.output)
        return
    incident = client.incidents.retrieve(incident_id, tenant=tenant)
    render_list(incident["timeline"], [("AT", "at"), ("KIND", "kind"), ("AUTHOR", "author"), ("TEXT", "text")],
                st.output)  # fmt: skip


@incidents_app.command("check")
def check(
    ctx: typer.Context,
    incident_id: IncidentArg,
    item_id: Annotated[str | None, typer.Argument(help="Checklist item to tick (omit to list them).")] = None,
    add: Annotated[str | None, typer.Option("--add", help="Add a checklist item.")] = None,
) -> None:
    """List the runbook checklist, tick an item, or add one."""
    st = state(ctx)
    client, tenant = st.client(), st.require_tenant()
    if add:
        render_object(client.incidents.add_checklist_item(incident_id, tenant=tenant, text=add), st.output)
    elif item_id:
        render_object(client.incidents.check_checklist_item(incident_id, item_id, tenant=tenant), st.output)
    else:
        items = client.incidents.retrieve(incident_id, tenant=tenant)["checklist"]
        render_list(
            items, [("ID", "id"), ("DONE", "checked"), ("TEXT", "text"), ("BY", "checked_by")], st.output
        )
