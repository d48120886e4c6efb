from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_list import ContactList
from ...models.error_response import ErrorResponse
from ...models.order_query import OrderQuery
from ...models.sort_direction import SortDirection
from ...models.where_query import WhereQuery
from ...models.zero_or_one import ZeroOrOne
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    search: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order_by_dir: SortDirection | Unset = SortDirection.ASC,
    where: WhereQuery | Unset = UNSET,
    order: OrderQuery | Unset = UNSET,
    select: list[str] | Unset = UNSET,
    minimal: ZeroOrOne | Unset = UNSET,
    published: ZeroOrOne | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["search"] = search

    params["start"] = start

    params["limit"] = limit

    params["orderBy"] = order_by

    json_order_by_dir: str | Unset = UNSET
    if not isinstance(order_by_dir, Unset):
        json_order_by_dir = order_by_dir.value

    params["orderByDir"] = json_order_by_dir

    json_where: dict[str, Any] | Unset = UNSET
    if not isinstance(where, Unset):
        json_where = where.to_dict()
    if not isinstance(json_where, Unset):
        params.update(json_where)

    json_order: dict[str, Any] | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.to_dict()
    if not isinstance(json_order, Unset):
        params.update(json_order)

    json_select: list[str] | Unset = UNSET
    if not isinstance(select, Unset):
        json_select = select

    params["select[]"] = json_select

    json_minimal: int | Unset = UNSET
    if not isinstance(minimal, Unset):
        json_minimal = minimal.value

    params["minimal"] = json_minimal

    json_published: int | Unset = UNSET
    if not isinstance(published, Unset):
        json_published = published.value

    params["published"] = json_published

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactList | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ContactList.from_dict(response.json())

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
) -> Response[ContactList | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order_by_dir: SortDirection | Unset = SortDirection.ASC,
    where: WhereQuery | Unset = UNSET,
    order: OrderQuery | Unset = UNSET,
    select: list[str] | Unset = UNSET,
    minimal: ZeroOrOne | Unset = UNSET,
    published: ZeroOrOne | Unset = UNSET,
) -> Response[ContactList | ErrorResponse]:
    """List contacts

     Returns one page of contacts with the total number of matches.

    * `total` is a **string** (it comes from a separate `COUNT` query whose result servers cache for
      5 seconds, so it can lag recent writes).
    * `contacts` is an object keyed by contact id in the requested order; an empty result is
      `{"total": "0", "contacts": {}}` on Mautic 5 and `"contacts": []` on older servers.
    * Without `orderBy` and `order` the order is `last_active DESC`.
    * When `where` is present, servers drop their own forced filters: users without the
      "view others" permission then see other users' contacts, and `published=1` is ignored.
      `search` is still applied.
    * The documentation's `publishedOnly` parameter is not read by any server; use `published`.

    Args:
        search (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):
        order_by (str | Unset):
        order_by_dir (SortDirection | Unset):  Default: SortDirection.ASC.
        where (WhereQuery | Unset): `where` filters as a flat map of PHP bracket keys to string
            values, sent as query parameters
            exactly as written (`where[0][col]=email&where[0][expr]=eq&where[0][val]=a@b.c`). Grammar
            of a
            key (`N`, `M`, `K` are clause indexes):

                where[N][col|column|expr]          a clause's column or expression
                where[N][val|value]                its value
                where[N][val|value][0|1]           the two values of between / notBetween
                where[N][val][M]<clause key>       clause M nested in an andX / orX clause N
                where[N][val][M][val][K]<key>      one more level of andX / orX nesting

            The pattern admits these shapes with up to two levels of composite nesting (servers accept
            deeper nesting). See the `where` parameter for the expressions.
        order (OrderQuery | Unset): `order` clauses as a flat map of PHP bracket keys:
            `order[N][col]` (database column) and
            `order[N][dir]` (`ASC` or `DESC`, default `ASC`), sent as query parameters exactly as
            written.
        select (list[str] | Unset):
        minimal (ZeroOrOne | Unset): A PHP-truthy flag. `0` is false and `1` is true (the strings
            `true`/`false` would both be true).
        published (ZeroOrOne | Unset): A PHP-truthy flag. `0` is false and `1` is true (the
            strings `true`/`false` would both be true).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        search=search,
        start=start,
        limit=limit,
        order_by=order_by,
        order_by_dir=order_by_dir,
        where=where,
        order=order,
        select=select,
        minimal=minimal,
        published=published,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order_by_dir: SortDirection | Unset = SortDirection.ASC,
    where: WhereQuery | Unset = UNSET,
    order: OrderQuery | Unset = UNSET,
    select: list[str] | Unset = UNSET,
    minimal: ZeroOrOne | Unset = UNSET,
    published: ZeroOrOne | Unset = UNSET,
) -> ContactList | ErrorResponse | None:
    """List contacts

     Returns one page of contacts with the total number of matches.

    * `total` is a **string** (it comes from a separate `COUNT` query whose result servers cache for
      5 seconds, so it can lag recent writes).
    * `contacts` is an object keyed by contact id in the requested order; an empty result is
      `{"total": "0", "contacts": {}}` on Mautic 5 and `"contacts": []` on older servers.
    * Without `orderBy` and `order` the order is `last_active DESC`.
    * When `where` is present, servers drop their own forced filters: users without the
      "view others" permission then see other users' contacts, and `published=1` is ignored.
      `search` is still applied.
    * The documentation's `publishedOnly` parameter is not read by any server; use `published`.

    Args:
        search (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):
        order_by (str | Unset):
        order_by_dir (SortDirection | Unset):  Default: SortDirection.ASC.
        where (WhereQuery | Unset): `where` filters as a flat map of PHP bracket keys to string
            values, sent as query parameters
            exactly as written (`where[0][col]=email&where[0][expr]=eq&where[0][val]=a@b.c`). Grammar
            of a
            key (`N`, `M`, `K` are clause indexes):

                where[N][col|column|expr]          a clause's column or expression
                where[N][val|value]                its value
                where[N][val|value][0|1]           the two values of between / notBetween
                where[N][val][M]<clause key>       clause M nested in an andX / orX clause N
                where[N][val][M][val][K]<key>      one more level of andX / orX nesting

            The pattern admits these shapes with up to two levels of composite nesting (servers accept
            deeper nesting). See the `where` parameter for the expressions.
        order (OrderQuery | Unset): `order` clauses as a flat map of PHP bracket keys:
            `order[N][col]` (database column) and
            `order[N][dir]` (`ASC` or `DESC`, default `ASC`), sent as query parameters exactly as
            written.
        select (list[str] | Unset):
        minimal (ZeroOrOne | Unset): A PHP-truthy flag. `0` is false and `1` is true (the strings
            `true`/`false` would both be true).
        published (ZeroOrOne | Unset): A PHP-truthy flag. `0` is false and `1` is true (the
            strings `true`/`false` would both be true).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactList | ErrorResponse
    """

    return sync_detailed(
        client=client,
        search=search,
        start=start,
        limit=limit,
        order_by=order_by,
        order_by_dir=order_by_dir,
        where=where,
        order=order,
        select=select,
        minimal=minimal,
        published=published,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order_by_dir: SortDirection | Unset = SortDirection.ASC,
    where: WhereQuery | Unset = UNSET,
    order: OrderQuery | Unset = UNSET,
    select: list[str] | Unset = UNSET,
    minimal: ZeroOrOne | Unset = UNSET,
    published: ZeroOrOne | Unset = UNSET,
) -> Response[ContactList | ErrorResponse]:
    """List contacts

     Returns one page of contacts with the total number of matches.

    * `total` is a **string** (it comes from a separate `COUNT` query whose result servers cache for
      5 seconds, so it can lag recent writes).
    * `contacts` is an object keyed by contact id in the requested order; an empty result is
      `{"total": "0", "contacts": {}}` on Mautic 5 and `"contacts": []` on older servers.
    * Without `orderBy` and `order` the order is `last_active DESC`.
    * When `where` is present, servers drop their own forced filters: users without the
      "view others" permission then see other users' contacts, and `published=1` is ignored.
      `search` is still applied.
    * The documentation's `publishedOnly` parameter is not read by any server; use `published`.

    Args:
        search (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):
        order_by (str | Unset):
        order_by_dir (SortDirection | Unset):  Default: SortDirection.ASC.
        where (WhereQuery | Unset): `where` filters as a flat map of PHP bracket keys to string
            values, sent as query parameters
            exactly as written (`where[0][col]=email&where[0][expr]=eq&where[0][val]=a@b.c`). Grammar
            of a
            key (`N`, `M`, `K` are clause indexes):

                where[N][col|column|expr]          a clause's column or expression
                where[N][val|value]                its value
                where[N][val|value][0|1]           the two values of between / notBetween
                where[N][val][M]<clause key>       clause M nested in an andX / orX clause N
                where[N][val][M][val][K]<key>      one more level of andX / orX nesting

            The pattern admits these shapes with up to two levels of composite nesting (servers accept
            deeper nesting). See the `where` parameter for the expressions.
        order (OrderQuery | Unset): `order` clauses as a flat map of PHP bracket keys:
            `order[N][col]` (database column) and
            `order[N][dir]` (`ASC` or `DESC`, default `ASC`), sent as query parameters exactly as
            written.
        select (list[str] | Unset):
        minimal (ZeroOrOne | Unset): A PHP-truthy flag. `0` is false and `1` is true (the strings
            `true`/`false` would both be true).
        published (ZeroOrOne | Unset): A PHP-truthy flag. `0` is false and `1` is true (the
            strings `true`/`false` would both be true).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        search=search,
        start=start,
        limit=limit,
        order_by=order_by,
        order_by_dir=order_by_dir,
        where=where,
        order=order,
        select=select,
        minimal=minimal,
        published=published,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    start: int | Unset = 0,
    limit: int | Unset = UNSET,
    order_by: str | Unset = UNSET,
    order_by_dir: SortDirection | Unset = SortDirection.ASC,
    where: WhereQuery | Unset = UNSET,
    order: OrderQuery | Unset = UNSET,
    select: list[str] | Unset = UNSET,
    minimal: ZeroOrOne | Unset = UNSET,
    published: ZeroOrOne | Unset = UNSET,
) -> ContactList | ErrorResponse | None:
    """List contacts

     Returns one page of contacts with the total number of matches.

    * `total` is a **string** (it comes from a separate `COUNT` query whose result servers cache for
      5 seconds, so it can lag recent writes).
    * `contacts` is an object keyed by contact id in the requested order; an empty result is
      `{"total": "0", "contacts": {}}` on Mautic 5 and `"contacts": []` on older servers.
    * Without `orderBy` and `order` the order is `last_active DESC`.
    * When `where` is present, servers drop their own forced filters: users without the
      "view others" permission then see other users' contacts, and `published=1` is ignored.
      `search` is still applied.
    * The documentation's `publishedOnly` parameter is not read by any server; use `published`.

    Args:
        search (str | Unset):
        start (int | Unset):  Default: 0.
        limit (int | Unset):
        order_by (str | Unset):
        order_by_dir (SortDirection | Unset):  Default: SortDirection.ASC.
        where (WhereQuery | Unset): `where` filters as a flat map of PHP bracket keys to string
            values, sent as query parameters
            exactly as written (`where[0][col]=email&where[0][expr]=eq&where[0][val]=a@b.c`). Grammar
            of a
            key (`N`, `M`, `K` are clause indexes):

                where[N][col|column|expr]          a clause's column or expression
                where[N][val|value]                its value
                where[N][val|value][0|1]           the two values of between / notBetween
                where[N][val][M]<clause key>       clause M nested in an andX / orX clause N
                where[N][val][M][val][K]<key>      one more level of andX / orX nesting

            The pattern admits these shapes with up to two levels of composite nesting (servers accept
            deeper nesting). See the `where` parameter for the expressions.
        order (OrderQuery | Unset): `order` clauses as a flat map of PHP bracket keys:
            `order[N][col]` (database column) and
            `order[N][dir]` (`ASC` or `DESC`, default `ASC`), sent as query parameters exactly as
            written.
        select (list[str] | Unset):
        minimal (ZeroOrOne | Unset): A PHP-truthy flag. `0` is false and `1` is true (the strings
            `true`/`false` would both be true).
        published (ZeroOrOne | Unset): A PHP-truthy flag. `0` is false and `1` is true (the
            strings `true`/`false` would both be true).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactList | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            search=search,
            start=start,
            limit=limit,
            order_by=order_by,
            order_by_dir=order_by_dir,
            where=where,
            order=order,
            select=select,
            minimal=minimal,
            published=published,
        )
    ).parsed
