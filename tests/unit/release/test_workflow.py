"""The release workflow: sigstore is installed in the job that signs, secrets only reach commands through
the environment (never interpolated into a script, never echoed), and publishing uses tools.release."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[3]
WORKFLOW = REPO / ".github" / "workflows" / "release.yml"


def _jobs() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())["jobs"]


def _runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_sigstore_is_installed_where_the_release_is_signed() -> None:
    pins = (REPO / "tools" / "release" / "requirements-sign.txt").read_text()
    assert re.search(r"^sigstore==\d+\.\d+\.\d+$", pins, re.M)
    signing = [
        name for name, job in _jobs().items() if any("tools.release build" in run for run in _runs(job))
    ]
    assert signing == ["build"]
    job = _jobs()["build"]
    assert job["permissions"]["id-token"] == "write"
    runs = _runs(job)
    build_at = next(i for i, run in enumerate(runs) if "tools.release build" in run)
    install_at = next(i for i, run in enumerate(runs) if "tools/release/requirements-sign.txt" in run)
    assert install_at < build_at


def test_secrets_only_through_the_environment() -> None:
    for name, job in _jobs().items():
        for step in job["steps"]:
            run = step.get("run", "")
            assert "secrets." not in run, f"{name}: a secret interpolated into a script"
            secret_vars = [k for k, v in (step.get("env") or {}).items() if "secrets." in str(v)]
            for var in secret_vars:
                for line in run.splitlines():
                    if re.search(rf"\b(echo|printf)\b.*\${{?{var}\b", line):
                        # written to a file, not to the log
                        assert ">" in line.split(var, 1)[1], f"{name}: ${var} printed: {line}"
            assert "set -x" not in run


def test_verification_trusts_the_committed_key_only() -> None:
    runs = "\n".join(_runs(_jobs()["build"]))
    assert "--key docs/release-key.pub" in runs
    assert "--trust-bundled-key" not in runs
    assert (REPO / "docs" / "release-key.pub").read_text().startswith("ssh-ed25519 ")


def test_publishing_is_the_tested_code_with_another_url() -> None:
    npm_runs = "\n".join(_runs(_jobs()["publish-npm"]))
    assert (
        "python -m tools.release publish dist/release --npm-registry https://registry.npmjs.org" in npm_runs
    )
