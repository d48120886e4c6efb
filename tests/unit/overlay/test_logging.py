from __future__ import annotations

import httpx
from mautic_contacts._logging import REDACTED, logger, redact_headers, redact_text, redact_url


def test_logger_name() -> None:
    assert logger.name == "mautic_contacts"


def test_headers() -> None:
    headers = httpx.Headers({"Authorization": "Basic YTpi", "Cookie": "s=1", "Accept": "application/json"})
    assert redact_headers(headers) == {
        "authorization": REDACTED,
        "cookie": REDACTED,
        "accept": "application/json",
    }
    assert redact_headers({"X-Api-Key": "k", "Mautic-Version": "5.1.0"}) == {
        "X-Api-Key": REDACTED,
        "Mautic-Version": "5.1.0",
    }


def test_urls() -> None:
    assert redact_url("https://u:p@m.example.com/api/contacts?search=a&client_secret=x&refresh_token=y") == (
        "https://m.example.com/api/contacts?search=a&client_secret=%5Bredacted%5D&refresh_token=%5Bredacted%5D"
    )
    assert redact_url(httpx.URL("https://m.example.com/api/contacts")) == "https://m.example.com/api/contacts"


def test_text() -> None:
    text = 'Authorization: Bearer abc.def-123 and {"password": "pa55word", "access_token":"tok-1"} code: 404'
    redacted = redact_text(text, secrets=["verylongsecret", "ab"])
    assert "abc.def-123" not in redacted
    assert "pa55word" not in redacted
    assert "tok-1" not in redacted
    assert "code: 404" in redacted  # ordinary text is kept
    assert redact_text("my verylongsecret here", ["verylongsecret"]) == f"my {REDACTED} here"
    assert redact_text("a b", ["ab", "a"]) == "a b"  # too short to be replaced safely
