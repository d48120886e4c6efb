from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_devices_response import ContactDevicesResponse
from ...models.error_response import ErrorResponse
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    search: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
    order_by: str | Unset = "d.dateAdded",
    order_by_dir: SortDirection | Unset = SortDirection.DESC,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["search"] = search

    params["start"] = start

    params["limit"] = limit

    params["orderBy"] = order_by

    json_order_by_dir: str | Unset = UNSET
    if not isinstance(order_by_dir, Unset):
        json_order_by_dir = order_by_dir.value

    params["orderByDir"] = json_order_by_dir

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts/{id}/devices".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactDevicesResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ContactDevicesResponse.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContactDevicesResponse | ErrorResponse]:
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
    search: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
    order_by: str | Unset = "d.dateAdded",
    order_by_dir: SortDirection | Unset = SortDirection.DESC,
) -> Response[ContactDevicesResponse | ErrorResponse]:
    """List a contact's devices

     Returns the devices the contact used, keyed by device id (the documentation shows an array), or
    `[]` when there are none. The nested `lead` is always the empty object `{}`. A negative `start`
    or `limit`, an `orderBy` that is not a device property or a direction other than `ASC`/`DESC` is
    a database error: 500.

    Args:
        id (int):
        search (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):
        order_by (str | Unset):  Default: 'd.dateAdded'.
        order_by_dir (SortDirection | Unset):  Default: SortDirection.DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactDevicesResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        search=search,
        start=start,
        limit=limit,
        order_by=order_by,
        order_by_dir=order_by_dir,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
    order_by: str | Unset = "d.dateAdded",
    order_by_dir: SortDirection | Unset = SortDirection.DESC,
) -> ContactDevicesResponse | ErrorResponse | None:
    """List a contact's devices

     Returns the devices the contact used, keyed by device id (the documentation shows an array), or
    `[]` when there are none. The nested `lead` is always the empty object `{}`. A negative `start`
    or `limit`, an `orderBy` that is not a device property or a direction other than `ASC`/`DESC` is
    a database error: 500.

    Args:
        id (int):
        search (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):
        order_by (str | Unset):  Default: 'd.dateAdded'.
        order_by_dir (SortDirection | Unset):  Default: SortDirection.DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactDevicesResponse | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        search=search,
        start=start,
        limit=limit,
        order_by=order_by,
        order_by_dir=order_by_dir,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
    order_by: str | Unset = "d.dateAdded",
    order_by_dir: SortDirection | Unset = SortDirection.DESC,
) -> Response[ContactDevicesResponse | ErrorResponse]:
    """List a contact's devices

     Returns the devices the contact used, keyed by device id (the documentation shows an array), or
    `[]` when there are none. The nested `lead` is always the empty object `{}`. A negative `start`
    or `limit`, an `orderBy` that is not a device property or a direction other than `ASC`/`DESC` is
    a database error: 500.

    Args:
        id (int):
        search (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):
        order_by (str | Unset):  Default: 'd.dateAdded'.
        order_by_dir (SortDirection | Unset):  Default: SortDirection.DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactDevicesResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        search=search,
        start=start,
        limit=limit,
        order_by=order_by,
        order_by_dir=order_by_dir,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
    order_by: str | Unset = "d.dateAdded",
    order_by_dir: SortDirection | Unset = SortDirection.DESC,
) -> ContactDevicesResponse | ErrorResponse | None:
    """List a contact's devices

     Returns the devices the contact used, keyed by device id (the documentation shows an array), or
    `[]` when there are none. The nested `lead` is always the empty object `{}`. A negative `start`
    or `limit`, an `orderBy` that is not a device property or a direction other than `ASC`/`DESC` is
    a database error: 500.

    Args:
        id (int):
        search (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):
        order_by (str | Unset):  Default: 'd.dateAdded'.
        order_by_dir (SortDirection | Unset):  Default: SortDirection.DESC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactDevicesResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            search=search,
            start=start,
            limit=limit,
            order_by=order_by,
            order_by_dir=order_by_dir,
        )
    ).parsed
