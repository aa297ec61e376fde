"""``companyos secops …``: security events, Sigma detection rules, history runs, principals, simulations."""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Annotated, Any, cast

import httpx
import typer

from ._common import All, Limit, PageSize, limited, state
from ._errors import CliError
from ._output import Column, render_list, render_object

__all__ = ["app"]

app: typer.Typer = typer.Typer(
    help="SecOps: security events, Sigma detection rules (test, history runs), principals, attack simulation.",
    no_args_is_help=True,
)
rules_app: typer.Typer = typer.Typer(
    help="Detection rules in Sigma: list, show, add, enable, disable, test.", no_args_is_help=True
)
events_app: typer.Typer = typer.Typer(
    help="Security events: list, ingest (JSON or NDJSON), sync from the audit chain.", no_args_is_help=True
)
app.add_typer(rules_app, name="rules")
app.add_typer(events_app, name="events")

EVENT_COLUMNS: list[Column] = [("ID", "id"), ("AT", "occurred_at"), ("ACTION", "action"), ("OUTCOME", "outcome"),
                               ("PRINCIPAL", "principal"), ("SOURCE IP", "source_ip"), ("CATEGORY", "category")]  # fmt: skip
RULE_COLUMNS: list[Column] = [("NAME", "name"), ("VERSION", "version"), ("LEVEL", "level"), ("ENABLED", "enabled"),
                              ("BUILTIN", "builtin"), ("TITLE", "title")]  # fmt: skip
DETECTION_COLUMNS: list[Column] = [("RULE", "rule"), ("TITLE", "title"), ("SEVERITY", "severity"),
                                   ("PRINCIPAL", "principal"), ("AT", "at"), ("ALERT", "alert_id")]  # fmt: skip
RuleName = Annotated[str, typer.Argument(help="Rule name (a-z 0-9 _ -).")]
SCENARIOS = ("credential-stuffing", "token-replay", "privilege-escalation", "suspicious-deploy")


def _read_events(file: Path) -> list[Any] | str:
    """A JSON list or an object with ``events`` (a list), else NDJSON: the text as it is, for the server
    to validate line by line (each bad line reported by its index)."""
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read {file}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise CliError(f"{file}: not UTF-8 text") from None
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and isinstance(data.get("events"), list):
        return cast(list[Any], data["events"])
    if not text.strip():
        raise CliError(f"{file}: no events")
    return text


def _read_event_list(file: Path) -> list[Any]:
    """The events of a JSON or NDJSON file as a list (a line that is not JSON is an error here)."""
    batch = _read_events(file)
    if isinstance(batch, list):
        return batch
    out = []
    for number, line in enumerate(batch.splitlines(), start=1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError:
                raise CliError(f"{file}:{number}: not JSON (expected a JSON list or NDJSON)") from None
    return out


@events_app.command("list")
def list_events(
    ctx: typer.Context,
    principal: Annotated[str | None, typer.Option()] = None,
    action: Annotated[str | None, typer.Option()] = None,
    category: Annotated[str | None, typer.Option()] = None,
    limit: Limit = 50,
    every: All = False,
    page_size: PageSize = None,
) -> None:
    """The tenant's security events, newest first."""
    st = state(ctx)
    pager = st.client().secops.list_events(tenant=st.require_tenant(), principal=principal, action=action,
                                           category=cast(Any, category), page_size=page_size)  # fmt: skip
    render_list(limited(pager, limit, every), EVENT_COLUMNS, st.output)


@events_app.command("ingest")
def ingest(
    ctx: typer.Context, file: Annotated[Path, typer.Argument(help="JSON or NDJSON file ('-': stdin).")]
) -> None:
    """Ingest security events (NDJSON is sent as is); each refused event is reported with its problems."""
    st = state(ctx)
    batch = _read_events(file)
    secops = st.client().secops
    result = (
        secops.ingest_ndjson(tenant=st.require_tenant(), content=batch.encode("utf-8"))
        if isinstance(batch, str)
        else secops.ingest(tenant=st.require_tenant(), events=cast(Any, batch))
    )
    render_object(result, st.output)


@events_app.command("sync")
def sync(ctx: typer.Context) -> None:
    """Normalise the audit events appended since the last sync (and run the rules over them)."""
    st = state(ctx)
    render_object(st.client().secops.sync(tenant=st.require_tenant()), st.output)


@rules_app.command("list")
def list_rules(ctx: typer.Context) -> None:
    """The tenant's rules (current versions, built-ins included)."""
    st = state(ctx)
    render_list(st.client().secops.list_rules(tenant=st.require_tenant()), RULE_COLUMNS, st.output)


@rules_app.command("get")
def get_rule(ctx: typer.Context, name: RuleName) -> None:
    """One rule: its Sigma text and versions."""
    st = state(ctx)
    render_object(st.client().secops.get_rule(name, tenant=st.require_tenant()), st.output)


@rules_app.command("put")
def put_rule(
    ctx: typer.Context,
    name: RuleName,
    file: Annotated[Path, typer.Argument(help="The Sigma YAML file.")],
    disabled: Annotated[bool, typer.Option("--disabled", help="Store it disabled.")] = False,
) -> None:
    """Add a rule, or a new version of one."""
    st = state(ctx)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read {file}: {exc.strerror}") from None
    rule = st.client().secops.put_rule(
        tenant=st.require_tenant(), name=name, sigma=text, enabled=not disabled
    )
    render_object(rule, st.output, RULE_COLUMNS)


def _toggle(ctx: typer.Context, name: str, enabled: bool) -> None:
    st = state(ctx)
    render_object(
        st.client().secops.update_rule(name, tenant=st.require_tenant(), enabled=enabled),
        st.output,
        RULE_COLUMNS,
    )


@rules_app.command("enable")
def enable(ctx: typer.Context, name: RuleName) -> None:
    """Enable a rule for this tenant."""
    _toggle(ctx, name, True)


@rules_app.command("disable")
def disable(ctx: typer.Context, name: RuleName) -> None:
    """Disable a rule for this tenant."""
    _toggle(ctx, name, False)


@rules_app.command("test")
def rules_test(
    ctx: typer.Context,
    events: Annotated[Path, typer.Argument(help="Sample events: JSON list or NDJSON ('-': stdin).")],
    rule: Annotated[str | None, typer.Option("--rule", help="A stored rule's name.")] = None,
    sigma: Annotated[Path | None, typer.Option("--sigma", help="A Sigma YAML file to test instead.")] = None,
) -> None:
    """Would this rule fire on these events? Exit 1 when it does not."""
    if (rule is None) == (sigma is None):
        raise CliError("give exactly one of --rule and --sigma")
    st = state(ctx)
    text = None
    if sigma is not None:
        try:
            text = sigma.read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"cannot read {sigma}: {exc.strerror}") from None
    verdict = st.client().secops.test_rule(tenant=st.require_tenant(), events=cast(Any, _read_event_list(events)),
                                           rule=rule, sigma=text)  # fmt: skip
    if st.output == "json":
        render_object(verdict, st.output)
    else:
        typer.echo(
            f"fires: {'yes' if verdict['fires'] else 'no'} · streaming and batch agree: {'yes' if verdict['agree'] else 'NO'}"
        )
        render_list(cast(Any, verdict["detections"]), DETECTION_COLUMNS, st.output)
    if not verdict["fires"]:
        raise typer.Exit(1)


