"""SHA256SUMS in `sha256sum` format (`<hex>  <name>`), checked with `sha256sum -c` or `verify`."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

SUMS = "SHA256SUMS"
_LINE = re.compile(r"^([0-9a-f]{64}) [ *]([^/\\]+)$")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_sums(directory: Path, names: list[str]) -> Path:
    lines = [f"{sha256_file(directory / name)}  {name}\n" for name in sorted(set(names))]
    target = directory / SUMS
    target.write_text("".join(lines), encoding="ascii")
    return target


def parse_sums(text: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            raise ValueError(f"{SUMS} line {number} is malformed")
        digest, name = match.groups()
        if name in entries or name in (".", ".."):
            raise ValueError(f"{SUMS} line {number}: duplicate or invalid name {name!r}")
        entries[name] = digest
    if not entries:
        raise ValueError(f"{SUMS} is empty")
    return entries


def check_sums(directory: Path) -> list[str]:
    """Problems found (empty when every listed file exists and matches)."""
    try:
        entries = parse_sums((directory / SUMS).read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return [f"{SUMS}: {exc}"]
    problems = []
    for name, digest in sorted(entries.items()):
        path = directory / name
        if not path.is_file():
            problems.append(f"missing   {name}")
        elif sha256_file(path) != digest:
            problems.append(f"MISMATCH  {name}")
    return problems
