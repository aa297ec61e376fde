"""Run a throwaway CompanyOS reference server for live tests (SDK, TypeScript client, quickstarts, smoke).

As a CLI, runs a command against it and returns the command's exit code:

    python tools/live_server.py -- tools/ts_check.sh
    python tools/live_server.py --worker -- node quickstarts/node/index.mjs

The command gets ``COMPANYOS_TEST_API_URL`` (the base URL) and ``COMPANYOS_TEST_CREDENTIALS`` (the path of
the seeded ``dev-credentials.json``). As a library (a nox session, a pytest fixture)::

    from tools.live_server import live_server
    with live_server() as srv:
        session.run("node", "--test", ..., env=srv.env)

The server runs ``uvicorn companyos_server.app:create_app --factory`` on a free 127.0.0.1 port with a
temporary ``COMPANYOS_VAR_DIR`` (SQLite), ``COMPANYOS_ENV=development`` and ``COMPANYOS_PUBLIC_BASE_URL`` set
to its real URL (so the token issuer matches); it is migrated and seeded first, and stopped afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class LiveServer:
    url: str
    var_dir: Path
    credentials: Path
    log: Path
    env: dict[str, str] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_env(var_dir: Path, url: str) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("COMPANYOS_DATABASE_URL", "COMPANYOS_OIDC_ISSUER", "COMPANYOS_REDIS_URL"):
        env.pop(key, None)
    env.update(
        COMPANYOS_VAR_DIR=str(var_dir),
        COMPANYOS_ENV="development",
        COMPANYOS_PUBLIC_BASE_URL=url,
        PYTHONUNBUFFERED="1",
    )
    return env


def _wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"server exited with {proc.returncode}:\n{log.read_text(errors='replace')[-4000:]}"
            )
        try:
            with urllib.request.urlopen(f"{url}/v1/ready", timeout=2) as resp:  # noqa: S310 (local URL)
                if resp.status == 200:
                    return
                last = f"HTTP {resp.status}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
        except OSError as exc:
            last = str(exc)
        time.sleep(0.2)
    raise RuntimeError(
        f"server not ready after {timeout:.0f}s ({last}):\n{log.read_text(errors='replace')[-4000:]}"
    )


def _stop(proc: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def live_server(
    *,
    python: str = sys.executable,
    port: int | None = None,
    worker: bool = False,
    ready_timeout: float = 60.0,
    keep: bool = False,
) -> Iterator[LiveServer]:
    """Start a migrated, seeded server; yield its URL, credentials path and the env for test commands."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    var_dir = Path(tempfile.mkdtemp(prefix="companyos-live-"))
    log = var_dir / "server.log"
    env = _server_env(var_dir, url)
    cli = [python, "-m", "companyos_server.cli"]
    for step in (["migrate"], ["seed"]):
        done = subprocess.run([*cli, *step], env=env, cwd=REPO, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            shutil.rmtree(var_dir, ignore_errors=True)
            raise RuntimeError(f"`companyos_server.cli {step[0]}` failed:\n{done.stdout}{done.stderr}")
    procs: list[subprocess.Popen[bytes]] = []
    with log.open("wb") as out:
        try:
            server = subprocess.Popen(
                [
                    python,
                    "-m",
                    "uvicorn",
                    "companyos_server.app:create_app",
                    "--factory",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--log-level",
                    "warning",
                    "--no-access-log",
                ],
                env=env,
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            procs.append(server)
            if worker:
                procs.append(
                    subprocess.Popen(
                        [python, "-m", "companyos_server.platform.jobs", "worker"],
                        env=env,
                        cwd=REPO,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                    )
                )
            _wait_ready(url, server, ready_timeout, log)
            credentials = var_dir / "dev-credentials.json"
            if not credentials.exists():
                raise RuntimeError(f"seeding wrote no {credentials}")
            test_env = dict(os.environ)
            test_env.update(COMPANYOS_TEST_API_URL=url, COMPANYOS_TEST_CREDENTIALS=str(credentials))
            yield LiveServer(url=url, var_dir=var_dir, credentials=credentials, log=log, env=test_env)
        finally:
            for proc in reversed(procs):
                _stop(proc)
            if not keep:
                shutil.rmtree(var_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command: list[str] = []
    if "--" in argv:
        i = argv.index("--")
        argv, command = argv[:i], argv[i + 1 :]
    parser = argparse.ArgumentParser(prog="live_server.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=None, help="port (default: a free one)")
    parser.add_argument("--worker", action="store_true", help="also run a jobs worker")
    parser.add_argument("--keep", action="store_true", help="keep the temporary var dir (logs, database)")
    parser.add_argument("--python", default=sys.executable, help="interpreter that has companyos_server")
    args = parser.parse_args(argv)
    try:
        with live_server(python=args.python, port=args.port, worker=args.worker, keep=args.keep) as srv:
            print(f"live_server: {srv.url} (credentials {srv.credentials})", file=sys.stderr, flush=True)
            if not command:
                print("live_server: no command given; serving until Ctrl-C", file=sys.stderr, flush=True)
                with contextlib.suppress(KeyboardInterrupt):
                    while True:
                        time.sleep(3600)
                return 0
            return subprocess.run(command, env=srv.env, check=False).returncode
    except RuntimeError as exc:
        print(f"live_server: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
