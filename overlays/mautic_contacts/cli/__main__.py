"""`python -m mautic_contacts.cli`: the same as the `mautic-contacts` command."""

from . import main

raise SystemExit(main())
