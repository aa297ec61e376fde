"""The load generator for `api_overhead`: wrk when it is installed, else a multi-process Python client
(``COMPANYOS_BENCH_PYTHON_LOAD=1`` forces the Python client, e.g. to compare the two).

Both keep ``concurrency`` keep-alive HTTP/1.1 connections busy in a closed loop for one round (bounded in
time; the Python client also stops at ``max_requests``) and return the request count, the elapsed time
and the round's p50/p99 latency. Any non-2xx answer or socket error is fatal: :class:`LoadFailure`
carries the status and body of the first one.

Writes are unique per request: a fresh ``Idempotency-Key`` and a fresh sample timestamp (``base`` plus a
per-request count of microseconds, ``base`` moving one second per round), so no request replays or
replaces another.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path

HOST = "127.0.0.1"
WRITE_BASE = int((datetime.now(UTC) - timedelta(days=2)).timestamp())


class LoadFailure(RuntimeError):
    """A non-2xx answer (or a socket error) during a measured or warmup round."""


@dataclass(frozen=True)
class Call:
    """One operation as sent on the wire; ``body`` marks a unique-per-request SLI push."""

    method: str
    path: str
    token: str
    write: bool = False

    def headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        if self.write:
            headers["Content-Type"] = "application/json"
        return headers


def write_body(base: int, n: int) -> tuple[str, bytes]:
    """The ``n``-th unique write of a round: its Idempotency-Key and JSON body."""
    ts = datetime.fromtimestamp(base, UTC) + timedelta(microseconds=n)
    stamp = ts.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    body = {"samples": [{"ts": stamp, "good": 990, "total": 1000}]}
    return f"bench-{base}-{n}", json.dumps(body).encode()


@dataclass
class Round:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def generator() -> str:
    return "wrk" if shutil.which("wrk") and not os.environ.get("COMPANYOS_BENCH_PYTHON_LOAD") else "python"


class Load:
    """Runs rounds against ``127.0.0.1:port``; ``rounds_run`` moves the write timestamps' base."""

    def __init__(self) -> None:
        self.kind = generator()
        self.rounds_run = 0

    def run(self, port: int, call: Call, *, concurrency: int, seconds: float, max_requests: int) -> Round:
        self.rounds_run += 1
        base = WRITE_BASE + self.rounds_run
        if self.kind == "wrk":
            return _wrk(port, call, concurrency, seconds, base)
        return _python(port, call, concurrency, seconds, max_requests, base)


# --------------------------------------------------------------------------- wrk
_LUA = r"""
local threads, counter, base = {}, 0, %(base)d
bad, first_bad, stride, tid = 0, nil, 1, 0  -- globals: setup() and done() reach them through thread:set/get
wrk.method = "%(method)s"
wrk.path = "%(path)s"
wrk.headers["Authorization"] = "Bearer %(token)s"
wrk.headers["Accept"] = "application/json"
function setup(thread) thread:set("tid", #threads); thread:set("stride", %(threads)d); table.insert(threads, thread) end
%(request)s
function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
    if first_bad == nil then first_bad = status .. " " .. string.sub(body or "", 1, 2000) end
  end
end
function done(summary, latency, requests)
  local nbad, first = 0, nil
  for _, t in ipairs(threads) do
    nbad = nbad + (t:get("bad") or 0)
    first = first or t:get("first_bad")
  end
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests": %%d, "duration_us": %%d, "socket_errors": %%d, "non2xx": %%d, ' ..
    '"p50_us": %%d, "p99_us": %%d}\n', summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, nbad, latency:percentile(50), latency:percentile(99)))
  if first then io.write("WRKFIRSTBAD " .. string.gsub(first, "\n", " ") .. "\n") end
end
"""

_LUA_WRITE = r"""
wrk.headers["Content-Type"] = "application/json"
function request()
  local n = counter * stride + tid
  counter = counter + 1
  local stamp = os.date("!%Y-%m-%dT%H:%M:%S", base + math.floor(n / 1000000)) .. string.format(".%06dZ", n % 1000000)
  local body = '{"samples": [{"ts": "' .. stamp .. '", "good": 990, "total": 1000}]}'
  local headers = {["Idempotency-Key"] = "bench-" .. base .. "-" .. n}
  for k, v in pairs(wrk.headers) do headers[k] = v end  -- wrk.format replaces, not merges, the headers
  return wrk.format(nil, nil, headers, body)
end
"""


