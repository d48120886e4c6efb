"""mautic_mock: a stateful fake Mautic 5 (contacts API) for tests, in-process or on loopback.

>>> fake = FakeMautic(username="admin", password="mautic")
>>> client = httpx.Client(
...     transport=fake.transport(), base_url="http://mautic.test/api", auth=("admin", "mautic")
... )
>>> with fake.serve_in_thread() as server:  # on loopback: server.url is the base URL
...     ...

The heavy pieces (Starlette, uvicorn, a2wsgi, httpx) load on first use, so importing the package
(and its pytest plugin) stays cheap and works without the ``mock`` extra installed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._defaults import MAUTIC_VERSION

if TYPE_CHECKING:
    from ._datafile import FakeDataError
    from ._fake import FakeMautic
    from ._server import FakeServer
    from ._transport import FakeTransport

__all__ = ["MAUTIC_VERSION", "FakeDataError", "FakeMautic", "FakeServer", "FakeTransport"]

_LAZY = {
    "FakeDataError": "._datafile",
    "FakeMautic": "._fake",
    "FakeServer": "._server",
    "FakeTransport": "._transport",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mautic_mock' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
