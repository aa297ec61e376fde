"""Versions agree: the SDK, the TypeScript client and the released contracts (docs/releases.md, SemVer)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from noxfile import latest_released_spec

REPO = Path(__file__).resolve().parents[3]
RELEASED = REPO / "openapi" / "released"


def _semver(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("-")[0].split("."))


def test_latest_released_spec_compares_versions_as_numbers(tmp_path: Path) -> None:
    for name in ("openapi-1.9.0.json", "openapi-1.10.0.json", "openapi-1.2.11.json", "README.md", "x.json"):
        (tmp_path / name).write_text("{}")
    assert Path(latest_released_spec(str(tmp_path))).name == "openapi-1.10.0.json"
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError):
        latest_released_spec(str(tmp_path / "empty"))


def test_breaking_baseline_is_the_newest_released_spec_and_not_ahead_of_the_spec() -> None:
    newest = Path(latest_released_spec(str(RELEASED)))
    released = json.loads(newest.read_text())["info"]["version"]
    assert newest.name == f"openapi-{released}.json"  # the file name says the version it holds
    current = json.loads((REPO / "generated" / "openapi.json").read_text())["info"]["version"]
    assert _semver(current) >= _semver(released)
    assert (RELEASED / "openapi-1.0.0.json").is_file()  # released files are never removed


def test_sdk_and_typescript_client_versions_agree() -> None:
    """The release workflow refuses a tag that differs from either package's version."""
    import companyos

    py = tomllib.loads((REPO / "sdk" / "pyproject.toml").read_text())["project"]["version"]
    package = json.loads((REPO / "clients" / "typescript" / "package.json").read_text())
    lock = json.loads((REPO / "clients" / "typescript" / "package-lock.json").read_text())
    assert (
        companyos.__version__
        == py
        == package["version"]
        == lock["version"]
        == lock["packages"][""]["version"]
    )
    # the SDK major follows the API major, and the SDK names an API version that exists
    spec = json.loads((REPO / "generated" / "openapi.json").read_text())["info"]["version"]
    assert _semver(py)[0] == _semver(spec)[0] == _semver(companyos.API_VERSION)[0]
    known = {p.name.removeprefix("openapi-").removesuffix(".json") for p in RELEASED.glob("openapi-*.json")}
    assert companyos.API_VERSION in known | {spec}
