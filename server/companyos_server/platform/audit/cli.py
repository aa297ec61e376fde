"""Command-line verification: ``python -m companyos_server.platform.audit verify --tenant acme``.

``verify --all`` also covers chains that exist only in the checkpoint witness (a chain deleted from the
database with its head and checkpoints). ``checkpoint --all`` signs a checkpoint of every chain's head:
run it from cron (or after a burst of traffic) so no tail stays unanchored for long.

:func:`verify_tenant` is what ``companyos audit verify`` calls; :func:`main` exits 0 when every chain
checked is intact, 1 when one is not, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from companyos_server.platform.audit.log import AuditLog, CheckpointRefused
from companyos_server.platform.audit.models import PLATFORM_CHAIN
from companyos_server.platform.storage import Database
from companyos_server.settings import Settings, get_settings


def _tenant(chain: str | None) -> str | None:
    return None if chain in (None, PLATFORM_CHAIN) else chain


def _audit_log(db: Database, settings: Settings) -> AuditLog:
    return AuditLog(db, settings.var_dir, witness_dir=settings.audit_witness_dir)


def verify_tenant(tenant_id: str | None, *, settings: Settings | None = None) -> dict[str, Any]:
    """Verify one chain against the configured database, audit keys and witness (``None``: the platform chain)."""
    settings = settings or get_settings()
    db = Database(settings.effective_database_url)
    try:
        return _audit_log(db, settings).verify(_tenant(tenant_id))
    finally:
        db.dispose()


def verify_all(*, settings: Settings | None = None) -> list[dict[str, Any]]:
    """Verify every chain the database or the witness knows."""
    settings = settings or get_settings()
    db = Database(settings.effective_database_url)
    try:
        audit = _audit_log(db, settings)
        return [audit.verify(_tenant(chain)) for chain in audit.chains()]
    finally:
        db.dispose()


def format_result(result: dict[str, Any]) -> str:
    checkpoint = result.get("checkpoint")
    anchor = f", checkpoint {checkpoint['seq']} at {checkpoint['size']} events" if checkpoint else ""
    if result["ok"]:
        return f"audit chain '{result['tenant_id']}': OK ({result['checked']} events verified{anchor})"
    lines = [
        f"audit chain '{result['tenant_id']}': BROKEN at position {result['first_broken_position']} "
        f"({result['reason']}): {result['detail']} — {result['checked']} events verified before it{anchor}"
    ]
    lines += [f"  also {p['reason']}: {p['detail']}" for p in result.get("problems", [])[1:]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m companyos_server.platform.audit")
    sub = parser.add_subparsers(dest="command", required=True)
    verify = sub.add_parser("verify", help="verify audit chains against their events and checkpoints")
    checkpoint = sub.add_parser("checkpoint", help="sign a checkpoint of audit chains at their heads")
    for command in (verify, checkpoint):
        which = command.add_mutually_exclusive_group(required=True)
        which.add_argument("--tenant", help=f"tenant id, or {PLATFORM_CHAIN} for the platform chain")
        which.add_argument("--all", action="store_true", help="every chain (verify: the witness's too)")
        command.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if args.command == "checkpoint":
        return _checkpoint(args.tenant, as_json=args.json)
    results = verify_all() if args.all else [verify_tenant(args.tenant)]
    if args.json:
        print(json.dumps(results if args.all else results[0], indent=2))
    else:
        print("\n".join(format_result(r) for r in results) or "no audit chains")
    return 0 if all(r["ok"] for r in results) else 1


def _checkpoint(tenant: str | None, *, as_json: bool) -> int:
    settings = get_settings()
    db = Database(settings.effective_database_url)
    try:
        audit = _audit_log(db, settings)
        if tenant is None:
            done = audit.checkpoint_all()
        else:
            try:
                done = {tenant: audit.checkpoint(_tenant(tenant))}
            except CheckpointRefused as exc:
                print(f"audit chain '{tenant}': NOT CHECKPOINTED: {exc}", file=sys.stderr)
                return 1
    finally:
        db.dispose()
    if as_json:
        print(json.dumps(done, indent=2))
    for chain, cp in done.items():
        if not as_json:
            print(
                f"audit chain '{chain}': checkpoint {cp['seq']} at {cp['size']} events"
                if cp
                else f"audit chain '{chain}': nothing to checkpoint (or refused: run verify)"
            )
    return 0 if all(done.values()) or not done else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
