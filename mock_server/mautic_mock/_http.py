"""Request/answer objects passed between the ASGI layer and the handlers, and Mautic's JSON encodings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ._defaults import MAUTIC_VERSION

__all__ = [
    "GENERIC_ERROR",
    "ApiError",
    "ApiRequest",
    "ApiResponse",
    "controller_json",
    "encode_jms",
    "encode_symfony",
    "framework_error",
]

GENERIC_ERROR = (
    "Looks like I encountered an error (error #{code}). "
    "If I do it again, please report me to the system administrator!"
)


@dataclass
class ApiRequest:
    """What a handler needs from an HTTP request, already decoded the way PHP would."""

    method: str
    path: str
    url_base: str
    query: dict[str, Any]
    body: Any
    headers: dict[str, str]
    path_params: dict[str, str] = field(default_factory=dict)
    user_id: int = 1
    rate_key: str = ""

    def qs(self, name: str, default: Any = None) -> Any:
        """Symfony ``$request->query->get()``."""
        return self.query.get(name, default)

    def get(self, name: str, default: Any = None) -> Any:
        """Symfony ``$request->get()``: query first, then the decoded body."""
        if name in self.query:
            return self.query[name]
        if isinstance(self.body, dict) and name in self.body:
            return self.body[name]
        return default

    def param(self, name: str, default: Any = None) -> Any:
        """Symfony ``$request->request->get()`` (the decoded body only)."""
        if isinstance(self.body, dict):
            return self.body.get(name, default)
        return default


@dataclass
class ApiResponse:
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str = "application/json"


class ApiError(Exception):
    """An error answer. ``kind``: controller (Mautic envelope), framework, or auth (OAuth type)."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        details: Any = None,
        kind: str = "controller",
        error_type: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = [] if details is None else details
        self.kind = kind
        self.error_type = error_type
        self.headers = headers or {}

    def to_response(self) -> ApiResponse:
        if self.kind == "controller":
            body = {
                "errors": [
                    {"code": self.status, "message": self.message, "details": self.details, "type": None}
                ]
            }
            resp = controller_json(body, self.status)
        else:
            body = {"errors": [{"message": self.message, "code": self.status, "type": self.error_type}]}
            resp = ApiResponse(self.status, encode_symfony(body))
        resp.headers.update(self.headers)
        return resp


def framework_error(status: int, message: str | None = None) -> ApiError:
    """Symfony ExceptionController answer; the real message only for 404/403."""
    return ApiError(status, message or GENERIC_ERROR.format(code=status), kind="framework")


def encode_jms(data: Any) -> bytes:
    """JMS serializer JSON: ASCII-escaped, slashes escaped (``\\/``), floats keep ``.0``."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.replace("/", "\\/").encode("ascii")


_HEX = {'"': "\\u0022", "'": "\\u0027", "<": "\\u003C", ">": "\\u003E", "&": "\\u0026", "/": "\\/"}


def _symfony_string(value: str) -> str:
    core = json.dumps(value, ensure_ascii=True)[1:-1]
    # json.dumps escapes the quote as \" ; JSON_HEX_QUOT wants \u0022 instead.
    core = core.replace('\\"', '"')
    core = "".join(_HEX.get(ch, ch) for ch in core)
    return f'"{core}"'


def _symfony(value: Any) -> str:
    if isinstance(value, str):
        return _symfony_string(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{_symfony_string(str(k))}:{_symfony(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_symfony(v) for v in value) + "]"
    return json.dumps(value)


def encode_symfony(data: Any) -> bytes:
    """Symfony ``JsonResponse`` encoding (HEX_TAG|HEX_APOS|HEX_AMP|HEX_QUOT, escaped slashes)."""
    return _symfony(data).encode("ascii")


def controller_json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> ApiResponse:
    """An answer produced by an API controller: JMS-encoded, with the ``Mautic-Version`` header."""
    all_headers = {"Mautic-Version": MAUTIC_VERSION}
    if headers:
        all_headers.update(headers)
    return ApiResponse(status, encode_jms(data), all_headers)
