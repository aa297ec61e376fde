"""``companyos alerts …``: the alerts inbox, Alertmanager ingest and its keys."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from companyos import types as t

from ._common import All, Limit, PageSize, RowFormatOption, limited, read_json, read_row_file, state
from ._output import Column, render_list, render_object
from .incidents import INCIDENT_COLUMNS

__all__ = ["app", "history_app", "keys_app"]

app: typer.Typer = typer.Typer(
    help="Alerts: inbox, show, acknowledge, silence, open an incident, occurrences and history, "
    "Alertmanager ingest and keys.",
    no_args_is_help=True,
)
keys_app: typer.Typer = typer.Typer(
    help="Alertmanager ingest keys: list, create, rotate.", no_args_is_help=True
)
app.add_typer(keys_app, name="ingest-keys")
history_app: typer.Typer = typer.Typer(
    help="Past alert history: import a file of occurrences.", no_args_is_help=True
)
app.add_typer(history_app, name="history")

COLUMNS: list[Column] = [("ID", "id"), ("NAME", "name"), ("SEVERITY", "severity"), ("STATUS", "status"),
                         ("SERVICE", "service"), ("SINCE", "starts_at"), ("INCIDENT", "incident_id")]  # fmt: skip
AlertArg = Annotated[str, typer.Argument(help="Alert id.")]


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[t.AlertStatus | None, typer.Option()] = None,
    severity: Annotated[t.AlertSeverity | None, typer.Option()] = None,
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
    severity: Annotated[t.IncidentSeverity | None, typer.Option()] = None,
) -> None:
    """Open an incident from an alert (idempotent: the same alert gives the same incident)."""
    st = state(ctx)
    incident = st.client().alerts.open_incident(
        alert_id, tenant=st.require_tenant(), title=title, severity=cast(Any, severity)
    )
    render_object(incident, st.output, INCIDENT_COLUMNS)


@app.command("ingest")
def ingest(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Option("--file", "-f", help="An Alertmanager webhook notification, JSON ('-': stdin).")
    ],
    key: Annotated[
        str,
        typer.Option(
            "--key", envvar="COMPANYOS_INGEST_KEY", help="Ingest key aik_… ($COMPANYOS_INGEST_KEY)."
        ),
    ],
) -> None:
    """Send an Alertmanager notification as Alertmanager would (authenticated by the ingest key, not your login)."""
    st = state(ctx)
    payload = read_json(file, "Alertmanager notification")
    result = st.client(auth=None).alerts.ingest(
        payload=cast(Any, payload), ingest_key=key, tenant=st.require_tenant()
    )
    render_object(result, st.output)


KEY_COLUMNS: list[Column] = [("ID", "id"), ("NAME", "name"), ("STATUS", "status"), ("BY", "created_by"),
                             ("CREATED", "created_at"), ("LAST USED", "last_used_at"),
                             ("REPLACED BY", "replaced_by")]  # fmt: skip


def _render_key(st: Any, key: Any) -> None:
    render_object(key, st.output, [*KEY_COLUMNS, ("TOKEN", "token")])
    if st.output == "table":
        print(
            "The token is shown only once: store it in Alertmanager's receiver config now.", file=sys.stderr
        )


@keys_app.command("list")
def keys_list(ctx: typer.Context, limit: Limit = 50, every: All = False) -> None:
    """The tenant's ingest keys (never their tokens)."""
    st = state(ctx)
    render_list(limited(st.client().alerts.ingest_keys.list(tenant=st.require_tenant()), limit, every),
                KEY_COLUMNS, st.output)  # fmt: skip


@keys_app.command("create")
def keys_create(
    ctx: typer.Context, name: Annotated[str | None, typer.Argument(help="A name for it.")] = None
) -> None:
    """Create an ingest key for Alertmanager (prints its token once)."""
    st = state(ctx)
    _render_key(st, st.client().alerts.ingest_keys.create(tenant=st.require_tenant(), name=name))


@keys_app.command("rotate")
def keys_rotate(ctx: typer.Context, key_id: Annotated[str, typer.Argument(help="Ingest key id.")]) -> None:
    """Replace an ingest key: the old token stops working at once; the new one is printed once."""
    st = state(ctx)
    _render_key(st, st.client().alerts.ingest_keys.rotate(key_id, tenant=st.require_tenant()))


OCCURRENCE_COLUMNS: list[Column] = [("STARTS", "starts_at"), ("ENDS", "ends_at"), ("ALERT", "alert_name"),
                                    ("SEVERITY", "severity"), ("SERVICE", "service"), ("SOURCE", "source")]  # fmt: skip


@app.command("occurrences")
def occurrences(
    ctx: typer.Context,
    service: Annotated[str | None, typer.Option("--service", help="Service id.")] = None,
    alert_name: Annotated[str | None, typer.Option("--alert-name", help="Alert name (alertname).")] = None,
    since: Annotated[str | None, typer.Option(help="RFC 3339: started at or after.")] = None,
    until: Annotated[str | None, typer.Option(help="RFC 3339: started before.")] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """Every firing of every alert (from Alertmanager and imported history), newest first."""
    st = state(ctx)
    pager = st.client().alerts.occurrences.list(tenant=st.require_tenant(), service_id=service,
                                                alert_name=alert_name, since=since, until=until,
                                                page_size=page_size)  # fmt: skip
    render_list(limited(pager, limit, every), OCCURRENCE_COLUMNS, st.output)


@history_app.command("import")
def history_import(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV (alert_name,starts_at[,ends_at,service,severity,fingerprint]), NDJSON or JSON."
        ),
    ],
    fmt: RowFormatOption = None,
) -> None:
    """Import past alert occurrences (up to 100,000); any bad row refuses the file, naming each bad line."""
    content, chosen = read_row_file(file, fmt)
    st = state(ctx)
    result = st.client().alerts.history.import_file(
        format=chosen, content=content, tenant=st.require_tenant()
    )
    render_object(result, st.output)
