"""`make contract` with WRITE=1 must leave a real instance exactly as it was.

The proof: a fake pre-loaded with "real" contacts (the spec's own example emails, a custom unique
field, tags, DNC, notes, points, segments) is served on loopback; `run_live.py` runs the schemathesis
CLI against it with WRITE=1; afterwards every real contact reads back byte for byte the same, no
other contact exists, the run wrote with every method and created (and deleted) contacts of its own,
and no credential appears in any output. The guard and the rewriting hooks are also tested alone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
import run_live
from contract_guard import RESERVED_DOMAIN, Guard, GuardReport
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
    # Every contact it created carried a reserved email (or was given one): a sweep finds them all.
    assert guard["unmarked"] == []
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


def communicate_or_explain(runner: subprocess.Popen[str], timeout: float) -> tuple[str, str]:
    """The runner's output once it exits; if it does not, fail with where it and the fake were waiting.

    The timeout is a hang guard, far above the runner's own worst case (schemathesis gets 10 s for
    SIGINT and 5 s for SIGTERM, then the cleanup runs).
    """
    try:
        return runner.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.kill(runner.pid, signal.SIGUSR1)  # run_live prints every thread's stack
        time.sleep(2)
        os.killpg(runner.pid, signal.SIGKILL)
        _, err = runner.communicate()
        names = {thread.ident: thread.name for thread in threading.enumerate()}
        stacks = "".join(
            f"thread {names.get(ident, ident)}:\n" + "".join(traceback.format_stack(frame))
            for ident, frame in sys._current_frames().items()
        )
        pytest.fail(
            f"the runner did not exit {timeout} s after the signal\n--- its stderr (stacks at the end):\n"
            f"{err}\n--- this process, where the fake serves:\n{stacks}"
        )


@pytest.mark.parametrize(
    ("signum", "whole_group"),
    [
        # Ctrl-C in a terminal: the runner and schemathesis (same process group) both get SIGINT.
        (signal.SIGINT, True),
        # `kill`, a CI timeout: only the runner gets SIGTERM and must stop schemathesis itself.
        (signal.SIGTERM, False),
    ],
    ids=["sigint-to-the-group", "sigterm-to-the-runner"],
)
def test_an_interrupted_write_run_deletes_what_it_created(
    real_instance: tuple[FakeMautic, str], tmp_path: Path, signum: int, whole_group: bool
) -> None:
    _, site = real_instance
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAUTIC_")}
    env.update(
        MAUTIC_URL=site,
        MAUTIC_USERNAME=AUTH[0],
        MAUTIC_PASSWORD=PASSWORD,
        WRITE="1",
        CONTRACT_UNIQUE_FIELDS="email,member_no",
    )
    argv = [sys.executable, str(Path(run_live.__file__)), "--label", "interrupted", "--quiet"]
    with httpx.Client(base_url=f"{site}/api", auth=AUTH) as http:
        before = snapshot(http)
        runner = subprocess.Popen(
            [*argv, "--max-examples", "200", "--reports", str(tmp_path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, as a terminal's foreground job
        )
        try:
            # Mid-run: the run has contacts of its own on the server (not yet deleted).
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and runner.poll() is None:
                if int(http.get("/contacts", params={"limit": 1, "minimal": 1}).json()["total"]) >= 8:
                    break
                time.sleep(0.05)
            assert runner.poll() is None, "the run ended before it could be interrupted"
            during = int(http.get("/contacts", params={"limit": 1, "minimal": 1}).json()["total"])
            assert during >= 8
            if whole_group:
                os.killpg(runner.pid, signum)
            else:
                os.kill(runner.pid, signum)
            out, err = communicate_or_explain(runner, timeout=90)
        finally:
            if runner.poll() is None:
                os.killpg(runner.pid, signal.SIGKILL)
                runner.wait()
        after = snapshot(http)  # no later sweep: the interrupted run's own cleanup is all there is

    assert after == before  # the real contacts byte for byte, and no contact of the run remains
    assert runner.returncode == 128 + signum, (out, err)
    assert "Traceback" not in err, err
    guard = json.loads((tmp_path / "interrupted-guard.json").read_text())
    assert guard["interrupted"] == signal.Signals(signum).name
    assert "INTERRUPTED" in (tmp_path / "interrupted-summary.md").read_text()
    assert guard["created"], "the run created nothing before the interrupt: the test proves nothing"
    assert guard["left_over"] == []
    assert not guard["abandoned"]
    assert set(guard["created"]) <= set(guard["deleted"])
    assert PASSWORD not in out + err


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


def test_the_guard_gives_contacts_created_without_an_email_a_reserved_one(
    guarded: tuple[Guard, httpx.Client],
) -> None:
    # Bodies the rewriting cannot reach still create contacts: no body, a JSON list, a media type the
    # server does not decode. Tracked by id, and marked so that a sweep finds them if the run dies.
    guard, http = guarded
    answers = [
        http.post("/contacts/new"),
        http.post("/contacts/new", json=[None, None]),
        http.post("/contacts/new", content=b'{"firstname": "x"}', headers={"Content-Type": "text/plain"}),
    ]
    ids = [answer.json()["contact"]["id"] for answer in answers]
    assert all(answer.status_code == 201 for answer in answers)
    assert guard.report.marked == 3
    assert guard.report.unmarked == []
    for contact_id in ids:
        assert guard.owns(contact_id)
        email = http.get(f"/contacts/{contact_id}").json()["contact"]["fields"]["all"]["email"]
        assert email.endswith("@" + RESERVED_DOMAIN)
    assert guard.cleanup().safe
    assert snapshot(http)["ids"] == [1, 2, 3, 4]


def test_the_sweep_reads_every_page_of_reserved_contacts(guarded: tuple[Guard, httpx.Client]) -> None:
    # Leftovers of an earlier run that died (SIGKILL, power cut): more than one page of them.
    guard, http = guarded
    for size in (200, 60):
        items = [{"email": f"left-{size}-{i}@{RESERVED_DOMAIN}"} for i in range(size)]
        answer = httpx.post(f"{guard.upstream}/contacts/batch/new", json=items, auth=AUTH)
        assert answer.status_code == 201
    report = guard.cleanup()
    assert report.swept == 260
    assert report.sweep_error == ""
    assert report.safe
    assert snapshot(http)["ids"] == [1, 2, 3, 4]


def test_the_cleanup_waits_for_requests_in_flight_and_refuses_later_ones(
    guarded: tuple[Guard, httpx.Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A run stopped mid-request: the create reaches the server after the cleanup began.
    guard, http = guarded
    forwarding = threading.Event()
    original = guard._forward.request

    def slow(method: str, url: str, **kwargs: Any) -> httpx.Response:
        if url.endswith("/contacts/new"):
            forwarding.set()
            time.sleep(0.5)
        return original(method, url, **kwargs)

    monkeypatch.setattr(guard._forward, "request", slow)
    answers: list[httpx.Response] = []
    late = threading.Thread(
        target=lambda: answers.append(http.post("/contacts/new", json={"email": f"late@{RESERVED_DOMAIN}"}))
    )
    late.start()
    assert forwarding.wait(5)
    report = guard.cleanup()
    late.join(5)
    assert answers[0].status_code == 201
    assert guard.owns(answers[0].json()["contact"]["id"])
    assert report.safe
    assert report.cleaned == 1
    refused = http.post("/contacts/new", json={"email": f"later@{RESERVED_DOMAIN}"})
    assert refused.status_code == 599
    assert "the run is over" in refused.text
    assert snapshot(http)["ids"] == [1, 2, 3, 4]


def test_an_abandoned_cleanup_reports_what_it_left_behind(guarded: tuple[Guard, httpx.Client]) -> None:
    guard, http = guarded
    kept = http.post("/contacts/new", json={"email": f"kept@{RESERVED_DOMAIN}"}).json()["contact"]["id"]
    report = guard.abandon()
    assert report.left_over == [kept]
    assert not report.safe
    target = run_live.Target("t", "https://m.example", "https://m.example/api", "write", "basic")
    outcome = run_live.Outcome([], [], "", {})
    text = run_live.summary(target, outcome, report, 1.0, [], interrupted=signal.SIGINT)
    assert "INTERRUPTED by SIGINT" in text
    assert "cleanup was abandoned" in text
    assert f"left behind: {kept}" in text
    assert not guard.cleanup().safe  # still reported as abandoned, though this cleanup deleted it
    assert snapshot(http)["ids"] == [1, 2, 3, 4]


def test_signals_interrupt_the_run_and_warn_once_during_the_cleanup(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The handler runs in the main thread between bytecodes, i.e. within os.kill's return.
    with run_live.Signals() as signals:
        with pytest.raises(run_live.Interrupted) as raised:
            os.kill(os.getpid(), signal.SIGTERM)
        assert raised.value.signum == signal.SIGTERM
        signals.protect()
        os.kill(os.getpid(), signal.SIGINT)  # only a warning: the cleanup goes on
        assert "interrupt again to abandon the cleanup" in capsys.readouterr().err
        with pytest.raises(run_live.Interrupted):
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_a_signal_handed_to_another_thread_still_interrupts_the_wait_for_schemathesis() -> None:
    # The kernel may deliver SIGTERM to any thread of the runner; a blocking wait() in the main thread
    # then never returns to bytecode, so the handler would only run once the child ended (here 60 s).
    def signal_this_thread() -> None:
        time.sleep(0.3)
        signal.pthread_kill(threading.get_ident(), signal.SIGTERM)

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], text=True)
    other = threading.Thread(target=signal_this_thread)
    try:
        with run_live.Signals():
            other.start()
            started = time.monotonic()
            with pytest.raises(run_live.Interrupted):
                run_live.wait_interruptibly(child)
            assert time.monotonic() - started < 10
    finally:
        other.join()
        child.kill()
        child.wait()


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
        self.body: Any = parts.get("body")


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
    rewritten = cases[1].body
    assert isinstance(rewritten, dict)
    assert rewritten == {"email": rewritten["email"]}
    assert rewritten["email"].endswith("@" + RESERVED_DOMAIN)
    assert cases[4].query == {}
    # Values the router would never read as an id stay, to keep the negative cases negative.
    kept = FakeCase("getContact", "DELETE", "/contacts/{id}/delete", path_parameters={"id": "-5"})
    rewriter.make_safe(kept)
    assert kept.path_parameters == {"id": "-5"}
    assert guard.report.blocked == []
    assert guard.cleanup().safe
    assert snapshot(http)["ids"] == [1, 2, 3, 4]


def test_the_rewriter_gives_every_creating_body_a_reserved_email(guarded: tuple[Guard, httpx.Client]) -> None:
    # Creates (and PUTs, which create when the id is missing and clear an omitted email) must leave
    # contacts a sweep can find by their domain, also when the generated body had no email.
    guard, http = guarded
    rewriter = SafetyRewriter(guard.control_url)
    own = guard.create_contact()
    cases = {
        "empty create": FakeCase("createContact", "POST", "/contacts/new", body={}),
        "blank email": FakeCase("createContact", "POST", "/contacts/new", body={"email": ""}),
        "put": FakeCase(
            "replaceContact",
            "PUT",
            "/contacts/{id}/edit",
            path_parameters={"id": own},
            body={"firstname": "x"},
        ),
        "batch new": FakeCase(
            "createContactsBatch", "POST", "/contacts/batch/new", body=[{}, {"email": None}]
        ),
        "batch put": FakeCase(
            "replaceContactsBatch", "PUT", "/contacts/batch/edit", body=[{"id": "rubbish"}, {"id": own}]
        ),
        "patch blanking": FakeCase(
            "updateContact",
            "PATCH",
            "/contacts/{id}/edit",
            path_parameters={"id": own},
            body={"email": "", "overwriteWithBlank": True},
        ),
    }
    patch_without = FakeCase(
        "updateContact", "PATCH", "/contacts/{id}/edit", path_parameters={"id": own}, body={"firstname": "y"}
    )
    for case in [*cases.values(), patch_without]:
        rewriter.make_safe(case)
        url = guard.api_url + case.operation.path.format(**(case.path_parameters or {}))
        assert http.request(case.method, url, json=case.body).status_code in (200, 201)
    bodies = [c.body for c in cases.values()]
    items = [b for body in bodies for b in (body if isinstance(body, list) else [body])]
    assert len(items) == 8
    assert all(item["email"].endswith("@" + RESERVED_DOMAIN) for item in items)
    assert patch_without.body == {"firstname": "y"}  # a PATCH without email keeps the contact's
    assert guard.report.unmarked == []
    assert guard.report.marked == 0  # none needed the guard's marking: the rewriting did it
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


# -- Prism ---------------------------------------------------------------------------------------
PRISM_422 = (
    '`{"type":"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY","title":"Invalid request",'
    '"status":422,"detail":"Your request is not valid and no HTTP validation response was found in the '
    'spec, so Prism is generating this error for you.","validation":[{"location":["query","ids"],'
    '"severity":"Error","code":"pattern","message":"Request query parameter ids must match pattern '
    '\\"^[0-9]+(,[0-9]+)*$\\""}]}`'
)
PRISM_FAILURES = [
    run_live.Failure("GET /contacts", "ST401", "- ST401 API accepts invalid authentication [200] OK"),
    run_live.Failure(
        "TRACE /contacts/new",
        "ST204",
        "TRACE returned 405 without required `Allow` header "
        '{"type":"https://stoplight.io/prism/errors#NO_METHOD_MATCHED_ERROR","status":405}',
    ),
    # Prism answers a request its validator refuses with the operation's documented 400 example.
    run_live.Failure(
        "DELETE /contacts/batch/delete",
        "ST202",
        '[400] Bad Request: `{"errors":[{"code":400,"message":"email: foo is invalid.","details":'
        '{"email":["foo is invalid."]},"type":null}]}` Reproduce with: curl -X DELETE -H '
        "'Authorization: [Filtered]' 'http://127.0.0.1:9/api/contacts/batch/delete?ids=null'",
    ),
    run_live.Failure("Stateful tests", "ST103", f"Received: 422 {PRISM_422}"),
]


def test_a_prism_run_names_prisms_own_failures_and_passes_on_them_alone() -> None:
    target = run_live.Target("contract-prism", "http://p", "http://p", "disposable", "basic")
    report = GuardReport()
    failed = run_live.RunResult(1, "")
    outcome = run_live.Outcome(["GET /contacts"], list(PRISM_FAILURES), "", {})
    text = run_live.summary(target, outcome, report, 1.0, [], prism=True)
    assert "Prism checks that credentials are present, not that they are valid (ST401): ST401 1" in text
    assert "carry no Allow header (ST204): ST204 1" in text
    assert "Prism's own request validation" in text
    assert "ST103 1, ST202 1" in text
    assert "Prism refused: DELETE /api/contacts/batch/delete?ids=null (ST202)" in text
    assert "Prism refused: Request query parameter ids must match pattern" in text
    assert "- Failures Prism's behaviour does not explain: 0" in text
    assert "failing:" not in text
    assert run_live.exit_status(target, report, failed, outcome, prism=True) == 0
    # The same failures from any other server are failures; so is anything Prism does not explain.
    assert run_live.exit_status(target, report, failed, outcome, prism=False) == 1
    other = run_live.Failure("GET /contacts/{id}", "ST002", "response does not conform to the schema")
    worse = run_live.Outcome(["GET /contacts"], [*PRISM_FAILURES, other], "", {})
    text = run_live.summary(target, worse, report, 1.0, [], prism=True)
    assert "- Failures Prism's behaviour does not explain: 1" in text
    assert "failing: GET /contacts/{id}: ST002" in text
    assert run_live.exit_status(target, report, failed, worse, prism=True) == 1


def test_failures_are_read_one_by_one_from_the_junit_report(tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    junit.write_text(
        '<testsuites><testsuite name="schemathesis">'
        '<testcase name="GET /contacts"><failure message="ST401">auth</failure>'
        '<failure message="ST204">TRACE returned 405 without required `Allow` header</failure></testcase>'
        '<testcase name="GET /contacts/{id}"/></testsuite></testsuites>'
    )
    outcome = run_live.read_outcome(junit, "", tmp_path / "none.json")
    assert outcome.operations == ["GET /contacts", "GET /contacts/{id}"]
    assert [(f.case, f.code) for f in outcome.failures] == [
        ("GET /contacts", "ST401"),
        ("GET /contacts", "ST204"),
    ]
    assert outcome.failing == {"GET /contacts": ["ST401", "ST204"]}
    # An interrupted run can leave the report unfinished.
    junit.write_text('<testsuites><testsuite name="schemathesis"><testcase name="GET /con')
    assert run_live.read_outcome(junit, "", tmp_path / "none.json").failures == []


def test_a_started_fake_ignores_the_shells_credentials_for_a_real_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A developer's shell often exports MAUTIC_* for their real Mautic; `make contract-deep` starts its
    # own fake (admin/mautic) and must talk to it with the fake's credentials, not those.
    monkeypatch.setenv("MAUTIC_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("MAUTIC_USERNAME", "someone-else")
    monkeypatch.setenv("MAUTIC_PASSWORD", "their-real-password")
    monkeypatch.setenv("MAUTIC_CLIENT_ID", "their-client")
    monkeypatch.setenv("MAUTIC_CLIENT_SECRET", "their-secret")
    argv = ["--label", "started", "--start", "fake", "--disposable", "--max-examples", "1"]
    status = run_live.main([*argv, "--phases", "examples", "--quiet", "--reports", str(tmp_path)])
    output = capsys.readouterr()
    assert status == 0, output.out + output.err
    summary = (tmp_path / "started-summary.md").read_text()
    assert "their-real-password" not in summary
    assert "their-secret" not in summary
