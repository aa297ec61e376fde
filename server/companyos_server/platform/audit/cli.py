"""Command-line verification: ``python -m companyos_server.platform.audit verify --tenant acme``.

:func:`verify_tenant` is what ``companyos audit verify`` calls; :func:`main` exits 0 when the chain is
intact, 1 when it is broken, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from companyos_server.platform.audit.log import AuditLog
from companyos_server.platform.audit.models import PLATFORM_CHAIN
from companyos_server.platform.storage import Database
from companyos_server.settings import Settings, get_settings


def verify_tenant(tenant_id: str | None, *, settings: Settings | None = None) -> dict[str, Any]:
    """Verify one chain against the configured database and audit keys (``None``: the platform chain)."""
    settings = settings or get_settings()
    db = Database(settings.effective_database_url)
    try:
        return AuditLog(db, settings.var_dir).verify(
            None if tenant_id in (None, PLATFORM_CHAIN) else tenant_id
        )
    finally:
        db.dispose()


def format_result(result: dict[str, Any]) -> str:
    if result["ok"]:
        return f"audit chain '{result['tenant_id']}': OK ({result['checked']} events verified)"
    return (
        f"audit chain '{result['tenant_id']}': BROKEN at position {result['first_broken_position']} "
        f"({result['reason']}): {result['detail']} — {result['checked']} events verified before it"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m companyos_server.platform.audit")
    sub = parser.add_subparsers(dest="command", required=True)
    verify = sub.add_parser("verify", help="verify a tenant's audit chain")
    verify.add_argument(
        "--tenant", required=True, help=f"tenant id, or {PLATFORM_CHAIN} for the platform chain"
    )
    verify.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = verify_tenant(args.tenant)
    print(json.dumps(result, indent=2) if args.json else format_result(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
