"""CLI: python -m tools.release build|sign|verify|publish|smoke (see tools/release/__init__.py, docs/releases.md)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from tools.release import npm, sshsig
from tools.release.checksums import SUMS, check_sums, write_sums
from tools.release.sbom import check_sbom, write_sbom

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "dist" / "release"
DEV_KEY_DIR = REPO / "var" / "release-key"
COMMITTED_PUBKEY = REPO / "docs" / "release-key.pub"
SIG = f"{SUMS}.sig"
SIGSTORE_SUFFIX = ".sigstore.json"
# Signature material sits next to the artifacts but is not listed in SHA256SUMS.
SIGNATURE_FILES = {SIG}
# Never printed: the value after these options, and the value of these environment variables.
SECRET_OPTIONS = {"--identity-token", "--password", "-p", "--token", "--otp"}
SECRET_ENV = (
    "SIGSTORE_ID_TOKEN",
    "SIGSTORE_IDENTITY_TOKEN",
    "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
    "COMPANYOS_RELEASE_KEY_PASSWORD",
    "TWINE_PASSWORD",
    "NODE_AUTH_TOKEN",
    "NPM_TOKEN",
)


def redact(cmd: list[str] | tuple[str, ...] | str) -> str:
    """The command as text with every secret replaced by ***: safe to print or log."""
    parts = [cmd] if isinstance(cmd, str) else [str(c) for c in cmd]
    out: list[str] = []
    hide_next = False
    for part in parts:
        if hide_next:
            out.append("***")
            hide_next = False
            continue
        option, eq, _ = part.partition("=")
        if option in SECRET_OPTIONS:
            hide_next = not eq
            out.append(f"{option}=***" if eq else part)
            continue
        if "_authToken=" in part:
            part = part.split("_authToken=", 1)[0] + "_authToken=***"
        out.append(part)
    return mask_secrets(" ".join(out))


def mask_secrets(text: str) -> str:
    for name in SECRET_ENV:
        value = os.environ.get(name)
        if value and len(value) >= 4:
            text = text.replace(value, "***")
    return text


def log(message: str) -> None:
    print(f"release: {mask_secrets(message)}", file=sys.stderr, flush=True)


def run(cmd: list[str], **kwargs: Any) -> None:
    log("$ " + redact(cmd))
    subprocess.run(cmd, check=True, **kwargs)


# ------------------------------------------------------------------------------------------ pip sources
def _pip_local_sources() -> tuple[list[str], list[str]]:
    """(file:// indexes, find-links) from this machine's pip config: the local package sources."""
    config = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True, check=False
    )
    indexes: list[str] = []
    links: list[str] = []
    for line in config.stdout.splitlines():
        key, _, value = line.partition("=")
        value = value.strip().strip("'\"")
        if key.endswith(("index-url", "extra-index-url")):
            indexes += [v for v in value.split() if v.startswith("file:")]
        elif key.endswith("find-links"):
            links += value.split()
    return list(dict.fromkeys(indexes)), list(dict.fromkeys(links))


def pip_source_args(index_url: str | None = None, *, offline: bool | None = None) -> list[str]:
    """pip arguments for installing a release: from `index_url` when given (the local pypiserver, or PyPI),
    with dependencies from the local sources when this machine has them (no internet), else from PyPI
    within requirements.lock."""
    indexes, links = _pip_local_sources()
    local = bool(indexes or links) if offline is None else offline
    args: list[str] = []
    if index_url:
        args += ["--index-url", index_url]
        extras = indexes if local else []
    elif local:
        args += ["--index-url", indexes[0]] if indexes else ["--no-index"]
        extras = indexes[1:]
    else:
        extras = []
    for extra in extras:
        args += ["--extra-index-url", extra]
    for link in links if local else []:
        args += ["--find-links", link]
    lock = REPO / "requirements.lock"
    if not local and lock.is_file():
        args += ["-c", str(lock)]
    return args


