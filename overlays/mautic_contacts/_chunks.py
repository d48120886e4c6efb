"""The requests of one batch call, and what a failed request says about the others.

`create_many` & co. split their items into requests of at most `batch_size` items. When a request
fails, the error raised says (in a note, and in `error.partial` / `error.unsent_from`) which items were
applied, which were not sent at all, and whether the failed request itself was applied: a lost answer
(timeout, dropped connection, 502, 504, other 5xx) leaves that unknown, a refusal (4xx, 429, 503, a
connection that never opened) means it was not applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ._batching import BatchItem
from ._contact import Contact
from ._exceptions import APIConnectionError, APIResponseValidationError, APIStatusError, MauticError
from ._operation import Operation
from ._results import BatchResult
from ._retry import classify_exception

__all__ = ["BatchRequest", "ChunkRun", "Outcome", "note_failure", "outcome_of"]

Outcome = Literal["not applied", "unknown", "applied"]


@dataclass(frozen=True)
class BatchRequest:
    """One request of a batch call: items `offset` .. `offset + size - 1` of the caller's list."""

    op: Operation[list[BatchItem[Contact]]]
    offset: int
    size: int

    @property
    def items(self) -> str:
        last = self.offset + self.size - 1
        return f"item {self.offset}" if self.size == 1 else f"items {self.offset}-{last}"


def outcome_of(error: BaseException) -> Outcome:
    """Whether the server can have applied a request that failed with `error`."""
    if isinstance(error, APIResponseValidationError):
        return "applied"  # a 2xx answer we could not read
    if isinstance(error, APIStatusError):
        code = error.status_code
        return "unknown" if code >= 500 and code != 503 else "not applied"
    if isinstance(error, APIConnectionError):
        cause = error.__cause__
        return (
            "not applied" if cause is not None and classify_exception(cause) == "not_applied" else "unknown"
        )
    return "unknown"


_SAYS: dict[Outcome, str] = {
    "not applied": "failed and was not applied",
    "unknown": "was sent but its outcome is unknown (the server may have applied it)",
    "applied": "was applied but its answer could not be read",
}


def note_failure(
    error: MauticError,
    requests: Sequence[BatchRequest],
    *,
    answered: Sequence[list[BatchItem[Contact]] | None],
    failed: dict[int, BaseException],
    started: int,
) -> None:
    """Attach `partial`, `unsent_from` and a note to the error of a batch call that stopped.

    `answered[i]`: the items of request i when it succeeded; `failed`: request index -> its error;
    `started`: how many requests were sent (the rest never were).
    """
    error.partial = BatchResult([item for chunk in answered if chunk is not None for item in chunk])
    total = sum(r.size for r in requests)
    error.unsent_from = requests[started].offset if started < len(requests) else total
    first = min(failed)
    request = requests[first]
    head = (
        f"batch request {first + 1} of {len(requests)} ({request.items}) {_SAYS[outcome_of(failed[first])]}"
    )
    if len(requests) == 1:
        error.add_note(head)
        return
    done = [i for i, chunk in enumerate(answered) if chunk is not None]
    others = sorted(set(failed) - {first})
    parts = [f"applied: {_numbers(done)}"]
    if others:
        parts.append(
            "also failed: " + ", ".join(f"{i + 1} ({_short(outcome_of(failed[i]))})" for i in others)
        )
    unsent = list(range(started, len(requests)))
    parts.append(f"not sent: {_numbers(unsent)}")
    detail = "; ".join(parts)
    tail = (
        f"error.partial holds the {len(error.partial)} results received; items from {error.unsent_from} "
        "on were not sent (error.unsent_from)"
        if unsent
        else f"error.partial holds the {len(error.partial)} results received"
    )
    error.add_note(f"{head}; requests {detail}; {tail}")


def _short(outcome: Outcome) -> str:
    return {"not applied": "not applied", "unknown": "outcome unknown", "applied": "applied, unread"}[outcome]


def _numbers(indexes: Sequence[int]) -> str:
    return ", ".join(str(i + 1) for i in indexes) if indexes else "none"


class ChunkRun:
    """Bookkeeping of batch requests, sent one or several at a time.

    Requests are started in order; after a failure no new one is started, and those in flight are
    awaited (not cancelled: their outcome would be unknown). Then the first failure is raised,
    annotated by `note_failure`.
    """

    def __init__(self, requests: Sequence[BatchRequest]) -> None:
        self.requests = requests
        self.results: list[list[BatchItem[Contact]] | None] = [None] * len(requests)
        self.failures: dict[int, BaseException] = {}
        self._next = 0

    def take(self) -> int | None:
        """The next request to send, or None (all started, or one failed)."""
        if self.failures or self._next >= len(self.results):
            return None
        self._next += 1
        return self._next - 1

    def outcome(self) -> list[BatchItem[Contact]]:
        if not self.failures:
            return [item for chunk in self.results if chunk is not None for item in chunk]
        error = self.failures[min(self.failures)]
        if isinstance(error, MauticError):
            note_failure(
                error, self.requests, answered=self.results, failed=self.failures, started=self._next
            )
        raise error
