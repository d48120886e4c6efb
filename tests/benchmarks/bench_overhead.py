"""Client overhead, in-process: `contacts.get` and a 200-contact `contacts.list` page against the same
requests sent with plain httpx and decoded with `json.loads`, both through the fake's in-process
transport (no network, no latency), calls interleaved in blocks; medians per call. Also times the pieces
of the client's work on one page (decoding, the generated models, our wrappers) to explain the ratio.

    python -m tests.benchmarks.bench_overhead [--rounds 10]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from typing import Any

import httpx
from mautic_contacts import Mautic
from mautic_contacts._results import ContactPage
from mautic_contacts_client import models as gen
from mautic_mock import FakeMautic

from .bench_common import PASSWORD, USER, emit, median
from .bench_export import seed_contacts
from .bench_import import contacts

URL = "http://mautic.test"
PAGE = 200


def _per_call(fn: Callable[[], Any], calls: int) -> list[float]:
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def _compare(
    client: Callable[[], Any], raw: Callable[[], Any], rounds: int, calls: int
) -> tuple[float, float]:
    for fn in (client, raw):  # warm up
        _per_call(fn, max(2, calls // 5))
    mine: list[float] = []
    plain: list[float] = []
    for _ in range(rounds):
        mine += _per_call(client, calls)
        plain += _per_call(raw, calls)
    return median(mine) * 1000, median(plain) * 1000


def _batch_cost(http: httpx.Client) -> dict[str, float]:
    """The client's CPU per 200-contact `create_many`: the request goes to a transport that returns a
    recorded answer of the fake at once, so only the client's work is timed."""
    rows = contacts(PAGE)
    recorded = http.post("/contacts/batch/new", json=rows)
    body, status, headers = recorded.content, recorded.status_code, dict(recorded.headers)

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        return httpx.Response(status, content=body, headers=headers)

    with Mautic(URL, username=USER, password=PASSWORD, transport=httpx.MockTransport(answer)) as m:
        create = median(_per_call(lambda: m.contacts.create_many(rows), 15)) * 1000
    return {
        "batch_client_ms": create,
        "batch_json_ms": median(_per_call(lambda: json.loads(body), 15)) * 1000,
        "batch_bytes": len(body),
    }


def measure(rounds: int) -> dict[str, Any]:
    fake = FakeMautic(username=USER, password=PASSWORD, data={"contacts": seed_contacts(2 * PAGE)})
    transport = fake.transport()
    try:
        with (
            Mautic(URL, username=USER, password=PASSWORD, transport=transport) as m,
            httpx.Client(base_url=f"{URL}/api", auth=(USER, PASSWORD), transport=transport) as http,
        ):
            params: dict[str, str | int] = {"start": 0, "limit": PAGE, "orderBy": "id"}
            get_client, get_raw = _compare(
                lambda: m.contacts.get(7), lambda: json.loads(http.get("/contacts/7").content), rounds, 50
            )
            page_client, page_raw = _compare(
                lambda: m.contacts.list(limit=PAGE, order_by="id"),
                lambda: json.loads(http.get("/contacts", params=params).content),
                max(3, rounds // 2),
                6,
            )
            one = http.get("/contacts/7").content
            body = http.get("/contacts", params=params).content
            decoded = json.loads(body)
            model = gen.ContactList.from_dict(decoded)
            parts = {
                "page_json_ms": median(_per_call(lambda: json.loads(body), 15)) * 1000,
                "page_models_ms": median(_per_call(lambda: gen.ContactList.from_dict(decoded), 15)) * 1000,
                "page_wrappers_ms": median(_per_call(lambda: ContactPage.from_model(model), 15)) * 1000,
                "get_json_ms": median(_per_call(lambda: json.loads(one), 200)) * 1000,
                "get_models_ms": median(
                    _per_call(lambda: gen.ContactResponse.from_dict(json.loads(one)), 200)
                )
                * 1000,
                "page_bytes": len(body),
            }
            parts.update(_batch_cost(http))
    finally:
        fake.close()
    return {
        "get_client_ms": get_client,
        "get_raw_ms": get_raw,
        "page_client_ms": page_client,
        "page_raw_ms": page_raw,
        **parts,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    emit(measure(parser.parse_args(argv).rounds))


if __name__ == "__main__":
    main()
