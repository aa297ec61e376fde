"""Release tooling: build a tiny project, sign, verify, then tamper and verify fails; the SBOM is sound."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("build", reason="`build` is not installed (add build to requirements.lock)")
pytest.importorskip("twine", reason="`twine` is not installed (add twine to requirements.lock)")
pytest.importorskip("hatchling", reason="`hatchling` is not installed (add hatchling to requirements.lock)")

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tools.release import sshsig
from tools.release.checksums import check_sums, parse_sums

REPO = Path(__file__).resolve().parents[3]


def _write_key(directory: Path, name: str) -> tuple[Path, Path]:
    key = Ed25519PrivateKey.generate()
    private = directory / f"{name}.pem"
    private.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    public = directory / f"{name}.pub"
    public.write_text(sshsig.openssh_public(key.public_key()) + "\n")
    return private, public


def _release(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tools.release", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | dict[str, str]]:
    root = tmp_path_factory.mktemp("release")
    project = root / "dummy"
    (project / "dummy_pkg").mkdir(parents=True)
    (project / "dummy_pkg" / "__init__.py").write_text('__version__ = "0.1.0"\n')
    (project / "README.md").write_text("# dummy\n\nA test distribution.\n")
    (project / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            [project]
            name = "companyos-dummy"
            version = "0.1.0"
            description = "A dummy distribution for the release tooling tests."
            readme = "README.md"
            license = "Apache-2.0"
            requires-python = ">=3.11"
            dependencies = ["httpx>=0.28,<0.29", "packaging>=20"]

            [tool.hatch.build.targets.wheel]
            packages = ["dummy_pkg"]
            """
        )
    )
    keys = root / "keys"
    keys.mkdir()
    private, public = _write_key(keys, "release")
    _, other_public = _write_key(keys, "attacker")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SIGSTORE_", "ACTIONS_ID_TOKEN", "COMPANYOS_RELEASE"))
    }
    env["COMPANYOS_RELEASE_KEY"] = str(private)
    out = root / "dist"
    done = _release("build", str(project), "--no-npm", "--out", str(out), "--strict", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return {"out": out, "public": public, "other_public": other_public, "keys": keys, "env": env}


def _copy(released: dict, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(released["out"], target)
    return target


def _verify(released: dict, directory: Path, key: Path | None = None) -> subprocess.CompletedProcess[str]:
    return _release("verify", str(directory), "--key", str(key or released["public"]), env=released["env"])


def test_build_outputs(released: dict) -> None:
    out: Path = released["out"]
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "SHA256SUMS",
        "SHA256SUMS.sig",
        "companyos_dummy-0.1.0-py3-none-any.whl",
        "companyos_dummy-0.1.0.cdx.json",
        "companyos_dummy-0.1.0.tar.gz",
    ]  # no public key inside the release: only a key the verifier already trusts proves authenticity
    listed = parse_sums((out / "SHA256SUMS").read_text())
    assert sorted(listed) == [
        "companyos_dummy-0.1.0-py3-none-any.whl",
        "companyos_dummy-0.1.0.cdx.json",
        "companyos_dummy-0.1.0.tar.gz",
    ]
    assert check_sums(out) == []


def test_verify_ok(released: dict) -> None:
    done = _verify(released, released["out"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK: 3 file(s) match SHA256SUMS" in done.stdout


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum not installed")
def test_sha256sum_compatible(released: dict) -> None:
    subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=released["out"], check=True)


@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen not installed")
def test_ssh_keygen_verifies_the_signature(released: dict, tmp_path: Path) -> None:
    out: Path = released["out"]
    allowed = tmp_path / "allowed_signers"
    public = released["public"].read_text().strip()
    allowed.write_text(f'{sshsig.IDENTITY} namespaces="{sshsig.NAMESPACE}" {public}\n')
    with (out / "SHA256SUMS").open("rb") as message:
        done = subprocess.run(
            [
                "ssh-keygen",
                "-Y",
                "verify",
                "-f",
                str(allowed),
                "-I",
                sshsig.IDENTITY,
                "-n",
                sshsig.NAMESPACE,
                "-s",
                "SHA256SUMS.sig",
            ],
            cwd=out,
            stdin=message,
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Good" in done.stdout


def _flip_byte(path: Path, offset: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    i = len(data) // 2 if offset is None else offset
    data[i] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "name",
    [
        "companyos_dummy-0.1.0-py3-none-any.whl",
        "companyos_dummy-0.1.0.tar.gz",
        "companyos_dummy-0.1.0.cdx.json",
    ],
)
def test_tampered_artifact_fails(released: dict, tmp_path: Path, name: str) -> None:
    copy = _copy(released, tmp_path)
    _flip_byte(copy / name)
    done = _verify(released, copy)
    assert done.returncode == 1
    assert f"MISMATCH  {name}" in done.stdout


def test_tampered_sums_fails(released: dict, tmp_path: Path) -> None:
    copy = _copy(released, tmp_path)
    sums = copy / "SHA256SUMS"
    text = sums.read_text()
    # Re-point an entry at a substituted artifact and make the checksum match it: only the signature catches it.
    _flip_byte(copy / "companyos_dummy-0.1.0.tar.gz")
    from tools.release.checksums import sha256_file

    old = parse_sums(text)["companyos_dummy-0.1.0.tar.gz"]
    sums.write_text(text.replace(old, sha256_file(copy / "companyos_dummy-0.1.0.tar.gz")))
    assert check_sums(copy) == []
    done = _verify(released, copy)
    assert done.returncode == 1
    assert "BAD signature" in done.stdout


def test_tampered_signature_fails(released: dict, tmp_path: Path) -> None:
    copy = _copy(released, tmp_path)
    sig = copy / "SHA256SUMS.sig"
    lines = sig.read_text().splitlines()
    body = lines[1:-1]
    last = body[-1]
    # flip one base64 character inside the signature bytes (the tail of the blob)
    pos = len(last) - 6
    body[-1] = last[:pos] + ("A" if last[pos] != "A" else "B") + last[pos + 1 :]
    sig.write_text("\n".join([lines[0], *body, lines[-1]]) + "\n")
    done = _verify(released, copy)
    assert done.returncode == 1
    assert "SHA256SUMS.sig" in done.stdout


def test_signature_by_another_key_fails(released: dict, tmp_path: Path) -> None:
    """An attacker re-signs with their own key (and ships their public key): the trusted key refuses it."""
    copy = _copy(released, tmp_path)
    attacker = Ed25519PrivateKey.generate()
    (copy / "SHA256SUMS.sig").write_text(sshsig.sign((copy / "SHA256SUMS").read_bytes(), attacker))
    (copy / "release-key.pub").write_text(sshsig.openssh_public(attacker.public_key()) + "\n")
    done = _verify(released, copy)
    assert done.returncode == 1
    assert "not the trusted release key" in done.stdout
    assert _verify(released, released["out"], key=released["other_public"]).returncode == 1


def test_missing_signature_fails(released: dict, tmp_path: Path) -> None:
    copy = _copy(released, tmp_path)
    (copy / "SHA256SUMS.sig").unlink()
    done = _verify(released, copy)
    assert done.returncode == 1
    assert "no verifiable signature" in done.stdout


def test_unlisted_or_missing_files_fail(released: dict, tmp_path: Path) -> None:
    copy = _copy(released, tmp_path)
    shutil.copy(copy / "companyos_dummy-0.1.0-py3-none-any.whl", copy / "evil-9.9.9-py3-none-any.whl")
    done = _verify(released, copy)
    assert done.returncode == 1
    assert "unlisted  evil-9.9.9-py3-none-any.whl" in done.stdout
    copy2 = tmp_path / "copy2"
    shutil.copytree(released["out"], copy2)
    (copy2 / "companyos_dummy-0.1.0.tar.gz").unlink()
    assert _verify(released, copy2).returncode == 1


def test_sbom_is_cyclonedx_py_with_hashes_licences_and_the_artifacts(released: dict) -> None:
    out: Path = released["out"]
    bom = json.loads((out / "companyos_dummy-0.1.0.cdx.json").read_text())
    assert bom["bomFormat"] == "CycloneDX"
    assert bom["specVersion"] == "1.6"
    assert any(t.get("name") == "cyclonedx-py" for t in bom["metadata"]["tools"]["components"])
    subject = bom["metadata"]["component"]
    assert (subject["name"], subject["version"], subject["purl"]) == (
        "companyos-dummy",
        "0.1.0",
        "pkg:pypi/companyos-dummy@0.1.0",
    )
    from tools.release.checksums import sha256_file

    wheel = out / "companyos_dummy-0.1.0-py3-none-any.whl"
    assert subject["hashes"] == [{"alg": "SHA-256", "content": sha256_file(wheel)}]
    dists = {r["url"]: r["hashes"][0]["content"] for r in subject["externalReferences"]}
    assert dists == {
        wheel.name: sha256_file(wheel),
        "companyos_dummy-0.1.0.tar.gz": sha256_file(out / "companyos_dummy-0.1.0.tar.gz"),
    }
    names = {c["name"]: c for c in bom["components"]}
    # direct dependencies and httpx's transitive ones, with the archive hash and declared licences
    for name in ("httpx", "packaging", "httpcore", "anyio", "h11", "idna", "certifi"):
        assert name in names, sorted(names)
        assert len(names[name]["hashes"][0]["content"]) == 64
        assert names[name]["licenses"], name
    assert "pip" not in names and "setuptools" not in names  # only the wheel's runtime closure
    version = names["httpx"]["version"]
    assert names["httpx"]["purl"] == f"pkg:pypi/httpx@{version}"
    deps = {d["ref"]: set(d.get("dependsOn", [])) for d in bom["dependencies"]}
    assert names["httpcore"]["bom-ref"] in deps[names["httpx"]["bom-ref"]]


def test_the_committed_key_is_the_default_and_refuses_other_keys(released: dict) -> None:
    """Without --key, verify trusts docs/release-key.pub only, so this test key's signature is refused."""
    done = _release("verify", str(released["out"]), env=released["env"])
    assert done.returncode == 1
    assert "docs/release-key.pub" in done.stdout and "not the trusted release key" in done.stdout


def test_sshsig_roundtrip_and_namespace() -> None:
    key = Ed25519PrivateKey.generate()
    armored = sshsig.sign(b"hello\n", key)
    sshsig.verify(b"hello\n", armored, key.public_key())
    with pytest.raises(sshsig.SignatureError, match="BAD signature"):
        sshsig.verify(b"hello!\n", armored, key.public_key())
    with pytest.raises(sshsig.SignatureError, match="namespace"):
        sshsig.verify(b"hello\n", sshsig.sign(b"hello\n", key, namespace="file"), key.public_key())
