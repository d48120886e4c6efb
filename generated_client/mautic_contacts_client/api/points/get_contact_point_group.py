from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_point_group_score_response import ContactPointGroupScoreResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    contact_id: int,
    group_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts/{contact_id}/points/groups/{group_id}".format(
            contact_id=quote(str(contact_id), safe=""),
            group_id=quote(str(group_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactPointGroupScoreResponse | list[Any] | ErrorResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ContactPointGroupScoreResponse | list[Any]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_contact_point_group_score_or_empty_type_0 = ContactPointGroupScoreResponse.from_dict(
                    data
                )

                return componentsschemas_contact_point_group_score_or_empty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            componentsschemas_contact_point_group_score_or_empty_type_1 = data

            return componentsschemas_contact_point_group_score_or_empty_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[ContactPointGroupScoreResponse | list[Any] | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact_id: int,
    group_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContactPointGroupScoreResponse | list[Any] | ErrorResponse]:
    """Get a contact's score in one point group

     Returns the contact's score in the group. When the contact has no score in that group yet the
    score is null and, null values being left out here, the body degenerates to `[]` (or
    `{"groupScore": null}`). A missing contact answers 404 `Contact could not be found.`, a missing
    group 404 `The specified point group was not found.` (the contact is looked up first). A
    `groupId` that is not a number (`-5`) makes the path match the POST-only global points route
    (`/contacts/{leadId}/points/{operator}/{delta}`) instead, so the answer is 405.

    Args:
        contact_id (int):
        group_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPointGroupScoreResponse | list[Any] | ErrorResponse]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        group_id=group_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_id: int,
    group_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ContactPointGroupScoreResponse | list[Any] | ErrorResponse | None:
    """Get a contact's score in one point group

     Returns the contact's score in the group. When the contact has no score in that group yet the
    score is null and, null values being left out here, the body degenerates to `[]` (or
    `{"groupScore": null}`). A missing contact answers 404 `Contact could not be found.`, a missing
    group 404 `The specified point group was not found.` (the contact is looked up first). A
    `groupId` that is not a number (`-5`) makes the path match the POST-only global points route
    (`/contacts/{leadId}/points/{operator}/{delta}`) instead, so the answer is 405.

    Args:
        contact_id (int):
        group_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPointGroupScoreResponse | list[Any] | ErrorResponse
    """

    return sync_detailed(
        contact_id=contact_id,
        group_id=group_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    contact_id: int,
    group_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ContactPointGroupScoreResponse | list[Any] | ErrorResponse]:
    """Get a contact's score in one point group

     Returns the contact's score in the group. When the contact has no score in that group yet the
    score is null and, null values being left out here, the body degenerates to `[]` (or
    `{"groupScore": null}`). A missing contact answers 404 `Contact could not be found.`, a missing
    group 404 `The specified point group was not found.` (the contact is looked up first). A
    `groupId` that is not a number (`-5`) makes the path match the POST-only global points route
    (`/contacts/{leadId}/points/{operator}/{delta}`) instead, so the answer is 405.

    Args:
        contact_id (int):
        group_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPointGroupScoreResponse | list[Any] | ErrorResponse]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        group_id=group_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_id: int,
    group_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> ContactPointGroupScoreResponse | list[Any] | ErrorResponse | None:
    """Get a contact's score in one point group

     Returns the contact's score in the group. When the contact has no score in that group yet the
    score is null and, null values being left out here, the body degenerates to `[]` (or
    `{"groupScore": null}`). A missing contact answers 404 `Contact could not be found.`, a missing
    group 404 `The specified point group was not found.` (the contact is looked up first). A
    `groupId` that is not a number (`-5`) makes the path match the POST-only global points route
    (`/contacts/{leadId}/points/{operator}/{delta}`) instead, so the answer is 405.

    Args:
        contact_id (int):
        group_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPointGroupScoreResponse | list[Any] | ErrorResponse
    """

    return (
        await asyncio_detailed(
            contact_id=contact_id,
            group_id=group_id,
            client=client,
        )
    ).parsed
