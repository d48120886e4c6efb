"""`make contract` with WRITE=1 must leave a real instance exactly as it was.

The proof: a fake pre-loaded with "real" contacts (the spec's own example emails, a custom unique
field, tags, DNC, notes, points, segments) is served on loopback; `run_live.py` runs the schemathesis
CLI against it with WRITE=1; afterwards every real contact reads back byte for byte the same, no
other contact exists, the run wrote with every method and created (and deleted) contacts of its own,
and no credential appears in any output. The guard and the rewriting hooks are also tested alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
import run_live
from contract_guard import RESERVED_DOMAIN, Guard
from contract_safety import SafetyRewriter
from mautic_mock import FakeMautic

PASSWORD = "s3cret-contract-pw"
AUTH = ("admin", PASSWORD)
REAL_DATA: dict[str, Any] = {
    "fields": [{"alias": "member_no", "label": "Member number", "type": "text", "isUniqueIdentifier": True}],
    "stages": [{"name": "Lead", "weight": 10}],
    "segments": [{"name": "Newsletter", "alias": "newsletter"}],
    "companies": [{"companyname": "Acme", "companycity": "Paris"}],
    "pointGroups": [{"name": "Engagement"}],
    "contacts": [
        # The spec's example emails: the fuzzer sends them, and dedupe would edit these contacts.
        {
            "email": "jim@example.com",
            "firstname": "Jim",
            "member_no": "0",
            "points": 10,
            "tags": ["vip"],
            "owner": 1,
            "stage": "Lead",
            "companies": ["Acme"],
            "segments": ["newsletter"],
            "notes": [{"text": "Met at a fair", "type": "meeting", "dateTime": "2024-01-02 10:00:00"}],
            "pointGroups": {"Engagement": 5},
            "doNotContact": [{"channel": "email", "reason": 2}],
            "dateAdded": "2024-01-01 09:00:00",
        },
        {
            "email": "ann@example.com",
            "member_no": "A",
            "lastname": "Contact",
            "dateAdded": "2024-01-01 09:00:00",
        },
        {"email": "rudolf@example.com", "firstname": "Rudolf", "dateAdded": "2024-01-01 09:00:00"},
        {"firstname": "Anonymous", "member_no": "1", "dateAdded": "2024-01-01 09:00:00"},
    ],
}
SUBRESOURCES = ("notes", "devices", "campaigns", "segments", "companies", "activity")


def snapshot(http: httpx.Client) -> dict[str, Any]:
    """Everything the contacts API shows about the instance."""
    listing = http.get("/contacts", params={"limit": 0, "orderBy": "id"}).json()
    state: dict[str, Any] = {"ids": sorted(int(i) for i in listing["contacts"])}
    for contact_id in state["ids"]:
        state[f"{contact_id}"] = http.get(f"/contacts/{contact_id}").json()
        for sub in SUBRESOURCES:
            state[f"{contact_id}/{sub}"] = http.get(f"/contacts/{contact_id}/{sub}").json()
        state[f"{contact_id}/points"] = http.get(f"/contacts/{contact_id}/points/groups").json()
    return state


@pytest.fixture
def real_instance() -> Iterator[tuple[FakeMautic, str]]:
    fake = FakeMautic(username=AUTH[0], password=PASSWORD, data=REAL_DATA)
    try:
        with fake.serve_in_thread() as server:
            yield fake, server.url
    finally:
        fake.close()


def test_a_write_run_loses_nothing(
    real_instance: tuple[FakeMautic, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, site = real_instance
    with httpx.Client(base_url=f"{site}/api", auth=AUTH) as http:
        before = snapshot(http)
        assert len(before["ids"]) == 4
        monkeypatch.setenv("MAUTIC_URL", site)
        monkeypatch.setenv("MAUTIC_USERNAME", AUTH[0])
        monkeypatch.setenv("MAUTIC_PASSWORD", PASSWORD)
        monkeypatch.setenv("WRITE", "1")
        monkeypatch.setenv("CONTRACT_UNIQUE_FIELDS", "email,member_no")
        monkeypatch.delenv("MAUTIC_CLIENT_ID", raising=False)
        status = run_live.main(
            ["--label", "safety", "--max-examples", "4", "--quiet", "--reports", str(tmp_path)]
        )
        after = snapshot(http)
    output = capsys.readouterr().out
    guard = json.loads((tmp_path / "safety-guard.json").read_text())

    assert status in (0, 1), output  # 3 would be a safety problem, 2 a usage error
    assert guard["blocked"] == []
    assert guard["foreign"] == []
    assert guard["left_over"] == []
    # Not vacuous: it wrote with every method and created, then deleted, contacts of its own.
    assert {"POST", "PUT", "PATCH", "DELETE"} <= set(guard["by_method"])
    assert len(guard["created"]) > 50
    assert set(guard["created"]) <= set(guard["deleted"])
    assert not set(guard["created"]) & set(before["ids"])
    assert after == before
    for path in tmp_path.iterdir():
        assert PASSWORD not in path.read_text(encoding="utf-8"), path.name
    assert PASSWORD not in output
    assert "Safety: " in (tmp_path / "safety-summary.md").read_text()


def test_the_runs_requests_without_the_guard_damage_real_contacts(
    real_instance: tuple[FakeMautic, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The control experiment: what the test above protects against really happens. The spec's own
    # examples alone (batch delete of ids 1,2,3, edits of the example emails) are enough.
    _, site = real_instance
    with httpx.Client(base_url=f"{site}/api", auth=AUTH) as http:
        before = snapshot(http)
        monkeypatch.setenv("MAUTIC_URL", site)
        monkeypatch.setenv("MAUTIC_USERNAME", AUTH[0])
        monkeypatch.setenv("MAUTIC_PASSWORD", PASSWORD)
        arguments = ["--label", "unguarded", "--disposable", "--phases", "examples", "--quiet"]
        run_live.main([*arguments, "--reports", str(tmp_path)])
        after = snapshot(http)
    damaged = [key for key in before if key != "ids" and before[key] != after.get(key)]
    assert damaged, "fuzzing without the guard left the real contacts alone: the safety test proves nothing"


# -- the guard on its own -----------------------------------------------------------------------
@pytest.fixture
def guarded(real_instance: tuple[FakeMautic, str]) -> Iterator[tuple[Guard, httpx.Client]]:
    _, site = real_instance
    with (
        Guard(f"{site}/api", mode="write", auth=httpx.BasicAuth(*AUTH), unique_fields={"member_no"}) as guard,
        httpx.Client(base_url=guard.api_url, auth=AUTH) as http,
    ):
        yield guard, http


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("DELETE", "/contacts/1/delete", {}),
        ("PATCH", "/contacts/2/edit", {"json": {"firstname": "X"}}),
        ("PUT", "/contacts/2/edit", {"json": {}}),
        ("POST", "/contacts/1/dnc/email/add", {}),
        ("POST", "/contacts/1/points/plus/5", {}),
        ("POST", "/contacts/1/points/groups/1/set/0", {}),
        ("POST", "/contacts/1/utm/add", {"json": {"utm_source": "x"}}),
        # Mautic reads the ids of a batch delete from any parameter when `ids` is missing (§4.7).
        ("DELETE", "/contacts/batch/delete", {"params": {"ids": "1,2"}}),
        ("DELETE", "/contacts/batch/delete", {"params": {"x-schemathesis-unknown-property": "3"}}),
        ("PATCH", "/contacts/batch/edit", {"json": [{"id": 1, "firstname": "X"}]}),
        ("PUT", "/contacts/batch/edit", {"json": {"ids": "1"}}),
        ("PATCH", "/contacts/batch/edit", {"json": [1, 2]}),
        # Dedupe by a unique identifier would edit the existing contact instead of creating one.
        ("POST", "/contacts/new", {"json": {"email": "jim@example.com"}}),
        ("POST", "/contacts/new", {"json": {"member_no": "A"}}),
        ("POST", "/contacts/batch/new", {"json": [{"email": "ann@example.com"}]}),
        ("POST", "/contacts/new", {"data": {"email": "jim@example.com"}}),
        # POST routed as DELETE (`http_method_override`).
        ("POST", "/contacts/1/delete?_method=DELETE", {}),
        ("POST", "/contacts/1/delete", {"headers": {"X-HTTP-Method-Override": "DELETE"}}),
        # An encoded slash is decoded before routing.
        ("PUT", "/contacts/1%2Fedit", {"json": {}}),
    ],
)
def test_the_guard_refuses_writes_to_contacts_it_did_not_create(
    guarded: tuple[Guard, httpx.Client], method: str, path: str, kwargs: dict[str, Any]
) -> None:
    guard, http = guarded
    before = snapshot(http)
    response = http.request(method, path, **kwargs)
    assert response.status_code == 599, response.text
    assert response.json()["errors"][0]["message"].startswith("contract safety guard: ")
    assert len(guard.report.blocked) == 1
    assert snapshot(http) == before


def test_the_guard_tracks_and_cleans_up_what_the_run_creates(guarded: tuple[Guard, httpx.Client]) -> None:
    guard, http = guarded
    created = http.post("/contacts/new", json={"email": f"a@{RESERVED_DOMAIN}"}).json()["contact"]["id"]
    assert guard.owns(created)
    assert http.patch(f"/contacts/{created}/edit", json={"firstname": "Mine"}).status_code == 200
    batch = http.post(
        "/contacts/batch/new", json=[{"email": f"b@{RESERVED_DOMAIN}"}, {"firstname": "c"}]
    ).json()
    batch_ids = [c["id"] for c in batch["contacts"]]
    assert all(guard.owns(i) for i in batch_ids)
    # PUT on a deleted contact of its own creates another one (§4.4): owned too.
    assert http.delete(f"/contacts/{created}/delete").status_code == 200
    recreated = http.put(f"/contacts/{created}/edit", json={"email": f"d@{RESERVED_DOMAIN}"})
    assert recreated.status_code == 201
    assert guard.owns(recreated.json()["contact"]["id"])
    # A reserved-domain contact that escaped tracking is swept too.
    stray = httpx.post(
        f"{guard.upstream}/contacts/new", json={"email": f"stray@{RESERVED_DOMAIN}"}, auth=AUTH
    )
    report = guard.cleanup()
    assert report.safe
    assert report.swept == 1
    listing = http.get("/contacts", params={"limit": 0}).json()["contacts"]
    assert sorted(int(i) for i in listing) == [1, 2, 3, 4]
    assert stray.json()["contact"]["id"] not in [int(i) for i in listing]


def test_a_read_only_guard_forwards_reads_only(real_instance: tuple[FakeMautic, str]) -> None:
    _, site = real_instance
    with (
        Guard(f"{site}/api", mode="read-only") as guard,
        httpx.Client(base_url=guard.api_url, auth=AUTH) as http,
    ):
        assert http.get("/contacts/1").status_code == 200
        assert http.options("/contacts").status_code == 405
        assert http.post("/contacts/new", json={}).status_code == 599
        assert http.delete("/contacts/1/delete").status_code == 599
        assert http.get("/contacts/1").status_code == 200
        assert guard.report.requests == 5
        assert len(guard.report.blocked) == 2


# -- the rewriting hooks on their own -----------------------------------------------------------
class FakeCase:
    """The attributes of a schemathesis Case that the rewriter reads and writes."""

    def __init__(self, operation_id: str, method: str, path: str, **parts: Any) -> None:
        self.method = method
        self.operation = type(
            "Op", (), {"path": path, "definition": type("D", (), {"raw": {"operationId": operation_id}})()}
        )()
        self.path_parameters = parts.get("path_parameters")
        self.query = parts.get("query")
        self.body = parts.get("body")


def test_the_rewriter_makes_generated_writes_safe(guarded: tuple[Guard, httpx.Client]) -> None:
    guard, http = guarded
    rewriter = SafetyRewriter(guard.control_url)
    cases = [
        FakeCase("deleteContact", "DELETE", "/contacts/{id}/delete", path_parameters={"id": 1}),
        FakeCase(
            "updateContact",
            "PATCH",
            "/contacts/{id}/edit",
            path_parameters={"id": "0002"},
            body={"email": "jim@example.com", "tags": ["x"], "company": "Acme"},
        ),
        FakeCase(
            "adjustContactPoints",
            "POST",
            "/contacts/{leadId}/points/{operator}/{delta}",
            path_parameters={"leadId": 3, "operator": "plus", "delta": 1},
        ),
        FakeCase(
            "deleteContactsBatch", "DELETE", "/contacts/batch/delete", query={"ids": "1,2,3", "other": "4"}
        ),
        FakeCase(
            "deleteContactsBatch",
            "DELETE",
            "/contacts/batch/delete",
            query={"x-schemathesis-unknown-property": 4},
        ),
        FakeCase(
            "updateContactsBatch",
            "PATCH",
            "/contacts/batch/edit",
            body=[{"id": 1}, {"firstname": "x"}, 2, {"id": "rubbish", "member_no": "A"}],
        ),
        FakeCase("replaceContactsBatch", "PUT", "/contacts/batch/edit", body={"ids": "1,2", "a": {"id": 3}}),
        FakeCase(
            "createContactsBatch",
            "POST",
            "/contacts/batch/new",
            body=[{"email": "ann@example.com", "member_no": "1"}],
        ),
        # A GET-only path hit with another method (coverage phase): the id is still rewritten.
        FakeCase("getContact", "PUT", "/contacts/{id}", path_parameters={"id": "1/edit"}),
    ]
    for case in cases:
        rewriter.make_safe(case)
        url = guard.api_url + case.operation.path.format(**(case.path_parameters or {}))
        response = http.request(case.method, url.replace("%2F", "/"), params=case.query, json=case.body)
        assert response.status_code != 599, (case.operation.path, response.text)
    assert cases[1].body == {"email": cases[1].body["email"]}
    assert cases[1].body["email"].endswith("@" + RESERVED_DOMAIN)
    assert cases[4].query == {}
    # Values the router would never read as an id stay, to keep the negative cases negative.
    kept = FakeCase("getContact", "DELETE", "/contacts/{id}/delete", path_parameters={"id": "-5"})
    rewriter.make_safe(kept)
    assert kept.path_parameters == {"id": "-5"}
    assert guard.report.blocked == []
    assert guard.cleanup().safe
    assert snapshot(http)["ids"] == [1, 2, 3, 4]


# -- credentials ----------------------------------------------------------------------------------
def test_oauth_credentials_reach_the_cli_as_a_bearer_token_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "client-secret-never-shown"
    fake = FakeMautic(client_id="contract-client", client_secret=secret)
    try:
        with fake.serve_in_thread() as server:
            for name in ("MAUTIC_USERNAME", "MAUTIC_PASSWORD", "WRITE"):
                monkeypatch.delenv(name, raising=False)
            monkeypatch.setenv("MAUTIC_URL", server.url)
            monkeypatch.setenv("MAUTIC_CLIENT_ID", "contract-client")
            monkeypatch.setenv("MAUTIC_CLIENT_SECRET", secret)
            arguments = ["--label", "oauth", "--phases", "examples", "--quiet", "--reports", str(tmp_path)]
            assert run_live.main(arguments) == 0
            monkeypatch.setenv("MAUTIC_CLIENT_SECRET", secret + "-wrong")
            assert run_live.main([*arguments]) == 2
    finally:
        fake.close()
    captured = capsys.readouterr()
    assert "The client credentials are invalid" in captured.err
    summary = (tmp_path / "oauth-summary.md").read_text()
    assert "(read-only)" in summary
    assert "Failures: 0" in summary
    for text in [captured.out, captured.err, *(p.read_text(encoding="utf-8") for p in tmp_path.iterdir())]:
        assert secret not in text


def test_the_cli_configuration_names_credentials_only_by_variable() -> None:
    basic = run_live.Target("t", "https://m.example", "https://m.example/api", "write", "basic")
    oauth = run_live.Target("t", "https://m.example", "https://m.example/api", "read-only", "oauth2")
    assert "${MAUTIC_PASSWORD}" in run_live.cli_config(basic)
    assert "${CONTRACT_ACCESS_TOKEN}" in run_live.cli_config(oauth)
    # Read-only runs probe unexpected methods only with methods that cannot change anything.
    assert 'unexpected-methods = ["options", "trace"]' in run_live.cli_config(oauth)
    assert "unexpected-methods" not in run_live.cli_config(basic)


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (
            200,
            {
                "total": 3,
                "fields": [
                    {"alias": "email", "isUniqueIdentifier": True},
                    {"alias": "member_no", "isUniqueIdentifer": True},  # the entity's own spelling
                    {"alias": "firstname", "isUniqueIdentifier": False},
                ],
            },
            {"email", "member_no"},
        ),
        (404, {"errors": [{"code": 404, "message": "No route found"}]}, {"email"}),
        (403, {"errors": [{"code": 403, "message": "You do not have access"}]}, None),
    ],
)
def test_unique_identifiers_come_from_the_field_definitions(
    status: int, body: dict[str, Any], expected: set[str] | None
) -> None:
    target = run_live.Target("t", "https://m.example", "https://m.example/api", "write", "basic")
    with respx.mock:
        respx.get("https://m.example/api/fields/contact").respond(status, json=body)
        if expected is None:
            with pytest.raises(run_live.UsageError, match="CONTRACT_UNIQUE_FIELDS"):
                run_live.unique_fields(target, {})
        else:
            assert run_live.unique_fields(target, {})[0] == expected
        assert run_live.unique_fields(target, {"CONTRACT_UNIQUE_FIELDS": "member_no"})[0] == {
            "email",
            "member_no",
        }
