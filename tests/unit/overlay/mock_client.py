"""A `Mautic` client over an httpx MockTransport, and canned answers, for the client's unit tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from mautic_contacts import Mautic, RetryPolicy

__all__ = ["CONTACT", "NO_RETRY_SLEEP", "URL", "Handler", "client", "ok", "recording"]

URL = "https://m.example.com"
Handler = Callable[[httpx.Request], httpx.Response]
CONTACT = {"id": 7, "points": 3, "fields": {"all": {"id": "7", "email": "a@b.c"}}, "tags": []}
NO_RETRY_SLEEP = RetryPolicy(initial_delay=0.0, max_delay=0.0)


def ok(body: object, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json=body, headers={"Mautic-Version": "5.1.0"})


def client(handler: Handler, **options: Any) -> Mautic:
    options.setdefault("retry_policy", NO_RETRY_SLEEP)
    return Mautic(
        URL, username="admin", password="pa55w0rd", transport=httpx.MockTransport(handler), **options
    )


def recording(responses: list[httpx.Response] | httpx.Response) -> tuple[list[httpx.Request], Handler]:
    seen: list[httpx.Request] = []
    queue = responses if isinstance(responses, list) else None

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if queue is None:
            assert isinstance(responses, httpx.Response)
            return responses
        return queue.pop(0)

    return seen, handler
