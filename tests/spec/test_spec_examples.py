"""Every example in openapi.yaml validates against its own schema (the whole document is walked)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from spec_document import HTTP_METHODS, deref, errors_of, escape, operations, spec

# Keys whose values are example data, not spec structure: never walked into.
DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


@dataclass(frozen=True)
class Example:
    location: str
    schema_pointer: str
    value: Any


def _object_examples(node: dict[str, Any], pointer: str) -> Iterator[Example]:
    """Examples of a media type, parameter or header (they sit next to `schema`)."""
    schema_pointer = f"{pointer}/schema"
    if "example" in node:
        yield Example(f"{pointer}/example", schema_pointer, node["example"])
    for name, example in node.get("examples", {}).items():
        location = f"{pointer}/examples/{escape(name)}"
        target, target_pointer = deref(example, location)
        assert "value" in target, f"example without value at {target_pointer}"
        if target_pointer != location:
            location += f" -> {target_pointer}"
        yield Example(location, schema_pointer, target["value"])


def _walk(node: Any, pointer: str) -> Iterator[Example]:
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{pointer}/{index}")
        return
    if not isinstance(node, dict):
        return
    if "schema" in node:
        yield from _object_examples(node, pointer)
    else:
        # A schema object: 3.1 `examples` is a list of instances (`example` is the deprecated form).
        for index, value in enumerate(
            node.get("examples", []) if isinstance(node.get("examples"), list) else []
        ):
            yield Example(f"{pointer}/examples/{index}", pointer, value)
        if "example" in node:
            yield Example(f"{pointer}/example", pointer, node["example"])
    for key, child in node.items():
        if key in DATA_KEYS or pointer == "/components/examples":
            continue
        yield from _walk(child, f"{pointer}/{escape(key)}")


ALL_EXAMPLES = list(_walk(spec(), ""))


def test_the_walk_finds_examples_everywhere() -> None:
    locations = " ".join(example.location for example in ALL_EXAMPLES)
    assert len(ALL_EXAMPLES) >= 60
    for kind in (
        "/components/schemas/",
        "/components/parameters/",
        "/components/responses/",
        "/components/requestBodies/",
        "/components/headers/",
        "/paths/",
    ):
        assert kind in locations, f"no example found under {kind}"


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=lambda example: example.location)
def test_example_matches_its_schema(example: Example) -> None:
    assert errors_of(example.schema_pointer, example.value) == []


def _media_types(node: dict[str, Any], pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    target, target_pointer = deref(node, pointer)
    for media_type, content in target.get("content", {}).items():
        yield f"{target_pointer}/content/{escape(media_type)}", content


def test_every_request_body_and_2xx_response_has_an_example() -> None:
    missing = []
    for operation_id, method, path, operation in operations():
        op_pointer = f"/paths/{escape(path)}/{method}"
        bodies = (
            list(_media_types(operation["requestBody"], f"{op_pointer}/requestBody"))
            if ("requestBody" in operation)
            else []
        )
        for status, response in operation["responses"].items():
            if status.startswith("2"):
                bodies += _media_types(response, f"{op_pointer}/responses/{status}")
        for location, content in bodies:
            if not content.get("examples") and "example" not in content:
                missing.append(f"{operation_id}: {location}")
    assert missing == []


def test_every_operation_has_the_contract_fields() -> None:
    for operation_id, _method, _path, operation in operations():
        assert operation.get("summary"), operation_id
        assert operation.get("description"), operation_id
        assert len(operation.get("tags", [])) == 1, operation_id
    assert sum(1 for _ in operations()) == 29
    assert all(set(item) <= {*HTTP_METHODS, "parameters"} for item in spec()["paths"].values())


def test_every_component_example_is_used() -> None:
    # Shared examples are validated where they are referenced; an unreferenced one would go unchecked.
    components = spec()["components"]
    referencing = str(spec()["paths"]) + str(components["responses"]) + str(components["requestBodies"])
    unused = [name for name in components["examples"] if f"'#/components/examples/{name}'" not in referencing]
    assert unused == []


def test_the_validator_rejects_what_it_should() -> None:
    # Guards against a vacuous check: refs resolve, required keys and formats are enforced.
    assert errors_of("/components/schemas/ContactList", {"total": 1.5, "contacts": {}}) != []
    assert (
        errors_of("/components/schemas/ContactList", {"total": "1", "contacts": {"5": {"points": 1}}}) != []
    )
    assert errors_of("/components/schemas/Contact", {"id": 5, "dateModified": "yesterday"}) != []
    assert errors_of("/components/schemas/ApiError", {"code": 404}) != []
    assert errors_of("/components/schemas/PhpEmptyArray", [1]) != []
    assert errors_of("/components/schemas/WhereQuery", {"where[0][foo]": "x"}) != []
    assert errors_of("/components/schemas/Contact", {"id": 5, "dateModified": None}) == []
