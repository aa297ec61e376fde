"""`python -m companyos_server.platform.jobs worker [--workers N]`: a standalone consumer."""

from __future__ import annotations

import argparse
import logging
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m companyos_server.platform.jobs")
    sub = parser.add_subparsers(dest="command", required=True)
    worker = sub.add_parser("worker", help="consume jobs until interrupted (SIGINT: graceful)")
    worker.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    from companyos_server.platform.runtime import Runtime, set_runtime
    from companyos_server.settings import get_settings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    runtime = Runtime(get_settings())
    set_runtime(runtime)
    print(f"companyos jobs worker: backend={runtime.jobs.ping()} workers={args.workers}", file=sys.stderr)
    runtime.jobs.run_worker(workers=args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
