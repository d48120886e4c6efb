"""Writes besides contact saves: points, point groups, UTM sets (and the devices they create)."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from ._http import ApiError, framework_error
from ._php import html_sanitize_special_chars, is_numeric, parse_query, php_empty
from ._useragent import parse_user_agent
from ._values import format_dt, now_utc, parse_datetime

__all__ = [
    "add_utm",
    "adjust_group_points",
    "adjust_points",
    "group_score_json",
    "parse_int_segment",
    "remove_utm",
]

OPERATOR_NAMES = {"plus": "add (+)", "minus": "subtract (-)", "times": "multiply (x)", "divide": "divide (/)"}
UTM_KEYS = (
    "utm_campaign",
    "utm_source",
    "utm_medium",
    "utm_content",
    "utm_term",
    "user_agent",
    "url",
    "referer",
    "query",
    "remote_host",
)


def parse_int_segment(raw: str) -> int:
    """A path segment bound to a PHP ``int`` argument in coercive mode: a numeric string (surrounding
    whitespace, fraction and exponent allowed) is truncated to an integer; anything else is a TypeError
    (500). Amounts beyond the INT(11) columns they are logged in fail in the database (500 too)."""
    if not is_numeric(raw):
        raise framework_error(500)
    text = raw.strip()
    number = int(text) if re.fullmatch(r"[+-]?\d+", text) else float(text)
    if abs(number) >= 2**31:
        raise framework_error(500)
    return int(number)


def _apply(current: int, operator: str, value: int) -> int:
    if operator == "plus":
        result = current + value
    elif operator == "minus":
        result = current - value
    elif operator == "times":
        result = current * value
    elif operator == "divide":
        if value == 0:
            raise framework_error(500)
        result = int(current / value)
    else:
        result = value  # set
    if not -(2**31) <= result <= 2**31 - 1:
        # Out of range for the INT column: the database refuses it and Mautic answers a generic 500.
        raise framework_error(500)
    return result


def _clean_text(value: Any, default: str) -> str:
    if value is None or isinstance(value, (dict, list)):
        return default
    return html_sanitize_special_chars(str(value))


def adjust_points(conn: sqlite3.Connection, contact_id: int, operator: str, delta: int, body: Any) -> bool:
    """POST /contacts/{leadId}/points/{operator}/{delta}; logs the change as Mautic does (raw delta).

    Tells whether the points changed (a change ``Lead::getChanges()`` records)."""
    if delta == 0:
        return False
    if operator not in OPERATOR_NAMES:
        raise ApiError(400, "Invalid operator")
    params = body if isinstance(body, dict) else {}
    event_name = _clean_text(params.get("eventName"), OPERATOR_NAMES[operator])
    action_name = _clean_text(params.get("actionName"), "API")
    current = int(conn.execute("SELECT points FROM leads WHERE id = ?", (contact_id,)).fetchone()["points"])
    now = format_dt(now_utc())
    new = _apply(current, operator, delta)
    conn.execute("UPDATE leads SET points = ? WHERE id = ?", (new, contact_id))
    conn.execute(
        "INSERT INTO lead_points_change_log (lead_id, type, event_name, action_name, delta, date_added)"
        " VALUES (?,?,?,?,?,?)",
        (contact_id, "API", event_name, action_name, delta, now),
    )
    return new != current


def group_score_json(conn: sqlite3.Connection, contact_id: int, group_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT s.score, g.id, g.name, g.description FROM point_group_contact_score s"
        " JOIN point_groups g ON g.id = s.group_id WHERE s.contact_id = ? AND s.group_id = ?",
        (contact_id, group_id),
    ).fetchone()
    if row is None:
        return None
    group = {"id": row["id"], "name": row["name"]}
    if row["description"] is not None:
        group["description"] = row["description"]
    return {"score": row["score"], "group": group}


def adjust_group_points(
    conn: sqlite3.Connection, contact_id: int, group_id: int, operator: str, value: int, body: Any
) -> dict[str, Any] | None:
    if operator not in ("plus", "minus", "times", "divide", "set"):
        raise ApiError(400, "The requested operation is not permitted.")
    row = conn.execute(
        "SELECT score FROM point_group_contact_score WHERE contact_id = ? AND group_id = ?",
        (contact_id, group_id),
    ).fetchone()
    old = int(row["score"]) if row else 0
    new = _apply(old, operator, value)
    conn.execute(
        "INSERT INTO point_group_contact_score (contact_id, group_id, score) VALUES (?,?,?)"
        " ON CONFLICT (contact_id, group_id) DO UPDATE SET score = excluded.score",
        (contact_id, group_id, new),
    )
    params = body if isinstance(body, dict) else {}
    if new == old:
        # Lead::addPointsChangeLogEntry records nothing for a zero delta.
        return group_score_json(conn, contact_id, group_id)
    conn.execute(
        "INSERT INTO lead_points_change_log (lead_id, group_id, type, event_name, action_name, delta,"
        " date_added)"
        " VALUES (?,?,?,?,?,?,?)",
        (
            contact_id,
            group_id,
            "API",
            _clean_text(params.get("eventName"), "Manual change"),
            _clean_text(params.get("actionName"), "API"),
            new - old,
            format_dt(now_utc()),
        ),
    )
    return group_score_json(conn, contact_id, group_id)


def add_utm(conn: sqlite3.Connection, contact_id: int, body: Any) -> bool:
    """POST /contacts/{id}/utm/add (LeadModel::addUTMTags): always a new UTM set.

    Tells whether the contact recorded a change: ``Lead::isChanged('utmtags')`` only notes a set with
    a non-empty utm_* value, and a ``lastActive`` is a change of its own."""
    params = dict(body) if isinstance(body, dict) else {}
    if "useragent" in params and "user_agent" not in params:
        params["user_agent"] = params["useragent"]
    if "remotehost" in params and "remote_host" not in params:
        params["remote_host"] = params["remotehost"]
    values: dict[str, Any] = {}
    for key in UTM_KEYS:
        raw = params.get(key)
        if raw is None:
            continue
        if key == "query":
            query = raw if isinstance(raw, dict) else (parse_query(raw) if isinstance(raw, str) else None)
            if isinstance(raw, list):
                query = {str(i): v for i, v in enumerate(raw)}
            if query:
                values[key] = json.dumps(query)
            continue
        if isinstance(raw, (dict, list)):
            continue
        values[key] = str(raw)
    now = now_utc()
    last_active = (
        parse_datetime(params.get("lastActive")) if params.get("lastActive") not in (None, "") else None
    )
    date_added = format_dt(last_active or now)
    columns = ["lead_id", "date_added", *values]
    conn.execute(
        f"INSERT INTO lead_utmtags ({','.join(columns)}) VALUES ({','.join('?' for _ in columns)})",
        [contact_id, date_added, *values.values()],
    )
    if last_active is not None:
        conn.execute("UPDATE leads SET last_active = ? WHERE id = ?", (format_dt(last_active), contact_id))
    agent = params.get("useragent")
    if isinstance(agent, str) and agent:
        _add_device(conn, contact_id, agent, format_dt(now))
    tracked = ("utm_content", "utm_medium", "utm_campaign", "utm_term", "utm_source")
    return last_active is not None or any(not php_empty(values.get(key)) for key in tracked)


def _add_device(conn: sqlite3.Connection, contact_id: int, agent: str, now: str) -> None:
    device = parse_user_agent(agent)
    client_info = json.dumps(device["client_info"]) if device["client_info"] else None
    existing = conn.execute(
        "SELECT id FROM lead_devices WHERE lead_id = ? AND client_info IS ? AND device IS ?"
        " AND device_os_name IS ?"
        " AND device_brand IS ? AND device_model IS ?",
        (
            contact_id,
            client_info,
            device["device"],
            device["device_os_name"],
            device["device_brand"],
            device["device_model"],
        ),
    ).fetchone()
    if existing:
        return
    conn.execute(
        "INSERT INTO lead_devices (lead_id, date_added, client_info, device, device_os_name,"
        " device_os_shortname,"
        " device_os_version, device_os_platform, device_brand, device_model) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            contact_id,
            now,
            client_info,
            device["device"],
            device["device_os_name"],
            device["device_os_shortname"],
            device["device_os_version"],
            device["device_os_platform"],
            device["device_brand"],
            device["device_model"],
        ),
    )


def remove_utm(conn: sqlite3.Connection, contact_id: int, utm_id: int) -> None:
    """POST /contacts/{id}/utm/{utmid}/remove: an id not among the contact's sets is a 400."""
    if not 0 <= utm_id <= 2**63 - 1:
        raise ApiError(400, "This is a bad request.")
    cursor = conn.execute("DELETE FROM lead_utmtags WHERE id = ? AND lead_id = ?", (utm_id, contact_id))
    if cursor.rowcount == 0:
        raise ApiError(400, "This is a bad request.")
