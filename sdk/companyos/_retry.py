"""Retry policy, backoff and ``Retry-After`` parsing: pure functions, no I/O, no clock of their own."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

__all__ = ["RetryPolicy", "parse_retry_after"]

RETRYABLE_STATUS = frozenset({408, 429})


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date); None when absent/invalid."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - now
    return max(0.0, seconds)


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter; ``Retry-After`` wins when present, up to ``max_retry_after``.

    Delay for retry *n* (0-based) is ``uniform(0, min(max_delay, initial_delay * 2**n))``.
    """

    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    random: Callable[[], float] = field(default=random.random, repr=False, compare=False)

    @staticmethod
    def should_retry_status(status_code: int) -> bool:
        return status_code in RETRYABLE_STATUS or status_code >= 500

    def backoff(self, retry_index: int) -> float:
        ceiling = min(self.max_delay, self.initial_delay * (2**retry_index))
        return ceiling * self.random()

    def delay(self, retry_index: int, retry_after: str | None, now: float) -> float:
        hinted = parse_retry_after(retry_after, now)
        if hinted is not None:
            return min(hinted, self.max_retry_after)
        return self.backoff(retry_index)
