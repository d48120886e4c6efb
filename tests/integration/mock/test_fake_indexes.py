"""The fake looks contacts and their links up through indexes, as Mautic's schema lets MySQL do.

Without them every create with an email scanned ``leads`` (twice), every ``company`` scanned
``companies_leads`` and every delete scanned each child table for its cascade: work per request grew
with the number of contacts, so imports grew quadratically. Timing cannot be asserted reliably; what
can be is SQLite's own query plan of every statement the fake runs, traced on its connection: no
full scan of a table that grows with the contacts. Searches (``tag:``, ``owner:`` ...) are left out:
they scan ``leads`` in Mautic too.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from mautic_mock import FakeMautic

BASE_URL = "http://mautic.test/api"
AUTH = ("admin", "mautic")

# Tables that stay small whatever the number of contacts: scanning them is fine.
SMALL_TABLES = {
    "meta",
    "users",
    "lead_fields",
    "stages",
    "lead_lists",
    "campaigns",
    "campaign_leadlist_xref",
    "point_groups",
    "oauth2_accesstokens",
}
_SCAN = re.compile(r"^SCAN (\w+)")
_PLANNED = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b", re.IGNORECASE)


def _seed() -> dict[str, Any]:
    return {
        "fields": [
            {"alias": "ext_id", "label": "External id", "isUniqueIdentifier": True},
            {"alias": "member_no", "label": "Member", "type": "number", "isUniqueIdentifier": True},
        ],
        "stages": [{"name": "Lead"}],
        "segments": [{"name": "News"}],
        "campaigns": [{"name": "Welcome", "segments": ["News"]}],
        "companies": [{"companyname": "Acme"}],
        "pointGroups": [{"name": "Engagement"}],
        "contacts": [
            {
                "email": f"person{i}@example.com",
                "ext_id": f"EXT-{i}",
                "member_no": 1000 + i,
                "company": "Acme",
                "tags": ["seed"],
                "segments": ["News"],
                "campaigns": ["Welcome"],
                "notes": [{"text": "met at the fair"}],
                "pointGroups": {"Engagement": 3},
                "ipAddress": "192.0.2.1",
            }
            for i in range(40)
        ],
    }


def _full_scans(fake: FakeMautic, scenario: Callable[[httpx.Client], None]) -> tuple[int, list[str]]:
    """(statements traced, full scans of growing tables) while ``scenario`` runs against ``fake``."""
    conn = fake.store.db.conn
    traced: list[str] = []
    conn.set_trace_callback(traced.append)
    try:
        with httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as client:
            scenario(client)
    finally:
        conn.set_trace_callback(None)
    scans = []
    for sql in dict.fromkeys(traced):
        if not _PLANNED.match(sql):
            continue
        for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"):
            found = _SCAN.match(row["detail"])
            if found and found.group(1) not in SMALL_TABLES:
                scans.append(f"{row['detail']}  <-  {sql}")
    return len(traced), scans


def _writes_and_reads(client: httpx.Client) -> None:
    batch = client.post(
        "/contacts/batch/new",
        json=[
            {"email": "PERSON1@Example.COM", "firstname": "Matched by email, any case"},
            {
                "email": "new@example.com",
                "company": "Newco",
                "tags": ["vip", "-seed"],
                "ipAddress": "198.51.100.7",
                "stage": 1,
                "owner": 1,
                "doNotContact": [{"reason": 3, "channel": "email"}],
            },
            {"ext_id": "ext-3", "firstname": "Matched by a custom unique field"},
            {"member_no": 1005, "lastname": "Matched by a number unique field"},
        ],
    )
    assert batch.status_code == 201, batch.text
    assert batch.json()["statusCodes"] == [200, 201, 200, 200]
    assert [c["id"] for c in batch.json()["contacts"]] == [2, 41, 4, 6]
    created = client.post("/contacts/new", json={"email": "single@example.com", "companies": [1]})
    assert created.status_code == 201, created.text
    edits = [
        client.patch("/contacts/3/edit", json={"email": "changed@example.com", "company": "Other"}),
        client.put("/contacts/4/edit", json={"email": "replaced@example.com", "ext_id": "EXT-NEW"}),
        client.put("/contacts/999/edit", json={"email": "put-created@example.com"}),
        client.patch(
            "/contacts/batch/edit",
            json=[{"id": 7, "member_no": 5000, "tags": ["x"]}, {"id": 8, "company": ""}],
        ),
    ]
    assert [r.status_code for r in edits] == [200, 200, 201, 200], [r.text for r in edits]
    per_contact = [
        client.get("/contacts/5"),
        client.get(
            "/contacts",
            params={
                "where[0][col]": "id",
                "where[0][expr]": "gt",
                "where[0][val]": 10,
                "orderBy": "id",
                "limit": 5,
            },
        ),
        client.get("/contacts/5/activity"),
        client.get("/contacts/5/notes"),
        client.get("/contacts/5/devices"),
        client.get("/contacts/5/campaigns"),
        client.get("/contacts/5/segments"),
        client.get("/contacts/5/companies"),
        client.get("/contacts/5/points/groups"),
        client.post("/contacts/5/dnc/email/add", json={"reason": 1}),
        client.post("/contacts/5/dnc/email/remove"),
        client.post("/contacts/5/utm/add", json={"utm_source": "news", "useragent": "Mozilla/5.0 (X11)"}),
        client.post("/contacts/5/points/plus/3"),
        client.post("/contacts/5/points/groups/1/plus/2"),
        client.delete("/contacts/9/delete"),
        client.delete("/contacts/batch/delete", params={"ids": "10,11"}),
    ]
    assert [r.status_code for r in per_contact] == [200] * len(per_contact), [
        r.text for r in per_contact if r.status_code != 200
    ]


def test_contact_requests_scan_no_table_that_grows_with_the_contacts() -> None:
    with FakeMautic(data=_seed()) as fake:
        traced, scans = _full_scans(fake, _writes_and_reads)
    assert traced > 100  # the scenario's statements were seen
    assert scans == []


def test_database_written_before_the_indexes_gains_them(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    FakeMautic(db=db, data=_seed()).close()
    # What an earlier fake left behind: only the two indexes it had (and the primary keys).
    with sqlite3.connect(db) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                " AND name NOT IN ('leads_date_added', 'lead_tags_tag')"
            )
        ]
        assert len(names) > 20
        for name in names:
            conn.execute(f'DROP INDEX "{name}"')
    conn.close()

    with FakeMautic(db=db) as fake:
        with httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as client:
            listed = client.get("/contacts", params={"limit": 0, "orderBy": "id"}).json()
            assert listed["total"] == "40"
            assert [c["fields"]["all"]["email"] for c in listed["contacts"].values()] == [
                f"person{i}@example.com" for i in range(40)
            ]
        traced, scans = _full_scans(fake, _writes_and_reads)
    assert traced > 100
    assert scans == []
