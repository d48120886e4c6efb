"""Injected gateway failures (``--fail-rate``/``--fail-seed``) for testing clients' retries."""

from __future__ import annotations

import random
import threading

from ._http import ApiResponse

__all__ = ["FaultInjector"]

_PAGES = {
    502: "502 Bad Gateway",
    503: "503 Service Temporarily Unavailable",
}


class FaultInjector:
    """Decides, per request and in arrival order, whether to fail; the same seed gives the same sequence."""

    def __init__(self, rate: float, seed: int | None) -> None:
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"fail rate must be between 0 and 1, got {rate!r}")
        self.rate = rate
        self._random = random.Random(seed)
        self._lock = threading.Lock()

    def draw(self) -> ApiResponse | None:
        if self.rate <= 0.0:
            return None
        with self._lock:
            fail = self._random.random() < self.rate
            status = 502 if self._random.random() < 0.5 else 503
        if not fail:
            return None
        title = _PAGES[status]
        page = (
            f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
            f"<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n"
        )
        headers = {"Retry-After": "1"} if status == 503 else {}
        return ApiResponse(status, page.encode(), headers, media_type="text/html")
