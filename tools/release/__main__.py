"""CLI: python -m tools.release build|sign|verify|smoke (see tools/release/__init__.py, docs/releases.md)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from tools.release import sshsig
from tools.release.checksums import SUMS, check_sums, write_sums
from tools.release.sbom import write_sbom

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "dist" / "release"
DEV_KEY_DIR = REPO / "var" / "release-key"
SIG = f"{SUMS}.sig"
PUBKEY = "release-key.pub"
ALLOWED = "allowed_signers"
SIGSTORE_SUFFIX = ".sigstore.json"
# Signature material sits next to the artifacts but is not listed in SHA256SUMS.
SIGNATURE_FILES = {SIG, PUBKEY, ALLOWED}


def log(message: str) -> None:
    print(f"release: {message}", file=sys.stderr, flush=True)


def run(cmd: list[str], **kwargs: object) -> None:
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


# ----------------------------------------------------------------------------------------------- build
def build(
    projects: list[Path], out: Path, *, lock: Path | None, sign_mode: str, isolation: bool, strict: bool
) -> int:
    if out.exists() and any(out.iterdir()):
        if not (out / SUMS).exists() and not all(p.suffix in {".whl", ".gz", ".json"} for p in out.iterdir()):
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
            run(cmd)
            for built in sorted(Path(tmp).iterdir()):
                target = out / built.name
                shutil.move(str(built), target)
                artifacts.append(target)
    dists = [a for a in artifacts if a.suffix == ".whl" or a.name.endswith(".tar.gz")]
    run([sys.executable, "-m", "twine", "check", *(["--strict"] if strict else []), *map(str, dists)])
    sboms: list[Path] = []
    for wheel in (a for a in artifacts if a.suffix == ".whl"):
        stem = "-".join(wheel.name.split("-")[:2])
        related = [a for a in artifacts if a.name.startswith(stem + ".") or a.name.startswith(stem + "-")]
        sbom = write_sbom(wheel, related, out / f"{stem}.cdx.json", lock)
        log(f"SBOM {sbom.name}: {len(json.loads(sbom.read_text())['components'])} components (CycloneDX 1.5)")
        sboms.append(sbom)
    write_sums(out, [p.name for p in [*artifacts, *sboms]])
    log(f"wrote {out / SUMS}")
    rc = sign(out, sign_mode)
    if rc == 0:
        log(f"release ready in {out}")
    return rc


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
    cmd = [sys.executable, "-m", "sigstore", "sign", "--overwrite"]
    if os.environ.get("SIGSTORE_ID_TOKEN"):
        cmd += ["--identity-token", os.environ["SIGSTORE_ID_TOKEN"]]
    log(
        "$ "
        + " ".join(c if c != os.environ.get("SIGSTORE_ID_TOKEN") else "***" for c in cmd)
        + " <artifacts>"
    )
    subprocess.run([*cmd, *map(str, files)], check=True)


def release_key_path() -> tuple[Path, bool]:
    """(private key path, is_dev_key). COMPANYOS_RELEASE_KEY wins; otherwise a development key in var/."""
    configured = os.environ.get("COMPANYOS_RELEASE_KEY")
    if configured:
        return Path(configured), False
    dev = DEV_KEY_DIR / "release-key.pem"
    if not dev.exists():
        sshsig.generate_dev_key(DEV_KEY_DIR)
        log(
            f"generated a DEVELOPMENT release key in {DEV_KEY_DIR} (set COMPANYOS_RELEASE_KEY for real releases)"
        )
    return dev, True


def sign_ed25519(out: Path) -> None:
    path, dev = release_key_path()
    key = sshsig.load_private_key(path)
    (out / SIG).write_text(sshsig.sign((out / SUMS).read_bytes(), key))
    public = sshsig.openssh_public(key.public_key(), "companyos-dev-release-key" if dev else sshsig.IDENTITY)
    (out / PUBKEY).write_text(public + "\n")
    (out / ALLOWED).write_text(f'{sshsig.IDENTITY} namespaces="{sshsig.NAMESPACE}" {public}\n')
    log(f"signed {SUMS} with the {'development ' if dev else ''}Ed25519 release key → {SIG}")


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
def trusted_key(explicit: str | None, out: Path, trust_bundled: bool) -> Path | None:
    for candidate in (explicit, os.environ.get("COMPANYOS_RELEASE_PUBKEY")):
        if candidate:
            return Path(candidate)
    dev = DEV_KEY_DIR / "release-key.pub"
    if dev.is_file():
        return dev
    if trust_bundled and (out / PUBKEY).is_file():
        log(f"WARNING: trusting the key shipped in {out} (integrity only, not authenticity)")
        return out / PUBKEY
    return None


def verify(
    out: Path,
    *,
    key: str | None,
    trust_bundled: bool,
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
        pub = trusted_key(key, out, trust_bundled)
        if pub is None:
            print(
                "FAIL: no trusted release key (pass --key, set COMPANYOS_RELEASE_PUBKEY, or --trust-bundled-key)"
            )
            problems.append("no trusted key")
        else:
            try:
                sshsig.verify(
                    (out / SUMS).read_bytes(),
                    (out / SIG).read_text(errors="replace"),
                    sshsig.load_public_key(pub),
                )
                verified.append(f"Ed25519 SSH signature by {pub}")
            except (sshsig.SignatureError, ValueError, OSError) as exc:
                print(f"FAIL: {SIG}: {exc}")
                problems.append("bad signature")
    bundles = sorted(out.glob(f"*{SIGSTORE_SUFFIX}"))
    if bundles:
        if sigstore_identity and sigstore_issuer:
            for bundle in bundles:
                target = out / bundle.name[: -len(SIGSTORE_SUFFIX)]
                done = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "sigstore",
                        "verify",
                        "identity",
                        "--bundle",
                        str(bundle),
                        "--cert-identity",
                        sigstore_identity,
                        "--cert-oidc-issuer",
                        sigstore_issuer,
                        str(target),
                    ],
                    check=False,
                )
                if done.returncode != 0:
                    print(f"FAIL: sigstore bundle {bundle.name}")
                    problems.append("bad sigstore bundle")
            if not problems:
                verified.append(f"{len(bundles)} sigstore bundle(s)")
        else:
            print(
                f"note: {len(bundles)} sigstore bundle(s) not checked (needs --sigstore-identity/--sigstore-issuer and network)"
            )
    if not verified and not problems:
        print("FAIL: no verifiable signature (expected SHA256SUMS.sig or sigstore bundles)")
        problems.append("unsigned")
    if problems:
        print(f"release verification FAILED for {out}")
        return 1
    print(f"OK: {len(listed)} file(s) match {SUMS}; {', '.join(verified)}")
    return 0


# ----------------------------------------------------------------------------------------------- smoke
def _pip_offline_args() -> list[str]:
    """Index arguments using only local sources from this machine's pip config (file:// indexes, find-links)."""
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
    args = ["--index-url", indexes[0]] if indexes else ["--no-index"]
    for extra in indexes[1:]:
        args += ["--extra-index-url", extra]
    for link in dict.fromkeys(links):
        args += ["--find-links", link]
    return args


