"""The last audit checkpoint you verified, kept per server and tenant, so a rollback below it is reported.

The server signs checkpoints of each tenant's audit chain ("the chain had ``size`` events, the last one
hashing to ``head_hash``") and checks its events against them. That catches a truncated chain as long as
the server still has the checkpoint (in its database or its witness directory). Someone able to roll
back the server's database *and* its witness could still make a shorter chain look whole to the server;
a checkpoint a client saw and kept cannot be rolled back that way. ``client.audit.verify_pinned()`` and
``companyos audit verify``:

1. load the pin for (base URL, tenant) from ``<home>/audit-checkpoints/`` (``home`` is
   ``COMPANYOS_HOME``, else ``$XDG_STATE_HOME/companyos``, else ``~/.local/state/companyos``);
2. ask the server to verify with ``known_checkpoint`` (``<size>:<head_hash>``) set to it, so the server checks that the
   event at that position is still the one pinned (a chain cut and re-grown past the pin is caught);
3. compare the server's checkpoint with the pin (:func:`compare`): an older or missing checkpoint is a
   ``rollback``, a different checkpoint under the same number a fork;
4. when everything is intact, keep the server's checkpoint as the new pin.

Pins are public data (hashes and sizes), written 0600 in a 0700 directory so other local users cannot
plant an older one. :func:`compare` is I/O-free and shared by the sync and async clients.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from companyos._crypto import default_home
from companyos.types import AuditCheckpoint, AuditProblem, AuditVerification

__all__ = ["CheckpointPins", "apply_pin", "compare"]

PIN_DIR = "audit-checkpoints"


def compare(pinned: AuditCheckpoint | None, current: AuditCheckpoint | None) -> AuditProblem | None:
    """What is wrong with the server's checkpoint given the one verified before, or None."""
    if pinned is None:
        return None
    if current is None:
        return {
            "reason": "rollback",
            "position": None,
            "detail": f"the server has no checkpoint; you verified checkpoint {pinned['seq']} "
            f"({pinned['size']} events) before",
        }
    if current["seq"] < pinned["seq"] or current["size"] < pinned["size"]:
        return {
            "reason": "rollback",
            "position": None,
            "detail": f"the server's checkpoint {current['seq']} ({current['size']} events) is older than "
            f"checkpoint {pinned['seq']} ({pinned['size']} events) you verified before",
        }
    if current["seq"] == pinned["seq"] and current["hash"] != pinned["hash"]:
        return {
            "reason": "rollback",
            "position": None,
            "detail": f"the server's checkpoint {current['seq']} differs from the one you verified before "
            "(its checkpoints were rewritten)",
        }
    return None


def apply_pin(result: AuditVerification, pinned: AuditCheckpoint | None) -> AuditVerification:
    """``result`` with a client-side ``rollback`` problem added (first) when :func:`compare` finds one."""
    problem = compare(pinned, result.get("checkpoint"))
    if problem is None:
        return result
    out: Any = dict(result)
    out["problems"] = [problem, *result.get("problems", [])]
    out.update(ok=False, reason=problem["reason"], detail=problem["detail"], first_broken_position=None)
    return out  # type: ignore[no-any-return]


class CheckpointPins:
    """One JSON file per (base URL, tenant): the newest checkpoint verified intact."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory: Path = Path(directory) if directory is not None else default_home() / PIN_DIR

    def path(self, base_url: str, tenant: str) -> Path:
        key = hashlib.sha256(f"{base_url.rstrip('/')}\0{tenant}".encode()).hexdigest()[:32]
        return self.directory / f"{key}.json"

    def load(self, base_url: str, tenant: str) -> AuditCheckpoint | None:
        path = self.path(base_url, tenant)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except ValueError as exc:
            raise ValueError(f"{path} is not a saved audit checkpoint; delete it to start over") from exc
        checkpoint = doc.get("checkpoint") if isinstance(doc, dict) else None
        if doc.get("tenant") != tenant or not isinstance(checkpoint, dict):
            raise ValueError(f"{path} is not a saved audit checkpoint of {tenant}; delete it to start over")
        return checkpoint  # type: ignore[return-value]

    def save(self, base_url: str, tenant: str, checkpoint: AuditCheckpoint) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        os.chmod(self.directory, 0o700)
        path = self.path(base_url, tenant)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        doc = {"base_url": base_url.rstrip("/"), "tenant": tenant, "checkpoint": checkpoint}
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, json.dumps(doc, sort_keys=True, indent=2).encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
