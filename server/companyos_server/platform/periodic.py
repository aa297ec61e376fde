"""A pass that a serving process runs every interval on a daemon thread (feeds that follow other records).

The thread runs a pass at once (or after ``first_delay`` seconds: a heavy pass should not run in every
worker the moment a server starts) and then every ``interval`` seconds until the runtime closes; a
failing pass is logged and tried again at the next interval, never raised. An interval of 0 means "off".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any


class PeriodicPass:
    def __init__(
        self,
        name: str,
        interval_seconds: float,
        run: Callable[[], Any],
        log: logging.Logger,
        first_delay: float = 0.0,
    ) -> None:
        self.name = name
        self._interval = interval_seconds
        self._first_delay = first_delay
        self._run_pass = run
        self._log = log
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)

    def start(self) -> PeriodicPass:
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def run_once(self) -> Any:
        try:
            return self._run_pass()
        except Exception:  # noqa: BLE001  (a follower outlives any one bad pass; logged with its traceback)
            self._log.exception("%s pass failed", self.name)
            return None

    def _loop(self) -> None:
        if self._first_delay > 0 and self._stop.wait(self._first_delay):
            return
        while not self._stop.is_set():
            self.run_once()
            self._stop.wait(self._interval)


def run_every(runtime: Any, name: str, interval_seconds: float, run: Callable[[], Any],
              log: logging.Logger, first_delay: float = 0.0) -> PeriodicPass | None:  # fmt: skip
    """Start ``run`` every ``interval_seconds`` for the runtime's life (closed with it); None when 0."""
    if interval_seconds <= 0:
        return None
    periodic = PeriodicPass(name, interval_seconds, run, log, first_delay).start()
    runtime.on_close(periodic.close)
    return periodic
