from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_record_found_response import ContactRecordFoundResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    id: int,
    utmid: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contacts/{id}/utm/{utmid}/remove".format(
            id=quote(str(id), safe=""),
            utmid=quote(str(utmid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactRecordFoundResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ContactRecordFoundResponse.from_dict(response.json())

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
) -> Response[ContactRecordFoundResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    utmid: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContactRecordFoundResponse | ErrorResponse]:
    """Remove a set of UTM tags

     Removes the UTM set `utmid` from the contact. A `utmid` that is not one of the contact's sets
    answers **400** `This is a bad request.` (not 404). The answer carries `recordFound` next to the
    contact (the documentation shows the bare contact); the contact is serialized as in
    [`addContactDnc`](#operation/addContactDnc).

    Args:
        id (int):
        utmid (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactRecordFoundResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        utmid=utmid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    utmid: int,
    *,
    client: AuthenticatedClient | Client,
) -> ContactRecordFoundResponse | ErrorResponse | None:
    """Remove a set of UTM tags

     Removes the UTM set `utmid` from the contact. A `utmid` that is not one of the contact's sets
    answers **400** `This is a bad request.` (not 404). The answer carries `recordFound` next to the
    contact (the documentation shows the bare contact); the contact is serialized as in
    [`addContactDnc`](#operation/addContactDnc).

    Args:
        id (int):
        utmid (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactRecordFoundResponse | ErrorResponse
    """

    return sync_detailed(
        id=id,
        utmid=utmid,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: int,
    utmid: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContactRecordFoundResponse | ErrorResponse]:
    """Remove a set of UTM tags

     Removes the UTM set `utmid` from the contact. A `utmid` that is not one of the contact's sets
    answers **400** `This is a bad request.` (not 404). The answer carries `recordFound` next to the
    contact (the documentation shows the bare contact); the contact is serialized as in
    [`addContactDnc`](#operation/addContactDnc).

    Args:
        id (int):
        utmid (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactRecordFoundResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        utmid=utmid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    utmid: int,
    *,
    client: AuthenticatedClient | Client,
) -> ContactRecordFoundResponse | ErrorResponse | None:
    """Remove a set of UTM tags

     Removes the UTM set `utmid` from the contact. A `utmid` that is not one of the contact's sets
    answers **400** `This is a bad request.` (not 404). The answer carries `recordFound` next to the
    contact (the documentation shows the bare contact); the contact is serialized as in
    [`addContactDnc`](#operation/addContactDnc).

    Args:
        id (int):
        utmid (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactRecordFoundResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            utmid=utmid,
            client=client,
        )
    ).parsed