# ----------------------------------------------------------------------------------------------- build
def build(
    projects: list[Path],
    npm_packages: list[Path],
    out: Path,
    *,
    sign_mode: str,
    isolation: bool,
    strict: bool,
) -> int:
    if out.exists() and any(out.iterdir()):
        if not (out / SUMS).exists() and not all(
            p.suffix in {".whl", ".gz", ".json", ".tgz"} for p in out.iterdir()
        ):
            log(f"{out} is not empty and not a previous release dir: refusing to clear it")
            return 2
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    artifacts: list[Path] = []
    for project in projects:
        if not (project / "pyproject.toml").is_file():
            log(f"{project} has no pyproject.toml")
            return 2
        with tempfile.TemporaryDirectory(prefix="companyos-build-") as tmp:
            cmd = [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", tmp, str(project)]
            if not isolation:
                cmd.insert(3, "--no-isolation")
            run(cmd, stdout=subprocess.DEVNULL)
            for built in sorted(Path(tmp).iterdir()):
                target = out / built.name
                shutil.move(str(built), target)
                artifacts.append(target)
    dists = [a for a in artifacts if a.suffix == ".whl" or a.name.endswith(".tar.gz")]
    if dists:
        run([sys.executable, "-m", "twine", "check", *(["--strict"] if strict else []), *map(str, dists)])
    for package in npm_packages:
        tarball = npm.pack(package, out, run)
        npm.lint(tarball, run)
        log(f"npm package {tarball.name}: publint, attw and self-contained types OK")
        artifacts.append(tarball)
    sboms: list[Path] = []
    pip_args = pip_source_args()
    for wheel in (a for a in artifacts if a.suffix == ".whl"):
        stem = "-".join(wheel.name.split("-")[:2])
        related = [a for a in dists if a.name.startswith(stem + ".") or a.name.startswith(stem + "-")]
        project = next(p for p in projects if _dist_stem(p) == stem)
        sbom = write_sbom(wheel, related, out / f"{stem}.cdx.json", project / "pyproject.toml", pip_args, log)
        count = len(json.loads(sbom.read_text())["components"])
        log(f"SBOM {sbom.name}: {count} components (cyclonedx-py environment, CycloneDX 1.6)")
        sboms.append(sbom)
    write_sums(out, [p.name for p in [*artifacts, *sboms]])
    log(f"wrote {out / SUMS}")
    rc = sign(out, sign_mode)
    if rc == 0:
        log(f"release ready in {out}")
    return rc


def _dist_stem(project: Path) -> str:
    meta = tomllib.loads((project / "pyproject.toml").read_text())["project"]
    return f"{meta['name'].replace('-', '_').lower()}-{meta['version']}"


# ------------------------------------------------------------------------------------------------ sign
def oidc_available() -> bool:
    return bool(
        os.environ.get("SIGSTORE_ID_TOKEN")
        or (
            os.environ.get("ACTIONS_ID_TOKEN_REQUEST_URL")
            and os.environ.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN")
        )
    )


def sign_sigstore(out: Path) -> None:
    files = [
        out / SUMS,
        *sorted(
            p
            for p in out.iterdir()
            if p.name not in SIGNATURE_FILES and p.name != SUMS and not p.name.endswith(SIGSTORE_SUFFIX)
        ),
    ]
    # The identity token goes through the environment (sigstore reads SIGSTORE_IDENTITY_TOKEN), never argv:
    # a failing command is printed, and argv is visible to every process on the machine.
    env = dict(os.environ)
    if os.environ.get("SIGSTORE_ID_TOKEN"):
        env["SIGSTORE_IDENTITY_TOKEN"] = os.environ["SIGSTORE_ID_TOKEN"]
    run([sys.executable, "-m", "sigstore", "sign", "--overwrite", *map(str, files)], env=env)


def release_key_path() -> tuple[Path, bool]:
    """(private key path, is_dev_key). COMPANYOS_RELEASE_KEY wins; otherwise a development key in var/."""
    configured = os.environ.get("COMPANYOS_RELEASE_KEY")
    if configured:
        return Path(configured), False
    dev = DEV_KEY_DIR / "release-key.pem"
    if not dev.exists():
        sshsig.generate_dev_key(DEV_KEY_DIR)
        log(
            f"generated a DEVELOPMENT release key in {DEV_KEY_DIR} (COMPANYOS_RELEASE_KEY names the real one)"
        )
    return dev, True


def sign_ed25519(out: Path) -> None:
    path, dev = release_key_path()
    key = sshsig.load_private_key(path)
    (out / SIG).write_text(sshsig.sign((out / SUMS).read_bytes(), key))
    which = f"the DEVELOPMENT key {path.parent / 'release-key.pub'}" if dev else "the release key"
    log(f"signed {SUMS} with {which} → {SIG}")


def sign(out: Path, mode: str = "auto") -> int:
    if not (out / SUMS).is_file():
        log(f"{out / SUMS} not found")
        return 2
    use_sigstore = mode == "sigstore" or (mode == "auto" and oidc_available())
    use_key = mode == "key" or (
        mode == "auto" and (not use_sigstore or bool(os.environ.get("COMPANYOS_RELEASE_KEY")))
    )
    if mode == "sigstore" and not oidc_available():
        log("--sign sigstore needs an OIDC identity (SIGSTORE_ID_TOKEN or GitHub Actions id-token: write)")
        return 2
    if use_sigstore:
        sign_sigstore(out)
    if use_key:
        sign_ed25519(out)
    if not (use_sigstore or use_key):
        log("WARNING: release left unsigned (--sign none)")
    return 0


# ---------------------------------------------------------------------------------------------- verify
def trusted_key(explicit: str | None) -> Path:
    """--key, else COMPANYOS_RELEASE_PUBKEY, else the committed docs/release-key.pub. Never a key shipped
    inside the release directory: that would prove integrity, not who made the release."""
    for candidate in (explicit, os.environ.get("COMPANYOS_RELEASE_PUBKEY")):
        if candidate:
            return Path(candidate)
    return COMMITTED_PUBKEY


def verify(
    out: Path,
    *,
    key: str | None,
    sigstore_identity: str | None,
    sigstore_issuer: str | None,
) -> int:
    if not (out / SUMS).is_file():
        print(f"FAIL: {out / SUMS} not found")
        return 1
    problems = check_sums(out)
    listed = {
        line.split("  ", 1)[1]
        for line in (out / SUMS).read_text(errors="replace").splitlines()
        if "  " in line
    }
    for extra in sorted(p.name for p in out.iterdir() if p.is_file()):
        if (
            extra not in listed
            and extra != SUMS
            and extra not in SIGNATURE_FILES
            and not extra.endswith(SIGSTORE_SUFFIX)
        ):
            problems.append(f"unlisted  {extra}")
    for problem in problems:
        print(f"FAIL: {problem}")
    verified = []
    if (out / SIG).is_file():
        pub = trusted_key(key)
        try:
            sshsig.verify(
                (out / SUMS).read_bytes(),
                (out / SIG).read_text(errors="replace"),
                sshsig.load_public_key(pub),
            )
            verified.append(f"Ed25519 SSH signature by {pub}")
        except (sshsig.SignatureError, ValueError, OSError) as exc:
            print(f"FAIL: {SIG} (trusted key {pub}): {exc}")
            problems.append("bad signature")
    bundles = sorted(out.glob(f"*{SIGSTORE_SUFFIX}"))
    if bundles:
        if sigstore_identity and sigstore_issuer:
            for bundle in bundles:
                target = out / bundle.name[: -len(SIGSTORE_SUFFIX)]
                cmd = [sys.executable, "-m", "sigstore", "verify", "identity", "--bundle", str(bundle)]
                cmd += [
                    "--cert-identity",
                    sigstore_identity,
                    "--cert-oidc-issuer",
                    sigstore_issuer,
                    str(target),
                ]
                if subprocess.run(cmd, check=False).returncode != 0:
                    print(f"FAIL: sigstore bundle {bundle.name}")
                    problems.append("bad sigstore bundle")
            if not problems:
                verified.append(f"{len(bundles)} sigstore bundle(s)")
        else:
            print(
                f"note: {len(bundles)} sigstore bundle(s) not checked (needs --sigstore-identity/--sigstore-issuer and network)"
            )
    sboms = sorted(n for n in listed if n.endswith(".cdx.json") and (out / n).is_file())
    for name in sboms if not problems else []:  # (an SBOM is only worth reading in an intact release)
        for problem in check_sbom(out / name, out):
            print(f"FAIL: {problem}")
            problems.append(problem)
    if not verified and not problems:
        print("FAIL: no verifiable signature (expected SHA256SUMS.sig or sigstore bundles)")
        problems.append("unsigned")
    if problems:
        print(f"release verification FAILED for {out}")
        return 1
    print(f"OK: {len(listed)} file(s) match {SUMS}; {', '.join(verified)}; {len(sboms)} SBOM(s) valid")
    return 0


# --------------------------------------------------------------------------------------------- publish
def publish(out: Path, *, repository_url: str | None, npm_registry: str | None, provenance: bool) -> int:
    """Upload the distributions with twine and the npm tarball with npm publish (credentials from the
    environment: TWINE_USERNAME/TWINE_PASSWORD, the npm user config / NODE_AUTH_TOKEN)."""
    if repository_url:
        dists = sorted([*out.glob("*.whl"), *out.glob("*.tar.gz")])
        run([sys.executable, "-m", "twine", "upload", "--non-interactive", "--repository-url", repository_url,
             *map(str, dists)])  # fmt: skip
    if npm_registry:
        for tarball in sorted(out.glob("*.tgz")):
            cmd = ["npm", "publish", str(tarball), "--registry", npm_registry, "--access", "public"]
            run([*cmd, *(["--provenance"] if provenance else [])], cwd=out)
    return 0


# ----------------------------------------------------------------------------------------------- smoke
def _version(out: Path, suffix: str) -> str:
    found = sorted(out.glob(f"companyos-*{suffix}")) or sorted(out.glob(f"companyos_*{suffix}"))
    if not found:
        raise SystemExit(f"release: no companyos*{suffix} in {out}")
    return found[0].name[len("companyos-") :].removesuffix(suffix).split("-", 1)[0]


def _server_env(srv: Any) -> dict[str, str]:
    """One set of variables for the SDK, the CLI and every quickstart (see docs/sdk)."""
    env = dict(srv.env)
    env.pop("PYTHONPATH", None)
    creds = json.loads(srv.credentials.read_text())
    client = next(c for c in creds["clients"] if c.get("tenant_id"))
    env.update(
        COMPANYOS_BASE_URL=srv.url,
        COMPANYOS_API_URL=srv.url,  # the older name, until every quickstart reads COMPANYOS_BASE_URL
        COMPANYOS_TENANT=client["tenant_id"],
        COMPANYOS_CLIENT_ID=client["client_id"],
        COMPANYOS_CLIENT_SECRET=client["client_secret"],
    )
    return env


# Run in the smoke venv: every requirement of companyos (with the cli extra) is installed at a matching version.
REQUIREMENTS_MET = """
import sys
from importlib import metadata
from packaging.requirements import Requirement
name, extra = sys.argv[1:3]
missing = []
for line in metadata.requires(name) or []:
    req = Requirement(line)
    if req.marker and not req.marker.evaluate({"extra": extra}):
        continue
    try:
        version = metadata.version(req.name)
    except metadata.PackageNotFoundError:
        missing.append(f"{req} (not installed)")
        continue
    if not req.specifier.contains(version, prereleases=True):
        missing.append(f"{req} (found {version})")
if missing:
    sys.exit(f"unmet requirements of {name}[{extra}]: " + ", ".join(missing))
print(f"{name} {metadata.version(name)} from {metadata.distribution(name).locate_file('')}: requirements met")
"""


def _install_python(tmp: Path, out: Path, python: str, index_url: str | None, deps_from: str | None) -> Path:
    venv = tmp / "venv"
    run([python, "-m", "venv", str(venv)])
    vpy = venv / "bin" / "python"
    pip = [str(vpy), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    report = tmp / "pip-report.json"
    if index_url:
        target = f"companyos[cli]=={_version(out, '-py3-none-any.whl')}"
    else:
        target = f"{next(iter(sorted(out.glob('companyos-*.whl'))))}[cli]"
    if deps_from:
        # Offline machines whose local sources lack some pins: companyos itself from the index (or DIR),
        # its dependencies from another environment's site-packages, appended after the venv's own.
        site = subprocess.run(
            [deps_from, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        own = subprocess.run(
            [str(vpy), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        run([*pip, "--no-deps", "--report", str(report), *pip_source_args(index_url), target])
        # After the install (else pip would find the other environment's companyos and install nothing).
        (Path(own) / "zz-companyos-smoke-deps.pth").write_text(site + "\n")
        log(f"dependencies from {site}; checking companyos[cli]'s requirements are met")
        subprocess.run([str(vpy), "-c", REQUIREMENTS_MET, "companyos", "cli"], check=True)
    else:
        run([*pip, "--report", str(report), *pip_source_args(index_url), target])
    origin = next(
        i for i in json.loads(report.read_text())["install"] if i["metadata"]["name"] == "companyos"
    )
    url = origin["download_info"]["url"]
    if index_url and not url.startswith(index_url.rsplit("/simple", 1)[0]):
        raise SystemExit(f"release: companyos came from {url}, not from {index_url}")
    log(f"installed companyos from {url}")
    return vpy


NODE_QUICKSTARTS = [REPO / "quickstarts" / "node" / "index.mjs", REPO / "quickstarts" / "web" / "index.mjs"]
NODE_TYPECHECK = """\
import { createCompanyOSClient } from "@companyos/client";
import type { paths } from "@companyos/client";

const client = createCompanyOSClient({ baseUrl: "http://127.0.0.1:1" });
export async function me(): Promise<string | undefined> {
  const { data } = await client.GET("/v1/me");
  return data?.subject;
}
// The path types are real (not `any`): an unknown path does not compile.
// @ts-expect-error
export const bad = () => client.GET("/v1/no-such-path");
export type Me = paths["/v1/me"]["get"];
"""


def _install_node(tmp: Path, out: Path, registry: str | None) -> Path:
    project = tmp / "node-project"
    project.mkdir()
    (project / "package.json").write_text(
        json.dumps({"name": "companyos-smoke", "private": True, "type": "module"}, indent=2) + "\n"
    )
    version = json.loads((REPO / "clients" / "typescript" / "package.json").read_text())["version"]
    spec = (
        f"@companyos/client@{version}"
        if registry
        else str(next(iter(sorted(out.glob("companyos-client-*.tgz")))))
    )
    peer = f"openapi-fetch@{json.loads((REPO / 'clients/typescript/package.json').read_text())['peerDependencies']['openapi-fetch']}"
    cmd = ["npm", "install", "--no-audit", "--no-fund", spec, peer]
    run([*cmd, *(["--registry", registry] if registry else [])], cwd=project)
    # Types: self-contained, strict, no skipLibCheck; ESM (NodeNext) resolution as a Node app sees them.
    (project / "check.ts").write_text(NODE_TYPECHECK)
    tsconfig = {
        "compilerOptions": {
            "target": "ES2022", "lib": ["ES2022", "DOM"], "types": [], "module": "NodeNext",
            "moduleResolution": "NodeNext", "strict": True, "skipLibCheck": False, "noEmit": True,
        },
        "files": ["check.ts"],
    }  # fmt: skip
    (project / "tsconfig.json").write_text(json.dumps(tsconfig, indent=2) + "\n")
    run([str(npm.NODE_BIN / "tsc"), "-p", str(project / "tsconfig.json")])
    # CommonJS consumers: require() works and exposes the same API.
    run(["node", "-e", "const c = require('@companyos/client'); if (typeof c.createCompanyOSClient !== 'function') process.exit(1)"], cwd=project)  # fmt: skip
    # The Node quickstart, importing the installed package instead of the repository's build.
    source = next(p for p in NODE_QUICKSTARTS if p.is_file())
    quickstart = project / "quickstart.mjs"
    quickstart.write_text(
        source.read_text().replace('"../../clients/typescript/dist/index.js"', '"@companyos/client"')
    )
    if "clients/typescript" in quickstart.read_text():
        raise ValueError(
            f"{source} imports the client other than from ../../clients/typescript/dist/index.js"
        )
    return quickstart


def smoke(
    out: Path,
    *,
    python: str,
    index_url: str | None,
    npm_registry: str | None,
    node: bool,
    deps_from: str | None = None,
    node_majors: list[int] | None = None,
) -> int:
    """Install the release (from DIR, or from the package indexes it was published to) into fresh
    environments and run the Python, CLI and Node quickstarts against a live reference server. With
    ``node_majors`` the installed package is loaded (ESM quickstart and CommonJS ``require``) under each of
    those Node majors (tools/release/node_matrix.py), else under the ``node`` on PATH."""
    from tools.live_server import live_server  # the server runs from this (repository) environment

    nodes: dict[str, str] = {"": "node"}
    if node and node_majors:
        from tools.release import node_matrix

        try:
            found = node_matrix.resolve(node_majors)
        except node_matrix.NodeMissing as exc:
            raise ValueError(str(exc)) from exc
        nodes = {f" {major}": str(d / "node") if d else "node" for major, d in found.items()}
    with tempfile.TemporaryDirectory(prefix="companyos-smoke-") as name:
        tmp = Path(name)
        vpy = _install_python(tmp, out, python, index_url, deps_from)
        quickstart = _install_node(tmp, out, npm_registry) if node else None
        failed = []
        # a generous start-up bound: the server comes up in seconds, but a busy CI runner can take minutes
        with live_server(ready_timeout=180.0) as srv:
            env = _server_env(srv)
            env["PATH"] = f"{vpy.parent}{os.pathsep}{env.get('PATH', '')}"
            env["PYTHON"] = str(vpy)
            runs = [
                ("python", [str(vpy), str(REPO / "quickstarts" / "python" / "quickstart.py")]),
                ("cli", ["bash", str(REPO / "quickstarts" / "cli" / "quickstart.sh")]),
            ]
            for suffix, node_bin in nodes.items() if quickstart is not None else ():
                version = subprocess.run([node_bin, "--version"], capture_output=True, text=True, check=False)
                log(f"node{suffix}: {version.stdout.strip()}")
                if suffix:  # the CommonJS build under this Node too (_install_node checked the PATH node)
                    require = "const c = require('@companyos/client'); if (typeof c.createCompanyOSClient !== 'function') process.exit(1)"  # fmt: skip
                    runs.append((f"node{suffix} require()", [node_bin, "-e", require]))  # fmt: skip
                runs.append((f"node{suffix}", [node_bin, str(quickstart)]))  # client credentials from the env
            for label, cmd in runs:
                log(f"{label} quickstart: {redact(cmd)}")
                cwd = quickstart.parent if quickstart is not None and label.endswith("require()") else tmp
                done = subprocess.run(cmd, cwd=cwd, env=env, check=False)
                if done.returncode != 0:
                    failed.append(f"{label} ({done.returncode})")
    if failed:
        log(f"smoke FAILED: {', '.join(failed)}")
        return 1
    shown = ", ".join(f"node{suffix}" for suffix in nodes) if node else ""
    log(
        f"smoke OK: python, cli{', ' + shown if node else ''} quickstarts with the release installed on {python}"
    )
    return 0


# ------------------------------------------------------------------------------------------------ main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.release")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="sdist + wheel, npm pack, checks, SBOM, SHA256SUMS, sign")
    b.add_argument("projects", nargs="*", type=Path, help="Python project dirs (default: sdk)")
    b.add_argument("--npm", type=Path, action="append", help="npm package dir (default: clients/typescript)")
    b.add_argument("--no-npm", action="store_true", help="no npm package")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT)
    b.add_argument("--sign", choices=["auto", "sigstore", "key", "none"], default="auto")
    b.add_argument(
        "--isolation", action="store_true", help="build in an isolated env (needs hatchling from an index)"
    )
    b.add_argument("--strict", action="store_true", help="twine check --strict")
    s = sub.add_parser("sign", help="sign DIR/SHA256SUMS")
    s.add_argument("dir", type=Path)
    s.add_argument("--sign", choices=["auto", "sigstore", "key"], default="auto")
    v = sub.add_parser("verify", help="verify checksums, signature and SBOM offline")
    v.add_argument("dir", type=Path)
    v.add_argument(
        "--key",
        help="trusted Ed25519 public key; default COMPANYOS_RELEASE_PUBKEY, else docs/release-key.pub",
    )
    v.add_argument("--sigstore-identity")
    v.add_argument("--sigstore-issuer", default=None)
    p = sub.add_parser("publish", help="twine upload + npm publish")
    p.add_argument("dir", type=Path)
    p.add_argument("--repository-url", help="Python package index upload URL")
    p.add_argument("--npm-registry", help="npm registry URL")
    p.add_argument("--provenance", action="store_true", help="npm publish --provenance (CI only)")
    m = sub.add_parser("smoke", help="install the release in fresh environments and run the quickstarts")
    m.add_argument("dir", type=Path)
    m.add_argument("--python", default=sys.executable)
    m.add_argument("--index-url", help="install companyos from this index (default: the wheel in DIR)")
    m.add_argument(
        "--npm-registry", help="install @companyos/client from this registry (default: DIR's tarball)"
    )
    m.add_argument("--no-node", action="store_true", help="skip the Node quickstart")
    m.add_argument(
        "--node-majors",
        type=lambda text: [int(part) for part in text.split(",") if part.strip()],
        help="comma-separated Node majors to run the Node quickstart under, e.g. 20,22 (default: the node on PATH)",
    )
    m.add_argument(
        "--deps-from",
        metavar="PYTHON",
        help="offline: install companyos with --no-deps and take its dependencies from PYTHON's site-packages",
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            projects = [p.resolve() for p in args.projects] or [REPO / "sdk"]
            packages = [] if args.no_npm else [p.resolve() for p in (args.npm or npm.DEFAULT_PACKAGES)]
            return build(
                projects,
                packages,
                args.out.resolve(),
                sign_mode=args.sign,
                isolation=args.isolation,
                strict=args.strict,
            )
        if args.command == "sign":
            return sign(args.dir.resolve(), args.sign)
        if args.command == "verify":
            return verify(
                args.dir.resolve(),
                key=args.key,
                sigstore_identity=args.sigstore_identity,
                sigstore_issuer=args.sigstore_issuer,
            )
        if args.command == "publish":
            return publish(
                args.dir.resolve(),
                repository_url=args.repository_url,
                npm_registry=args.npm_registry,
                provenance=args.provenance,
            )
        return smoke(
            args.dir.resolve(),
            python=args.python,
            index_url=args.index_url,
            npm_registry=args.npm_registry,
            node=not args.no_node,
            deps_from=args.deps_from,
            node_majors=args.node_majors,
        )
    except subprocess.CalledProcessError as exc:
        log(f"command failed ({exc.returncode}): {redact(exc.cmd)}")
        return 1
    except ValueError as exc:
        log(f"FAILED: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
