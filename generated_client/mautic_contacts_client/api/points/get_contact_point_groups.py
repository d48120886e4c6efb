from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_point_groups_response import ContactPointGroupsResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    contact_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts/{contact_id}/points/groups".format(
            contact_id=quote(str(contact_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactPointGroupsResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ContactPointGroupsResponse.from_dict(response.json())

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
) -> Response[ContactPointGroupsResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContactPointGroupsResponse | ErrorResponse]:
    """List a contact's point-group scores

     Returns the contact's score in every point group it has a score in (Mautic 5.0 and later).
    Access is checked with the `point:groups:view*` permissions against the contact's owner.

    Args:
        contact_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPointGroupsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ContactPointGroupsResponse | ErrorResponse | None:
    """List a contact's point-group scores

     Returns the contact's score in every point group it has a score in (Mautic 5.0 and later).
    Access is checked with the `point:groups:view*` permissions against the contact's owner.

    Args:
        contact_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPointGroupsResponse | ErrorResponse
    """

    return sync_detailed(
        contact_id=contact_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    contact_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContactPointGroupsResponse | ErrorResponse]:
    """List a contact's point-group scores

     Returns the contact's score in every point group it has a score in (Mautic 5.0 and later).
    Access is checked with the `point:groups:view*` permissions against the contact's owner.

    Args:
        contact_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPointGroupsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ContactPointGroupsResponse | ErrorResponse | None:
    """List a contact's point-group scores

     Returns the contact's score in every point group it has a score in (Mautic 5.0 and later).
    Access is checked with the `point:groups:view*` permissions against the contact's owner.

    Args:
        contact_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPointGroupsResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            contact_id=contact_id,
            client=client,
        )
    ).parsed
