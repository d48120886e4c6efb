from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_batch_edit_item import ContactBatchEditItem
from ...models.contact_batch_response import ContactBatchResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: list[ContactBatchEditItem],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/contacts/batch/edit",
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
    if response.status_code == 200:
        response_200 = ContactBatchResponse.from_dict(response.json())

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
    body: list[ContactBatchEditItem],
) -> Response[ContactBatchResponse | ErrorResponse]:
    """Update several contacts

     Each item is handled like [`updateContact`](#operation/updateContact) for the contact named
    by its `id`. Items whose contact does not exist get status 404 `Item was not found.` in
    `errors`.

    The HTTP status is **always 200**; per-item results are in `statusCodes` and `errors`, keyed
    by the item's position in the request. More than `api_batch_max_limit` items (default 200)
    answers 500. Servers also accept form encoding.

    Args:
        body (list[ContactBatchEditItem]):

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
    body: list[ContactBatchEditItem],
) -> ContactBatchResponse | ErrorResponse | None:
    """Update several contacts

     Each item is handled like [`updateContact`](#operation/updateContact) for the contact named
    by its `id`. Items whose contact does not exist get status 404 `Item was not found.` in
    `errors`.

    The HTTP status is **always 200**; per-item results are in `statusCodes` and `errors`, keyed
    by the item's position in the request. More than `api_batch_max_limit` items (default 200)
    answers 500. Servers also accept form encoding.

    Args:
        body (list[ContactBatchEditItem]):

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
    body: list[ContactBatchEditItem],
) -> Response[ContactBatchResponse | ErrorResponse]:
    """Update several contacts

     Each item is handled like [`updateContact`](#operation/updateContact) for the contact named
    by its `id`. Items whose contact does not exist get status 404 `Item was not found.` in
    `errors`.

    The HTTP status is **always 200**; per-item results are in `statusCodes` and `errors`, keyed
    by the item's position in the request. More than `api_batch_max_limit` items (default 200)
    answers 500. Servers also accept form encoding.

    Args:
        body (list[ContactBatchEditItem]):

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
    body: list[ContactBatchEditItem],
) -> ContactBatchResponse | ErrorResponse | None:
    """Update several contacts

     Each item is handled like [`updateContact`](#operation/updateContact) for the contact named
    by its `id`. Items whose contact does not exist get status 404 `Item was not found.` in
    `errors`.

    The HTTP status is **always 200**; per-item results are in `statusCodes` and `errors`, keyed
    by the item's position in the request. More than `api_batch_max_limit` items (default 200)
    answers 500. Servers also accept form encoding.

    Args:
        body (list[ContactBatchEditItem]):

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
