from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_input import ContactInput
from ...models.contact_response import ContactResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ContactInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contacts/new",
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

    if response.status_code == 405:
        response_405 = ErrorResponse.from_dict(response.json())

        return response_405

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
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
) -> Response[ContactResponse | ErrorResponse]:
    """Create a contact, or update the one with the same unique identifier

     Creates a contact (**201** with `Location`), unless the body's unique-identifier fields
    (by default `email`, compared case-insensitively) match an existing contact: that contact is
    then edited and the answer is **200** (the documentation mentions 201 only). An `id` in the body
    is ignored; an empty body creates an anonymous contact.

    Write semantics: numeric values that cast to the integer 0 (`0`, `"0"`, `0.5`, `"-0.9"`) are
    dropped, so a number field cannot be set to 0 (or to a fraction between -1 and 1) here; blank
    values are skipped unless `overwriteWithBlank` is true. With `overwriteWithBlank: true` and a
    matched contact, every field missing from the body is blanked and `points` resets to 0 — as
    with PUT. `tags` are added (a leading `-` removes one), never replaced; tag names match
    exactly, case included. Servers also accept form encoding with the same keys.

    Args:
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
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
) -> ContactResponse | ErrorResponse | None:
    """Create a contact, or update the one with the same unique identifier

     Creates a contact (**201** with `Location`), unless the body's unique-identifier fields
    (by default `email`, compared case-insensitively) match an existing contact: that contact is
    then edited and the answer is **200** (the documentation mentions 201 only). An `id` in the body
    is ignored; an empty body creates an anonymous contact.

    Write semantics: numeric values that cast to the integer 0 (`0`, `"0"`, `0.5`, `"-0.9"`) are
    dropped, so a number field cannot be set to 0 (or to a fraction between -1 and 1) here; blank
    values are skipped unless `overwriteWithBlank` is true. With `overwriteWithBlank: true` and a
    matched contact, every field missing from the body is blanked and `points` resets to 0 — as
    with PUT. `tags` are added (a leading `-` removes one), never replaced; tag names match
    exactly, case included. Servers also accept form encoding with the same keys.

    Args:
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
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
) -> Response[ContactResponse | ErrorResponse]:
    """Create a contact, or update the one with the same unique identifier

     Creates a contact (**201** with `Location`), unless the body's unique-identifier fields
    (by default `email`, compared case-insensitively) match an existing contact: that contact is
    then edited and the answer is **200** (the documentation mentions 201 only). An `id` in the body
    is ignored; an empty body creates an anonymous contact.

    Write semantics: numeric values that cast to the integer 0 (`0`, `"0"`, `0.5`, `"-0.9"`) are
    dropped, so a number field cannot be set to 0 (or to a fraction between -1 and 1) here; blank
    values are skipped unless `overwriteWithBlank` is true. With `overwriteWithBlank: true` and a
    matched contact, every field missing from the body is blanked and `points` resets to 0 — as
    with PUT. `tags` are added (a leading `-` removes one), never replaced; tag names match
    exactly, case included. Servers also accept form encoding with the same keys.

    Args:
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
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
) -> ContactResponse | ErrorResponse | None:
    """Create a contact, or update the one with the same unique identifier

     Creates a contact (**201** with `Location`), unless the body's unique-identifier fields
    (by default `email`, compared case-insensitively) match an existing contact: that contact is
    then edited and the answer is **200** (the documentation mentions 201 only). An `id` in the body
    is ignored; an empty body creates an anonymous contact.

    Write semantics: numeric values that cast to the integer 0 (`0`, `"0"`, `0.5`, `"-0.9"`) are
    dropped, so a number field cannot be set to 0 (or to a fraction between -1 and 1) here; blank
    values are skipped unless `overwriteWithBlank` is true. With `overwriteWithBlank: true` and a
    matched contact, every field missing from the body is blanked and `points` resets to 0 — as
    with PUT. `tags` are added (a leading `-` removes one), never replaced; tag names match
    exactly, case included. Servers also accept form encoding with the same keys.

    Args:
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
            client=client,
            body=body,
        )
    ).parsed
