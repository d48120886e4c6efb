from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from mautic_contacts import RetryPolicy
from mautic_contacts._retry import (
    RetryDecision,
    backoff_delay,
    classify_exception,
    classify_status,
    decide_retry,
    is_retry_safe,
    server_requested_wait,
)

API = "https://m.example.com/api"
NOW = 1_700_000_000.0


def req(
    method: str, path: str, *, json_body: Any = None, data: dict[str, str] | None = None, **kw: Any
) -> httpx.Request:
    url = path if path.startswith("http") else f"{API}{path}"
    if json_body is not None:
        return httpx.Request(method, url, content=json.dumps(json_body).encode(), **kw)
    return httpx.Request(method, url, data=data, **kw)


@pytest.mark.parametrize(
    ("request_", "safe"),
    [
        (req("GET", "/contacts"), True),
        (req("PATCH", "/contacts/5/edit", json_body={"points": 3}), True),
        (req("PUT", "/contacts/5/edit", json_body={}), True),
        (req("DELETE", "/contacts/5/delete"), True),
        (req("DELETE", "/contacts/batch/delete?ids=1,2"), True),
        (req("POST", "/contacts/new", json_body={"email": "a@b.c", "tags": ["x"]}), True),
        (req("POST", "/contacts/new", json_body={"firstname": "Anon"}), False),
        (req("POST", "/contacts/new", json_body={"email": "  "}), False),
        (req("POST", "/contacts/new", json_body={"email": None}), False),
        (req("POST", "/contacts/new", data={"email": "a@b.c"}), True),
        (req("POST", "/contacts/new", data={"firstname": "x"}), False),
        (req("POST", "/contacts/new"), False),
        (req("POST", "/contacts/batch/new", json_body=[{"email": "a@b.c"}, {"email": "d@e.f"}]), True),
        (req("POST", "/contacts/batch/new", json_body=[{"email": "a@b.c"}, {"firstname": "x"}]), False),
        (req("POST", "/contacts/batch/new", json_body={"a": {"email": "a@b.c"}}), True),
        (req("POST", "/contacts/batch/new", json_body=[]), False),
        (req("POST", "/contacts/5/dnc/email/add", json_body={"reason": 3}), True),
        (req("POST", "/contacts/5/dnc/sms/remove"), True),
        (req("POST", "/contacts/5/utm/add", json_body={"utm_source": "x"}), False),
        (req("POST", "/contacts/5/utm/9/remove"), True),
        (req("POST", "/contacts/5/points/plus/10"), False),
        (req("POST", "/contacts/5/points/groups/2/set/10"), True),
        (req("POST", "/contacts/5/points/groups/2/plus/10"), False),
        (
            req("POST", "https://m.example.com/oauth/v2/token", data={"grant_type": "client_credentials"}),
            True,
        ),
        (req("POST", "https://m.example.com/oauth/v2/token", data={"grant_type": "refresh_token"}), False),
        (req("POST", "https://m.example.com/mautic/api/contacts/new", json_body={"email": "a@b.c"}), True),
        (req("POST", "/contacts/5/edit", headers={"X-HTTP-Method-Override": "PATCH"}), True),
        (req("POST", "/segments/3/contact/5/add"), False),
    ],
    ids=lambda v: f"{v.method} {v.url.path}" if isinstance(v, httpx.Request) else str(v),
)
def test_retry_safety(request_: httpx.Request, safe: bool) -> None:
    assert is_retry_safe(request_) is safe


def test_other_unique_identifiers_can_be_configured() -> None:
    request = req("POST", "/contacts/new", json_body={"email": "a@b.c"})
    assert not is_retry_safe(request, RetryPolicy(unique_identifiers=("phone",)))
    by_phone = req("POST", "/contacts/new", json_body={"phone": "+33 1 23"})
    assert is_retry_safe(by_phone, RetryPolicy(unique_identifiers=("email", "phone")))


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (httpx.ConnectError("refused"), "not_applied"),
        (httpx.ConnectTimeout("slow"), "not_applied"),
        (httpx.PoolTimeout("pool"), "not_applied"),
        (httpx.ProxyError("proxy"), "not_applied"),
        (httpx.ReadTimeout("slow"), "maybe_applied"),
        (httpx.WriteTimeout("slow"), "maybe_applied"),
        (httpx.ReadError("reset"), "maybe_applied"),
        (httpx.RemoteProtocolError("closed"), "maybe_applied"),
        (httpx.LocalProtocolError("bad"), None),
        (httpx.UnsupportedProtocol("ftp"), None),
        (ValueError("x"), None),
    ],
)
def test_exception_classification(exc: BaseException, kind: str | None) -> None:
    assert classify_exception(exc) == kind


@pytest.mark.parametrize(
    ("status", "kind"),
    [(429, "not_applied"), (503, "not_applied"), (502, "maybe_applied"), (504, "maybe_applied"), (500, None),
     (400, None), (404, None), (200, None)],
)  # fmt: skip
def test_status_classification(status: int, kind: str | None) -> None:
    assert classify_status(status) == kind


