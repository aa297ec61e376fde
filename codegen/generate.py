"""Generate every artefact derived from the contract into `generated/` (or `--out DIR`).

    python -m codegen.generate [--out DIR]

1. bundle openapi/root.yaml + openapi/domains/*.yaml  -> openapi.json
2. openapi-python-client 0.29 (low-level client)       -> python/companyos_client/ + python/pyproject.toml
   (operations marked `x-companyos-served-by` are left out: the SDK speaks OAuth through authlib)
3. datamodel-codegen (pydantic v2 server models)        -> server_models/companyos_server_models/
4. openapi-typescript 7 (TypeScript types)              -> typescript/schema.d.ts
5. codegen/sdk.py + codegen/templates (Jinja2)          -> the Python SDK's resources/ and types/
   (sdk/companyos/ when writing generated/, else DIR/sdk/; handwritten SDK modules are never touched)

Every tool writes into a private staging directory first; each output tree is then replaced as a whole,
so files that the spec no longer produces disappear. The output is byte-for-byte deterministic and does
not depend on where it is written (`python -m codegen.check` relies on that).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from codegen.bundle import REPO, BundleError, bundle, render
from codegen.sdk import GENERATED_HEADER, SDK_ROOT, generate_sdk

GENERATED = REPO / "generated"
CLIENT_PACKAGE = "companyos_client"
CLIENT_PROJECT = "companyos-client"
MODELS_PACKAGE = "companyos_server_models"
MODELS_PROJECT = "companyos-server-models"
SERVED_BY = "x-companyos-served-by"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
NODE_BIN = REPO / "node_modules" / ".bin"
# The trees (relative to the output directory) that generation owns and replaces.
OUTPUTS = ("openapi.json", "python", "server_models", "typescript")


class GenerateError(Exception):
    pass


# --------------------------------------------------------------------------- spec filtering


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _resolve_pointer(doc: dict[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        return None
    node: Any = doc
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _closure(doc: dict[str, Any], seeds: Iterable[Any]) -> set[str]:
    """Every local $ref reachable from `seeds` (following refs transitively)."""
    seen: set[str] = set()
    stack = [ref for seed in seeds for ref in _refs(seed)]
    while stack:
        ref = stack.pop()
        if ref in seen:
            continue
        seen.add(ref)
        target = _resolve_pointer(doc, ref)
        if target is not None:
            stack.extend(_refs(target))
    return seen


def client_spec(doc: dict[str, Any]) -> dict[str, Any]:
    """A copy of the bundled spec without the operations served by the identity provider.

    Components that only those operations used are pruned too, so the Python client gets no stray models
    for OAuth form bodies. Components nobody references at all are kept (they may be public on purpose).
    """
    out = copy.deepcopy(doc)
    excluded: list[Any] = []
    paths = out.get("paths") or {}
    for path in list(paths):
        item = paths[path]
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict) and op.get(SERVED_BY):
                excluded.append(op)
                del item[method]
        if not any(m in item for m in HTTP_METHODS) and any(m in doc["paths"][path] for m in HTTP_METHODS):
            excluded.append(item)  # path-level parameters of a fully excluded path
            del paths[path]
    if not excluded:
        return out
    components = out.get("components") or {}

    def component_refs(skip: set[str]) -> list[Any]:
        return [
            value
            for section, entries in components.items()
            for name, value in (entries or {}).items()
            if f"#/components/{section}/{name}" not in skip
        ]

    only_excluded = _closure(out, excluded)
    kept = _closure(out, [paths, *component_refs(only_excluded)])
    for ref in sorted(only_excluded - kept):
        parts = ref[2:].split("/")
        if len(parts) == 3 and parts[0] == "components":
            (components.get(parts[1]) or {}).pop(parts[2], None)
    for section in [s for s, entries in components.items() if entries == {}]:
        if doc.get("components", {}).get(section):
            del components[section]
    # Tags that no remaining operation uses would only produce empty api/<tag>/ packages.
    used_tags = {
        tag
        for item in paths.values()
        for method in HTTP_METHODS
        if isinstance(item.get(method), dict)
        for tag in item[method].get("tags", [])
    }
    if "tags" in out:
        out["tags"] = [t for t in out["tags"] if t.get("name") in used_tags]
    return out


# --------------------------------------------------------------------------- tool helpers


def _run(cmd: list[str], cwd: Path, what: str) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise GenerateError(
            f"{what} failed (exit {proc.returncode}): {shlex.join(cmd)}\n{proc.stdout}{proc.stderr}".rstrip()
        )


def _venv_tool(name: str) -> list[str]:
    """A Python tool's console script, from the pinned venv.

    Order: the running venv's bin dir (when codegen runs inside a venv), the repo's `.venv/bin`, the bin
    dir next to the running interpreter, PATH, and finally `python -m <module>`.
    """
    dirs = []
    if sys.prefix != sys.base_prefix:
        dirs.append(Path(sys.executable).parent)
    dirs += [REPO / ".venv" / "bin", Path(sys.executable).parent]
    for directory in dirs:
        candidate = directory / name
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which(name)
    if found:
        return [found]
    return [sys.executable, "-m", name.replace("-", "_")]


def _node_modules_current() -> bool:
    """node_modules holds the exact versions package-lock.json pins for the tools we run."""
    try:
        lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))["packages"]
        for name in ("openapi-typescript", "typescript"):
            manifest = REPO / "node_modules" / name / "package.json"
            installed = json.loads(manifest.read_text(encoding="utf-8"))
            if installed.get("version") != lock[f"node_modules/{name}"]["version"]:
                return False
    except (OSError, ValueError, KeyError):
        return False
    return (NODE_BIN / "openapi-typescript").exists()


def ensure_node_modules() -> Path:
    """Run `npm ci` at the repo root when node_modules is missing or differs from package-lock.json."""
    tool = NODE_BIN / "openapi-typescript"
    if not _node_modules_current():
        npm = shutil.which("npm")
        if npm is None:
            raise GenerateError("node_modules is missing and npm is not on PATH (install Node 20 + npm)")
        _run([npm, "ci", "--no-audit", "--no-fund"], REPO, "npm ci")
        if not tool.exists():
            raise GenerateError(f"npm ci did not install {tool}")
    return tool


def _replace_tree(src: Path, dst: Path) -> None:
    if dst.is_dir() and not dst.is_symlink():
        shutil.rmtree(dst)
    elif dst.exists():
        dst.unlink()
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(src, dst)


def _clean_caches(root: Path) -> None:
    for pattern in ("__pycache__", ".ruff_cache"):
        for path in sorted(root.rglob(pattern), reverse=True):
            shutil.rmtree(path, ignore_errors=True)


def _write(path: Path, text: str) -> None:
    """Write atomically (the server reads generated/openapi.json at runtime) and skip unchanged files."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


