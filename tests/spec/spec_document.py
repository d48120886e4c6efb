"""The parsed openapi.yaml, validators for any place in it, and the real-server fixtures."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Base URI under which the whole document is registered, so `#/components/...` refs resolve.
SPEC_URI = "urn:mautic-contacts:openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@functools.cache
def spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.safe_load(handle)
    return document


@functools.cache
def _registry() -> Registry:
    resource = Resource.from_contents(spec(), default_specification=DRAFT202012)
    # with_resources, not with_resource: the latter has no return annotation (Any under mypy).
    return Registry().with_resources([(SPEC_URI, resource)])


def escape(token: str) -> str:
    """Escape one JSON-pointer reference token."""
    return token.replace("~", "~0").replace("/", "~1")


def resolve(pointer: str) -> Any:
    """The node of the spec at a JSON pointer (`/components/schemas/Contact`)."""
    node: Any = spec()
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def deref(node: dict[str, Any], pointer: str) -> tuple[dict[str, Any], str]:
    """Follow a local `$ref` (if any); return the target and its pointer."""
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), f"non-local $ref {ref} at {pointer}"
        pointer = ref[1:]
        node = resolve(pointer)
    return node, pointer


def validator(schema_pointer: str) -> Draft202012Validator:
    """A validator for the schema found at `schema_pointer`, with formats (date-time) asserted."""
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}#{schema_pointer}"},
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def errors_of(schema_pointer: str, instance: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in validator(schema_pointer).iter_errors(instance)
    ]


def operations() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(operationId, method, path, operation) for every operation."""
    for path, item in spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                operation = item[method]
                yield operation["operationId"], method, path, operation


def operation_pointer(operation_id: str) -> str:
    for op_id, method, path, _ in operations():
        if op_id == operation_id:
            return f"/paths/{escape(path)}/{method}"
    raise KeyError(operation_id)


def response_schema_pointer(operation_id: str, status: str) -> str:
    """Pointer to the JSON schema of an operation's response for a status code."""
    responses_pointer = f"{operation_pointer(operation_id)}/responses"
    responses = resolve(responses_pointer)
    if status not in responses:
        raise KeyError(f"{operation_id} documents no {status} response")
    _, pointer = deref(responses[status], f"{responses_pointer}/{status}")
    return f"{pointer}/content/application~1json/schema"


@dataclass(frozen=True)
class Fixture:
    """A real-server body stored as tests/spec/fixtures/<operationId>/<status>-<what>.json."""

    path: Path

    @property
    def operation_id(self) -> str:
        return self.path.parent.name

    @property
    def status(self) -> str:
        return self.path.stem.split("-", 1)[0]

    @property
    def name(self) -> str:
        return f"{self.operation_id}/{self.path.stem}"

    def body(self) -> Any:
        return json.loads(self.path.read_text(encoding="utf-8"))


def fixtures() -> list[Fixture]:
    return [Fixture(path) for path in sorted(FIXTURES.glob("*/*.json"))]
