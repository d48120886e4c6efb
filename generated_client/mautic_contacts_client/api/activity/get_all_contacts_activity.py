from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activity_order_column import ActivityOrderColumn
from ...models.activity_response import ActivityResponse
from ...models.error_response import ErrorResponse
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    filterssearch: str | Unset = UNSET,
    filtersinclude_events: list[str] | Unset = UNSET,
    filtersexclude_events: list[str] | Unset = UNSET,
    filtersdate_from: str | Unset = UNSET,
    filtersdate_to: str | Unset = UNSET,
    order0: ActivityOrderColumn | Unset = ActivityOrderColumn.TIMESTAMP,
    order1: SortDirection | Unset = SortDirection.DESC,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["filters[search]"] = filterssearch

    json_filtersinclude_events: list[str] | Unset = UNSET
    if not isinstance(filtersinclude_events, Unset):
        json_filtersinclude_events = filtersinclude_events

    params["filters[includeEvents][]"] = json_filtersinclude_events

    json_filtersexclude_events: list[str] | Unset = UNSET
    if not isinstance(filtersexclude_events, Unset):
        json_filtersexclude_events = filtersexclude_events

    params["filters[excludeEvents][]"] = json_filtersexclude_events

    params["filters[dateFrom]"] = filtersdate_from

    params["filters[dateTo]"] = filtersdate_to

    json_order0: str | Unset = UNSET
    if not isinstance(order0, Unset):
        json_order0 = order0.value

    params["order[0]"] = json_order0

    json_order1: str | Unset = UNSET
    if not isinstance(order1, Unset):
        json_order1 = order1.value

    params["order[1]"] = json_order1

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts/activity",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActivityResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ActivityResponse.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ActivityResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    filterssearch: str | Unset = UNSET,
    filtersinclude_events: list[str] | Unset = UNSET,
    filtersexclude_events: list[str] | Unset = UNSET,
    filtersdate_from: str | Unset = UNSET,
    filtersdate_to: str | Unset = UNSET,
    order0: ActivityOrderColumn | Unset = ActivityOrderColumn.TIMESTAMP,
    order1: SortDirection | Unset = SortDirection.DESC,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> Response[ActivityResponse | ErrorResponse]:
    """Get the activity of all contacts

     Returns timeline events of all contacts, each with its `contactId`; paginated per event type as
    in [`getContactActivity`](#operation/getContactActivity). Creation and identification appear as
    `lead.source.created` / `lead.source.identified` here (the per-contact types `lead.create`,
    `lead.identified`, `lead.ipadded` and `lead.apiadded` are not emitted).

    The documentation lists `orderBy`/`orderByDir`; servers read `order[0]`/`order[1]` and also
    honour `limit`.

    Args:
        filterssearch (str | Unset):
        filtersinclude_events (list[str] | Unset):
        filtersexclude_events (list[str] | Unset):
        filtersdate_from (str | Unset):
        filtersdate_to (str | Unset):
        order0 (ActivityOrderColumn | Unset):  Default: ActivityOrderColumn.TIMESTAMP.
        order1 (SortDirection | Unset):  Default: SortDirection.DESC.
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivityResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        filterssearch=filterssearch,
        filtersinclude_events=filtersinclude_events,
        filtersexclude_events=filtersexclude_events,
        filtersdate_from=filtersdate_from,
        filtersdate_to=filtersdate_to,
        order0=order0,
        order1=order1,
        page=page,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    filterssearch: str | Unset = UNSET,
    filtersinclude_events: list[str] | Unset = UNSET,
    filtersexclude_events: list[str] | Unset = UNSET,
    filtersdate_from: str | Unset = UNSET,
    filtersdate_to: str | Unset = UNSET,
    order0: ActivityOrderColumn | Unset = ActivityOrderColumn.TIMESTAMP,
    order1: SortDirection | Unset = SortDirection.DESC,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> ActivityResponse | ErrorResponse | None:
    """Get the activity of all contacts

     Returns timeline events of all contacts, each with its `contactId`; paginated per event type as
    in [`getContactActivity`](#operation/getContactActivity). Creation and identification appear as
    `lead.source.created` / `lead.source.identified` here (the per-contact types `lead.create`,
    `lead.identified`, `lead.ipadded` and `lead.apiadded` are not emitted).

    The documentation lists `orderBy`/`orderByDir`; servers read `order[0]`/`order[1]` and also
    honour `limit`.

    Args:
        filterssearch (str | Unset):
        filtersinclude_events (list[str] | Unset):
        filtersexclude_events (list[str] | Unset):
        filtersdate_from (str | Unset):
        filtersdate_to (str | Unset):
        order0 (ActivityOrderColumn | Unset):  Default: ActivityOrderColumn.TIMESTAMP.
        order1 (SortDirection | Unset):  Default: SortDirection.DESC.
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivityResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        filterssearch=filterssearch,
        filtersinclude_events=filtersinclude_events,
        filtersexclude_events=filtersexclude_events,
        filtersdate_from=filtersdate_from,
        filtersdate_to=filtersdate_to,
        order0=order0,
        order1=order1,
        page=page,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    filterssearch: str | Unset = UNSET,
    filtersinclude_events: list[str] | Unset = UNSET,
    filtersexclude_events: list[str] | Unset = UNSET,
    filtersdate_from: str | Unset = UNSET,
    filtersdate_to: str | Unset = UNSET,
    order0: ActivityOrderColumn | Unset = ActivityOrderColumn.TIMESTAMP,
    order1: SortDirection | Unset = SortDirection.DESC,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> Response[ActivityResponse | ErrorResponse]:
    """Get the activity of all contacts

     Returns timeline events of all contacts, each with its `contactId`; paginated per event type as
    in [`getContactActivity`](#operation/getContactActivity). Creation and identification appear as
    `lead.source.created` / `lead.source.identified` here (the per-contact types `lead.create`,
    `lead.identified`, `lead.ipadded` and `lead.apiadded` are not emitted).

    The documentation lists `orderBy`/`orderByDir`; servers read `order[0]`/`order[1]` and also
    honour `limit`.

    Args:
        filterssearch (str | Unset):
        filtersinclude_events (list[str] | Unset):
        filtersexclude_events (list[str] | Unset):
        filtersdate_from (str | Unset):
        filtersdate_to (str | Unset):
        order0 (ActivityOrderColumn | Unset):  Default: ActivityOrderColumn.TIMESTAMP.
        order1 (SortDirection | Unset):  Default: SortDirection.DESC.
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivityResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        filterssearch=filterssearch,
        filtersinclude_events=filtersinclude_events,
        filtersexclude_events=filtersexclude_events,
        filtersdate_from=filtersdate_from,
        filtersdate_to=filtersdate_to,
        order0=order0,
        order1=order1,
        page=page,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    filterssearch: str | Unset = UNSET,
    filtersinclude_events: list[str] | Unset = UNSET,
    filtersexclude_events: list[str] | Unset = UNSET,
    filtersdate_from: str | Unset = UNSET,
    filtersdate_to: str | Unset = UNSET,
    order0: ActivityOrderColumn | Unset = ActivityOrderColumn.TIMESTAMP,
    order1: SortDirection | Unset = SortDirection.DESC,
    page: int | Unset = 1,
    limit: int | Unset = 25,
) -> ActivityResponse | ErrorResponse | None:
    """Get the activity of all contacts

     Returns timeline events of all contacts, each with its `contactId`; paginated per event type as
    in [`getContactActivity`](#operation/getContactActivity). Creation and identification appear as
    `lead.source.created` / `lead.source.identified` here (the per-contact types `lead.create`,
    `lead.identified`, `lead.ipadded` and `lead.apiadded` are not emitted).

    The documentation lists `orderBy`/`orderByDir`; servers read `order[0]`/`order[1]` and also
    honour `limit`.

    Args:
        filterssearch (str | Unset):
        filtersinclude_events (list[str] | Unset):
        filtersexclude_events (list[str] | Unset):
        filtersdate_from (str | Unset):
        filtersdate_to (str | Unset):
        order0 (ActivityOrderColumn | Unset):  Default: ActivityOrderColumn.TIMESTAMP.
        order1 (SortDirection | Unset):  Default: SortDirection.DESC.
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivityResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            filterssearch=filterssearch,
            filtersinclude_events=filtersinclude_events,
            filtersexclude_events=filtersexclude_events,
            filtersdate_from=filtersdate_from,
            filtersdate_to=filtersdate_to,
            order0=order0,
            order1=order1,
            page=page,
            limit=limit,
        )
    ).parsed
