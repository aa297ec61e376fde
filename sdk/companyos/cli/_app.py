"""The root ``companyos`` app: global options, the sub-app of every domain, one-line errors."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from companyos import __version__

from . import (
    alerts,
    analytics,
    audit,
    config,
    datasets,
    demo,
    deployments,
    doctor,
    evidence,
    features,
    graph,
    identity,
    incidents,
    jobs,
    maestro,
    overview,
    permissions,
    policies,
    queue,
    sandbox,
    search,
    secops,
    services,
    slo,
    system,
    tenants,
)
from ._context import CliOverrides, State
from ._errors import EXIT_CODES_HELP, CliError, ExitCode, report

__all__ = ["app", "main"]


class Output(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


class _Root(TyperGroup):
    """Every SDK or CLI error becomes one ``error: …`` line on stderr and a documented exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            raise typer.Exit(130) from None
        except Exception as exc:
            if type(exc).__module__.startswith(("typer.", "click.")):
                raise  # usage errors: typer prints them (exit 2)
            hint = ctx.obj.membership_hint(exc) if isinstance(ctx.obj, State) else None
            raise typer.Exit(report(CliError(hint, ExitCode.NOT_FOUND) if hint else exc)) from None


app: typer.Typer = typer.Typer(
    cls=_Root,
    name="companyos",
    help="CompanyOS from the command line, built on the Python SDK.",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
identity.register(app)
system.register(app)
app.add_typer(tenants.app, name="tenants")
app.add_typer(audit.app, name="audit")
app.add_typer(jobs.app, name="jobs")
app.add_typer(queue.app, name="queue")
permissions.register(app)
app.add_typer(services.app, name="services")
app.add_typer(slo.app, name="slo")
app.add_typer(datasets.app, name="datasets")
app.add_typer(datasets.import_app, name="import")
app.add_typer(datasets.export_app, name="export")
app.add_typer(doctor.app, name="doctor")
overview.register(app)
app.add_typer(deployments.app, name="deployments")
app.add_typer(config.app, name="config")
app.add_typer(config.flags_app, name="flags")
app.add_typer(features.app, name="features")
app.add_typer(alerts.app, name="alerts")
app.add_typer(analytics.app, name="analytics")
app.add_typer(incidents.app, name="incidents")
app.add_typer(policies.app, name="policies")
app.add_typer(maestro.app, name="plans")
app.add_typer(maestro.runs_app, name="runs")
app.add_typer(evidence.app, name="evidence")
search.register(app)
app.add_typer(graph.app, name="graph")
app.add_typer(secops.app, name="secops")
app.add_typer(demo.app, name="demo")
app.add_typer(sandbox.app, name="sandbox")
graph.register(app)


def _version(value: bool) -> None:
    if value:
        print(f"companyos {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    output: Annotated[
        Output, typer.Option("--output", "-o", envvar="COMPANYOS_OUTPUT", help="Result format.")
    ] = Output.table,
    tenant: Annotated[
        str | None,
        typer.Option("--tenant", "-t", help="Tenant id (default: $COMPANYOS_TENANT, then the login's)."),
    ] = None,
    environment: Annotated[
        str | None, typer.Option("--environment", "-e", help="Environment (default: $COMPANYOS_ENVIRONMENT).")
    ] = None,
    api_url: Annotated[
        str | None,
        typer.Option(
            "--api-url",
            "--base-url",
            help="API root (default: $COMPANYOS_BASE_URL, the login's, http://127.0.0.1:8080).",
        ),
    ] = None,
    profile: Annotated[
        str, typer.Option("--profile", envvar="COMPANYOS_PROFILE", help="Saved login to use.")
    ] = "default",
    offline: Annotated[
        bool, typer.Option("--offline", help="Queue mutations locally when the API is unreachable (exit 9).")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Global options apply to every command."""
    overrides = ctx.obj if isinstance(ctx.obj, CliOverrides) else CliOverrides()
    state = State(
        output=output.value,
        tenant=tenant,
        environment=environment,
        api_url_option=api_url,
        profile_name=profile,
        offline=offline,
        overrides=overrides,
    )
    ctx.obj = state
    ctx.call_on_close(state.close)


def main() -> None:
    """Console-script entry point (``companyos = "companyos.cli:main"``)."""
    app()
