"""Helpers shared by the fake Mautic's integration tests."""

from __future__ import annotations

from typing import Any

import httpx

GENERIC = (
    "Looks like I encountered an error (error #{code}). "
    "If I do it again, please report me to the system administrator!"
)


def create(client: httpx.Client, **fields: Any) -> dict[str, Any]:
    """POST /contacts/new and return the contact (asserting it was created)."""
    response = client.post("/contacts/new", json=fields)
    assert response.status_code == 201, response.text
    contact: dict[str, Any] = response.json()["contact"]
    return contact


def contact_fields(response: httpx.Response) -> dict[str, Any]:
    """``fields.all`` of the contact an answer carries."""
    values: dict[str, Any] = response.json()["contact"]["fields"]["all"]
    return values


def names(response: httpx.Response) -> list[str]:
    """The first names of a 200 list answer's contacts, in the answer's order."""
    assert response.status_code == 200, response.text
    return [c["fields"]["all"]["firstname"] for c in response.json()["contacts"].values()]


def error(response: httpx.Response) -> dict[str, Any]:
    """The single error of a Mautic error envelope."""
    body = response.json()
    assert list(body) == ["errors"], body
    assert len(body["errors"]) == 1, body
    entry: dict[str, Any] = body["errors"][0]
    return entry


def site(http: httpx.Client | httpx.AsyncClient) -> str:
    """The site URL a test client reaches (its base URL without ``/api``), in process or over loopback."""
    return str(http.base_url).rstrip("/").removesuffix("/api")


def generic_error(code: int) -> dict[str, Any]:
    return {"message": GENERIC.format(code=code), "code": code, "type": None}
