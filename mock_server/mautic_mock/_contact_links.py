"""A contact's links: stage, companies (and the primary company), tags, IP addresses, DNC, frequency rules."""

from __future__ import annotations

import sqlite3
from typing import Any

from ._dnc import add_dnc, remove_dnc
from ._php import items, php_empty, php_intval, strip_tags

__all__ = [
    "add_ip",
    "apply_dnc",
    "modify_tags",
    "set_companies",
    "set_frequency",
    "set_primary_company",
    "set_stage",
]


def set_stage(
    conn: sqlite3.Connection, contact_id: int, stage: int | None, existing: dict[str, Any] | None, now: str
) -> None:
    previous = existing["stage_id"] if existing else None
    conn.execute("UPDATE leads SET stage_id = ? WHERE id = ?", (stage, contact_id))
    if stage is not None and stage != previous:
        name = conn.execute("SELECT name FROM stages WHERE id = ?", (stage,)).fetchone()["name"]
        conn.execute(
            "INSERT INTO lead_stages_change_log (lead_id, stage_id, event_name, action_name, date_added)"
            " VALUES (?,?,?,?,?)",
            (contact_id, stage, f"{stage}: {name}", "API", now),
        )


def set_companies(conn: sqlite3.Connection, contact_id: int, company_ids: list[int], now: str) -> None:
    wanted = [
        cid
        for cid in dict.fromkeys(company_ids)
        if 0 < cid <= 2**63 - 1 and conn.execute("SELECT 1 FROM companies WHERE id = ?", (cid,)).fetchone()
    ]
    current = {
        r["company_id"]
        for r in conn.execute("SELECT company_id FROM companies_leads WHERE lead_id = ?", (contact_id,))
    }
    for cid in current - set(wanted):
        conn.execute("DELETE FROM companies_leads WHERE lead_id = ? AND company_id = ?", (contact_id, cid))
    for cid in wanted:
        if cid not in current:
            conn.execute(
                "INSERT INTO companies_leads (company_id, lead_id, date_added, is_primary) VALUES (?,?,?,0)",
                (cid, contact_id, now),
            )
    if (
        wanted
        and not conn.execute(
            "SELECT 1 FROM companies_leads WHERE lead_id = ? AND is_primary = 1", (contact_id,)
        ).fetchone()
    ):
        conn.execute(
            "UPDATE companies_leads SET is_primary = 1 WHERE lead_id = ? AND company_id = ?",
            (contact_id, wanted[0]),
        )


def set_primary_company(
    conn: sqlite3.Connection,
    contact_id: int,
    name: Any,
    now: str,
    user_id: int,
    user_name: str,
) -> None:
    """The ``company`` text field names the primary company, created when unknown (IdentifyCompanyHelper)."""
    if name in (None, ""):
        conn.execute("DELETE FROM companies_leads WHERE lead_id = ? AND is_primary = 1", (contact_id,))
        return
    row = conn.execute(
        "SELECT id FROM companies WHERE companyname = ? ORDER BY id LIMIT 1", (name,)
    ).fetchone()
    if row is None:
        cursor = conn.execute(
            "INSERT INTO companies (companyname, date_added, created_by, created_by_user) VALUES (?,?,?,?)",
            (name, now, user_id, user_name),
        )
        company_id = int(cursor.lastrowid or 0)
    else:
        company_id = int(row["id"])
    conn.execute("UPDATE companies_leads SET is_primary = 0 WHERE lead_id = ?", (contact_id,))
    linked = conn.execute(
        "SELECT 1 FROM companies_leads WHERE lead_id = ? AND company_id = ?", (contact_id, company_id)
    ).fetchone()
    if linked:
        conn.execute(
            "UPDATE companies_leads SET is_primary = 1 WHERE lead_id = ? AND company_id = ?",
            (contact_id, company_id),
        )
    else:
        conn.execute(
            "INSERT INTO companies_leads (company_id, lead_id, date_added, is_primary) VALUES (?,?,?,1)",
            (company_id, contact_id, now),
        )


