"""Authentication, OAuth2 token endpoint, routing (404/405), body decoding and headers."""

from __future__ import annotations

import base64

import httpx
import pytest
from fake_mautic_support import GENERIC, create, error, generic_error, site
from mautic_mock import MAUTIC_VERSION, FakeMautic


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def root_client(fake: FakeMautic) -> httpx.Client:
    return httpx.Client(transport=fake.transport(), base_url="http://mautic.test")


def test_no_credentials_is_mautics_401(anon: httpx.Client) -> None:
    response = anon.get("/contacts")
    assert response.status_code == 401
    assert (
        response.content
        == b'{"errors":[{"message":"API authorization denied.","code":401,"type":"access_denied"}]}'
    )
    assert "mautic-version" not in response.headers
    # ApiSubscriber answers with a new JsonResponse: the entry point's WWW-Authenticate is gone
    assert "www-authenticate" not in response.headers


@pytest.mark.parametrize(
    "header",
    [
        "Basic " + base64.b64encode(b"admin:wrong").decode(),
        "Basic " + base64.b64encode(b"someone:mautic").decode(),
        "Basic !!!not-base64",
        "Basic " + base64.b64encode(b"no-colon").decode(),
    ],
)
def test_wrong_basic_credentials(anon: httpx.Client, header: str) -> None:
    response = anon.get("/contacts", headers={"Authorization": header})
    assert response.status_code == 401
    assert error(response) == {
        "message": "Authorization denied, invalid credentials.",
        "code": 401,
        "type": "access_denied",
    }


def test_unknown_scheme_is_treated_as_no_credentials(anon: httpx.Client) -> None:
    response = anon.get("/contacts", headers={"Authorization": "Token abc"})
    assert error(response)["message"] == "API authorization denied."


def test_custom_credentials() -> None:
    with FakeMautic(username="api", password="S3cret!") as fake, root_client(fake) as http:
        assert http.get("/api/contacts", auth=("api", "S3cret!")).status_code == 200
        assert http.get("/api/contacts", auth=("admin", "mautic")).status_code == 401
        assert "S3cret!" not in repr(fake)


