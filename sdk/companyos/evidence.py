"""Offline verification of evidence pack archives (``client.evidence.download(...)``), with no server code.

An archive is a ``.tar.gz`` holding ``manifest.json`` (the exact bytes that were signed),
``manifest.sig`` (Ed25519 over those bytes, base64url without padding), ``public_key.pem`` and
``items/<sha256>`` for every item the manifest lists. :func:`verify_archive` checks the signature, that the
manifest's ``key_id`` is the archive key's id (``ek_`` + 16 hex digits of SHA-256 of the raw key), that
every item is present with its digest and size, and that nothing was added. Pass ``trusted_public_keys``
(PEM or raw 32-byte keys you got out of band) to also require a known signer — without it the archive
only proves it is self-consistent.

``cryptography`` is imported only when a signature is checked.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

__all__ = ["ArchiveVerification", "key_id_for", "verify_archive"]


@dataclass
class ArchiveVerification:
    """The outcome: ``ok`` only when ``problems`` is empty."""

    ok: bool = False
    problems: list[str] = field(default_factory=list)
    pack_id: str | None = None
    key_id: str | None = None
    items: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": list(self.problems), "pack_id": self.pack_id,
                "key_id": self.key_id, "items": self.items}  # fmt: skip


def _load_public_key(data: bytes) -> Ed25519PublicKey | None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        if len(data) == 32:
            return Ed25519PublicKey.from_public_bytes(data)
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        return None
    return key if isinstance(key, Ed25519PublicKey) else None


def key_id_for(public_key: Ed25519PublicKey) -> str:
    """``ek_`` + the first 16 hex digits of SHA-256 of the raw public key (the server's key id)."""
    from cryptography.hazmat.primitives import serialization

    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "ek_" + hashlib.sha256(raw).hexdigest()[:16]


def _signature_ok(public_key: Ed25519PublicKey, signature: str, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        public_key.verify(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def _members(data: bytes, problems: list[str]) -> dict[str, bytes] | None:
    files: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for member in tar.getmembers():
                if not member.isfile():
                    problems.append(f"unexpected archive member {member.name!r} (not a regular file)")
                    continue
                name = member.name.split("/", 1)[1] if "/" in member.name else member.name
                extracted = tar.extractfile(member)
                files[name] = extracted.read() if extracted else b""
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        problems.append(f"not a readable evidence archive: {exc}")
        return None
    return files


def verify_archive(data: bytes, trusted_public_keys: list[bytes] | None = None) -> ArchiveVerification:
    """Check an evidence archive offline: a changed, removed or added item, a changed manifest, a bad
    (or, with ``trusted_public_keys``, untrusted) signature are all reported in ``problems``."""
    result = ArchiveVerification()
    problems = result.problems
    files = _members(data, problems)
    if files is None:
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
    result.pack_id, result.key_id = manifest.get("pack_id"), manifest.get("key_id")
    public = _load_public_key(key_bytes) if key_bytes else None
    if public is None:
        problems.append("public_key.pem is missing or not an Ed25519 public key")
    else:
        key_id = key_id_for(public)
        if key_id != manifest.get("key_id"):
            problems.append("the manifest's key_id does not match the archive's public key")
        if trusted_public_keys is not None:
            trusted = {key_id_for(k) for k in map(_load_public_key, trusted_public_keys) if k is not None}
            if key_id not in trusted:
                problems.append(f"the signing key {key_id} is not a trusted key")
        if not signature:
            problems.append("manifest.sig is missing")
        elif not _signature_ok(public, signature, manifest_bytes):
            problems.append("the manifest signature is not valid (manifest changed or signature forged)")
    expected: dict[str, dict[str, Any]] = {}
    for item in manifest["items"]:
        if isinstance(item, dict) and isinstance(item.get("sha256"), str):
            expected.setdefault(item["sha256"], item)
    result.items = len(manifest["items"])
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
    result.ok = not problems
    return result
