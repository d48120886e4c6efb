from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_point_group_score_response import ContactPointGroupScoreResponse
from ...models.error_response import ErrorResponse
from ...models.group_points_operator import GroupPointsOperator
from ...models.points_change_input import PointsChangeInput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contact_id: int,
    group_id: int,
    operator: GroupPointsOperator,
    value: int,
    *,
    body: PointsChangeInput | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contacts/{contact_id}/points/groups/{group_id}/{operator}/{value}".format(
            contact_id=quote(str(contact_id), safe=""),
            group_id=quote(str(group_id), safe=""),
            operator=quote(str(operator), safe=""),
            value=quote(str(value), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactPointGroupScoreResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ContactPointGroupScoreResponse.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContactPointGroupScoreResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact_id: int,
    group_id: int,
    operator: GroupPointsOperator,
    value: int,
    *,
    client: AuthenticatedClient | Client,
    body: PointsChangeInput | Unset = UNSET,
) -> Response[ContactPointGroupScoreResponse | ErrorResponse]:
    """Change a contact's score in one point group

     Applies `operator` with `value` to the contact's score in the group (`set` replaces it) and
    logs the change (delta = new score − old score) under the optional `eventName` /
    `actionName`. An unknown operator answers 400 `The requested operation is not permitted.`;
    a non-integer `value` cannot be bound and answers 500. The body is optional; servers also
    accept `eventName` / `actionName` form-encoded.

    Args:
        contact_id (int):
        group_id (int):
        operator (GroupPointsOperator):
        value (int):
        body (PointsChangeInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPointGroupScoreResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        group_id=group_id,
        operator=operator,
        value=value,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_id: int,
    group_id: int,
    operator: GroupPointsOperator,
    value: int,
    *,
    client: AuthenticatedClient | Client,
    body: PointsChangeInput | Unset = UNSET,
) -> ContactPointGroupScoreResponse | ErrorResponse | None:
    """Change a contact's score in one point group

     Applies `operator` with `value` to the contact's score in the group (`set` replaces it) and
    logs the change (delta = new score − old score) under the optional `eventName` /
    `actionName`. An unknown operator answers 400 `The requested operation is not permitted.`;
    a non-integer `value` cannot be bound and answers 500. The body is optional; servers also
    accept `eventName` / `actionName` form-encoded.

    Args:
        contact_id (int):
        group_id (int):
        operator (GroupPointsOperator):
        value (int):
        body (PointsChangeInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPointGroupScoreResponse | ErrorResponse
    """

    return sync_detailed(
        contact_id=contact_id,
        group_id=group_id,
        operator=operator,
        value=value,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    contact_id: int,
    group_id: int,
    operator: GroupPointsOperator,
    value: int,
    *,
    client: AuthenticatedClient | Client,
    body: PointsChangeInput | Unset = UNSET,
) -> Response[ContactPointGroupScoreResponse | ErrorResponse]:
    """Change a contact's score in one point group

     Applies `operator` with `value` to the contact's score in the group (`set` replaces it) and
    logs the change (delta = new score − old score) under the optional `eventName` /
    `actionName`. An unknown operator answers 400 `The requested operation is not permitted.`;
    a non-integer `value` cannot be bound and answers 500. The body is optional; servers also
    accept `eventName` / `actionName` form-encoded.

    Args:
        contact_id (int):
        group_id (int):
        operator (GroupPointsOperator):
        value (int):
        body (PointsChangeInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactPointGroupScoreResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        group_id=group_id,
        operator=operator,
        value=value,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_id: int,
    group_id: int,
    operator: GroupPointsOperator,
    value: int,
    *,
    client: AuthenticatedClient | Client,
    body: PointsChangeInput | Unset = UNSET,
) -> ContactPointGroupScoreResponse | ErrorResponse | None:
    """Change a contact's score in one point group

     Applies `operator` with `value` to the contact's score in the group (`set` replaces it) and
    logs the change (delta = new score − old score) under the optional `eventName` /
    `actionName`. An unknown operator answers 400 `The requested operation is not permitted.`;
    a non-integer `value` cannot be bound and answers 500. The body is optional; servers also
    accept `eventName` / `actionName` form-encoded.

    Args:
        contact_id (int):
        group_id (int):
        operator (GroupPointsOperator):
        value (int):
        body (PointsChangeInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactPointGroupScoreResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            contact_id=contact_id,
            group_id=group_id,
            operator=operator,
            value=value,
            client=client,
            body=body,
        )
    ).parsed
