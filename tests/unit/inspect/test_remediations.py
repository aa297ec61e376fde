"""Inspect's Maestro remediations come from Maestro's action registry, with Maestro's step-up rule."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from companyos_server.core.maestro import actions as maestro_actions
from companyos_server.domains.inspect import service
from companyos_server.platform.principal import ACR_MFA, Principal


def principal(*, mfa: bool = False, auth_age: int = 0) -> Principal:
    return Principal(
        subject="usr_a",
        kind="user",
        tenants={"acme": ("sre",)},
        acr=ACR_MFA if mfa else None,
        auth_time=int(time.time()) - auth_age if mfa else None,
    )


def test_remediations_are_the_action_types_targeting_the_kind() -> None:
    assert [a.name for a in service.remediations_for("deployment")] == ["deployment.rollback"]
    assert [a.name for a in service.remediations_for("service")] == [
        "service.restart", "service.scale", "service.isolate"
    ]  # fmt: skip
    assert [a.name for a in service.remediations_for("incident")] == ["incident.task"]
    assert service.remediations_for("tenant") == []
    assert service.remediations_for("alert") == []
    # Every action type with a target kind shows up under that kind; engine-level ones (wait) nowhere.
    for action in maestro_actions.ACTIONS.values():
        if action.target_kind is not None:
            assert action in service.remediations_for(action.target_kind)


def test_a_newly_registered_action_type_is_picked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    drain = replace(maestro_actions.ACTIONS["service.restart"], name="service.drain", risk="high")
    monkeypatch.setitem(maestro_actions.ACTIONS, "service.drain", drain)
    assert "service.drain" in [a.name for a in service.remediations_for("service")]
    assert service.remediation_requires_step_up(drain, principal()) is True


def test_step_up_follows_the_action_types_risk_and_the_callers_sign_in() -> None:
    rollback = maestro_actions.ACTIONS["deployment.rollback"]
    restart = maestro_actions.ACTIONS["service.restart"]
    assert service.remediation_requires_step_up(rollback, principal()) is True
    assert service.remediation_requires_step_up(rollback, principal(mfa=True)) is False
    assert service.remediation_requires_step_up(rollback, principal(mfa=True, auth_age=3600)) is True
    assert service.remediation_requires_step_up(restart, principal()) is False
