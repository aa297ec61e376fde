"""Ed25519 keys that sign evidence manifests, under ``var_dir/keys/evidence/``.

Layout: ``<key_id>.key`` (PKCS#8 PEM, mode 600), ``<key_id>.pub`` (SubjectPublicKeyInfo PEM) and
``current``. Rotation writes a new pair and moves ``current``; old public keys stay so packs signed
before a rotation still verify. A key id is ``ek_`` + 16 hex digits of SHA-256(raw public key).
"""

from __future__ import annotations

import base64
import hashlib
import threading
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from companyos_server.platform.files import private_dir, write_private

__all__ = ["EvidenceKeyring", "key_id_for", "load_public_key", "public_pem", "verify_signature"]


def key_id_for(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "ek_" + hashlib.sha256(raw).hexdigest()[:16]


def public_pem(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_public_key(data: bytes) -> Ed25519PublicKey | None:
    """A PEM (SubjectPublicKeyInfo) or raw 32-byte Ed25519 public key; None when it is neither."""
    try:
        if len(data) == 32:
            return Ed25519PublicKey.from_public_bytes(data)
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        return None
    return key if isinstance(key, Ed25519PublicKey) else None


def verify_signature(public_key: Ed25519PublicKey, signature: str, message: bytes) -> bool:
    try:
        public_key.verify(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)), message)
    except (InvalidSignature, ValueError):
        return False
    return True


class EvidenceKeyring:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._private: tuple[str, Ed25519PrivateKey] | None = None

    def current(self) -> tuple[str, Ed25519PrivateKey]:
        with self._lock:
            if self._private is None:
                self._private = self._load_current() or self._generate()
            return self._private

    def sign(self, message: bytes) -> tuple[str, str]:
        """(key id, base64url signature without padding)."""
        key_id, key = self.current()
        return key_id, base64.urlsafe_b64encode(key.sign(message)).decode().rstrip("=")

    def rotate(self) -> str:
        with self._lock:
            self._private = self._generate()
            return self._private[0]

    def public_key(self, key_id: str) -> Ed25519PublicKey | None:
        if not key_id.replace("_", "").isalnum():
            return None
        path = self.directory / f"{key_id}.pub"
        if not path.exists():
            return None
        key = load_public_key(path.read_bytes())
        return key if key is not None and key_id_for(key) == key_id else None

    def key_ids(self) -> list[str]:
        return sorted(p.stem for p in self.directory.glob("ek_*.pub"))

    def _load_current(self) -> tuple[str, Ed25519PrivateKey] | None:
        marker = self.directory / "current"
        if not marker.exists():
            return None
        key_id = marker.read_text().strip()
        path = self.directory / f"{key_id}.key"
        if not path.exists():
            return None
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} is not an Ed25519 private key")
        return key_id, key

    def _generate(self) -> tuple[str, Ed25519PrivateKey]:
        private_dir(self.directory)
        key = Ed25519PrivateKey.generate()
        key_id = key_id_for(key.public_key())
        private = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        write_private(self.directory / f"{key_id}.key", private)
        write_private(self.directory / f"{key_id}.pub", public_pem(key.public_key()))
        write_private(self.directory / "current", key_id.encode() + b"\n")
        return key_id, key
