"""Per-username login throttling: after repeated failures the account's sign-in pauses for a while.

In-process and bounded: good enough to stop online password guessing against the development IdP;
the platform rate limiter in front of ``/oauth2`` handles volume from one client.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict


class LoginThrottle:
    def __init__(
        self,
        *,
        max_failures: int = 5,
        window_seconds: int = 900,
        lockout_seconds: int = 300,
        capacity: int = 10000,
    ) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self.lockout = lockout_seconds
        self.capacity = capacity
        self._lock = threading.Lock()
        self._failures: OrderedDict[str, list[float]] = OrderedDict()
        self._locked_until: dict[str, float] = {}

    @staticmethod
    def _key(username: str) -> str:
        return username.strip().lower()

    def retry_after(self, username: str) -> int:
        """Seconds until ``username`` may try again (0 = now)."""
        until = self._locked_until.get(self._key(username), 0.0)
        return max(0, int(until - time.monotonic() + 0.999))

    def failed(self, username: str) -> None:
        key, now = self._key(username), time.monotonic()
        with self._lock:
            recent = [t for t in self._failures.pop(key, []) if now - t < self.window] + [now]
            self._failures[key] = recent
            if len(recent) >= self.max_failures:
                self._locked_until[key] = now + self.lockout
                self._failures[key] = []
            while len(self._failures) > self.capacity:
                old, _ = self._failures.popitem(last=False)
                self._locked_until.pop(old, None)

    def succeeded(self, username: str) -> None:
        key = self._key(username)
        with self._lock:
            self._failures.pop(key, None)
            self._locked_until.pop(key, None)
