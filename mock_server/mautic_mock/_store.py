"""The fake's state: the SQLite database, installed defaults and the cached field definitions."""

from __future__ import annotations

import json
import sqlite3
import threading
from typing import Any

from ._datafile import FakeDataError, load_data
from ._db import SCHEMA, Database
from ._defaults import DEFAULT_FIELDS, DEFAULT_USERS
from ._fields import FieldRegistry, index_field_columns, insert_field
from ._values import format_dt, now_utc

__all__ = ["Store"]


class Store:
    """Owns the database; ``fresh`` tells whether this run installed it (so data files apply)."""

    def __init__(self, path: str, data: dict[str, Any] | None = None) -> None:
        self.db = Database(path)
        self._lead_columns: set[str] = set()
        self._company_columns: set[str] = set()
        self.count_cache: dict[str, tuple[float, int]] = {}
        self.count_cache_lock = threading.Lock()
        try:
            self.db.conn.executescript(SCHEMA)
            with self.db.transaction() as conn:
                installed = conn.execute("SELECT value FROM meta WHERE key = 'installed'").fetchone()
                self.fresh = installed is None
                if self.fresh:
                    self._install(conn)
                self.reload_fields()
                index_field_columns(conn, self.fields)
                # Seed data goes in the install transaction: a bad file leaves nothing behind.
                self.seeded = self.fresh and data is not None
                if self.seeded and data is not None:
                    try:
                        load_data(self, conn, data)
                    except (sqlite3.Error, OverflowError, ValueError) as exc:
                        if isinstance(exc, FakeDataError):
                            raise
                        raise FakeDataError(f"data file: a value cannot be stored ({exc})") from exc
        except BaseException:
            self.db.close()
            raise

    @staticmethod
    def _install(conn: sqlite3.Connection) -> None:
        for uid, username, first, last, email in DEFAULT_USERS:
            conn.execute(
                "INSERT INTO users (id, username, first_name, last_name, email) VALUES (?,?,?,?,?)",
                (uid, username, first, last, email),
            )
        for spec in DEFAULT_FIELDS:
            insert_field(conn, spec)
        conn.execute(
            "ALTER TABLE leads ADD COLUMN generated_email_domain TEXT"
            " GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) VIRTUAL"
        )
        conn.execute("INSERT INTO meta (key, value) VALUES ('installed', ?)", (format_dt(now_utc()),))

    def reload_fields(self) -> None:
        self.fields = FieldRegistry.load(self.db.conn)
        self.refresh_columns()

    def refresh_columns(self) -> None:
        conn = self.db.conn
        self._lead_columns = {r[1] for r in conn.execute("PRAGMA table_xinfo(leads)")}
        self._company_columns = {r[1] for r in conn.execute("PRAGMA table_xinfo(companies)")}

    @property
    def lead_columns(self) -> set[str]:
        return self._lead_columns

    @property
    def company_columns(self) -> set[str]:
        return self._company_columns

    def user(self, conn: sqlite3.Connection, user_id: int) -> dict[str, Any] | None:
        row = conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
        return dict(row) if row else None

    def user_name(self, conn: sqlite3.Connection, user_id: int) -> str:
        user = self.user(conn, user_id)
        return f"{user['first_name']} {user['last_name']}" if user else ""

    def contact_exists(self, conn: sqlite3.Connection, contact_id: int) -> bool:
        if not 0 <= contact_id <= 2**63 - 1:
            return False
        return conn.execute("SELECT 1 FROM leads WHERE id = ?", (contact_id,)).fetchone() is not None

    def mark_saved(self, conn: sqlite3.Connection, contact_id: int, user_id: int, *, changed: bool) -> None:
        """``FormModel::setTimestamps`` when an existing contact is saved: the modifier is always set,
        ``dateModified`` only when the entity recorded a change (``Lead::getChanges()``)."""
        conn.execute(
            "UPDATE leads SET modified_by = ?, modified_by_user = ? WHERE id = ?",
            (user_id, self.user_name(conn, user_id), contact_id),
        )
        if changed:
            conn.execute(
                "UPDATE leads SET date_modified = ? WHERE id = ?", (format_dt(now_utc()), contact_id)
            )

    def log_event(
        self,
        conn: sqlite3.Connection,
        lead_id: int,
        action: str,
        obj: str,
        user_id: int,
        properties: dict[str, Any] | None = None,
    ) -> None:
        """A ``lead_event_log`` entry (what the timeline shows as ``lead.source.*``)."""
        conn.execute(
            "INSERT INTO lead_event_log (lead_id, user_id, user_name, bundle, object, action, date_added,"
            " properties) VALUES (?,?,?,?,?,?,?,?)",
            (
                lead_id,
                user_id,
                self.user_name(conn, user_id),
                "lead",
                obj,
                action,
                format_dt(now_utc()),
                json.dumps(properties or {}),
            ),
        )

    def close(self) -> None:
        self.db.close()
