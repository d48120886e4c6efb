"""Rate limiting (§1.3), injected latency and reproducible 502/503 failures."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from mautic_mock import FakeMautic

BASE_URL = "http://mautic.test/api"
AUTH = ("admin", "mautic")
LIMITED_BODY = (
    b'{ "errors": [ { "code": 429, "message": "You exceeded the rate limit of 3 API calls per hour.", '
    b'"details": [] } ]}'
)


def test_rate_limit_headers_and_429() -> None:
    with (
        FakeMautic(rate_limit="3/60") as fake,
        httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as http,
    ):
        remaining = []
        for _ in range(3):
            response = http.get("/contacts")
            assert response.status_code == 200
            assert response.headers["x-ratelimit-limit"] == "3"
            remaining.append(response.headers["x-ratelimit-remaining"])
            reset = int(response.headers["x-ratelimit-reset"])
            assert time.time() < reset <= time.time() + 61
        assert remaining == ["2", "1", "0"]
        response = http.post("/contacts/new", json={"email": "late@example.com"})
        assert response.status_code == 429
        assert response.content == LIMITED_BODY
        assert response.headers["x-ratelimit-remaining"] == "0"
        assert "mautic-version" not in response.headers
        # unauthenticated calls and unknown routes never reach the limiter
        assert http.get("/contacts", auth=("admin", "bad")).status_code == 401
        assert http.get("/nothing").status_code == 404
    with (
        FakeMautic() as fresh,
        httpx.Client(transport=fresh.transport(), base_url=BASE_URL, auth=AUTH) as http,
    ):
        assert "x-ratelimit-limit" not in http.get("/contacts").headers


def test_rate_limit_window_resets() -> None:
    with (
        FakeMautic(rate_limit="2/0.3") as fake,
        httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as http,
    ):
        assert [http.get("/contacts").status_code for _ in range(3)] == [200, 200, 429]
        time.sleep(0.35)
        assert http.get("/contacts").status_code == 200


def test_each_oauth_token_has_its_own_bucket() -> None:
    with (
        FakeMautic(rate_limit=(1, 60), client_id="c", client_secret="s") as fake,
        httpx.Client(transport=fake.transport(), base_url="http://mautic.test") as http,
    ):
        form = {"grant_type": "client_credentials", "client_id": "c", "client_secret": "s"}
        tokens = [http.post("/oauth/v2/token", data=form).json()["access_token"] for _ in range(2)]
        for token in tokens:
            assert http.get("/api/contacts", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert http.get("/api/contacts", headers={"Authorization": f"Bearer {tokens[0]}"}).status_code == 429
        assert http.get("/api/contacts", auth=AUTH).status_code == 200


@pytest.mark.parametrize("spec", ["0", "x", "3/0", "-1", "3/abc"])
def test_invalid_rate_limits(spec: str) -> None:
    with pytest.raises(ValueError, match="rate limit"):
        FakeMautic(rate_limit=spec)


def test_latency() -> None:
    with (
        FakeMautic(latency_ms=120) as fake,
        httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as http,
    ):
        started = time.perf_counter()
        assert http.get("/contacts").status_code == 200
        assert time.perf_counter() - started >= 0.12


def _run(seed: int, rate: float, calls: int = 40) -> list[int]:
    with (
        FakeMautic(fail_rate=rate, fail_seed=seed) as fake,
        httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as http,
    ):
        return [http.get("/contacts").status_code for _ in range(calls)]


def test_fail_rate_is_reproducible_with_a_seed() -> None:
    first, again, other = _run(7, 0.5), _run(7, 0.5), _run(8, 0.5)
    assert first == again
    assert first != other
    assert set(first) == {200, 502, 503}
    assert 8 <= first.count(200) <= 32
    assert set(_run(1, 0.0, 10)) == {200}
    assert set(_run(1, 1.0, 10)) <= {502, 503}


def test_failures_happen_before_touching_data(tmp_path: Path) -> None:
    db = tmp_path / "faulty.sqlite"
    with (
        FakeMautic(db=db, fail_rate=1.0, fail_seed=3) as fake,
        httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as http,
    ):
        statuses = set()
        for _ in range(6):
            response = http.post("/contacts/new", json={"email": "never@example.com"})
            statuses.add(response.status_code)
            assert response.headers["content-type"].startswith("text/html")
            if response.status_code == 503:
                assert response.headers["retry-after"] == "1"
        assert statuses == {502, 503}
    with (
        FakeMautic(db=db) as fake,
        httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as http,
    ):
        assert http.get("/contacts").json()["total"] == "0"


def test_invalid_fail_rate() -> None:
    with pytest.raises(ValueError, match="fail rate"):
        FakeMautic(fail_rate=1.5)
