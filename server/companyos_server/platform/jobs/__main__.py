"""`python -m companyos_server.platform.jobs worker [--workers N]`: the same worker as
`companyos-server worker` (job consumer plus the recovery and housekeeping passes)."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m companyos_server.platform.jobs")
    sub = parser.add_subparsers(dest="command", required=True)
    worker = sub.add_parser("worker", help="consume jobs until interrupted (SIGINT: graceful)")
    worker.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    from companyos_server import cli

    return cli.main(["worker", "--workers", str(args.workers)])


if __name__ == "__main__":
    sys.exit(main())
