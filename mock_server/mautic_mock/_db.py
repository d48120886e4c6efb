"""SQLite access: one connection, one lock, every request inside one transaction."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["SCHEMA", "Database"]

# Tables and column names follow Mautic's own schema so that ``where``/``orderBy`` column names
# given by API users mean the same thing here. Text columns compare case-insensitively, like
# MySQL's utf8mb4_unicode_ci collation.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY, username TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL,
    email TEXT NOT NULL, is_published INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS lead_fields (
    id INTEGER PRIMARY KEY, label TEXT NOT NULL, alias TEXT NOT NULL, type TEXT NOT NULL,
    field_group TEXT NOT NULL, field_order INTEGER NOT NULL, object TEXT NOT NULL,
    is_fixed INTEGER NOT NULL, is_visible INTEGER NOT NULL, is_short_visible INTEGER NOT NULL,
    is_listable INTEGER NOT NULL, is_unique INTEGER NOT NULL, is_index INTEGER NOT NULL,
    is_required INTEGER NOT NULL, is_published INTEGER NOT NULL, default_value TEXT,
    properties TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS leads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id INTEGER, stage_id INTEGER, is_published INTEGER NOT NULL DEFAULT 1,
    date_added TEXT, created_by INTEGER, created_by_user TEXT,
    date_modified TEXT, modified_by INTEGER, modified_by_user TEXT,
    checked_out TEXT, checked_out_by INTEGER, checked_out_by_user TEXT,
    points INTEGER NOT NULL DEFAULT 0, last_active TEXT, internal TEXT, social_cache TEXT,
    date_identified TEXT, preferred_profile_image TEXT
);
CREATE TABLE IF NOT EXISTS stages (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE, description TEXT,
    weight INTEGER NOT NULL DEFAULT 0,
    category TEXT, is_published INTEGER NOT NULL DEFAULT 1, date_added TEXT
);
CREATE TABLE IF NOT EXISTS lead_stages_change_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    stage_id INTEGER, event_name TEXT NOT NULL, action_name TEXT NOT NULL, date_added TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lead_tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT, tag TEXT NOT NULL, description TEXT
);
CREATE TABLE IF NOT EXISTS lead_tags_xref (
    lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE, tag_id INTEGER NOT NULL,
    PRIMARY KEY (lead_id, tag_id)
);
CREATE TABLE IF NOT EXISTS ip_addresses (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ip_address TEXT NOT NULL, date_added TEXT
);
CREATE TABLE IF NOT EXISTS lead_ips_xref (
    lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE, ip_id INTEGER NOT NULL,
    PRIMARY KEY (lead_id, ip_id)
);
CREATE TABLE IF NOT EXISTS lead_donotcontact (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    date_added TEXT NOT NULL, reason INTEGER NOT NULL, channel TEXT NOT NULL, channel_id INTEGER,
    comments TEXT
);
CREATE TABLE IF NOT EXISTS lead_utmtags (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    date_added TEXT NOT NULL, query TEXT, referer TEXT, remote_host TEXT, url TEXT, user_agent TEXT,
    utm_campaign TEXT, utm_content TEXT, utm_medium TEXT, utm_source TEXT, utm_term TEXT
);
CREATE TABLE IF NOT EXISTS lead_devices (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    date_added TEXT NOT NULL, client_info TEXT, device TEXT, device_os_name TEXT,
    device_os_shortname TEXT, device_os_version TEXT, device_os_platform TEXT, device_brand TEXT,
    device_model TEXT
);
CREATE TABLE IF NOT EXISTS lead_frequencyrules (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    date_added TEXT NOT NULL, frequency_number INTEGER, frequency_time TEXT, channel TEXT NOT NULL,
    preferred_channel INTEGER NOT NULL DEFAULT 0, pause_from_date TEXT, pause_to_date TEXT
);
CREATE TABLE IF NOT EXISTS lead_points_change_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    group_id INTEGER, type TEXT NOT NULL, event_name TEXT NOT NULL, action_name TEXT NOT NULL,
    delta INTEGER NOT NULL, date_added TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lead_event_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER REFERENCES leads(id) ON DELETE CASCADE,
    user_id INTEGER, user_name TEXT, bundle TEXT, object TEXT, action TEXT, object_id INTEGER,
    date_added TEXT NOT NULL, properties TEXT
);
CREATE TABLE IF NOT EXISTS lead_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT, lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    is_published INTEGER NOT NULL DEFAULT 1, date_added TEXT, text TEXT NOT NULL, type TEXT, date_time TEXT
);
CREATE TABLE IF NOT EXISTS lead_lists (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, alias TEXT NOT NULL COLLATE NOCASE,
    public_name TEXT, description TEXT, is_published INTEGER NOT NULL DEFAULT 1,
    is_global INTEGER NOT NULL DEFAULT 1, date_added TEXT
);
CREATE TABLE IF NOT EXISTS lead_lists_leads (
    leadlist_id INTEGER NOT NULL, lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    date_added TEXT NOT NULL, manually_removed INTEGER NOT NULL DEFAULT 0,
    manually_added INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (leadlist_id, lead_id)
);
CREATE TABLE IF NOT EXISTS campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, description TEXT,
    is_published INTEGER NOT NULL DEFAULT 1, publish_up TEXT, publish_down TEXT, date_added TEXT
);
CREATE TABLE IF NOT EXISTS campaign_leadlist_xref (
    campaign_id INTEGER NOT NULL, leadlist_id INTEGER NOT NULL, PRIMARY KEY (campaign_id, leadlist_id)
);
CREATE TABLE IF NOT EXISTS campaign_leads (
    campaign_id INTEGER NOT NULL, lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    date_added TEXT NOT NULL, manually_removed INTEGER NOT NULL DEFAULT 0,
    manually_added INTEGER NOT NULL DEFAULT 0, rotation INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (campaign_id, lead_id)
);
CREATE TABLE IF NOT EXISTS companies (
    id INTEGER PRIMARY KEY AUTOINCREMENT, owner_id INTEGER, is_published INTEGER NOT NULL DEFAULT 1,
    date_added TEXT, created_by INTEGER, created_by_user TEXT, date_modified TEXT, modified_by INTEGER,
    modified_by_user TEXT, social_cache TEXT, score INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS companies_leads (
    company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    date_added TEXT NOT NULL, is_primary INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (company_id, lead_id)
);
CREATE TABLE IF NOT EXISTS point_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, description TEXT,
    is_published INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS point_group_contact_score (
    contact_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE, group_id INTEGER NOT NULL,
    score INTEGER NOT NULL, PRIMARY KEY (contact_id, group_id)
);
CREATE TABLE IF NOT EXISTS oauth2_accesstokens (
    token TEXT PRIMARY KEY, client_id TEXT NOT NULL, expires_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS leads_date_added ON leads(date_added);
CREATE INDEX IF NOT EXISTS lead_tags_tag ON lead_tags(tag);
-- Indexes on foreign keys and lookup columns, as Mautic's schema has them; IF NOT EXISTS lets a database
-- written by an older fake gain them when it is opened. Without them every ON DELETE CASCADE, every
-- per-contact link lookup and every search by tag, segment, owner or IP scans a whole table. Field
-- columns (email, unique identifiers) are indexed in _fields.
CREATE INDEX IF NOT EXISTS leads_owner_id ON leads(owner_id);
CREATE INDEX IF NOT EXISTS leads_stage_id ON leads(stage_id);
CREATE INDEX IF NOT EXISTS leads_last_active ON leads(last_active);
CREATE INDEX IF NOT EXISTS lead_stages_change_log_lead_id ON lead_stages_change_log(lead_id);
CREATE INDEX IF NOT EXISTS lead_tags_xref_tag_id ON lead_tags_xref(tag_id);
CREATE INDEX IF NOT EXISTS ip_addresses_ip_address ON ip_addresses(ip_address);
CREATE INDEX IF NOT EXISTS lead_ips_xref_ip_id ON lead_ips_xref(ip_id);
CREATE INDEX IF NOT EXISTS lead_donotcontact_lead_id ON lead_donotcontact(lead_id);
CREATE INDEX IF NOT EXISTS lead_utmtags_lead_id ON lead_utmtags(lead_id);
CREATE INDEX IF NOT EXISTS lead_devices_lead_id ON lead_devices(lead_id);
CREATE INDEX IF NOT EXISTS lead_frequencyrules_lead_id ON lead_frequencyrules(lead_id);
CREATE INDEX IF NOT EXISTS lead_points_change_log_lead_id ON lead_points_change_log(lead_id);
CREATE INDEX IF NOT EXISTS lead_event_log_lead_id ON lead_event_log(lead_id);
CREATE INDEX IF NOT EXISTS lead_notes_lead_id ON lead_notes(lead_id);
CREATE INDEX IF NOT EXISTS lead_lists_leads_lead_id ON lead_lists_leads(lead_id);
CREATE INDEX IF NOT EXISTS campaign_leadlist_xref_leadlist_id ON campaign_leadlist_xref(leadlist_id);
CREATE INDEX IF NOT EXISTS campaign_leads_lead_id ON campaign_leads(lead_id);
CREATE INDEX IF NOT EXISTS companies_leads_lead_id ON companies_leads(lead_id);
CREATE INDEX IF NOT EXISTS point_group_contact_score_group_id ON point_group_contact_score(group_id);
"""


class Database:
    """A single SQLite connection guarded by a re-entrant lock.

    A single connection plus a lock is simpler than per-thread connections and it is enough: the
    fake's work per request is tiny. Reads and writes both hold the lock for the whole request, so
    a reader never sees half of another request's write.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.RLock()
        self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:" and not path.startswith("file::memory:"):
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and run the block in one transaction (nested calls join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._depth = 0

    @contextmanager
    def savepoint(self, name: str = "item") -> Iterator[None]:
        """A nested unit of work (one batch item) that can be undone without undoing the request."""
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def close(self) -> None:
        with self._lock:
            self.conn.close()
