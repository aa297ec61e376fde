"""Signed, chained checkpoints of each audit chain's head, and their witness copies.

The event chain proves that what is stored was not edited or reordered, but not that nothing was cut
off its end: delete the last events and rewind the (unsigned) ``audit_chain_heads`` row, or drop a
tenant's whole chain with its head, and what remains is a perfectly valid, shorter chain. A checkpoint
closes that gap the way a Certificate Transparency signed tree head or a CloudTrail digest file does: it
signs "chain C had ``size`` events, the last one hashing to ``head_hash``", with the audit keyring (which
an attacker with only database access cannot use), and it names the previous checkpoint's hash, so the
checkpoints form a chain of their own. Verification then demands that the events still reach every
checkpoint with the same hash at that position.

A checkpoint's ``hash`` is SHA-256 over the canonical JSON (sorted keys, no whitespace, UTF-8) of
``format``, ``chain``, ``seq`` (1, 2, …), ``size``, ``head_hash``, ``prev_hash`` (64 zeros for the
first), ``issued_at`` (ISO 8601 Z, microseconds) and ``key_id``; ``signature`` is Ed25519 over the
hash's ASCII hex. ``format`` separates the domains: no checkpoint hash can equal an event hash.

Checkpoints live in ``audit_checkpoints`` and are appended to ``<witness dir>/<chain>.jsonl`` (one JSON
document a line, files 0600 in a 0700 directory). The witness outlives anything done to the database:
deleting a chain, its head and its checkpoint rows still leaves the witness naming the chain and its
size. Point the witness directory at storage the database's administrators cannot rewrite (another
host's mount, an object-store sync with object lock) for that to hold against them too.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from companyos_server.platform.audit.models import GENESIS_HASH, AuditCheckpointRow
from companyos_server.platform.audit.signing import AuditKeyring
from companyos_server.platform.files import private_dir

__all__ = [
    "CHECKPOINT_FORMAT",
    "BackgroundWriter",
    "Problem",
    "Witness",
    "check_checkpoints",
    "checkpoint_hash",
    "row_to_checkpoint",
]

log = logging.getLogger("companyos.audit")

CHECKPOINT_FORMAT = "companyos-audit-checkpoint/1"
SIGNED_FIELDS = ("chain", "seq", "size", "head_hash", "prev_hash", "issued_at", "key_id")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
# Chain ids are tenant ids (validated by the spec) or ``_platform``; anything else gets a hashed name.
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")
MAX_WITNESS_LINE = 4096


def iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def checkpoint_hash(doc: dict[str, Any]) -> str:
    """SHA-256 hex over the canonical JSON of a checkpoint's signed fields (``issued_at`` as ISO 8601 Z)."""
    body: dict[str, Any] = {name: doc.get(name) for name in SIGNED_FIELDS}
    if isinstance(body["issued_at"], datetime):
        body["issued_at"] = iso(body["issued_at"])
    body["format"] = CHECKPOINT_FORMAT
    raw = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def row_to_checkpoint(row: AuditCheckpointRow) -> dict[str, Any]:
    """The wire form (API, witness line): the signed fields plus ``hash`` and ``signature``."""
    return {
        "chain": row.tenant_id,
        "seq": row.seq,
        "size": row.size,
        "head_hash": row.head_hash,
        "prev_hash": row.prev_hash,
        "issued_at": iso(row.issued_at),
        "key_id": row.key_id,
        "hash": row.hash,
        "signature": row.signature,
    }


@dataclass(frozen=True)
class Problem:
    """One finding of a verification: ``reason`` is a stable code, ``position`` the event position if any."""

    reason: str
    detail: str
    position: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "position": self.position, "detail": self.detail}


def _malformed(doc: Any, chain: str) -> str | None:
    if not isinstance(doc, dict):
        return "is not a JSON object"
    if doc.get("chain") != chain:
        return f"names chain {doc.get('chain')!r}"
    for name in ("seq", "size"):
        value = doc.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            return f"has an invalid {name}"
    for name in ("head_hash", "prev_hash", "hash"):
        if not isinstance(doc.get(name), str) or not _HEX64.match(doc[name]):
            return f"has an invalid {name}"
    for name in ("issued_at", "key_id", "signature"):
        if not isinstance(doc.get(name), str) or not doc[name]:
            return f"has an invalid {name}"
    return None


