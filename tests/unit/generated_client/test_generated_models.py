"""Real-server bodies (tests/spec/fixtures) parse into the generated models without losing data, and write
bodies go out as JSON."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import mautic_contacts_client.api
import pytest
from generated_client_support import Call, Recorder
from mautic_contacts_client import AuthenticatedClient
from mautic_contacts_client.api.batch import create_contacts_batch, update_contacts_batch
from mautic_contacts_client.api.contacts import create_contact, get_contact, list_contacts, update_contact
from mautic_contacts_client.api.dnc import add_contact_dnc
from mautic_contacts_client.api.points import adjust_contact_points
from mautic_contacts_client.models import (
    ApiErrorDetails,
    ApiErrorMap,
    Contact,
    ContactBatchEditItem,
    ContactBatchResponse,
    ContactInput,
    ContactList,
    ContactMap,
    ContactResponse,
    DncInput,
    ErrorResponse,
    FieldGroupMap,
    PointsChangeInput,
    PointsOperator,
)
from mautic_contacts_client.types import Unset

FIXTURES = Path(__file__).resolve().parents[2] / "spec" / "fixtures"


def endpoint_modules() -> dict[str, ModuleType]:
    """Endpoint modules by operationId (OPC names them after the snake_cased operationId)."""
    modules = {}
    for info in pkgutil.walk_packages(mautic_contacts_client.api.__path__, "mautic_contacts_client.api."):
        if not info.ispkg:
            short = info.name.rsplit(".", 1)[1]
            camel = re.sub(r"_([a-z])", lambda match: match.group(1).upper(), short)
            modules[camel] = importlib.import_module(info.name)
    return modules


MODULES = endpoint_modules()
# Required arguments of each operation (path parameters, bodies, `ids`).
ARGUMENTS: dict[str, dict[str, Any]] = {
    "listContacts": {},
    "getContact": {"id": 47},
    "createContact": {"body": ContactInput()},
    "replaceContact": {"id": 47, "body": ContactInput()},
    "updateContact": {"id": 47, "body": ContactInput()},
    "deleteContact": {"id": 47},
    "getContactEvents": {"id": 47},
    "createContactsBatch": {"body": [ContactInput()]},
    "replaceContactsBatch": {"body": [ContactBatchEditItem(id=47)]},
    "updateContactsBatch": {"body": [ContactBatchEditItem(id=47)]},
    "deleteContactsBatch": {"ids": "47"},
    "addContactDnc": {"id": 47, "channel": "email"},
    "removeContactDnc": {"id": 47, "channel": "email"},
    "addContactUtm": {"id": 47, "body": mautic_contacts_client.models.UtmInput()},
    "removeContactUtm": {"id": 47, "utmid": 1},
    "adjustContactPoints": {"lead_id": 47, "operator": PointsOperator.PLUS, "delta": 1},
    "getContactPointGroups": {"contact_id": 47},
    "getContactPointGroup": {"contact_id": 47, "group_id": 1},
    "adjustContactPointGroup": {
        "contact_id": 47,
        "group_id": 1,
        "operator": mautic_contacts_client.models.GroupPointsOperator.SET,
        "value": 1,
    },
    "getContactActivity": {"id": 47},
    "getAllContactsActivity": {},
    "getContactNotes": {"id": 47},
    "getContactDevices": {"id": 47},
    "getContactCampaigns": {"id": 47},
    "getContactSegments": {"id": 47},
    "getContactCompanies": {"id": 47},
    "listContactOwners": {},
    "listContactFields": {},
    "listSegments": {},
}


def to_json(value: Any) -> Any:
    """What a parsed value looks like as JSON again."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [to_json(item) for item in value]
    return value


def test_every_operation_has_the_four_functions() -> None:
    assert sorted(MODULES) == sorted(ARGUMENTS)
    for name, module in MODULES.items():
        for function in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, function, None)), f"{name}.{function}"


# (operationId, status, fixture name, body) of every real-server body, read once at collection.
FIXTURE_CASES = [
    (
        path.parent.name,
        int(path.stem.split("-", 1)[0]),
        f"{path.parent.name}/{path.stem}",
        json.loads(path.read_text()),
    )
    for path in sorted(FIXTURES.glob("*/*.json"))
]


@pytest.mark.parametrize(
    ("operation_id", "status", "name", "body"), FIXTURE_CASES, ids=[case[2] for case in FIXTURE_CASES]
)
async def test_fixture_round_trips(
    operation_id: str,
    status: int,
    name: str,
    body: Any,
    call: Call,
    client: AuthenticatedClient,
    recorder: Recorder,
) -> None:
    recorder.answer(status, body)
    response = await call(MODULES[operation_id], client=client, **ARGUMENTS[operation_id])
    assert response.status_code == status
    assert response.parsed is not None, f"{name}: a documented status must be parsed"
    assert to_json(response.parsed) == body


def test_fixtures_exist() -> None:
    assert len(FIXTURE_CASES) >= 80


def parse_fixture(
    recorder: Recorder, client: AuthenticatedClient, module: ModuleType, name: str, **args: Any
) -> Any:
    path = FIXTURES / name
    recorder.answer(int(path.stem.split("-", 1)[0]), json.loads(path.read_text(encoding="utf-8")))
    return module.sync(client=client, **args)


