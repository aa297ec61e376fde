"""Test and build sessions. `./dev test` runs the default sessions inside .venv (--no-venv)."""

from __future__ import annotations

import os
import sys

import nox

nox.options.default_venv_backend = "none"
nox.options.sessions = [
    "lint",
    "typing",
    "unit",
    "contract",
    "integration",
    "codegen_check",
    "breaking",
    "ts",
    "quickstarts",
]
nox.options.error_on_missing_interpreters = False

PYTEST = [sys.executable, "-m", "pytest", "-q", "-ra", "-p", "no:cacheprovider"]
LINTED = ["server", "sdk", "codegen", "tests", "benchmarks", "tools", "noxfile.py"]


def _existing(paths: list[str]) -> list[str]:
    return [p for p in paths if os.path.exists(p)]


@nox.session
def lint(session: nox.Session) -> None:
    session.run("ruff", "check", *_existing(LINTED))
    session.run("ruff", "format", "--check", *_existing(LINTED))


@nox.session
def typing(session: nox.Session) -> None:
    session.run("mypy", "server/companyos_server")
    session.run("mypy", "sdk/companyos")


@nox.session
def unit(session: nox.Session) -> None:
    session.run(*PYTEST, "tests/unit", *session.posargs)


@nox.session
def contract(session: nox.Session) -> None:
    session.run(*PYTEST, "tests/contract", *session.posargs)


@nox.session
def integration(session: nox.Session) -> None:
    session.run(
        *PYTEST,
        *_existing(["tests/integration", "tests/e2e"]),
        "--ignore=tests/integration/cli/test_quickstarts.py",  # the quickstarts session runs these
        *session.posargs,
    )


@nox.session
def codegen(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "codegen.generate")


@nox.session
def codegen_check(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "codegen.check")


@nox.session
def breaking(session: nox.Session) -> None:
    """No breaking change against the last released spec (a major version bump is the only way out)."""
    released = "openapi/released/openapi-1.0.0.json"
    session.run(sys.executable, "-m", "codegen.breaking", "--semver", released, "generated/openapi.json")


@nox.session
def ts(session: nox.Session) -> None:
    """The TypeScript client: tsc --strict, then node:test unit and live tests against a real server."""
    session.run(sys.executable, "tools/live_server.py", "--", "tools/ts_check.sh", external=True)


@nox.session
def quickstarts(session: nox.Session) -> None:
    """Every quickstart against a live reference server."""
    session.run("node_modules/.bin/tsc", "-p", "clients/typescript/tsconfig.json", external=True)
    session.run(
        sys.executable, "tools/live_server.py", "--", "node", "quickstarts/web/index.mjs", external=True
    )


@nox.session
def release(session: nox.Session) -> None:
    """Build sdist + wheel, twine check, CycloneDX SBOM, SHA256SUMS, signature (sigstore or Ed25519)."""
    session.run(sys.executable, "-m", "tools.release", "build", *(session.posargs or ["sdk"]))


@nox.session
def verify_release(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "tools.release", "verify", *(session.posargs or ["dist/release"]))


@nox.session
def release_smoke(session: nox.Session) -> None:
    """Install the built wheel into a fresh venv and run the Python quickstart against a live server."""
    session.run(sys.executable, "-m", "tools.release", "smoke", *(session.posargs or ["dist/release"]))


@nox.session
def bench(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "benchmarks", *session.posargs)
