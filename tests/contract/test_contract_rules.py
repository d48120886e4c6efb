"""The relaxation rules accept exactly the documented Mautic behaviour, and no more.

`form-validation` lets `positive_data_acceptance` (ST202) pass a 400/422 on a schema-valid write only
when the answer names, in `details`, fields whose check the spec cannot express, for values the
request sent (behaviour reference §1.6, §5.3, §5.4, §5.9, §4.4). The fake's own answers to such
values must count as expected; anything vaguer must stay a failure.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from contract_rules import RULES, form_validation
from contract_wire import WireRequest
from mautic_mock import FakeMautic

AUTH = ("admin", "mautic")
INVALID = "This value is not valid."


class Answer:
    """The parts of a schemathesis response the rules read."""

    def __init__(self, status: int, body: Any) -> None:
        self.status_code = status
        self._body = body

    def json(self) -> Any:
        return self._body


def _request(body: Any, method: str = "PATCH") -> WireRequest:
    raw = json.dumps(body).encode()
    return WireRequest.build(
        method, "http://m.test/api/contacts/1/edit", {"Content-Type": "application/json"}, raw
    )


def _error(status: int, details: Any, code: int | None = None) -> Answer:
    message = "irrelevant"
    return Answer(
        status,
        {"errors": [{"code": status if code is None else code, "message": message, "details": details}]},
    )


@pytest.mark.parametrize(
    ("body", "status", "details"),
    [
        ({"email": "foo"}, 400, {"email": ["foo is invalid."]}),
        ({"email": "jim@example.com"}, 422, {"email": ["This field must be unique."]}),
        ({"member_no": "7"}, 422, {"member_no": ["This field must be unique."]}),
        ({"country": "Atlantis"}, 400, {"country": [INVALID]}),
        ({"state": "Nowhere"}, 400, {"state": [INVALID]}),
        ({"preferred_locale": "xx_YY"}, 400, {"preferred_locale": [INVALID]}),
        ({"timezone": "Mars/Base"}, 400, {"timezone": [INVALID]}),
        ({"attribution_date": "soon"}, 400, {"attribution_date": [INVALID]}),
        ({"owner": 999}, 400, {"owner": [INVALID]}),
        ({"stage": 999}, 400, {"stage": [INVALID]}),
        ({"points": 2**31}, 400, {"points": [INVALID]}),
        ({"attribution": 1e300}, 400, {"attribution": [INVALID]}),
        ({"attribution": 2**70}, 400, {"attribution": [INVALID]}),
        (
            {"firstname": "x" * 192},
            400,
            {"firstname": ["This value is too long. It should have 191 characters or less."]},
        ),
        ({"frequencyRules": {"email": {"frequency_time": "YEAR"}}}, 400, {"frequency_time_email": [INVALID]}),
        ({"shoe_size": "XXL"}, 400, {"shoe_size": [INVALID]}),
        ({}, 400, {"member_no": ["This field is required."]}),
        (
            {"email": "jim@example.com", "country": "Atlantis"},
            422,
            {"email": ["This field must be unique."], "country": [INVALID]},
        ),
    ],
)
def test_validation_the_spec_cannot_express_is_accepted(
    body: dict[str, Any], status: int, details: dict[str, Any]
) -> None:
    assert form_validation(_request(body), None, _error(status, details))


@pytest.mark.parametrize(
    ("body", "answer"),
    [
        # No field named: could be anything.
        ({"firstname": "x"}, _error(400, [])),
        ({"firstname": "x"}, _error(400, {})),
        ({"firstname": "x"}, Answer(400, {"errors": [{"code": 400, "message": "This is a bad request."}]})),
        # A plain text field the spec types fully is refused.
        ({"firstname": "Jim"}, _error(400, {"firstname": [INVALID]})),
        ({"city": "Paris"}, _error(400, {"city": ["This field is required."]})),
        # The value sent does not explain the message.
        (
            {"firstname": "short"},
            _error(400, {"firstname": ["This value is too long. It should have 191 characters or less."]}),
        ),
        ({"points": 5}, _error(400, {"points": [INVALID]})),
        ({"attribution": 12.5}, _error(400, {"attribution": [INVALID]})),
        ({"firstname": "x"}, _error(400, {"country": [INVALID]})),
        ({"owner": None}, _error(400, {"owner": [INVALID]})),
        ({"firstname": "x"}, _error(422, {"email": ["This field must be unique."]})),
        # 422 is only for unique identifiers; the status and the code must agree.
        ({"country": "Atlantis"}, _error(422, {"country": [INVALID]})),
        ({"country": "Atlantis"}, _error(400, {"country": [INVALID]}, code=500)),
        ({"email": "jim@example.com"}, _error(400, {"email": ["This field must be unique."]})),
        # One unexplained field spoils the answer.
        (
            {"country": "Atlantis", "firstname": "Jim"},
            _error(400, {"country": [INVALID], "firstname": [INVALID]}),
        ),
    ],
)
def test_vaguer_or_unexplained_rejections_stay_failures(body: dict[str, Any], answer: Answer) -> None:
    assert not form_validation(_request(body), None, answer)


def test_the_rule_covers_single_writes_only() -> None:
    (rule,) = [r for r in RULES if r.name == "form-validation"]
    assert rule.codes == {"ST202"}
    assert rule.operations == {"createContact", "replaceContact", "updateContact"}


def _sent(response: httpx.Response) -> WireRequest:
    request = response.request
    return WireRequest.build(request.method, str(request.url), dict(request.headers), request.content)


# -- the fake's answers ---------------------------------------------------------------------------
@pytest.fixture
def fake() -> Iterator[httpx.Client]:
    with (
        FakeMautic(username=AUTH[0], password=AUTH[1]) as mautic,
        httpx.Client(transport=mautic.transport(), base_url="http://mautic.test/api", auth=AUTH) as http,
    ):
        yield http


@pytest.mark.parametrize(
    "body",
    [
        {"email": "foo"},
        {"country": "Atlantis"},
        {"timezone": "Mars/Base"},
        {"last_active": "not a date"},
        {"attribution_date": "not a date"},
        {"owner": 999},
        {"stage": 999},
        {"points": 2**40},
        {"attribution": 1e19},  # beyond PHP_INT_MAX (larger values are (int) 0: dropped, §5.1)
        {"firstname": "x" * 192},
        {"frequencyRules": {"email": {"frequency_time": "YEAR"}}},
    ],
)
def test_the_fakes_validation_answers_count_as_expected(fake: httpx.Client, body: dict[str, Any]) -> None:
    response = fake.post("/contacts/new", json=body)
    assert response.status_code == 400, response.text
    assert form_validation(_sent(response), None, response)


def test_the_fakes_unique_clash_counts_as_expected(fake: httpx.Client) -> None:
    fake.post("/contacts/new", json={"email": "jim@example.com"})
    other = fake.post("/contacts/new", json={"email": "ann@example.com"}).json()["contact"]["id"]
    response = fake.patch(f"/contacts/{other}/edit", json={"email": "jim@example.com"})
    assert response.status_code == 422, response.text
    assert form_validation(_sent(response), None, response)
