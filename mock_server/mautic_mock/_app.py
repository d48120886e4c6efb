"""The ASGI application: Mautic's request pipeline (faults, routing, body decoding, auth, rate limit)."""

from __future__ import annotations

import asyncio
import json
import logging
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from ._auth import Authenticator
from ._faults import FaultInjector
from ._handlers import Ctx
from ._http import ApiError, ApiRequest, ApiResponse, framework_error
from ._php import parse_query, set_bracketed
from ._ratelimit import RateLimiter
from ._routes import match_route

__all__ = ["Dispatcher", "build_app"]

log = logging.getLogger("mautic_mock")
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")
KNOWN_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "PATCH", "PURGE", "TRACE")


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def _decode_body(raw: bytes, content_type: str) -> Any:
    """The request parameters as FOSRest's body listener (JSON) or PHP (forms) decode them."""
    media = content_type.split(";")[0].strip().lower()
    if media in ("", "application/json", "application/x-json", "text/json") or media.endswith("+json"):
        if raw == b"":
            return {}
        try:
            decoded = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise framework_error(400) from exc
        if not isinstance(decoded, (dict, list)):
            raise framework_error(400)
        return decoded
    if media == "application/x-www-form-urlencoded":
        return parse_query(raw.decode("utf-8", "replace"))
    if media == "multipart/form-data":
        return _multipart(raw, content_type)
    return {}


def _multipart(raw: bytes, content_type: str) -> dict[str, Any]:
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw
    )
    result: dict[str, Any] = {}
    if not message.is_multipart():
        return result
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str) or part.get_filename():
            continue
        payload = part.get_payload(decode=True)
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        set_bracketed(result, name, text)
    return result


class Dispatcher:
    """Runs one request through the pipeline; sync so both the ASGI and in-thread paths share it."""

    def __init__(
        self,
        ctx: Ctx,
        auth: Authenticator,
        limiter: RateLimiter | None,
        faults: FaultInjector,
        latency_ms: float,
    ) -> None:
        self.ctx = ctx
        self.auth = auth
        self.limiter = limiter
        self.faults = faults
        self.latency_ms = latency_ms

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        raw = await request.body()
        if self.latency_ms > 0:
            await asyncio.sleep(self.latency_ms / 1000)
        url_base = f"{request.url.scheme}://{request.url.netloc}"
        headers = {k.lower(): v for k, v in request.headers.items()}
        query_string = scope.get("query_string", b"").decode("latin-1")
        path = request.url.path
        if any(char in scope["path"] for char in "\t\n\r"):
            # urllib drops these characters when Starlette rebuilds the URL; the router must see them.
            path = scope["path"]
        answer = self.handle(request.method, path, query_string, headers, raw, url_base)
        response = Response(answer.content, answer.status, answer.headers, media_type=answer.media_type)
        if request.method == "HEAD":
            # The headers (Content-Length included) are the GET answer's; only the body is left out.
            response.body = b""
        await response(scope, receive, send)

    def handle(
        self, method: str, path: str, query_string: str, headers: dict[str, str], raw: bytes, url_base: str
    ) -> ApiResponse:
        failure = self.faults.draw()
        if failure is not None:
            return failure
        rate_headers: dict[str, str] = {}
        try:
            answer = self._pipeline(method, path, query_string, headers, raw, url_base, rate_headers)
        except ApiError as exc:
            answer = exc.to_response()
        except Exception:
            log.exception("unexpected error while answering %s %s", method, path)
            answer = framework_error(500).to_response()
        answer.headers.update(rate_headers)
        return answer

    def _pipeline(
        self,
        method: str,
        path: str,
        query_string: str,
        headers: dict[str, str],
        raw: bytes,
        url_base: str,
        rate_headers: dict[str, str],
    ) -> ApiResponse:
        query = parse_query(query_string)
        content_type = headers.get("content-type", "")
        if path == "/oauth/v2/token":
            if method not in ("GET", "POST", "HEAD"):
                raise ApiError(
                    405, framework_error(405).message, kind="framework", headers={"Allow": "GET, POST"}
                )
            params = query if method in ("GET", "HEAD") else _decode_body(raw, content_type)
            return self.auth.token_endpoint(params if isinstance(params, dict) else {}, headers)
        if method == "POST":
            override = headers.get("x-http-method-override") or ""
            if not override:
                form = _decode_body(raw, content_type) if "form" in content_type else {}
                candidate = form.get("_method", query.get("_method")) if isinstance(form, dict) else None
                override = candidate if isinstance(candidate, str) else ""
            if override.upper() in KNOWN_METHODS:
                method = override.upper()
        route = None
        params_path: dict[str, str] = {}
        allowed: list[str] = []
        if path == "/api" or path.startswith("/api/"):
            route, params_path, allowed = match_route(method, path)
        if route is None:
            if allowed:
                raise ApiError(
                    405, framework_error(405).message, kind="framework", headers={"Allow": ", ".join(allowed)}
                )
            if method in ("GET", "HEAD") and path.endswith("/") and path.startswith("/api/"):
                target, _, _ = match_route("GET", path.rstrip("/"))
                if target is not None:
                    location = url_base + path.rstrip("/") + (f"?{query_string}" if query_string else "")
                    return ApiResponse(301, b"", {"Location": location}, media_type="text/html")
            message = f'No route found for "{method} {url_base}{path}"'
            if headers.get("referer"):
                message += f' (from "{headers["referer"]}")'
            raise framework_error(404, message)
        body = _decode_body(raw, content_type) if method in BODY_METHODS else {}
        user_id, rate_key = self.auth.authenticate(headers, query)
        if self.limiter is not None:
            within, limit_headers = self.limiter.hit(rate_key)
            rate_headers.update(limit_headers)
            if not within:
                return self.limiter.exceeded(limit_headers)
        request = ApiRequest(
            method=method,
            path=path,
            url_base=url_base,
            query=query,
            body=body,
            headers=headers,
            path_params=params_path,
            user_id=user_id,
            rate_key=rate_key,
        )
        return route.handler(self.ctx, request)


def build_app(dispatcher: Dispatcher) -> Starlette:
    # A Route whose endpoint is a plain ASGI callable accepts every method: the dispatcher answers
    # 404/405 itself, the way Mautic's router does. Starlette's `path` convertor does not match a
    # decoded newline, so the dispatcher is also the fallback: no request gets Starlette's own
    # text/plain "Not Found".
    app = Starlette(routes=[Route("/{path:path}", endpoint=dispatcher)])
    app.router.default = dispatcher
    return app
