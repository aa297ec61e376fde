"""`python -m benchmarks [name ...]`: run the benchmarks, print a table of ratios, write JSON results."""

from __future__ import annotations

import argparse
import sys

from benchmarks import api_overhead, sdk_overhead, search

BENCHMARKS = {"api_overhead": api_overhead.main, "sdk_overhead": sdk_overhead.main, "search": search.main}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "names", nargs="*", metavar="name", help=f"benchmarks to run: {', '.join(BENCHMARKS)} (default: all)"
    )
    parser.add_argument("--quick", action="store_true", help="shorter rounds (smoke run; noisier figures)")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="api_overhead: also profile our app in-process (services page, SQLite) with pyinstrument",
    )
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    status = 0
    for name in args.names or list(BENCHMARKS):
        status |= BENCHMARKS[name](quick=args.quick, profile=args.profile)
    return status


if __name__ == "__main__":
    sys.exit(main())
