"""The public halves of the platform's signing keys, so audit chains and evidence archives can be checked
offline against keys the verifier pinned (not against a key the archive itself carries).

Every key ever used stays listed (old signatures must stay verifiable); ``current`` marks the one that
signs now. Reading never generates a key.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from companyos_server.platform.runtime import Runtime


class _Keyring(Protocol):
    directory: Path

    def key_ids(self) -> list[str]: ...

    def public_key(self, key_id: str) -> Ed25519PublicKey | None: ...


def _current(keyring: _Keyring) -> str | None:
    marker = keyring.directory / "current"
    return marker.read_text().strip() if marker.exists() else None


def _entries(keyring: _Keyring, use: str) -> list[dict[str, Any]]:
    current = _current(keyring)
    entries = []
    for key_id in keyring.key_ids():
        key = keyring.public_key(key_id)
        if key is None:
            continue  # a tampered or foreign file: never published as ours
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        pem = key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        entries.append(
            {
                "kid": key_id,
                "use": use,
                "kty": "OKP",
                "crv": "Ed25519",
                "alg": "EdDSA",
                "x": base64.urlsafe_b64encode(raw).decode().rstrip("="),
                "pem": pem.decode("ascii"),
                "current": key_id == current,
            }
        )
    return entries


def signing_keys(runtime: Runtime, use: str | None = None) -> dict[str, Any]:
    keyrings: dict[str, _Keyring] = {"audit": runtime.audit.keyring, "evidence": runtime.evidence.keyring}
    keys = [entry for name, ring in keyrings.items() if use in (None, name) for entry in _entries(ring, name)]
    return {"keys": keys}