def test_oauth2_client_credentials_flow() -> None:
    with FakeMautic(client_id="cid", client_secret="csecret") as fake, root_client(fake) as http:
        response = http.post(
            "/oauth/v2/token",
            data={"grant_type": "client_credentials", "client_id": "cid", "client_secret": "csecret"},
        )
        assert response.status_code == 200
        body = response.json()
        assert body["access_token"]
        assert body["expires_in"] == 3600
        assert body["token_type"] == "bearer"
        assert response.headers["cache-control"].startswith("no-store")
        token = body["access_token"]
        assert http.get("/api/contacts", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert http.get("/api/contacts", params={"access_token": token}).status_code == 200
        # JSON bodies and client credentials in a Basic header are accepted too
        assert (
            http.post(
                "/oauth/v2/token",
                json={"grant_type": "client_credentials", "client_id": "cid", "client_secret": "csecret"},
            ).status_code
            == 200
        )
        assert (
            http.post(
                "/oauth/v2/token", data={"grant_type": "client_credentials"}, auth=("cid", "csecret")
            ).status_code
            == 200
        )


def test_token_expiry() -> None:
    clock = Clock()
    with (
        FakeMautic(client_id="c", client_secret="s", token_lifetime=60, clock=clock) as fake,
        root_client(fake) as http,
    ):
        token = http.post(
            "/oauth/v2/token",
            data={"grant_type": "client_credentials", "client_id": "c", "client_secret": "s"},
        ).json()["access_token"]
        assert http.get("/api/contacts", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        clock.now += 61
        response = http.get("/api/contacts", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert error(response) == {
            "message": "The access token provided has expired.",
            "code": 401,
            "type": "invalid_grant",
        }


@pytest.mark.parametrize(
    ("form", "message", "kind"),
    [
        ({}, "Invalid grant_type parameter or parameter missing", "invalid_request"),
        (
            {"grant_type": "client_credentials"},
            "Client id was not found in the headers or body",
            "invalid_client",
        ),
        (
            {"grant_type": "client_credentials", "client_id": "c", "client_secret": "bad"},
            "The client credentials are invalid",
            "invalid_client",
        ),
        (
            {"grant_type": "password", "client_id": "c", "client_secret": "s"},
            "The grant type is unauthorized for this client_id",
            "unauthorized_client",
        ),
        (
            {"grant_type": "refresh_token", "client_id": "c", "client_secret": "s", "refresh_token": "x"},
            "Invalid refresh token",
            "invalid_grant",
        ),
    ],
)
def test_token_endpoint_errors(form: dict[str, str], message: str, kind: str) -> None:
    with FakeMautic(client_id="c", client_secret="s") as fake, root_client(fake) as http:
        response = http.post("/oauth/v2/token", data=form)
        assert response.status_code == 400
        assert error(response) == {"message": message, "code": 400, "type": kind}


def test_no_oauth_client_configured_rejects_every_client(fake: FakeMautic) -> None:
    with root_client(fake) as http:
        response = http.post(
            "/oauth/v2/token",
            data={"grant_type": "client_credentials", "client_id": "x", "client_secret": "y"},
        )
        assert error(response)["type"] == "invalid_client"


def test_routing_happens_before_authentication(anon: httpx.Client) -> None:
    response = anon.get("/nothing/here")
    assert response.status_code == 404
    assert error(response) == {
        "message": f'No route found for "GET {site(anon)}/api/nothing/here"',
        "code": 404,
        "type": None,
    }
    # Symfony JsonResponse escaping: quotes as \u0022, slashes escaped
    escaped = f"{site(anon)}/api/nothing/here".replace("/", "\\/")
    assert f"\\u0022GET {escaped}\\u0022".encode() in response.content
    assert anon.get("/contacts/abc").status_code == 404
    assert anon.get("/contacts/1/events").status_code == 404


def test_referer_is_named_in_router_404(anon: httpx.Client) -> None:
    response = anon.get("/nope", headers={"Referer": "http://x/y"})
    assert error(response)["message"] == f'No route found for "GET {site(anon)}/api/nope" (from "http://x/y")'


def test_wrong_method_is_405_with_generic_message(anon: httpx.Client) -> None:
    response = anon.get("/contacts/new")
    assert response.status_code == 405
    assert error(response) == generic_error(405)
    assert response.headers["allow"] == "POST"
    response = anon.delete("/contacts/5/edit")
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"PUT", "PATCH"}
    assert anon.post("/contacts").status_code == 405


def test_legacy_events_route_is_gone(client: httpx.Client) -> None:
    contact = create(client, email="e@example.com")
    response = client.get(f"/contacts/{contact['id']}/events")
    assert response.status_code == 404
    assert error(response)["message"].startswith('No route found for "GET ')


def test_mautic_version_header_only_on_controller_answers(client: httpx.Client, anon: httpx.Client) -> None:
    listed = client.get("/contacts")
    assert listed.headers["mautic-version"] == MAUTIC_VERSION
    assert "set-cookie" not in listed.headers  # the API firewall is stateless
    missing = client.get("/contacts/999")
    assert missing.status_code == 404
    assert missing.headers["mautic-version"] == MAUTIC_VERSION
    assert error(missing) == {"code": 404, "message": "Item was not found.", "details": [], "type": None}
    assert list(missing.json()["errors"][0]) == ["code", "message", "details", "type"]
    assert "mautic-version" not in anon.get("/contacts").headers
    assert "mautic-version" not in client.get("/contacts", params={"orderBy": "nope"}).headers
    assert "mautic-version" not in client.get("/nope").headers


def test_invalid_json_is_a_generic_400_even_before_auth(client: httpx.Client, anon: httpx.Client) -> None:
    for http in (client, anon):
        response = http.post("/contacts/new", content=b"{oops", headers={"Content-Type": "application/json"})
        assert response.status_code == 400
        assert error(response) == generic_error(400)
    for body in (b'"a string"', b"42", b"null", b"NaN", b"   "):
        response = client.post("/contacts/new", content=body, headers={"Content-Type": "application/json"})
        assert response.status_code == 400, body
    assert client.get("/contacts").json()["total"] == "0"


def test_body_without_content_type_is_json(client: httpx.Client) -> None:
    response = client.post("/contacts/new", content=b'{"email": "ct@example.com"}')
    assert response.status_code == 201
    assert response.json()["contact"]["fields"]["all"]["email"] == "ct@example.com"


def test_form_and_multipart_bodies(client: httpx.Client) -> None:
    response = client.post("/contacts/new", data={"email": "form@example.com", "tags[]": ["a", "b"]})
    assert response.status_code == 201
    assert sorted(t["tag"] for t in response.json()["contact"]["tags"]) == ["a", "b"]
    response = client.post(
        "/contacts/new",
        data={"email": "multi@example.com", "firstname": "Multi"},
        files={"f": ("x.txt", b"x")},
    )
    assert response.status_code == 201
    assert response.json()["contact"]["fields"]["all"]["firstname"] == "Multi"


def test_empty_body_creates_an_anonymous_contact(client: httpx.Client) -> None:
    response = client.post("/contacts/new")
    assert response.status_code == 201
    assert response.json()["contact"]["dateIdentified"] is None


def test_http_method_override(client: httpx.Client) -> None:
    contact = create(client, email="o@example.com")
    response = client.post(
        f"/contacts/{contact['id']}/edit",
        json={"firstname": "Over"},
        headers={"X-HTTP-Method-Override": "PATCH"},
    )
    assert response.status_code == 200
    assert response.json()["contact"]["fields"]["all"]["firstname"] == "Over"
    response = client.post(f"/contacts/{contact['id']}/edit", data={"_method": "PATCH", "lastname": "Ride"})
    assert response.json()["contact"]["fields"]["all"]["lastname"] == "Ride"


def test_head_and_trailing_slash(client: httpx.Client) -> None:
    create(client, email="head@example.com")
    head = client.head("/contacts")
    assert head.status_code == 200
    assert head.content == b""
    # HEAD carries the GET answer's headers, Content-Length included, without the body.
    assert head.headers["content-length"] == client.get("/contacts").headers["content-length"] != "0"
    redirect = client.get("/contacts/", params={"limit": 1})
    assert redirect.status_code == 301
    assert redirect.headers["location"] == f"{site(client)}/api/contacts?limit=1"


def test_generic_500_body(client: httpx.Client) -> None:
    response = client.get("/contacts", params={"orderBy": "no_such_column"})
    assert response.status_code == 500
    assert response.json() == {"errors": [{"message": GENERIC.format(code=500), "code": 500, "type": None}]}


def test_non_api_paths(client: httpx.Client) -> None:
    with httpx.Client(transport=client._transport, base_url=site(client)) as http:
        assert http.get("/").status_code == 404
        assert http.put("/oauth/v2/token").status_code == 405
