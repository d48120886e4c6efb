"""Controllers of the /contacts endpoints: single and batch CRUD (LeadApiController / CommonApiController)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from ._contacts_read import load_contacts
from ._contacts_write import as_payload, find_duplicate, save_contact
from ._http import ApiError, ApiRequest, ApiResponse, controller_json
from ._list import list_contact_ids
from ._php import is_numeric, items, php_empty, str_getcsv
from ._serialize import contact_json
from ._store import Store

__all__ = ["NOT_FOUND", "Ctx", "php_array", "serialize_one"]

NOT_FOUND = "Item was not found."
BATCH_LIMIT = 200


@dataclass
class Ctx:
    store: Store
    count_cache_ttl: float = 0.0


def php_array(entries: dict[str, Any]) -> Any:
    """How PHP's json_encode writes an array: a list when keyed 0..n-1 in order, else an object."""
    if list(entries) == [str(i) for i in range(len(entries))]:
        return list(entries.values())
    return entries


def _select(req: ApiRequest, ctx: Ctx) -> set[str] | None:
    raw = req.get("select")
    if raw is None:
        return None
    if isinstance(raw, (dict, list)):
        wanted = {str(v) for _, v in items(raw) if not isinstance(v, (dict, list))}
        return wanted & set(ctx.store.fields.lead_by_alias)
    # A CSV string is one element matching no column: no restriction, but nulls are no longer sent.
    return set()


def serialize_one(
    ctx: Ctx, conn: sqlite3.Connection, contact_id: int, shape: str, **kw: Any
) -> dict[str, Any]:
    data = load_contacts(conn, [contact_id])[contact_id]
    return contact_json(ctx.store.fields, data, shape=shape, **kw)


def _contact_id(req: ApiRequest, name: str = "id") -> int:
    return int(req.path_params[name])


