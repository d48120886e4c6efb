"""Seed data (``--data FILE``): validated, then written in the same transaction as the install."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._fields import FIELD_TYPES, GROUPS, insert_field
from ._http import ApiError
from ._values import format_dt, now_utc, parse_datetime

if TYPE_CHECKING:
    from ._store import Store

__all__ = ["FakeDataError", "load_data", "read_data"]

TOP_LEVEL = ("fields", "stages", "segments", "campaigns", "companies", "pointGroups", "contacts")
CONTACT_EXTRAS = {
    "isPublished",
    "tags",
    "owner",
    "stage",
    "companies",
    "segments",
    "campaigns",
    "notes",
    "doNotContact",
    "pointGroups",
    "ipAddress",
    "lastActive",
    "dateAdded",
}
NOTE_TYPES = ("general", "email", "call", "meeting")


class FakeDataError(ValueError):
    """The data file is not valid; the message says where and why."""


def read_data(data: str | Path | dict[str, Any]) -> dict[str, Any]:
    """The data as a dict, from a JSON file path or an already-parsed mapping."""
    if isinstance(data, dict):
        return data
    path = Path(data)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FakeDataError(f"data file {path}: cannot read it ({exc.strerror})") from exc
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FakeDataError(
            f"data file {path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    if not isinstance(parsed, dict):
        raise FakeDataError(f"data file {path}: the top level must be a JSON object")
    return parsed


def _objects(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise FakeDataError(f"{key}: must be a list of objects")
    for index, entry in enumerate(value):
        if not isinstance(entry, dict):
            raise FakeDataError(f"{key}[{index}]: must be an object")
    return value


def _check_keys(where: str, entry: dict[str, Any], allowed: set[str], required: tuple[str, ...] = ()) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise FakeDataError(
            f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )
    for key in required:
        if entry.get(key) in (None, ""):
            raise FakeDataError(f"{where}: '{key}' is required")


def _text(where: str, value: Any, *, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise FakeDataError(f"{where}: must be a string")
    return value


def _flag(where: str, value: Any, default: bool) -> int:
    if value is None:
        return int(default)
    if not isinstance(value, bool):
        raise FakeDataError(f"{where}: must be true or false")
    return int(value)


def _date(where: str, value: Any) -> str | None:
    if value is None:
        return None
    parsed = parse_datetime(value)
    if parsed is None:
        raise FakeDataError(f"{where}: not a date/time: {value!r}")
    return format_dt(parsed)


class _Refs:
    """Name → id lookups for references between sections (by id, or by name/alias)."""

    def __init__(self) -> None:
        self.maps: dict[str, dict[str, int]] = {}
        self.ids: dict[str, set[int]] = {}

    def add(self, kind: str, ident: int, *names: str | None) -> None:
        self.ids.setdefault(kind, set()).add(ident)
        for name in names:
            if name:
                self.maps.setdefault(kind, {})[name.lower()] = ident

    def resolve(self, where: str, kind: str, ref: Any) -> int:
        if isinstance(ref, bool):
            raise FakeDataError(f"{where}: a {kind} reference must be an id or a name")
        if isinstance(ref, str) and ref.isdigit() and int(ref) in self.ids.get(kind, set()):
            return int(ref)
        if isinstance(ref, int) and ref in self.ids.get(kind, set()):
            return ref
        if isinstance(ref, str) and ref.lower() in self.maps.get(kind, {}):
            return self.maps[kind][ref.lower()]
        raise FakeDataError(f"{where}: unknown {kind} {ref!r}")


def load_data(store: Store, conn: sqlite3.Connection, data: dict[str, Any]) -> None:
    """Validate and insert every section; raises FakeDataError naming the faulty entry."""
    unknown = sorted(set(data) - set(TOP_LEVEL))
    if unknown:
        raise FakeDataError(f"unknown top-level key(s) {', '.join(unknown)}; allowed: {', '.join(TOP_LEVEL)}")
    now = format_dt(now_utc())
    refs = _Refs()
    _load_fields(store, conn, _objects(data, "fields"))
    for i, s in enumerate(_objects(data, "stages")):
        where = f"stages[{i}]"
        _check_keys(where, s, {"name", "description", "weight", "category", "isPublished"}, ("name",))
        weight = s.get("weight", 0)
        if isinstance(weight, bool) or not isinstance(weight, int):
            raise FakeDataError(f"{where}.weight: must be an integer")
        cur = conn.execute(
            "INSERT INTO stages (name, description, weight, category, is_published, date_added)"
            " VALUES (?,?,?,?,?,?)",
            (
                _text(where, s["name"], optional=False),
                _text(where, s.get("description")),
                weight,
                _text(where, s.get("category")),
                _flag(where, s.get("isPublished"), True),
                now,
            ),
        )
        refs.add("stage", int(cur.lastrowid or 0), s["name"])
    for i, g in enumerate(_objects(data, "segments")):
        where = f"segments[{i}]"
        _check_keys(
            where, g, {"name", "alias", "description", "isPublished", "isGlobal", "publicName"}, ("name",)
        )
        name = _text(where, g["name"], optional=False) or ""
        alias = _text(where, g.get("alias")) or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        cur = conn.execute(
            "INSERT INTO lead_lists (name, alias, public_name, description, is_published, is_global,"
            " date_added)"
            " VALUES (?,?,?,?,?,?,?)",
            (
                name,
                alias,
                _text(where, g.get("publicName")) or name,
                _text(where, g.get("description")),
                _flag(where, g.get("isPublished"), True),
                _flag(where, g.get("isGlobal"), True),
                now,
            ),
        )
        refs.add("segment", int(cur.lastrowid or 0), name, alias)
    for i, c in enumerate(_objects(data, "campaigns")):
        where = f"campaigns[{i}]"
        _check_keys(
            where,
            c,
            {"name", "description", "isPublished", "publishUp", "publishDown", "segments"},
            ("name",),
        )
        cur = conn.execute(
            "INSERT INTO campaigns (name, description, is_published, publish_up, publish_down, date_added)"
            " VALUES (?,?,?,?,?,?)",
            (
                _text(where, c["name"], optional=False),
                _text(where, c.get("description")),
                _flag(where, c.get("isPublished"), True),
                _date(f"{where}.publishUp", c.get("publishUp")),
                _date(f"{where}.publishDown", c.get("publishDown")),
                now,
            ),
        )
        campaign_id = int(cur.lastrowid or 0)
        refs.add("campaign", campaign_id, c["name"])
        for j, ref in enumerate(_list(f"{where}.segments", c.get("segments"))):
            segment_id = refs.resolve(f"{where}.segments[{j}]", "segment", ref)
            conn.execute(
                "INSERT OR IGNORE INTO campaign_leadlist_xref (campaign_id, leadlist_id) VALUES (?,?)",
                (campaign_id, segment_id),
            )
    company_fields = {f.alias for f in store.fields.company}
    for i, comp in enumerate(_objects(data, "companies")):
        where = f"companies[{i}]"
        _check_keys(where, comp, company_fields | {"score", "isPublished"}, ("companyname",))
        values = {k: v for k, v in comp.items() if k in company_fields}
        for key, value in values.items():
            if value is not None and not isinstance(value, (str, int, float)):
                raise FakeDataError(f"{where}.{key}: must be a string or a number")
        values.update(
            {"score": comp.get("score", 0), "is_published": _flag(where, comp.get("isPublished"), True)}
        )
        values["date_added"] = now
        cols = ",".join(f'"{k}"' for k in values)
        cur = conn.execute(
            f"INSERT INTO companies ({cols}) VALUES ({','.join('?' for _ in values)})", list(values.values())
        )
        refs.add("company", int(cur.lastrowid or 0), str(comp["companyname"]))
    for i, pg in enumerate(_objects(data, "pointGroups")):
        where = f"pointGroups[{i}]"
        _check_keys(where, pg, {"name", "description", "isPublished"}, ("name",))
        cur = conn.execute(
            "INSERT INTO point_groups (name, description, is_published) VALUES (?,?,?)",
            (
                _text(where, pg["name"], optional=False),
                _text(where, pg.get("description")),
                _flag(where, pg.get("isPublished"), True),
            ),
        )
        refs.add("point group", int(cur.lastrowid or 0), pg["name"])
    for i, contact in enumerate(_objects(data, "contacts")):
        _load_contact(store, conn, f"contacts[{i}]", contact, refs, now)


def _list(where: str, value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FakeDataError(f"{where}: must be a list")
    return value


def _load_fields(store: Store, conn: sqlite3.Connection, specs: list[dict[str, Any]]) -> None:
    if not specs:
        return
    next_id = int(conn.execute("SELECT MAX(id) AS m FROM lead_fields").fetchone()["m"]) + 1
    next_order = (
        int(
            conn.execute("SELECT MAX(field_order) AS m FROM lead_fields WHERE object = 'lead'").fetchone()[
                "m"
            ]
        )
        + 1
    )
    taken = {r["alias"] for r in conn.execute("SELECT alias FROM lead_fields")}
    reserved = set(store.lead_columns) | set(store.company_columns) | {"tags", "owner", "stage", "companies"}
    allowed = {
        "alias",
        "label",
        "type",
        "group",
        "properties",
        "defaultValue",
        "isRequired",
        "isUniqueIdentifier",
        "isPublished",
        "isVisible",
        "isListable",
    }
    for i, spec in enumerate(specs):
        where = f"fields[{i}]"
        _check_keys(where, spec, allowed, ("alias", "label"))
        alias = spec["alias"]
        if not isinstance(alias, str) or not re.fullmatch(r"[a-z][a-z0-9_]{0,24}", alias):
            raise FakeDataError(
                f"{where}.alias: must match [a-z][a-z0-9_]* (at most 25 characters): {alias!r}"
            )
        if alias in taken or alias in reserved or alias in CONTACT_EXTRAS:
            raise FakeDataError(f"{where}.alias: {alias!r} is already used")
        ftype = spec.get("type", "text")
        if ftype not in FIELD_TYPES:
            raise FakeDataError(f"{where}.type: {ftype!r} is not one of {', '.join(sorted(FIELD_TYPES))}")
        group = spec.get("group", "core")
        if group not in GROUPS:
            raise FakeDataError(f"{where}.group: {group!r} is not one of {', '.join(GROUPS)}")
        properties = spec.get("properties", [])
        if not isinstance(properties, (dict, list)):
            raise FakeDataError(f"{where}.properties: must be an object")
        if ftype in ("select", "multiselect") and not (
            isinstance(properties, dict) and properties.get("list")
        ):
            raise FakeDataError(f"{where}.properties.list: {ftype} fields need a list of options")
        default = spec.get("defaultValue")
        if default is not None and not isinstance(default, (str, int, float)):
            raise FakeDataError(f"{where}.defaultValue: must be a string or a number")
        unique = _flag(where, spec.get("isUniqueIdentifier"), False)
        insert_field(
            conn,
            {
                "id": next_id,
                "label": _text(where, spec["label"], optional=False),
                "alias": alias,
                "type": ftype,
                "group": group,
                "order": next_order,
                "object": "lead",
                "is_fixed": False,
                "is_visible": _flag(where, spec.get("isVisible"), True),
                "is_short_visible": False,
                "is_listable": _flag(where, spec.get("isListable"), True),
                "is_unique": unique,
                "is_index": unique,
                "is_required": _flag(where, spec.get("isRequired"), False),
                "is_published": _flag(where, spec.get("isPublished"), True),
                "default_value": None if default is None else str(default),
                "properties": properties,
            },
        )
        taken.add(alias)
        next_id += 1
        next_order += 1
    store.reload_fields()


def _load_contact(
    store: Store, conn: sqlite3.Connection, where: str, contact: dict[str, Any], refs: _Refs, now: str
) -> None:
    from ._contacts_write import save_contact

    unknown = sorted(set(contact) - set(store.fields.lead_by_alias) - CONTACT_EXTRAS - {"overwriteWithBlank"})
    if unknown:
        raise FakeDataError(f"{where}: unknown field(s) {', '.join(unknown)} (not a contact field alias)")
    payload = {
        k: v
        for k, v in contact.items()
        if k in store.fields.lead_by_alias
        or k in ("tags", "owner", "ipAddress", "lastActive", "doNotContact")
    }
    if contact.get("stage") is not None:
        payload["stage"] = refs.resolve(f"{where}.stage", "stage", contact["stage"])
    if contact.get("companies") is not None:
        payload["companies"] = [
            refs.resolve(f"{where}.companies[{j}]", "company", ref)
            for j, ref in enumerate(_list(f"{where}.companies", contact["companies"]))
        ]
    try:
        result = save_contact(store, conn, payload, method="POST", existing_id=None, batch=False, user_id=1)
    except ApiError as exc:
        raise FakeDataError(f"{where}: {exc.message}") from exc
    contact_id = result.contact_id
    if contact.get("isPublished") is not None:
        published = _flag(f"{where}.isPublished", contact["isPublished"], True)
        conn.execute("UPDATE leads SET is_published = ? WHERE id = ?", (published, contact_id))
    added = _date(f"{where}.dateAdded", contact.get("dateAdded"))
    if added:
        conn.execute("UPDATE leads SET date_added = ? WHERE id = ?", (added, contact_id))
        conn.execute("UPDATE lead_event_log SET date_added = ? WHERE lead_id = ?", (added, contact_id))
    for j, entry in enumerate(_list(f"{where}.segments", contact.get("segments"))):
        spec = entry if isinstance(entry, dict) else {"segment": entry}
        _check_keys(
            f"{where}.segments[{j}]", spec, {"segment", "manuallyAdded", "manuallyRemoved", "dateAdded"}
        )
        segment_id = refs.resolve(f"{where}.segments[{j}]", "segment", spec.get("segment"))
        conn.execute(
            "INSERT OR REPLACE INTO lead_lists_leads (leadlist_id, lead_id, date_added, manually_removed,"
            " manually_added) VALUES (?,?,?,?,?)",
            (
                segment_id,
                contact_id,
                _date(f"{where}.segments[{j}].dateAdded", spec.get("dateAdded")) or now,
                _flag(where, spec.get("manuallyRemoved"), False),
                _flag(where, spec.get("manuallyAdded"), False),
            ),
        )
    for j, entry in enumerate(_list(f"{where}.campaigns", contact.get("campaigns"))):
        spec = entry if isinstance(entry, dict) else {"campaign": entry}
        _check_keys(
            f"{where}.campaigns[{j}]", spec, {"campaign", "manuallyAdded", "manuallyRemoved", "dateAdded"}
        )
        campaign_id = refs.resolve(f"{where}.campaigns[{j}]", "campaign", spec.get("campaign"))
        conn.execute(
            "INSERT OR REPLACE INTO campaign_leads (campaign_id, lead_id, date_added, manually_removed,"
            " manually_added) VALUES (?,?,?,?,?)",
            (
                campaign_id,
                contact_id,
                _date(f"{where}.campaigns[{j}].dateAdded", spec.get("dateAdded")) or now,
                _flag(where, spec.get("manuallyRemoved"), False),
                _flag(where, spec.get("manuallyAdded"), True),
            ),
        )
    for j, note in enumerate(_list(f"{where}.notes", contact.get("notes"))):
        nwhere = f"{where}.notes[{j}]"
        if not isinstance(note, dict):
            raise FakeDataError(f"{nwhere}: must be an object")
        _check_keys(nwhere, note, {"text", "type", "dateTime", "dateAdded"}, ("text",))
        note_type = note.get("type", "general")
        if note_type not in NOTE_TYPES:
            raise FakeDataError(f"{nwhere}.type: {note_type!r} is not one of {', '.join(NOTE_TYPES)}")
        conn.execute(
            "INSERT INTO lead_notes (lead_id, text, type, date_time, date_added) VALUES (?,?,?,?,?)",
            (
                contact_id,
                _text(nwhere, note["text"], optional=False),
                note_type,
                _date(f"{nwhere}.dateTime", note.get("dateTime")),
                _date(f"{nwhere}.dateAdded", note.get("dateAdded")) or now,
            ),
        )
    groups = contact.get("pointGroups")
    if groups is not None:
        if not isinstance(groups, dict):
            raise FakeDataError(f"{where}.pointGroups: must be an object mapping a point group to a score")
        for ref, score in groups.items():
            group_id = refs.resolve(f"{where}.pointGroups", "point group", ref)
            if isinstance(score, bool) or not isinstance(score, int):
                raise FakeDataError(f"{where}.pointGroups.{ref}: the score must be an integer")
            conn.execute(
                "INSERT OR REPLACE INTO point_group_contact_score (contact_id, group_id, score)"
                " VALUES (?,?,?)",
                (contact_id, group_id, score),
            )
