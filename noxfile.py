"""Test and build sessions. `./dev test` runs the default sessions inside .venv (--no-venv)."""

from __future__ import annotations

import os
import re
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
    "console",
    "release_smoke",
]
nox.options.error_on_missing_interpreters = False

PYTEST = [sys.executable, "-m", "pytest", "-q", "-ra", "-p", "no:cacheprovider"]
# The unit, contract and integration suites run on pytest-xdist workers, one per core up to four (CI has two
# cores: the suites took 75 minutes on one). Every test has a database and var dir of its own, and each
# worker builds its own seeded templates. COMPANYOS_TEST_WORKERS=0 runs them in this process.
WORKERS = os.environ.get("COMPANYOS_TEST_WORKERS") or str(min(4, os.cpu_count() or 1))
PARALLEL = [*PYTEST, "-n", WORKERS]
QUICKSTART_TESTS = ["tests/integration/cli/test_quickstarts.py", "tests/integration/quickstarts"]
LINTED = ["server", "sdk", "console", "codegen", "tests", "benchmarks", "tools", "noxfile.py"]


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
    session.run("mypy", "console/companyos_console")


@nox.session
def unit(session: nox.Session) -> None:
    session.run(*PARALLEL, "tests/unit", *session.posargs)


@nox.session
def contract(session: nox.Session) -> None:
    session.run(*PARALLEL, "tests/contract", *session.posargs)


@nox.session
def integration(session: nox.Session) -> None:
    session.run(
        *PARALLEL,
        *_existing(["tests/integration", "tests/e2e"]),
        *(f"--ignore={path}" for path in QUICKSTART_TESTS),  # the quickstarts session runs these
        *session.posargs,
    )


@nox.session
def codegen(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "codegen.generate")


@nox.session
def codegen_check(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "codegen.check")


def latest_released_spec(directory: str = "openapi/released") -> str:
    """The highest version's openapi-X.Y.Z.json under openapi/released (compared as numbers, not text)."""
    found = []
    for name in os.listdir(directory):
        match = re.fullmatch(r"openapi-(\d+)\.(\d+)\.(\d+)\.json", name)
        if match:
            found.append((tuple(int(part) for part in match.groups()), os.path.join(directory, name)))
    if not found:
        raise FileNotFoundError(f"no openapi-X.Y.Z.json under {directory}")
    return max(found)[1]


@nox.session
def breaking(session: nox.Session) -> None:
    """Against the newest released spec: a breaking change needs a major bump of info.version, an additive
    change a minor bump, and the version never goes backwards (codegen.breaking --semver)."""
    released = latest_released_spec()
    session.log(f"baseline: {released}")
    session.run(sys.executable, "-m", "codegen.breaking", "--semver", released, "generated/openapi.json")


# Node majors of the smoke matrix: the machine's node (20) and Node 22 installed from npm into
# tools/release/node22 (locked); `COMPANYOS_NODE_MATRIX=20` narrows it. See tools/release/node_matrix.py.
NODE_MATRIX = [sys.executable, "-m", "tools.release.node_matrix", "--"]


@nox.session
def ts(session: nox.Session) -> None:
    """The TypeScript client under Node 20 and 22: tsc --strict, then node:test unit and live tests against a
    real server (one per Node)."""
    session.run(
        *NODE_MATRIX, sys.executable, "tools/live_server.py", "--", "tools/ts_check.sh", external=True
    )


@nox.session
def quickstarts(session: nox.Session) -> None:
    """Every quickstart against a live reference server: Python, CLI, Node (client credentials, and the
    device flow approved in Chromium) and the browser page (OIDC + PKCE in Chromium)."""
    session.run("node", "clients/typescript/scripts/build.mjs", external=True)  # copies the schema types
    session.run(  # the Node quickstart under each Node of the matrix (20, 22)
        sys.executable,
        "tools/live_server.py",
        "--",
        *NODE_MATRIX,
        "node",
        "quickstarts/node/index.mjs",
        external=True,
    )
    session.run(*PYTEST, *QUICKSTART_TESTS, *session.posargs)


@nox.session
def console(session: nox.Session) -> None:
    """The web console in Debian's chromium (Playwright + axe) against a live server; screenshots in
    var/console-screenshots. The in-process console tests run in `integration`."""
    session.run(*PYTEST, "tests/console", *session.posargs)


@nox.session
def release(session: nox.Session) -> None:
    """sdist + wheel (twine check), npm pack (publint, attw), cyclonedx-py SBOM, SHA256SUMS, signature."""
    session.run(sys.executable, "-m", "tools.release", "build", *(session.posargs or ["sdk"]))


@nox.session
def verify_release(session: nox.Session) -> None:
    """Verify dist/release. A local build (no COMPANYOS_RELEASE_KEY) is signed by the development key."""
    args = session.posargs or ["dist/release"]
    dev_pub = "var/release-key/release-key.pub"
    if "--key" not in args and not os.environ.get("COMPANYOS_RELEASE_KEY") and os.path.exists(dev_pub):
        args = [*args, "--key", dev_pub]
    session.run(sys.executable, "-m", "tools.release", "verify", *args)


@nox.session
def release_smoke(session: nox.Session) -> None:
    """Build, verify, publish to a local pypiserver + verdaccio, install from them, run the quickstarts."""
    session.run(*PYTEST, "tests/release", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    session.run(sys.executable, "-m", "benchmarks", *session.posargs)