@pytest.mark.parametrize(
    ("headers", "status", "wait"),
    [
        ({"Retry-After": "7"}, 503, 7.0),
        ({"Retry-After": " 2.5 "}, 429, 2.5),
        ({"Retry-After": "-3"}, 429, 0.0),
        ({"Retry-After": "Tue, 14 Nov 2023 22:14:20 GMT"}, 503, 60.0),
        ({"Retry-After": "Tue, 14 Nov 2023 22:00:00 GMT"}, 503, 0.0),
        ({"Retry-After": "soon"}, 503, None),
        ({"retry-after-ms": "1500", "Retry-After": "9"}, 429, 1.5),
        ({"X-RateLimit-Reset": str(int(NOW) + 90)}, 429, 90.0),
        ({"X-RateLimit-Reset": "30"}, 429, 30.0),
        ({"X-RateLimit-Reset": str(int(NOW) + 90)}, 503, None),
        ({"X-RateLimit-Reset": "later"}, 429, None),
        ({"Retry-After": "4", "X-RateLimit-Reset": str(int(NOW) + 90)}, 429, 4.0),
        ({}, 429, None),
    ],
)
def test_server_requested_wait(headers: dict[str, str], status: int, wait: float | None) -> None:
    result = server_requested_wait(httpx.Headers(headers), now=NOW, status_code=status)
    assert result == (pytest.approx(wait) if wait is not None else None)


def test_backoff_is_exponential_capped_and_jittered_down() -> None:
    policy = RetryPolicy()
    assert [backoff_delay(n, policy, lambda: 0.0) for n in range(1, 7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert backoff_delay(1, policy, lambda: 1.0) == pytest.approx(0.375)
    assert backoff_delay(3, RetryPolicy(initial_delay=1, max_delay=3), lambda: 0.0) == 3.0


def decide(
    request: httpx.Request, *, retries_done: int = 0, safe: bool | None = None, **kw: Any
) -> RetryDecision:
    policy = kw.pop("policy", RetryPolicy())
    return decide_retry(
        request=request,
        retries_done=retries_done,
        max_retries=kw.pop("max_retries", policy.max_retries),
        policy=policy,
        safe=is_retry_safe(request, policy) if safe is None else safe,
        now=NOW,
        random=lambda: 0.0,
        **kw,
    )


GET = req("GET", "/contacts")
UTM_ADD = req("POST", "/contacts/5/utm/add", json_body={"utm_source": "x"})


def test_decisions() -> None:
    assert decide(GET, response=httpx.Response(503)).delay == 0.5
    assert decide(GET, retries_done=1, response=httpx.Response(503)).delay == 1.0
    assert not decide(GET, retries_done=2, response=httpx.Response(503)).retry
    assert not decide(GET, response=httpx.Response(500)).retry
    assert decide(GET, response=httpx.Response(502)).retry
    assert decide(GET, error=httpx.ReadTimeout("slow")).retry
    # Not retry-safe: only failures that cannot have changed data are retried.
    assert not decide(UTM_ADD, response=httpx.Response(502)).retry
    assert not decide(UTM_ADD, response=httpx.Response(504)).retry
    assert not decide(UTM_ADD, error=httpx.ReadTimeout("slow")).retry
    assert decide(UTM_ADD, response=httpx.Response(503)).retry
    assert decide(UTM_ADD, response=httpx.Response(429)).retry
    assert decide(UTM_ADD, error=httpx.ConnectError("refused")).retry


def test_server_wait_is_honoured_up_to_max_wait() -> None:
    soon = httpx.Response(429, headers={"Retry-After": "12"})
    assert decide(UTM_ADD, response=soon).delay == 12.0
    late = httpx.Response(429, headers={"X-RateLimit-Reset": str(int(NOW) + 3600)})
    decision = decide(UTM_ADD, response=late)
    assert not decision.retry
    assert "longer than max_wait" in decision.reason
    assert decide(UTM_ADD, response=late, policy=RetryPolicy(max_wait=4000)).delay == 3600.0


def test_streamed_bodies_are_only_resent_when_nothing_was_sent() -> None:
    def chunks() -> Iterator[bytes]:
        yield b"{}"

    streamed = httpx.Request("PUT", f"{API}/contacts/5/edit", content=chunks())
    assert not decide(streamed, response=httpx.Response(503)).retry
    assert decide(streamed, error=httpx.ConnectError("refused")).retry


@pytest.mark.parametrize(
    "kwargs",
    [{"max_retries": -1}, {"max_retries": True}, {"initial_delay": -1}, {"max_wait": "x"}],
)
def test_policy_validation(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=">= 0"):
        RetryPolicy(**kwargs)
    with pytest.raises(TypeError):
        RetryPolicy(unique_identifiers="email")  # type: ignore[arg-type]
