"""The TypeScript package: `npm pack` (its `prepack` script builds ESM + CJS with self-contained types),
then `publint` and `@arethetypeswrong/cli` on the packed tarball (both pinned in the root package.json)."""

from __future__ import annotations

import json
import subprocess
import tarfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NODE_BIN = REPO / "node_modules" / ".bin"
DEFAULT_PACKAGES = [REPO / "clients" / "typescript"]


def pack(package: Path, out: Path, run: Callable[..., None]) -> Path:
    meta = json.loads((package / "package.json").read_text())
    if meta.get("private"):
        raise ValueError(f"{package}/package.json is private: it cannot be published")
    run(["npm", "pack", "--pack-destination", str(out)], cwd=package, stdout=subprocess.DEVNULL)
    name = meta["name"].lstrip("@").replace("/", "-")
    tarball = out / f"{name}-{meta['version']}.tgz"
    if not tarball.is_file():
        raise FileNotFoundError(f"npm pack did not produce {tarball}")
    return tarball


def lint(tarball: Path, run: Callable[..., None]) -> None:
    run([str(NODE_BIN / "publint"), "run", str(tarball), "--strict"])
    run([str(NODE_BIN / "attw"), str(tarball), "--format", "ascii"])
    check_self_contained(tarball)


def check_self_contained(tarball: Path) -> None:
    """Every relative import in the packed declarations resolves to a file inside the package."""
    import posixpath
    import re

    with tarfile.open(tarball) as tf:
        names = set(tf.getnames())
        problems = []
        for member in sorted(n for n in names if n.endswith(".d.ts")):
            fh = tf.extractfile(member)
            text = fh.read().decode() if fh else ""
            for spec in re.findall(r"""from\s+["'](\.{1,2}/[^"']+)["']""", text):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(member), spec))
                candidates = {target, re.sub(r"\.js$", ".d.ts", target), re.sub(r"\.cjs$", ".d.cts", target)}
                if not target.startswith("package/") or not candidates & names:
                    problems.append(f"{member}: {spec}")
    if problems:
        raise ValueError("declarations import files outside the package: " + ", ".join(problems))
