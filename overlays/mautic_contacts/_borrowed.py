"""Transports that send through an httpx client or transport: the caller's (never closed by us), or
our own httpx client when the caller passed neither (`OwnedClient`: it reads the proxy and TLS settings
of the environment — HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY, SSL_CERT_FILE, SSL_CERT_DIR — as
httpx does, and is closed with the Mautic client).

`Mautic(http_client=...)` sends every request through the caller's `httpx.Client`, so its transport,
proxies, mounts, TLS settings, connection limits and event hooks apply, while the Mautic client keeps
adding the base URL, authentication, timeouts, retries and logging around it. The caller's `base_url`
and `auth` are not used (requests are already complete when they reach it); its headers are copied
when the Mautic client is built.
"""

from __future__ import annotations

import httpx

from ._exceptions import MauticError

__all__ = [
    "AsyncBorrowedClient",
    "AsyncBorrowedTransport",
    "AsyncOwnedClient",
    "BorrowedClient",
    "BorrowedTransport",
    "OwnedClient",
]


class BorrowedClient(httpx.BaseTransport):
    """Send through a caller's `httpx.Client`."""

    def __init__(self, client: httpx.Client) -> None:
        if not isinstance(client, httpx.Client):
            raise TypeError(f"http_client must be an httpx.Client, not {type(client).__name__}")
        self.client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.client.is_closed:
            raise _closed("http_client")
        # auth=None: authentication is done (and retried on 401) by the Mautic client's own flow.
        return self.client.send(request, stream=True, auth=None, follow_redirects=False)

    def close(self) -> None:
        """The caller's client stays open: its owner closes it."""


class AsyncBorrowedClient(httpx.AsyncBaseTransport):
    """Send through a caller's `httpx.AsyncClient`."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        if not isinstance(client, httpx.AsyncClient):
            raise TypeError(f"http_client must be an httpx.AsyncClient, not {type(client).__name__}")
        self.client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.client.is_closed:
            raise _closed("http_client")
        return await self.client.send(request, stream=True, auth=None, follow_redirects=False)

    async def aclose(self) -> None:
        """The caller's client stays open: its owner closes it."""


class BorrowedTransport(httpx.BaseTransport):
    """A caller's sync transport (for example the fake Mautic's), left open on close."""

    def __init__(self, transport: httpx.BaseTransport) -> None:
        if not isinstance(transport, httpx.BaseTransport):
            raise TypeError(f"transport must be an httpx.BaseTransport, not {type(transport).__name__}")
        self.transport = transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.transport.handle_request(request)

    def close(self) -> None:
        """The caller's transport may serve other clients: its owner closes it."""


class AsyncBorrowedTransport(httpx.AsyncBaseTransport):
    """A caller's async transport, left open on close."""

    def __init__(self, transport: httpx.AsyncBaseTransport) -> None:
        if not isinstance(transport, httpx.AsyncBaseTransport):
            raise TypeError(f"transport must be an httpx.AsyncBaseTransport, not {type(transport).__name__}")
        self.transport = transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.transport.handle_async_request(request)

    async def aclose(self) -> None:
        """The caller's transport may serve other clients: its owner closes it."""


class OwnedClient(BorrowedClient):
    """Our own `httpx.Client` (environment proxies and certificates), closed with the Mautic client."""

    def __init__(self) -> None:
        super().__init__(httpx.Client(trust_env=True, follow_redirects=False))

    def close(self) -> None:
        self.client.close()


class AsyncOwnedClient(AsyncBorrowedClient):
    """The async twin of `OwnedClient`."""

    def __init__(self) -> None:
        super().__init__(httpx.AsyncClient(trust_env=True, follow_redirects=False))

    async def aclose(self) -> None:
        await self.client.aclose()


def _closed(what: str) -> MauticError:
    return MauticError(f"the {what} passed to this Mautic client is closed")
