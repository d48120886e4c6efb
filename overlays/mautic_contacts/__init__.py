"""mautic_contacts: a typed Python client (sync + async) for the Mautic Contacts REST API.

The building blocks are importable now; the `Mautic` / `AsyncMautic` clients sit on top of them.
"""

from ._auth import BasicAuth, ClientCredentialsAuth, OAuth2Token, RefreshTokenAuth, TokenCallback
from ._batching import BATCH_LIMIT, BatchItem
from ._config import ConfigError
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
from ._retry import RetryPolicy
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
    "AllOf",
    "AnyOf",
    "AsyncRetryTransport",
    "AuthenticationError",
    "BadRequestError",
    "BasicAuth",
    "BatchItem",
    "Clause",
    "ClientCredentialsAuth",
    "Condition",
    "ConfigError",
    "DncReason",
    "ErrorDetail",
    "InternalServerError",
    "MauticError",
    "NotFoundError",
    "OAuth2Token",
    "PermissionDeniedError",
    "RateLimitError",
    "RefreshTokenAuth",
    "RetryPolicy",
    "RetryTransport",
    "TokenCallback",
    "UnprocessableEntityError",
    "Where",
    "all_of",
    "any_of",
    "capture_response",
    "encode_where",
    "request_options",
    "tag_changes",
    "tag_diff",
]
