"""The API route table and Symfony-style matching (404 unknown path, 405 wrong method)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import _handlers as h
from ._handlers import Ctx
from ._handlers_sub import SUB_HANDLERS
from ._http import ApiRequest, ApiResponse

__all__ = ["ROUTES", "Route", "match_route"]

Handler = Callable[[Ctx, ApiRequest], ApiResponse]


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    operation: str
    handler: Handler
    regex: re.Pattern[str]


def _compile(path: str) -> re.Pattern[str]:
    # Placeholders named ``id`` or ending in ``Id`` must be digits (CoreSubscriber); others any segment.
    def placeholder(match: re.Match[str]) -> str:
        name = match.group(1)
        pattern = r"\d+" if name == "id" or name.endswith("Id") else r"[^/]+"
        return f"(?P<{name}>{pattern})"

    # \Z, not $: like Symfony's `D` modifier, a trailing newline is not the end of the path.
    return re.compile("^/api" + re.sub(r"\{(\w+)\}", placeholder, path) + r"\Z")


_TABLE: list[tuple[str, str, str, Handler]] = [
    ("GET", "/contacts", "listContacts", h.list_contacts),
    ("GET", "/contacts/{id}", "getContact", h.get_contact),
    ("POST", "/contacts/new", "createContact", h.create_contact),
    ("POST", "/contacts/batch/new", "createContactsBatch", h.create_contacts_batch),
    ("PUT", "/contacts/batch/edit", "replaceContactsBatch", h.edit_contacts_batch),
    ("PATCH", "/contacts/batch/edit", "updateContactsBatch", h.edit_contacts_batch),
    ("PUT", "/contacts/{id}/edit", "replaceContact", h.edit_contact),
    ("PATCH", "/contacts/{id}/edit", "updateContact", h.edit_contact),
    ("DELETE", "/contacts/batch/delete", "deleteContactsBatch", h.delete_contacts_batch),
    ("DELETE", "/contacts/{id}/delete", "deleteContact", h.delete_contact),
    ("POST", "/contacts/{id}/dnc/{channel}/add", "addContactDnc", SUB_HANDLERS["addContactDnc"]),
    ("POST", "/contacts/{id}/dnc/{channel}/remove", "removeContactDnc", SUB_HANDLERS["removeContactDnc"]),
    ("GET", "/contacts/{id}/activity", "getContactActivity", SUB_HANDLERS["getContactActivity"]),
    ("GET", "/contacts/activity", "getAllContactsActivity", SUB_HANDLERS["getAllContactsActivity"]),
    ("GET", "/contacts/{id}/notes", "getContactNotes", SUB_HANDLERS["getContactNotes"]),
    ("GET", "/contacts/{id}/devices", "getContactDevices", SUB_HANDLERS["getContactDevices"]),
    ("GET", "/contacts/{id}/campaigns", "getContactCampaigns", SUB_HANDLERS["getContactCampaigns"]),
    ("GET", "/contacts/{id}/segments", "getContactSegments", SUB_HANDLERS["getContactSegments"]),
    ("GET", "/contacts/{id}/companies", "getContactCompanies", SUB_HANDLERS["getContactCompanies"]),
    ("POST", "/contacts/{id}/utm/add", "addContactUtm", SUB_HANDLERS["addContactUtm"]),
    ("POST", "/contacts/{id}/utm/{utmid}/remove", "removeContactUtm", SUB_HANDLERS["removeContactUtm"]),
    ("GET", "/contacts/list/owners", "listContactOwners", SUB_HANDLERS["listContactOwners"]),
    ("GET", "/contacts/list/fields", "listContactFields", SUB_HANDLERS["listContactFields"]),
    ("GET", "/contacts/list/segments", "listSegments", SUB_HANDLERS["listSegments"]),
    (
        "POST",
        "/contacts/{leadId}/points/{operator}/{delta}",
        "adjustContactPoints",
        SUB_HANDLERS["adjustContactPoints"],
    ),
    (
        "GET",
        "/contacts/{contactId}/points/groups",
        "getContactPointGroups",
        SUB_HANDLERS["getContactPointGroups"],
    ),
    (
        "GET",
        "/contacts/{contactId}/points/groups/{groupId}",
        "getContactPointGroup",
        SUB_HANDLERS["getContactPointGroup"],
    ),
    (
        "POST",
        "/contacts/{contactId}/points/groups/{groupId}/{operator}/{value}",
        "adjustContactPointGroup",
        SUB_HANDLERS["adjustContactPointGroup"],
    ),
]

ROUTES = [Route(m, p, op, fn, _compile(p)) for m, p, op, fn in _TABLE]


def match_route(method: str, path: str) -> tuple[Route | None, dict[str, str], list[str]]:
    """(route, path params, allowed methods); ``allowed`` lists the methods of routes matching the path."""
    lookup = "GET" if method == "HEAD" else method
    allowed: list[str] = []
    for route in ROUTES:
        found = route.regex.match(path)
        if found is None:
            continue
        if route.method == lookup:
            return route, found.groupdict(), []
        if route.method not in allowed:
            allowed.append(route.method)
    return None, {}, allowed