# --------------------------------------------------------------------------- generators


def _python_pyproject(version: str) -> str:
    return f"""\
# Generated by `python -m codegen.generate` from generated/openapi.json. Do not edit.
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "{CLIENT_PROJECT}"
version = "{version}"
description = "Low-level CompanyOS API client generated by openapi-python-client (use the `companyos` SDK)."
requires-python = ">=3.11"
license = "Apache-2.0"
dependencies = [
  "httpx>=0.23.0,<0.29.0",
  "attrs>=22.2.0",
]

[tool.hatch.build.targets.wheel]
packages = ["{CLIENT_PACKAGE}"]
"""


def _models_pyproject(version: str) -> str:
    return f"""\
# Generated by `python -m codegen.generate` from generated/openapi.json. Do not edit.
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "{MODELS_PROJECT}"
version = "{version}"
description = "Pydantic v2 models of the CompanyOS API schemas (datamodel-code-generator)."
requires-python = ">=3.11"
license = "Apache-2.0"
dependencies = [
  "pydantic>=2.5,<3",
]

[tool.hatch.build.targets.wheel]
packages = ["{MODELS_PACKAGE}"]
"""


def _ruff_hooks() -> list[str]:
    # --isolated: the result must not depend on which pyproject.toml sits above the output directory
    # (check generates into a temp dir); --no-cache: leave no .ruff_cache behind.
    ruff = shlex.join(_venv_tool("ruff"))
    common = "--isolated --no-cache --quiet --target-version py311 --line-length 120"
    return [
        f"{ruff} check . {common} --fix-only --extend-select=I",
        f"{ruff} format . {common}",
    ]


