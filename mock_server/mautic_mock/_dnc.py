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
    """DoNotContact::addDncForContact: create the channel's record, or update its reason.

    Tells whether a record was created or updated. An update (updateDncRecord) never touches the
    record's channel id, and never happens when a channel id is given: the channel is then
    ``[channel => id]``, which no record's channel string equals. An UNSUBSCRIBED record is never
    overridden, and a record already holding the reason is left as it is.
    """
    # isContactable looks the channel up in SQL (MySQL compares case-insensitively); the update below
    # compares channel strings exactly.
    rows = conn.execute(
        "SELECT * FROM lead_donotcontact WHERE lead_id = ? AND channel = ? COLLATE NOCASE ORDER BY id",
        (contact_id, channel),
    ).fetchall()
    if not rows:
        conn.execute(
            "INSERT INTO lead_donotcontact (lead_id, date_added, reason, channel, channel_id, comments)"
            " VALUES (?,?,?,?,?,?)",
            (contact_id, now, reason, channel, channel_id, comments),
        )
        return True
    # isContactable answers the reason of the first record for the channel.
    if rows[0]["reason"] == reason or channel_id is not None:
        return False
    for row in rows:
        if row["reason"] != UNSUBSCRIBED and row["channel"] == channel:
            conn.execute(
                "UPDATE lead_donotcontact SET reason = ?, comments = ?, date_added = ? WHERE id = ?",
                (reason, comments, now, row["id"]),
            )
            return True
    return False


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
