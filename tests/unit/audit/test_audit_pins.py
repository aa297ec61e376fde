"""The SDK and CLI keep the last audit checkpoint they verified and report a rollback below it."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
import respx

from companyos import Client
from companyos.audit_checkpoints import CheckpointPins, compare
from tests.unit.cli.conftest import (
    API,
    Cli,
    _isolated,  # noqa: F401  (autouse: an isolated COMPANYOS_HOME)
)

URL = "/v1/tenants/acme/audit/verification"


def checkpoint(seq: int, size: int, mark: str = "a") -> dict[str, Any]:
    return {
        "chain": "acme", "seq": seq, "size": size, "head_hash": mark * 64, "prev_hash": "0" * 64,
        "issued_at": "2026-11-01T09:00:00.000000Z", "key_id": "ak_4f6e1b2c3d4e5f60", "hash": (mark * 63) + "f",
        "signature": "sig",
    }  # fmt: skip


def verification(cp: dict[str, Any] | None, **over: Any) -> dict[str, Any]:
    body = {"tenant_id": "acme", "ok": True, "checked": cp["size"] if cp else 0, "first_broken_position": None,
            "reason": None, "detail": None, "problems": [], "checkpoint": cp}  # fmt: skip
    body.update(over)
    return body


@pytest.fixture
def api() -> Any:
    with respx.mock(base_url=API, assert_all_called=False) as router:
        yield router


@pytest.fixture
def cli() -> Cli:
    return Cli()


def test_compare() -> None:
    pinned: Any = checkpoint(3, 30)
    assert compare(None, checkpoint(1, 1)) is None  # nothing verified before
    assert compare(pinned, checkpoint(3, 30)) is None
    assert compare(pinned, checkpoint(4, 35, "b")) is None  # grown
    for current in (checkpoint(2, 20), checkpoint(3, 29), None):
        problem = compare(pinned, current)  # type: ignore[arg-type]
        assert problem is not None and problem["reason"] == "rollback"
    forked = compare(pinned, checkpoint(3, 30, "c"))  # type: ignore[arg-type]
    assert forked is not None and "rewritten" in forked["detail"]


def test_cli_pins_the_checkpoint_and_reports_a_rollback(
    cli: Cli, api: respx.MockRouter, tmp_path: Path
) -> None:
    route = api.get(URL).respond(json=verification(checkpoint(3, 30)))
    result = cli("audit", "verify")
    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout.strip() == "OK: acme audit chain intact (30 events checked, checkpoint 3 at 30 events)"
    )
    assert "known_checkpoint" not in route.calls.last.request.url.params  # nothing pinned yet
    [pin_file] = (tmp_path / "home" / "audit-checkpoints").iterdir()
    assert stat.S_IMODE(pin_file.stat().st_mode) == 0o600
    assert json.loads(pin_file.read_text())["checkpoint"]["size"] == 30

    route = api.get(URL).respond(json=verification(checkpoint(2, 20)))
    result = cli("audit", "verify")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "error: audit chain of acme not intact: rollback (the server's checkpoint 2 (20 events) is older than "
        "checkpoint 3 (30 events) you verified before)"
    ]
    params = route.calls.last.request.url.params
    assert params["known_checkpoint"] == "30:" + "a" * 64  # the server checks the pin too
    assert json.loads(pin_file.read_text())["checkpoint"]["size"] == 30  # a rollback never moves the pin

    api.get(URL).respond(json=verification(None))  # the chain and its checkpoints deleted server-side
    result = cli("audit", "verify")
    assert result.exit_code == 1 and "rollback (the server has no checkpoint" in result.stderr

    api.get(URL).respond(json=verification(checkpoint(5, 50, "b")))
    assert cli("audit", "verify").exit_code == 0
    assert json.loads(pin_file.read_text())["checkpoint"]["seq"] == 5


def test_cli_no_pin_neither_reads_nor_writes(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    api.get(URL).respond(json=verification(checkpoint(3, 30)))
    assert cli("audit", "verify", "--no-pin").exit_code == 0
    assert not (tmp_path / "home" / "audit-checkpoints").exists()


def test_a_server_side_problem_still_reports_first(cli: Cli, api: respx.MockRouter) -> None:
    api.get(URL).respond(json=verification(checkpoint(3, 30)))
    assert cli("audit", "verify").exit_code == 0
    truncated = {
        "reason": "truncated",
        "position": 29,
        "detail": "checkpoint 3 counts 30 events, the chain ends at 28",
    }
    api.get(URL).respond(json=verification(checkpoint(3, 30), ok=False, first_broken_position=29,
                                           reason="truncated", detail=truncated["detail"], problems=[truncated]))  # fmt: skip
    result = cli("audit", "verify")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: audit chain of acme broken at position 29: truncated (checkpoint 3 counts 30 events, the chain "
        "ends at 28)"
    )


def test_sdk_pins_per_base_url_and_tenant(api: respx.MockRouter, tmp_path: Path) -> None:
    pins = CheckpointPins(tmp_path / "pins")
    api.get(URL).respond(json=verification(checkpoint(3, 30)))
    with Client(base_url=API, auth="tok", tenant="acme") as client:
        assert client.audit.verify_pinned(pins=pins)["ok"]
    assert pins.load(API, "acme")["size"] == 30  # type: ignore[index]
    assert pins.load("https://other.test", "acme") is None
    assert pins.load(API, "globex") is None
    api.get(URL).respond(json=verification(checkpoint(1, 5)))
    with Client(base_url=API, auth="tok", tenant="acme") as client:
        result = client.audit.verify_pinned(pins=pins)
    assert (result["ok"], result["reason"], result["problems"][0]["reason"]) == (
        False,
        "rollback",
        "rollback",
    )


def test_an_unreadable_pin_is_an_error_not_a_reset(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    api.get(URL).respond(json=verification(checkpoint(3, 30)))
    assert cli("audit", "verify").exit_code == 0
    [pin_file] = (tmp_path / "home" / "audit-checkpoints").iterdir()
    pin_file.write_text("{")
    result = cli("audit", "verify")
    assert result.exit_code == 1 and "delete it to start over" in result.stderr
