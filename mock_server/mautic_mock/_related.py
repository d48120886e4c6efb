"""Read-only sub-resources of a contact and the lookup lists (notes, devices, segments, ...)."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from ._fields import FieldRegistry
from ._http import ApiRequest, framework_error
from ._php import php_intval
from ._serialize import drop_nulls
from ._values import iso, now_utc

__all__ = [
    "contact_campaigns",
    "contact_companies",
    "contact_devices",
    "contact_notes",
    "contact_segments",
    "field_list",
    "owner_list",
    "segment_list",
]

NOTE_PROPS = {"id": "id", "text": "text", "type": "type", "dateTime": "date_time", "dateAdded": "date_added"}
DEVICE_PROPS = {
    "id": "id",
    "dateAdded": "date_added",
    "device": "device",
    "deviceOsName": "device_os_name",
    "deviceOsShortName": "device_os_shortname",
    "deviceOsVersion": "device_os_version",
    "deviceOsPlatform": "device_os_platform",
    "deviceBrand": "device_brand",
    "deviceModel": "device_model",
    "clientInfo": "client_info",
}


def _order(req: ApiRequest, alias: str, props: dict[str, str], default: str) -> str:
    """``orderBy`` is a Doctrine property path (``n.dateAdded``); an unknown one is a DQL error (500)."""
    raw = req.qs("orderBy", default)
    name = re.sub(r"[^A-Za-z0-9_.]", "", str(raw)) if not isinstance(raw, (dict, list)) else ""
    if "." in name:
        prefix, _, name = name.partition(".")
        if prefix != alias:
            raise framework_error(500)
    if name not in props:
        raise framework_error(500)
    direction = re.sub(r"[^A-Za-z]", "", str(req.qs("orderByDir", "DESC"))).upper() or "ASC"
    if direction not in ("ASC", "DESC"):
        raise framework_error(500)
    return f"{props[name]} {direction}, id {direction}"


def _paging(req: ApiRequest) -> tuple[int, int]:
    """(offset, limit), -1 for no limit: like the contact list, ``start`` only counts with a limit."""
    limit_raw = req.qs("limit", 30)
    limit = php_intval(limit_raw) if not isinstance(limit_raw, (dict, list)) else 30
    if limit == 0:
        return 0, -1
    start_raw = req.qs("start", "0")
    start = php_intval(start_raw) if not isinstance(start_raw, (dict, list)) else 0
    if start < 0 or limit < 0:
        raise framework_error(500)
    return min(start, 2**63 - 1), min(limit, 2**63 - 1)


def _search_sql(search: Any, columns: list[str], commands: dict[str, str]) -> tuple[str, list[Any]]:
    if not isinstance(search, str) or not search.strip():
        return "", []
    parts, params = [], []
    for word in search.split():
        command, sep, value = word.partition(":")
        if sep and command.lower() in commands:
            parts.append(f"{commands[command.lower()]} = ?")
            params.append(value)
        else:
            parts.append("(" + " OR ".join(f"{c} LIKE ?" for c in columns) + ")")
            params.extend([f"%{word}%"] * len(columns))
    return " AND " + " AND ".join(parts), params


def contact_notes(conn: sqlite3.Connection, contact_id: int, req: ApiRequest) -> dict[str, Any]:
    order = _order(req, "n", NOTE_PROPS, "n.dateAdded")
    start, limit = _paging(req)
    search_sql, search_params = _search_sql(req.qs("search", ""), ["text"], {"type": "type"})
    base = f"FROM lead_notes WHERE lead_id = ?{search_sql}"
    args = [contact_id, *search_params]
    total = conn.execute(f"SELECT COUNT(*) AS n {base}", args).fetchone()["n"]
    rows = conn.execute(
        f"SELECT * {base} ORDER BY {order} LIMIT ? OFFSET ?", [*args, limit, start]
    ).fetchall()
    notes = {
        str(r["id"]): drop_nulls(
            {"id": r["id"], "text": r["text"], "type": r["type"], "dateTime": iso(r["date_time"]), "lead": {}}
        )
        for r in rows
    }
    return {"total": int(total), "notes": notes if notes else []}


def contact_devices(conn: sqlite3.Connection, contact_id: int, req: ApiRequest) -> dict[str, Any]:
    order = _order(req, "d", DEVICE_PROPS, "d.dateAdded")
    start, limit = _paging(req)
    columns = ["device", "device_os_name", "device_brand", "device_model"]
    search_sql, search_params = _search_sql(req.qs("search", ""), columns, {})
    base = f"FROM lead_devices WHERE lead_id = ?{search_sql}"
    args = [contact_id, *search_params]
    total = conn.execute(f"SELECT COUNT(*) AS n {base}", args).fetchone()["n"]
    rows = conn.execute(
        f"SELECT * {base} ORDER BY {order} LIMIT ? OFFSET ?", [*args, limit, start]
    ).fetchall()
    devices = {}
    for r in rows:
        devices[str(r["id"])] = drop_nulls(
            {
                "id": r["id"],
                "lead": {},
                "clientInfo": json.loads(r["client_info"]) if r["client_info"] else None,
                "device": r["device"],
                "deviceBrand": r["device_brand"],
                "deviceModel": r["device_model"],
                "deviceOsName": r["device_os_name"],
                "deviceOsShortName": r["device_os_shortname"],
                "deviceOsVersion": r["device_os_version"],
                "deviceOsPlatform": r["device_os_platform"],
            }
        )
    return {"total": int(total), "devices": devices if devices else []}


def contact_segments(conn: sqlite3.Connection, contact_id: int) -> dict[str, Any]:
    rows = conn.execute(
        "SELECT s.id, s.name, s.alias, m.date_added, m.manually_added, m.manually_removed"
        " FROM lead_lists_leads m JOIN lead_lists s ON s.id = m.leadlist_id"
        " WHERE m.lead_id = ? AND m.manually_removed = 0 ORDER BY s.id",
        (contact_id,),
    ).fetchall()
    lists = {
        str(r["id"]): {
            "id": r["id"],
            "name": r["name"],
            "alias": r["alias"],
            "dateAdded": iso(r["date_added"]),
            "manuallyAdded": bool(r["manually_added"]),
            "manuallyRemoved": bool(r["manually_removed"]),
        }
        for r in rows
    }
    return {"total": len(lists), "lists": lists if lists else []}


def contact_campaigns(conn: sqlite3.Connection, contact_id: int) -> dict[str, Any]:
    now = now_utc().strftime("%Y-%m-%d %H:%M:%S")
    rows = conn.execute(
        "SELECT c.id, c.name, m.date_added, m.manually_added, m.manually_removed FROM campaign_leads m"
        " JOIN campaigns c ON c.id = m.campaign_id WHERE m.lead_id = ? AND m.manually_removed = 0"
        " AND c.is_published = 1 AND (c.publish_up IS NULL OR c.publish_up <= ?)"
        " AND (c.publish_down IS NULL OR c.publish_down >= ?) ORDER BY c.id",
        (contact_id, now, now),
    ).fetchall()
    member_of = {
        r["leadlist_id"]
        for r in conn.execute(
            "SELECT leadlist_id FROM lead_lists_leads WHERE lead_id = ? AND manually_removed = 0",
            (contact_id,),
        )
    }
    campaigns: dict[str, Any] = {}
    for r in rows:
        segments = [
            x["leadlist_id"]
            for x in conn.execute(
                "SELECT leadlist_id FROM campaign_leadlist_xref WHERE campaign_id = ? ORDER BY leadlist_id",
                (r["id"],),
            )
        ]
        entry: dict[str, Any] = {"id": r["id"], "name": r["name"]}
        if segments:
            entry["listMembership"] = [s for s in segments if s in member_of]
        else:
            entry["lists"] = []
        entry.update(
            {
                "dateAdded": iso(r["date_added"]),
                "manuallyRemoved": bool(r["manually_removed"]),
                "manuallyAdded": bool(r["manually_added"]),
            }
        )
        campaigns[str(r["id"])] = entry
    return {"total": len(campaigns), "campaigns": campaigns if campaigns else []}


def contact_companies(conn: sqlite3.Connection, contact_id: int) -> dict[str, Any]:
    rows = conn.execute(
        "SELECT cl.company_id, cl.date_added AS date_associated, cl.is_primary, comp.*"
        " FROM companies_leads cl JOIN companies comp ON comp.id = cl.company_id"
        " WHERE cl.lead_id = ? ORDER BY cl.date_added, cl.company_id",
        (contact_id,),
    ).fetchall()
    companies = []
    for r in rows:
        # DBAL fetches every value as a string; null columns are left out.
        companies.append({k: _dbal_string(v) for k, v in dict(r).items() if v is not None})
    return {"total": len(companies), "companies": companies}


def _dbal_string(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def owner_list(conn: sqlite3.Connection, req: ApiRequest) -> list[dict[str, Any]]:
    filter_raw = req.qs("filter")
    text = filter_raw if isinstance(filter_raw, str) else ""
    sql = "SELECT id, first_name, last_name FROM users WHERE is_published = 1"
    args: list[Any] = []
    if text:
        sql += " AND (first_name LIKE ? OR last_name LIKE ? OR (first_name || ' ' || last_name) LIKE ?)"
        args.extend([f"{text}%"] * 3)
    sql += " ORDER BY first_name, last_name, id"
    limit = php_intval(req.qs("limit")) if isinstance(req.qs("limit"), str) else 0
    start = php_intval(req.qs("start")) if isinstance(req.qs("start"), str) else 0
    if limit > 0:
        sql += " LIMIT ? OFFSET ?"
        args.extend([min(limit, 2**63 - 1), max(0, min(start, 2**63 - 1))])
    rows = conn.execute(sql, args).fetchall()
    return [{"id": r["id"], "firstName": r["first_name"], "lastName": r["last_name"]} for r in rows]


def field_list(fields: FieldRegistry) -> dict[str, Any]:
    return {
        str(f.id): {
            "id": f.id,
            "label": f.label,
            "alias": f.alias,
            "type": f.type,
            "group": f.group,
            "order": f.order,
            "object": f.object,
        }
        for f in fields.all
        if f.is_published
    }


def segment_list(conn: sqlite3.Connection) -> dict[str, Any] | list[Any]:
    rows = conn.execute(
        "SELECT id, name, alias FROM lead_lists WHERE is_published = 1 ORDER BY name, id"
    ).fetchall()
    result = {str(r["id"]): {"id": r["id"], "name": r["name"], "alias": r["alias"]} for r in rows}
    return result if result else []
