"""No secret is ever printed by the release tooling: the sigstore identity token goes through the
environment, and every logged command (also a failing one) is masked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tools.release.__main__ import redact

REPO = Path(__file__).resolve().parents[3]
TOKEN = "eyJhbGciOiJSUzI1NiJ9.secret-identity-token.sig"

FAKE_SIGSTORE = """
import json, os, sys
with open(os.environ["FAKE_SIGSTORE_RECORD"], "w") as fh:
    json.dump({"argv": sys.argv[1:], "token": os.environ.get("SIGSTORE_IDENTITY_TOKEN")}, fh)
print("sigstore: simulated failure", file=sys.stderr)
sys.exit(3)
"""


def test_failing_sigstore_sign_never_prints_the_identity_token(tmp_path: Path) -> None:
    fake = tmp_path / "fake" / "sigstore"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text(FAKE_SIGSTORE)
    release = tmp_path / "release"
    release.mkdir()
    (release / "a.whl").write_bytes(b"wheel")
    (release / "SHA256SUMS").write_text(
        "3cff2fdbd5a3e7a1a3f3a5e4b1f4c1d2e1e3f0a9b8c7d6e5f4a3b2c1d0e9f8a7  a.whl\n"
    )
    record = tmp_path / "record.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SIGSTORE_", "ACTIONS_ID_TOKEN"))}
    env.update(
        SIGSTORE_ID_TOKEN=TOKEN,
        FAKE_SIGSTORE_RECORD=str(record),
        PYTHONPATH=os.pathsep.join([str(tmp_path / "fake"), str(REPO)]),
    )
    done = subprocess.run(
        [sys.executable, "-m", "tools.release", "sign", str(release), "--sign", "sigstore"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "command failed (3)" in done.stderr  # the failure is reported…
    assert "sigstore sign" in done.stderr
    assert TOKEN not in done.stdout + done.stderr  # …without the token
    import json

    seen = json.loads(record.read_text())
    assert seen["token"] == TOKEN  # sigstore still gets it, through its environment variable
    assert TOKEN not in " ".join(seen["argv"])  # and not on the command line (visible in ps)


def test_redact_masks_secret_options_and_values() -> None:
    assert (
        redact(["sigstore", "sign", "--identity-token", "abc123", "f"])
        == "sigstore sign --identity-token *** f"
    )
    assert redact(["twine", "upload", "--password=hunter22", "x.whl"]) == "twine upload --password=*** x.whl"
    assert redact(["npm", "config", "//registry.npmjs.org/:_authToken=npm_abcdef"]) == (
        "npm config //registry.npmjs.org/:_authToken=***"
    )
    os.environ["NODE_AUTH_TOKEN"] = "npm_0123456789"
    try:
        assert "npm_0123456789" not in redact(["echo", "token=npm_0123456789"])
    finally:
        del os.environ["NODE_AUTH_TOKEN"]
