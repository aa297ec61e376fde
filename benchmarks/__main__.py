"""`python -m benchmarks [name ...]`: run the benchmarks, print a table of ratios, write JSON results."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable
from pathlib import Path


def _discover() -> dict[str, Callable[..., int]]:
    """Every module of this package that declares ``BENCHMARK = True`` and a ``main(quick, profile)``."""
    found = {}
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"benchmarks.{info.name}")
        if getattr(module, "BENCHMARK", False):
            found[info.name] = module.main
    return found


BENCHMARKS = _discover()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "names", nargs="*", metavar="name", help=f"benchmarks to run: {', '.join(BENCHMARKS)} (default: all)"
    )
    parser.add_argument("--quick", action="store_true", help="shorter rounds (smoke run; noisier figures)")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="api_overhead, flags: also profile our app in-process (services page; one OFREP evaluation) with pyinstrument",
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
