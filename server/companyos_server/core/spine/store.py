"""Data Spine: content-addressed evidence packs with a signed manifest, lineage records, and
archives that verify offline.

* Items are stored once per tenant by SHA-256 under ``var_dir/evidence/<tenant>/<sha256>``.
* The manifest (pack id, tenant, subject ref, items with name/sha256/size/media_type, lineage
  ``{inputs, process, outputs}``, created_at, created_by, key_id) is canonical JSON signed with
  Ed25519 (:mod:`.signing`).
* A pack is an IntelGraph entity (``evidence_pack:<id>``) linked ``evidences`` → its subject.
* :meth:`EvidenceStore.archive` returns a ``.tar.gz`` with ``manifest.json``, ``manifest.sig``,
  ``public_key.pem`` and ``items/<sha256>``; :func:`verify_archive` checks one with no database.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import tarfile
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.core.intelgraph.graph import IntelGraph, split_ref
from companyos_server.core.spine.models import EvidencePackRow, LineageRecordRow, LineageRefRow
from companyos_server.core.spine.signing import (
    EvidenceKeyring,
    key_id_for,
    load_public_key,
    public_pem,
    verify_signature,
)
from companyos_server.platform.files import private_dir, write_private
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

MANIFEST_SCHEMA = "companyos.evidence/v1"
MAX_ITEMS = 200
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TENANT_DIR = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


@dataclass
class EvidenceItem:
    name: str
    content: bytes
    media_type: str = "application/json"


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _validate_lineage(lineage: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(lineage, dict):
        raise errors.invalid_argument(
            "lineage must be an object.", [errors.FieldError("lineage", "not an object")]
        )
    inputs, outputs = lineage.get("inputs", []), lineage.get("outputs", [])
    process = lineage.get("process", "")
    for field, refs in (("inputs", inputs), ("outputs", outputs)):
        if not isinstance(refs, list):
            raise errors.invalid_argument(
                f"lineage.{field} must be a list of refs.",
                [errors.FieldError(f"lineage.{field}", "not a list")],
            )
        for ref in refs:
            split_ref(ref)
    if not isinstance(process, str) or not process:
        raise errors.invalid_argument(
            "lineage.process must name the process.", [errors.FieldError("lineage.process", "required")]
        )
    return {"inputs": list(inputs), "process": process, "outputs": list(outputs)}


def pack_to_dict(row: EvidencePackRow) -> dict[str, Any]:
    manifest = dict(row.manifest)
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "title": row.title,
        "subject": row.subject,
        "items": manifest.get("items", []),
        "lineage": manifest.get("lineage", {}),
        "created_at": row.created_at,
        "created_by": row.created_by,
        "key_id": row.key_id,
        "signature": row.signature,
        "manifest_sha256": hashlib.sha256(row.manifest_json.encode("utf-8")).hexdigest(),
    }


def _record_to_dict(row: LineageRecordRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "pack_id": row.pack_id,
        "inputs": list(row.inputs or []),
        "process": row.process,
        "outputs": list(row.outputs or []),
        "created_by": row.created_by,
        "created_at": row.created_at,
    }


class EvidenceStore:
    def __init__(self, db: Database, var_dir: Path) -> None:
        self.db = db
        self.var_dir = Path(var_dir)
        self.keyring = EvidenceKeyring(self.var_dir / "keys" / "evidence")
        self.graph = IntelGraph(db)

    # -- blobs -----------------------------------------------------------------------------
    def _blob_dir(self, tenant_id: str) -> Path:
        if not _TENANT_DIR.match(tenant_id) or tenant_id in {".", ".."}:
            raise ValueError(f"unsafe tenant id for a path: {tenant_id!r}")
        return self.var_dir / "evidence" / tenant_id

    def blob_path(self, tenant_id: str, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError("not a sha256 hex digest")
        return self._blob_dir(tenant_id) / sha256

    def _put_blob(self, tenant_id: str, content: bytes) -> str:
        digest = hashlib.sha256(content).hexdigest()
        path = self.blob_path(tenant_id, digest)
        if not path.exists():
            private_dir(path.parent)
            write_private(path, content)
        return digest

    # -- packs -----------------------------------------------------------------------------
    def create_pack(
        self,
        *,
        tenant_id: str,
        title: str,
        subject: str,
        items: list[EvidenceItem],
        lineage: dict[str, Any],
        created_by: str,
        session: Session | None = None,
    ) -> dict[str, Any]:
        if not tenant_id:
            raise ValueError("tenant_id is required")
        split_ref(subject)
        clean_lineage = _validate_lineage(lineage)
        if not items or len(items) > MAX_ITEMS:
            raise errors.invalid_argument(f"an evidence pack holds 1 to {MAX_ITEMS} items.")
        names = [i.name for i in items]
        if len(set(names)) != len(names) or any(not n or "/" in n for n in names):
            raise errors.invalid_argument("item names must be unique, non-empty and contain no '/'.")
        pack_id = new_id("evp")
        created_at = utcnow()
        manifest_items = [
            {
                "name": item.name,
                "sha256": self._put_blob(tenant_id, item.content),
                "size": len(item.content),
                "media_type": item.media_type,
            }
            for item in items
        ]
        key_id, _ = self.keyring.current()
        manifest = {
            "schema": MANIFEST_SCHEMA,
            "pack_id": pack_id,
            "tenant_id": tenant_id,
            "title": title,
            "subject": subject,
            "items": manifest_items,
            "lineage": clean_lineage,
            "created_at": created_at.isoformat().replace("+00:00", "Z"),
            "created_by": created_by,
            "key_id": key_id,
        }
        manifest_bytes = canonical_json(manifest)
        signed_by, signature = self.keyring.sign(manifest_bytes)
        if signed_by != key_id:  # rotated between the two calls: re-sign under the new key
            manifest["key_id"] = signed_by
            manifest_bytes = canonical_json(manifest)
            signed_by, signature = self.keyring.sign(manifest_bytes)
        row = EvidencePackRow(
            id=pack_id, tenant_id=tenant_id, title=title, subject=subject, manifest=manifest,
            manifest_json=manifest_bytes.decode("utf-8"), signature=signature, key_id=signed_by,
            created_by=created_by, created_at=created_at,
        )  # fmt: skip
        scope: AbstractContextManager[Session] = (
            nullcontext(session) if session is not None else self.db.session()
        )
        with scope as s:
            s.add(row)
            self._add_lineage(s, tenant_id, pack_id, subject, clean_lineage, created_by)
            pack_ref = self.graph.upsert_entity(
                s, tenant_id=tenant_id, kind="evidence_pack", entity_id=pack_id, name=title,
                attributes={"subject": subject, "items": len(manifest_items)},
                text=" ".join(names), actor=created_by,
            )  # fmt: skip
            self.graph.link(
                s, tenant_id=tenant_id, src=pack_ref, relation="evidences", dst=subject, actor=created_by
            )
            s.flush()
            return pack_to_dict(row)

    def _add_lineage(
        self,
        session: Session,
        tenant_id: str,
        pack_id: str,
        subject: str,
        lineage: dict[str, Any],
        actor: str,
    ) -> None:
        record = LineageRecordRow(
            id=new_id("lin"), tenant_id=tenant_id, pack_id=pack_id, process=lineage["process"],
            inputs=lineage["inputs"], outputs=lineage["outputs"], created_by=actor, created_at=utcnow(),
        )  # fmt: skip
        session.add(record)
        roles = [(r, "input") for r in lineage["inputs"]] + [(r, "output") for r in lineage["outputs"]]
        roles.append((subject, "subject"))
        for ref, role in dict.fromkeys(roles):
            session.add(
                LineageRefRow(id=new_id("lrf"), tenant_id=tenant_id, record_id=record.id, ref=ref, role=role)
            )

    def get_pack(self, tenant_id: str, pack_id: str) -> dict[str, Any]:
        with self.db.session() as session:
            return pack_to_dict(self._row(session, tenant_id, pack_id))

    @staticmethod
    def _row(session: Session, tenant_id: str, pack_id: str) -> EvidencePackRow:
        row = session.scalars(
            tenant_select(EvidencePackRow, tenant_id).where(EvidencePackRow.id == pack_id)
        ).first()
        if row is None:
            raise errors.not_found("Evidence pack", pack_id)
        return row

    def list_packs(
        self,
        tenant_id: str,
        *,
        subject: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> Page[dict[str, Any]]:
        """Newest first."""

        def fetch(after: str | None, limit: int) -> list[EvidencePackRow]:
            query = tenant_select(EvidencePackRow, tenant_id)
            if subject:
                query = query.where(EvidencePackRow.subject == subject)
            if after:
                query = query.where(EvidencePackRow.id < after)
            return list(session.scalars(query.order_by(EvidencePackRow.id.desc()).limit(limit)))

        with self.db.session() as session:
            page = paginate(
                fetch, key=lambda r: r.id, page_size=page_size, page_token=page_token,
                filters={"tenant": tenant_id, "subject": subject},
            )  # fmt: skip
            return Page([pack_to_dict(r) for r in page.items], page.next_page_token)

    def archive(self, tenant_id: str, pack_id: str) -> bytes:
        """A deterministic ``.tar.gz``: manifest.json, manifest.sig, public_key.pem, items/<sha256>."""
        with self.db.session() as session:
            row = self._row(session, tenant_id, pack_id)
            manifest_bytes, signature, key_id = row.manifest_json.encode("utf-8"), row.signature, row.key_id
            digests = sorted({i["sha256"] for i in row.manifest["items"]})
            mtime = int(row.created_at.timestamp())
        public = self.keyring.public_key(key_id)
        if public is None:
            raise errors.failed_precondition(f"The public key '{key_id}' that signed this pack is missing.")
        members: list[tuple[str, bytes]] = [
            ("manifest.json", manifest_bytes),
            ("manifest.sig", signature.encode("ascii") + b"\n"),
            ("public_key.pem", public_pem(public)),
        ]
        for digest in digests:
            path = self.blob_path(tenant_id, digest)
            if not path.exists():
                raise errors.failed_precondition(f"Evidence item {digest} is missing from the store.")
            members.append((f"items/{digest}", path.read_bytes()))
        raw = io.BytesIO()
        with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for name, data in members:
                info = tarfile.TarInfo(f"{pack_id}/{name}")
                info.size, info.mtime, info.mode = len(data), mtime, 0o644
                tar.addfile(info, io.BytesIO(data))
        return gzip.compress(raw.getvalue(), mtime=mtime)

    # -- lineage ---------------------------------------------------------------------------
    def lineage(self, tenant_id: str, ref: str) -> dict[str, Any]:
        """Lineage records touching ``ref``, and the refs directly upstream and downstream of it."""
        split_ref(ref)
        with self.db.session() as session:
            links = list(
                session.scalars(tenant_select(LineageRefRow, tenant_id).where(LineageRefRow.ref == ref))
            )
            ids = sorted({link.record_id for link in links})
            records = list(
                session.scalars(
                    tenant_select(LineageRecordRow, tenant_id)
                    .where(LineageRecordRow.id.in_(ids))
                    .order_by(LineageRecordRow.created_at.desc(), LineageRecordRow.id.desc())
                )
            )
        upstream: dict[str, None] = {}
        downstream: dict[str, None] = {}
        for record in records:
            if ref in record.outputs:
                upstream.update(dict.fromkeys(r for r in record.inputs if r != ref))
            if ref in record.inputs:
                downstream.update(dict.fromkeys(r for r in record.outputs if r != ref))
        return {
            "ref": ref,
            "records": [_record_to_dict(r) for r in records],
            "upstream": list(upstream),
            "downstream": list(downstream),
        }


# -- offline verification ------------------------------------------------------------------
def verify_archive(data: bytes, trusted_public_keys: list[bytes] | None = None) -> dict[str, Any]:
    """Check an archive with no database: ``{"ok", "problems", "pack_id", "key_id", "items"}``.

    Detects a changed, removed or added item, a changed manifest, a bad or untrusted signature.
    ``trusted_public_keys`` (PEM or raw 32 bytes): when given, the archive's key must be one of them.
    """
    problems: list[str] = []
    result: dict[str, Any] = {"ok": False, "problems": problems, "pack_id": None, "key_id": None, "items": 0}
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            files: dict[str, bytes] = {}
            for member in tar.getmembers():
                if not member.isfile():
                    problems.append(f"unexpected archive member {member.name!r} (not a regular file)")
                    continue
                name = member.name.split("/", 1)[1] if "/" in member.name else member.name
                extracted = tar.extractfile(member)
                files[name] = extracted.read() if extracted else b""
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        problems.append(f"not a readable evidence archive: {exc}")
        return result
    manifest_bytes = files.pop("manifest.json", None)
    signature = files.pop("manifest.sig", b"").decode("ascii", "replace").strip()
    key_bytes = files.pop("public_key.pem", None)
    if manifest_bytes is None:
        problems.append("manifest.json is missing")
        return result
    try:
        manifest = json.loads(manifest_bytes)
        if not isinstance(manifest, dict) or not isinstance(manifest.get("items"), list):
            raise ValueError("manifest has no item list")
    except ValueError as exc:
        problems.append(f"manifest.json is not a valid manifest: {exc}")
        return result
    result["pack_id"], result["key_id"] = manifest.get("pack_id"), manifest.get("key_id")
    public = load_public_key(key_bytes) if key_bytes else None
    if public is None:
        problems.append("public_key.pem is missing or not an Ed25519 public key")
    else:
        if key_id_for(public) != manifest.get("key_id"):
            problems.append("the manifest's key_id does not match the archive's public key")
        if trusted_public_keys is not None:
            trusted = {
                key_id_for(k) for k in (load_public_key(b) for b in trusted_public_keys) if k is not None
            }
            if key_id_for(public) not in trusted:
                problems.append(f"the signing key {key_id_for(public)} is not a trusted key")
        if not signature:
            problems.append("manifest.sig is missing")
        elif not verify_signature(public, signature, manifest_bytes):
            problems.append("the manifest signature is not valid (manifest changed or signature forged)")
    expected: dict[str, dict[str, Any]] = {}
    for item in manifest["items"]:
        if isinstance(item, dict) and isinstance(item.get("sha256"), str):
            expected.setdefault(item["sha256"], item)
    result["items"] = len(manifest["items"])
    for digest, item in expected.items():
        content = files.pop(f"items/{digest}", None)
        if content is None:
            problems.append(f"item {item.get('name')!r} ({digest}) is missing from the archive")
            continue
        actual = hashlib.sha256(content).hexdigest()
        if actual != digest:
            problems.append(f"item {item.get('name')!r} was changed: sha256 {actual} != {digest}")
        elif len(content) != item.get("size"):
            problems.append(f"item {item.get('name')!r} size {len(content)} != {item.get('size')}")
    for extra in sorted(files):
        problems.append(f"archive member {extra!r} is not in the manifest (added)")
    result["ok"] = not problems
    return result
