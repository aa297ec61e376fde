"""Throwaway local package registries for the publish-and-install test: pypiserver and verdaccio.

Both listen on a free 127.0.0.1 port, keep their state in a temporary directory and never reach the
internet (pypiserver with --disable-fallback, verdaccio without uplinks). The release is published to them
with the same commands as to the real registries (`twine upload --repository-url`, `npm publish
--registry`): only the URL differs.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.live_server import free_port

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


@dataclass
class Registry:
    url: str
    directory: Path
    log: Path
    token: str = ""


def _wait(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"{url}: exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (local URL)
                return
        except urllib.error.HTTPError:
            return  # it answers
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} not ready after {timeout}s:\n{log.read_text(errors='replace')[-3000:]}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def pypiserver() -> Iterator[Registry]:
    """pypiserver on a free port; uploads without authentication (`twine upload -u x -p x`)."""
    root = Path(tempfile.mkdtemp(prefix="companyos-pypiserver-"))
    packages = root / "packages"
    packages.mkdir()
    port = free_port()
    log = root / "pypiserver.log"
    cmd = [str(VENV_BIN / "pypi-server"), "run", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--authenticate", ".", "--passwords", ".", "--disable-fallback", str(packages)]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(f"{url}/simple/", proc, log)
        yield Registry(url=url, directory=packages, log=log)
    finally:
        _stop(proc)
        shutil.rmtree(root, ignore_errors=True)


VERDACCIO_CONFIG = """\
# Offline: no uplinks, so nothing is ever fetched from registry.npmjs.org.
storage: {storage}
auth:
  htpasswd:
    file: {htpasswd}
    max_users: 10
uplinks: {{}}
packages:
  "**":
    access: $all
    publish: $authenticated
    unpublish: $authenticated
web:
  enable: false
log: {{ type: file, path: {log}, format: json, level: warn }}
"""


@contextlib.contextmanager
def verdaccio() -> Iterator[Registry]:
    """verdaccio on a free port with a fresh user; `Registry.token` authenticates `npm publish`."""
    root = Path(tempfile.mkdtemp(prefix="companyos-verdaccio-"))
    port = free_port()
    log = root / "verdaccio.log"
    config = root / "config.yaml"
    config.write_text(
        VERDACCIO_CONFIG.format(storage=root / "storage", htpasswd=root / "htpasswd", log=root / "server.log")
    )
    with log.open("wb") as out:
        proc = subprocess.Popen(
            ["node", str(Path(__file__).with_name("verdaccio.mjs")), str(config), "127.0.0.1", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=root,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(f"{url}/-/ping", proc, log)
        yield Registry(url=url, directory=root / "storage", log=log, token=_add_user(url))
    finally:
        _stop(proc)
        shutil.rmtree(root, ignore_errors=True)


def _add_user(url: str, name: str = "release-test") -> str:
    """What `npm adduser` does (CouchDB user document), returning the session token."""
    password = base64.urlsafe_b64encode(os.urandom(18)).decode()
    body = json.dumps({"_id": f"org.couchdb.user:{name}", "name": name, "password": password, "type": "user"})
    req = urllib.request.Request(  # noqa: S310 (local URL)
        f"{url}/-/user/org.couchdb.user:{name}",
        data=body.encode(),
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310
        return str(json.load(resp)["token"])


def npmrc(registry: Registry, path: Path) -> Path:
    """A user config for npm that points at `registry` (and authenticates to it)."""
    host = registry.url.split("://", 1)[1]
    path.write_text(f"registry={registry.url}/\n//{host}/:_authToken={registry.token}\n")
    path.chmod(0o600)
    return path


def mirror(registry_url: str, names: list[str], workdir: Path) -> list[str]:
    """Publish installed npm packages (and their dependencies) from the root node_modules to a local
    registry, so that a registry without uplinks can satisfy them (the peer dependency openapi-fetch)."""
    done: list[str] = []
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in done:
            continue
        source = REPO / "node_modules" / name
        meta = json.loads((source / "package.json").read_text())
        todo += list(meta.get("dependencies", {}))
        tarball = (
            subprocess.run(
                [
                    "npm",
                    "pack",
                    str(source),
                    "--ignore-scripts",
                    "--pack-destination",
                    str(workdir),
                    "--silent",
                ],
                capture_output=True,
                text=True,
                check=True,
                cwd=workdir,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        subprocess.run(
            [
                "npm",
                "publish",
                str(workdir / tarball),
                "--ignore-scripts",
                "--registry",
                registry_url,
                "--tag",
                "latest",
            ],
            check=True,
            cwd=workdir,
            stdout=subprocess.DEVNULL,
        )
        done.append(name)
    return done


if __name__ == "__main__":  # python -m tools.release.registries mirror URL NAME...
    if len(sys.argv) < 4 or sys.argv[1] != "mirror":
        raise SystemExit("usage: python -m tools.release.registries mirror REGISTRY_URL PACKAGE...")
    with tempfile.TemporaryDirectory(prefix="companyos-mirror-") as tmp:
        print("mirrored:", ", ".join(mirror(sys.argv[2], sys.argv[3:], Path(tmp))))
