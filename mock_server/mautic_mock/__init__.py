"""mautic_mock: a stateful fake Mautic 5 (contacts API) for tests, in-process or on loopback.

>>> fake = FakeMautic(username="admin", password="mautic")
>>> client = httpx.Client(
...     transport=fake.transport(), base_url="http://mautic.test/api", auth=("admin", "mautic")
... )
>>> with fake.serve_in_thread() as server:  # or on loopback: server.url is the base URL
...     ...
"""

from __future__ import annotations

from ._datafile import FakeDataError
from ._defaults import MAUTIC_VERSION
from ._fake import FakeMautic
from ._server import FakeServer
from ._transport import FakeTransport

__all__ = ["MAUTIC_VERSION", "FakeDataError", "FakeMautic", "FakeServer", "FakeTransport"]
