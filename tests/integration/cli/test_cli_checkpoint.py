"""The checkpoint and the rejects file on their own, and records without email whose batch was lost."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from cli_support import client, read_csv, run_cli, write_csv
from hypothesis import given
from hypothesis import strategies as st
from mautic_contacts.cli._checkpoint import Checkpoint, RangeSet, write_atomically
from mautic_contacts.cli._rejects import RejectsFile
from mautic_contacts.cli._rows import Record
from mautic_mock import FakeMautic


@given(st.lists(st.integers(min_value=1, max_value=300)), st.lists(st.integers(min_value=1, max_value=300)))
def test_range_set_behaves_like_a_set(added: list[int], removed: list[int]) -> None:
    ranges = RangeSet()
    ranges.add(added[: len(added) // 2])
    ranges.add(added[len(added) // 2 :])
    ranges.discard(removed)
    expected = set(added) - set(removed)
    assert list(ranges) == sorted(expected)
    assert len(ranges) == len(expected)
    assert all(n in ranges for n in expected)
    assert not any(n in ranges for n in set(removed))
    pairs = ranges.ranges()
    assert all(a[1] + 1 < b[0] for a, b in itertools.pairwise(pairs))  # merged
    assert list(RangeSet(pairs)) == sorted(expected)


def test_atomic_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    write_atomically(target, "one")
    write_atomically(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_checkpoint_round_trip_and_refusals(tmp_path: Path) -> None:
    path = tmp_path / "cp.json"
    checkpoint = Checkpoint(path, {"sha256": "x", "size": 3, "records": 9}, {"format": "csv"})
    checkpoint.done.add([1, 2, 3, 7])
    checkpoint.unsure.add([8])
    checkpoint.counts["created"] = 4
    checkpoint.save()
    loaded = Checkpoint.load(path)
    assert loaded is not None
    assert loaded.done.ranges() == [[1, 3], [7, 7]]
    assert list(loaded.unsure) == [8]
    assert loaded.counts["created"] == 4
    assert loaded.matches({"sha256": "x", "size": 3, "records": 9}, {"format": "csv"})
    assert not loaded.matches({"sha256": "y", "size": 3, "records": 9}, {"format": "csv"})
    assert Checkpoint.load(tmp_path / "none.json") is None
    path.write_text('{"version": 99}')
    with pytest.raises(Exception, match="not a checkpoint"):
        Checkpoint.load(path)


def test_rejects_file_keeps_only_entries_of_done_records_on_resume(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    rejects = RejectsFile(path, "csv", ["email", "city"])
    for number in (1, 2, 3):
        rejects.add(Record(number, number + 1, {}, [f"e{number}", "c"]), 400, f"bad {number}")
    rejects.close()
    again = RejectsFile(path, "csv", ["email", "city"])
    again.start(RangeSet([[1, 2]]))
    assert [r["_row"] for r in read_csv(path)] == ["1", "2"]
    again.add(Record(3, 4, {}, ["e3", "c"]), 400, "bad again")
    again.close()
    assert [(r["_row"], r["_error"], r["email"]) for r in read_csv(path)] == [
        ("1", "bad 1", "e1"),
        ("2", "bad 2", "e2"),
        ("3", "bad again", "e3"),
    ]
    fresh = RejectsFile(path, "csv", ["email", "city"])
    fresh.start(None)
    assert not path.exists()


class LoseBatches(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers the batch requests whose items have no email with `status` (applied or not first)."""

    def __init__(self, inner: Any, status: int, *, applied: bool) -> None:
        self.inner = inner
        self.status = status
        self.applied = applied
        self.lost = 0

    def _anonymous(self, request: httpx.Request) -> bool:
        if not request.url.path.endswith("/contacts/batch/new"):
            return False
        return not any("email" in item for item in json.loads(request.read()))

    def handle_request(self, request: httpx.Request) -> httpx.Response:  # pragma: no cover - async CLI
        return self.inner.handle_request(request)  # type: ignore[no-any-return]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self._anonymous(request):
            return await self.inner.handle_async_request(request)  # type: ignore[no-any-return]
        self.lost += 1
        if self.applied:
            await self.inner.handle_async_request(request)
        return httpx.Response(self.status, text="<html>gateway</html>")


def mixed_file(tmp_path: Path) -> Path:
    rows = [[f"m{i}@example.com", f"M{i}"] for i in range(6)] + [["", f"Anon{i}"] for i in range(4)]
    return write_csv(tmp_path / "mixed.csv", ["email", "firstname"], rows)


def test_a_lost_batch_without_email_is_reported_unsure_not_resent(fake: FakeMautic, tmp_path: Path) -> None:
    source = mixed_file(tmp_path)
    args = ["import", str(source), "--allow-no-email", "--batch-size", "4", "--concurrency", "1"]
    lossy = LoseBatches(fake.transport(), 502, applied=True)  # maybe applied: 502 is never retried here
    first = run_cli(args, fake, transport=lossy)
    assert first.code == 3, first.stderr
    assert lossy.lost == 1
    cp = Checkpoint.load(tmp_path / "mixed.csv.checkpoint.json")
    assert cp is not None
    assert list(cp.unsure) == [7, 8, 9, 10]

    second = run_cli(args, fake)
    assert second.code == 1, second.stderr
    # Records 1-4 were done; 5-6 (with email) were still to send when the run stopped.
    assert "2 created, 0 updated, 0 rejected, 4 unsure, 4 skipped" in second.stderr
    rejects = read_csv(tmp_path / "mixed.rejects.csv")
    assert [(r["_row"], r["_status"]) for r in rejects] == [(str(n), "unsure") for n in (7, 8, 9, 10)]
    assert "may or may not exist" in rejects[0]["_error"]
    with client(fake) as m:
        names = sorted(c.fields["firstname"] for c in m.contacts.iterate())
    assert names == sorted([f"M{i}" for i in range(6)] + [f"Anon{i}" for i in range(4)])  # each once


def test_a_batch_without_email_refused_before_applying_is_simply_resent(
    fake: FakeMautic, tmp_path: Path
) -> None:
    source = mixed_file(tmp_path)
    args = ["import", str(source), "--allow-no-email", "--batch-size", "4", "--max-retries", "0"]
    first = run_cli(args, fake, transport=LoseBatches(fake.transport(), 503, applied=False))
    assert first.code == 3, first.stderr
    cp = Checkpoint.load(tmp_path / "mixed.csv.checkpoint.json")
    assert cp is not None
    assert len(cp.unsure) == 0  # a 503 never reached Mautic: nothing to be unsure about
    second = run_cli(args, fake)
    assert second.code == 0, second.stderr
    with client(fake) as m:
        assert len(list(m.contacts.iterate())) == 10


def test_resend_unsure_sends_them_again(fake: FakeMautic, tmp_path: Path) -> None:
    source = mixed_file(tmp_path)
    args = ["import", str(source), "--allow-no-email", "--batch-size", "4", "--concurrency", "1"]
    assert run_cli(args, fake, transport=LoseBatches(fake.transport(), 504, applied=False)).code == 3
    again = run_cli([*args, "--resend-unsure"], fake)
    assert again.code == 0, again.stderr
    assert "sending again 4 record(s)" in again.stderr
    with client(fake) as m:
        assert len(list(m.contacts.iterate())) == 10
