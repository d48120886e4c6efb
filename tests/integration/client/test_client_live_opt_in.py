"""An exported MAUTIC_URL alone never sends `make test` to that server.

MAUTIC_URL is what the client and its CLI read, so it is often set to a real (production) Mautic in the
shell that runs the tests. The client integration tests use a live server only with MAUTIC_LIVE_TESTS=1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ONE_TEST = f"{HERE / 'test_client_contacts.py'}::test_get_update_replace_delete_round_trip"


def _run_pytest(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MAUTIC_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", ONE_TEST],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_mautic_url_alone_keeps_the_tests_on_the_fake() -> None:
    # Nothing listens on port 9: a test that went there would fail with a connection error.
    result = _run_pytest(MAUTIC_URL="http://127.0.0.1:9", MAUTIC_USERNAME="u", MAUTIC_PASSWORD="p")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ran against the fake: MAUTIC_URL is ignored without MAUTIC_LIVE_TESTS=1" in result.stdout


def test_the_opt_in_sends_them_to_the_live_server() -> None:
    result = _run_pytest(
        MAUTIC_URL="http://127.0.0.1:9", MAUTIC_USERNAME="u", MAUTIC_PASSWORD="p", MAUTIC_LIVE_TESTS="1"
    )
    assert result.returncode != 0  # it really tried port 9
    assert "ran against the LIVE Mautic at http://127.0.0.1:9" in result.stdout
