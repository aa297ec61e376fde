"""Print the seeded demo users (``./dev up``) with their roles, passwords and current TOTP codes.

    python -m companyos_console.demo_users [username ...]

Reads ``$COMPANYOS_VAR_DIR/dev-credentials.json`` (default ``var/``), which the development seed writes.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pyotp


def main(argv: list[str] | None = None) -> int:
    wanted = set(sys.argv[1:] if argv is None else argv)
    path = Path(os.environ.get("COMPANYOS_VAR_DIR", "var")) / "dev-credentials.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        print(f"{path} does not exist: run ./dev up first", file=sys.stderr)
        return 1
    print(f"{'user':<11} {'password':<18} {'totp':<7} roles")
    for user in data.get("users", []):
        if wanted and user["username"] not in wanted:
            continue
        roles = (
            "; ".join(f"{t}: {', '.join(r)}" for t, r in user.get("tenants", {}).items()) or "platform admin"
        )
        code = pyotp.TOTP(user["totp_secret"]).now()
        print(f"{user['username']:<11} {user['password']:<18} {code:<7} {roles}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
