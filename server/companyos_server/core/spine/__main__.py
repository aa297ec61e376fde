"""``python -m companyos_server.core.spine verify FILE [--trust KEY.pem ...]``: exit 1 on tampering."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from companyos_server.core.spine.store import verify_archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m companyos_server.core.spine")
    sub = parser.add_subparsers(dest="command", required=True)
    verify = sub.add_parser("verify", help="verify an evidence archive offline")
    verify.add_argument("file", type=Path)
    verify.add_argument("--trust", type=Path, action="append", default=None, help="trusted public key (PEM)")
    args = parser.parse_args(argv)
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(json.dumps({"ok": False, "problems": [f"cannot read {args.file}: {exc}"]}, indent=2))
        return 2
    trusted = [p.read_bytes() for p in args.trust] if args.trust else None
    report = verify_archive(data, trusted)
    print(json.dumps(report, indent=2))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
