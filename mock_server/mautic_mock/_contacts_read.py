"""Loading contacts and everything serialized with them, in bulk (one query per relation)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ContactData", "chunks", "load_contacts"]

MAX_SQL_ID = 2**63 - 1


def chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


@dataclass
class ContactData:
    row: dict[str, Any]
    owner: dict[str, Any] | None = None
    stage: dict[str, Any] | None = None
    tags: list[dict[str, Any]] = field(default_factory=list)
    ips: list[dict[str, Any]] = field(default_factory=list)
    dnc: list[dict[str, Any]] = field(default_factory=list)
    utm: list[dict[str, Any]] = field(default_factory=list)
    frequency: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> int:
        return int(self.row["id"])


def _in(ids: Iterable[int]) -> str:
    return ",".join("?" for _ in ids)


def load_contacts(conn: sqlite3.Connection, ids: list[int]) -> dict[int, ContactData]:
    """Contacts by id (missing ids are absent), with owner, stage, tags, IPs, DNC, UTM, frequency rules."""
    # Each id once: one listed twice in different chunks would get its tags, IPs, ... twice.
    ids = [i for i in dict.fromkeys(ids) if 0 <= i <= MAX_SQL_ID]
    result: dict[int, ContactData] = {}
    for part in chunks(ids):
        marks = _in(part)
        for row in conn.execute(f"SELECT * FROM leads WHERE id IN ({marks})", part):
            result[row["id"]] = ContactData(dict(row))
        _attach(conn, result, part, marks)
    return result


def _attach(conn: sqlite3.Connection, result: dict[int, ContactData], part: list[int], marks: str) -> None:
    # This chunk's contacts only: ``result`` also holds the earlier chunks, already attached.
    contacts = [result[i] for i in part if i in result]
    owner_ids = {c.row["owner_id"] for c in contacts if c.row["owner_id"] is not None}
    owners = {}
    if owner_ids:
        q = f"SELECT * FROM users WHERE id IN ({_in(owner_ids)})"
        owners = {r["id"]: dict(r) for r in conn.execute(q, list(owner_ids))}
    stage_ids = {c.row["stage_id"] for c in contacts if c.row["stage_id"] is not None}
    stages = {}
    if stage_ids:
        q = f"SELECT * FROM stages WHERE id IN ({_in(stage_ids)})"
        stages = {r["id"]: dict(r) for r in conn.execute(q, list(stage_ids))}
    for contact in contacts:
        contact.owner = owners.get(contact.row["owner_id"])
        contact.stage = stages.get(contact.row["stage_id"])
    queries = {
        "tags": "SELECT x.lead_id, t.id, t.tag, t.description FROM lead_tags_xref x"
        f" JOIN lead_tags t ON t.id = x.tag_id WHERE x.lead_id IN ({marks}) ORDER BY t.id",
        "ips": "SELECT x.lead_id, i.id, i.ip_address FROM lead_ips_xref x"
        f" JOIN ip_addresses i ON i.id = x.ip_id WHERE x.lead_id IN ({marks}) ORDER BY i.id",
        "dnc": f"SELECT * FROM lead_donotcontact WHERE lead_id IN ({marks}) ORDER BY id",
        "utm": f"SELECT * FROM lead_utmtags WHERE lead_id IN ({marks}) ORDER BY id",
        "frequency": f"SELECT * FROM lead_frequencyrules WHERE lead_id IN ({marks}) ORDER BY id",
    }
    for attr, sql in queries.items():
        for row in conn.execute(sql, part):
            data = dict(row)
            if attr == "utm" and data.get("query"):
                data["query"] = json.loads(data["query"])
            target = result.get(row["lead_id"])
            if target is not None:
                getattr(target, attr).append(data)
