"""Reports what the contract suite did (cases, requests, accepted Mautic behaviours, links followed)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from contract_rules import ACCEPTED
from contract_settings import STATS


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not STATS.requests:
        return
    write = terminalreporter.write_line
    write(
        f"contract: {len(STATS.cases)} operations, {sum(STATS.cases.values())} stateless cases, "
        f"{STATS.scenarios} stateful scenarios, {STATS.requests} requests to the fake"
    )
    links = sum(STATS.transitions.values())
    explicit = sum(n for (_, _, inferred), n in STATS.transitions.items() if not inferred)
    from_created: Counter[str] = Counter()
    for (source, target, _), count in STATS.transitions.items():
        if source == "POST /contacts/new":
            from_created[target.split()[0]] += count
    write(
        f"contract: {links} link steps followed ({explicit} through the spec's explicit links); "
        f"from a created contact, by method: {dict(sorted(from_created.items()))}"
    )
    if ACCEPTED:
        accepted = ", ".join(f"{name} {count}" for name, count in sorted(ACCEPTED.items()))
        write(f"contract: accepted as Mautic behaviour: {accepted}")
