"""Real-server bodies (tests/spec/fixtures/<operationId>/<status>-<what>.json) validate against the spec.

The fixtures are the documentation's example responses, cleaned (placeholders removed, keys corrected to
what servers send), and the shapes described by the Mautic server-behaviour reference.
"""

from __future__ import annotations

import pytest
from spec_document import Fixture, errors_of, fixtures, operations, response_schema_pointer

ALL_FIXTURES = fixtures()
OPERATION_IDS = {operation_id for operation_id, *_ in operations()}


@pytest.mark.parametrize("fixture", ALL_FIXTURES, ids=lambda fixture: fixture.name)
def test_fixture_validates_against_its_operation_and_status(fixture: Fixture) -> None:
    assert fixture.operation_id in OPERATION_IDS, f"{fixture.name}: no operation {fixture.operation_id}"
    pointer = response_schema_pointer(fixture.operation_id, fixture.status)
    assert errors_of(pointer, fixture.body()) == []


# The shapes issue 2 and the behaviour reference call out; deleting one of these loses coverage.
REQUIRED = [
    "listContacts/200-empty-object",  # {"total":"0","contacts":{}}
    "listContacts/200-empty-array",  # contacts [] (older servers)
    "listContacts/200-docs",
    "getContact/200-docs",
    "getContact/200-stored",  # [] field groups, string field ids, PHP-serialized properties
    "createContact/201-mautic5-created",  # dateModified null, integer field ids
    "createContact/201-newer-date-modified-set",
    "createContactsBatch/201-errors-object",
    "createContactsBatch/201-errors-array",
    "deleteContact/200-null-id",
    "deleteContactsBatch/200-missing-id-object",
    "addContactDnc/200-contact",  # unserialized contact with top-level field columns
    "getContactPointGroup/200-empty-array",
    "listSegments/200-empty",
    "listContacts/401-no-credentials",  # no details
    "getContact/401-invalid-token",
    "listContacts/403-api-disabled",
    "getContact/404-no-route",  # framework error: no details
    "createContact/422-unique",
    "listContacts/429-rate-limit",  # no type, odd spacing
    "createContactsBatch/500-too-many",
    "getContactEvents/404-removed-route",
]


def test_required_shapes_have_fixtures() -> None:
    names = {fixture.name for fixture in ALL_FIXTURES}
    assert [name for name in REQUIRED if name not in names] == []


def test_every_operation_has_a_success_fixture() -> None:
    covered = {fixture.operation_id for fixture in ALL_FIXTURES if fixture.status.startswith("2")}
    assert sorted(OPERATION_IDS - covered) == []


@pytest.mark.parametrize(
    ("operation_id", "status", "body"),
    [
        ("listContacts", "200", {"total": 1.5, "contacts": {}}),
        ("listContacts", "200", {"total": "1", "contacts": {"47": {"points": 1}}}),  # contact without id
        ("listContacts", "200", {"total": "1", "contacts": {"47": {"id": 47, "fields": {"core": "x"}}}}),
        ("listContacts", "200", {"total": "1", "contacts": [{"id": 47}]}),  # only [] is allowed as a list
        ("getContact", "200", {"contact": {"id": "47"}}),
        ("deleteContact", "200", {"contact": {"id": 47}}),
        ("createContactsBatch", "201", {"contacts": [], "statusCodes": ["201"]}),
        ("getContact", "404", {"errors": [{"code": 404}]}),
        ("getContact", "404", {"error": "not found"}),
        ("getContactSegments", "200", {"total": 1, "segments": {}}),  # the documentation's key
        ("adjustContactPoints", "200", {"success": "true"}),
    ],
)
def test_wrong_bodies_are_rejected(operation_id: str, status: str, body: object) -> None:
    assert errors_of(response_schema_pointer(operation_id, status), body) != []
