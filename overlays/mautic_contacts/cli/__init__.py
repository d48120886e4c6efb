"""`mautic-contacts`: bulk import and export of Mautic contacts, and one-contact commands.

    mautic-contacts import contacts.csv          CSV or JSON Lines; batches, concurrency, resumable
    mautic-contacts export -o all.csv --where "email like %@acme.com"
    mautic-contacts get 42 | delete 42 --yes | tag 42 --add vip --remove lead

Exit codes: 0 everything done; 1 the server (or a local check) refused something: rejected rows, an
unknown contact; 2 usage or configuration error (bad flags, unreadable input, unknown columns, missing or
refused credentials): nothing was sent; 3 stopped before the end by an error (network lost, retries
exhausted, server error): run the same command again to resume; 130 interrupted (Ctrl-C, SIGTERM): run
the same command again to resume.
"""

from ._main import main

__all__ = ["main"]
