"""Another process writing to a Mautic while a test exports from it (see test_cli_reliability).

    python concurrent_writer.py URL USERNAME       (the password in MAUTIC_PASSWORD)

Reads one JSON line on stdin: the ids of the contacts to delete. Connects, prints `ready`, then waits for
a `go` line. Then, round after round: deletes the contact with the highest id left and the one with the
lowest (one ahead of an export's cursor, one behind it) and creates 3 new contacts, until the list is
empty or stdin is closed. At the end it prints one JSON line: `{"deleted": [ids], "created": [emails]}`.
"""

from __future__ import annotations

import json
import os
import sys
import threading

from mautic_contacts import Mautic


def main(argv: list[str]) -> int:
    url, username = argv[1:3]
    order = sorted(int(i) for i in json.loads(sys.stdin.readline()))
    deleted: list[int] = []
    created: list[str] = []
    with Mautic(url, username=username, password=os.environ["MAUTIC_PASSWORD"]) as m:
        m.contacts.fields()  # connected and authenticated before saying so
        print("ready", flush=True)
        if sys.stdin.readline().strip() != "go":
            return 1
        stop = threading.Event()

        def watch() -> None:  # stdin closed: the test's export has ended
            sys.stdin.read()
            stop.set()

        threading.Thread(target=watch, daemon=True).start()
        round_ = 0
        while order and not stop.is_set():
            for contact_id in (order.pop(), order.pop(0) if order else None):
                if contact_id is not None:
                    m.contacts.delete(contact_id)
                    deleted.append(contact_id)
            new = m.contacts.create_many([{"email": f"n{round_}-{k}@example.com"} for k in range(3)])
            created.extend(c.email or "" for c in new.contacts)
            round_ += 1
    print(json.dumps({"deleted": deleted, "created": created}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
