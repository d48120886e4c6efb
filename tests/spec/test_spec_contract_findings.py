"""Spec fixes that came out of the contract fuzzing (tests/contract), kept as regressions.

Each test names the schemathesis failure that showed the spec was not true to the servers, or the
part of the contract that the stateful phase relies on (explicit links from a created contact).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from spec_document import deref, errors_of, operation_pointer, operations, resolve, spec


def _responses(operation_id: str) -> dict[str, Any]:
    responses: dict[str, Any] = resolve(f"{operation_pointer(operation_id)}/responses")
    return responses


def _parameter(operation_id: str, name: str) -> dict[str, Any]:
    pointer = operation_pointer(operation_id)
    path_item = resolve(pointer.rsplit("/", 1)[0])
    listed = [*path_item.get("parameters", []), *resolve(pointer).get("parameters", [])]
    for entry in listed:
        parameter, _ = deref(entry, pointer)
        if parameter["name"] == name:
            return parameter
    raise KeyError(f"{operation_id} has no parameter {name}")


@pytest.mark.parametrize(
    "operation_id",
    [
        # ST103 500: negative start/limit, unknown orderBy property (Doctrine errors).
        "getContactNotes",
        "getContactDevices",
        # ST103 500: negative limit, or negative start with a limit (DBAL offset check).
        "listContactOwners",
        # ST103 500: a non-array `companies` in the body.
        "createContact",
        "replaceContact",
        "updateContact",
    ],
)
def test_operations_that_answer_mautics_500_document_it(operation_id: str) -> None:
    assert _responses(operation_id)["500"] == {"$ref": "#/components/responses/ServerError"}


def test_point_group_path_documents_the_405_of_the_points_route() -> None:
    # ST103 405: GET /contacts/1/points/groups/-5 matches the POST-only global points route.
    assert _responses("getContactPointGroup")["405"] == {"$ref": "#/components/responses/MethodNotAllowed"}
    assert "groupId" in resolve("/components/responses/MethodNotAllowed/description")


@pytest.mark.parametrize(
    ("operation_id", "name"), [("adjustContactPoints", "delta"), ("adjustContactPointGroup", "value")]
)
def test_point_amounts_fit_the_32_bit_score_columns(operation_id: str, name: str) -> None:
    # ST101 500: a delta of 98671824383580480 overflows the INT column.
    schema = _parameter(operation_id, name)["schema"]
    assert schema["format"] == "int32"
    assert (schema["minimum"], schema["maximum"]) == (-(2**31), 2**31 - 1)


@pytest.mark.parametrize("name", ["filters[dateFrom]", "filters[dateTo]"])
@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2024-01-01", True),
        ("2024-12-31 23:59", True),
        ("2024-02-29 00:00:00", True),
        ("2024-13-01", False),
        ("2024-01-01 24:00:00", False),
        ("yesterday", False),
        ("\x91µ»\x11d", False),
    ],
)
def test_activity_dates_admit_only_portable_forms(name: str, value: str, valid: bool) -> None:
    # ST101 500: fuzzed garbage dates are unparseable for PHP; the pattern keeps them out of valid input.
    for operation_id in ("getContactActivity", "getAllContactsActivity"):
        pattern = _parameter(operation_id, name)["schema"]["pattern"]
        assert (re.search(pattern, value) is not None) is valid


CONTACT_ID_PARAMETERS = ("id", "leadId", "contactId")


def _links(response_name: str) -> dict[str, dict[str, Any]]:
    response = resolve(f"/components/responses/{response_name}")
    return {
        name: deref(link, f"/components/responses/{response_name}/links")[0]
        for name, link in response["links"].items()
    }


def test_a_created_contact_links_to_every_operation_on_one_contact() -> None:
    targets = {link["operationId"] for link in _links("ContactCreated").values()}
    wanted = {
        op_id
        for op_id, _, path, operation in operations()
        if not operation.get("deprecated")
        and any(f"{{{name}}}" in path for name in CONTACT_ID_PARAMETERS)
        and op_id != "removeContactUtm"  # needs a UTM set id: linked from addContactUtm
    } | {"deleteContactsBatch"}
    assert targets == wanted


@pytest.mark.parametrize("response_name", ["ContactCreated", "UtmAddedOk"])
def test_links_name_real_parameters_and_point_into_the_response(response_name: str) -> None:
    body_schema = "/components/schemas/ContactResponse"
    created = {"contact": {"id": 48, "utmtags": [{"id": 3}]}}
    assert errors_of(body_schema, created) == []
    for name, link in _links(response_name).items():
        for parameter, expression in link["parameters"].items():
            _parameter(link["operationId"], parameter)  # raises when the operation lacks it
            pointer = expression.removeprefix("$response.body#")
            assert pointer != expression, (name, expression)
            value: Any = created
            for token in pointer.strip("/").split("/"):
                value = value[int(token)] if isinstance(value, list) else value[token]
            assert isinstance(value, int), (name, expression)


def test_only_adding_a_utm_set_links_to_removing_one() -> None:
    assert {link["operationId"] for link in _links("UtmAddedOk").values()} == {"removeContactUtm"}
    add_utm = _responses("addContactUtm")["200"]
    add_dnc = _responses("addContactDnc")["200"]
    assert add_utm == {"$ref": "#/components/responses/UtmAddedOk"}
    assert add_dnc == {"$ref": "#/components/responses/DncContactOk"}
    # Same body either way: a separate response only to carry the link.
    utm = resolve("/components/responses/UtmAddedOk/content")
    dnc = resolve("/components/responses/DncContactOk/content")
    assert utm == dnc
    assert "links" not in spec()["components"]["responses"]["DncContactOk"]


def test_listed_point_groups_link_to_their_scores() -> None:
    # make contract-deep warned that point-group ids reached through links were never usable.
    links = _links("PointGroupScoresOk")
    assert {link["operationId"] for link in links.values()} == {
        "getContactPointGroup",
        "adjustContactPointGroup",
    }
    listed = {"total": 1, "groupScores": [{"score": 16, "group": {"id": 2, "name": "B"}}]}
    assert errors_of("/components/schemas/ContactPointGroupsResponse", listed) == []
    for link in links.values():
        assert link["parameters"]["contactId"] == "$request.path.contactId"
        _parameter("getContactPointGroups", "contactId")
        pointer = link["parameters"]["groupId"].removeprefix("$response.body#")
        value: Any = listed
        for token in pointer.strip("/").split("/"):
            value = value[int(token)] if isinstance(value, list) else value[token]
        assert value == 2
