from __future__ import annotations

import httpx
from mautic_contacts._logging import REDACTED, logger, mask_secrets, redact_headers, redact_text, redact_url


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


def test_scheme_words_are_not_credentials() -> None:
    # Texts Mautic and proxies write: "Basic"/"Bearer" followed by ordinary words are kept.
    for text in (
        "Basic Auth disabled. You need to enable HTTP basic auth in the API settings.",
        "Bearer authentication is required",
        "Basic Authentication failed; Bearer AUTHENTICATION needed",
        "token: This value is not valid.",
        "password: This value is too short.",
    ):
        assert redact_text(text) == text


def test_credential_like_values_are_masked() -> None:
    for text, secret in (
        ("proxy said Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
        ("Authorization: bearer 0123456789abcdef", "0123456789abcdef"),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", "eyJhbGciOiJIUzI1NiJ9.e30.sig"),
        ("token: Zm9vYmFyYmF6", "Zm9vYmFyYmF6"),
        ("url?password=short&x=1", "short"),
        ("{'refresh_token': 'abc'}", "abc"),
    ):
        redacted = redact_text(text)
        assert secret not in redacted, text
        assert REDACTED in redacted


def test_mask_secrets_masks_only_known_values() -> None:
    text = "Basic Auth disabled for hunter2pass; token: This value is not valid; Bearer eyJabc123456"
    assert mask_secrets(text, ["hunter2pass"]) == (
        f"Basic Auth disabled for {REDACTED}; token: This value is not valid; Bearer eyJabc123456"
    )
    assert mask_secrets("the abc field", ["abc"]) == "the abc field"  # too short to replace safely


def test_mask_secrets_masks_the_encoded_forms_of_a_secret() -> None:
    # A proxy or a debug page may echo the token request's form body back in an error.
    secret = "cs-Abc123+/="
    echoed = "Error: grant_type=client_credentials&client_id=cid&client_secret=cs-Abc123%2B%2F%3D"
    assert (
        mask_secrets(echoed, [secret])
        == f"Error: grant_type=client_credentials&client_id=cid&client_secret={REDACTED}"
    )
    assert mask_secrets('{"client_secret":"cs-Abc123+\\/="}', [secret]) == f'{{"client_secret":"{REDACTED}"}}'
    assert (
        mask_secrets("secret cs-Abc123%2B%2F%3D and cs-Abc123+/=", [secret])
        == f"secret {REDACTED} and {REDACTED}"
    )
