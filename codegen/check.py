"""Drift check: fail when the committed `generated/` differs from a fresh generation.

    python -m codegen.check [--generated DIR]

Regenerates into a temporary directory and compares byte for byte: `generated/` and the SDK's generated
modules (`sdk/companyos/resources/*.py` and `types/*.py` that carry the generated header; handwritten
modules there are not compared). Exit 0 when identical; exit 1 listing every differing, missing and
unexpected file (fix: `python -m codegen.generate`, then commit).
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
import time
from pathlib import Path

from codegen.bundle import BundleError
from codegen.generate import GENERATED, GenerateError, generate, generated_sdk_files
from codegen.sdk import SDK_ROOT

# Local byproducts that are never committed (see .gitignore) and never compared.
IGNORED_PARTS = {"__pycache__", ".ruff_cache", ".pytest_cache", ".mypy_cache", "node_modules"}
IGNORED_SUFFIXES = (".pyc", ".pyo")


def _files(root: Path) -> set[str]:
    if not root.is_dir():
        return set()
    found: set[str] = set()
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if IGNORED_PARTS.intersection(rel.parts) or path.suffix in IGNORED_SUFFIXES:
            continue
        if path.is_file() or path.is_symlink():
            found.add(rel.as_posix())
    return found


def compare(expected: Path, actual: Path) -> list[str]:
    """Lines describing each difference between a fresh tree `expected` and a committed tree `actual`."""
    fresh, committed = _files(expected), _files(actual)
    problems: list[str] = []
    for rel in sorted(fresh | committed):
        if rel not in committed:
            problems.append(f"missing    {rel}")
        elif rel not in fresh:
            problems.append(f"unexpected {rel}")
        elif not filecmp.cmp(expected / rel, actual / rel, shallow=False):
            problems.append(f"differs    {rel}")
    return problems


def compare_sdk(fresh: Path, sdk_root: Path) -> list[str]:
    """Like `compare`, for the generated SDK modules only (`fresh` holds nothing else)."""
    expected, committed = _files(fresh), generated_sdk_files(sdk_root)
    problems: list[str] = []
    for rel in sorted(expected | committed):
        shown = f"sdk/companyos/{rel}"
        if not (sdk_root / rel).is_file():
            problems.append(f"missing    {shown}")
        elif rel not in expected:
            problems.append(f"unexpected {shown}")
        elif not filecmp.cmp(fresh / rel, sdk_root / rel, shallow=False):
            problems.append(f"differs    {shown}")
    return problems


def check(generated: Path = GENERATED, sdk_root: Path | None = None) -> list[str]:
    """Differences between a fresh generation and `generated` plus the SDK modules in `sdk_root`.

    `sdk_root` defaults to where `generate` would write them: sdk/companyos for generated/, else
    `generated`/sdk.
    """
    if sdk_root is None:
        sdk_root = SDK_ROOT if generated.resolve() == GENERATED.resolve() else generated / "sdk"
    with tempfile.TemporaryDirectory(prefix="companyos-codegen-check-") as tmp:
        fresh = Path(tmp) / "generated"
        fresh_sdk = Path(tmp) / "sdk"
        generate(fresh, sdk_out=fresh_sdk)
        tree = [line for line in compare(fresh, generated) if not line.split()[-1].startswith("sdk/")]
        return tree + compare_sdk(fresh_sdk, sdk_root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fail when generated/ is out of date with the spec.")
    parser.add_argument("--generated", type=Path, default=GENERATED, help="committed output to check")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        problems = check(args.generated.resolve())
    except (BundleError, GenerateError) as exc:
        print(f"codegen check: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    if problems:
        print(f"codegen check: {args.generated} is out of date with the spec ({len(problems)} files):")
        for line in problems:
            print(f"  {line}")
        print("Run `python -m codegen.generate` (or `nox -s codegen`) and commit the result.")
        return 1
    print(f"codegen check: {args.generated} is up to date ({elapsed:.2f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
