"""``companyos incidents …``: incident response — status, timeline, responders, dashboards, tasks, checklist."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, cast

import typer

from companyos import types as t

from ._common import All, Limit, PageSize, RowFormatOption, limited, read_row_file, state
from ._output import Column, render_list, render_object

__all__ = ["INCIDENT_COLUMNS", "app"]

app: typer.Typer = typer.Typer(
    help="Incidents: list, show, open, update, timeline, responders, dashboards, tasks, checklist, import history.",
    no_args_is_help=True,
)

INCIDENT_COLUMNS: list[Column] = [("ID", "id"), ("TITLE", "title"), ("SEVERITY", "severity"),
                                  ("STATUS", "status"), ("SERVICES", "service_ids"), ("CREATED", "created_at")]  # fmt: skip
IncidentArg = Annotated[str, typer.Argument(help="Incident id.")]


@app.command("list")
def incidents_list(
    ctx: typer.Context,
    status: Annotated[t.IncidentStatus | None, typer.Option()] = None,
    severity: Annotated[t.IncidentSeverity | None, typer.Option()] = None,
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


@app.command("get")
def incidents_get(ctx: typer.Context, incident_id: IncidentArg) -> None:
    """One incident (with its timeline and checklist)."""
    st = state(ctx)
    render_object(st.client().incidents.retrieve(incident_id, tenant=st.require_tenant()), st.output)


@app.command("create")
def incidents_create(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument()],
    severity: Annotated[t.IncidentSeverity, typer.Option()],
    summary: Annotated[str | None, typer.Option()] = None,
    service: Annotated[list[str] | None, typer.Option("--service", help="Service id (repeatable).")] = None,
    check: Annotated[list[str] | None, typer.Option("--check", help="Checklist item (repeatable).")] = None,
) -> None:
    """Open an incident."""
    st = state(ctx)
    incident = st.client().incidents.create(tenant=st.require_tenant(), title=title, severity=cast(Any, severity),
                                            summary=summary, service_ids=service, checklist=check)  # fmt: skip
    render_object(incident, st.output, INCIDENT_COLUMNS)


@app.command("update")
def incidents_update(
    ctx: typer.Context,
    incident_id: IncidentArg,
    status: Annotated[t.IncidentStatus | None, typer.Option()] = None,
    severity: Annotated[t.IncidentSeverity | None, typer.Option()] = None,
    note: Annotated[str | None, typer.Option(help="Kept on the status change's timeline entry.")] = None,
) -> None:
    """Change an incident's status or severity."""
    st = state(ctx)
    incident = st.client().incidents.update(incident_id, tenant=st.require_tenant(), status=cast(Any, status),
                                            severity=cast(Any, severity), status_note=note)  # fmt: skip
    render_object(incident, st.output, INCIDENT_COLUMNS)


@app.command("timeline")
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


@app.command("check")
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


@app.command("add-responder")
def add_responder(
    ctx: typer.Context,
    incident_id: IncidentArg,
    subject: Annotated[str, typer.Argument(help="Who (usr_…).")],
    role: Annotated[t.IncidentResponderRole, typer.Option()],
) -> None:
    """Add a responder to an incident (or change their role)."""
    st = state(ctx)
    incident = st.client().incidents.add_responder(
        incident_id, tenant=st.require_tenant(), subject=subject, role=cast(Any, role)
    )
    render_list(incident["responders"], [("SUBJECT", "subject"), ("ROLE", "role"), ("ADDED BY", "added_by"),
                                         ("AT", "added_at")], st.output)  # fmt: skip


@app.command("add-dashboard")
def add_dashboard(
    ctx: typer.Context,
    incident_id: IncidentArg,
    url: Annotated[str, typer.Argument(help="Dashboard URL.")],
    title: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Link a dashboard to an incident."""
    st = state(ctx)
    incident = st.client().incidents.add_dashboard(
        incident_id, tenant=st.require_tenant(), url=url, title=title
    )
    render_list(incident["dashboards"], [("TITLE", "title"), ("URL", "url"), ("ADDED BY", "added_by"),
                                         ("AT", "added_at")], st.output)  # fmt: skip


@app.command("add-task")
def add_task(
    ctx: typer.Context,
    incident_id: IncidentArg,
    run: Annotated[str, typer.Argument(help="The plan run it tracks: run_… (or plan_run:run_…).")],
    title: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Link a Maestro plan run to an incident as a task."""
    st = state(ctx)
    ref = run if ":" in run else f"plan_run:{run}"
    incident = st.client().incidents.add_task(incident_id, tenant=st.require_tenant(), ref=ref, title=title)
    render_list(incident["tasks"], [("REF", "ref"), ("TITLE", "title"), ("ADDED BY", "added_by"),
                                    ("AT", "added_at")], st.output)  # fmt: skip


@app.command("import")
def incidents_import(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV (title,started_at[,resolved_at,severity,services,summary,postmortem_url]), NDJSON or JSON."
        ),
    ],
    fmt: RowFormatOption = None,
) -> None:
    """Record past incidents and their postmortems (up to 1,000) from another tool's history; all or
    nothing, and incidents the tenant already has (same title and start) are skipped."""
    content, chosen = read_row_file(file, fmt)
    st = state(ctx)
    result = st.client().incidents.import_history(format=chosen, content=content, tenant=st.require_tenant())
    render_object(result, st.output)
