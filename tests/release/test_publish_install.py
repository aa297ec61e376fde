"""The release, end to end on this machine: build it (sdist + wheel, npm tarball, SBOM, SHA256SUMS, signature),
verify it with the commands docs/releases.md documents, publish it to a local pypiserver and a local
verdaccio (offline: no uplinks, no PyPI fallback), install both from there into fresh environments and run
the Python, CLI and Node quickstarts against a live reference server.

The release is signed with a throwaway key made here; the committed docs/release-key.pub must refuse it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.release import sshsig
from tools.release.registries import Registry, npmrc, pypiserver, verdaccio

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "releases.md"
NODE_MODULES = REPO / "node_modules"

pytestmark = pytest.mark.skipif(
    shutil.which("npm") is None
    or not (NODE_MODULES / "verdaccio").is_dir()
    or shutil.which("ssh-keygen") is None,
    reason="needs npm, the root node_modules (npm ci) and ssh-keygen",
)
TIMINGS: dict[str, float] = {}
# The versions being released, read from the packages themselves (the release workflow checks the tag
# against the same two files).
PY_VERSION = tomllib.loads((REPO / "sdk" / "pyproject.toml").read_text())["project"]["version"]
TS_VERSION = json.loads((REPO / "clients" / "typescript" / "package.json").read_text())["version"]
WHEEL = f"companyos-{PY_VERSION}-py3-none-any.whl"
SDIST = f"companyos-{PY_VERSION}.tar.gz"
SBOM = f"companyos-{PY_VERSION}.cdx.json"
TARBALL = f"companyos-client-{TS_VERSION}.tgz"


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("SIGSTORE_", "ACTIONS_ID_TOKEN", "COMPANYOS_RELEASE", "NPM_CONFIG_", "npm_config_")
        )
    }
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def _run(cmd: list[str], env: dict[str, str], label: str) -> subprocess.CompletedProcess[str]:
    start = time.monotonic()
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    TIMINGS[label] = round(time.monotonic() - start, 1)
    return done


def _release(*args: str, env: dict[str, str], label: str) -> subprocess.CompletedProcess[str]:
    return _run([sys.executable, "-m", "tools.release", *args], env, label)


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("keys")
    sshsig.generate_dev_key(directory)  # a throwaway key: the real private key never comes near a test
    return directory


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory, keys: Path) -> Path:
    out = tmp_path_factory.mktemp("release") / "dist"
    env = _env(COMPANYOS_RELEASE_KEY=str(keys / "release-key.pem"))
    done = _release("build", "sdk", "--out", str(out), "--strict", "--sign", "key", env=env, label="build")
    assert done.returncode == 0, done.stdout + done.stderr[-6000:]
    assert "publint" in done.stderr and "attw" in done.stderr
    return out


@pytest.fixture(scope="module")
def registries() -> Iterator[tuple[Registry, Registry]]:
    with pypiserver() as pypi, verdaccio() as npm_registry:
        yield pypi, npm_registry


def _documented_verification() -> str:
    """The shell block between the verify-commands markers of docs/releases.md, as partners run it."""
    text = DOC.read_text()
    match = re.search(r"<!-- verify-commands -->\s*```sh\n(.*?)```\s*<!-- /verify-commands -->", text, re.S)
    assert match, "docs/releases.md lost its verify-commands block"
    return match.group(1)


def test_build_outputs(release: Path) -> None:
    names = sorted(p.name for p in release.iterdir())
    assert names == [
        "SHA256SUMS",
        "SHA256SUMS.sig",
        *sorted([WHEEL, SBOM, SDIST, TARBALL]),
    ]
    # No key ships inside the release: authenticity comes from the committed key only.
    assert not [n for n in names if n.endswith(".pub") or "allowed_signers" in n]


def test_wheel_metadata(release: Path) -> None:
    with zipfile.ZipFile(release / WHEEL) as zf:
        meta = zf.read(f"companyos-{PY_VERSION}.dist-info/METADATA").decode()
        names = zf.namelist()
    assert "License-Expression: Apache-2.0" in meta
    assert "License-File: LICENSE" in meta and f"companyos-{PY_VERSION}.dist-info/licenses/LICENSE" in names
    urls = dict(
        line.removeprefix("Project-URL: ").split(", ", 1)
        for line in meta.splitlines()
        if line.startswith("Project-URL: ")
    )
    assert {"Homepage", "Documentation", "Source", "Issues", "Changelog"} <= set(urls), urls
    classifiers = [line for line in meta.splitlines() if line.startswith("Classifier: ")]
    assert "Classifier: Programming Language :: Python :: 3.11" in classifiers
    assert "Classifier: Typing :: Typed" in classifiers


def test_npm_package_is_self_contained(release: Path) -> None:
    with tarfile.open(release / TARBALL) as tf:
        names = set(tf.getnames())
        package = json.load(tf.extractfile("package/package.json"))  # type: ignore[arg-type]
        client_dts = tf.extractfile("package/dist/client.d.ts").read().decode()  # type: ignore[union-attr]
    assert "package/dist/schema.d.ts" in names and "package/dist/cjs/schema.d.ts" in names
    assert "generated/typescript" not in client_dts and 'from "./schema.js"' in client_dts
    assert not package.get("private") and package["version"] == TS_VERSION
    assert package["exports"]["."]["import"]["default"] == "./dist/index.js"
    assert package["exports"]["."]["require"]["default"] == "./dist/cjs/index.js"
    assert package["peerDependencies"]["openapi-fetch"].startswith("^")
    assert {"build", "test"} <= set(package["scripts"])


def test_sbom_from_cyclonedx_py_with_hashes_and_licences(release: Path) -> None:
    bom = json.loads((release / SBOM).read_text())
    assert bom["bomFormat"] == "CycloneDX" and bom["specVersion"] == "1.6"
    assert any(t.get("name") == "cyclonedx-py" for t in bom["metadata"]["tools"]["components"])
    subject = bom["metadata"]["component"]
    assert (subject["name"], subject["version"]) == ("companyos", PY_VERSION)
    assert subject["licenses"][0]["license"]["id"] == "Apache-2.0"
    components = {c["name"]: c for c in bom["components"]}
    assert {"httpx", "httpcore", "cryptography", "opentelemetry-api"} <= set(components)
    for component in components.values():
        assert re.fullmatch(r"[0-9a-f]{64}", component["hashes"][0]["content"]), component["name"]
        assert component["licenses"], component["name"]


def test_documented_verification_commands(release: Path, keys: Path) -> None:
    script = _documented_verification()
    ok = _run(["bash", "-euo", "pipefail", "-c", script], _env(RELEASE_DIR=str(release), RELEASE_KEY=str(keys / "release-key.pub")), "verify (documented)")  # fmt: skip
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "SBOM(s) valid" in ok.stdout and "Good" in ok.stdout + ok.stderr
    # Without RELEASE_KEY the documented commands trust the committed docs/release-key.pub: a release
    # signed by any other key (here the throwaway one) is refused.
    foreign = _run(["bash", "-euo", "pipefail", "-c", script], _env(RELEASE_DIR=str(release)), "verify (committed key)")  # fmt: skip
    assert foreign.returncode != 0
    assert "not the trusted release key" in foreign.stdout
    assert (REPO / "docs" / "release-key.pub").read_text().startswith("ssh-ed25519 ")


def test_verify_refuses_a_tampered_sbom(release: Path, keys: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(release, copy)
    from tools.release.checksums import write_sums

    bom = json.loads((copy / SBOM).read_text())
    bom["metadata"]["component"]["externalReferences"][0]["hashes"][0]["content"] = "0" * 64
    (copy / SBOM).write_text(json.dumps(bom))
    names = [line.split("  ", 1)[1] for line in (copy / "SHA256SUMS").read_text().splitlines()]
    write_sums(copy, names)
    key = sshsig.load_private_key(keys / "release-key.pem")
    (copy / "SHA256SUMS.sig").write_text(sshsig.sign((copy / "SHA256SUMS").read_bytes(), key))
    done = _release(
        "verify", str(copy), "--key", str(keys / "release-key.pub"), env=_env(), label="verify tampered"
    )
    assert done.returncode == 1
    assert "does not match" in done.stdout


def test_publish_install_and_quickstarts(
    release: Path, registries: tuple[Registry, Registry], tmp_path: Path
) -> None:
    pypi, npm_registry = registries
    userconfig = npmrc(npm_registry, tmp_path / "npmrc")
    env = _env(
        TWINE_USERNAME="release-test",
        TWINE_PASSWORD="unused",
        NPM_CONFIG_USERCONFIG=str(userconfig),
        NPM_CONFIG_CACHE=str(tmp_path / "npm-cache"),
    )
    # The peer dependency (openapi-fetch and its dependency) mirrored into the offline verdaccio.
    mirror = _run([sys.executable, "-m", "tools.release.registries", "mirror", npm_registry.url, "openapi-fetch"], env, "mirror peer")  # fmt: skip
    assert mirror.returncode == 0, mirror.stdout + mirror.stderr
    published = _release(
        "publish", str(release), "--repository-url", pypi.url, "--npm-registry", npm_registry.url, env=env, label="publish"
    )  # fmt: skip
    assert published.returncode == 0, published.stdout + published.stderr
    assert sorted(p.name for p in pypi.directory.iterdir()) == sorted([WHEEL, SDIST])
    smoke = _release(
        "smoke", str(release), "--index-url", f"{pypi.url}/simple/", "--npm-registry", npm_registry.url,
        # this machine has no internet and its local wheel sources lack some pins: dependencies from .venv
        "--deps-from", sys.executable,
        "--node-majors", "20,22",  # the smoke matrix: the machine's Node 20 and tools/release/node22
        env=env, label="smoke"
    )  # fmt: skip
    output = smoke.stdout + smoke.stderr
    assert smoke.returncode == 0, output[-8000:]
    assert f"installed companyos from {pypi.url}/packages/{WHEEL}" in output
    assert "@companyos/client" in output
    assert "audit chain OK" in output  # the Python quickstart ran to the end
    assert "== verify the audit chain" in output  # the CLI quickstart ran to the end
    # the Node quickstart importing the installed package, and its CommonJS build, under Node 20 and 22
    assert len(re.findall(r"Signed in as acme-service \(client\); tenants: acme", output)) == 2, output[
        -8000:
    ]
    assert re.search(r"node 20: v20\.", output) and re.search(r"node 22: v22\.", output)
    assert "smoke OK: python, cli, node 20, node 22 quickstarts" in output