def _pick_wheel(out: Path, name: str | None) -> Path:
    wheels = sorted(out.glob("*.whl"))
    if name:
        wheels = [w for w in wheels if w.name.startswith(name.replace("-", "_") + "-")]
    elif len(wheels) > 1:
        wheels = [w for w in wheels if w.name.startswith("companyos-")] or wheels
    if len(wheels) != 1:
        raise SystemExit(
            f"release: expected one wheel in {out}, found {[w.name for w in wheels]} (use --wheel)"
        )
    return wheels[0]


FALLBACK = r"""
import os, sys
url = os.environ["COMPANYOS_TEST_API_URL"]
tops = sys.argv[1:]
for top in tops:
    __import__(top)
    print(f"imported {top} from {sys.modules[top].__file__}")
if "companyos" in tops:
    import companyos
    with companyos.Client(base_url=url) as client:
        print("health:", client.system.health())
elif "companyos_client" in tops:
    from companyos_client import Client
    from companyos_client.api.system import get_health
    response = get_health.sync_detailed(client=Client(base_url=url))
    assert response.status_code == 200, response
    print("health:", response.parsed)
else:
    import urllib.request
    with urllib.request.urlopen(url + "/v1/health") as r:
        assert r.status == 200
"""


def smoke(
    out: Path,
    *,
    python: str,
    wheel_name: str | None,
    lock: Path | None,
    quickstart: Path | None,
    offline: bool,
) -> int:
    wheel = _pick_wheel(out, wheel_name)
    with zipfile.ZipFile(wheel) as zf:
        tops = sorted(
            {
                n.split("/", 1)[0]
                for n in zf.namelist()
                if "/" in n and not n.split("/", 1)[0].endswith((".dist-info", ".data"))
            }
        )
    from tools.live_server import live_server  # the server runs from this (repository) environment

    with tempfile.TemporaryDirectory(prefix="companyos-smoke-") as tmp:
        venv = Path(tmp) / "venv"
        run([python, "-m", "venv", str(venv)])
        vpy = str(venv / "bin" / "python")
        pip = [
            vpy,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--find-links",
            str(out),
        ]
        if offline:
            pip += _pip_offline_args()  # local sources may not hold every requirements.lock pin: no -c
        elif lock and lock.is_file():
            pip += ["-c", str(lock)]
        run([*pip, str(wheel)])
        entry = None
        if quickstart and quickstart.exists():
            entry = (
                quickstart
                if quickstart.is_file()
                else next(
                    (
                        quickstart / n
                        for n in ("main.py", "quickstart.py", "__main__.py")
                        if (quickstart / n).is_file()
                    ),
                    None,
                )
            )
        with live_server() as srv:
            env = dict(srv.env)
            env.pop("PYTHONPATH", None)
            creds = json.loads(srv.credentials.read_text())
            client = creds["clients"][0]
            env.update(
                COMPANYOS_BASE_URL=srv.url,
                COMPANYOS_API_URL=srv.url,
                COMPANYOS_CLIENT_ID=client["client_id"],
                COMPANYOS_CLIENT_SECRET=client["client_secret"],
            )
            if entry is not None:
                log(f"running {entry} with {wheel.name} installed in a fresh venv")
                done = subprocess.run([vpy, str(entry.resolve())], cwd=tmp, env=env, check=False)
            else:
                log(f"no Python quickstart found: import {tops} + a /v1/health call")
                done = subprocess.run([vpy, "-c", FALLBACK, *tops], cwd=tmp, env=env, check=False)
        if done.returncode != 0:
            log(f"smoke FAILED ({done.returncode})")
            return 1
    log(f"smoke OK: {wheel.name} on {python}")
    return 0


