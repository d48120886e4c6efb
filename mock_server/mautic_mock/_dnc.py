"""Do-not-contact records (``lead_donotcontact``), with Mautic's never-override-unsubscribed rule."""

from __future__ import annotations

import sqlite3

__all__ = ["UNSUBSCRIBED", "add_dnc", "remove_dnc"]

UNSUBSCRIBED = 1


def add_dnc(
    conn: sqlite3.Connection,
    contact_id: int,
    channel: str,
    reason: int,
    comments: str,
    channel_id: int | None,
    now: str,
) -> bool:
    """Create or update the channel's record; an UNSUBSCRIBED record is never overridden."""
    row = conn.execute(
        "SELECT * FROM lead_donotcontact WHERE lead_id = ? AND channel = ? ORDER BY id LIMIT 1",
        (contact_id, channel),
    ).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO lead_donotcontact (lead_id, date_added, reason, channel, channel_id, comments)"
            " VALUES (?,?,?,?,?,?)",
            (contact_id, now, reason, channel, channel_id, comments),
        )
        return True
    if row["reason"] == reason or row["reason"] == UNSUBSCRIBED:
        return False
    conn.execute(
        "UPDATE lead_donotcontact SET reason = ?, comments = ?, channel_id = ?, date_added = ? WHERE id = ?",
        (reason, comments, channel_id, now, row["id"]),
    )
    return True


def remove_dnc(conn: sqlite3.Connection, contact_id: int, channel: str) -> bool:
    """Remove the first record for the channel; tells whether there was one."""
    row = conn.execute(
        "SELECT id FROM lead_donotcontact WHERE lead_id = ? AND channel = ? ORDER BY id LIMIT 1",
        (contact_id, channel),
    ).fetchone()
    if row is None:
        return False
    conn.execute("DELETE FROM lead_donotcontact WHERE id = ?", (row["id"],))
    return True
