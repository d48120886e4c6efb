from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_campaigns_response import ContactCampaignsResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts/{id}/campaigns".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactCampaignsResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ContactCampaignsResponse.from_dict(response.json())

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
) -> Response[ContactCampaignsResponse | ErrorResponse]:
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
) -> Response[ContactCampaignsResponse | ErrorResponse]:
    """List the campaigns a contact is in

     Returns the published campaigns the contact is a member of (and was not manually removed from),
    keyed by campaign id. Segment ids come as `listMembership` (the documentation says
    `list_membership`); a campaign without segments carries `lists: []` instead. Users without
    `campaign:campaigns:viewother` only see campaigns they created.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactCampaignsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ContactCampaignsResponse | ErrorResponse | None:
    """List the campaigns a contact is in

     Returns the published campaigns the contact is a member of (and was not manually removed from),
    keyed by campaign id. Segment ids come as `listMembership` (the documentation says
    `list_membership`); a campaign without segments carries `lists: []` instead. Users without
    `campaign:campaigns:viewother` only see campaigns they created.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactCampaignsResponse | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContactCampaignsResponse | ErrorResponse]:
    """List the campaigns a contact is in

     Returns the published campaigns the contact is a member of (and was not manually removed from),
    keyed by campaign id. Segment ids come as `listMembership` (the documentation says
    `list_membership`); a campaign without segments carries `lists: []` instead. Users without
    `campaign:campaigns:viewother` only see campaigns they created.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactCampaignsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ContactCampaignsResponse | ErrorResponse | None:
    """List the campaigns a contact is in

     Returns the published campaigns the contact is a member of (and was not manually removed from),
    keyed by campaign id. Segment ids come as `listMembership` (the documentation says
    `list_membership`); a campaign without segments carries `lists: []` instead. Users without
    `campaign:campaigns:viewother` only see campaigns they created.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactCampaignsResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
