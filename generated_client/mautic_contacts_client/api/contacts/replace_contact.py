from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_input import ContactInput
from ...models.contact_response import ContactResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: ContactInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/contacts/{id}/edit".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ContactResponse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ContactResponse.from_dict(response.json())

        return response_201

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

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

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
) -> Response[ContactResponse | ErrorResponse]:
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
    body: ContactInput,
) -> Response[ContactResponse | ErrorResponse]:
    """Replace a contact's fields, or create the contact

     Replaces the contact's custom field values: every field missing from the body is cleared and
    `points` becomes 0 when omitted. `overwriteWithBlank` is always on here: sending it as false does
    not keep omitted fields. Tags, owner and stage survive a PUT unless sent (the documentation says
    PUT "clears all the Contact information").

    If no contact has this id, a new contact is created with a **new** auto-increment id (not the one
    in the URL) and the answer is 201 with `Location`. Changing the unique identifier to another
    contact's value answers 422. Servers also accept form encoding with the same keys.

    Args:
        id (int):
        body (ContactInput): Values to write, keyed by contact field alias — the 28 default fields
            are listed, custom field
            aliases go in as additional properties — plus the special keys `overwriteWithBlank`,
            `owner`,
            `stage`, `tags`, `companies`, `ipAddress`, `lastActive`, `doNotContact` and
            `frequencyRules`.

            Values are cleaned per field type: HTML tags are stripped, `email` is sanitized and
            validated,
            text values may have at most 191 characters,
            `country`/`state`/`timezone`/`preferred_locale`
            and select fields must be one of their choices (country names in English, PHP time-zone
            ids,
            locale codes), multiselect values are an array or `a|b`, booleans accept
            `1/0/true/false/on/off/yes/no`, dates accept any `strtotime` string (date-times lose their
            seconds and are read in the instance's time zone). Blank values only overwrite when
            `overwriteWithBlank` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
) -> ContactResponse | ErrorResponse | None:
    """Replace a contact's fields, or create the contact

     Replaces the contact's custom field values: every field missing from the body is cleared and
    `points` becomes 0 when omitted. `overwriteWithBlank` is always on here: sending it as false does
    not keep omitted fields. Tags, owner and stage survive a PUT unless sent (the documentation says
    PUT "clears all the Contact information").

    If no contact has this id, a new contact is created with a **new** auto-increment id (not the one
    in the URL) and the answer is 201 with `Location`. Changing the unique identifier to another
    contact's value answers 422. Servers also accept form encoding with the same keys.

    Args:
        id (int):
        body (ContactInput): Values to write, keyed by contact field alias — the 28 default fields
            are listed, custom field
            aliases go in as additional properties — plus the special keys `overwriteWithBlank`,
            `owner`,
            `stage`, `tags`, `companies`, `ipAddress`, `lastActive`, `doNotContact` and
            `frequencyRules`.

            Values are cleaned per field type: HTML tags are stripped, `email` is sanitized and
            validated,
            text values may have at most 191 characters,
            `country`/`state`/`timezone`/`preferred_locale`
            and select fields must be one of their choices (country names in English, PHP time-zone
            ids,
            locale codes), multiselect values are an array or `a|b`, booleans accept
            `1/0/true/false/on/off/yes/no`, dates accept any `strtotime` string (date-times lose their
            seconds and are read in the instance's time zone). Blank values only overwrite when
            `overwriteWithBlank` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactResponse | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
) -> Response[ContactResponse | ErrorResponse]:
    """Replace a contact's fields, or create the contact

     Replaces the contact's custom field values: every field missing from the body is cleared and
    `points` becomes 0 when omitted. `overwriteWithBlank` is always on here: sending it as false does
    not keep omitted fields. Tags, owner and stage survive a PUT unless sent (the documentation says
    PUT "clears all the Contact information").

    If no contact has this id, a new contact is created with a **new** auto-increment id (not the one
    in the URL) and the answer is 201 with `Location`. Changing the unique identifier to another
    contact's value answers 422. Servers also accept form encoding with the same keys.

    Args:
        id (int):
        body (ContactInput): Values to write, keyed by contact field alias — the 28 default fields
            are listed, custom field
            aliases go in as additional properties — plus the special keys `overwriteWithBlank`,
            `owner`,
            `stage`, `tags`, `companies`, `ipAddress`, `lastActive`, `doNotContact` and
            `frequencyRules`.

            Values are cleaned per field type: HTML tags are stripped, `email` is sanitized and
            validated,
            text values may have at most 191 characters,
            `country`/`state`/`timezone`/`preferred_locale`
            and select fields must be one of their choices (country names in English, PHP time-zone
            ids,
            locale codes), multiselect values are an array or `a|b`, booleans accept
            `1/0/true/false/on/off/yes/no`, dates accept any `strtotime` string (date-times lose their
            seconds and are read in the instance's time zone). Blank values only overwrite when
            `overwriteWithBlank` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
) -> ContactResponse | ErrorResponse | None:
    """Replace a contact's fields, or create the contact

     Replaces the contact's custom field values: every field missing from the body is cleared and
    `points` becomes 0 when omitted. `overwriteWithBlank` is always on here: sending it as false does
    not keep omitted fields. Tags, owner and stage survive a PUT unless sent (the documentation says
    PUT "clears all the Contact information").

    If no contact has this id, a new contact is created with a **new** auto-increment id (not the one
    in the URL) and the answer is 201 with `Location`. Changing the unique identifier to another
    contact's value answers 422. Servers also accept form encoding with the same keys.

    Args:
        id (int):
        body (ContactInput): Values to write, keyed by contact field alias — the 28 default fields
            are listed, custom field
            aliases go in as additional properties — plus the special keys `overwriteWithBlank`,
            `owner`,
            `stage`, `tags`, `companies`, `ipAddress`, `lastActive`, `doNotContact` and
            `frequencyRules`.

            Values are cleaned per field type: HTML tags are stripped, `email` is sanitized and
            validated,
            text values may have at most 191 characters,
            `country`/`state`/`timezone`/`preferred_locale`
            and select fields must be one of their choices (country names in English, PHP time-zone
            ids,
            locale codes), multiselect values are an array or `a|b`, booleans accept
            `1/0/true/false/on/off/yes/no`, dates accept any `strtotime` string (date-times lose their
            seconds and are read in the instance's time zone). Blank values only overwrite when
            `overwriteWithBlank` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
