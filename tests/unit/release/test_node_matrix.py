"""tools.release.node_matrix: which Node serves each major, and a command run once per major."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tools.release import node_matrix

REPO = Path(__file__).resolve().parents[3]


def _fake_node(directory: Path, version: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    node = directory / "node"
    node.write_text(
        f'#!/bin/sh\nif [ "$1" = --version ]; then echo v{version}; else echo "ran under v{version}"; fi\n'
    )
    node.chmod(node.stat().st_mode | stat.S_IXUSR)
    return node


@pytest.fixture
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH whose node is v20.1.0, and tools/release/node22 relocated to tmp_path/node22 (installed)."""
    system = _fake_node(tmp_path / "usr-bin", "20.1.0").parent
    _fake_node(tmp_path / "node22" / "node_modules" / ".bin", "22.23.3")
    monkeypatch.setenv("PATH", f"{system}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(node_matrix, "HERE", tmp_path)
    return tmp_path


def test_the_machines_node_serves_its_major_and_the_local_install_the_other(machine: Path) -> None:
    found = node_matrix.resolve([20, 22])
    assert found == {20: None, 22: machine / "node22" / "node_modules" / ".bin"}
    with pytest.raises(node_matrix.NodeMissing, match="Node 18"):
        node_matrix.resolve([18])  # no tools/release/node18 project to install from


def test_runs_the_command_once_per_major_with_that_node_first_on_path(
    machine: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    assert node_matrix.main(["--", "node", "-e", "1"]) == 0
    out, err = capfd.readouterr()
    assert out.splitlines() == ["ran under v20.1.0", "ran under v22.23.3"]
    assert "==> Node v20.1.0" in err and "==> Node v22.23.3" in err and "OK under Node 20, 22" in err
    assert node_matrix.main(["--majors", "22", "--", "sh", "-c", "node; exit 3"]) == 3
    assert "FAILED under Node 22 (exit 3)" in capfd.readouterr().err


def test_the_node22_project_pins_official_binaries_with_integrity() -> None:
    project = REPO / "tools" / "release" / "node22"
    package = json.loads((project / "package.json").read_text())
    lock = json.loads((project / "package-lock.json").read_text())
    assert package["private"] is True and not package.get("dependencies")
    for name, version in package["optionalDependencies"].items():
        assert name.startswith("node-linux-") and version.startswith("22.")
        entry = lock["packages"][f"node_modules/{name}"]
        assert entry["version"] == version and entry["integrity"].startswith("sha512-")
        assert entry["optional"] is True and entry["bin"] == {"node": "bin/node"}