def test_server_shapes_parse_into_typed_models(client: AuthenticatedClient, recorder: Recorder) -> None:
    listed = parse_fixture(recorder, client, list_contacts, "listContacts/200-two-stored.json")
    assert isinstance(listed, ContactList)
    assert listed.total == "2"  # a string, as servers send it
    assert isinstance(listed.contacts, ContactMap)
    contact = listed.contacts["51"]
    assert isinstance(contact, Contact)
    assert contact.id == 51
    assert not isinstance(contact.fields, Unset)
    assert contact.fields.personal == []  # PHP's empty array for an empty group
    assert isinstance(contact.fields.core, FieldGroupMap)
    assert contact.fields.core["email"].value == "ann@example.com"
    assert not isinstance(contact.fields.all_, Unset)
    assert contact.fields.all_["shoe_size"] is None  # custom field alias kept
    assert contact.fields.all_["newsletter"] == 1

    empty = parse_fixture(recorder, client, list_contacts, "listContacts/200-empty-object.json")
    assert isinstance(empty, ContactList)
    assert empty.total == "0"
    assert isinstance(empty.contacts, ContactMap)
    assert empty.contacts.additional_keys == []
    older = parse_fixture(recorder, client, list_contacts, "listContacts/200-empty-array.json")
    assert isinstance(older, ContactList)
    assert older.contacts == []

    created = parse_fixture(
        recorder, client, create_contact, "createContact/201-mautic5-created.json", body=ContactInput()
    )
    assert isinstance(created, ContactResponse)
    assert created.contact.date_modified is None

    raw = parse_fixture(
        recorder, client, add_contact_dnc, "addContactDnc/200-contact.json", id=51, channel="email"
    )
    assert isinstance(raw, ContactResponse)
    assert raw.contact["firstname"] == "Ann"  # top-level field columns survive as additional properties


def test_batch_and_error_shapes(client: AuthenticatedClient, recorder: Recorder) -> None:
    batch = parse_fixture(
        recorder, client, create_contacts_batch, "createContactsBatch/201-errors-object.json", body=[]
    )
    assert isinstance(batch, ContactBatchResponse)
    assert batch.status_codes == [201, 400]
    assert isinstance(batch.errors, ApiErrorMap)  # keyed by request position: an object, not a list
    details = batch.errors["1"].details
    assert isinstance(details, ApiErrorDetails)
    assert details["email"] == ["foo is invalid."]

    limited = parse_fixture(recorder, client, list_contacts, "listContacts/429-rate-limit.json")
    assert isinstance(limited, ErrorResponse)
    assert limited.errors[0].code == 429
    assert isinstance(limited.errors[0].type_, Unset)

    denied = parse_fixture(recorder, client, get_contact, "getContact/401-invalid-token.json", id=1)
    assert isinstance(denied, ErrorResponse)
    assert isinstance(denied.errors[0].details, Unset)
    assert denied.errors[0].type_ == "invalid_grant"


async def test_write_bodies_go_out_as_json(
    call: Call, client: AuthenticatedClient, recorder: Recorder
) -> None:
    contact = ContactInput(firstname="Jim", email="jim@example.com", tags=["vip", "-prospect"], owner=None)
    contact["shoe_size"] = "44"
    await call(create_contact, client=client, body=contact)
    request = recorder.last
    assert (request.method, request.url.path) == ("POST", "/api/contacts/new")
    assert request.headers["Content-Type"] == "application/json"
    # `owner: None` is sent as null (removes the owner); unset keys are not sent at all.
    assert json.loads(request.content) == {
        "firstname": "Jim",
        "email": "jim@example.com",
        "tags": ["vip", "-prospect"],
        "owner": None,
        "shoe_size": "44",
    }

    await call(update_contact, 47, client=client, body=ContactInput(overwrite_with_blank=True, title=""))
    assert (recorder.last.method, recorder.last.url.path) == ("PATCH", "/api/contacts/47/edit")
    assert json.loads(recorder.last.content) == {"overwriteWithBlank": True, "title": ""}

    items = [ContactBatchEditItem(id=1, firstname="Jim"), ContactBatchEditItem(id=2, points=7)]
    await call(update_contacts_batch, client=client, body=items)
    assert (recorder.last.method, recorder.last.url.path) == ("PATCH", "/api/contacts/batch/edit")
    assert recorder.last.headers["Content-Type"] == "application/json"
    assert json.loads(recorder.last.content) == [{"id": 1, "firstname": "Jim"}, {"id": 2, "points": 7}]

    await call(add_contact_dnc, 47, "email", client=client, body=DncInput(reason=2, channel_id=12))
    assert json.loads(recorder.last.content) == {"reason": 2, "channelId": 12}

    await call(
        adjust_contact_points,
        47,
        PointsOperator.PLUS,
        3,
        client=client,
        body=PointsChangeInput(event_name="Webinar", action_name="Attended"),
    )
    assert json.loads(recorder.last.content) == {"eventName": "Webinar", "actionName": "Attended"}