@app.command("run")
def run_history(
    ctx: typer.Context,
    since: Annotated[str, typer.Option(help="RFC 3339 start (required: no unbounded scans), or e.g. 24h.")],
    until: Annotated[str | None, typer.Option(help="RFC 3339 end (default now).")] = None,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="Only these rules (repeatable).")] = None,
) -> None:
    """Evaluate rules in batch over a time-bounded slice of history (compiled SQL)."""
    st = state(ctx)
    result = st.client().secops.run_history(
        tenant=st.require_tenant(), since=_when(since), until=until, rules=rule or None
    )
    if st.output == "json":
        render_object(result, st.output)
        return
    typer.echo(
        f"{result['events']} events · {len(result['rules'])} rules · {len(result['detections'])} detections"
    )
    render_list(cast(Any, result["detections"]), DETECTION_COLUMNS, st.output)


def _when(value: str) -> str:
    units = {"m": 60, "h": 3600, "d": 86400}
    if value[-1:] in units and value[:-1].isdigit():
        moment = datetime.now(UTC) - timedelta(seconds=int(value[:-1]) * units[value[-1]])
        return moment.isoformat().replace("+00:00", "Z")
    return value


@app.command("principal")
def principal(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="The principal (username or subject).")]
) -> None:
    """A principal's risk score, security alerts, recent events and containment state."""
    st = state(ctx)
    render_object(st.client().secops.get_principal(name, tenant=st.require_tenant()), st.output)


# -- attack simulation -----------------------------------------------------------------------------------
class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "form" and not self.action:
            self.action = values.get("action") or ""
        if tag == "input" and values.get("name"):
            self.fields[str(values["name"])] = values.get("value") or ""


def _stuff(base_url: str, usernames: list[str], attempts: int, http_client: httpx.Client | None) -> list[int]:
    """Real wrong-password sign-ins through the identity provider's login form."""
    statuses = []
    agent = {"User-Agent": "companyos-simulate/credential-stuffing"}
    with httpx.Client(base_url=base_url, timeout=30, headers=agent) as own:
        http = http_client or own
        for username in usernames:
            for i in range(attempts):
                page = http.get(f"{base_url}/oauth2/login", headers=agent)
                if page.status_code != 200:
                    raise CliError(
                        f"the identity provider's login page answered {page.status_code} (is the built-in provider on?)"
                    )
                form = _Form()
                form.feed(page.text)
                data = {
                    **form.fields,
                    "username": username,
                    "password": f"simulated-wrong-{random.random():.6f}-{i}",
                    "totp": "",
                }
                statuses.append(
                    http.post(str(page.url.join(form.action)), data=data, headers=agent).status_code
                )
    return statuses


