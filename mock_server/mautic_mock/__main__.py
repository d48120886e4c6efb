"""``python -m mautic_mock``."""

from mautic_mock._cli import main

raise SystemExit(main())