def _wrk(port: int, call: Call, concurrency: int, seconds: float, base: int) -> Round:
    threads = max(1, min(concurrency, os.cpu_count() or 1))
    script = _LUA % {
        "base": base,
        "method": call.method,
        "path": call.path,
        "token": call.token,
        "threads": threads,
        "request": _LUA_WRITE if call.write else "",
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        done = subprocess.run(
            [
                "wrk",
                "-t",
                str(threads),
                "-c",
                str(concurrency),
                "-d",
                f"{max(1, round(seconds))}s",
                "--timeout",
                "10s",
                "-s",
                handle.name,
                f"http://{HOST}:{port}",
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
        )
    finally:
        Path(handle.name).unlink(missing_ok=True)
    match = re.search(r"^WRKJSON (.*)$", done.stdout, re.MULTILINE)
    if done.returncode != 0 or match is None:
        raise LoadFailure(f"wrk failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    stats = json.loads(match.group(1))
    first = re.search(r"^WRKFIRSTBAD (.*)$", done.stdout, re.MULTILINE)
    if stats["non2xx"] or first:
        raise LoadFailure(f"{stats['non2xx']} non-2xx answers; first: {first.group(1) if first else '?'}")
    if stats["socket_errors"]:
        raise LoadFailure(f"{stats['socket_errors']} socket errors (connect/read/write/timeout)")
    return Round(
        stats["requests"], stats["duration_us"] / 1e6, stats["p50_us"] / 1000, stats["p99_us"] / 1000
    )


# --------------------------------------------------------------------------- Python
def _python(port: int, call: Call, concurrency: int, seconds: float, max_requests: int, base: int) -> Round:
    """``processes`` (one per core, at most ``concurrency``) of threads with one connection each."""
    processes = max(1, min(concurrency, os.cpu_count() or 1))
    shares = [concurrency // processes + (i < concurrency % processes) for i in range(processes)]
    start = time.perf_counter()
    with ProcessPoolExecutor(processes, mp_context=get_context("fork")) as pool:
        futures = [
            pool.submit(
                _process, port, call, shares[i], seconds, max_requests // processes, base, i, processes
            )
            for i in range(processes)
        ]
        outcomes = [f.result() for f in futures]
    elapsed = time.perf_counter() - start
    failures = [o[1] for o in outcomes if o[1]]
    if failures:
        raise LoadFailure(failures[0])
    latencies = sorted(x for o in outcomes for x in o[0])
    busy = max((o[2] for o in outcomes), default=elapsed)  # measured inside the workers: no pool start-up
    return Round(len(latencies), busy, _percentile(latencies, 50) * 1000, _percentile(latencies, 99) * 1000)


def _process(
    port: int, call: Call, threads: int, seconds: float, max_requests: int, base: int, index: int, stride: int
) -> tuple[list[float], str | None, float]:
    lock = threading.Lock()
    latencies: list[float] = []
    failure: list[str] = []
    issued = 0
    start = time.perf_counter()
    deadline = start + seconds

    def take() -> int | None:
        nonlocal issued
        with lock:
            if failure or issued >= max_requests or time.perf_counter() >= deadline:
                return None
            issued += 1
            return issued

    def worker(slot: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        headers = call.headers()
        mine: list[float] = []
        try:
            while (count := take()) is not None:
                body = None
                if call.write:
                    key, body = write_body(base, count * stride + index)
                    headers["Idempotency-Key"] = key
                t0 = time.perf_counter()
                try:
                    conn.request(call.method, call.path, body=body, headers=headers)
                    response = conn.getresponse()
                    payload = response.read()
                except (OSError, http.client.HTTPException) as exc:
                    failure.append(f"socket error: {exc!r}")
                    return
                mine.append(time.perf_counter() - t0)
                if not 200 <= response.status < 300:
                    failure.append(f"{response.status} {payload[:2000].decode(errors='replace')}")
                    return
        finally:
            conn.close()
            with lock:
                latencies.extend(mine)

    pool = [threading.Thread(target=worker, args=(slot,), daemon=True) for slot in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(seconds + 60)
    return latencies, (failure[0] if failure else None), time.perf_counter() - start


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))]
