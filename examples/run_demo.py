"""`make demo`: start a fake Mautic on a free loopback port, run the examples against it, stop it.

    python examples/run_demo.py                  # sync_demo.py, then async_demo.py
    python examples/run_demo.py my_script.py     # any scripts, with MAUTIC_URL/USERNAME/PASSWORD set

Each example runs in its own process and finds the fake through the MAUTIC_* environment variables,
exactly as it would find a real Mautic. Exits 1 if an example fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mautic_mock import FakeMautic

HERE = Path(__file__).resolve().parent
EXAMPLES = [HERE / "sync_demo.py", HERE / "async_demo.py"]
USERNAME, PASSWORD = "admin", "mautic-demo"  # the fake's only user, for this run only
PER_EXAMPLE_TIMEOUT = 120


def run(scripts: list[Path]) -> int:
    failed: list[str] = []
    with FakeMautic(username=USERNAME, password=PASSWORD) as fake, fake.serve_in_thread() as server:
        print(f"Fake Mautic listening on {server.url} (user {USERNAME})", flush=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAUTIC_")}
        env.update(MAUTIC_URL=server.url, MAUTIC_USERNAME=USERNAME, MAUTIC_PASSWORD=PASSWORD)
        for script in scripts:
            print(f"\n### {script.name}", flush=True)
            try:
                done = subprocess.run(  # noqa: S603 - our interpreter, a script path we were given
                    [sys.executable, str(script)], env=env, timeout=PER_EXAMPLE_TIMEOUT, check=False
                )
                code = done.returncode
            except subprocess.TimeoutExpired:
                code = -1
                print(f"{script.name} did not finish within {PER_EXAMPLE_TIMEOUT} s", file=sys.stderr)
            if code != 0:
                failed.append(f"{script.name} (exit {code})")
    print()
    if failed:
        print(f"demo FAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"demo OK: {len(scripts)} example(s) ran against the fake")
    return 0


def main(argv: list[str]) -> int:
    scripts = [Path(arg) for arg in argv] or EXAMPLES
    missing = [str(s) for s in scripts if not s.is_file()]
    if missing:
        print(f"no such script: {', '.join(missing)}", file=sys.stderr)
        return 2
    return run(scripts)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
