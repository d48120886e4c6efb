"""Do-not-contact reasons (`LeadBundle/Entity/DoNotContact.php`)."""

from __future__ import annotations

from enum import IntEnum

__all__ = ["DncReason"]


class DncReason(IntEnum):
    """Why a contact must not be contacted on a channel. Mautic never overrides UNSUBSCRIBED via the API."""

    UNSUBSCRIBED = 1
    BOUNCED = 2
    MANUAL = 3
