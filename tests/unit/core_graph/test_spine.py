"""Data Spine: content addressing, signed manifests, lineage, offline tamper detection."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from companyos_server.core.spine.signing import public_pem
from companyos_server.core.spine.store import EvidenceItem, EvidenceStore, verify_archive
from companyos_server.errors import DomainError
from companyos_server.platform.runtime import Runtime

REPO = Path(__file__).resolve().parents[3]


def make_pack(store: EvidenceStore, tenant: str = "acme", subject: str = "deployment:dep_1") -> dict:
    return store.create_pack(
        tenant_id=tenant,
        title="Rollback of api v42",
        subject=subject,
        items=[
            EvidenceItem("plan.json", b'{"steps": 3}'),
            EvidenceItem("log.txt", b"rolled back\n", "text/plain"),
            EvidenceItem("copy.json", b'{"steps": 3}'),
        ],
        lineage={
            "inputs": ["alert:alt_1", "plan:pln_1"],
            "process": "maestro:rollback",
            "outputs": [subject],
        },
        created_by="usr_alice",
    )


def rewrite(archive: bytes, change) -> bytes:
    """Unpack, let ``change(files)`` edit the {name: bytes} dict, repack."""
    files: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        prefix = tar.getmembers()[0].name.split("/")[0]
        for m in tar.getmembers():
            files[m.name.split("/", 1)[1]] = tar.extractfile(m).read()
    change(files)
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"{prefix}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue())


def test_pack_is_content_addressed_signed_and_linked(runtime: Runtime) -> None:
    store = runtime.evidence
    pack = make_pack(store)
    digests = [i["sha256"] for i in pack["items"]]
    assert digests[0] == digests[2]  # same content, same address
    blob_dir = runtime.settings.var_dir / "evidence" / "acme"
    assert sorted(p.name for p in blob_dir.iterdir()) == sorted(set(digests))
    assert pack["items"][1] == {
        "name": "log.txt", "sha256": digests[1], "size": 12, "media_type": "text/plain",
    }  # fmt: skip
    assert store.get_pack("acme", pack["id"])["signature"] == pack["signature"]
    assert pack["key_id"].startswith("ek_")
    neighbours = runtime.graph.neighbours("acme", "deployment:dep_1")
    assert [(e["src"], e["relation"], e["dst"]) for e in neighbours["edges"]] == [
        (f"evidence_pack:{pack['id']}", "evidences", "deployment:dep_1")
    ]
    with pytest.raises(DomainError) as exc:
        store.get_pack("globex", pack["id"])
    assert exc.value.status == 404


def test_list_packs_filters_by_subject_and_tenant(runtime: Runtime) -> None:
    store = runtime.evidence
    first = make_pack(store)
    second = make_pack(store, subject="incident:inc_9")
    make_pack(store, tenant="globex")
    assert [p["id"] for p in store.list_packs("acme").items] == [second["id"], first["id"]]
    assert [p["id"] for p in store.list_packs("acme", subject="incident:inc_9").items] == [second["id"]]
    page = store.list_packs("acme", page_size=1)
    assert page.next_page_token
    assert [
        p["id"] for p in store.list_packs("acme", page_size=1, page_token=page.next_page_token).items
    ] == [first["id"]]


def test_lineage_records_inputs_process_outputs(runtime: Runtime) -> None:
    store = runtime.evidence
    pack = make_pack(store)
    lineage = store.lineage("acme", "deployment:dep_1")
    assert lineage["upstream"] == ["alert:alt_1", "plan:pln_1"]
    assert [r["process"] for r in lineage["records"]] == ["maestro:rollback"]
    assert lineage["records"][0]["pack_id"] == pack["id"]
    assert store.lineage("acme", "alert:alt_1")["downstream"] == ["deployment:dep_1"]
    assert store.lineage("globex", "alert:alt_1")["records"] == []


def test_untampered_archive_verifies(runtime: Runtime) -> None:
    store = runtime.evidence
    pack = make_pack(store)
    archive = store.archive("acme", pack["id"])
    assert archive == store.archive("acme", pack["id"])  # deterministic
    report = verify_archive(archive)
    assert report == {"ok": True, "problems": [], "pack_id": pack["id"], "key_id": pack["key_id"], "items": 3}
    trusted = public_pem(store.keyring.public_key(pack["key_id"]))
    assert verify_archive(archive, [trusted])["ok"]


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (lambda f, d: f.__setitem__(f"items/{d}", b'{"steps": 4}'), "was changed"),
        (lambda f, d: f.pop(f"items/{d}"), "missing from the archive"),
        (lambda f, d: f.__setitem__("items/" + "0" * 64, b"extra"), "not in the manifest"),
        (
            lambda f, d: f.__setitem__(
                "manifest.json", f["manifest.json"].replace(b"usr_alice", b"usr_mallo")
            ),
            "signature is not valid",
        ),
        (lambda f, d: f.__setitem__("manifest.sig", b"A" * 86), "signature is not valid"),
        (lambda f, d: f.pop("manifest.sig"), "manifest.sig is missing"),
    ],
    ids=["changed-item", "removed-item", "added-item", "changed-manifest", "bad-signature", "no-signature"],
)
def test_tampering_is_detected(runtime: Runtime, tamper, expected: str) -> None:
    store = runtime.evidence
    pack = make_pack(store)
    digest = pack["items"][0]["sha256"]
    report = verify_archive(rewrite(store.archive("acme", pack["id"]), lambda f: tamper(f, digest)))
    assert report["ok"] is False
    assert any(expected in p for p in report["problems"]), report["problems"]


def test_resigned_with_another_key_is_untrusted(runtime: Runtime) -> None:
    """A forger who re-signs a changed manifest with their own key is caught by the trusted key list."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from companyos_server.core.spine.signing import key_id_for
    from companyos_server.core.spine.store import canonical_json

    store = runtime.evidence
    pack = make_pack(store)
    genuine = public_pem(store.keyring.public_key(pack["key_id"]))
    forger = Ed25519PrivateKey.generate()

    def forge(files: dict[str, bytes]) -> None:
        manifest = json.loads(files["manifest.json"])
        manifest["created_by"] = "usr_mallory"
        manifest["key_id"] = key_id_for(forger.public_key())
        body = canonical_json(manifest)
        import base64

        files["manifest.json"] = body
        files["manifest.sig"] = base64.urlsafe_b64encode(forger.sign(body)).rstrip(b"=")
        files["public_key.pem"] = public_pem(forger.public_key())

    forged = rewrite(store.archive("acme", pack["id"]), forge)
    assert verify_archive(forged)["ok"] is True  # self-consistent...
    report = verify_archive(forged, [genuine])  # ...but not signed by a key we trust
    assert report["ok"] is False and "not a trusted key" in report["problems"][0]


