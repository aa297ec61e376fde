"""The ``audit.export`` job: a tenant's audit chain as NDJSON, one event per line, in position order.

Resumable: each batch ends at a checkpoint that saves (last position, bytes written), so a retried
attempt truncates the file to the last checkpoint and carries on. Cancellation is honoured at
every checkpoint. The result names the artifact (media type, size, SHA-256, event count);
``GET …/jobs/{job_id}/artifact`` serves it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from companyos_server.platform.files import open_private, private_dir
from companyos_server.platform.jobs.context import JobContext
from companyos_server.platform.jobs.registry import job_kind

KIND = "audit.export"
MEDIA_TYPE = "application/x-ndjson"
BATCH = 500


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return str(value)


@job_kind(KIND)
def export_audit_events(ctx: JobContext) -> dict[str, Any]:
    from companyos_server.platform.runtime import get_runtime

    audit = get_runtime().audit
    batch = int(ctx.params.get("batch_size", BATCH))
    state = ctx.saved_state or {}
    after, written, done = (
        int(state.get("after_position", 0)),
        int(state.get("bytes", 0)),
        int(state.get("done", 0)),
    )
    total = audit.count(ctx.tenant_id)  # events up to now; later appends are not part of this export
    private_dir(ctx.artifact_path.parent)
    mode = "r+b" if written and ctx.artifact_path.exists() else "wb"
    with open_private(ctx.artifact_path, mode) as out:  # 0600: a tenant's whole audit trail
        out.truncate(written)
        out.seek(written)
        ctx.progress(done, total)
        for events in audit.iter_events(ctx.tenant_id, after_position=after, batch=batch):
            events = [e for e in events if e["position"] <= total]
            for event in events:
                line = json.dumps(event, default=_default, sort_keys=True, separators=(",", ":")) + "\n"
                written += out.write(line.encode("utf-8"))
            done += len(events)
            if events:
                after = events[-1]["position"]
            out.flush()
            ctx.progress(done, total)
            ctx.checkpoint({"after_position": after, "bytes": written, "done": done})
            if after >= total:
                break
    digest = hashlib.sha256()
    with open(ctx.artifact_path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            digest.update(chunk)
    return {
        "events": done,
        "last_position": after,
        "artifact": {"media_type": MEDIA_TYPE, "size_bytes": written, "sha256": digest.hexdigest()},
    }
