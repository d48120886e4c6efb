"""The dual in-process transport (sync + async, one fake) and the ``mautic_fake`` pytest fixture."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import httpx
from mautic_mock import FakeMautic, FakeTransport

BASE_URL = "http://mautic.test/api"
AUTH = ("admin", "mautic")


def test_one_transport_object_serves_both_kinds_of_client(fake: FakeMautic) -> None:
    transport = fake.transport()
    assert transport is fake.transport()
    assert isinstance(transport, FakeTransport)
    assert isinstance(transport, httpx.BaseTransport)
    assert isinstance(transport, httpx.AsyncBaseTransport)


async def test_async_client(aclient: httpx.AsyncClient) -> None:
    response = await aclient.post("/contacts/new", json={"email": "async@example.com"})
    assert response.status_code == 201
    results = await asyncio.gather(
        *(aclient.post("/contacts/new", json={"email": f"g{i}@example.com"}) for i in range(20))
    )
    assert {r.status_code for r in results} == {201}
    assert (await aclient.get("/contacts")).json()["total"] == "21"


async def test_sync_client_inside_a_running_event_loop(fake: FakeMautic, aclient: httpx.AsyncClient) -> None:
    # A sync call made from the loop's own thread must not deadlock: it runs on a background loop.
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as sync:
        created = sync.post("/contacts/new", json={"email": "mixed@example.com"})  # noqa: ASYNC212 - on purpose
        created = created.json()["contact"]["id"]
        seen_async = (await aclient.get(f"/contacts/{created}")).json()["contact"]["id"]
        assert seen_async == created
        await aclient.post("/contacts/new", json={"email": "mixed2@example.com"})
        assert sync.get("/contacts").json()["total"] == "2"  # noqa: ASYNC212 - on purpose


async def test_sync_clients_in_threads_while_async_runs(fake: FakeMautic, aclient: httpx.AsyncClient) -> None:
    def sync_work(n: int) -> int:
        with httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as sync:
            return sync.post("/contacts/new", json={"email": f"t{n}@example.com"}).status_code

    async def async_work(n: int) -> int:
        return (await aclient.post("/contacts/new", json={"email": f"a{n}@example.com"})).status_code

    threaded = [asyncio.to_thread(sync_work, n) for n in range(5)]
    direct = [async_work(n) for n in range(5)]
    results = await asyncio.gather(*threaded, *direct)
    assert results == [201] * 10


def test_fixture_gives_a_fresh_fake(mautic_fake: FakeMautic) -> None:
    with httpx.Client(transport=mautic_fake.transport(), base_url=BASE_URL, auth=AUTH) as http:
        assert http.get("/contacts").json()["total"] == "0"
        http.post("/contacts/new", json={"email": "fixture@example.com"})
        assert http.get("/contacts").json()["total"] == "1"


def test_fixture_is_fresh_again(mautic_fake: FakeMautic) -> None:
    with httpx.Client(transport=mautic_fake.transport(), base_url=BASE_URL, auth=AUTH) as http:
        assert http.get("/contacts").json()["total"] == "0"


def test_plugin_works_in_a_users_test_session(tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(
        "import httpx\n"
        "def test_it(mautic_fake):\n"
        "    http = httpx.Client(\n"
        "        transport=mautic_fake.transport(), base_url='http://m/api', auth=('admin', 'mautic')\n"
        "    )\n"
        "    assert http.post('/contacts/new', json={'email': 'u@example.com'}).status_code == 201\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_user.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_plugin_imports_cheaply_without_the_mock_extra() -> None:
    code = (
        "import sys\n"
        "for name in ('starlette', 'uvicorn', 'a2wsgi', 'httpx'): sys.modules[name] = None\n"
        "import mautic_mock.pytest_plugin\n"
        "assert 'mautic_mock._fake' not in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
