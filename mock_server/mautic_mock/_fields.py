"""Contact and company field definitions (Mautic's ``lead_fields`` table) and their SQL columns."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ._php import items, php_serialize

__all__ = ["SQL_TYPES", "FieldDef", "FieldRegistry", "choice_options", "index_field_columns", "insert_field"]

# Field types whose values are stored in a MySQL varchar(191) in Mautic (length-validated).
VARCHAR_TYPES = {
    "text",
    "email",
    "tel",
    "url",
    "lookup",
    "country",
    "region",
    "locale",
    "timezone",
    "select",
    "multiselect",
}
SQL_TYPES = {"number": "REAL", "boolean": "INTEGER"}
FIELD_TYPES = VARCHAR_TYPES | {"textarea", "html", "number", "boolean", "date", "datetime", "time"}
GROUPS = ("core", "social", "personal", "professional")


@dataclass
class FieldDef:
    id: int
    label: str
    alias: str
    type: str
    group: str
    order: int
    object: str
    is_fixed: bool
    is_visible: bool
    is_short_visible: bool
    is_listable: bool
    is_unique: bool
    is_index: bool
    is_required: bool
    is_published: bool
    default_value: str | None
    properties: Any

    # Definitions never change once loaded (the registry is rebuilt instead), so what every serialized
    # contact repeats for each field is computed once per field, not once per contact and field.

    @cached_property
    def scale(self) -> int | None:
        """Number fields with a ``scale`` property are floats, the others ints (Mautic's fixNumbers)."""
        if isinstance(self.properties, dict):
            scale = self.properties.get("scale")
            if scale is not None and scale != "":
                try:
                    return int(scale)
                except (TypeError, ValueError):
                    return None
        return None

    @cached_property
    def serialized_properties(self) -> str:
        """``properties`` as PHP ``serialize()`` writes them (how list answers show them)."""
        return php_serialize(self.properties)

    @cached_property
    def choice_labels(self) -> dict[str, str]:
        """Option value → label of a select/multiselect/lookup/boolean field."""
        return dict(choice_options(self))

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> FieldDef:
        return cls(
            id=row["id"],
            label=row["label"],
            alias=row["alias"],
            type=row["type"],
            group=row["field_group"],
            order=row["field_order"],
            object=row["object"],
            is_fixed=bool(row["is_fixed"]),
            is_visible=bool(row["is_visible"]),
            is_short_visible=bool(row["is_short_visible"]),
            is_listable=bool(row["is_listable"]),
            is_unique=bool(row["is_unique"]),
            is_index=bool(row["is_index"]),
            is_required=bool(row["is_required"]),
            is_published=bool(row["is_published"]),
            default_value=row["default_value"],
            properties=json.loads(row["properties"]),
        )


def choice_options(field: FieldDef) -> list[tuple[str, str]]:
    """(value, label) pairs of a select/multiselect/lookup/boolean field."""
    props = field.properties if isinstance(field.properties, dict) else {}
    if field.type == "boolean":
        return [("0", str(props.get("no", "No"))), ("1", str(props.get("yes", "Yes")))]
    raw = props.get("list", [])
    if isinstance(raw, str):
        return [(part, part) for part in raw.split("|") if part != ""]
    options: list[tuple[str, str]] = []
    for _, entry in items(raw):
        if isinstance(entry, dict):
            options.append((str(entry.get("value", "")), str(entry.get("label", entry.get("value", "")))))
        else:
            options.append((str(entry), str(entry)))
    return options


class FieldRegistry:
    """All field definitions, cached in memory (they only change when the data file adds some)."""

    def __init__(self, fields: list[FieldDef]) -> None:
        self.all = sorted(fields, key=lambda f: (f.order, f.id))
        self.lead = [f for f in self.all if f.object == "lead" and f.is_published]
        self.lead_by_alias = {f.alias: f for f in self.lead}
        self.company = [f for f in self.all if f.object == "company"]
        self.company_by_alias = {f.alias: f for f in self.company}
        self.unique_lead = [f for f in self.lead if f.is_unique]

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> FieldRegistry:
        rows = conn.execute("SELECT * FROM lead_fields ORDER BY field_order, id").fetchall()
        return cls([FieldDef.from_row(r) for r in rows])


def insert_field(conn: sqlite3.Connection, spec: dict[str, Any]) -> None:
    """Store a field definition and add its column to ``leads`` or ``companies``."""
    conn.execute(
        "INSERT INTO lead_fields (id, label, alias, type, field_group, field_order, object, is_fixed,"
        " is_visible, is_short_visible, is_listable, is_unique, is_index, is_required, is_published,"
        " default_value, properties) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            spec["id"],
            spec["label"],
            spec["alias"],
            spec["type"],
            spec["group"],
            spec["order"],
            spec["object"],
            int(spec["is_fixed"]),
            int(spec["is_visible"]),
            int(spec["is_short_visible"]),
            int(spec["is_listable"]),
            int(spec["is_unique"]),
            int(spec["is_index"]),
            int(spec["is_required"]),
            int(spec["is_published"]),
            spec["default_value"],
            json.dumps(spec["properties"]),
        ),
    )
    table = "leads" if spec["object"] == "lead" else "companies"
    existing = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    if spec["alias"] in existing:
        return
    sql_type = SQL_TYPES.get(spec["type"], "TEXT COLLATE NOCASE")
    if spec["alias"] in ("points",):
        return
    conn.execute(f'ALTER TABLE {table} ADD COLUMN "{spec["alias"]}" {sql_type}')
    _index_if_looked_up(conn, spec["object"], spec["alias"], bool(spec["is_unique"]), bool(spec["is_index"]))


def _index_if_looked_up(
    conn: sqlite3.Connection, obj: str, alias: str, is_unique: bool, is_index: bool
) -> None:
    """Give the column the ``<alias>_search`` index Mautic gives unique-identifier and isIndex fields.

    Email has one whatever its flags, since every create looks contacts up by it.
    """
    if alias == "points" or not (is_unique or is_index or alias == "email"):
        return
    table = "leads" if obj == "lead" else "companies"
    # The index takes the column's collation (NOCASE for text), so ``"email" = ?`` lookups use it and
    # still match case-insensitively.
    conn.execute(f'CREATE INDEX IF NOT EXISTS "{table}_{alias}_search" ON {table} ("{alias}")')


def index_field_columns(conn: sqlite3.Connection, registry: FieldRegistry) -> None:
    """Index the columns of the fields contacts and companies are looked up by.

    New fields get their index from ``insert_field``; this adds the ones a database written by an
    older fake lacks (``IF NOT EXISTS`` makes it cheap when they are there).
    """
    for field in registry.all:
        _index_if_looked_up(conn, field.object, field.alias, field.is_unique, field.is_index)
