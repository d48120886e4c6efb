from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_batch_response import ContactBatchResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    ids: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["ids"] = ids

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/contacts/batch/delete",
        "params": params,
    }

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
    ids: str,
) -> Response[ContactBatchResponse | ErrorResponse]:
    """Delete several contacts

     Deletes the contacts whose ids are listed in `ids` and returns them as they were before the
    deletion (ids included), keyed by their position in `ids`. Ids that match no contact (or are
    not written as plain integers, such as `1.0`) are simply missing — no error — and `contacts`
    then becomes an object keyed by position. An id listed twice is answered at both positions; the
    second also gets a 404 `Item was not found.` entry in `errors`. Contacts the user may not delete
    stay in `contacts` and get a 403 entry in `errors`. Without ids, or with ids that cannot be
    read (`ids=foo`), the answer is `{"contacts": []}`. Servers also read `ids[]=1&ids[]=2`. No
    body is needed; a body that is not valid JSON answers 400 (servers decode DELETE bodies too).

    Args:
        ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactBatchResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        ids=ids,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    ids: str,
) -> ContactBatchResponse | ErrorResponse | None:
    """Delete several contacts

     Deletes the contacts whose ids are listed in `ids` and returns them as they were before the
    deletion (ids included), keyed by their position in `ids`. Ids that match no contact (or are
    not written as plain integers, such as `1.0`) are simply missing — no error — and `contacts`
    then becomes an object keyed by position. An id listed twice is answered at both positions; the
    second also gets a 404 `Item was not found.` entry in `errors`. Contacts the user may not delete
    stay in `contacts` and get a 403 entry in `errors`. Without ids, or with ids that cannot be
    read (`ids=foo`), the answer is `{"contacts": []}`. Servers also read `ids[]=1&ids[]=2`. No
    body is needed; a body that is not valid JSON answers 400 (servers decode DELETE bodies too).

    Args:
        ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactBatchResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        ids=ids,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    ids: str,
) -> Response[ContactBatchResponse | ErrorResponse]:
    """Delete several contacts

     Deletes the contacts whose ids are listed in `ids` and returns them as they were before the
    deletion (ids included), keyed by their position in `ids`. Ids that match no contact (or are
    not written as plain integers, such as `1.0`) are simply missing — no error — and `contacts`
    then becomes an object keyed by position. An id listed twice is answered at both positions; the
    second also gets a 404 `Item was not found.` entry in `errors`. Contacts the user may not delete
    stay in `contacts` and get a 403 entry in `errors`. Without ids, or with ids that cannot be
    read (`ids=foo`), the answer is `{"contacts": []}`. Servers also read `ids[]=1&ids[]=2`. No
    body is needed; a body that is not valid JSON answers 400 (servers decode DELETE bodies too).

    Args:
        ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactBatchResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        ids=ids,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    ids: str,
) -> ContactBatchResponse | ErrorResponse | None:
    """Delete several contacts

     Deletes the contacts whose ids are listed in `ids` and returns them as they were before the
    deletion (ids included), keyed by their position in `ids`. Ids that match no contact (or are
    not written as plain integers, such as `1.0`) are simply missing — no error — and `contacts`
    then becomes an object keyed by position. An id listed twice is answered at both positions; the
    second also gets a 404 `Item was not found.` entry in `errors`. Contacts the user may not delete
    stay in `contacts` and get a 403 entry in `errors`. Without ids, or with ids that cannot be
    read (`ids=foo`), the answer is `{"contacts": []}`. Servers also read `ids[]=1&ids[]=2`. No
    body is needed; a body that is not valid JSON answers 400 (servers decode DELETE bodies too).

    Args:
        ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactBatchResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            ids=ids,
        )
    ).parsed