def generate_python_client(spec: dict[str, Any], stage: Path, out: Path, version: str) -> None:
    work = stage / "python-client"
    work.mkdir()
    spec_path = work / "openapi.json"
    _write(spec_path, render(client_spec(spec)))
    config = work / "config.json"  # JSON is valid YAML; openapi-python-client reads either
    _write(
        config,
        json.dumps(
            {
                "project_name_override": CLIENT_PROJECT,
                "package_name_override": CLIENT_PACKAGE,
                "post_hooks": _ruff_hooks(),
                # Streamed downloads (NDJSON exports) are bytes to the client.
                "content_type_overrides": {
                    "application/x-ndjson": "application/octet-stream",
                    "application/gzip": "application/octet-stream",
                },
            },
            indent=2,
        ),
    )
    pkg = work / CLIENT_PACKAGE
    cmd = [
        *_venv_tool("openapi-python-client"),
        "generate",
        "--path",
        str(spec_path),
        "--meta",
        "none",
        "--config",
        str(config),
        "--output-path",
        str(pkg),
        "--fail-on-warning",
    ]
    _run(cmd, work, "openapi-python-client")
    _write(pkg / "py.typed", "")
    _clean_caches(pkg)
    target = out / "python"
    if target.exists():
        shutil.rmtree(target)
    _replace_tree(pkg, target / CLIENT_PACKAGE)
    _write(target / "pyproject.toml", _python_pyproject(version))


def generate_server_models(spec_text: str, stage: Path, out: Path, version: str) -> None:
    work = stage / "server-models"
    work.mkdir()
    spec_path = work / "openapi.json"  # the basename lands in the file header; keep it fixed
    _write(spec_path, spec_text)
    module = work / "__init__.py"
    cmd = [
        *_venv_tool("datamodel-codegen"),
        "--input",
        str(spec_path),
        "--input-file-type",
        "openapi",
        "--output",
        str(module),
        "--output-model-type",
        "pydantic_v2.BaseModel",
        "--disable-timestamp",
        "--use-standard-collections",
        "--use-union-operator",
        "--target-python-version",
        "3.11",
        "--field-constraints",
        "--use-schema-description",
        "--use-field-description",
        "--formatters",
        "ruff-check",
        "ruff-format",
    ]
    _run(cmd, work, "datamodel-codegen")
    target = out / "server_models"
    if target.exists():
        shutil.rmtree(target)
    pkg = target / MODELS_PACKAGE
    pkg.mkdir(parents=True)
    shutil.copyfile(module, pkg / "__init__.py")
    _write(pkg / "py.typed", "")
    _write(target / "pyproject.toml", _models_pyproject(version))


def generate_typescript(spec_text: str, stage: Path, out: Path) -> None:
    tool = ensure_node_modules()
    work = stage / "typescript"
    work.mkdir()
    spec_path = work / "openapi.json"
    _write(spec_path, spec_text)
    result = work / "schema.d.ts"
    _run([str(tool), str(spec_path), "--output", str(result)], work, "openapi-typescript")
    target = out / "typescript"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copyfile(result, target / "schema.d.ts")


