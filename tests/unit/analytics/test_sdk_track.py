"""``client.analytics.track()``: batching, PII-named properties dropped, the offline queue when down."""

# ruff: noqa: F811 -- the SDK tests' fixtures (respx router, clients with a fake clock) are imported by name

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from companyos.offline import OfflineQueue
from companyos.resources._custom.analytics import build_event
from tests.unit.sdk.conftest import _no_shared_env, api, clock, make_async_client, make_client  # noqa: F401

INGESTED = {"accepted": 2, "rejected": 0, "dry_run": False, "partition": "eu", "errors": []}
URL = "/v1/tenants/acme/analytics/events"


def test_build_event_is_self_describing_and_minimised() -> None:
    event = build_event("Feature Used", user_id="u1", feature="search",
                        properties={"action": "open", "email": "a@b.c", "Token": "x"})  # fmt: skip
    assert (event["schema"], event["version"], event["client_type"]) == ("Feature Used", "1-0-0", "sdk")
    assert event["properties"] == {"action": "open"} and event["ts"].endswith("Z")


def test_track_batches_into_one_ingest_call(api: Any, make_client: Any) -> None:
    bodies: list[dict[str, Any]] = []

    def record(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.content))
        return httpx.Response(200, json=INGESTED)

    api.post(URL).mock(side_effect=record)
    client = make_client(tenant="acme")
    client.analytics.track("Feature Used", feature="a", batch_size=2)
    assert client.analytics.pending_events() == 1 and not bodies
    client.analytics.track("Page Viewed", properties={"page": "home"})
    assert len(bodies) == 1 and [e["schema"] for e in bodies[0]["events"]] == ["Feature Used", "Page Viewed"]
    assert client.analytics.pending_events() == 0
    assert client.analytics.flush_events().accepted == 0  # nothing left


def test_offline_batches_go_to_the_queue(api: Any, make_client: Any, tmp_path: Any) -> None:
    api.post(URL).mock(side_effect=httpx.ConnectError("down"))
    client = make_client(tenant="acme", offline=OfflineQueue(tmp_path / "q", key=b"k" * 32), max_retries=0)
    client.analytics.track("Feature Used", feature="a")
    client.analytics.track("Feature Used", feature="b")
    result = client.analytics.flush_events()
    assert (result.queued, result.accepted, len(result.queue_entries)) == (2, 0, 1)
    assert client.offline.status().entries[0]["operation_id"] == "ingest_analytics_events"


def test_without_a_queue_events_stay_buffered(api: Any, make_client: Any) -> None:
    api.post(URL).mock(side_effect=httpx.ConnectError("down"))
    client = make_client(tenant="acme", max_retries=0)
    client.analytics.track("Feature Used", feature="a")
    with pytest.raises(Exception):  # noqa: B017 -- the SDK's connection error, whatever its class
        client.analytics.flush_events()
    assert client.analytics.pending_events() == 1


async def test_async_track(api: Any, make_async_client: Any) -> None:
    api.post(URL).mock(return_value=httpx.Response(200, json=INGESTED))
    client = make_async_client(tenant="acme")
    client.analytics.track("Feature Used", feature="a")
    client.analytics.track("Feature Used", feature="b")
    assert (await client.analytics.flush_events()).accepted == 2
