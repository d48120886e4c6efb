"""Helpers for the generated-client tests: a recording MockTransport handler and the sync/async call type."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from mautic_contacts_client.types import Response

BASE_URL = "https://mautic.test/api"


@dataclass
class Recorder:
    """Records every request and answers with `status` and `body`."""

    # By default an undocumented status with no body: the client returns `parsed=None` without parsing.
    status: int = 204
    body: bytes = b""
    requests: list[httpx.Request] = field(default_factory=list)

    def answer(self, status: int, body: Any) -> None:
        self.status = status
        self.body = json.dumps(body).encode()

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, content=self.body, headers={"Content-Type": "application/json"})

    @property
    def last(self) -> httpx.Request:
        assert self.requests, "no request was sent"
        return self.requests[-1]


Call = Callable[..., Awaitable[Response[Any]]]
