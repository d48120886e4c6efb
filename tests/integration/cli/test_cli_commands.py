"""`get`, `delete`, `tag`; credentials (flags, environment, prompt, stdin) and secrets never shown;
`--help` of every command; the progress bar."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cli_support import PASSWORD, USER, client, contacts_csv, env_for, run_cli
from mautic_mock import FakeMautic

COMMANDS = ("import", "export", "get", "delete", "tag")


def one_contact(fake: FakeMautic) -> int:
    with client(fake) as m:
        return m.contacts.create({"email": "solo@example.com", "firstname": "Solo", "tags": ["lead"]}).id


def test_get_prints_the_contact_as_json(fake: FakeMautic) -> None:
    contact_id = one_contact(fake)
    result = run_cli(["get", str(contact_id)], fake)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == contact_id
    assert data["fields"]["email"] == "solo@example.com"
    assert data["tags"] == ["lead"]
    raw = json.loads(run_cli(["get", str(contact_id), "--raw"], fake).stdout)
    assert raw["fields"]["all"]["firstname"] == "Solo"
    missing = run_cli(["get", "999"], fake)
    assert missing.code == 1
    assert "no contact with id 999" in missing.stderr
    assert run_cli(["get", "abc"], fake).code == 2
    assert run_cli(["get", "0"], fake).code == 2


def test_tag_adds_and_removes(fake: FakeMautic) -> None:
    contact_id = one_contact(fake)
    result = run_cli(["tag", str(contact_id), "--add", "vip", "--add", "customer", "--remove", "lead"], fake)
    assert result.code == 0, result.stderr
    assert sorted(json.loads(result.stdout)["tags"]) == ["customer", "vip"]
    assert run_cli(["tag", str(contact_id)], fake).code == 2
    assert run_cli(["tag", str(contact_id), "--add", "-bad"], fake).code == 2
    assert run_cli(["tag", "999", "--add", "x"], fake).code == 1
    with client(fake) as m:
        assert sorted(m.contacts.get(contact_id).tags) == ["customer", "vip"]


def test_delete_asks_unless_yes(fake: FakeMautic) -> None:
    contact_id = one_contact(fake)
    not_a_tty = run_cli(["delete", str(contact_id)], fake)
    assert not_a_tty.code == 2
    assert "--yes" in not_a_tty.stderr
    declined = run_cli(["delete", str(contact_id)], fake, stdin="n\n", tty=True)
    assert declined.code == 0
    assert "Delete contact" in declined.stderr
    assert "solo@example.com" in declined.stderr
    assert "not deleted" in declined.stderr
    with client(fake) as m:
        assert m.contacts.get(contact_id).id == contact_id
    confirmed = run_cli(["delete", str(contact_id)], fake, stdin="y\n", tty=True)
    assert confirmed.code == 0
    assert json.loads(confirmed.stdout)["id"] == contact_id
    assert run_cli(["delete", str(contact_id), "--yes"], fake).code == 1  # gone now
    other = one_contact(fake)
    assert run_cli(["delete", str(other), "--yes"], fake).code == 0


def test_credentials_from_flags_environment_stdin_and_prompt(fake: FakeMautic) -> None:
    contact_id = one_contact(fake)
    url_only = {"MAUTIC_URL": "http://mautic.test"}
    by_flags = ["get", str(contact_id), "--username", USER, "--password", PASSWORD]
    assert run_cli(by_flags, fake, env=url_only).code == 0
    assert (
        run_cli(
            ["get", str(contact_id), "--url", "http://mautic.test"], fake, env=env_for(MAUTIC_URL="")
        ).code
        == 0
    )
    from_stdin = run_cli(
        ["get", str(contact_id), "--username", USER, "--password", "-"],
        fake,
        env=url_only,
        stdin=PASSWORD + "\n",
    )
    assert from_stdin.code == 0
    prompted = run_cli(
        ["get", str(contact_id), "--username", USER], fake, env=url_only, tty=True, answers=[PASSWORD]
    )
    assert prompted.code == 0
    # The username flag picks Basic auth; the password comes from the environment.
    mixed = run_cli(["get", str(contact_id), "--username", USER], fake, env=env_for())
    assert mixed.code == 0
    no_password = run_cli(["get", str(contact_id), "--username", USER], fake, env=url_only)
    assert no_password.code == 2
    assert "MAUTIC_PASSWORD" in no_password.stderr
    assert run_cli(["get", "1"], fake, env={}).code == 2
    both = run_cli(["get", "1", "--username", "u", "--client-id", "c"], fake)
    assert both.code == 2


def test_secrets_are_never_printed(fake: FakeMautic, tmp_path: Path) -> None:
    contact_id = one_contact(fake)
    wrong = "Wr0ng-but-secret-pa55"
    basic = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    source = contacts_csv(tmp_path / "c.csv", 3)
    runs = [
        run_cli(["get", str(contact_id), "--password", PASSWORD], fake),
        run_cli(["get", "999", "--password", PASSWORD], fake),
        run_cli(["import", str(source), "--password", PASSWORD], fake),
        run_cli(["export", "--password", PASSWORD], fake),
        run_cli(["get", "1", "--password", wrong], fake),  # refused: 401
        run_cli(["export", "--password", wrong], fake),
        run_cli(["import", str(source), "--password", wrong], fake),
        # Nothing listens there: a connection error message.
        run_cli(["get", "1", "--password", PASSWORD, "--url", "http://127.0.0.1:9", "--max-retries", "0"]),
        run_cli(["get", "1", "--url", f"http://{USER}:{PASSWORD}@mautic.test"], fake),
        run_cli(["get", "--help"], env=env_for()),
    ]
    assert [r.code for r in runs[4:7]] == [2, 2, 2]
    assert runs[7].code == 3
    assert runs[8].code == 2
    # In the command line's words (flags and variables), not the Python API's `username=/password=`.
    assert "must not hold credentials: pass --username" in runs[8].stderr
    assert "MAUTIC_PASSWORD or --password-file" in runs[8].stderr
    assert "username=" not in runs[8].stderr
    for result in runs:
        for secret in (PASSWORD, wrong, basic):
            assert secret not in result.stdout
            assert secret not in result.stderr


def test_secrets_from_a_file_or_stdin_and_a_warning_for_flag_values(fake: FakeMautic, tmp_path: Path) -> None:
    contact_id = one_contact(fake)
    url_only = {"MAUTIC_URL": "http://mautic.test", "MAUTIC_USERNAME": USER}
    secret_file = tmp_path / "password.txt"
    secret_file.write_text(PASSWORD + "\n")
    from_file = run_cli(["get", str(contact_id), "--password-file", str(secret_file)], fake, env=url_only)
    assert from_file.code == 0, from_file.stderr
    assert "warning" not in from_file.stderr
    dash = run_cli(
        ["get", str(contact_id), "--password-file", "-"], fake, env=url_only, stdin=PASSWORD + "\n"
    )
    assert dash.code == 0, dash.stderr
    from_env = run_cli(["get", str(contact_id)], fake, env=env_for())
    assert from_env.code == 0
    assert "warning" not in from_env.stderr

    # A value on the command line works, with a warning: other local users see it in `ps`.
    flag = run_cli(["get", str(contact_id), "--password", PASSWORD], fake, env=url_only)
    assert flag.code == 0
    assert "--password on the command line is visible to other local users" in flag.stderr
    assert "MAUTIC_PASSWORD or --password-file" in flag.stderr

    empty = tmp_path / "empty.txt"
    empty.write_text("\n" + PASSWORD)
    refused = [
        run_cli(["get", "1", "--password-file", str(tmp_path / "missing.txt")], fake, env=url_only),
        run_cli(["get", "1", "--password-file", str(empty)], fake, env=url_only),
        run_cli(
            ["get", "1", "--password", PASSWORD, "--password-file", str(secret_file)], fake, env=url_only
        ),
        run_cli(["get", "1", "--client-id", "c", "--password-file", str(secret_file)], fake, env=url_only),
    ]
    assert [r.code for r in refused] == [2, 2, 2, 2]
    assert "cannot read --password-file" in refused[0].stderr
    assert "first line is empty" in refused[1].stderr
    assert "not both" in refused[2].stderr
    for result in [from_file, dash, from_env, flag, *refused]:
        assert PASSWORD not in result.output


def test_client_secret_file_for_oauth2(tmp_path: Path) -> None:
    secret = "oauth-Cl1ent-s3cret"
    with FakeMautic(username=USER, password=PASSWORD, client_id="cid", client_secret=secret) as oauth:
        contact_id = one_contact(oauth)
        secret_file = tmp_path / "secret"
        secret_file.write_text(secret)  # no newline at the end: fine too
        env = {"MAUTIC_URL": "http://mautic.test", "MAUTIC_CLIENT_ID": "cid"}
        result = run_cli(["get", str(contact_id), "--client-secret-file", str(secret_file)], oauth, env=env)
        assert result.code == 0, result.stderr
        flag = run_cli(["get", str(contact_id), "--client-secret", secret], oauth, env=env)
        assert flag.code == 0
        assert "--client-secret on the command line is visible to other local users" in flag.stderr
        wrong = tmp_path / "wrong"
        wrong.write_text("not-the-secret\n")
        refused = run_cli(["get", str(contact_id), "--client-secret-file", str(wrong)], oauth, env=env)
        assert refused.code == 2
        for run in (result, flag, refused):
            assert secret not in run.output
            assert "not-the-secret" not in run.output


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_for_every_command_shows_no_environment_values(command: str | None) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    result = run_cli(args, env=env_for(MAUTIC_CLIENT_SECRET="env-secret-value"))
    assert result.code == 0
    assert "usage: mautic-contacts" in result.stdout
    assert PASSWORD not in result.stdout
    assert "env-secret-value" not in result.stdout
    if command is not None:
        assert "--password" in result.stdout
        assert "MAUTIC_PASSWORD" in result.stdout
        for flag in ("--password-file", "--client-secret-file"):
            assert flag in result.stdout
        text = " ".join(result.stdout.split())
        assert text.count("visible to other local users (ps)") == 2  # --password and --client-secret
    if command == "import":
        for flag in ("--map", "--concurrency", "--checkpoint", "--rejects", "--dry-run", "--allow-no-email"):
            assert flag in result.stdout
    if command == "export":
        for flag in ("--where", "--search", "--fields", "--output", "--format"):
            assert flag in result.stdout
        # The epilog is printed as written (argparse %-formats help= strings, not epilogs).
        assert '"email like %@acme.com"' in result.stdout
        assert "%%" not in result.stdout


def test_progress_bar_only_on_a_terminal(fake: FakeMautic, tmp_path: Path) -> None:
    source = contacts_csv(tmp_path / "c.csv", 30)
    shown = run_cli(["import", str(source), "--batch-size", "10"], fake, stderr_tty=True)
    assert shown.code == 0
    assert "rows/s" in shown.stderr
    assert "30/30" in shown.stderr
    hidden = run_cli(["export", "--no-progress"], fake, stderr_tty=True)
    assert hidden.code == 0
    assert "contacts/s" not in hidden.stderr
    piped = run_cli(["export"], fake)
    assert "contacts/s" not in piped.stderr
    exported = run_cli(["export", "-o", str(tmp_path / "out.csv")], fake, stderr_tty=True)
    assert "contacts/s" in exported.stderr
    assert "30/30" in exported.stderr
