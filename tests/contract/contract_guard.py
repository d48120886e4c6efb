"""The safety guard of live contract runs: a loopback proxy between schemathesis and the server.

Every request of a run goes through it, whatever part of schemathesis sent it. It

* counts requests;
* in ``read-only`` mode forwards only GET, HEAD, OPTIONS and TRACE;
* in ``write`` mode forwards a writing request only when every contact it can touch is one the run
  created itself (ids in the path, batch ids, batch items) and every unique-identifier value it
  sends is reserved (emails in ``@contract-test.invalid``), reading the request as Mautic does
  (``_method`` / ``X-HTTP-Method-Override``, ids from any batch-delete parameter, §4.7);
* records which contacts the run created (every new contact id in the answers of ``/contacts/new``,
  batch new, PUT on a missing contact and batch PUT items, whatever body or media type created it) and
  deleted;
* at the end closes its gate (later requests are refused, requests still in flight are waited for),
  deletes every contact the run created, and then every contact left with a reserved email, page by
  page until none is left.

``contract_safety`` gives every contact a run creates a reserved email, so that a contact whose id the
guard never saw (an answer lost to a timeout, a killed run) is still found by the next run's sweep.

A request it refuses is answered ``599`` by the guard itself: schemathesis reports it as a server
error and the run fails, because the hooks (``contract_safety``) should have made it safe.
``disposable`` mode (a throwaway fake) only counts.
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlencode

import httpx
from contract_wire import WireRequest

__all__ = ["CONTROL_PREFIX", "RESERVED_DOMAIN", "Guard", "GuardReport", "reserved_email"]

RESERVED_DOMAIN = "contract-test.invalid"
RESERVED_PREFIX = "contract-test-"
CONTROL_PREFIX = "/__contract_guard__"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length"}
)
_CONTACT_PATH = re.compile(r"^/contacts/([^/]*)(?:/|$)")
_DIGITS = re.compile(r"\d+")
_WRITE_BODIES = re.compile(r"^/contacts/(new|batch/new|batch/edit|\d+/edit)$")


def reserved_email() -> str:
    return f"ct-{uuid.uuid4().hex[:16]}@{RESERVED_DOMAIN}"


def reserved_value() -> str:
    return f"{RESERVED_PREFIX}{uuid.uuid4().hex[:16]}"


def is_reserved(alias: str, value: Any) -> bool:
    if value is None or value == "":
        return True
    if not isinstance(value, str):
        return False
    if alias == "email":
        return value.lower().endswith("@" + RESERVED_DOMAIN)
    return value.startswith(RESERVED_PREFIX)


@dataclass
class GuardReport:
    """What the guard saw and did during one run."""

    requests: int = 0
    by_method: Counter[str] = field(default_factory=Counter)
    blocked: list[str] = field(default_factory=list)
    created: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    foreign: list[str] = field(default_factory=list)
    cleaned: int = 0
    swept: int = 0
    left_over: list[int] = field(default_factory=list)
    # Contacts the run created without a reserved email (bodies the rewriting cannot reach: none, a
    # JSON list, a media type the server does not decode) that the guard then gave one; and those it
    # could not (found again by id only).
    marked: int = 0
    unmarked: list[int] = field(default_factory=list)
    # The cleanup was interrupted: `left_over` then lists what was not yet deleted (unverified).
    abandoned: bool = False
    # Requests were still in flight when the cleanup stopped waiting: a late create could be missed.
    gate_timeout: bool = False
    # Why the reserved-domain sweep could not finish (empty when it did); the run's own contacts are
    # still verified one by one.
    sweep_error: str = ""

    @property
    def safe(self) -> bool:
        return (
            not self.blocked
            and not self.foreign
            and not self.left_over
            and not self.abandoned
            and not self.gate_timeout
        )


class Guard:
    """A loopback proxy in front of ``upstream`` (the API root, e.g. ``https://mautic.example.com/api``)."""

    def __init__(
        self,
        upstream: str,
        *,
        mode: str,
        auth: httpx.Auth | None = None,
        headers: dict[str, str] | None = None,
        unique_fields: Iterable[str] = ("email",),
        timeout: float = 30.0,
    ) -> None:
        if mode not in ("read-only", "write", "disposable"):
            raise ValueError(f"unknown guard mode {mode!r}")
        self.upstream = upstream.rstrip("/")
        self.mode = mode
        self.unique_fields = frozenset(unique_fields) | {"email"}
        self.report = GuardReport()
        self._lock = threading.Lock()
        self._pool: list[int] = []
        self._timeout = timeout
        # Requests being handled; `closed` refuses new ones (set when the cleanup starts).
        self._in_flight = 0
        self._idle = threading.Condition(self._lock)
        self.closed = False
        # The guard's own calls (pool, cleanup) carry the run's credentials; the CLI sends its own.
        self._own = httpx.Client(auth=auth, headers=headers or {}, timeout=timeout)
        self._forward = httpx.Client(timeout=timeout, follow_redirects=False)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="contract-guard", daemon=True)

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"

    @property
    def control_url(self) -> str:
        return f"{self.url}{CONTROL_PREFIX}"

    def start(self) -> Guard:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._own.close()
        self._forward.close()

    def __enter__(self) -> Guard:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- ownership -----------------------------------------------------------------------------
    def owns(self, contact_id: int) -> bool:
        with self._lock:
            return contact_id in self.report.created

    def create_contact(self) -> int:
        """A new contact owned by this run (reserved email, nothing else)."""
        response = self._own.post(f"{self.upstream}/contacts/new", json={"email": reserved_email()})
        body = _json(response)
        contact = body.get("contact") if isinstance(body, dict) else None
        contact_id = contact.get("id") if isinstance(contact, dict) else None
        if response.status_code != 201 or not isinstance(contact_id, int):
            raise RuntimeError(f"could not create a contact of its own: HTTP {response.status_code}")
        with self._lock:
            self.report.created.add(contact_id)
            self._pool.append(contact_id)
        return contact_id

    def pooled_contact(self, *, fresh: bool = False) -> int:
        """An owned, not yet deleted contact (a new one when ``fresh``)."""
        if not fresh:
            with self._lock:
                alive = [c for c in self._pool if c not in self.report.deleted]
                if len(alive) >= 3:
                    self._pool = alive[1:] + alive[:1]
                    return alive[0]
        return self.create_contact()

    # -- request handling ----------------------------------------------------------------------
    def handle(
        self, method: str, raw_path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            if self.closed and (method.upper() not in SAFE_METHODS or raw_path.startswith(CONTROL_PREFIX)):
                return _refuse("the run is over (cleanup started)")
            self._in_flight += 1
        try:
            return self._handle(method, raw_path, headers, body)
        finally:
            with self._lock:
                self._in_flight -= 1
                self._idle.notify_all()

    def close_gate(self) -> bool:
        """Refuse every later write and wait for the requests in flight (their creates get recorded)."""
        with self._lock:
            self.closed = True
            # A forwarded request ends within the upstream timeout; its tracking takes no time.
            return self._idle.wait_for(lambda: self._in_flight == 0, timeout=self._timeout + 10)

    def _handle(
        self, method: str, raw_path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        if raw_path.startswith(CONTROL_PREFIX):
            return self._control(raw_path)
        path = raw_path.partition("?")[0]
        if not (path == "/api" or path.startswith("/api/")):
            return _refuse("the guard only forwards /api paths")
        with self._lock:
            self.report.requests += 1
            self.report.by_method[method] += 1
        request = WireRequest.build(method, "http://guard" + raw_path, headers, body)
        request.path = request.path[len("/api") :] or "/"
        effective = _effective_method(request)
        reason = self._refusal(effective, request)
        if reason is not None:
            with self._lock:
                self.report.blocked.append(f"{method} {raw_path[:160]}: {reason}")
            return _refuse(reason)
        upstream_headers = {k: v for k, v in headers.items() if k.lower() not in _HOP_BY_HOP}
        try:
            response = self._forward.request(
                method,
                self.upstream + raw_path[len("/api") :],
                headers=upstream_headers,
                content=body or None,
            )
        except httpx.HTTPError as exc:
            return (
                502,
                {"Content-Type": "text/plain"},
                f"contract guard: upstream error {type(exc).__name__}".encode(),
            )
        if self.mode == "write":
            self._track(effective, request, response)
        out_headers = {
            k: v for k, v in response.headers.items() if k.lower() not in _HOP_BY_HOP | {"content-encoding"}
        }
        return response.status_code, out_headers, response.content

    def _control(self, raw_path: str) -> tuple[int, dict[str, str], bytes]:
        path, _, query = raw_path.partition("?")
        name = path[len(CONTROL_PREFIX) :]
        if name == "/contact" and self.mode == "write":
            contact_id = self.pooled_contact(fresh="fresh=1" in query)
            return _json_answer({"id": contact_id})
        if name == "/policy":
            with self._lock:
                owned = sorted(self.report.created)
            return _json_answer(
                {
                    "mode": self.mode,
                    "unique": sorted(self.unique_fields),
                    "domain": RESERVED_DOMAIN,
                    "prefix": RESERVED_PREFIX,
                    "owned": owned,
                }
            )
        return 404, {"Content-Type": "text/plain"}, b"unknown guard control path"

    def _refusal(self, method: str, req: WireRequest) -> str | None:
        if method in SAFE_METHODS or self.mode == "disposable":
            return None
        if self.mode == "read-only":
            return f"{method} in a read-only run"
        found = _CONTACT_PATH.match(req.path)
        if found and re.fullmatch(r"\d+", found.group(1)) and not self.owns(int(found.group(1))):
            return f"contact {found.group(1)} was not created by this run"
        if req.path.rstrip("/") == "/contacts/batch/delete":
            for digits in _DIGITS.findall(unquote(req.raw_query)):
                if not self.owns(int(digits)):
                    return f"batch delete of contact {digits}, which this run did not create"
        if req.raw_body and not req.body_is_json:
            return None  # servers decode no parameters from other media types (§1.4)
        if _WRITE_BODIES.match(req.path.rstrip("/")):
            return self._body_refusal(req)
        return None

    def _body_refusal(self, req: WireRequest) -> str | None:
        body = req.body
        batch_edit = req.path.rstrip("/") == "/contacts/batch/edit"
        items: list[Any]
        if req.path.rstrip("/") in ("/contacts/batch/new", "/contacts/batch/edit"):
            if isinstance(body, dict) and "ids" in body:
                return "a batch body with `ids`"
            items = (
                list(body.values())
                if isinstance(body, dict)
                else list(body)
                if isinstance(body, list)
                else []
            )
        else:
            items = [body]
        for item in items:
            if not isinstance(item, dict):
                if batch_edit and any(not self.owns(int(d)) for d in _DIGITS.findall(json.dumps(item))):
                    return "a batch item naming a contact this run did not create"
                continue
            if batch_edit and "id" in item and not self._owned_value(item["id"]):
                return f"batch item id {item['id']!r} was not created by this run"
            for alias in self.unique_fields:
                if alias in item and not is_reserved(alias, item[alias]):
                    return f"unique identifier `{alias}` with a value that is not reserved"
        return None

    def _owned_value(self, value: Any) -> bool:
        if isinstance(value, bool):
            return False
        text = str(value)
        digits = _DIGITS.findall(text)
        if not digits:
            return True  # `rubbish` matches no contact (PUT creates one, PATCH answers 404)
        return all(self.owns(int(d)) for d in digits)

    def _track(self, method: str, req: WireRequest, response: httpx.Response) -> None:
        if method in SAFE_METHODS or response.status_code >= 300:
            return
        body = _json(response)
        path = req.path.rstrip("/")
        if re.fullmatch(r"/contacts/\d+/delete", path) or path == "/contacts/batch/delete":
            self._record_deleted(req, body)
            return
        if not _WRITE_BODIES.match(path) or not isinstance(body, dict):
            return
        if "contact" in body:
            answered = [(body.get("contact"), response.status_code, f"{method} {path}")]
        else:
            code_of = dict(_entries(body.get("statusCodes")))
            answered = [
                (contact, code_of.get(key, response.status_code), f"{method} {path} item {key}")
                for key, contact in _entries(body.get("contacts"))
            ]
        for contact, status, where in answered:
            unmarked = self._record(contact, status, where)
            if unmarked is not None:
                self._mark(unmarked)

    def _record(self, contact: Any, status: Any, where: str) -> int | None:
        """Record a contact a create answered; its id when it was created without a reserved email."""
        contact_id = contact.get("id") if isinstance(contact, dict) else None
        if not isinstance(contact, dict) or not isinstance(contact_id, int):
            return None
        with self._lock:
            if contact_id in self.report.created:
                return None
            if status == 200:
                # An existing contact answered: a create that matched by unique identifier.
                self.report.foreign.append(f"{where} answered contact {contact_id}, not created by this run")
                return None
            self.report.created.add(contact_id)
        return None if _reserved_email_of(contact) else contact_id

    def _mark(self, contact_id: int) -> None:
        """Give a contact the run created without a reserved email one (an empty body, a body in a
        media type the server does not decode, a JSON list): a sweep finds it even if the run dies."""
        response = self._own.patch(
            f"{self.upstream}/contacts/{contact_id}/edit", json={"email": reserved_email()}
        )
        with self._lock:
            if response.status_code == 200:
                self.report.marked += 1
            else:
                self.report.unmarked.append(contact_id)

    def _record_deleted(self, req: WireRequest, body: Any) -> None:
        ids: set[int] = set()
        found = re.fullmatch(r"/contacts/(\d+)/delete", req.path.rstrip("/"))
        if found:
            ids.add(int(found.group(1)))
        elif isinstance(body, dict):
            ids.update(
                c["id"]
                for _, c in _entries(body.get("contacts"))
                if isinstance(c, dict) and isinstance(c.get("id"), int)
            )
        with self._lock:
            self.report.deleted.update(ids & self.report.created)

    # -- cleanup -------------------------------------------------------------------------------
    def cleanup(self) -> GuardReport:
        """Close the gate, delete what the run created, then anything left with a reserved email; verify.

        Safe to interrupt: ``abandon()`` then reports what was not deleted yet.
        """
        if self.mode != "write":
            return self.report
        self.report.gate_timeout = not self.close_gate()
        with self._lock:
            remaining = sorted(self.report.created - self.report.deleted)
        for contact_id in remaining:
            status = self._delete(contact_id)
            if status in (200, 404):
                with self._lock:
                    self.report.deleted.add(contact_id)
                    self.report.cleaned += status == 200
        self._sweep()
        for contact_id in sorted(self.report.created):
            if self._own.get(f"{self.upstream}/contacts/{contact_id}").status_code != 404:
                self.report.left_over.append(contact_id)
        return self.report

    def abandon(self) -> GuardReport:
        """The cleanup was interrupted: report the run's contacts not known to be deleted."""
        with self._lock:
            self.closed = True
            self.report.abandoned = True
            self.report.left_over = sorted(self.report.created - self.report.deleted)
        return self.report

    def _delete(self, contact_id: int) -> int:
        return self._own.delete(f"{self.upstream}/contacts/{contact_id}/delete").status_code

    def _sweep(self, page: int = 200, max_pages: int = 10_000) -> None:
        """Contacts whose email is in the reserved domain belong to contract runs: delete them all.

        Lists them page by page (deleting shrinks the list, so only the contacts it could not delete
        are skipped) until a page comes back empty.
        """
        skipped = 0
        for _ in range(max_pages):
            query = {
                "where[0][col]": "email",
                "where[0][expr]": "like",
                "where[0][val]": f"%@{RESERVED_DOMAIN}",
                "start": str(skipped),
                "limit": str(page),
                "orderBy": "id",
                "minimal": "1",
            }
            response = self._own.get(f"{self.upstream}/contacts?{urlencode(query)}")
            body = _json(response)
            if response.status_code != 200 or not isinstance(body, dict):
                self.report.sweep_error = f"listing reserved contacts answered HTTP {response.status_code}"
                return
            entries = _entries(body.get("contacts"))
            if not entries:
                return
            for _, contact in entries:
                contact_id = contact.get("id") if isinstance(contact, dict) else None
                if not isinstance(contact_id, int) or not _reserved_email_of(contact):
                    skipped += 1
                    continue
                status = self._delete(contact_id)
                if status == 200:
                    self.report.swept += 1
                elif status != 404:
                    skipped += 1
        self.report.sweep_error = f"more than {max_pages} pages of reserved-domain contacts"


def _reserved_email_of(contact: dict[str, Any]) -> bool:
    """Whether a contact as answered carries a reserved email (in `fields.all`, or top-level)."""
    fields = contact.get("fields")
    values = fields.get("all") if isinstance(fields, dict) else None
    email = values.get("email") if isinstance(values, dict) else contact.get("email")
    return isinstance(email, str) and email != "" and is_reserved("email", email)


def _effective_method(req: WireRequest) -> str:
    """The method Mautic routes: POST may be overridden (`http_method_override`, §1.4)."""
    if req.method != "POST":
        return req.method
    override = req.headers.get("x-http-method-override") or ""
    if not override:
        candidate = req.query.get("_method")
        if req.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = req.body if isinstance(req.body, dict) else {}
            candidate = form.get("_method", candidate)
        override = candidate if isinstance(candidate, str) else ""
    return override.upper() if override.strip() else "POST"


def _entries(value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, list):
        return [(str(i), v) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items()]
    return []


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _json_answer(data: Any) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/json"}, json.dumps(data).encode()


def _refuse(reason: str) -> tuple[int, dict[str, str], bytes]:
    body = {
        "errors": [{"code": 599, "message": f"contract safety guard: {reason}", "type": "contract_guard"}]
    }
    return 599, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _handler_for(guard: Guard) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without TCP_NODELAY every keep-alive answer waits
        # for the client's delayed ACK (40 ms).
        disable_nagle_algorithm = True

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            status, headers, content = guard.handle(self.command, self.path, dict(self.headers.items()), body)
            self.send_response(status, "Blocked by the contract safety guard" if status == 599 else None)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(content)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_TRACE = _serve

        def do_QUERY(self) -> None:
            self._serve()

        def log_message(self, format: str, *args: Any) -> None:
            return  # requests may carry credentials in their URL; never log them

    return Handler
