"""Ed25519 detached signatures in OpenSSH's SSHSIG format (PROTOCOL.sshsig), made and checked with
`cryptography` only, so `ssh-keygen -Y verify` can check them as well:

    ssh-keygen -Y verify -f allowed_signers -I release@companyos.dev -n companyos-release \
        -s SHA256SUMS.sig < SHA256SUMS
"""

from __future__ import annotations

import base64
import hashlib
import os
import struct
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

NAMESPACE = "companyos-release"
IDENTITY = "release@companyos.dev"
MAGIC = b"SSHSIG"
HASH_ALG = "sha512"
KEY_TYPE = "ssh-ed25519"
BEGIN = "-----BEGIN SSH SIGNATURE-----"
END = "-----END SSH SIGNATURE-----"


class SignatureError(Exception):
    pass


def _string(data: bytes | str) -> bytes:
    raw = data.encode() if isinstance(data, str) else data
    return struct.pack(">I", len(raw)) + raw


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise SignatureError("truncated signature")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def u32(self) -> int:
        return int(struct.unpack(">I", self.take(4))[0])

    def string(self) -> bytes:
        return self.take(self.u32())


def public_blob(key: Ed25519PublicKey) -> bytes:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _string(KEY_TYPE) + _string(raw)


def openssh_public(key: Ed25519PublicKey, comment: str = IDENTITY) -> str:
    return f"{KEY_TYPE} {base64.b64encode(public_blob(key)).decode()} {comment}"


def _signed_data(message: bytes, namespace: str) -> bytes:
    digest = hashlib.sha512(message).digest()
    return MAGIC + _string(namespace) + _string(b"") + _string(HASH_ALG) + _string(digest)


def sign(message: bytes, key: Ed25519PrivateKey, namespace: str = NAMESPACE) -> str:
    signature = key.sign(_signed_data(message, namespace))
    blob = (
        MAGIC
        + struct.pack(">I", 1)
        + _string(public_blob(key.public_key()))
        + _string(namespace)
        + _string(b"")
        + _string(HASH_ALG)
        + _string(_string(KEY_TYPE) + _string(signature))
    )
    b64 = base64.b64encode(blob).decode()
    body = "\n".join(b64[i : i + 70] for i in range(0, len(b64), 70))
    return f"{BEGIN}\n{body}\n{END}\n"


def verify(message: bytes, armored: str, trusted: Ed25519PublicKey, namespace: str = NAMESPACE) -> None:
    """Raise SignatureError unless `armored` is a valid SSHSIG by `trusted` over `message` in `namespace`."""
    text = armored.strip()
    if not (text.startswith(BEGIN) and text.endswith(END)):
        raise SignatureError("not an SSH signature (armor missing)")
    try:
        blob = base64.b64decode("".join(text[len(BEGIN) : -len(END)].split()), validate=True)
    except ValueError as exc:
        raise SignatureError(f"bad base64 in signature: {exc}") from exc
    r = _Reader(blob)
    if r.take(6) != MAGIC or r.u32() != 1:
        raise SignatureError("not an SSHSIG v1 signature")
    pub = r.string()
    ns = r.string().decode(errors="replace")
    r.string()  # reserved
    hash_alg = r.string().decode(errors="replace")
    sig_blob = r.string()
    if r.pos != len(blob):
        raise SignatureError("trailing data in signature")
    if ns != namespace:
        raise SignatureError(f"signature namespace is {ns!r}, expected {namespace!r}")
    if hash_alg != HASH_ALG:
        raise SignatureError(f"unsupported hash {hash_alg!r}")
    if pub != public_blob(trusted):
        raise SignatureError("signed by a key that is not the trusted release key")
    s = _Reader(sig_blob)
    if s.string() != KEY_TYPE.encode():
        raise SignatureError("not an Ed25519 signature")
    raw = s.string()
    try:
        trusted.verify(raw, _signed_data(message, namespace))
    except InvalidSignature as exc:
        raise SignatureError("BAD signature") from exc


def load_private_key(path: Path) -> Ed25519PrivateKey:
    data = path.read_bytes()
    password = os.environ.get("COMPANYOS_RELEASE_KEY_PASSWORD")
    pw = password.encode() if password else None
    key: object
    if b"OPENSSH PRIVATE KEY" in data:
        key = serialization.load_ssh_private_key(data, password=pw)
    else:
        key = serialization.load_pem_private_key(data, password=pw)
    if not isinstance(key, Ed25519PrivateKey):
        raise SignatureError(f"{path} is not an Ed25519 private key")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    data = path.read_bytes()
    key = (
        serialization.load_pem_public_key(data)
        if b"BEGIN PUBLIC KEY" in data
        else serialization.load_ssh_public_key(data.strip().split(b"\n")[0])
    )
    if not isinstance(key, Ed25519PublicKey):
        raise SignatureError(f"{path} is not an Ed25519 public key")
    return key


def generate_dev_key(directory: Path) -> Path:
    """Create var/release-key/release-key.pem (+ .pub) for development signing (mode 600)."""
    directory.mkdir(parents=True, exist_ok=True)
    private = directory / "release-key.pem"
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    (directory / "release-key.pub").write_text(
        openssh_public(key.public_key(), "companyos-dev-release-key") + "\n"
    )
    return private
