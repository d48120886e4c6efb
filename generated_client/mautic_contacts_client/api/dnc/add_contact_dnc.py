from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_response import ContactResponse
from ...models.dnc_input import DncInput
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    channel: str,
    *,
    body: DncInput | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contacts/{id}/dnc/{channel}/add".format(
            id=quote(str(id), safe=""),
            channel=quote(str(channel), safe=""),
        ),
    }

    if not isinstance(body, Unset):
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
    channel: str,
    *,
    client: AuthenticatedClient | Client,
    body: DncInput | Unset = UNSET,
) -> Response[ContactResponse | ErrorResponse]:
    """Add a do-not-contact record

     Marks the contact as do-not-contact on `channel` (any string; `email` and `sms` are the usual
    ones). Without an existing record one is created; an existing record with a different reason is
    updated, except that an existing *unsubscribed* (reason 1) record is never overridden. An update
    keeps the record's `channelId`, and a request that sends a `channelId` never updates an existing
    record (it only creates one). `comments` are HTML-escaped here (not in contact bodies).

    Answers **200** with the contact (the documentation shows a `{channelId, reason, comments}`
    body instead). This contact is serialized without the API's usual serialization groups: it
    carries every field as a top-level column (`firstname`, `email`, ...), has no `fields.all`,
    leaves null values out, sends number values as floats (`4.0`) and expands `owner` fully.
    Servers also accept form encoding.

    Args:
        id (int):
        channel (str):
        body (DncInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        channel=channel,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    channel: str,
    *,
    client: AuthenticatedClient | Client,
    body: DncInput | Unset = UNSET,
) -> ContactResponse | ErrorResponse | None:
    """Add a do-not-contact record

     Marks the contact as do-not-contact on `channel` (any string; `email` and `sms` are the usual
    ones). Without an existing record one is created; an existing record with a different reason is
    updated, except that an existing *unsubscribed* (reason 1) record is never overridden. An update
    keeps the record's `channelId`, and a request that sends a `channelId` never updates an existing
    record (it only creates one). `comments` are HTML-escaped here (not in contact bodies).

    Answers **200** with the contact (the documentation shows a `{channelId, reason, comments}`
    body instead). This contact is serialized without the API's usual serialization groups: it
    carries every field as a top-level column (`firstname`, `email`, ...), has no `fields.all`,
    leaves null values out, sends number values as floats (`4.0`) and expands `owner` fully.
    Servers also accept form encoding.

    Args:
        id (int):
        channel (str):
        body (DncInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactResponse | ErrorResponse
    """

    return sync_detailed(
        id=id,
        channel=channel,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    channel: str,
    *,
    client: AuthenticatedClient | Client,
    body: DncInput | Unset = UNSET,
) -> Response[ContactResponse | ErrorResponse]:
    """Add a do-not-contact record

     Marks the contact as do-not-contact on `channel` (any string; `email` and `sms` are the usual
    ones). Without an existing record one is created; an existing record with a different reason is
    updated, except that an existing *unsubscribed* (reason 1) record is never overridden. An update
    keeps the record's `channelId`, and a request that sends a `channelId` never updates an existing
    record (it only creates one). `comments` are HTML-escaped here (not in contact bodies).

    Answers **200** with the contact (the documentation shows a `{channelId, reason, comments}`
    body instead). This contact is serialized without the API's usual serialization groups: it
    carries every field as a top-level column (`firstname`, `email`, ...), has no `fields.all`,
    leaves null values out, sends number values as floats (`4.0`) and expands `owner` fully.
    Servers also accept form encoding.

    Args:
        id (int):
        channel (str):
        body (DncInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        channel=channel,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    channel: str,
    *,
    client: AuthenticatedClient | Client,
    body: DncInput | Unset = UNSET,
) -> ContactResponse | ErrorResponse | None:
    """Add a do-not-contact record

     Marks the contact as do-not-contact on `channel` (any string; `email` and `sms` are the usual
    ones). Without an existing record one is created; an existing record with a different reason is
    updated, except that an existing *unsubscribed* (reason 1) record is never overridden. An update
    keeps the record's `channelId`, and a request that sends a `channelId` never updates an existing
    record (it only creates one). `comments` are HTML-escaped here (not in contact bodies).

    Answers **200** with the contact (the documentation shows a `{channelId, reason, comments}`
    body instead). This contact is serialized without the API's usual serialization groups: it
    carries every field as a top-level column (`firstname`, `email`, ...), has no `fields.all`,
    leaves null values out, sends number values as floats (`4.0`) and expands `owner` fully.
    Servers also accept form encoding.

    Args:
        id (int):
        channel (str):
        body (DncInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            channel=channel,
            client=client,
            body=body,
        )
    ).parsed
