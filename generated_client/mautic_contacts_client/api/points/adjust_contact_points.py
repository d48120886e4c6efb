from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.points_change_input import PointsChangeInput
from ...models.points_operator import PointsOperator
from ...models.success_response import SuccessResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    lead_id: int,
    operator: PointsOperator,
    delta: int,
    *,
    body: PointsChangeInput | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contacts/{lead_id}/points/{operator}/{delta}".format(
            lead_id=quote(str(lead_id), safe=""),
            operator=quote(str(operator), safe=""),
            delta=quote(str(delta), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SuccessResponse | None:
    if response.status_code == 200:
        response_200 = SuccessResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | SuccessResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    lead_id: int,
    operator: PointsOperator,
    delta: int,
    *,
    client: AuthenticatedClient | Client,
    body: PointsChangeInput | Unset = UNSET,
) -> Response[ErrorResponse | SuccessResponse]:
    """Add, subtract, multiply or divide a contact's points

     Changes the contact's global points by `delta` with `operator` and logs the change under
    `eventName` / `actionName` (camelCase and case-sensitive; the documentation's `eventname` /
    `actionname` are ignored). A `delta` of 0 succeeds without change. `set` is not supported here
    (it is for point groups). Answers `{"success": 1}` (the documentation shows `true`). The body
    is optional; servers also accept `eventName` / `actionName` form-encoded.

    Args:
        lead_id (int):
        operator (PointsOperator):
        delta (int):
        body (PointsChangeInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SuccessResponse]
    """

    kwargs = _get_kwargs(
        lead_id=lead_id,
        operator=operator,
        delta=delta,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    lead_id: int,
    operator: PointsOperator,
    delta: int,
    *,
    client: AuthenticatedClient | Client,
    body: PointsChangeInput | Unset = UNSET,
) -> ErrorResponse | SuccessResponse | None:
    """Add, subtract, multiply or divide a contact's points

     Changes the contact's global points by `delta` with `operator` and logs the change under
    `eventName` / `actionName` (camelCase and case-sensitive; the documentation's `eventname` /
    `actionname` are ignored). A `delta` of 0 succeeds without change. `set` is not supported here
    (it is for point groups). Answers `{"success": 1}` (the documentation shows `true`). The body
    is optional; servers also accept `eventName` / `actionName` form-encoded.

    Args:
        lead_id (int):
        operator (PointsOperator):
        delta (int):
        body (PointsChangeInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SuccessResponse
    """

    return sync_detailed(
        lead_id=lead_id,
        operator=operator,
        delta=delta,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    lead_id: int,
    operator: PointsOperator,
    delta: int,
    *,
    client: AuthenticatedClient | Client,
    body: PointsChangeInput | Unset = UNSET,
) -> Response[ErrorResponse | SuccessResponse]:
    """Add, subtract, multiply or divide a contact's points

     Changes the contact's global points by `delta` with `operator` and logs the change under
    `eventName` / `actionName` (camelCase and case-sensitive; the documentation's `eventname` /
    `actionname` are ignored). A `delta` of 0 succeeds without change. `set` is not supported here
    (it is for point groups). Answers `{"success": 1}` (the documentation shows `true`). The body
    is optional; servers also accept `eventName` / `actionName` form-encoded.

    Args:
        lead_id (int):
        operator (PointsOperator):
        delta (int):
        body (PointsChangeInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SuccessResponse]
    """

    kwargs = _get_kwargs(
        lead_id=lead_id,
        operator=operator,
        delta=delta,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    lead_id: int,
    operator: PointsOperator,
    delta: int,
    *,
    client: AuthenticatedClient | Client,
    body: PointsChangeInput | Unset = UNSET,
) -> ErrorResponse | SuccessResponse | None:
    """Add, subtract, multiply or divide a contact's points

     Changes the contact's global points by `delta` with `operator` and logs the change under
    `eventName` / `actionName` (camelCase and case-sensitive; the documentation's `eventname` /
    `actionname` are ignored). A `delta` of 0 succeeds without change. `set` is not supported here
    (it is for point groups). Answers `{"success": 1}` (the documentation shows `true`). The body
    is optional; servers also accept `eventName` / `actionName` form-encoded.

    Args:
        lead_id (int):
        operator (PointsOperator):
        delta (int):
        body (PointsChangeInput | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SuccessResponse
    """

    return (
        await asyncio_detailed(
            lead_id=lead_id,
            operator=operator,
            delta=delta,
            client=client,
            body=body,
        )
    ).parsed
