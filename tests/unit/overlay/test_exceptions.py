from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from mautic_contacts import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ErrorDetail,
    InternalServerError,
    MauticError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from mautic_contacts._exceptions import connection_error, decode_body, make_status_error, raise_for_status

NOW = 1_700_000_000.0
REQUEST = httpx.Request(
    "GET",
    "https://m.example.com/api/contacts/5?search=x",
    headers={"Authorization": "Bearer s3cr3t-access-token"},
)


def response(
    status: int, body: object = None, *, text: str | None = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    if text is None and body is not None:
        text = json.dumps(body)
    return httpx.Response(status, content=(text or "").encode(), headers=headers, request=REQUEST)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (405, APIStatusError),
        (409, APIStatusError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[APIStatusError]) -> None:
    error = make_status_error(
        response(status, {"errors": [{"code": status, "message": "boom", "type": None}]})
    )
    assert type(error) is cls
    assert isinstance(error, MauticError)
    assert error.status_code == status
    assert error.errors == (ErrorDetail(message="boom", code=status),)


def test_controller_envelope_with_field_details() -> None:
    body = {
        "errors": [
            {
                "code": 400,
                "message": "email: foo is invalid., lastname: too long",
                "details": {"email": ["foo is invalid."], "lastname": ["too long", "really"]},
                "type": None,
            }
        ]
    }
    error = make_status_error(response(400, body))
    assert str(error) == "400 Bad Request: email: foo is invalid., lastname: too long (GET /api/contacts/5)"
    detail = error.errors[0]
    assert detail.field_errors == {"email": ("foo is invalid.",), "lastname": ("too long", "really")}
    assert error.body == body
    assert error.response.status_code == 400
    assert error.error is detail


def test_list_details_and_nested_details() -> None:
    body = {
        "errors": [
            {
                "code": 400,
                "message": "Invalid reason code given",
                "details": ["Reason code needs to be > 0."],
            },
            {"message": "second", "details": {"fields": {"email": ["bad"]}}},
        ]
    }
    error = make_status_error(response(400, body))
    assert error.errors[0].details == ("Reason code needs to be > 0.",)
    assert error.errors[0].field_errors == {}
    assert error.errors[1].field_errors == {"fields.email": ("bad",)}
    assert error.errors[1].code == 400  # taken from the HTTP status when the entry has none
    assert str(error).startswith("400 Bad Request: Invalid reason code given (+1 more)")


def test_framework_envelope_without_details() -> None:
    error = make_status_error(
        response(404, {"errors": [{"message": "Item was not found.", "code": 404, "type": None}]})
    )
    assert error.errors == (ErrorDetail(message="Item was not found.", code=404),)
    assert error.errors[0].details == ()


def test_api_disabled_has_a_type() -> None:
    text = '{"errors":[{"message":"API disabled. You need to enable the API in the API settings of Mautic\\u0027s Configuration.","code":403,"type":"api_disabled"}]}'  # noqa: E501
    error = make_status_error(response(403, text=text, headers={"content-type": "application/json"}))
    assert isinstance(error, PermissionDeniedError)
    assert error.errors[0].type == "api_disabled"
    assert "Mautic's Configuration" in str(error)


def test_rate_limiter_body_sent_as_html_with_reset_header() -> None:
    text = '{ "errors": [ { "code": 429, "message": "You exceeded the rate limit of 100 API calls per hour.", "details": [] } ]}'  # noqa: E501
    resp = response(
        429,
        text=text,
        headers={
            "content-type": "text/html; charset=UTF-8",
            "X-RateLimit-Limit": "100",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": str(int(NOW) + 3540),
        },
    )
    error = make_status_error(resp, now=NOW)
    assert isinstance(error, RateLimitError)
    assert error.errors[0].message == "You exceeded the rate limit of 100 API calls per hour."
    assert error.retry_after == pytest.approx(3540)
    assert error.resets_at == datetime.fromtimestamp(NOW + 3540, tz=UTC)
    assert (error.limit, error.remaining) == (100, 0)
    assert str(error) == (
        "429 Too Many Requests: You exceeded the rate limit of 100 API calls per hour; "
        "the limit resets at 2023-11-14 23:12:20 UTC (in 3540 s) (GET /api/contacts/5)"
    )


def test_rate_limit_with_retry_after_date_and_without_any_hint() -> None:
    resp = response(429, text="", headers={"Retry-After": "Tue, 14 Nov 2023 22:14:20 GMT"})
    error = make_status_error(resp, now=NOW)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == pytest.approx(60)
    assert str(error).startswith(
        "429 Too Many Requests; the limit resets at 2023-11-14 22:14:20 UTC (in 60 s)"
    )
    bare = make_status_error(response(429, text="slow down"), now=NOW)
    assert isinstance(bare, RateLimitError)
    assert bare.resets_at is None
    assert "did not say when the limit resets" in str(bare)


def test_html_error_page_uses_its_title() -> None:
    html = "<html><head><title>Maintenance until 10:00</title></head><body><h1>nginx</h1></body></html>"
    error = make_status_error(response(502, text=html, headers={"content-type": "text/html"}))
    assert isinstance(error, InternalServerError)
    assert error.errors == ()
    assert error.body == html
    assert str(error) == "502 Bad Gateway: Maintenance until 10:00 (GET /api/contacts/5)"


@pytest.mark.parametrize("title", ["502 Bad Gateway", "Bad Gateway", "502", "502 bad gateway!"])
def test_an_error_page_title_that_only_repeats_the_status_is_not_said_twice(title: str) -> None:
    html = f"<html><head><title>{title}</title></head><body><h1>nginx</h1></body></html>"
    error = make_status_error(response(502, text=html, headers={"content-type": "text/html"}))
    assert str(error) == "502 Bad Gateway (GET /api/contacts/5)"
    assert error.body == html


def test_html_without_title_is_stripped_and_shortened() -> None:
    html = "<div><script>var x=1;</script><p>Fatal   error:</p> " + "x" * 1000 + "</div>"
    error = make_status_error(response(500, text=html))
    message = str(error)
    assert "<" not in message
    assert "var x" not in message
    assert "Fatal error: xxx" in message
    assert len(message) < 400


def test_json_after_php_warnings_is_found() -> None:
    text = '<br />\n<b>Warning</b>: something in x.php<br />\n{"errors":[{"message":"Looks like I encountered an error (error #500).","code":500,"type":null}]}'  # noqa: E501
    error = make_status_error(response(500, text=text))
    assert error.errors[0].message.startswith("Looks like I encountered an error")
    assert isinstance(error.body, dict)


def test_oauth_error_shapes() -> None:
    oauth = make_status_error(response(400, {"error": "invalid_grant", "error_description": "Expired token"}))
    assert oauth.errors == (ErrorDetail(message="Expired token", code=400, type="invalid_grant"),)
    legacy = make_status_error(
        response(401, {"error": {"message": "API authorization denied.", "code": 401}})
    )
    assert legacy.errors == (ErrorDetail(message="API authorization denied.", code=401),)


def test_errors_keyed_by_index_and_plain_strings() -> None:
    keyed = make_status_error(response(400, {"errors": {"0": {"message": "a", "code": "400"}, "3": "b"}}))
    assert [e.message for e in keyed.errors] == ["a", "b"]
    assert keyed.errors[0].code == 400


@pytest.mark.parametrize("text", ["", "   ", "not json at all", "[1, 2]", '{"foo": 1}', "null"])
def test_bodies_without_an_envelope(text: str) -> None:
    error = make_status_error(response(500, text=text))
    assert error.errors == ()
    assert str(error).startswith("500 Internal Server Error")


def test_unread_streaming_response_does_not_crash() -> None:
    resp = httpx.Response(500, stream=httpx.ByteStream(b"{}"), request=REQUEST)
    assert decode_body(resp) is None
    assert isinstance(make_status_error(resp), InternalServerError)


def test_raise_for_status() -> None:
    raise_for_status(response(200, {"contact": {}}))
    raise_for_status(response(201, {}))
    with pytest.raises(NotFoundError):
        raise_for_status(response(404, {"errors": [{"message": "Item was not found.", "code": 404}]}))


SECRETS = ("s3cr3t-access-token", "hunter2-password", "client-secret-xyz")


def test_secrets_never_reach_messages_or_reprs() -> None:
    body = {
        "errors": [
            {
                "message": "Bad token s3cr3t-access-token for user with password=hunter2-password "
                "(Authorization: Bearer s3cr3t-access-token) client_secret=client-secret-xyz",
                "code": 401,
                "details": {"password": ["hunter2-password is wrong"]},
            }
        ]
    }
    error = make_status_error(response(401, body), secrets=SECRETS)
    shown = [str(error), repr(error), repr(error.errors), str(error.errors[0]), repr(error.errors[0].details)]
    for text in shown:
        for secret in SECRETS:
            assert secret not in text
        assert "[redacted]" in text
    # The request's own Authorization header is never part of the message or repr.
    assert all("s3cr3t-access-token" not in text for text in shown)
    plain = make_status_error(response(403, {"errors": [{"message": "denied", "code": 403}]}))
    assert "Bearer" not in str(plain) + repr(plain)


# What Mautic itself answers: shown exactly as written (no pattern masking of the server's text).
REAL_MESSAGES = [
    "Basic Auth disabled. You need to enable HTTP basic auth in the API settings of Mautic's Configuration.",
    "API disabled. You need to enable the API in the API settings of Mautic's Configuration.",
    "Authorization denied, invalid credentials.",
    "The access token provided is invalid.",
    "The access token provided has expired.",
    "token: This value is not valid.",
    "password: This value is too short. It should have 6 characters or more.",
    "secret: foo is invalid.",
]


@pytest.mark.parametrize("message", REAL_MESSAGES)
def test_mautics_own_messages_pass_unchanged(message: str) -> None:
    field, _, rest = message.partition(": ")
    details = {field: [rest]} if rest and " " not in field else []
    body = {"errors": [{"message": message, "code": 400, "details": details, "type": "access_denied"}]}
    error = make_status_error(response(400, body), secrets=SECRETS)
    assert str(error) == f"400 Bad Request: {message} (GET /api/contacts/5)"
    assert error.errors[0].message == message
    if details:
        assert dict(error.errors[0].field_errors) == {field: (rest,)}
    # The same text as an HTML page and as the OAuth2 answer.
    page = make_status_error(response(403, text=f"<p>{message}</p>"), secrets=SECRETS)
    assert str(page) == f"403 Forbidden: {message} (GET /api/contacts/5)"
    oauth = make_status_error(
        response(400, {"error": "invalid_grant", "error_description": message}), secrets=SECRETS
    )
    assert oauth.errors[0].message == message


def test_the_basic_auth_disabled_fixture_reads_as_mautic_wrote_it() -> None:
    fixture = Path(__file__).parents[2] / "spec/fixtures/createContact/403-basic-auth-disabled.json"
    error = make_status_error(
        response(403, text=fixture.read_text()), secrets=("pa55w0rd", "YWRtaW46cGE1NXcwcmQ=")
    )
    assert isinstance(error, PermissionDeniedError)
    assert str(error) == (
        "403 Forbidden: Basic Auth disabled. You need to enable HTTP basic auth in the API settings of "
        "Mautic's Configuration. (GET /api/contacts/5)"
    )


def test_a_redirect_target_loses_credentials_in_its_url() -> None:
    moved = make_status_error(
        response(302, headers={"location": "https://u:pw@new.example.com/api/contacts/5?access_token=abc"})
    )
    assert "pw@" not in str(moved)
    assert "access_token=abc" not in str(moved)
    assert "https://new.example.com/api/contacts/5?access_token=%5Bredacted%5D" in str(moved)


def test_connection_errors_are_wrapped() -> None:
    timeout = connection_error(httpx.ReadTimeout("timed out", request=REQUEST))
    assert isinstance(timeout, APITimeoutError)
    assert isinstance(timeout, APIConnectionError)
    assert timeout.request is REQUEST
    assert str(timeout) == "Request timed out (ReadTimeout: timed out) (GET /api/contacts/5)"
    refused = connection_error(httpx.ConnectError("[Errno 111] Connection refused", request=REQUEST))
    assert type(refused) is APIConnectionError
    assert "Connection refused" in str(refused)
    leaky = connection_error(httpx.ProxyError("proxy said Basic dXNlcjpwYXNz"), secrets=SECRETS)
    assert "dXNlcjpwYXNz" not in str(leaky)
    assert leaky.request is None


def test_validation_error_carries_the_response() -> None:
    resp = response(200, {"contacts": 5})
    error = APIResponseValidationError("contacts is not a map", response=resp, body={"contacts": 5})
    assert error.status_code == 200
    assert repr(error) == "APIResponseValidationError('contacts is not a map')"
    assert APIResponseValidationError("x").status_code is None
