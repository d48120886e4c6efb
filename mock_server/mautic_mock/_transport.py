"""One httpx transport serving both ``httpx.Client`` and ``httpx.AsyncClient`` in-process (no socket)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
from a2wsgi import ASGIMiddleware
from starlette.types import ASGIApp

__all__ = ["FakeTransport"]

_loop_lock = threading.Lock()
_shared_loop: asyncio.AbstractEventLoop | None = None


def _background_loop() -> asyncio.AbstractEventLoop:
    """One daemon event loop shared by every sync transport (a2wsgi would start one thread per app)."""
    global _shared_loop
    with _loop_lock:
        if _shared_loop is None or _shared_loop.is_closed():
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="mautic-mock-sync-loop", daemon=True).start()
            _shared_loop = loop
        return _shared_loop


def _pep3333_path(app: Any) -> Any:
    """httpx's WSGI transport puts the *decoded* path in PATH_INFO; WSGI wants it as latin-1
    "bytes-as-str", which is what a2wsgi decodes. Without this, any non-ASCII path segment
    (``/contacts/1/dnc/Ý/add``) crashed the sync transport instead of reaching the fake."""

    def wsgi(environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        environ["PATH_INFO"] = path.encode("utf-8", "surrogatepass").decode("latin-1")
        return app(environ, start_response)

    return wsgi


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Sync requests go through WSGI (a2wsgi runs the ASGI app on a background loop), async ones
    straight to the ASGI app on the caller's loop. A sync client therefore works even while an
    async test's event loop is running, and one fake can serve both kinds of client at once."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app
        self._async = httpx.ASGITransport(app=app)
        self._sync: httpx.WSGITransport | None = None
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            if self._sync is None:
                middleware = ASGIMiddleware(self._app, loop=_background_loop())  # type: ignore[arg-type]
                self._sync = httpx.WSGITransport(app=_pep3333_path(middleware))
        return self._sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._async.handle_async_request(request)

    def close(self) -> None:
        self._sync = None

    async def aclose(self) -> None:
        self._sync = None
