from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.segment_summary_map import SegmentSummaryMap
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts/list/segments",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[Any] | SegmentSummaryMap | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> list[Any] | SegmentSummaryMap:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_segment_list_or_empty_type_0 = SegmentSummaryMap.from_dict(data)

                return componentsschemas_segment_list_or_empty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            componentsschemas_segment_list_or_empty_type_1 = data

            return componentsschemas_segment_list_or_empty_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | list[Any] | SegmentSummaryMap]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | list[Any] | SegmentSummaryMap]:
    """List segments a contact can be added to

     Returns the published segments the user may use, keyed by segment id, or `[]` when there are
    none. Users without the "view others" segment permission only get global segments and the ones
    they created.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Any] | SegmentSummaryMap]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | list[Any] | SegmentSummaryMap | None:
    """List segments a contact can be added to

     Returns the published segments the user may use, keyed by segment id, or `[]` when there are
    none. Users without the "view others" segment permission only get global segments and the ones
    they created.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Any] | SegmentSummaryMap
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | list[Any] | SegmentSummaryMap]:
    """List segments a contact can be added to

     Returns the published segments the user may use, keyed by segment id, or `[]` when there are
    none. Users without the "view others" segment permission only get global segments and the ones
    they created.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Any] | SegmentSummaryMap]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | list[Any] | SegmentSummaryMap | None:
    """List segments a contact can be added to

     Returns the published segments the user may use, keyed by segment id, or `[]` when there are
    none. Users without the "view others" segment permission only get global segments and the ones
    they created.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Any] | SegmentSummaryMap
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