def _replay(base_url: str, username: str, password: str, http_client: httpx.Client | None) -> list[int]:
    """Real token theft and replay: sign in (authorization code + PKCE as the CLI's public client), refresh
    once (the token rotates), then present the old refresh token again, as a thief holding a copy would."""
    import base64
    import hashlib
    import secrets
    from urllib.parse import parse_qs, urlencode, urlsplit

    agent = {"User-Agent": "companyos-simulate/token-replay"}
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect = "http://127.0.0.1/callback"
    query = urlencode({"response_type": "code", "client_id": "companyos-cli", "redirect_uri": redirect,
                       "scope": "openid offline_access api", "state": secrets.token_urlsafe(8),
                       "code_challenge": challenge, "code_challenge_method": "S256"})  # fmt: skip
    with httpx.Client(timeout=30, headers=agent) as own:
        http = http_client or own
        response = http.get(f"{base_url}/oauth2/authorize?{query}", headers=agent)
        for _ in range(6):  # login page, then the consent page, until the redirect to the callback
            location = response.headers.get("location", "")
            if location.startswith(redirect):
                break
            if response.status_code in (302, 303):
                response = http.get(str(response.url.join(location)), headers=agent)
                continue
            form = _Form()
            form.feed(response.text)
            if not form.action:
                raise CliError(f"unexpected page from the identity provider ({response.status_code})")
            data = {
                **form.fields,
                "username": username,
                "password": password,
                "totp": "",
                "decision": "approve",
            }
            response = http.post(str(response.url.join(form.action)), data=data, headers=agent)
        code = parse_qs(urlsplit(response.headers.get("location", "")).query).get("code", [""])[0]
        if not code:
            raise CliError(
                f"sign-in as {username} did not complete ({response.status_code}): check --password"
            )
        token_url = f"{base_url}/oauth2/token"
        tokens = http.post(token_url, headers=agent, data={"grant_type": "authorization_code", "code": code,
                           "redirect_uri": redirect, "client_id": "companyos-cli", "code_verifier": verifier}).json()  # fmt: skip
        stolen = tokens.get("refresh_token")
        if not stolen:
            raise CliError("the identity provider issued no refresh token")
        statuses = []
        for _ in range(2):  # the owner refreshes (rotation), then the thief replays the stolen copy
            refreshed = http.post(token_url, headers=agent, data={"grant_type": "refresh_token", "refresh_token": stolen,
                                                                  "client_id": "companyos-cli"})  # fmt: skip
            statuses.append(refreshed.status_code)
    return statuses


@app.command("simulate")
def simulate(
    ctx: typer.Context,
    scenario: Annotated[str, typer.Argument(help=f"One of: {', '.join(SCENARIOS)}.")],
    target: Annotated[str, typer.Option("--target", help="The account the scenario aims at.")] = "bob",
    attempts: Annotated[int, typer.Option(min=1, max=50, help="Attempts per account.")] = 6,
    password: Annotated[
        str | None, typer.Option(help="token-replay: the target's password (a drill account).")
    ] = None,
) -> None:
    """Run an attack scenario against this deployment with real requests, then show the alerts it raised."""
    if scenario not in SCENARIOS:
        raise CliError(f"unknown scenario {scenario!r}: choose one of {', '.join(SCENARIOS)}")
    st = state(ctx)
    client = st.client()
    tenant = st.require_tenant()
    now = datetime.now(UTC)
    if scenario == "credential-stuffing":
        statuses = _stuff(str(st.api_url).rstrip("/"), [target], attempts, st.overrides.http_client)
        typer.echo(f"{len(statuses)} sign-in attempts against {target}: " + " ".join(map(str, statuses)))
    elif scenario == "token-replay":
        if not password:
            raise CliError("token-replay signs in as the target: give --password (use a drill account)")
        statuses = _replay(str(st.api_url).rstrip("/"), target, password, st.overrides.http_client)
        typer.echo(
            f"refresh, then replay of the stolen refresh token of {target}: " + " ".join(map(str, statuses))
        )
    elif scenario == "privilege-escalation":
        events = [{"occurred_at": now.isoformat(), "action": "iam.role.grant", "outcome": "success", "principal": target,
                   "details": {"role": "tenant_admin", "simulated": True}}]  # fmt: skip
        client.secops.ingest(tenant=tenant, events=cast(Any, events))
        typer.echo(f"{target} granted tenant_admin")
    else:
        events = [{"occurred_at": now.isoformat(), "action": "deployments:create", "outcome": "success", "category": "deploy",
                   "principal": target, "asset": "service:checkout", "details": {"path": "laptop", "simulated": True}}]  # fmt: skip
        client.secops.ingest(tenant=tenant, events=cast(Any, events))
        typer.echo(f"a deploy by {target} outside the pipeline reported")
    client.secops.sync(tenant=tenant)
    alerts = client.alerts.list(tenant=tenant, category="security", principal=target)
    render_list(alerts, [("ID", "id"), ("NAME", "name"), ("SEVERITY", "severity"), ("STATUS", "status"),
                         ("RULE", "rule"), ("RISK", "risk")], st.output)  # fmt: skip
