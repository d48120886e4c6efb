"""`mautic-contacts import`: mapping, batches, rejects, dry run, checkpoints and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from cli_support import all_emails, client, contacts_csv, env_for, read_csv, run_cli, write_csv
from mautic_contacts import ErrorDetail
from mautic_contacts.cli._checkpoint import Checkpoint
from mautic_contacts.cli._import import _describe
from mautic_mock import FakeMautic

TOO_LONG = "This value is too long. It should have 191 characters or less."


class Recording(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Passes requests on to `inner` and notes their method and path."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.requests: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.method, request.url.path))
        return self.inner.handle_request(request)  # type: ignore[no-any-return]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.method, request.url.path))
        return await self.inner.handle_async_request(request)  # type: ignore[no-any-return]


def test_import_creates_contacts_and_a_rerun_skips_them(fake: FakeMautic, tmp_path: Path) -> None:
    source = contacts_csv(tmp_path / "people.csv", 450)
    result = run_cli(["import", str(source), "--batch-size", "100"], fake)
    assert result.code == 0, result.stderr
    assert "450 created, 0 updated, 0 rejected, 0 unsure, 0 skipped" in result.stderr
    with client(fake) as m:
        emails = all_emails(m)
        assert sorted(emails) == sorted(f"u{i}@example.com" for i in range(450))
        first = m.contacts.iterate(where=None, page_size=1)
        assert next(iter(first)).fields["city"] == "Paris"
    checkpoint = Checkpoint.load(tmp_path / "people.csv.checkpoint.json")
    assert checkpoint is not None
    assert checkpoint.complete
    assert checkpoint.counts == {"created": 450, "updated": 0, "rejected": 0, "unsure": 0}
    assert not (tmp_path / "people.rejects.csv").exists()

    again = run_cli(["import", str(source)], fake)
    assert again.code == 0
    assert "0 created, 0 updated, 0 rejected, 0 unsure, 450 skipped" in again.stderr
    with client(fake) as m:
        assert len(all_emails(m)) == 450


def test_rejected_rows_go_to_the_rejects_file_with_the_reason(fake: FakeMautic, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "mixed.csv",
        ["Email", "Points", "City"],
        [
            ["good1@example.com", "1", "Paris"],
            ["not-an-email", "2", "Lyon"],
            ["", "3", "Nice"],
            ["bad@example..com", "4", "Metz"],  # passes the local check, refused by Mautic
            ["good2@example.com", "abc", "Brest"],  # refused by Mautic: points must be a number
            ["short@example.com", "5"],
            ["good3@example.com", "6", "Pau"],
        ],
    )
    result = run_cli(["import", str(source)], fake)
    assert result.code == 1, result.stderr
    assert "2 created, 0 updated, 5 rejected" in result.stderr
    rejects = read_csv(tmp_path / "mixed.rejects.csv")
    by_row = {int(r["_row"]): r for r in rejects}
    assert sorted(by_row) == [2, 3, 4, 5, 6]
    assert by_row[2]["_status"] == "local"
    assert "invalid email address" in by_row[2]["_error"]
    assert by_row[2]["Email"] == "not-an-email"
    assert by_row[2]["City"] == "Lyon"
    assert "no email" in by_row[3]["_error"]
    assert by_row[4]["_status"] == "400"
    assert "email" in by_row[4]["_error"]
    assert "invalid" in by_row[4]["_error"]
    assert by_row[5]["_status"] == "400"
    assert "points" in by_row[5]["_error"]
    assert "has 2 cells" in by_row[6]["_error"]
    with client(fake) as m:
        assert sorted(all_emails(m)) == ["good1@example.com", "good3@example.com"]

    # The rejects file imports again once fixed (its _row/_status/_error columns are left out).
    fixed = tmp_path / "fixed.csv"
    lines = (tmp_path / "mixed.rejects.csv").read_text().splitlines()
    fixed.write_text("\n".join([lines[0], *(ln for ln in lines[1:] if ln.startswith("5,"))]) + "\n")
    fixed.write_text(fixed.read_text().replace(",abc,", ",7,"))
    again = run_cli(["import", str(fixed)], fake)
    assert again.code == 0, again.stderr
    assert "1 created" in again.stderr


def test_columns_are_matched_and_map_overrides_them(fake: FakeMautic, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "crm.csv",
        ["E-Mail Address", "Given", "Surname", "Zip", "Tags", "Internal Notes"],
        [["ann@example.com", "Ann", "Lee", "75001", "vip, lead", "do not import"]],
    )
    unmatched = run_cli(["import", str(source)], fake)
    assert unmatched.code == 2
    assert "'Given'" in unmatched.stderr
    assert "'Internal Notes'" in unmatched.stderr
    assert "--map" in unmatched.stderr
    with client(fake) as m:
        assert all_emails(m) == []  # nothing was sent

    result = run_cli(["import", str(source), "--map", "Given=firstname", "--map", "internal notes="], fake)
    assert result.code == 0, result.stderr
    with client(fake) as m:
        (contact,) = list(m.contacts.iterate())
    assert contact.fields["firstname"] == "Ann"
    assert contact.fields["lastname"] == "Lee"
    assert contact.fields["zipcode"] == "75001"
    assert sorted(contact.tags) == ["lead", "vip"]
    assert "do not import" not in json.dumps(contact.raw)


@pytest.mark.parametrize(
    ("maps", "message"),
    [
        (["Nope=email"], "has no column 'Nope'"),
        (["email=no_such_field"], "no contact field 'no_such_field'"),
        (["email"], "COLUMN=alias"),
        (["firstname=email"], "all go to 'email'"),
    ],
)
def test_bad_maps_are_usage_errors(fake: FakeMautic, tmp_path: Path, maps: list[str], message: str) -> None:
    source = contacts_csv(tmp_path / "c.csv", 3)
    args = ["import", str(source)]
    for item in maps:
        args += ["--map", item]
    result = run_cli(args, fake)
    assert result.code == 2
    assert message in result.stderr
    with client(fake) as m:
        assert all_emails(m) == []


def test_dry_run_without_connection_settings_checks_the_file_alone(tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "check.csv",
        ["email", "firstname", "shoe_size"],
        [["a@example.com", "A", "44"], ["oops", "B", "40"], ["a@example.com", "C", "41"]],
    )
    for env in ({}, {"MAUTIC_URL": "http://127.0.0.1:9"}):  # no URL; a URL but no credentials
        result = run_cli(["import", str(source), "--dry-run"], env=env)
        assert result.code == 1, result.stderr
        assert "dry run without the server (no " in result.stderr
        assert "3 records" in result.stderr
        assert "matched against Mautic's default contact fields" in result.stderr
        assert "email -> email" in result.stderr
        assert "not checked without connection settings: shoe_size" in result.stderr
        assert "would send 2 records (1 repeat" in result.stderr
        assert "record 2 (line 3): invalid email address 'oops'" in result.stderr
        assert "nothing was sent" in result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["check.csv"]

    clean = contacts_csv(tmp_path / "clean.csv", 5)
    assert run_cli(["import", str(clean), "--dry-run"], env={}).code == 0
    unmatched = write_csv(tmp_path / "notes.csv", ["email", "Internal Notes"], [["a@example.com", "x"]])
    offline = run_cli(["import", str(unmatched), "--dry-run"], env={})
    assert offline.code == 2
    assert "custom fields were not checked: no connection settings" in offline.stderr


def test_dry_run_checks_the_columns_against_the_server_like_the_import(tmp_path: Path) -> None:
    seed = {"fields": [{"alias": "shoe_size", "label": "Shoe size", "type": "number"}]}
    with FakeMautic(username="admin", password="Cli-s3cret-pa55word", data=seed) as fake:
        source = write_csv(
            tmp_path / "crm.csv",
            ["email", "Shoe Size", "Notes"],
            [["a@example.com", "44", "x"], ["b@example.com", "40", "y"]],
        )
        recording = Recording(fake.transport())
        dry = run_cli(["import", str(source), "--dry-run"], transport=recording, env=env_for())
        real = run_cli(["import", str(source)], fake)
        # Same refusal, same exit code; before, the dry run assumed 'Notes' was a custom field.
        assert dry.code == real.code == 2, dry.stderr
        assert "'Notes' match none of the server's contact fields" in dry.stderr
        assert dry.stderr.splitlines()[-1] == real.stderr.splitlines()[-1]
        assert recording.requests
        assert {method for method, _ in recording.requests} == {"GET"}
        assert {path for _, path in recording.requests} == {"/api/contacts/list/fields"}

        recording.requests.clear()
        mapped = run_cli(
            ["import", str(source), "--dry-run", "--map", "Notes="], transport=recording, env=env_for()
        )
        assert mapped.code == 0, mapped.stderr
        assert "matched against the server's contact fields" in mapped.stderr
        assert "Shoe Size -> shoe_size" in mapped.stderr
        assert "assumed" not in mapped.stderr
        assert "would send 2 records" in mapped.stderr
        assert {method for method, _ in recording.requests} == {"GET"}
        with client(fake) as m:
            assert all_emails(m) == []
        assert sorted(p.name for p in tmp_path.iterdir()) == ["crm.csv"]


def test_dry_run_with_settings_stops_like_the_import_when_the_server_does(
    fake: FakeMautic, tmp_path: Path
) -> None:
    source = contacts_csv(tmp_path / "c.csv", 3)
    wrong = run_cli(["import", str(source), "--dry-run"], fake, env=env_for(MAUTIC_PASSWORD="wrong-pass"))
    assert wrong.code == 2
    assert "Mautic refused the credentials" in wrong.stderr
    closed = env_for("http://127.0.0.1:9")
    gone = run_cli(["import", str(source), "--dry-run", "--max-retries", "0"], env=closed)
    assert gone.code == 3
    assert "cannot read the contact fields from http://127.0.0.1:9" in gone.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv"]


def test_a_custom_column_unknown_to_the_server_stops_before_sending(fake: FakeMautic, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "c.csv", ["email", "shoe_size"], [["a@example.com", "44"]])
    result = run_cli(["import", str(source)], fake)
    assert result.code == 2
    assert "'shoe_size'" in result.stderr
    with client(fake) as m:
        assert all_emails(m) == []


def test_json_lines_with_lists_and_bad_lines(fake: FakeMautic, tmp_path: Path) -> None:
    source = tmp_path / "people.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"email": "j1@example.com", "firstname": "J1", "tags": ["a", "b"], "points": 5}),
                "{not json",
                "[1, 2]",
                '{"email": "j2@example.com", "points": NaN}',
                "",
                json.dumps({"email": "j3@example.com", "city": None}),
            ]
        )
        + "\n"
    )
    result = run_cli(["import", str(source)], fake)
    assert result.code == 1, result.stderr
    assert "2 created, 0 updated, 3 rejected" in result.stderr
    lines = [json.loads(line) for line in (tmp_path / "people.rejects.jsonl").read_text().splitlines()]
    assert [(e["_row"], e["_status"]) for e in lines] == [(2, "local"), (3, "local"), (4, "local")]
    assert lines[0]["_line"] == "{not json"
    assert "invalid JSON" in lines[0]["_error"]
    assert "not a JSON object" in lines[1]["_error"]
    assert "NaN" in lines[2]["_error"]
    with client(fake) as m:
        j1 = next(c for c in m.contacts.iterate() if c.email == "j1@example.com")
    assert sorted(j1.tags) == ["a", "b"]
    assert j1.points == 5


def test_a_repeated_email_updates_the_contact_in_file_order(fake: FakeMautic, tmp_path: Path) -> None:
    rows = [[f"r{i}@example.com", f"First{i}"] for i in range(30)]
    rows += [["R3@example.com", "Second"], ["r3@example.com", "Third"], ["r7@example.com", "Again"]]
    source = write_csv(tmp_path / "dups.csv", ["email", "firstname"], rows)
    result = run_cli(["import", str(source), "--batch-size", "7", "--concurrency", "4"], fake)
    assert result.code == 0, result.stderr
    assert "30 created, 3 updated" in result.stderr
    with client(fake) as m:
        contacts = list(m.contacts.iterate())
    assert len(contacts) == 30
    names = {c.email: c.fields["firstname"] for c in contacts}
    assert names["r3@example.com"] == "Third"
    assert names["r7@example.com"] == "Again"


def test_records_without_email_need_allow_no_email(fake: FakeMautic, tmp_path: Path) -> None:
    no_column = write_csv(tmp_path / "names.csv", ["firstname", "lastname"], [["A", "B"], ["C", "D"]])
    refused = run_cli(["import", str(no_column)], fake)
    assert refused.code == 2
    assert "no email column" in refused.stderr
    assert "--allow-no-email" in refused.stderr

    mixed = write_csv(
        tmp_path / "mixed.csv", ["email", "firstname"], [["m1@example.com", "A"], ["", "B"], ["", ""]]
    )
    allowed = run_cli(["import", str(mixed), "--allow-no-email"], fake)
    assert allowed.code == 1, allowed.stderr  # the empty record is rejected
    assert "2 created, 0 updated, 1 rejected" in allowed.stderr
    allowed_names = run_cli(["import", str(no_column), "--allow-no-email"], fake)
    assert allowed_names.code == 0
    with client(fake) as m:
        assert sorted(c.fields["firstname"] for c in m.contacts.iterate()) == ["A", "A", "B", "C"]


def test_a_changed_file_does_not_resume_a_stale_checkpoint(fake: FakeMautic, tmp_path: Path) -> None:
    source = contacts_csv(tmp_path / "c.csv", 10)
    assert run_cli(["import", str(source)], fake).code == 0
    contacts_csv(source, 12)
    stale = run_cli(["import", str(source)], fake)
    assert stale.code == 2
    assert "--restart" in stale.stderr
    restarted = run_cli(["import", str(source), "--restart"], fake)
    assert restarted.code == 0, restarted.stderr
    assert "2 created, 10 updated" in restarted.stderr
    with client(fake) as m:
        assert len(all_emails(m)) == 12


def test_usage_errors_exit_2_before_anything_is_sent(fake: FakeMautic, tmp_path: Path) -> None:
    source = contacts_csv(tmp_path / "c.csv", 3)
    cases = [
        ["import", str(tmp_path / "missing.csv")],
        ["import", str(source), "--concurrency", "0"],
        ["import", str(source), "--batch-size", "201"],
        ["import", str(source), "--delimiter", ";;"],
        ["import", str(tmp_path / "c.txt")],
        ["import"],
        ["import", str(source), "--no-such-flag"],
        [],
    ]
    (tmp_path / "c.txt").write_text("email\na@example.com\n")
    for args in cases:
        result = run_cli(args, fake)
        assert result.code == 2, (args, result.stderr)
        assert "error:" in result.stderr
    with client(fake) as m:
        assert all_emails(m) == []


def test_a_field_error_appears_once_in_the_rejects_file(fake: FakeMautic, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "long.csv",
        ["email", "firstname"],
        [["ok@example.com", "Ok"], ["long@example.com", "x" * 300]],
    )
    result = run_cli(["import", str(source)], fake)
    assert result.code == 1, result.stderr
    (reject,) = read_csv(tmp_path / "long.rejects.csv")
    assert reject["_status"] == "400"
    # Mautic's message already lists the field errors that `details` holds: not repeated.
    assert reject["_error"] == f"firstname: {TOO_LONG}"


@pytest.mark.parametrize(
    ("error", "described"),
    [
        (None, "refused without a message"),
        (ErrorDetail("Item was not found.", 404), "Item was not found."),
        (
            ErrorDetail(
                f"firstname: {TOO_LONG}, email: foo is invalid.",
                400,
                {"firstname": (TOO_LONG,), "email": ("foo is invalid.",)},
            ),
            f"firstname: {TOO_LONG}; email: foo is invalid.",
        ),
        (  # a field's second message is not in Mautic's message (it lists the first one only)
            ErrorDetail("points: not a number.", 400, {"points": ("not a number.", "too big.")}),
            "points: not a number.; points: too big.",
        ),
        (  # a message that says more than the field errors is kept, the field errors are added
            ErrorDetail("Contact refused", 400, {"email": ("invalid.", "invalid.")}),
            "Contact refused; email: invalid.",
        ),
        (ErrorDetail("", 400, {"city": ("bad.",)}), "city: bad."),
    ],
)
def test_rejects_reasons_name_each_error_once(error: ErrorDetail | None, described: str) -> None:
    assert _describe(error) == described


def test_rerunning_a_finished_import_explains_its_exit_code(fake: FakeMautic, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "done.csv",
        ["email", "firstname"],
        [["a@example.com", "A"], ["bad", "B"], ["c@example.com", "C"]],
    )
    first = run_cli(["import", str(source)], fake)
    assert first.code == 1
    assert "2 created, 0 updated, 1 rejected" in first.stderr
    rejects = tmp_path / "done.rejects.csv"
    again = run_cli(["import", str(source)], fake)
    # Nothing rejected by this run, but the import as a whole still has a rejected record: exit 1 says
    # so, and the summary tells where the 1 comes from.
    assert again.code == 1
    assert "0 created, 0 updated, 0 rejected, 0 unsure, 3 skipped" in again.stderr
    assert f"1 rejected in an earlier run (see {rejects})" in again.stderr
    assert [r["_row"] for r in read_csv(rejects)] == ["2"]
    rejects.unlink()
    gone = run_cli(["import", str(source)], fake)
    assert gone.code == 1
    assert f"1 rejected in an earlier run (their rejects file {rejects} is gone)" in gone.stderr
    clean = contacts_csv(tmp_path / "clean.csv", 2)
    assert run_cli(["import", str(clean)], fake).code == 0
    rerun = run_cli(["import", str(clean)], fake)
    assert rerun.code == 0
    assert "earlier run (" not in rerun.stderr
