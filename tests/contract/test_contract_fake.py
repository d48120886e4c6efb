"""Schemathesis 4 fuzzes the fake Mautic in process against openapi.yaml: every operation, every check.

The schema is loaded from the spec file with `contract.toml` (explicit, never discovered) and served
by the fake's ASGI app (`schema.app = fake.app`, tooling-notes §3.5). No check is disabled; failures
that are real Mautic behaviour are dropped only by the cited rules of `contract_rules`. The stateful
phase must follow the spec's links from a created contact to reading, editing and deleting it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import hypothesis
import pytest
import schemathesis
from contract_rules import install
from contract_settings import SPEC_PATH, STATS, counting, load_config
from hypothesis.stateful import Bundle, initialize
from mautic_mock import FakeMautic
from schemathesis.core.result import Ok
from schemathesis.generation.stateful.state_machine import StepInput

AUTH = ("admin", "mautic")
# Scenarios of the stateful phase (each up to `max-steps` calls); fixed by derandomize=True.
STATEFUL_SUITES = 8
STATEFUL_SCENARIOS = 10

CREATE = "POST /contacts/new"
LIFECYCLE = {
    "GET /contacts/{id}",
    "PATCH /contacts/{id}/edit",
    "PUT /contacts/{id}/edit",
    "DELETE /contacts/{id}/delete",
}


# Module level, not `schemathesis.pytest.from_fixture`: its lazy loader reads `request.node._nodeid`,
# which pytest 9 no longer has. The fake is closed when the module's tests are done.
FAKE = FakeMautic(username=AUTH[0], password=AUTH[1])
schema = schemathesis.openapi.from_path(SPEC_PATH, config=load_config(auth=AUTH))
schema.app = counting(FAKE.app)
install(schema)


class FreshFake:
    """An ASGI app serving a new, empty fake after every ``reset()``."""

    def __init__(self) -> None:
        self.fake = FakeMautic(username=AUTH[0], password=AUTH[1])

    def reset(self) -> None:
        self.fake.close()
        self.fake = FakeMautic(username=AUTH[0], password=AUTH[1])

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.fake.app(scope, receive, send)


SCENARIO_FAKE = FreshFake()
stateful_schema = schemathesis.openapi.from_path(SPEC_PATH, config=load_config(auth=AUTH))
stateful_schema.app = counting(SCENARIO_FAKE)
install(stateful_schema)


@pytest.fixture(scope="module", autouse=True)
def _close_fakes() -> Iterator[None]:
    yield
    FAKE.close()
    SCENARIO_FAKE.fake.close()


@schema.parametrize()
def test_operation_conforms(case: Any) -> None:
    STATS.cases[case.operation.label] += 1
    case.call_and_validate()


def test_every_operation_is_fuzzed() -> None:
    results = list(schema.get_all_operations())
    labels = {result.ok().label for result in results if isinstance(result, Ok)}
    assert len(labels) == len(results)  # every operation of the spec loads
    assert len(labels) == 29
    # Runs after the parametrized tests above (file order): each operation got its own cases.
    assert set(STATS.cases) == labels, sorted(labels - set(STATS.cases))


def test_stateful_links_drive_the_contact_lifecycle() -> None:
    create = stateful_schema["/contacts/new"]["POST"]

    class ContactLifecycle(stateful_schema.as_state_machine()):  # type: ignore[misc]
        # schemathesis never picks createContact to start a scenario: its root heuristic reads the
        # body's `ipAddress` and `doNotContact[].channelId` as foreign keys to resources that no
        # operation produces. Every scenario therefore opens with a generated createContact, whose
        # 201/200 answer feeds the spec's links like any other step.
        @initialize(target=Bundle("catch_all"), case=create.as_strategy())
        def create_contact(self, case: Any) -> Any:
            step = StepInput.initial(case)
            # What schemathesis' own root rules do before a step (its checks look cases up there).
            self.recorder.record_case(case=case)
            self.control.record_step(step, self.recorder)
            return self._step(step)

        def setup(self) -> None:
            # Every scenario starts on a fresh fake: the same draws then meet the same answers, which
            # Hypothesis needs (a server remembering earlier scenarios makes generation "flaky").
            SCENARIO_FAKE.reset()

        def step(self, input: Any) -> Any:
            transition = input.transition
            if transition is not None and input.is_applied:
                source = transition.id.split(" -> ")[0]
                STATS.transitions[(source, input.case.operation.label, transition.is_inferred)] += 1
            return super().step(input)

        def teardown(self) -> None:
            STATS.scenarios += 1
            super().teardown()

    # Like the CLI's stateful phase: several suites, each with its own order of scenario-starting
    # operations (Hypothesis' simplest choice is the first root rule, so one order starts most
    # scenarios with the same operation).
    for suite in range(STATEFUL_SUITES):
        ContactLifecycle.rule_order_seed = suite
        ContactLifecycle.run(
            settings=hypothesis.settings(
                max_examples=STATEFUL_SCENARIOS,
                stateful_step_count=8,
                derandomize=True,
                database=None,
                phases=[hypothesis.Phase.generate],
                deadline=None,
                suppress_health_check=list(hypothesis.HealthCheck),
            )
        )
    followed = {target for (source, target, _) in STATS.transitions if source == CREATE}
    assert followed >= LIFECYCLE, sorted(LIFECYCLE - followed)
    # The spec's explicit links (not only schemathesis' inferred ones) carried ids forward.
    assert any(not inferred for (source, _, inferred) in STATS.transitions if source == CREATE)