def generated_sdk_files(root: Path) -> set[str]:
    """The files under `root` (an SDK package dir) that the generator wrote: those opening with its header."""
    found: set[str] = set()
    for top in root.glob("_client_resources.py"):
        with top.open(encoding="utf-8") as handle:
            if handle.readline().rstrip("\n") == GENERATED_HEADER:
                found.add(top.relative_to(root).as_posix())
    for sub in ("resources", "types"):
        for path in (root / sub).glob("*.py"):
            with path.open(encoding="utf-8") as handle:
                if handle.readline().rstrip("\n") == GENERATED_HEADER:
                    found.add(path.relative_to(root).as_posix())
    return found


def generate_python_sdk(spec: dict[str, Any], stage: Path, sdk_out: Path) -> None:
    """Render the SDK's resources/ and types/, format them with ruff, then swap them into `sdk_out`.

    Generated files that the spec no longer produces are removed; files without the generated header
    (handwritten helpers such as resources/_base.py or resources/_custom/) are left alone.
    """
    work = stage / "sdk"
    written = set(generate_sdk(spec, work))
    # The SDK modules live in the linted tree: the workspace's line length and first-party package.
    ruff = _venv_tool("ruff")
    common = ["--isolated", "--no-cache", "--quiet", "--target-version", "py311", "--line-length", "110"]
    isort = ["--config", "lint.isort.known-first-party = ['companyos']"]
    _run(
        [*ruff, "check", ".", *common, *isort, "--fix-only", "--extend-select=I,UP,RUF022"],
        work,
        "ruff (sdk)",
    )
    _run([*ruff, "format", ".", *common], work, "ruff format (sdk)")
    _clean_caches(work)
    for rel in sorted(generated_sdk_files(sdk_out) - written):
        (sdk_out / rel).unlink()
    for rel in sorted(written):
        _write(sdk_out / rel, (work / rel).read_text(encoding="utf-8"))


def generate(
    out: Path = GENERATED, *, verbose: bool = False, sdk_out: Path | None = None, spec_dir: Path | None = None
) -> dict[str, float]:
    """Regenerate everything into `out`. Returns the seconds each step took.

    The SDK's generated modules go to `sdk_out`: by default sdk/companyos when `out` is generated/, and
    `out`/sdk otherwise (so a check or a test never touches the working tree). `spec_dir`: another copy
    of openapi/ to read.
    """
    if sdk_out is None:
        sdk_out = SDK_ROOT if out.resolve() == GENERATED.resolve() else out / "sdk"
    timings: dict[str, float] = {}
    started = time.perf_counter()
    spec = bundle(spec_dir) if spec_dir is not None else bundle()
    spec_text = render(spec)
    version = str(spec.get("info", {}).get("version", "0.0.0"))
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "openapi.json", spec_text)
    timings["bundle"] = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="companyos-codegen-") as tmp:
        stage = Path(tmp)
        for name, step in (
            ("python", lambda: generate_python_client(spec, stage, out, version)),
            ("server_models", lambda: generate_server_models(spec_text, stage, out, version)),
            ("typescript", lambda: generate_typescript(spec_text, stage, out)),
            ("sdk", lambda: generate_python_sdk(client_spec(spec), stage, sdk_out)),
        ):
            t0 = time.perf_counter()
            step()
            timings[name] = time.perf_counter() - t0
            if verbose:
                print(f"codegen: {name} in {timings[name]:.2f}s", file=sys.stderr)
    timings["total"] = time.perf_counter() - started
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate generated/ from the OpenAPI contract.")
    parser.add_argument("--out", type=Path, default=GENERATED, help="output directory (default: generated/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print per-step timings")
    args = parser.parse_args(argv)
    try:
        timings = generate(args.out.resolve(), verbose=args.verbose)
    except (BundleError, GenerateError) as exc:
        print(f"codegen: {exc}", file=sys.stderr)
        return 1
    print(f"codegen: generated {args.out} in {timings['total']:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
