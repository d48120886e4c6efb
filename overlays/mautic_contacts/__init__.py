"""mautic_contacts: a typed Python client (sync + async) for the Mautic Contacts REST API.

from mautic_contacts import Mautic, Where
with Mautic("https://mautic.example.com", username="u", password="p") as m:
    page = m.contacts.list(where=Where("email").like("%@example.com"))
"""

from ._auth import BasicAuth, ClientCredentialsAuth, OAuth2Token, RefreshTokenAuth, TokenCallback
from ._batching import BATCH_LIMIT, BatchItem
from ._client import AsyncMautic, Mautic
from ._config import ConfigError
from ._contact import Contact, DncRecord, User, UtmRecord
from ._dnc import DncReason
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ErrorDetail,
    InternalServerError,
    MauticError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._resources import AsyncContacts, Contacts
from ._results import (
    ActivityEvent,
    ActivityPage,
    BatchError,
    BatchResult,
    CampaignMembership,
    CompanyLink,
    ContactPage,
    Device,
    FieldDefinition,
    Note,
    Page,
    PointGroup,
    PointGroupScore,
    Removal,
    Segment,
    SegmentMembership,
)
from ._retry import RetryPolicy
from ._spec import openapi_spec_path
from ._tags import tag_changes, tag_diff
from ._transport import (
    DEFAULT_TIMEOUT,
    AsyncRetryTransport,
    RetryTransport,
    capture_response,
    request_options,
)
from ._where import AllOf, AnyOf, Clause, Condition, Where, all_of, any_of, encode_where

__all__ = [
    "BATCH_LIMIT",
    "DEFAULT_TIMEOUT",
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
    "openapi_spec_path",
    "request_options",
    "tag_changes",
    "tag_diff",
]
