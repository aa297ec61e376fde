"""CycloneDX SBOM of a built wheel, produced by `cyclonedx-py` (cyclonedx-bom).

The wheel is installed into a fresh virtual environment (`pip install --report`), then
`cyclonedx-py environment` describes that environment: the SDK (from its pyproject.toml, with its licence)
as the subject and every installed runtime dependency with its version, purl, declared licences and the
dependency graph. cyclonedx-py cannot see which archive a package was installed from, so the SHA-256 of
each installed archive is taken from pip's installation report and added to the components, and the
subject gets the SHA-256 of the release's own wheel and sdist (as `distribution` references). The result is
validated against the CycloneDX JSON schema (cyclonedx-python-lib, which cyclonedx-bom depends on).

`check_sbom` is what `python -m tools.release verify` runs on a release directory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from packaging.utils import canonicalize_name

from tools.release.checksums import sha256_file

SPEC_VERSION = "1.6"
CYCLONEDX_PY = str(Path(sys.executable).parent / "cyclonedx-py")


def _validate(text: str) -> None:
    from cyclonedx.schema import OutputFormat, SchemaVersion
    from cyclonedx.validation import make_schemabased_validator

    validator = make_schemabased_validator(OutputFormat.JSON, SchemaVersion.from_version(SPEC_VERSION))
    error = validator.validate_str(text)
    if error is not None:
        raise ValueError(f"SBOM is not valid CycloneDX {SPEC_VERSION}: {error}")


def write_sbom(
    wheel: Path,
    artifacts: list[Path],
    target: Path,
    pyproject: Path,
    pip_args: list[str],
    log: Any = print,
) -> Path:
    with tempfile.TemporaryDirectory(prefix="companyos-sbom-") as tmp:
        venv = Path(tmp) / "venv"
        # Without pip: the environment holds the wheel's runtime closure and nothing else.
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        report = Path(tmp) / "pip-report.json"
        cmd = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet"]
        cmd += ["--disable-pip-version-check"]
        cmd += ["--report", str(report), *pip_args, str(wheel)]
        log("$ " + " ".join(cmd))
        subprocess.run(cmd, check=True)
        raw = Path(tmp) / "environment.cdx.json"
        cmd = [CYCLONEDX_PY, "environment", str(venv), "--pyproject", str(pyproject)]
        cmd += ["--mc-type", "library", "--sv", SPEC_VERSION, "--output-reproducible", "-o", str(raw)]
        log("$ " + " ".join(cmd))
        subprocess.run(cmd, check=True)
        bom = json.loads(raw.read_text())
        installed = json.loads(report.read_text())["install"]
    hashes: dict[tuple[str, str], str] = {}
    for item in installed:
        sha = item.get("download_info", {}).get("archive_info", {}).get("hashes", {}).get("sha256")
        if sha:
            meta = item["metadata"]
            hashes[(canonicalize_name(meta["name"]), meta["version"])] = sha
    for component in bom.get("components", []):
        sha = hashes.get((canonicalize_name(component["name"]), component.get("version", "")))
        if sha is None:
            raise ValueError(
                f"no archive hash for {component['name']} {component.get('version')} in pip's report"
            )
        component["hashes"] = [{"alg": "SHA-256", "content": sha}]
    subject = bom["metadata"]["component"]
    subject["purl"] = f"pkg:pypi/{canonicalize_name(subject['name'])}@{subject['version']}"
    subject["hashes"] = [{"alg": "SHA-256", "content": sha256_file(wheel)}]
    subject["externalReferences"] = [
        {
            "type": "distribution",
            "url": artifact.name,
            "comment": "release artifact (file name in the release directory)",
            "hashes": [{"alg": "SHA-256", "content": sha256_file(artifact)}],
        }
        for artifact in artifacts
    ]
    text = json.dumps(bom, indent=2, sort_keys=True) + "\n"
    _validate(text)
    target.write_text(text)
    return target


def check_sbom(path: Path, directory: Path) -> list[str]:
    """Problems with one SBOM in a release directory (empty when it is valid and describes the artifacts)."""
    problems: list[str] = []
    text = path.read_text(errors="replace")
    try:
        _validate(text)
        bom = json.loads(text)
    except ValueError as exc:
        return [f"{path.name}: {exc}"]
    subject = bom.get("metadata", {}).get("component", {})
    refs = [r for r in subject.get("externalReferences", []) if r.get("type") == "distribution"]
    if not refs:
        problems.append(f"{path.name}: the subject lists no release artifact")
    for ref in refs:
        artifact = directory / Path(ref["url"]).name
        listed = {h["content"] for h in ref.get("hashes", []) if h.get("alg") == "SHA-256"}
        if not artifact.is_file():
            problems.append(f"{path.name}: {artifact.name} is not in the release")
        elif sha256_file(artifact) not in listed:
            problems.append(f"{path.name}: SHA-256 of {artifact.name} does not match")
    for component in bom.get("components", []):
        label = f"{component.get('name')} {component.get('version')}"
        if not component.get("hashes"):
            problems.append(f"{path.name}: {label} has no hash")
        if not component.get("licenses"):
            problems.append(f"{path.name}: {label} has no licence")
    return problems