def check_checkpoints(
    docs: Iterable[dict[str, Any]], chain: str, keyring: AuditKeyring, source: str
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Validate a checkpoint sequence (in ``seq`` order): each well-formed, hashing to its ``hash``, signed
    by an audit key, numbered 1, 2, … without gaps, linked to its predecessor, each counting more events.

    Returns the valid prefix (what can be trusted) and the problems found after it.
    """
    valid: list[dict[str, Any]] = []
    prev_hash, prev_size = GENESIS_HASH, 0
    for doc in docs:
        seq = doc.get("seq") if isinstance(doc, dict) else None
        what = f"{source} checkpoint {seq}"
        reason = _malformed(doc, chain)
        if reason is None and checkpoint_hash(doc) != doc["hash"]:
            reason = "does not match its hash"
        if reason is None and not keyring.verify(
            doc["key_id"], doc["signature"], doc["hash"].encode("ascii")
        ):
            reason = f"is not signed by audit key {doc['key_id']!r}"
        if reason is None and doc["seq"] != len(valid) + 1:
            reason = f"follows checkpoint {len(valid)} (a checkpoint is missing)"
        if reason is None and doc["prev_hash"] != prev_hash:
            reason = "does not link to the checkpoint before it"
        if reason is None and doc["size"] <= prev_size:
            reason = f"does not grow the chain ({prev_size} events, then {doc['size']})"
        if reason is not None:
            return valid, [Problem("checkpoint_invalid", f"{what} {reason}")]
        valid.append(doc)
        prev_hash, prev_size = doc["hash"], doc["size"]
    return valid, []


class Witness:
    """Append-only JSON-lines copies of every checkpoint, one file per chain."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path(self, chain: str) -> Path:
        name = chain if _SAFE_NAME.match(chain) else "_h" + hashlib.sha256(chain.encode()).hexdigest()[:32]
        return self.directory / f"{name}.jsonl"

    def append(self, chain: str, docs: list[dict[str, Any]]) -> None:
        """Append checkpoints of ``chain`` durably: one ``write`` per line with ``O_APPEND``, so lines from
        concurrent processes never interleave, then ``fsync``."""
        lines = [json.dumps(d, sort_keys=True, separators=(",", ":")) + "\n" for d in docs]
        if any(d["chain"] != chain for d in docs):
            raise ValueError(f"witness file of {chain!r} only takes that chain's checkpoints")
        if not lines:
            return
        private_dir(self.directory)
        fd = os.open(self.path(chain), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            for line in lines:
                os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def read(self, chain: str) -> tuple[list[dict[str, Any]], list[Problem]]:
        """The chain's witnessed checkpoints by ``seq`` (exact duplicates folded: a catch-up may repeat a
        line another process wrote too), and problems: unreadable lines, two different checkpoints
        under one ``seq``."""
        path = self.path(chain)
        if not path.exists():
            return [], []
        by_seq: dict[int, dict[str, Any]] = {}
        problems: list[Problem] = []
        with open(path, "rb") as f:
            for number, raw in enumerate(f, start=1):
                if not raw.strip():
                    continue
                try:
                    if len(raw) > MAX_WITNESS_LINE:
                        raise ValueError("line too long")
                    doc = json.loads(raw)
                except ValueError:
                    problems.append(Problem("witness_mismatch", f"witness line {number} is not a checkpoint"))
                    continue
                reason = _malformed(doc, chain)
                if reason is not None:
                    problems.append(Problem("witness_mismatch", f"witness line {number} {reason}"))
                    continue
                seen = by_seq.get(doc["seq"])
                if seen is not None and seen != doc:
                    problems.append(
                        Problem(
                            "witness_mismatch", f"the witness holds two different checkpoints {doc['seq']}"
                        )
                    )
                    continue
                by_seq[doc["seq"]] = doc
        return [by_seq[s] for s in sorted(by_seq)], problems

    def chains(self) -> Iterator[str]:
        """Every chain the witness knows (read from the files' contents, not their names)."""
        if not self.directory.is_dir():
            return
        for path in sorted(self.directory.glob("*.jsonl")):
            with open(path, "rb") as f:
                first = f.readline(MAX_WITNESS_LINE + 1)
            try:
                chain = json.loads(first).get("chain")
            except (ValueError, AttributeError):
                log.warning("audit witness file %s does not start with a checkpoint", path)
                continue
            if isinstance(chain, str):
                yield chain


class BackgroundWriter:
    """One daemon thread writing due checkpoints, so no append waits for one. Per chain only the newest
    due position is kept: a checkpoint at position N covers every event before it."""

    def __init__(self, write: Callable[[str, int], None]) -> None:
        self._write = write
        self._cond = threading.Condition()
        self._due: dict[str, int] = {}
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None

    def submit(self, chain: str, position: int) -> bool:
        """Queue a checkpoint; False once closed (the caller writes it itself)."""
        with self._cond:
            if self._closed:
                return False
            self._due[chain] = max(position, self._due.get(chain, 0))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="audit-checkpointer", daemon=True)
                self._thread.start()
            self._cond.notify_all()
            return True

    def flush(self, timeout: float | None = None) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: not self._due and not self._busy, timeout)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: bool(self._due) or self._closed)
                if not self._due:
                    return  # closed, and nothing left to write
                chain, position = self._due.popitem()
                self._busy = True
            try:
                self._write(chain, position)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
