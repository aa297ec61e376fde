"""Helpers for the alerts, incidents and policies API tests: callers, services, ingest keys, payloads."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from companyos_server.platform.principal import ACR_MFA
from tests.conftest import bearer

Mint = Callable[..., str]
ADMIN_SCOPES = ["openid", "api", "platform:admin", "tenants:cross"]


def member(
    mint: Mint, tenant: str, *roles: str, subject: str | None = None, mfa: bool = False
) -> dict[str, str]:
    extra: dict[str, Any] = {"acr": ACR_MFA, "auth_time": int(time.time())} if mfa else {}
    name = subject or f"usr_{tenant}_{'_'.join(roles)}"
    return bearer(mint(name, tenants={tenant: list(roles)}, **extra))


def admin(mint: Mint) -> dict[str, str]:
    """A platform admin with MFA, stating a purpose (needed outside a tenant for anything but tenants:*)."""
    token = mint("usr_root", scopes=ADMIN_SCOPES, acr=ACR_MFA, auth_time=int(time.time()))
    return {**bearer(token), "X-CompanyOS-Purpose": "integration tests"}


async def ensure_service(
    client: httpx.AsyncClient, mint: Mint, tenant: str, name: str, slo: dict[str, Any] | None = None
) -> str:
    """The id of ``tenant``'s service ``name`` (created through the services API when missing)."""
    headers = admin(mint)
    body: dict[str, Any] = {"name": name, "owner": {"team": "payments"}, "tier": "tier-0"}
    if slo is not None:
        body["slo"] = slo
    r = await client.post(f"/v1/tenants/{tenant}/services", json=body, headers=headers)
    if r.status_code == 201:
        service_id = str(r.json()["id"])
    else:
        assert r.status_code == 409, r.text
        items = (
            await client.get(f"/v1/tenants/{tenant}/services", params={"page_size": 500}, headers=headers)
        ).json()
        service_id = next(s["id"] for s in items["items"] if s["name"] == name)
        if slo is not None:
            r = await client.patch(
                f"/v1/tenants/{tenant}/services/{service_id}", json={"slo": slo}, headers=headers
            )
            assert r.status_code == 200, r.text
    return service_id


async def ingest_key(client: httpx.AsyncClient, mint: Mint, tenant: str) -> str:
    r = await client.post(
        f"/v1/tenants/{tenant}/alerts/ingest-keys",
        json={"name": "alertmanager"},
        headers=member(mint, tenant, "tenant_admin"),
    )
    assert r.status_code == 201, r.text
    return str(r.json()["token"])


def alertmanager_payload(
    *alerts: dict[str, Any], status: str = "firing", common: dict[str, str] | None = None
) -> dict[str, Any]:
    """A notification exactly as Alertmanager 0.27's webhook notifier marshals it (version 4)."""
    return {
        "receiver": "companyos",
        "status": status,
        "alerts": list(alerts),
        "groupLabels": {"alertname": "HighErrorRate"},
        "commonLabels": common or {"alertname": "HighErrorRate"},
        "commonAnnotations": {},
        "externalURL": "http://alertmanager.example:9093",
        "version": "4",
        "groupKey": '{}/{severity=~"critical|warning"}:{alertname="HighErrorRate"}',
        "truncatedAlerts": 0,
    }


def am_alert(
    fingerprint: str,
    *,
    status: str = "firing",
    service: str = "checkout-api",
    severity: str = "critical",
    instance: str = "checkout-api-7d9f:8080",
    starts_at: str = "2026-11-26T09:58:00.123456789Z",
    ends_at: str = "0001-01-01T00:00:00Z",
) -> dict[str, Any]:
    return {
        "status": status,
        "labels": {
            "alertname": "HighErrorRate",
            "service": service,
            "severity": severity,
            "instance": instance,
            "job": "checkout",
        },
        "annotations": {
            "summary": f"{service} 5xx ratio above 5%",
            "description": "5xx ratio is 7.3% over 5m",
        },
        "startsAt": starts_at,
        "endsAt": ends_at,
        "generatorURL": "http://prometheus.example:9090/graph?g0.expr=job%3Acheckout_5xx_ratio%3Arate5m+%3E+0.05",
        "fingerprint": fingerprint,
    }