def modify_tags(conn: sqlite3.Connection, contact_id: int, tags: Any) -> None:
    """Tags are only ever added; ``-name`` removes one (LeadModel::modifyTags).

    Names match exactly, case included. TagRepository::getTagsByName fetches the existing tags with a
    case-insensitive SQL ``IN`` but indexes them by their stored name, and modifyTags then looks each
    requested name up with ``array_key_exists``: ``vip`` is not the stored ``VIP``, so adding it creates
    a second tag and ``-vip`` leaves ``VIP`` alone. The lookup happens once, before any change, so a
    tag created by this request cannot be removed by it.
    """
    if isinstance(tags, str):
        names = tags.split(",")
    elif isinstance(tags, (list, dict)):
        names = [str(v) for _, v in items(tags) if not isinstance(v, (list, dict)) and v is not None]
    elif isinstance(tags, bool):
        names = ["1"] if tags else []
    else:
        names = [str(tags)]
    cleaned = [name for name in (strip_tags(raw).strip() for raw in names) if name]
    wanted = {name[1:] if name.startswith("-") else name for name in cleaned}
    found: dict[str, int] = {}
    for name in wanted:
        row = conn.execute(
            "SELECT id FROM lead_tags WHERE tag = ? COLLATE BINARY ORDER BY id LIMIT 1", (name,)
        ).fetchone()
        if row:
            found[name] = int(row["id"])
    created: dict[str, int] = {}
    for name in cleaned:
        if name.startswith("-"):
            if name[1:] in found:
                conn.execute(
                    "DELETE FROM lead_tags_xref WHERE lead_id = ? AND tag_id = ?",
                    (contact_id, found[name[1:]]),
                )
            continue
        tag_id = found.get(name) or created.get(name)
        if tag_id is None:
            tag_id = int(conn.execute("INSERT INTO lead_tags (tag) VALUES (?)", (name,)).lastrowid or 0)
            created[name] = tag_id
        conn.execute(
            "INSERT OR IGNORE INTO lead_tags_xref (lead_id, tag_id) VALUES (?, ?)", (contact_id, tag_id)
        )


def add_ip(conn: sqlite3.Connection, contact_id: int, ip: str, now: str) -> None:
    row = conn.execute(
        "SELECT id FROM ip_addresses WHERE ip_address = ? ORDER BY id LIMIT 1", (ip,)
    ).fetchone()
    ip_id = (
        int(row["id"])
        if row
        else int(
            conn.execute(
                "INSERT INTO ip_addresses (ip_address, date_added) VALUES (?, ?)", (ip, now)
            ).lastrowid
            or 0
        )
    )
    conn.execute("INSERT OR IGNORE INTO lead_ips_xref (lead_id, ip_id) VALUES (?, ?)", (contact_id, ip_id))


def apply_dnc(conn: sqlite3.Connection, contact_id: int, entries: Any, now: str) -> None:
    if php_empty(entries) or not isinstance(entries, (list, dict)):
        return
    for _, entry in items(entries):
        if not isinstance(entry, dict):
            continue
        channel = str(entry["channel"]) if not php_empty(entry.get("channel")) else "email"
        comments = str(entry["comments"]) if not php_empty(entry.get("comments")) else ""
        reason = php_intval(entry.get("reason", 3))
        if reason == 0:
            remove_dnc(conn, contact_id, channel)
        else:
            # preSaveEntity passes the body's comments on unfiltered (only /dnc/add cleans them).
            add_dnc(conn, contact_id, channel, reason, comments, None, now)


def set_frequency(
    conn: sqlite3.Connection, contact_id: int, rules: dict[str, dict[str, Any]], now: str
) -> None:
    for channel, rule in rules.items():
        conn.execute(
            "DELETE FROM lead_frequencyrules WHERE lead_id = ? AND channel = ?", (contact_id, channel)
        )
        conn.execute(
            "INSERT INTO lead_frequencyrules (lead_id, date_added, frequency_number, frequency_time, channel,"
            " preferred_channel, pause_from_date, pause_to_date) VALUES (?,?,?,?,?,?,?,?)",
            (
                contact_id,
                now,
                rule["frequency_number"],
                rule["frequency_time"],
                channel,
                rule["preferred_channel"],
                rule["pause_from_date"],
                rule["pause_to_date"],
            ),
        )
