from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.user import User
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    filter_: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["filter"] = filter_

    params["start"] = start

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts/list/owners",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[User] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_owner_list_item_data in _response_200:
            componentsschemas_owner_list_item = User.from_dict(componentsschemas_owner_list_item_data)

            response_200.append(componentsschemas_owner_list_item)

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | list[User]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
) -> Response[ErrorResponse | list[User]]:
    """List users who can own contacts

     Returns a JSON array of published users that are administrators or have any contact
    permission, ordered by first and last name. Needs the contact create or edit permission.
    `start` only applies together with `limit`; a negative `limit`, or a negative `start` with a
    `limit`, is a database error: 500.

    Args:
        filter_ (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[User]]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        start=start,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
) -> ErrorResponse | list[User] | None:
    """List users who can own contacts

     Returns a JSON array of published users that are administrators or have any contact
    permission, ordered by first and last name. Needs the contact create or edit permission.
    `start` only applies together with `limit`; a negative `limit`, or a negative `start` with a
    `limit`, is a database error: 500.

    Args:
        filter_ (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[User]
    """

    return sync_detailed(
        client=client,
        filter_=filter_,
        start=start,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
) -> Response[ErrorResponse | list[User]]:
    """List users who can own contacts

     Returns a JSON array of published users that are administrators or have any contact
    permission, ordered by first and last name. Needs the contact create or edit permission.
    `start` only applies together with `limit`; a negative `limit`, or a negative `start` with a
    `limit`, is a database error: 500.

    Args:
        filter_ (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[User]]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        start=start,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
) -> ErrorResponse | list[User] | None:
    """List users who can own contacts

     Returns a JSON array of published users that are administrators or have any contact
    permission, ordered by first and last name. Needs the contact create or edit permission.
    `start` only applies together with `limit`; a negative `limit`, or a negative `start` with a
    `limit`, is a database error: 500.

    Args:
        filter_ (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[User]
    """

    return (
        await asyncio_detailed(
            client=client,
            filter_=filter_,
            start=start,
            limit=limit,
        )
    ).parsed