def test_rotation_keeps_old_packs_verifiable(runtime: Runtime) -> None:
    store = runtime.evidence
    old = make_pack(store)
    new_key = store.keyring.rotate()
    new = make_pack(store)
    assert new["key_id"] == new_key != old["key_id"]
    assert verify_archive(store.archive("acme", old["id"]))["ok"]
    assert verify_archive(store.archive("acme", new["id"]))["ok"]


def test_cli_exits_1_on_tampering(runtime: Runtime, tmp_path: Path) -> None:
    store = runtime.evidence
    pack = make_pack(store)
    good = tmp_path / "good.tar.gz"
    good.write_bytes(store.archive("acme", pack["id"]))
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(rewrite(good.read_bytes(), lambda f: f.__setitem__("manifest.sig", b"A" * 86)))
    cmd = [sys.executable, "-m", "companyos_server.core.spine", "verify"]
    ok = subprocess.run([*cmd, str(good)], capture_output=True, text=True, cwd=REPO)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert json.loads(ok.stdout)["ok"] is True
    failed = subprocess.run([*cmd, str(bad)], capture_output=True, text=True, cwd=REPO)
    assert failed.returncode == 1
    assert json.loads(failed.stdout)["problems"]


def test_invalid_input_is_rejected(runtime: Runtime) -> None:
    store = runtime.evidence
    with pytest.raises(DomainError):
        store.create_pack(
            tenant_id="acme",
            title="x",
            subject="deployment:d",
            items=[],
            lineage={"process": "p"},
            created_by="u",
        )
    with pytest.raises(DomainError):
        store.create_pack(
            tenant_id="acme", title="x", subject="deployment:d", items=[EvidenceItem("a", b"1")],
            lineage={"process": ""}, created_by="u",
        )  # fmt: skip
    assert verify_archive(b"not an archive")["ok"] is False
