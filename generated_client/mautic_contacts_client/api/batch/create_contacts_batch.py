from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_batch_response import ContactBatchResponse
from ...models.contact_input import ContactInput
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: list[ContactInput],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contacts/batch/new",
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactBatchResponse | ErrorResponse | None:
    if response.status_code == 201:
        response_201 = ContactBatchResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 405:
        response_405 = ErrorResponse.from_dict(response.json())

        return response_405

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
) -> Response[ContactBatchResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[ContactInput],
) -> Response[ContactBatchResponse | ErrorResponse]:
    """Create or update several contacts

     Each item is handled like [`createContact`](#operation/createContact): created (item status
    201) or, when its unique identifier matches, updated (item status 200). A matched item is
    applied like [`updateContact`](#operation/updateContact) (unlike `createContact`): fields it
    omits are never blanked, even with `overwriteWithBlank`, and required fields need not be sent
    again. Items are saved one by one; a failing item does not roll back the others.

    The HTTP status is **always 201**, whatever happened to the items. `statusCodes` and `errors`
    are keyed by the item's position in the request; failed items are missing from `contacts`,
    which then turns from an array into an object keyed by position. `errors` is present only
    when an item failed. A body keyed by strings (`{"a": {...}}`) is answered keyed the same way.

    More than `api_batch_max_limit` items (default 200) answers **500** with
    `A max of 200 entities are supported at a time.` Servers also accept form encoding
    (`0[email]=...&1[email]=...`).

    Args:
        body (list[ContactInput]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactBatchResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[ContactInput],
) -> ContactBatchResponse | ErrorResponse | None:
    """Create or update several contacts

     Each item is handled like [`createContact`](#operation/createContact): created (item status
    201) or, when its unique identifier matches, updated (item status 200). A matched item is
    applied like [`updateContact`](#operation/updateContact) (unlike `createContact`): fields it
    omits are never blanked, even with `overwriteWithBlank`, and required fields need not be sent
    again. Items are saved one by one; a failing item does not roll back the others.

    The HTTP status is **always 201**, whatever happened to the items. `statusCodes` and `errors`
    are keyed by the item's position in the request; failed items are missing from `contacts`,
    which then turns from an array into an object keyed by position. `errors` is present only
    when an item failed. A body keyed by strings (`{"a": {...}}`) is answered keyed the same way.

    More than `api_batch_max_limit` items (default 200) answers **500** with
    `A max of 200 entities are supported at a time.` Servers also accept form encoding
    (`0[email]=...&1[email]=...`).

    Args:
        body (list[ContactInput]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactBatchResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[ContactInput],
) -> Response[ContactBatchResponse | ErrorResponse]:
    """Create or update several contacts

     Each item is handled like [`createContact`](#operation/createContact): created (item status
    201) or, when its unique identifier matches, updated (item status 200). A matched item is
    applied like [`updateContact`](#operation/updateContact) (unlike `createContact`): fields it
    omits are never blanked, even with `overwriteWithBlank`, and required fields need not be sent
    again. Items are saved one by one; a failing item does not roll back the others.

    The HTTP status is **always 201**, whatever happened to the items. `statusCodes` and `errors`
    are keyed by the item's position in the request; failed items are missing from `contacts`,
    which then turns from an array into an object keyed by position. `errors` is present only
    when an item failed. A body keyed by strings (`{"a": {...}}`) is answered keyed the same way.

    More than `api_batch_max_limit` items (default 200) answers **500** with
    `A max of 200 entities are supported at a time.` Servers also accept form encoding
    (`0[email]=...&1[email]=...`).

    Args:
        body (list[ContactInput]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactBatchResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[ContactInput],
) -> ContactBatchResponse | ErrorResponse | None:
    """Create or update several contacts

     Each item is handled like [`createContact`](#operation/createContact): created (item status
    201) or, when its unique identifier matches, updated (item status 200). A matched item is
    applied like [`updateContact`](#operation/updateContact) (unlike `createContact`): fields it
    omits are never blanked, even with `overwriteWithBlank`, and required fields need not be sent
    again. Items are saved one by one; a failing item does not roll back the others.

    The HTTP status is **always 201**, whatever happened to the items. `statusCodes` and `errors`
    are keyed by the item's position in the request; failed items are missing from `contacts`,
    which then turns from an array into an object keyed by position. `errors` is present only
    when an item failed. A body keyed by strings (`{"a": {...}}`) is answered keyed the same way.

    More than `api_batch_max_limit` items (default 200) answers **500** with
    `A max of 200 entities are supported at a time.` Servers also accept form encoding
    (`0[email]=...&1[email]=...`).

    Args:
        body (list[ContactInput]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactBatchResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
