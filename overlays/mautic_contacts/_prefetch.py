"""Keyset iteration that reads ahead: `contacts.iterate(prefetch=True)`.

Parsing a page into the generated models takes about as long as the server needs to send the next
one (a 200-contact page is ~1.3 MB of JSON). A plain iteration does the two one after the other. Here a
fetcher (a thread for `Mautic`, a task for `AsyncMautic`) sends the request for page n+1 as soon as
page n has arrived and its JSON is decoded (the ids give the next cursor), while the caller's side
builds page n's models and hands its contacts out. At most two pages wait ahead of the caller.

The fetcher only decodes; the caller's side parses with the generated code (`CallState.build`) and
maps errors exactly as a plain call would. If a page's ids cannot be read (an error answer, a body
that does not look like a page), the fetcher hands that answer over and stops; the caller's side
parses it (raising the typed error) or, if it was a valid page after all, goes on page by page.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import queue
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Final, Protocol, TypeVar

import anyio.to_thread
import httpx

from ._contact import Contact
from ._exceptions import MauticError
from ._operation import CallState, Operation
from ._operations import KeysetPages, page_ids, page_total
from ._results import ContactPage

R = TypeVar("R")

__all__ = ["OFFLOAD_BYTES", "build_off_loop", "iterate_ahead", "iterate_ahead_async"]

_POLL: Final = 0.05  # seconds between checks for "the caller stopped" while waiting to hand over
# `AsyncMautic` decodes and parses answers at least this big in a worker thread, so that the event loop
# is not blocked meanwhile (a 200-contact page is ~1.3 MB, ~55 ms of work; a thread hop costs ~0.1 ms).
OFFLOAD_BYTES: Final = 64 * 1024


class _SyncClient(Protocol):
    _state: CallState

    def _send(self, op: Operation[Any]) -> httpx.Response: ...


class _AsyncClient(Protocol):
    _state: CallState

    def _send(self, op: Operation[Any]) -> Awaitable[httpx.Response]: ...


@dataclass
class _Fetched:
    """One answer handed from the fetcher to the caller's side (or the end, or an error)."""

    op: Operation[ContactPage] | None = None
    response: httpx.Response | None = None
    body: Any = None
    ids: list[int] | None = None
    error: BaseException | None = None

    @property
    def total(self) -> int | None:
        return page_total(self.body)


class _Decoded(httpx.Response):
    """An answer whose JSON was already decoded: the generated parser reads it without decoding again."""

    body: Any = None

    def json(self, **kwargs: Any) -> Any:
        return self.body


def _decode(response: httpx.Response) -> tuple[Any, list[int] | None]:
    if response.status_code != 200:
        return None, None
    try:
        body = json.loads(response.content)
    except ValueError:
        return None, None
    return body, page_ids(body)


def _advance(pages: KeysetPages, fetched: _Fetched) -> bool:
    """Move the cursor past the fetched page; False (and nothing moved) when that is not possible."""
    if fetched.ids is None:
        return False
    try:
        pages.feed_ids(fetched.ids, fetched.total)
    except MauticError:
        fetched.ids = None
        return False
    return True


def _page(state: CallState, fetched: _Fetched) -> ContactPage:
    """Parse (generated models) and check a fetched answer, raising the typed error a plain call would."""
    op, response = fetched.op, fetched.response
    assert op is not None
    assert response is not None
    try:
        result = state.build(op, _with_body(response, fetched.body))
    except Exception as exc:
        state.fail(op, response, exc)
    return state.settle(op, response, result)


def _with_body(response: httpx.Response, body: Any) -> httpx.Response:
    if body is None:
        return response
    decoded = _Decoded(
        response.status_code, headers=response.headers, content=response.content, request=response.request
    )
    decoded.body = body
    return decoded


def _contacts(pages: KeysetPages, fetched: _Fetched, page: ContactPage) -> list[Contact]:
    return pages.check(page, fetched.ids) if fetched.ids is not None else pages.feed(page)


# -- sync --------------------------------------------------------------------------------------------