def list_contacts(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        ids, total = list_contact_ids(ctx.store, conn, req, ctx.count_cache_ttl)
        data = load_contacts(conn, ids)
    select = _select(req, ctx)
    minimal = not php_empty(req.get("minimal"))
    contacts = {
        str(i): contact_json(ctx.store.fields, data[i], shape="list", select=select, minimal=minimal)
        for i in ids
        if i in data
    }
    return controller_json({"total": str(total), "contacts": contacts})


def get_contact(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    contact_id = _contact_id(req)
    with ctx.store.db.transaction() as conn:
        data = load_contacts(conn, [contact_id])
    if contact_id not in data:
        raise ApiError(404, NOT_FOUND)
    contact = contact_json(ctx.store.fields, data[contact_id], shape="get", select=_select(req, ctx))
    return controller_json({"contact": contact})


def _created(ctx: Ctx, conn: sqlite3.Connection, contact_id: int, created: bool) -> ApiResponse:
    shape = "created" if created else "get"
    body = {"contact": serialize_one(ctx, conn, contact_id, shape)}
    if created:
        return controller_json(body, 201, {"Location": f"/api/contacts/{contact_id}"})
    return controller_json(body, 200)


def create_contact(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    payload = as_payload(req.body)
    with ctx.store.db.transaction() as conn:
        duplicate = find_duplicate(ctx.store, conn, payload)
        result = save_contact(
            ctx.store, conn, payload, method="POST", existing_id=duplicate, batch=False, user_id=req.user_id
        )
        return _created(ctx, conn, result.contact_id, result.created)


def edit_contact(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    contact_id = _contact_id(req)
    with ctx.store.db.transaction() as conn:
        exists = ctx.store.contact_exists(conn, contact_id)
        if not exists and req.method == "PATCH":
            raise ApiError(404, NOT_FOUND)
        result = save_contact(
            ctx.store,
            conn,
            req.body,
            method=req.method,
            existing_id=contact_id if exists else None,
            batch=False,
            user_id=req.user_id,
        )
        return _created(ctx, conn, result.contact_id, result.created)


def delete_contact(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    contact_id = _contact_id(req)
    with ctx.store.db.transaction() as conn:
        data = load_contacts(conn, [contact_id])
        if contact_id not in data:
            raise ApiError(404, NOT_FOUND)
        # Doctrine nulls the generated id once the row is removed.
        contact = contact_json(ctx.store.fields, data[contact_id], shape="get", deleted=True)
        conn.execute("DELETE FROM leads WHERE id = ?", (contact_id,))
    return controller_json({"contact": contact})


def _batch_entries(req: ApiRequest) -> list[tuple[str, Any]]:
    entries = items(req.body)
    if len(entries) > BATCH_LIMIT:
        raise ApiError(500, f"A max of {BATCH_LIMIT} entities are supported at a time.")
    return entries


def _validation_error(exc: ApiError) -> dict[str, Any]:
    return {"code": exc.status, "message": exc.message, "details": exc.details, "type": None}


def _batch_error(message: str, code: int) -> dict[str, Any]:
    return {"message": message, "code": code, "type": "api"}


def _batch_answer(
    ctx: Ctx,
    conn: sqlite3.Connection,
    saved: dict[str, tuple[int, bool]],
    status_codes: dict[str, int],
    errors: dict[str, Any],
    http_status: int,
) -> ApiResponse:
    # Serialized after every item ran: an id edited twice shows its final state for both keys.
    loaded = load_contacts(conn, [cid for cid, _ in saved.values()])
    contacts = {
        key: contact_json(ctx.store.fields, loaded[cid], shape="created" if created else "get")
        for key, (cid, created) in saved.items()
        if cid in loaded
    }
    body: dict[str, Any] = {"contacts": php_array(contacts), "statusCodes": php_array(status_codes)}
    if errors:
        body["errors"] = php_array(errors)
    return controller_json(body, http_status)


def create_contacts_batch(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    entries = _batch_entries(req)
    saved: dict[str, tuple[int, bool]] = {}
    status_codes: dict[str, int] = {}
    errors: dict[str, Any] = {}
    with ctx.store.db.transaction() as conn:
        for key, payload in entries:
            if not isinstance(payload, (dict, list)):
                status_codes[key] = 400
                errors[key] = _batch_error("This is a bad request.", 400)
                continue
            try:
                with ctx.store.db.savepoint():
                    body = as_payload(payload)
                    duplicate = find_duplicate(ctx.store, conn, body)
                    # newEntitiesAction binds a matched item's form as PATCH: nothing omitted is cleared.
                    result = save_contact(
                        ctx.store,
                        conn,
                        body,
                        method="POST" if duplicate is None else "PATCH",
                        existing_id=duplicate,
                        batch=True,
                        user_id=req.user_id,
                    )
            except ApiError as exc:
                status_codes[key] = exc.status
                errors[key] = _validation_error(exc)
                continue
            saved[key] = (result.contact_id, result.created)
            status_codes[key] = 201 if result.created else 200
        return _batch_answer(ctx, conn, saved, status_codes, errors, 201)


def _existing_id(ctx: Ctx, conn: sqlite3.Connection, raw: Any) -> int | None:
    if isinstance(raw, bool) or not is_numeric(raw):
        return None
    number = float(raw)
    if not number.is_integer():
        return None
    candidate = int(number)
    return candidate if ctx.store.contact_exists(conn, candidate) else None


def edit_contacts_batch(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    entries = _batch_entries(req)
    any_id = any(isinstance(p, dict) and p.get("id") is not None for _, p in entries)
    saved: dict[str, tuple[int, bool]] = {}
    status_codes: dict[str, int] = {}
    errors: dict[str, Any] = {}
    with ctx.store.db.transaction() as conn:
        for key, payload in entries:
            body = as_payload(payload)
            if not isinstance(payload, (dict, list)):
                status_codes[key] = 400
                errors[key] = _batch_error("This is a bad request.", 400)
                continue
            missing_id = body.get("id") is None
            existing = None if missing_id else _existing_id(ctx, conn, body["id"])
            if existing is None and req.method == "PATCH":
                status_codes[key] = 404
                errors[key] = _batch_error(NOT_FOUND, 404)
                continue
            try:
                with ctx.store.db.savepoint():
                    result = save_contact(
                        ctx.store,
                        conn,
                        body,
                        method=req.method,
                        existing_id=existing,
                        batch=True,
                        user_id=req.user_id,
                    )
            except ApiError as exc:
                status_codes[key] = exc.status
                errors[key] = _validation_error(exc)
                continue
            saved[key] = (result.contact_id, result.created)
            status_codes[key] = 201 if result.created else 200
            if missing_id and any_id:
                # Mautic records the missing id up front; PUT still creates the contact.
                status_codes[key] = 400
                errors[key] = _batch_error("mautic.api.call.id_missing", 400)
        return _batch_answer(ctx, conn, saved, status_codes, errors, 200)


_PHP_INT_KEY = re.compile(r"0|-?[1-9][0-9]*")


def _delete_ids(query: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(ids, the request key of each position) as BatchIdToEntityHelper extracts them."""
    if "ids" in query:
        raw = query["ids"]
        if isinstance(raw, dict):
            return [str(v) for v in raw.values()], list(raw)
        if isinstance(raw, str) and ("," in raw or is_numeric(raw)):
            ids = [v or "" for v in str_getcsv(raw)]
            return ids, [str(i) for i in range(len(ids))]
        # Unparsable: the helper records an error, but getBatchEntities returns before reporting it.
        return [], []
    if not query:
        return [], []
    first = next(iter(query.values()))
    if isinstance(first, dict):
        return [], []
    values = [str(v) for v in query.values() if not isinstance(v, dict)]
    return values, [str(i) for i in range(len(values))]


def _as_array_key(raw: str) -> int | None:
    """The contact id ``raw`` names as a PHP array key: only canonical integers match an id."""
    if not _PHP_INT_KEY.fullmatch(raw) or not -(2**63) <= int(raw) < 2**63:
        return None
    return int(raw)


def delete_contacts_batch(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    ids, keys = _delete_ids(req.query)
    # The SQL lookup finds rows for any numeric spelling, but orderByOriginalKey then looks each id up
    # as a PHP array key, so only canonical ids are answered (and deleted).
    positions = [(key, _as_array_key(raw)) for key, raw in zip(keys, ids, strict=False)]
    with ctx.store.db.transaction() as conn:
        loaded = load_contacts(conn, list(dict.fromkeys(cid for _, cid in positions if cid is not None)))
        # Serialized before the rows go, so ids are still present; an id listed twice is answered twice.
        contacts = {
            key: contact_json(ctx.store.fields, loaded[cid], shape="get")
            for key, cid in positions
            if cid is not None and cid in loaded
        }
        errors: dict[str, Any] = {}
        deleted: set[int] = set()
        for key, cid in positions:
            if cid is None or cid not in loaded:
                continue
            if cid in deleted:
                # Doctrine nulled the id of the entity deleted at an earlier position.
                errors[key] = _batch_error(NOT_FOUND, 404)
                continue
            conn.execute("DELETE FROM leads WHERE id = ?", (cid,))
            deleted.add(cid)
    body: dict[str, Any] = {"contacts": php_array(contacts)}
    if errors:
        body["errors"] = php_array(errors)
    return controller_json(body)
