from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_response import ContactResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    select: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_select: list[str] | Unset = UNSET
    if not isinstance(select, Unset):
        json_select = select

    params["select[]"] = json_select

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ContactResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
    select: list[str] | Unset = UNSET,
) -> Response[ContactResponse | ErrorResponse]:
    """Get a contact

     Returns one contact with its fields grouped by field group plus `fields.all` (alias → value).

    If the id belonged to a contact that was merged into another one, servers return the surviving
    contact, whose `id` differs from the one in the URL. With `select[]` only the listed columns are
    loaded and null values are left out of the response.

    Args:
        id (int):
        select (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        select=select,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    select: list[str] | Unset = UNSET,
) -> ContactResponse | ErrorResponse | None:
    """Get a contact

     Returns one contact with its fields grouped by field group plus `fields.all` (alias → value).

    If the id belonged to a contact that was merged into another one, servers return the surviving
    contact, whose `id` differs from the one in the URL. With `select[]` only the listed columns are
    loaded and null values are left out of the response.

    Args:
        id (int):
        select (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactResponse | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        select=select,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    select: list[str] | Unset = UNSET,
) -> Response[ContactResponse | ErrorResponse]:
    """Get a contact

     Returns one contact with its fields grouped by field group plus `fields.all` (alias → value).

    If the id belonged to a contact that was merged into another one, servers return the surviving
    contact, whose `id` differs from the one in the URL. With `select[]` only the listed columns are
    loaded and null values are left out of the response.

    Args:
        id (int):
        select (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        select=select,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    select: list[str] | Unset = UNSET,
) -> ContactResponse | ErrorResponse | None:
    """Get a contact

     Returns one contact with its fields grouped by field group plus `fields.all` (alias → value).

    If the id belonged to a contact that was merged into another one, servers return the surviving
    contact, whose `id` differs from the one in the URL. With `select[]` only the listed columns are
    loaded and null values are left out of the response.

    Args:
        id (int):
        select (list[str] | Unset):

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
            select=select,
        )
    ).parsed
