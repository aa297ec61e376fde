"""Ed25519 audit signing keys under ``var_dir/keys/audit/``.

Layout: ``<key_id>.key`` (PKCS#8 PEM, mode 600), ``<key_id>.pub`` (SubjectPublicKeyInfo PEM) and
``current`` (the id of the key that signs new events). Rotation writes a new pair and moves
``current``; old public keys stay, so events signed before a rotation still verify.
A key id is ``ak_`` + the first 16 hex digits of the SHA-256 of the raw public key.
"""

from __future__ import annotations

import base64
import hashlib
import threading
from collections.abc import Callable
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from companyos_server.platform.files import private_dir, write_private

__all__ = ["AuditKeyring", "key_id_for"]


def key_id_for(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "ak_" + hashlib.sha256(raw).hexdigest()[:16]


class AuditKeyring:
    """The audit signing key (generated on first use) and every public key ever used."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._private: tuple[str, Ed25519PrivateKey] | None = None
        self._public: dict[str, Ed25519PublicKey] = {}

    # -- signing ---------------------------------------------------------------------------
    def current(self) -> tuple[str, Ed25519PrivateKey]:
        """(key id, private key) of the signing key, generating one on first use."""
        with self._lock:
            if self._private is None:
                self._private = self._load_current() or self._generate()
            return self._private

    def sign(self, message: bytes) -> tuple[str, str]:
        """Sign ``message``; returns (key id, base64url signature without padding)."""
        key_id, key = self.current()
        return key_id, base64.urlsafe_b64encode(key.sign(message)).decode().rstrip("=")

    def sign_as_current(self, message_for: Callable[[str], bytes]) -> tuple[str, str]:
        """Sign a message that names its own key id: ``message_for(key_id)`` is built and signed with that
        key, even if another thread rotates the keyring meanwhile. Returns (key id, signature)."""
        key_id, key = self.current()
        return key_id, base64.urlsafe_b64encode(key.sign(message_for(key_id))).decode().rstrip("=")

    def rotate(self) -> str:
        """Make a fresh key the signing key; returns its id. Old public keys are kept."""
        with self._lock:
            self._private = self._generate()
            return self._private[0]

    # -- verifying -------------------------------------------------------------------------
    def public_key(self, key_id: str) -> Ed25519PublicKey | None:
        if key_id in self._public:
            return self._public[key_id]
        if not key_id.replace("_", "").isalnum():
            return None
        path = self.directory / f"{key_id}.pub"
        if not path.exists():
            return None
        key = serialization.load_pem_public_key(path.read_bytes())
        if not isinstance(key, Ed25519PublicKey) or key_id_for(key) != key_id:
            return None
        self._public[key_id] = key
        return key

    def verify(self, key_id: str, signature: str, message: bytes) -> bool:
        key = self.public_key(key_id)
        if key is None or not signature:
            return False
        try:
            key.verify(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)), message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def key_ids(self) -> list[str]:
        return sorted(p.stem for p in self.directory.glob("ak_*.pub"))

    # -- files -----------------------------------------------------------------------------
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
        public = key.public_key()
        key_id = key_id_for(public)
        write_private(
            self.directory / f"{key_id}.key",
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ),
        )
        write_private(
            self.directory / f"{key_id}.pub",
            public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
        )
        write_private(self.directory / "current", key_id.encode() + b"\n")
        self._public[key_id] = public
        return key_id, key
