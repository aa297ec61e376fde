"""Platform-core resources: SSE run events, binary downloads, ingest-key auth, offline evidence checks."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import json
import tarfile

import httpx
import pytest

from companyos.evidence import key_id_for, verify_archive
from companyos.resources._sse import parse_sse_text

RUN = "/v1/tenants/acme/runs/run_1"


def sse(*events: tuple[int, str, dict]) -> str:
    return "".join(f"id: {i}\nevent: {t}\ndata: {json.dumps(d)}\n\n" for i, t, d in events)


def test_sse_parsing_rules():
    text = ': keep-alive\r\nid: 1\r\nevent: run.started\r\ndata: {"a":\r\ndata: 1}\r\n\r\nretry: 500\ndata:x\n\nevent: empty\n\nid: 7\ndata: last'
    events = parse_sse_text(text)
    assert [(e.event, e.id, e.data) for e in events] == [
        ("run.started", "1", '{"a":\n1}'),
        ("message", "1", "x"),
        ("message", "7", "last"),
    ]
    assert events[0].json() == {"a": 1} and events[1].retry == 500


def test_run_events_follow_reconnects_until_terminal(api, make_client):
    route = api.get(RUN + "/events").mock(
        side_effect=[
            httpx.Response(
                200, text=sse((1, "run.started", {"seq": 1})), headers={"content-type": "text/event-stream"}
            ),
            httpx.Response(
                200, text=sse((2, "step.succeeded", {"seq": 2}), (3, "run.succeeded", {"seq": 3}))
            ),
        ]
    )
    events = list(make_client().maestro.runs.events("run_1", wait_seconds=1))
    assert [e.event for e in events] == ["run.started", "step.succeeded", "run.succeeded"]
    assert route.calls[0].request.headers["accept"] == "text/event-stream"
    assert "after" not in route.calls[0].request.url.params
    assert route.calls[1].request.url.params["after"] == "1"


def test_run_events_stop_when_run_already_ended(api, make_client):
    api.get(RUN + "/events").respond(200, text=": waited\n\n")
    api.get(RUN).respond(json={"id": "run_1", "state": "failed"})
    assert list(make_client().maestro.runs.events("run_1")) == []


def test_run_events_async(api, make_async_client):
    api.get(RUN + "/events").respond(200, text=sse((1, "run.failed", {"seq": 1})))

    async def main():
        async with make_async_client() as client:
            return [e.json() async for e in client.maestro.runs.events("run_1")]

    assert asyncio.run(main()) == [{"seq": 1}]


def test_evidence_download_returns_bytes(api, make_client):
    route = api.get("/v1/tenants/acme/evidence-packs/evp_1/archive").respond(
        200, content=b"\x1f\x8bgz", headers={"content-type": "application/gzip"}
    )
    assert make_client().evidence.download("evp_1", purpose="audit review") == b"\x1f\x8bgz"
    assert route.calls.last.request.headers["accept"] == "*/*"
    assert route.calls.last.request.headers["x-companyos-purpose"] == "audit review"


def test_ingest_uses_the_ingest_key_not_the_client_token(api, make_client):
    route = api.post("/v1/tenants/acme/alerts/ingest/alertmanager").respond(
        json={
            "received": 0,
            "created": 0,
            "updated": 0,
            "resolved": 0,
            "truncated_alerts": 0,
            "alert_ids": [],
        }
    )
    me = api.get("/v1/me").respond(json={})
    client = make_client(auth="oauth-token", offline=False)
    client.alerts.ingest(
        payload={"version": "4", "status": "firing", "alerts": []}, ingest_key="aik_1.secret"
    )
    assert route.calls.last.request.headers["authorization"] == "Bearer aik_1.secret"
    client.identity.me()  # the client's own credential is untouched
    assert me.calls.last.request.headers["authorization"] == "Bearer oauth-token"
    with pytest.raises(ValueError):
        client.alerts.ingest(payload={"version": "4", "status": "firing", "alerts": []}, ingest_key="")


def test_delete_returns_none_and_version_path_param(api, make_client):
    api.delete("/v1/tenants/acme/flags/new-ui").respond(204)
    route = api.get("/v1/tenants/acme/config/versions/3").respond(json={"version": 3})
    client = make_client()
    assert client.tenant_config.flags.delete("new-ui") is None
    assert client.tenant_config.retrieve_version(3) == {"version": 3}
    assert route.called


def test_raw_response_for_new_resources(api, make_client):
    api.get("/v1/tenants/acme/services/svc_1").respond(
        json={"id": "svc_1"}, headers={"x-request-id": "req_9"}
    )
    raw = make_client().with_raw_response.services.retrieve("svc_1")
    assert raw.request_id == "req_9" and raw.parse() == {"id": "svc_1"}


# -- offline evidence verification -------------------------------------------------------------------
def _archive(tamper: str | None = None) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    item = b"deploy log"
    digest = hashlib.sha256(item).hexdigest()
    manifest = {"pack_id": "evp_1", "key_id": key_id_for(key.public_key()),
                "items": [{"name": "log.txt", "sha256": digest, "size": len(item), "media_type": "text/plain"}]}  # fmt: skip
    manifest_bytes = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    sig = base64.urlsafe_b64encode(key.sign(manifest_bytes)).rstrip(b"=")
    files = {
        "manifest.json": manifest_bytes,
        "manifest.sig": sig,
        "public_key.pem": pem,
        f"items/{digest}": item,
    }
    if tamper == "item":
        files[f"items/{digest}"] = b"deploy log!"
    if tamper == "added":
        files["items/extra"] = b"x"
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"evp_1/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue(), pem


def test_verify_archive_ok_and_tampering():
    data, pem = _archive()
    result = verify_archive(data, trusted_public_keys=[pem])
    assert result.ok and result.pack_id == "evp_1" and result.items == 1, result.problems
    assert not verify_archive(_archive("item")[0]).ok
    assert "added" in verify_archive(_archive("added")[0]).problems[0]
    other, _ = _archive()
    assert "not a trusted key" in verify_archive(other, trusted_public_keys=[pem]).problems[0]
    assert not verify_archive(b"not a tar").ok