def _hand_over(handoff: queue.Queue[_Fetched], item: _Fetched, stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            handoff.put(item, timeout=_POLL)
        except queue.Full:
            continue
        return True
    return False


def _fetch_pages(
    client: _SyncClient, pages: KeysetPages, handoff: queue.Queue[_Fetched], stop: threading.Event
) -> None:
    try:
        while not stop.is_set():
            op = pages.next()
            if op is None:
                _hand_over(handoff, _Fetched(), stop)
                return
            response = client._send(op)
            body, ids = _decode(response)
            fetched = _Fetched(op, response, body, ids)
            moved = _advance(pages, fetched)
            if not _hand_over(handoff, fetched, stop) or not moved:
                return
    except BaseException as exc:  # handed to the caller's side, which raises it
        _hand_over(handoff, _Fetched(error=exc), stop)


def iterate_ahead(
    client: _SyncClient, pages: KeysetPages, sequential: Callable[[], Iterator[Contact]]
) -> Iterator[Contact]:
    """`Mautic` keyset iteration with a fetcher thread; `sequential` continues page by page."""
    handoff: queue.Queue[_Fetched] = queue.Queue(maxsize=1)
    stop = threading.Event()
    context = contextvars.copy_context()
    fetcher = threading.Thread(
        target=context.run,
        args=(_fetch_pages, client, pages, handoff, stop),
        name="mautic-contacts-prefetch",
        daemon=True,
    )
    fetcher.start()
    try:
        while True:
            fetched = handoff.get()
            if fetched.error is not None:
                raise fetched.error
            if fetched.op is None:
                return
            contacts = _contacts(pages, fetched, _page(client._state, fetched))
            yield from contacts
            if fetched.ids is None:
                yield from sequential()
                return
    finally:
        stop.set()
        while fetcher.is_alive():
            try:
                handoff.get_nowait()
            except queue.Empty:
                fetcher.join(_POLL)


# -- async -------------------------------------------------------------------------------------------


async def _off_loop_if_big(response: httpx.Response, work: Callable[[], R]) -> R:
    """`work()` on an answer: in a worker thread when the answer is big, so the event loop stays free."""
    if len(response.content) < OFFLOAD_BYTES:
        return work()
    return await anyio.to_thread.run_sync(work)


async def build_off_loop(state: CallState, op: Operation[Any], response: httpx.Response) -> Any:
    """The generated parse of an answer (see `_off_loop_if_big`)."""
    return await _off_loop_if_big(response, lambda: state.build(op, response))


async def _decode_off_loop(response: httpx.Response) -> tuple[Any, list[int] | None]:
    return await _off_loop_if_big(response, lambda: _decode(response))


async def _fetch_pages_async(
    client: _AsyncClient, pages: KeysetPages, handoff: asyncio.Queue[_Fetched]
) -> None:
    try:
        while True:
            op = pages.next()
            if op is None:
                await handoff.put(_Fetched())
                return
            response = await client._send(op)
            body, ids = await _decode_off_loop(response)
            fetched = _Fetched(op, response, body, ids)
            moved = _advance(pages, fetched)
            await handoff.put(fetched)
            if not moved:
                return
    except asyncio.CancelledError:
        raise
    except BaseException as exc:
        await handoff.put(_Fetched(error=exc))


async def iterate_ahead_async(
    client: _AsyncClient, pages: KeysetPages, sequential: Callable[[], AsyncIterator[Contact]]
) -> AsyncIterator[Contact]:
    """`AsyncMautic` keyset iteration with a fetcher task (asyncio); big pages are decoded and parsed in
    worker threads, so that the event loop keeps sending the next request meanwhile."""
    handoff: asyncio.Queue[_Fetched] = asyncio.Queue(maxsize=1)
    fetcher = asyncio.ensure_future(_fetch_pages_async(client, pages, handoff))
    state = client._state
    try:
        while True:
            fetched = await handoff.get()
            if fetched.error is not None:
                raise fetched.error
            if fetched.op is None:
                return
            op, response = fetched.op, fetched.response
            assert response is not None
            try:
                result = await build_off_loop(state, op, _with_body(response, fetched.body))
            except Exception as exc:
                state.fail(op, response, exc)
            page = state.settle(op, response, result)
            for contact in _contacts(pages, fetched, page):
                yield contact
            if fetched.ids is None:
                async for contact in sequential():
                    yield contact
                return
    finally:
        fetcher.cancel()
