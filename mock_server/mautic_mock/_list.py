"""GET /contacts: filtering (where, search, published), ordering and paging (§3 of the reference)."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from typing import Any

from ._http import ApiRequest, framework_error
from ._php import items, php_empty, php_intval
from ._search import build_search
from ._store import Store
from ._where import build_where, resolve_column

__all__ = ["list_contact_ids"]

MAX_SQL_INT = 2**63 - 1


def _direction(raw: Any) -> str:
    direction = re.sub(r"[^A-Za-z0-9]", "", str(raw)).upper() if raw is not None else "ASC"
    if direction not in ("", "ASC", "DESC"):
        raise framework_error(500)
    return direction or "ASC"


def _order_sql(store: Store, req: ApiRequest) -> str:
    columns = store.lead_columns
    order = req.get("order")
    parts: list[str] = []
    if isinstance(order, (dict, list)) and order:
        for _, entry in items(order):
            if not isinstance(entry, dict) or entry.get("col") is None:
                raise framework_error(500)
            col = resolve_column(entry["col"], columns)
            parts.append(f"{col} {_direction(entry.get('dir', 'ASC'))}")
    elif not php_empty(req.qs("orderBy")) and isinstance(req.qs("orderBy"), str):
        direction = _direction(req.qs("orderByDir", "ASC"))
        for name in str(req.qs("orderBy")).split(","):
            parts.append(f"{resolve_column(name.strip(), columns)} {direction}")
    else:
        parts.append("l.last_active DESC")
    return ", ".join([*parts, "l.id ASC"])


def _paging(req: ApiRequest) -> tuple[int, int]:
    """(offset, limit); limit -1 means no limit (SQLite's spelling of it).

    buildLimiterClauses sets the offset only together with a non-empty limit: without one, ``start`` is
    ignored entirely. A limit DBAL casts to 0 (``abc``, ``0.0``) is LIMIT 0: an empty page.
    """
    limit_raw = req.qs("limit", 30)
    if isinstance(limit_raw, (dict, list)):
        limit_raw = 30
    if php_empty(limit_raw):
        return 0, -1
    limit = php_intval(limit_raw)
    start_raw = req.qs("start", 0)
    start = php_intval(start_raw) if not isinstance(start_raw, (dict, list)) else 0
    if start < 0 or limit < 0:
        raise framework_error(500)
    return min(start, MAX_SQL_INT), min(limit, MAX_SQL_INT)


def list_contact_ids(
    store: Store, conn: sqlite3.Connection, req: ApiRequest, count_cache_ttl: float
) -> tuple[list[int], int]:
    """The page of contact ids in answer order, and the total."""
    conditions: list[str] = []
    params: list[Any] = []
    where = build_where(req.get("where"), store.lead_columns)
    if where is not None:
        conditions.append(where[0])
        params.extend(where[1])
    elif not php_empty(req.get("published")):
        conditions.append("l.is_published = 1")
    search_raw = req.qs("search", "")
    search = build_search(search_raw if isinstance(search_raw, str) else "", store.fields, req.user_id)
    if search is not None:
        conditions.append(search[0])
        params.extend(search[1])
    where_sql = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    order_sql = _order_sql(store, req)
    offset, limit = _paging(req)
    try:
        rows = conn.execute(
            f"SELECT l.id FROM leads l{where_sql} ORDER BY {order_sql} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        total = _count(store, conn, where_sql, params, count_cache_ttl)
    except (sqlite3.Error, OverflowError) as exc:
        raise framework_error(500) from exc
    return [int(r["id"]) for r in rows], total


def _count(store: Store, conn: sqlite3.Connection, where_sql: str, params: list[Any], ttl: float) -> int:
    key = json.dumps([where_sql, params], default=str)
    now = time.monotonic()
    if ttl > 0:
        with store.count_cache_lock:
            cached = store.count_cache.get(key)
            if cached and cached[0] > now:
                return cached[1]
    total = int(conn.execute(f"SELECT COUNT(l.id) AS n FROM leads l{where_sql}", params).fetchone()["n"])
    if ttl > 0:
        with store.count_cache_lock:
            store.count_cache[key] = (now + ttl, total)
    return total
