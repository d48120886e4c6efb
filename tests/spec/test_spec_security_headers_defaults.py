"""Security, response headers, server defaults and the statuses every operation can meet.

Security is declared once at the top level (no copies per operation) and no operation weakens it.
Controller errors carry the same optional headers as controller 2xx answers; sort parameters declare the
defaults servers apply (read from Mautic 5's controllers: `LeadApiController::getNotesAction`,
`getDevicesAction`, `getAllActivityAction`, `FetchCommonApiController::getEntitiesAction`).
"""

from __future__ import annotations

from typing import Any

import pytest
from spec_document import deref, errors_of, operation_pointer, operations, resolve, spec

# OpenAPI security requirements: scheme name -> required scopes.
BOTH_SCHEMES: list[dict[str, list[str]]] = [{"basicAuth": []}, {"oauth2": []}]
CONTROLLER_HEADERS = {"Mautic-Version", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"}


def _parameter(operation_id: str, name: str) -> tuple[dict[str, Any], str]:
    pointer = operation_pointer(operation_id)
    path_item = resolve(pointer.rsplit("/", 1)[0])
    for entry in [*path_item.get("parameters", []), *resolve(pointer).get("parameters", [])]:
        parameter, parameter_pointer = deref(entry, pointer)
        if parameter["name"] == name:
            return parameter, parameter_pointer
    raise KeyError(f"{operation_id} has no parameter {name}")


def test_security_is_declared_once_and_applies_to_every_operation() -> None:
    assert spec()["security"] == BOTH_SCHEMES
    schemes = spec()["components"]["securitySchemes"]
    assert (schemes["basicAuth"]["type"], schemes["basicAuth"]["scheme"]) == ("http", "basic")
    flows = schemes["oauth2"]["flows"]
    assert {flow["tokenUrl"] for flow in flows.values()} == {"/oauth/v2/token"}
    assert set(flows) == {"clientCredentials", "authorizationCode"}
    for operation_id, _method, _path, operation in operations():
        # The effective requirement is the global one: an operation-level `security` would replace it
        # (`[]` or `[{}]` would make the operation public), and copying it is what the issue forbids.
        effective = operation.get("security", spec()["security"])
        assert effective == BOTH_SCHEMES, operation_id
        assert "security" not in operation, f"{operation_id} repeats the global security"


def test_every_operation_documents_the_answers_given_before_its_controller() -> None:
    # 403 API/Basic disabled (before routing, any /api URL), 401 from the firewall, 429 from the limiter.
    for operation_id, method, _path, operation in operations():
        responses = operation["responses"]
        assert responses["401"] == {"$ref": "#/components/responses/Unauthorized"}, operation_id
        assert responses["403"] == {"$ref": "#/components/responses/Forbidden"}, operation_id
        assert responses["429"] == {"$ref": "#/components/responses/TooManyRequests"}, operation_id
        if method in ("post", "put", "patch", "delete"):
            # Bodies are decoded for these methods, DELETE included: invalid JSON answers 400.
            assert responses["400"] == {"$ref": "#/components/responses/BadRequest"}, operation_id


@pytest.mark.parametrize(
    "name", ["BadRequest", "Forbidden", "NotFound", "UnprocessableEntity", "ServerError"]
)
def test_controller_errors_carry_the_controller_headers(name: str) -> None:
    headers = resolve(f"/components/responses/{name}")["headers"]
    assert set(headers) == CONTROLLER_HEADERS
    assert headers == resolve("/components/responses/ContactOk/headers")
    for header_name, header in headers.items():
        target, pointer = deref(header, f"/components/responses/{name}/headers/{header_name}")
        assert pointer.startswith("/components/headers/"), header_name
        # Router 404s, pre-routing 403s and framework errors have none of them.
        assert not target.get("required", False), header_name


def test_rate_limit_headers_are_on_every_answer_the_limiter_sees() -> None:
    limited = {"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"}
    for name, response in spec()["components"]["responses"].items():
        if name in ("Unauthorized", "RouteNotFound", "MethodNotAllowed", "LegacyEventsOk"):
            continue  # answered before the limiter runs (or by Mautic 2, which had none)
        assert limited <= set(response.get("headers", {})), name


def test_method_not_allowed_declares_an_optional_allow_header() -> None:
    headers = resolve("/components/responses/MethodNotAllowed/headers")
    assert headers == {"Allow": {"$ref": "#/components/headers/Allow"}}
    allow = resolve("/components/headers/Allow")
    assert not allow.get("required", False)
    assert allow["schema"] == {"type": "string"}


@pytest.mark.parametrize(
    ("operation_id", "name", "default"),
    [
        ("listContacts", "orderByDir", "ASC"),
        ("getContactNotes", "orderBy", "n.dateAdded"),
        ("getContactNotes", "orderByDir", "DESC"),
        ("getContactDevices", "orderBy", "d.dateAdded"),
        ("getContactDevices", "orderByDir", "DESC"),
        ("getContactActivity", "order[0]", "timestamp"),
        ("getContactActivity", "order[1]", "DESC"),
        ("getAllContactsActivity", "order[0]", "timestamp"),
        ("getAllContactsActivity", "order[1]", "DESC"),
        ("getContactActivity", "page", 1),
        ("getContactActivity", "limit", 25),
    ],
)
def test_sort_and_page_parameters_declare_the_server_defaults(
    operation_id: str, name: str, default: str | int
) -> None:
    parameter, pointer = _parameter(operation_id, name)
    schema = parameter["schema"]
    assert schema["default"] == default
    # The default sits next to `allOf`, not next to a bare `$ref` (tools reading 3.0 rules drop those).
    assert "$ref" not in schema
    assert errors_of(f"{pointer}/schema", default) == []


def test_the_utm_link_says_which_set_it_removes() -> None:
    link = resolve("/components/links/RemoveAddedUtm")
    assert link["parameters"]["utmid"] == "$response.body#/contact/utmtags/0/id"
    assert "first" in link["description"]
    assert "listed last" not in link["description"]


@pytest.mark.parametrize("operation_id", ["adjustContactPoints", "adjustContactPointGroup"])
def test_points_operations_mention_form_encoding(operation_id: str) -> None:
    assert "form-encoded" in resolve(operation_pointer(operation_id))["description"]
