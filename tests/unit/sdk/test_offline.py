"""Offline queue: encrypted at rest, persisted across clients, replayed in order with original keys."""

from __future__ import annotations

import json

import httpx
import pytest

import companyos
from companyos.offline import OfflineQueue

from .conftest import TENANT

KEY = b"q" * 32


def test_mutations_queue_encrypted_and_replay_in_order(api, make_client, tmp_path):
    queue_dir = tmp_path / "offline"
    down = api.post("/v1/tenants").mock(side_effect=httpx.ConnectError("down"))
    api.patch("/v1/tenants/acme").mock(side_effect=httpx.ConnectError("down"))
    client = make_client(offline=OfflineQueue(queue_dir, key=KEY), max_retries=0)
    keys = []
    with pytest.raises(companyos.MutationQueued) as first:
        client.tenants.create(id="tenant-plaintext-marker", display_name="Secret Name One")
    keys.append(first.value.idempotency_key)
    with pytest.raises(companyos.MutationQueued) as second:
        client.tenants.update("acme", display_name="Renamed")
    keys.append(second.value.idempotency_key)
    with pytest.raises(companyos.MutationQueued):
        client.tenants.create(id="t3", display_name="Three")
    assert isinstance(first.value, companyos.APIConnectionError)
    assert down.call_count == 3  # the first call, then one flush attempt before each later mutation
    files = sorted(queue_dir.glob("*.entry"))
    assert len(files) == 3
    for file in files:
        raw = file.read_bytes()
        # Long markers: a short one (like "t1") can appear in random ciphertext by chance.
        assert b"Secret Name" not in raw and b"tenant-plaintext-marker" not in raw and b"Bearer" not in raw
        assert file.stat().st_mode & 0o777 == 0o600
    with pytest.raises(UnicodeDecodeError):
        json.loads(files[0].read_bytes().decode())

    # A new client (new process) over the same directory sees the same queue.
    seen: list[tuple[str, str, str]] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append((request.method, request.url.path, request.headers["idempotency-key"]))
        return httpx.Response(201 if request.method == "POST" else 200, json=TENANT)

    api.post("/v1/tenants").mock(side_effect=record)
    api.patch("/v1/tenants/acme").mock(side_effect=record)
    fresh = make_client(offline=OfflineQueue(queue_dir, key=KEY))
    status = fresh.offline.status()
    assert status.pending == 3
    assert [e["operation_id"] for e in status.entries] == ["create_tenant", "update_tenant", "create_tenant"]
    result = fresh.offline.flush()
    assert [m for m, _, _ in seen] == ["POST", "PATCH", "POST"]
    assert [k for _, _, k in seen][:2] == keys
    assert len(result.replayed) == 3 and result.remaining == 0
    assert fresh.offline.status().pending == 0
    assert fresh.offline.flush().replayed == []  # exactly once


def test_flush_stops_on_connection_error_and_rejects_4xx(api, make_client, tmp_path):
    queue = OfflineQueue(tmp_path / "q", key=KEY)
    api.post("/v1/tenants").mock(side_effect=httpx.ConnectError("down"))
    client = make_client(offline=queue, max_retries=0)
    for i in range(3):
        with pytest.raises(companyos.MutationQueued):
            client.tenants.create(id=f"t{i}", display_name="x")
    api.post("/v1/tenants").mock(
        side_effect=[
            httpx.Response(409, json={"title": "Conflict", "status": 409, "type": "x"}),
            httpx.Response(201, json=TENANT),
            httpx.ConnectError("down again"),
        ]
    )
    result = client.offline.flush()
    assert [r[0] for r in result.rejected] and len(result.replayed) == 1 and result.remaining == 1
    assert queue.status().rejected == 1


def test_next_mutation_flushes_the_queue_first(api, make_client, tmp_path):
    order: list[str] = []
    api.post("/v1/tenants").mock(side_effect=httpx.ConnectError("down"))
    client = make_client(offline=OfflineQueue(tmp_path / "q", key=KEY), max_retries=0)
    with pytest.raises(companyos.MutationQueued):
        client.tenants.create(id="first", display_name="x")

    def record(request: httpx.Request) -> httpx.Response:
        order.append(json.loads(request.content)["id"])
        return httpx.Response(201, json=TENANT)

    api.post("/v1/tenants").mock(side_effect=record)
    client.tenants.create(id="second", display_name="x")
    assert order == ["first", "second"]


def test_reads_are_never_queued(api, make_client, tmp_path):
    api.get("/v1/health").mock(side_effect=httpx.ConnectError("down"))
    client = make_client(offline=OfflineQueue(tmp_path / "q", key=KEY), max_retries=0)
    with pytest.raises(companyos.APIConnectionError) as info:
        client.system.health()
    assert not isinstance(info.value, companyos.MutationQueued)


def test_offline_disabled_is_explicit(make_client):
    with pytest.raises(RuntimeError, match="offline=True"):
        make_client().offline.status()
