"""Check recorded answers of the fake against openapi.yaml (status documented, body valid, headers)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parents[3] / "openapi.yaml"
SPEC_URI = "urn:fake-check:openapi.yaml"


@functools.cache
def spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.safe_load(handle)
    return document


@functools.cache
def _registry() -> Registry:
    # with_resources, not with_resource: the latter has no return annotation (Any under mypy).
    resource = Resource.from_contents(spec(), default_specification=DRAFT202012)
    return Registry().with_resources([(SPEC_URI, resource)])


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _resolve(node: dict[str, Any], pointer: str = "") -> tuple[dict[str, Any], str]:
    """Follow local ``$ref``s; return the node and its JSON pointer in the document."""
    while "$ref" in node:
        pointer = node["$ref"][1:]
        target: Any = spec()
        for token in pointer[1:].split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node, pointer


@functools.cache
def _operations() -> list[tuple[str, re.Pattern[str], str]]:
    ops = []
    for path, item in spec()["paths"].items():
        regex = re.compile("^/api" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")
        for method in item:
            if method in ("get", "put", "post", "delete", "patch"):
                ops.append((method.upper(), regex, path))
    # Literal paths win over templated ones (``/contacts/activity`` before ``/contacts/{id}``).
    ops.sort(key=lambda op: op[2].count("{"))
    return ops


def check(response: httpx.Response) -> list[str]:
    """Problems with one answer; empty when it conforms."""
    request = response.request
    method, path = request.method, request.url.path
    operation = None
    op_pointer = ""
    for op_method, regex, template in _operations():
        if op_method == method and regex.match(path):
            operation = spec()["paths"][template][method.lower()]
            op_pointer = f"/paths/{_escape(template)}/{method.lower()}"
            break
    where = f"{method} {request.url.raw_path.decode()} -> {response.status_code}"
    if operation is None:
        return [] if response.status_code in (404, 405) else [f"{where}: no operation in the spec"]
    responses = operation["responses"]
    status = str(response.status_code)
    key = next((k for k in (status, f"{status[0]}XX", "default") if k in responses), None)
    if key is None:
        return [f"{where}: status not documented (documented: {sorted(responses)})"]
    declared, pointer = _resolve(responses[key], f"{op_pointer}/responses/{key}")
    problems = []
    content = declared.get("content", {})
    media = response.headers.get("content-type", "").split(";")[0]
    if content and media not in content:
        problems.append(f"{where}: content type {media!r} not documented ({sorted(content)})")
    if content.get(media, {}).get("schema") is not None:
        schema_pointer = f"{pointer}/content/{_escape(media)}/schema"
        checker = Draft202012Validator({"$ref": f"{SPEC_URI}#{schema_pointer}"}, registry=_registry())
        body = response.json()
        for err in sorted(checker.iter_errors(body), key=lambda e: list(e.absolute_path))[:3]:
            location = "/".join(str(p) for p in err.absolute_path)
            problems.append(f"{where}: body at /{location}: {err.message[:300]}")
    for name, raw_header in declared.get("headers", {}).items():
        header, _ = _resolve(raw_header)
        if header.get("required") and name.lower() not in {k.lower() for k in response.headers}:
            problems.append(f"{where}: required header {name} missing")
    return problems