# ------------------------------------------------------------------------------------------------ main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.release")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="sdist + wheel, twine check, SBOM, SHA256SUMS, sign")
    b.add_argument("projects", nargs="*", type=Path, help="project dirs (default: sdk)")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT)
    b.add_argument("--lock", type=Path, default=REPO / "requirements.lock")
    b.add_argument("--sign", choices=["auto", "sigstore", "key", "none"], default="auto")
    b.add_argument(
        "--isolation", action="store_true", help="build in an isolated env (needs hatchling from an index)"
    )
    b.add_argument("--strict", action="store_true", help="twine check --strict")
    s = sub.add_parser("sign", help="sign DIR/SHA256SUMS")
    s.add_argument("dir", type=Path)
    s.add_argument("--sign", choices=["auto", "sigstore", "key"], default="auto")
    v = sub.add_parser("verify", help="verify checksums and signature offline")
    v.add_argument("dir", type=Path)
    v.add_argument(
        "--key",
        help="trusted Ed25519 public key (OpenSSH or PEM); default COMPANYOS_RELEASE_PUBKEY or var/release-key",
    )
    v.add_argument(
        "--trust-bundled-key", action="store_true", help="accept DIR/release-key.pub (integrity only)"
    )
    v.add_argument("--sigstore-identity")
    v.add_argument("--sigstore-issuer", default=None)
    m = sub.add_parser("smoke", help="install the wheel in a fresh venv and run the Python quickstart")
    m.add_argument("dir", type=Path)
    m.add_argument("--python", default=sys.executable)
    m.add_argument("--wheel", default=None, help="distribution name when DIR holds several wheels")
    m.add_argument("--lock", type=Path, default=REPO / "requirements.lock")
    m.add_argument("--quickstart", type=Path, default=REPO / "quickstarts" / "python")
    m.add_argument(
        "--offline",
        action="store_true",
        help="dependencies only from local sources in the pip config (file:// indexes, find-links)",
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            projects = [p.resolve() for p in args.projects] or [REPO / "sdk"]
            return build(
                projects,
                args.out.resolve(),
                lock=args.lock,
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
                trust_bundled=args.trust_bundled_key,
                sigstore_identity=args.sigstore_identity,
                sigstore_issuer=args.sigstore_issuer,
            )
        return smoke(
            args.dir.resolve(),
            python=args.python,
            wheel_name=args.wheel,
            lock=args.lock,
            quickstart=args.quickstart,
            offline=args.offline,
        )
    except subprocess.CalledProcessError as exc:
        log(f"command failed ({exc.returncode}): {' '.join(map(str, exc.cmd))}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
