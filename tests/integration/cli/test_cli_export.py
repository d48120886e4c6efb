"""`mautic-contacts export`: formats, columns, filters, and what happens on errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_support import PASSWORD, client, contacts_csv, env_for, read_csv, run_cli
from mautic_contacts.cli._where_syntax import parse_where
from mautic_mock import FakeMautic


def seed(fake: FakeMautic) -> None:
    rows = [
        {
            "email": f"p{i}@acme.com" if i % 2 else f"p{i}@other.org",
            "points": i,
            "tags": ["t"] if i < 3 else [],
        }
        for i in range(12)
    ]
    with client(fake) as m:
        assert m.contacts.create_many(rows).ok


def test_csv_to_a_file_with_chosen_fields_and_filters(fake: FakeMautic, tmp_path: Path) -> None:
    seed(fake)
    target = tmp_path / "acme.csv"
    result = run_cli(
        [
            "export",
            "-o",
            str(target),
            "--where",
            "email like %@acme.com",
            "--where",
            "points gte 5",
            "--fields",
            "id,email,points,tags",
            "--page-size",
            "2",
        ],
        fake,
    )
    assert result.code == 0, result.stderr
    rows = read_csv(target)
    assert [r["email"] for r in rows] == [f"p{i}@acme.com" for i in (5, 7, 9, 11)]
    assert list(rows[0]) == ["id", "email", "points", "tags"]
    assert [int(r["points"]) for r in rows] == [5, 7, 9, 11]
    assert "exported 4 contacts" in result.stderr
    assert result.stdout == ""
    assert [p.name for p in tmp_path.iterdir()] == ["acme.csv"]  # no temporary file left


def test_json_lines_to_stdout_with_every_column_by_default(fake: FakeMautic) -> None:
    seed(fake)
    result = run_cli(["export", "--format", "jsonl", "--search", "tag:t"], fake)
    assert result.code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["email"] for r in rows) == ["p0@other.org", "p1@acme.com", "p2@other.org"]
    columns = list(rows[0])
    assert columns[0] == "id"
    assert {"email", "firstname", "points", "city", "tags", "owner", "date_added"} <= set(columns)
    assert rows[0]["tags"] == ["t"]


def test_csv_default_columns_round_trip_through_import(fake: FakeMautic, tmp_path: Path) -> None:
    source = contacts_csv(tmp_path / "in.csv", 25)
    assert run_cli(["import", str(source)], fake).code == 0
    exported = run_cli(["export"], fake)
    assert exported.code == 0
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) == 25
    assert rows[0]["id"]
    assert rows[0]["date_added"]
    copy = tmp_path / "copy.csv"
    copy.write_text(exported.stdout)
    other = FakeMautic(username="admin", password=PASSWORD)
    try:
        again = run_cli(["import", str(copy)], other)
        assert again.code == 0, again.stderr
        assert "25 created" in again.stderr
        with client(other) as m:
            assert sorted(c.fields["firstname"] for c in m.contacts.iterate()) == sorted(
                f"F{i}" for i in range(25)
            )
    finally:
        other.close()


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("points foo 3", "unknown operator 'foo'"),
        ("points", "COLUMN OPERATOR"),
        ("points gte", "needs a value"),
        ("email is_null x", "takes no value"),
        ("bad-column eq 1", "invalid column name"),
        ("points between 1", "two comma-separated values"),
        ("city in ,", "non-empty values"),
    ],
)
def test_bad_where_is_refused_before_connecting(where: str, message: str) -> None:
    # No server and no credentials: a filter error comes first.
    result = run_cli(["export", "--where", where], env={})
    assert result.code == 2
    assert message in result.stderr


def test_where_syntax_reaches_the_client_builder() -> None:
    assert repr(parse_where("email like %@acme.com")) == "Where('email').like('%@acme.com')"
    assert repr(parse_where("points >= 10")) == "Where('points').gte('10')"
    assert repr(parse_where('city in "Lyon, centre",Paris')) == "Where('city').in_(['Lyon, centre', 'Paris'])"
    assert repr(parse_where("points not_between 1, 9")) == "Where('points').not_between('1', '9')"
    assert repr(parse_where("stage_id is_null")) == "Where('stage_id').is_null()"
    assert repr(parse_where("country <> France")) == "Where('country').neq('France')"


def test_unknown_fields_and_failures_leave_no_file(fake: FakeMautic, tmp_path: Path) -> None:
    seed(fake)
    target = tmp_path / "out.csv"
    unknown = run_cli(["export", "-o", str(target), "--fields", "id,nope"], fake)
    assert unknown.code == 2
    assert "'nope'" in unknown.stderr
    refused = run_cli(["export", "-o", str(target)], fake, env=env_for(MAUTIC_PASSWORD="wrong-password"))
    assert refused.code == 2
    assert "refused the credentials" in refused.stderr
    assert list(tmp_path.iterdir()) == []
    assert run_cli(["export", "-o", str(tmp_path / "x.parquet")], fake).code == 2
    assert run_cli(["export", "--page-size", "0"], fake).code == 2
