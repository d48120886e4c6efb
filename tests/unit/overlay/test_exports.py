from __future__ import annotations

import mautic_contacts
from mautic_contacts import DncReason

# The public surface is a promise: adding a name is fine, removing or renaming one is a breaking change.
PUBLIC = {
    "openapi_spec_path",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ActivityEvent",
    "ActivityPage",
    "AllOf",
    "AnyOf",
    "AsyncContacts",
    "AsyncMautic",
    "AsyncRetryTransport",
    "AuthenticationError",
    "BATCH_LIMIT",
    "BadRequestError",
    "BasicAuth",
    "BatchError",
    "BatchItem",
    "BatchResult",
    "CampaignMembership",
    "Clause",
    "ClientCredentialsAuth",
    "CompanyLink",
    "Condition",
    "ConfigError",
    "Contact",
    "ContactPage",
    "Contacts",
    "DEFAULT_TIMEOUT",
    "Device",
    "DncReason",
    "DncRecord",
    "ErrorDetail",
    "FieldDefinition",
    "InternalServerError",
    "Mautic",
    "MauticError",
    "NotFoundError",
    "Note",
    "OAuth2Token",
    "Page",
    "PermissionDeniedError",
    "PointGroup",
    "PointGroupScore",
    "RateLimitError",
    "RefreshTokenAuth",
    "Removal",
    "RetryPolicy",
    "RetryTransport",
    "Segment",
    "SegmentMembership",
    "TokenCallback",
    "UnprocessableEntityError",
    "User",
    "UtmRecord",
    "Where",
    "all_of",
    "any_of",
    "capture_response",
    "encode_where",
    "request_options",
    "tag_changes",
    "tag_diff",
}


def test_all_lists_exactly_the_public_names() -> None:
    assert set(mautic_contacts.__all__) == PUBLIC
    assert len(mautic_contacts.__all__) == len(PUBLIC)
    for name in mautic_contacts.__all__:
        assert getattr(mautic_contacts, name) is not None


def test_error_hierarchy() -> None:
    m = mautic_contacts
    for cls in (m.BadRequestError, m.AuthenticationError, m.PermissionDeniedError, m.NotFoundError,
                m.UnprocessableEntityError, m.RateLimitError, m.InternalServerError):  # fmt: skip
        assert issubclass(cls, m.APIStatusError)
    for base in (m.APIStatusError, m.APIConnectionError, m.APIResponseValidationError):
        assert issubclass(base, m.MauticError)
    assert issubclass(m.APITimeoutError, m.APIConnectionError)
    assert issubclass(m.ConfigError, ValueError)


def test_dnc_reasons_match_mautic() -> None:
    assert {r.name: int(r) for r in DncReason} == {"UNSUBSCRIBED": 1, "BOUNCED": 2, "MANUAL": 3}
    assert DncReason(3) is DncReason.MANUAL
