"""Step-up is judged on the very plan version a run executes (issue 9, item 1).

A password-only SRE edited a plan between two versions while starting runs without ``plan_version``:
the risk came from a dry run of one version and the run started on the next, high-risk one, without
MFA. The race is made deterministic here: the plan is edited at the moment its risk is classified.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from companyos_server.core.maestro import plans
from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.unit.maestro.targets import add_service

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"
NORMAL = {
    "name": "Restart payments",
    "steps": [{"id": "restart", "action": "service.restart", "parameters": {"service_id": "svc_pay"}}],
}
HIGH_STEPS = [{"id": "lock", "action": "account.lock", "parameters": {"account_id": "mallory"}}]


def sre(mint: Mint, *, mfa: bool = False) -> dict[str, str]:
    extra = {"acr": ACR_MFA, "auth_time": int(time.time())} if mfa else {}
    return bearer(mint("usr_alice", tenants={"acme": ["sre"]}, **extra))


@pytest.fixture(autouse=True)
def target(runtime: Runtime) -> None:
    add_service(runtime.db, "acme", "svc_pay", "payments-pinning-test")


class EditWhenClassified:
    """Once armed, the next classification of a plan's risk is followed by an edit from another session
    that makes the plan high-risk (a new version): the interleaving of the reported race, every time."""

    def __init__(self, runtime: Runtime, original: Callable[[dict[str, Any]], bool]) -> None:
        self.runtime, self.original = runtime, original
        self.plan_id = ""
        self.versions: list[int] = []

    def arm(self, plan_id: str) -> None:
        self.plan_id = plan_id

    def __call__(self, definition: dict[str, Any]) -> bool:
        verdict = self.original(definition)
        plan_id, self.plan_id = self.plan_id, ""  # once: the edit below classifies plans too
        if plan_id:
            edited = self.runtime.maestro.update_plan("acme", plan_id, {"steps": HIGH_STEPS}, "usr_mallory")
            self.versions.append(edited["version"])
        return verdict


@pytest.fixture
def race(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> EditWhenClassified:
    hook = EditWhenClassified(runtime, plans.is_risky)
    monkeypatch.setattr(plans, "is_risky", hook)
    return hook


async def test_a_plan_edited_between_classification_and_start_never_runs_unclassified(
    client: httpx.AsyncClient, mint: Mint, race: EditWhenClassified
) -> None:
    r = await client.post(f"{BASE}/plans", json=NORMAL, headers=sre(mint))
    assert r.status_code == 201, r.text
    plan = r.json()
    assert (plan["version"], plan["effective_risk"]) == (1, "normal")

    race.arm(plan["id"])
    r = await client.post(f"{BASE}/plans/{plan['id']}/runs", json={"reason": "race"}, headers=sre(mint))
    assert race.versions == [2], "the concurrent edit did not happen"
    if r.status_code == 401:  # refused on the version it would have run: acceptable, nothing started
        assert 'error="insufficient_user_authentication"' in r.headers["www-authenticate"]
    else:
        assert r.status_code == 202, r.text

    runs = (await client.get(f"{BASE}/runs", params={"plan_id": plan["id"]}, headers=sre(mint))).json()[
        "items"
    ]
    assert len(runs) == (1 if r.status_code == 202 else 0)
    for run in runs:
        url = f"{BASE}/plans/{plan['id']}/versions/{run['plan_version']}"
        ran = (await client.get(url, headers=sre(mint))).json()
        # The run records its version and carries that version's risk; a password-only caller never
        # gets a high-risk version started.
        assert run["risk"] == ran["effective_risk"], (run, ran)
        assert run["risk"] == "normal", f"a high-risk version started without MFA: {run}"
        assert [s["action"] for s in run["steps"]] == [s["action"] for s in ran["steps"]]


async def test_a_pinned_high_risk_version_needs_step_up_even_when_the_latest_is_normal(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    r = await client.post(f"{BASE}/plans", json={**NORMAL, "steps": HIGH_STEPS}, headers=sre(mint))
    assert r.status_code == 201, r.text
    plan_id = r.json()["id"]
    r = await client.patch(f"{BASE}/plans/{plan_id}", json={"steps": NORMAL["steps"]}, headers=sre(mint))
    assert r.status_code == 200 and r.json()["effective_risk"] == "normal", r.text
    runs_url = f"{BASE}/plans/{plan_id}/runs"

    r = await client.post(runs_url, json={"plan_version": 1}, headers=sre(mint))
    assert r.status_code == 401, r.text
    assert "version 1 is high-risk (steps: lock)" in r.json()["detail"]
    listed = await client.get(f"{BASE}/runs", params={"plan_id": plan_id}, headers=sre(mint))
    assert listed.json()["items"] == []

    r = await client.post(runs_url, json={}, headers=sre(mint))
    assert r.status_code == 202 and (r.json()["plan_version"], r.json()["risk"]) == (2, "normal"), r.text
    r = await client.post(runs_url, json={"plan_version": 1}, headers=sre(mint, mfa=True))
    assert r.status_code == 202 and (r.json()["plan_version"], r.json()["risk"]) == (1, "high"), r.text
