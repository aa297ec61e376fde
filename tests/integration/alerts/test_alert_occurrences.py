"""Alert occurrences: recorded from Alertmanager notifications, imported from files, listed; on both
databases. The seeded demo alerts have occurrences too, so assertions look at this test's own."""

from __future__ import annotations

import json
import secrets
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from companyos_server.domains.alerts import occurrences, service
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.alerts.helpers import (
    Mint,
    admin,
    alertmanager_payload,
    am_alert,
    ensure_service,
    ingest_key,
    member,
)

INGEST = "/v1/tenants/{tenant}/alerts/ingest/alertmanager"
OCCURRENCES = "/v1/tenants/{tenant}/alert-occurrences"
IMPORT = "/v1/tenants/{tenant}/alert-history/import"
OCTETS = {"Content-Type": "application/octet-stream"}


def unique(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(6)}"


def utc(value: Any) -> Any:
    """UTC instants as the assertions write them (``Z``; the API writes ``+00:00``)."""
    return value.replace("+00:00", "Z") if isinstance(value, str) else value


def plain(item: dict[str, Any]) -> dict[str, Any]:
    return {
        key: utc(value) if key.endswith("_at") or key in ("from", "to") else value
        for key, value in item.items()
    }


async def listed(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    """Every occurrence the list returns for these filters, walking all its pages."""
    items: list[dict[str, Any]] = []
    query = {"page_size": 500, **params}
    while True:
        r = await client.get(OCCURRENCES.format(tenant="acme"), params=query, headers=headers)
        assert r.status_code == 200, r.text
        items += [plain(o) for o in r.json()["items"]]
        if not r.json()["next_page_token"]:
            return items
        query["page_token"] = r.json()["next_page_token"]


async def post_file(
    client: httpx.AsyncClient, headers: dict[str, str], fmt: str, content: str | bytes, tenant: str = "acme"
) -> httpx.Response:
    body = content.encode() if isinstance(content, str) else content
    return await client.post(
        IMPORT.format(tenant=tenant), params={"format": fmt}, content=body, headers={**headers, **OCTETS}
    )


# -- from Alertmanager ------------------------------------------------------------------------------
async def test_notifications_record_one_occurrence_per_firing(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    service_id = await ensure_service(client, mint, "acme", "checkout-api")
    token = await ingest_key(client, mint, "acme")
    fingerprint = unique("fp")
    reader = member(mint, "acme", "viewer")

    async def notify(**kw: Any) -> dict[str, Any]:
        payload = alertmanager_payload(am_alert(fingerprint, **kw), status=kw.get("status", "firing"))
        r = await client.post(INGEST.format(tenant="acme"), json=payload, headers=bearer(token))
        assert r.status_code == 200, r.text
        return dict(r.json())

    async def ours() -> list[dict[str, Any]]:
        return [o for o in await listed(client, reader) if o["fingerprint"] == fingerprint]

    first = await notify(starts_at="2026-11-26T09:58:00.123456789Z")
    [occurrence] = await ours()
    assert occurrence["alert_id"] == first["alert_ids"][0] and occurrence["source"] == "alertmanager"
    assert occurrence["alert_name"] == "HighErrorRate" and occurrence["severity"] == "critical"
    assert (occurrence["service"], occurrence["service_id"]) == ("checkout-api", service_id)
    assert occurrence["starts_at"].startswith("2026-11-26T09:58:00.123456") and occurrence["ends_at"] is None
    assert occurrence["id"].startswith("aoc_")

    # Alertmanager's repeat_interval: the same firing alert again is the same occurrence.
    await notify(starts_at="2026-11-26T09:58:00.123456789Z")
    assert [o["id"] for o in await ours()] == [occurrence["id"]]

    resolved = dict(
        starts_at="2026-11-26T09:58:00.123456789Z", status="resolved", ends_at="2026-11-26T10:31:00Z"
    )
    await notify(**resolved)
    [closed] = await ours()
    assert closed["id"] == occurrence["id"] and closed["ends_at"].startswith("2026-11-26T10:31:00")
    await notify(**resolved)  # re-sent: unchanged
    assert await ours() == [closed]

    # Fires again later: a new startsAt is a second occurrence (newest first).
    await notify(starts_at="2026-11-26T12:00:00Z")
    second, again = await ours()
    assert (second["starts_at"], second["ends_at"]) == ("2026-11-26T12:00:00Z", None)
    assert again == closed and second["alert_id"] == closed["alert_id"]

    # What SLO Doctor reads: both firings overlap the window, oldest first.
    window = (datetime(2026, 11, 26, 10, 0, tzinfo=UTC), datetime(2026, 11, 26, 13, 0, tzinfo=UTC))
    with runtime.db.session() as session:
        found = occurrences.for_service(session, "acme", service_id, *window)
    assert [(o.alert_name, o.starts_at.hour, o.ends_at is None, o.source) for o in found] == [
        ("HighErrorRate", 9, False, "alertmanager"),
        ("HighErrorRate", 12, True, "alertmanager"),
    ]


async def test_a_new_firing_ends_an_earlier_one_whose_resolution_never_came(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    """send_resolved: false (or a lost notification): the next firing closes the one before."""
    token = await ingest_key(client, mint, "acme")
    fingerprint = unique("fp")
    for start in ("2026-11-21T08:00:00Z", "2026-11-21T09:30:00Z"):
        payload = alertmanager_payload(am_alert(fingerprint, starts_at=start), status="firing")
        r = await client.post(INGEST.format(tenant="acme"), json=payload, headers=bearer(token))
        assert r.status_code == 200, r.text
    newer, older = [o for o in await listed(client, admin(mint)) if o["fingerprint"] == fingerprint]
    assert (older["starts_at"], older["ends_at"]) == ("2026-11-21T08:00:00Z", "2026-11-21T09:30:00Z")
    assert (newer["starts_at"], newer["ends_at"]) == ("2026-11-21T09:30:00Z", None)


async def test_a_resolution_never_seen_firing_records_an_ended_occurrence(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    token = await ingest_key(client, mint, "acme")
    fingerprint = unique("fp")
    payload = alertmanager_payload(
        am_alert(
            fingerprint, status="resolved", starts_at="2026-11-20T08:00:00Z", ends_at="2026-11-20T08:20:00Z"
        ),
        status="resolved",
    )
    r = await client.post(INGEST.format(tenant="acme"), json=payload, headers=bearer(token))
    assert r.status_code == 200 and r.json()["resolved"] == 1, r.text
    [occurrence] = [o for o in await listed(client, admin(mint)) if o["fingerprint"] == fingerprint]
    assert (occurrence["starts_at"], occurrence["ends_at"]) == (
        "2026-11-20T08:00:00Z",
        "2026-11-20T08:20:00Z",
    )


def test_racing_notifications_record_one_occurrence(runtime: Runtime, seeded: dict[str, Any]) -> None:
    """Four workers deliver the same new firing alert at once (PostgreSQL: truly concurrent)."""
    principal = Principal(subject="ingest-key:test", kind="client", tenants={"acme": ("alert_ingest",)})
    ctx = TenantContext(tenant_id="acme", principal=principal, roles=("alert_ingest",))
    fingerprint = unique("race")
    payload = alertmanager_payload(am_alert(fingerprint, starts_at="2026-11-25T07:00:00Z"))
    barrier, failures = threading.Barrier(4), list[BaseException]()

    def deliver() -> None:
        barrier.wait()
        try:
            service.ingest_alertmanager(runtime.db, None, ctx, payload)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    workers = [threading.Thread(target=deliver) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert failures == []
    with runtime.db.session() as session:
        rows = occurrences.list_page(session, "acme", after=None, limit=500, alert_name="HighErrorRate")
    assert len([r for r in rows if r.fingerprint == fingerprint]) == 1


# -- import -------------------------------------------------------------------------------------------
async def test_import_csv_ndjson_and_json(client: httpx.AsyncClient, mint: Mint) -> None:
    service_id = await ensure_service(client, mint, "acme", "checkout-api")
    sre = member(mint, "acme", "sre")
    name = unique("Imported")
    csv = (
        "alert_name,starts_at,ends_at,service,severity,fingerprint\n"
        f"{name},2026-10-02T09:58:00Z,2026-10-02T10:31:00Z,checkout-api,page,\n"
        f"{name},2026-10-03T11:00:00+02:00,,{service_id},warn,\n"
        f"{name},2026-10-04 08:00:00.5z,2026-10-04T08:05:00Z,,,{name}-own\n"
    )
    r = await post_file(client, sre, "csv", csv)
    assert r.status_code == 200, r.text
    assert plain(r.json()) == {
        "imported": 3,
        "updated": 0,
        "from": "2026-10-02T09:58:00Z",
        "to": "2026-10-04T08:00:00.500000Z",
    }
    found = await listed(client, sre, alert_name=name)
    assert [o["starts_at"] for o in found] == [
        "2026-10-04T08:00:00.500000Z",
        "2026-10-03T09:00:00Z",
        "2026-10-02T09:58:00Z",
    ]
    unserviced, by_id, by_name = found
    assert by_name["service_id"] == by_id["service_id"] == service_id and by_name["service"] == "checkout-api"
    assert (by_name["severity"], by_id["severity"], unserviced["severity"]) == ("critical", "warning", "info")
    assert by_name["fingerprint"] == by_id["fingerprint"] and len(by_name["fingerprint"]) == 64
    assert unserviced["fingerprint"] == f"{name}-own" and unserviced["service_id"] is None
    assert {o["source"] for o in found} == {"import"} and {o["alert_id"] for o in found} == {None}
    assert by_id["ends_at"] is None and by_name["ends_at"] == "2026-10-02T10:31:00Z"

    ndjson = "\n".join(
        json.dumps(row)
        for row in [
            {"alert_name": f"{name}-nd", "starts_at": "2026-09-01T00:00:00Z", "severity": "critical"},
            {
                "alert_name": f"{name}-nd",
                "starts_at": "2026-09-02T00:00:00Z",
                "ends_at": None,
                "service": "checkout-api",
            },
        ]
    )
    r = await post_file(client, sre, "ndjson", ndjson + "\n\n")
    assert r.status_code == 200 and (r.json()["imported"], r.json()["updated"]) == (2, 0), r.text
    assert len(await listed(client, sre, alert_name=f"{name}-nd")) == 2

    items = [
        {"alert_name": f"{name}-js", "starts_at": "2026-08-01T00:00:00Z", "ends_at": "2026-08-01T00:10:00Z"}
    ]
    r = await post_file(client, sre, "json", json.dumps(items))
    assert r.status_code == 200 and r.json()["imported"] == 1, r.text
    [imported] = await listed(client, sre, alert_name=f"{name}-js")
    assert imported["ends_at"] == "2026-08-01T00:10:00Z"


async def test_reimport_updates_instead_of_duplicating(client: httpx.AsyncClient, mint: Mint) -> None:
    sre = member(mint, "acme", "sre")
    name = unique("Reimported")
    first = f"alert_name,starts_at,service\n{name},2026-10-02T09:58:00Z,checkout-api\n{name},2026-10-03T09:58:00Z,\n"
    assert (await post_file(client, sre, "csv", first)).json()["imported"] == 2
    again = (
        "alert_name,starts_at,ends_at,service\n"
        f"{name},2026-10-02T09:58:00Z,2026-10-02T10:00:00Z,checkout-api\n"
        f"{name},2026-10-03T09:58:00Z,,\n"
        f"{name},2026-10-04T09:58:00Z,,\n"
    )
    r = await post_file(client, sre, "csv", again)
    assert (r.json()["imported"], r.json()["updated"]) == (1, 2), r.text
    found = await listed(client, sre, alert_name=name)
    assert [(o["starts_at"][:10], o["ends_at"]) for o in found] == [
        ("2026-10-04", None),
        ("2026-10-03", None),
        ("2026-10-02", "2026-10-02T10:00:00Z"),
    ]
    # A row without ends_at leaves the stored end as it is; a repeat in one file counts once (the last).
    third = f"alert_name,starts_at,service\n{name},2026-10-02T09:58:00Z,checkout-api\n{name},2026-10-02T09:58:00Z,checkout-api\n"
    r = await post_file(client, sre, "csv", third)
    assert (r.json()["imported"], r.json()["updated"]) == (0, 1)
    assert (await listed(client, sre, alert_name=name))[-1]["ends_at"] == "2026-10-02T10:00:00Z"


async def test_bad_rows_refuse_the_whole_file(client: httpx.AsyncClient, mint: Mint) -> None:
    sre = member(mint, "acme", "sre")
    name = unique("Refused")
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    csv = (
        "alert_name,starts_at,ends_at,service,fingerprint\n"
        f"{name},2026-10-02T09:58:00Z,,,\n"  # line 2: fine
        f",2026-10-02T09:58:00Z,,,\n"  # line 3: no name
        f"{name},2026-10-02T09:58:00,,,\n"  # line 4: no offset
        f"{name},2026-10-02T09:58:00Z,2026-10-02T09:00:00Z,,\n"  # line 5: ends before it starts
        f"{name},2026-10-02T09:58:00Z,,no-such-service,\n"  # line 6: unknown service
        f"{name},{future},,,\n"  # line 7: in the future
        f"{name},2026-13-02T09:58:00Z,,,has space\n"  # line 8: no such month, bad fingerprint
        f"{name},2026-10-02T09:58:00Z\n"  # line 9: too few values
    )
    r = await post_file(client, sre, "csv", csv)
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json")
    problem = r.json()
    assert problem["type"].endswith("/invalid-argument") and "nothing was stored" in problem["detail"]
    assert [e["field"] for e in problem["errors"]] == ["line 9"]  # an unreadable line is refused first
    r = await post_file(client, sre, "csv", csv.rsplit("\n", 2)[0] + "\n")
    assert r.status_code == 400, r.text
    errors = {e["field"]: e["message"] for e in r.json()["errors"]}
    assert list(errors) == ["line 3", "line 4", "line 5", "line 6", "line 7", "line 8"]
    assert errors["line 3"] == "alert_name: missing"
    assert errors["line 4"].startswith("starts_at: must be an RFC 3339 date-time with an offset")
    assert errors["line 5"] == "ends_at: must not be before starts_at"
    assert errors["line 6"] == "service: no service 'no-such-service' in this tenant"
    assert errors["line 7"] == "starts_at: lies in the future"
    assert "starts_at: must be an RFC 3339" in errors["line 8"] and "fingerprint: must be" in errors["line 8"]
    assert await listed(client, sre, alert_name=name) == []

    items = [
        {"alert_name": name, "starts_at": "2026-10-02T09:58:00Z"},
        {"alert_name": 7, "starts_at": 1, "extra": 1},
    ]
    r = await post_file(client, sre, "json", json.dumps(items))
    assert r.status_code == 400
    assert r.json()["errors"] == [
        {
            "field": "item 2",
            "message": "extra: unknown field; alert_name: must be a string; "
            "starts_at: must be an RFC 3339 date-time with an offset, e.g. 2026-10-02T09:58:00Z",
            "code": "invalid",
        }
    ]
    r = await post_file(
        client, sre, "ndjson", f'{{"alert_name": "{name}", "starts_at": "2026-10-02T09:58:00Z"}}\n[1]\n'
    )
    assert r.status_code == 400 and [e["field"] for e in r.json()["errors"]] == ["line 2"]
    for fmt, body, field in (
        ("csv", "alert,starts_at\nx,2026-10-02T09:58:00Z\n", "line 1"),  # unknown column
        ("csv", "", "body"),  # no file
        ("json", "{}", "body"),  # not an array
        ("xml", "<alerts/>", "format"),
    ):
        r = await post_file(client, sre, fmt, body)
        assert r.status_code == 400, (fmt, body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert field in {e["field"] for e in r.json().get("errors", [])} or field in r.text, (fmt, r.text)
    r = await post_file(client, sre, "csv", b"alert_name,starts_at\n\xff,2026-10-02T09:58:00Z\n")
    assert r.status_code == 400 and "not UTF-8" in r.json()["detail"]
    assert await listed(client, sre, alert_name=name) == []


# -- list ---------------------------------------------------------------------------------------------
async def test_list_filters_and_pages(client: httpx.AsyncClient, mint: Mint) -> None:
    service_id = await ensure_service(client, mint, "acme", "checkout-api")
    sre, viewer = member(mint, "acme", "sre"), member(mint, "acme", "viewer")
    name = unique("Paged")
    start = datetime(2026, 9, 1, tzinfo=UTC)
    rows = [
        f"{name},{(start + timedelta(hours=i)).isoformat()},{'checkout-api' if i % 2 else ''}"
        for i in range(7)
    ]
    r = await post_file(client, sre, "csv", "alert_name,starts_at,service\n" + "\n".join(rows))
    assert r.status_code == 200 and r.json()["imported"] == 7, r.text

    everything = await listed(client, viewer, alert_name=name)
    assert [o["starts_at"] for o in everything] == sorted((o["starts_at"] for o in everything), reverse=True)
    assert len(everything) == 7
    pages, token = [], None
    while True:
        params: dict[str, Any] = {
            "alert_name": name,
            "page_size": 2,
            **({"page_token": token} if token else {}),
        }
        body = (await client.get(OCCURRENCES.format(tenant="acme"), params=params, headers=viewer)).json()
        pages.append([o["id"] for o in body["items"]])
        token = body["next_page_token"]
        if not token:
            break
    assert [len(p) for p in pages] == [2, 2, 2, 1]
    assert [i for p in pages for i in p] == [o["id"] for o in everything]
    # A token belongs to its filters.
    first = await client.get(
        OCCURRENCES.format(tenant="acme"), params={"alert_name": name, "page_size": 2}, headers=viewer
    )
    r = await client.get(
        OCCURRENCES.format(tenant="acme"),
        params={"page_size": 2, "page_token": first.json()["next_page_token"]},
        headers=viewer,
    )
    assert r.status_code == 400 and r.json()["type"].endswith("/invalid-page-token")

    of_service = await listed(client, viewer, alert_name=name, service_id=service_id)
    assert len(of_service) == 3 and {o["service_id"] for o in of_service} == {service_id}
    window = await listed(
        client,
        viewer,
        alert_name=name,
        since=(start + timedelta(hours=2)).isoformat(),
        until="2026-09-01T05:00:00Z",
    )
    assert [o["starts_at"] for o in window] == [
        "2026-09-01T04:00:00Z",
        "2026-09-01T03:00:00Z",
        "2026-09-01T02:00:00Z",
    ]

    for params, field in (
        ({"since": "2026-09-02T00:00:00Z", "until": "2026-09-01T00:00:00Z"}, "since"),
        ({"since": "2026-09-02T00:00:00"}, "since"),
        ({"until": "yesterday"}, "until"),
    ):
        r = await client.get(OCCURRENCES.format(tenant="acme"), params=params, headers=viewer)
        assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json"), (
            r.text
        )
        assert field in {e["field"] for e in r.json()["errors"]} or field in r.text, r.text


# -- who may -------------------------------------------------------------------------------------------
async def test_who_may_import_and_list(client: httpx.AsyncClient, mint: Mint) -> None:
    name = unique("Authz")
    csv = f"alert_name,starts_at\n{name},2026-10-02T09:58:00Z\n"
    for role in ("viewer", "security_analyst"):
        r = await post_file(client, member(mint, "acme", role), "csv", csv)
        assert r.status_code == 403 and "alerts:import_history" in r.text, (role, r.text)
    for role in ("sre", "platform_engineer", "tenant_admin"):
        r = await post_file(client, member(mint, "acme", role), "csv", csv)
        assert r.status_code == 200, (role, r.text)
    assert len(await listed(client, member(mint, "acme", "viewer"), alert_name=name)) == 1
    # Audited like every write: the three imports and the two refusals.
    r = await client.get(
        "/v1/tenants/acme/audit/events", params={"action": "alerts:import_history"}, headers=admin(mint)
    )
    outcomes = sorted(e["outcome"] for e in r.json()["items"])
    assert r.status_code == 200 and len(outcomes) == 5 and outcomes.count("denied") == 2, r.text

    # Another tenant's members neither see nor write acme's history; acme's history stays acme's.
    outsider = member(mint, "globex", "tenant_admin")
    r = await client.get(OCCURRENCES.format(tenant="acme"), headers=outsider)
    assert r.status_code == 404
    r = await post_file(client, outsider, "csv", f"alert_name,starts_at\n{name}-x,2026-10-02T09:58:00Z\n")
    assert r.status_code == 404
    r = await post_file(
        client, outsider, "csv", f"alert_name,starts_at\n{name},2026-10-02T09:58:00Z\n", tenant="globex"
    )
    assert r.status_code == 200
    globex = await client.get(
        OCCURRENCES.format(tenant="globex"), params={"alert_name": name}, headers=outsider
    )
    assert [o["tenant_id"] for o in globex.json()["items"]] == ["globex"]
    assert [o["tenant_id"] for o in await listed(client, admin(mint), alert_name=name)] == ["acme"]
    # An ingest key posts notifications, nothing else.
    key = await ingest_key(client, mint, "acme")
    assert (await client.get(OCCURRENCES.format(tenant="acme"), headers=bearer(key))).status_code == 401
    assert (await post_file(client, bearer(key), "csv", csv)).status_code == 401


def test_for_service_is_one_query_over_the_window(runtime: Runtime, seeded: dict[str, Any]) -> None:
    """Overlap with [since, until): open ones count, ones that ended at ``since`` or start at ``until`` do not."""
    from sqlalchemy import event

    now = datetime(2026, 11, 1, tzinfo=UTC)
    svc = unique("svc_t")
    rows = [
        ("before", now - timedelta(hours=5), now - timedelta(hours=3)),  # ended before the window
        ("ends-at-since", now - timedelta(hours=3), now - timedelta(hours=2)),
        ("straddles", now - timedelta(hours=3), now - timedelta(hours=1)),
        ("open", now - timedelta(hours=4), None),
        ("inside", now - timedelta(minutes=30), now - timedelta(minutes=20)),
        ("at-until", now, None),
    ]
    with runtime.db.session() as session:
        occurrences.upsert(
            session,
            [
                {
                    "id": unique("aoc_"),
                    "tenant_id": "acme",
                    "alert_id": None,
                    "fingerprint": name,
                    "alert_name": name,
                    "service_id": svc,
                    "service_name": None,
                    "severity": "info",
                    "starts_at": start,
                    "ends_at": end,
                    "source": "import",
                    "received_at": now,
                }
                for name, start, end in rows
            ],
            "keep",
        )
        statements: list[str] = []

        def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            statements.append(statement)

        event.listen(runtime.db.engine, "before_cursor_execute", count)
        try:
            found = occurrences.for_service(session, "acme", svc, now - timedelta(hours=2), now)
        finally:
            event.remove(runtime.db.engine, "before_cursor_execute", count)
        assert occurrences.for_service(session, "globex", svc, now - timedelta(hours=2), now) == []
    assert [o.alert_name for o in found] == ["open", "straddles", "inside"]
    assert found[0] == occurrences.Occurrence("open", now - timedelta(hours=4), None, "import")
    assert len(statements) == 1
