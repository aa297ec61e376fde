"""CycloneDX 1.5 JSON SBOM for a built wheel, generated offline.

The subject (`metadata.component`) is the distribution, with the SHA-256 of every artifact of the release.
`components` are its runtime dependencies: the transitive closure of the wheel's `Requires-Dist` (markers
evaluated for this interpreter, extras followed), each at the version installed in the build environment
(`requirements.lock` pins it) or, when not installed, the version pinned in requirements.lock. Every
dependency edge is recorded in `dependencies`. When cyclonedx-python-lib (from `cyclonedx-bom`) is
installed the document is validated against the official 1.5 JSON schema.
"""

from __future__ import annotations

import email
import email.message
import json
import re
import uuid
import zipfile
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from packaging.markers import default_environment
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from tools.release.checksums import sha256_file

SPEC_VERSION = "1.5"
TOOL = {"vendor": "CompanyOS", "name": "tools.release.sbom", "version": "1.0.0"}


def wheel_metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if re.fullmatch(r"[^/]+\.dist-info/METADATA", n))
        return email.message_from_bytes(zf.read(name))


def read_lock(lock: Path | None) -> dict[str, str]:
    pins: dict[str, str] = {}
    if lock and lock.is_file():
        for line in lock.read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if "==" in line and not line.startswith("-"):
                name, _, version = line.partition("==")
                pins[canonicalize_name(name.split("[", 1)[0])] = version.split(";", 1)[0].strip()
    return pins


def _applies(req: Requirement, extras: set[str]) -> bool:
    if req.marker is None:
        return True
    env = default_environment()
    if not extras:
        return req.marker.evaluate({**env, "extra": ""})
    return any(req.marker.evaluate({**env, "extra": extra}) for extra in extras)


def _purl(name: str, version: str | None) -> str:
    return f"pkg:pypi/{canonicalize_name(name)}" + (f"@{version}" if version else "")


def _license(meta: email.message.Message | importlib_metadata.PackageMetadata | None) -> list[dict[str, Any]]:
    if meta is None:
        return []
    expression = meta.get("License-Expression")
    if expression:
        return [{"expression": str(expression)}]
    text = meta.get("License")
    if text and len(str(text)) < 100 and "\n" not in str(text):
        return [{"license": {"name": str(text)}}]
    return []


def build_sbom(
    wheel: Path,
    artifacts: list[Path],
    lock: Path | None = None,
    *,
    serial: str | None = None,
    timestamp: datetime | None = None,
) -> dict[str, Any]:
    meta = wheel_metadata(wheel)
    name, version = str(meta["Name"]), str(meta["Version"])
    pins = read_lock(lock)
    root_ref = _purl(name, version)

    components: dict[str, dict[str, Any]] = {}
    edges: dict[str, set[str]] = {root_ref: set()}

    def visit(parent_ref: str, requirements: list[str], extras: set[str]) -> None:
        for raw in requirements:
            try:
                req = Requirement(raw)
            except InvalidRequirement:
                continue
            if not _applies(req, extras):
                continue
            key = canonicalize_name(req.name)
            try:
                dist = importlib_metadata.distribution(req.name)
                dep_version: str | None = dist.version
                dep_meta: importlib_metadata.PackageMetadata | None = dist.metadata
                dep_requires = list(dist.requires or [])
            except importlib_metadata.PackageNotFoundError:
                dep_version, dep_meta, dep_requires = pins.get(key), None, []
            ref = _purl(key, dep_version)
            edges.setdefault(parent_ref, set()).add(ref)
            first = ref not in components
            if first:
                component: dict[str, Any] = {
                    "type": "library",
                    "bom-ref": ref,
                    "name": key,
                    "purl": ref,
                    "scope": "required",
                }
                if dep_version:
                    component["version"] = dep_version
                else:
                    component["properties"] = [
                        {"name": "companyos:requirement", "value": str(req.specifier) or "*"}
                    ]
                licenses = _license(dep_meta)
                if licenses:
                    component["licenses"] = licenses
                components[ref] = component
                edges.setdefault(ref, set())
            if first or req.extras:
                visit(ref, dep_requires, set(req.extras))

    visit(root_ref, meta.get_all("Requires-Dist") or [], set())

    subject: dict[str, Any] = {
        "type": "library",
        "bom-ref": root_ref,
        "name": name,
        "version": version,
        "purl": root_ref,
        "description": str(meta.get("Summary") or ""),
        "hashes": [{"alg": "SHA-256", "content": sha256_file(wheel)}],
    }
    licenses = _license(meta)
    if licenses:
        subject["licenses"] = licenses
    stamp = (timestamp or datetime.now(UTC)).replace(microsecond=0)
    bom: dict[str, Any] = {
        "$schema": "http://cyclonedx.org/schema/bom-1.5.schema.json",
        "bomFormat": "CycloneDX",
        "specVersion": SPEC_VERSION,
        "serialNumber": serial or f"urn:uuid:{uuid.uuid4()}",
        "version": 1,
        "metadata": {
            "timestamp": stamp.isoformat().replace("+00:00", "Z"),
            "tools": {
                "components": [
                    {
                        "type": "application",
                        "group": TOOL["vendor"],
                        "name": TOOL["name"],
                        "version": TOOL["version"],
                    }
                ]
            },
            "component": subject,
            "properties": [
                {"name": "companyos:artifact", "value": f"{p.name} sha256:{sha256_file(p)}"}
                for p in sorted(artifacts)
            ],
        },
        "components": sorted(components.values(), key=lambda c: c["bom-ref"]),
        "dependencies": [{"ref": ref, "dependsOn": sorted(deps)} for ref, deps in sorted(edges.items())],
    }
    return bom


def validate(bom: dict[str, Any]) -> str | None:
    """Validation error text, None when valid; "skipped" when cyclonedx-python-lib is not installed."""
    try:
        from cyclonedx.schema import SchemaVersion
        from cyclonedx.validation.json import JsonStrictValidator
    except ImportError:
        return "skipped"
    error = JsonStrictValidator(SchemaVersion.V1_5).validate_str(json.dumps(bom))
    return None if error is None else str(error)


def write_sbom(wheel: Path, artifacts: list[Path], out: Path, lock: Path | None) -> Path:
    bom = build_sbom(wheel, artifacts, lock)
    problem = validate(bom)
    if problem not in (None, "skipped"):
        raise ValueError(f"generated SBOM is not valid CycloneDX {SPEC_VERSION}: {problem}")
    out.write_text(json.dumps(bom, indent=2, sort_keys=False) + "\n")
    return out
