"""The bundle is checked against the OpenAPI 3.0 schema before anything is generated from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from codegen.bundle import REPO, BundleError, bundle


def test_a_yaml_slip_is_caught_at_bundle_time(tmp_path: Path) -> None:
    spec = tmp_path / "openapi"
    shutil.copytree(REPO / "openapi", spec)
    (spec / "domains" / "zz_broken.yaml").write_text(
        "components:\n"
        "  schemas:\n"
        "    Broken:\n"
        "      type: object\n"
        "      properties:\n"
        "        at: { type: string, description: The time (RFC 3339, with offset). }\n"
    )
    with pytest.raises(BundleError, match=r"not a valid OpenAPI 3\.0 document at components/schemas/Broken"):
        bundle(spec)


def test_the_real_spec_bundles() -> None:
    assert bundle()["openapi"] == "3.0.3"
