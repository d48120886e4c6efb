from __future__ import annotations

import pytest
from mautic_contacts import BasicAuth, ClientCredentialsAuth, ConfigError, RefreshTokenAuth
from mautic_contacts._config import (
    BasicCredentials,
    ClientCredentials,
    TokenCredentials,
    normalize_site_url,
    resolve_config,
)

ENV = {
    "MAUTIC_URL": "https://env.example.com/api/",
    "MAUTIC_USERNAME": "env-user",
    "MAUTIC_PASSWORD": "env-pass-word",
}


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://m.example.com", "https://m.example.com"),
        ("https://m.example.com/", "https://m.example.com"),
        ("https://m.example.com/api", "https://m.example.com"),
        ("https://m.example.com/api/", "https://m.example.com"),
        ("  http://127.0.0.1:8000/api  ", "http://127.0.0.1:8000"),
        ("https://example.com/mautic/", "https://example.com/mautic"),
        ("https://example.com/mautic/api", "https://example.com/mautic"),
        ("https://example.com/index.php", "https://example.com/index.php"),
        ("https://example.com/apiary", "https://example.com/apiary"),
    ],
)
def test_site_url_normalisation(url: str, site: str) -> None:
    assert normalize_site_url(url) == site
    config = resolve_config(url, username="u", password="p", env={})
    assert config.site_url == site
    assert config.api_url == f"{site}/api"
    assert config.token_url == f"{site}/oauth/v2/token"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "no Mautic URL"),
        ("m.example.com", "http:// or https://"),
        ("ftp://m.example.com", "http:// or https://"),
        ("https://m.example.com/api?x=1", "query string"),
        ("https://m.example.com/#top", "fragment"),
    ],
)
def test_bad_urls(url: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        normalize_site_url(url)


def test_credentials_in_the_url_are_refused_without_echoing_them() -> None:
    with pytest.raises(ConfigError) as caught:
        normalize_site_url("https://admin:hunter2pass@m.example.com")
    assert "hunter2pass" not in str(caught.value)


def test_environment_is_used_when_arguments_are_missing() -> None:
    config = resolve_config(env=ENV)
    assert config.site_url == "https://env.example.com"
    assert config.credentials == BasicCredentials("env-user", "env-pass-word")
    assert isinstance(config.build_auth(), BasicAuth)


def test_arguments_win_and_credentials_are_never_mixed() -> None:
    config = resolve_config("https://arg.example.com", client_id="id", client_secret="sec", env=ENV)
    assert config.site_url == "https://arg.example.com"
    assert config.credentials == ClientCredentials("id", "sec")
    assert isinstance(config.build_auth(), ClientCredentialsAuth)
    # A username argument does not pick the password from the environment.
    with pytest.raises(ConfigError, match=r"password= \(MAUTIC_PASSWORD\) is missing"):
        resolve_config(username="someone", env=ENV)


def test_oauth_from_the_environment() -> None:
    env = {"MAUTIC_URL": "https://m.example.com", "MAUTIC_CLIENT_ID": "id", "MAUTIC_CLIENT_SECRET": "sec"}
    assert resolve_config(env=env).credentials == ClientCredentials("id", "sec")
    with pytest.raises(ConfigError, match="both Basic"):
        resolve_config(env={**env, **ENV})
    with pytest.raises(ConfigError, match=r"client_secret= \(MAUTIC_CLIENT_SECRET\) is missing"):
        resolve_config(env={"MAUTIC_URL": "https://m.example.com", "MAUTIC_CLIENT_ID": "id"})


def test_tokens() -> None:
    config = resolve_config(
        "https://m.example.com", access_token="acc", refresh_token="ref", client_id="id", client_secret="sec"
    )
    assert config.credentials == TokenCredentials("acc", "ref", "id", "sec")
    auth = config.build_auth()
    assert isinstance(auth, RefreshTokenAuth)
    assert auth.token_url == "https://m.example.com/oauth/v2/token"
    assert resolve_config("https://m.example.com", access_token="acc").credentials == TokenCredentials("acc")
    with pytest.raises(ConfigError, match="needs client_id= and client_secret="):
        resolve_config("https://m.example.com", access_token="acc", refresh_token="ref")
    with pytest.raises(ConfigError, match="needs access_token="):
        resolve_config("https://m.example.com", refresh_token="ref", client_id="i", client_secret="s")
    with pytest.raises(ConfigError, match="not both"):
        resolve_config("https://m.example.com", access_token="acc", username="u", password="p")


def test_no_credentials_says_what_to_set() -> None:
    with pytest.raises(
        ConfigError, match="MAUTIC_USERNAME/MAUTIC_PASSWORD or MAUTIC_CLIENT_ID/MAUTIC_CLIENT_SECRET"
    ):
        resolve_config("https://m.example.com", env={})
    with pytest.raises(ConfigError, match="MAUTIC_URL"):
        resolve_config(username="u", password="p", env={})
    # Empty strings count as missing.
    with pytest.raises(ConfigError, match="no Mautic credentials"):
        resolve_config("https://m.example.com", env={"MAUTIC_USERNAME": "", "MAUTIC_PASSWORD": ""})


def test_config_reprs_and_secrets() -> None:
    basic = resolve_config("https://m.example.com", username="u", password="pw-12345", env={})
    tokens = resolve_config(
        "https://m.example.com",
        access_token="acc-123",
        refresh_token="ref-456",
        client_id="id",
        client_secret="sec-789",
    )
    for config, secrets in ((basic, ("pw-12345",)), (tokens, ("acc-123", "ref-456", "sec-789"))):
        text = repr(config) + str(config.credentials)
        for secret in secrets:
            assert secret not in text
            assert secret in config.secrets
    assert "dTpwdy0xMjM0NQ==" in basic.secrets  # base64("u:pw-12345"), as sent in the header
