"""`make demo` is a user-facing promise: the examples run against the fake and the runner says so."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
RUNNER = ROOT / "examples" / "run_demo.py"


def run_demo(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUNNER), *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=ROOT,
    )


def test_demo_runs_both_examples_against_the_fake() -> None:
    done = run_demo()
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "Fake Mautic listening on http://127.0.0.1:" in out
    assert out.index("### sync_demo.py") < out.index("### async_demo.py")
    for line in (
        "same id: True, new: False",
        "item 4: HTTP 400, error: email: not-an-email is invalid.",
        "raise_for_errors: 1 of 5 batch items failed: item 4: 400 email: not-an-email is invalid.",
        "city: None, firstname: 'Ann'",
        "lastname eq O'Neal: True",
        "NotFoundError 404: Item was not found.",
        "statuses [200, 200, 200], all ok: True",
        "demo OK: 2 example(s) ran against the fake",
    ):
        assert line in out
    assert "Traceback" not in done.stderr


def test_demo_fails_when_an_example_fails(tmp_path: Path) -> None:
    script = tmp_path / "broken.py"
    script.write_text("import os, sys\nprint('url', os.environ['MAUTIC_URL'])\nsys.exit(3)\n")
    done = run_demo(str(script))
    assert done.returncode == 1
    assert "url http://127.0.0.1:" in done.stdout
    assert "demo FAILED: broken.py (exit 3)" in done.stderr
    assert run_demo(str(tmp_path / "missing.py")).returncode == 2
