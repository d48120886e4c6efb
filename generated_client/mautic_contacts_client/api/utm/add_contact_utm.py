from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_response import ContactResponse
from ...models.error_response import ErrorResponse
from ...models.utm_input import UtmInput
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: UtmInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contacts/{id}/utm/add".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ContactResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ErrorResponse.from_dict(response.json())

        return response_405

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContactResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UtmInput,
) -> Response[ContactResponse | ErrorResponse]:
    """Record a set of UTM tags

     Always adds a new UTM set to the contact. Keys are case-sensitive: servers read `user_agent` or
    `useragent` (the documentation's `Useragent` is ignored) and `remote_host` or `remotehost`.
    `lastActive` sets both the set's date and the contact's last-active date; a `useragent`
    (lower-case key only) also records a device. Answers 200 with the contact, serialized as in
    [`addContactDnc`](#operation/addContactDnc). Servers also accept form encoding.

    Args:
        id (int):
        body (UtmInput): One UTM set. Every key is optional; keys are case-sensitive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UtmInput,
) -> ContactResponse | ErrorResponse | None:
    """Record a set of UTM tags

     Always adds a new UTM set to the contact. Keys are case-sensitive: servers read `user_agent` or
    `useragent` (the documentation's `Useragent` is ignored) and `remote_host` or `remotehost`.
    `lastActive` sets both the set's date and the contact's last-active date; a `useragent`
    (lower-case key only) also records a device. Answers 200 with the contact, serialized as in
    [`addContactDnc`](#operation/addContactDnc). Servers also accept form encoding.

    Args:
        id (int):
        body (UtmInput): One UTM set. Every key is optional; keys are case-sensitive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactResponse | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UtmInput,
) -> Response[ContactResponse | ErrorResponse]:
    """Record a set of UTM tags

     Always adds a new UTM set to the contact. Keys are case-sensitive: servers read `user_agent` or
    `useragent` (the documentation's `Useragent` is ignored) and `remote_host` or `remotehost`.
    `lastActive` sets both the set's date and the contact's last-active date; a `useragent`
    (lower-case key only) also records a device. Answers 200 with the contact, serialized as in
    [`addContactDnc`](#operation/addContactDnc). Servers also accept form encoding.

    Args:
        id (int):
        body (UtmInput): One UTM set. Every key is optional; keys are case-sensitive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: UtmInput,
) -> ContactResponse | ErrorResponse | None:
    """Record a set of UTM tags

     Always adds a new UTM set to the contact. Keys are case-sensitive: servers read `user_agent` or
    `useragent` (the documentation's `Useragent` is ignored) and `remote_host` or `remotehost`.
    `lastActive` sets both the set's date and the contact's last-active date; a `useragent`
    (lower-case key only) also records a device. Answers 200 with the contact, serialized as in
    [`addContactDnc`](#operation/addContactDnc). Servers also accept form encoding.

    Args:
        id (int):
        body (UtmInput): One UTM set. Every key is optional; keys are case-sensitive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
