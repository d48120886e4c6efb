"""What a request looked like on the wire, read the way PHP and Mautic read it.

The relaxation rules (``contract_rules``) and the live-run guard (``contract_guard``) both judge a
request by what was actually sent, not by what schemathesis meant to send: the raw query string is
parsed with PHP's bracket rules (``where[0][col]=x`` → ``{"where": {"0": {"col": "x"}}}``) and JSON
bodies are decoded as FOSRest does. Independent of the fake's own parser on purpose.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import unquote, unquote_plus, urlsplit

__all__ = ["WireRequest", "body_items", "php_int", "php_is_numeric", "php_query", "strict_int"]

_SEGMENT = re.compile(r"\[([^\]]*)\]")
_NUMERIC = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")


def _insert(target: dict[str, Any], keys: list[str], value: str) -> None:
    node = target
    for position, key in enumerate(keys):
        last = position == len(keys) - 1
        if key == "":
            key = str(max((int(k) for k in node if k.lstrip("-").isdigit()), default=-1) + 1)
        if last:
            node[key] = value
            return
        child = node.get(key)
        if not isinstance(child, dict):
            # PHP replaces a scalar by an array when a later key goes deeper.
            child = {}
            node[key] = child
        node = child


def _php_set(target: dict[str, Any], name: str, value: str) -> None:
    head, bracket, rest = name.partition("[")
    if not head:
        return
    keys = [head.replace(".", "_").replace(" ", "_")]
    if bracket:
        keys.extend(m.group(1) for m in _SEGMENT.finditer("[" + rest))
    _insert(target, keys, value)


def _multipart(raw: bytes, content_type: str) -> dict[str, Any]:
    """Form fields of a multipart body as PHP's ``$_POST`` (none without a boundary)."""
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n" + raw
    )
    result: dict[str, Any] = {}
    if not message.is_multipart():
        return result
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str) and not part.get_filename():
            payload = part.get_payload(decode=True)
            _php_set(result, name, payload.decode("utf-8", "replace") if isinstance(payload, bytes) else "")
    return result


def php_query(raw: str) -> dict[str, Any]:
    """A query string as PHP's ``$_GET`` (nested dicts keyed by strings; ``a[]`` appends)."""
    result: dict[str, Any] = {}
    for pair in raw.split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")
        _php_set(result, unquote_plus(name), unquote_plus(value))
    return result


def body_items(body: Any) -> list[Any]:
    """The items of a batch body: a JSON list, or a PHP-style object keyed by position."""
    if isinstance(body, list):
        return body
    if isinstance(body, dict):
        return list(body.values())
    return []


def php_is_numeric(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and bool(_NUMERIC.match(value))


def php_int(value: Any) -> int:
    """PHP's ``(int)`` of a scalar: leading integer digits, else 0."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    found = re.match(r"^\s*([+-]?\d+)", str(value))
    return int(found.group(1)) if found else 0


def strict_int(value: Any) -> bool:
    """Whether a path value is an integer as PHP's typed ``int`` arguments bind it."""
    return isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value) is not None


@dataclass
class WireRequest:
    """Method, decoded path, PHP query and JSON body of one sent request."""

    method: str
    path: str
    raw_query: str
    query: dict[str, Any]
    content_type: str
    raw_body: bytes
    body: Any = None
    # Whether the server decodes the body into parameters (JSON, or a form), as `body` holds it.
    body_is_json: bool = False
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, method: str, url: str, headers: dict[str, str], body: bytes | str | None) -> WireRequest:
        parts = urlsplit(url)
        raw_body = body.encode() if isinstance(body, str) else (body or b"")
        lowered = {k.lower(): v for k, v in headers.items()}
        content_type = lowered.get("content-type", "").split(";")[0].strip().lower()
        request = cls(
            method=method.upper(),
            path=unquote(parts.path),
            raw_query=parts.query,
            query=php_query(parts.query),
            content_type=content_type,
            raw_body=raw_body,
            headers=lowered,
        )
        # FOSRest decodes JSON bodies, and bodies without a Content-Type (route format json); PHP
        # decodes form bodies (§1.4). Anything else reaches no controller parameter.
        if raw_body and (content_type in ("", "application/json") or content_type.endswith("+json")):
            try:
                request.body = json.loads(raw_body)
                request.body_is_json = True
            except ValueError:
                request.body = None
        elif content_type == "application/x-www-form-urlencoded":
            request.body = php_query(raw_body.decode("utf-8", "replace"))
            request.body_is_json = True
        elif content_type == "multipart/form-data":
            request.body = _multipart(raw_body, lowered.get("content-type", ""))
            request.body_is_json = True
        return request

    @classmethod
    def from_prepared(cls, prepared: Any) -> WireRequest:
        """From the ``requests.PreparedRequest`` schemathesis keeps on each response."""
        return cls.build(str(prepared.method), str(prepared.url), dict(prepared.headers), prepared.body)

    def param(self, name: str) -> Any:
        return self.query.get(name)

    def has(self, name: str) -> bool:
        return name in self.query
