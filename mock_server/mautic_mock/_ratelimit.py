"""Mautic's API rate limiter (noxlogic/ratelimit-bundle): N calls per fixed window, per caller."""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable

from ._http import ApiResponse

__all__ = ["RateLimiter", "parse_rate_limit"]


def parse_rate_limit(spec: str | int | tuple[int, float]) -> tuple[int, float]:
    """``N`` or ``N/SECONDS`` (window defaults to Mautic's fixed 3600 s)."""
    if isinstance(spec, tuple):
        limit, period = spec
    elif isinstance(spec, int) and not isinstance(spec, bool):
        limit, period = spec, 3600.0
    elif isinstance(spec, str) and re.fullmatch(r"\s*\d+\s*(/\s*\d+(\.\d+)?\s*)?", spec):
        count, _, seconds = spec.partition("/")
        limit, period = int(count), float(seconds) if seconds.strip() else 3600.0
    else:
        raise ValueError(f"rate limit must be N or N/SECONDS, got {spec!r}")
    if limit < 1 or period <= 0:
        raise ValueError(f"rate limit must be at least 1 call per positive window, got {spec!r}")
    return int(limit), float(period)


class RateLimiter:
    def __init__(self, limit: int, period: float, clock: Callable[[], float] = time.time) -> None:
        self.limit = limit
        self.period = period
        self._clock = clock
        self._buckets: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> tuple[bool, dict[str, str]]:
        """Count one call; (allowed, the X-RateLimit-* headers for the answer)."""
        now = self._clock()
        with self._lock:
            start, calls = self._buckets.get(key, (now, 0))
            if now >= start + self.period:
                start, calls = now, 0
            calls += 1
            self._buckets[key] = (start, calls)
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(max(0, self.limit - calls)),
            "X-RateLimit-Reset": str(math.ceil(start + self.period)),
        }
        return calls <= self.limit, headers

    def exceeded(self, headers: dict[str, str]) -> ApiResponse:
        # The configured message is sent verbatim (spacing included); it always says "per hour".
        body = (
            '{ "errors": [ { "code": 429, "message": "You exceeded the rate limit of '
            f'{self.limit} API calls per hour.", "details": [] }} ]}}'
        )
        return ApiResponse(429, body.encode(), dict(headers))
