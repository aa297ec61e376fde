"""Store-level isolation: the alerts, incidents and policies stores never return another tenant's rows."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from companyos_server.domains.alerts import keys, store
from companyos_server.domains.alerts import service as alerts
from companyos_server.domains.incidents import service as incidents
from companyos_server.domains.incidents import store as incidents_store
from companyos_server.domains.policies import hook
from companyos_server.domains.policies import service as policies
from companyos_server.domains.policies import store as policies_store
from companyos_server.platform.policy import Resource
from companyos_server.platform.principal import ACR_MFA, Principal, TenantContext
from companyos_server.platform.runtime import Runtime
from companyos_server.seed import seed_tenants


def ctx(tenant: str, subject: str = "usr_a", role: str = "sre") -> TenantContext:
    return TenantContext(tenant, Principal(subject, "user", {tenant: (role,)}), roles=(role,))


def payload(fp: str) -> dict:
    return {
        "version": "4", "status": "firing", "receiver": "r", "groupKey": "g", "truncatedAlerts": 0,
        "alerts": [{"status": "firing", "labels": {"alertname": "A", "severity": "critical"}, "fingerprint": fp,
                    "startsAt": "2026-11-26T09:00:00Z", "endsAt": "0001-01-01T00:00:00Z"}],
    }  # fmt: skip


def test_stores_cannot_return_another_tenants_rows(runtime: Runtime) -> None:
    seed_tenants(runtime)
    db = runtime.db
    acme, globex = ctx("acme"), ctx("globex")
    a_alert = alerts.ingest_alertmanager(db, None, acme, payload("samefp"))["alert_ids"][0]
    g_alert = alerts.ingest_alertmanager(db, None, globex, payload("samefp"))["alert_ids"][0]
    assert a_alert != g_alert  # the same fingerprint in two tenants is two alerts
    a_inc, _ = incidents.open_from_alert(db, None, acme, a_alert, {})
    key = keys.create_key(db, acme, {"name": "k"})
    policies.create_exception(
        db,
        runtime.policy.policy_text,
        # residency-eu-export requires MFA: requesting an exception to it needs a fresh MFA sign-in.
        replace(acme, principal=replace(acme.principal, acr=ACR_MFA, auth_time=int(time.time()))),
        {"policy_id": "residency-eu-export", "reason": "r", "duration_hours": 1},
    )
    resource = Resource("incident", "acme", "acme")
    decision = runtime.policy.authorize(acme.principal, "incidents:read", resource)
    assert hook.record_decision(
        db,
        principal=acme.principal,
        action="incidents:read",
        resource=resource,
        decision=decision,
        mutation=False,
    )

    with db.session() as session:
        assert store.get(session, "globex", a_alert) is None
        assert store.get(session, "acme", a_alert) is not None
        assert store.by_fingerprint(session, "globex", "samefp").id == g_alert  # type: ignore[union-attr]
        assert [r.id for r in store.list_page(session, "globex", after=None, limit=50)] == [g_alert]
        assert store.get_key(session, "globex", key["id"]) is None
        assert store.list_keys(session, "globex") == []
        assert incidents_store.get(session, "globex", a_inc["id"]) is None
        assert incidents_store.by_source_alert(session, "globex", a_alert) is None
        assert incidents_store.list_page(session, "globex", after=None, limit=50) == []
        assert incidents_store.timeline(session, "globex", a_inc["id"]) == []
        assert incidents_store.checklist(session, "globex", a_inc["id"]) == []
        item = a_inc["checklist"][0]["id"] if a_inc["checklist"] else "chk_x"
        assert incidents_store.checklist_item(session, "globex", a_inc["id"], item) is None
        assert policies_store.list_exceptions(session, "globex", after=None, limit=50) == []
        assert policies_store.list_decisions(session, "globex", after=None, limit=50) == []
        assert len(policies_store.list_decisions(session, "acme", after=None, limit=50)) == 1
        assert policies_store.current_policies(session, "globex") == []
        now = datetime.now(UTC)
        assert store.lapse_silences(session, "globex", now + timedelta(days=1)) == 0
    # Services see the same boundary.
    import pytest

    from companyos_server.errors import DomainError

    with pytest.raises(DomainError) as err:
        alerts.get_alert(db, globex, a_alert)
    assert err.value.status == 404
    with pytest.raises(DomainError):
        incidents.get_incident(db, globex, a_inc["id"])
