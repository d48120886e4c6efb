"""Schemathesis hooks file for the CLI runs (``SCHEMATHESIS_HOOKS=tests/contract/contract_hooks.py``).

Installs the documented-behaviour rules (``contract_rules``) globally and, when the driver asks for it
(``CONTRACT_WRITE_GUARD`` names the guard's control URL), the write-safety rewriting of
``contract_safety``. At exit it writes how many failures each rule accepted to
``CONTRACT_ACCEPTED_FILE`` so that the driver can report them.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contract_rules

contract_rules.install()

if os.environ.get("CONTRACT_WRITE_GUARD"):
    import contract_safety

    contract_safety.install(os.environ["CONTRACT_WRITE_GUARD"])


def _write_accepted() -> None:
    target = os.environ.get("CONTRACT_ACCEPTED_FILE")
    if target:
        Path(target).write_text(json.dumps(dict(contract_rules.ACCEPTED), sort_keys=True), encoding="utf-8")


atexit.register(_write_accepted)
