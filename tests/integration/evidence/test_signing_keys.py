"""GET /v1/signing-keys: the public keys of audit and evidence signing, pinned for offline checks."""

from __future__ import annotations

import base64
from collections.abc import Callable

import httpx
from cryptography.hazmat.primitives import serialization

from companyos_server.core.spine.store import EvidenceItem, verify_archive
from companyos_server.platform.runtime import Runtime
from tests.integration.search.test_search_api import member

Mint = Callable[..., str]


def new_pack(runtime: Runtime) -> str:
    pack = runtime.evidence.create_pack(
        tenant_id="acme", title="Rollback evidence", subject="deployment:dep_1",
        items=[EvidenceItem("steps.json", b'{"ok": true}')], lineage={"inputs": [], "process": "test", "outputs": []},
        created_by="usr_alice",
    )  # fmt: skip
    return str(pack["id"])


async def test_keys_are_public_complete_and_pin_archives(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    first = new_pack(runtime)
    runtime.audit.record("acme", actor="usr_a", actor_kind="user", action="x:y", resource="t:1",
                         outcome="success", status=200, request_id=None)  # fmt: skip
    r = await client.get("/v1/signing-keys")  # no token: public keys are public
    assert r.status_code == 200, r.text
    keys = r.json()["keys"]
    assert {k["use"] for k in keys} == {"audit", "evidence"}
    for use in ("audit", "evidence"):
        assert sum(k["current"] for k in keys if k["use"] == use) == 1
    for key in keys:
        raw = base64.urlsafe_b64decode(key["x"] + "=" * (-len(key["x"]) % 4))
        pem = serialization.load_pem_public_key(key["pem"].encode())
        assert raw == pem.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        assert (key["kty"], key["crv"], key["alg"]) == ("OKP", "Ed25519", "EdDSA")

    # After a rotation the old key stays published (old packs still verify) and the new one signs.
    old = next(k["kid"] for k in keys if k["use"] == "evidence" and k["current"])
    new = runtime.evidence.keyring.rotate()
    second = new_pack(runtime)
    evidence = (await client.get("/v1/signing-keys", params={"use": "evidence"})).json()["keys"]
    assert {k["use"] for k in evidence} == {"evidence"}
    assert {k["kid"]: k["current"] for k in evidence} == {old: False, new: True}

    pinned = [k["pem"].encode() for k in evidence]
    headers = member(mint, "acme", "viewer")
    for pack_id in (first, second):
        archive = (
            await client.get(f"/v1/tenants/acme/evidence-packs/{pack_id}/archive", headers=headers)
        ).content
        assert verify_archive(archive, pinned)["ok"] is True
        # The audit keys are not evidence keys: pinned to them, the archive's own key is not trusted.
        audit_keys = [k["pem"].encode() for k in keys if k["use"] == "audit"]
        checked = verify_archive(archive, audit_keys)
        assert checked["ok"] is False and any("trust" in p for p in checked["problems"]), checked

    assert (await client.get("/v1/signing-keys", params={"use": "jwt"})).status_code == 400
