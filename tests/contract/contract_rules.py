"""Where real Mautic answers differently from what a schema-driven fuzzer expects — and nothing else.

Every schemathesis check stays enabled for every operation. A failure is dropped only when one of the
rules below matches it: a rule names the failure code, the operations it covers, the section of
/work/shared/reference/mautic-server-behaviour.md ("§") that documents the behaviour, and a predicate
on the request *as sent* (``contract_wire``) that must hold. A 500 on ``listContacts`` is accepted
because the request carried an unknown ``orderBy`` column, not because it was ``listContacts``.

Used by the in-process suite (``install(schema)``) and by the CLI runs (``contract_hooks.py``).
Dropped failures are counted per rule in ``ACCEPTED`` so that every run can say what it let through.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from contract_wire import WireRequest, body_items, php_int, php_is_numeric, strict_int

__all__ = ["ACCEPTED", "RULES", "Rule", "accepting_rule", "filter_failure", "install"]

# Columns of Mautic's `leads` table on a fresh install (entity columns + the 28 default fields, §2.1, §2.3).
LEAD_COLUMNS = frozenset(
    [
        "id",
        "owner_id",
        "stage_id",
        "is_published",
        "date_added",
        "created_by",
        "created_by_user",
        "date_modified",
        "modified_by",
        "modified_by_user",
        "checked_out",
        "checked_out_by",
        "checked_out_by_user",
        "points",
        "last_active",
        "internal",
        "social_cache",
        "date_identified",
        "preferred_profile_image",
        "generated_email_domain",
        "title",
        "firstname",
        "lastname",
        "company",
        "position",
        "email",
        "mobile",
        "phone",
        "fax",
        "address1",
        "address2",
        "city",
        "state",
        "zipcode",
        "country",
        "preferred_locale",
        "timezone",
        "attribution_date",
        "attribution",
        "website",
        "facebook",
        "foursquare",
        "instagram",
        "linkedin",
        "skype",
        "twitter",
    ]
)
# ORM property names that `where` converts to snake_case columns (§3.3).
LEAD_PROPERTIES = frozenset(
    [
        "owner",
        "stage",
        "isPublished",
        "dateAdded",
        "createdBy",
        "createdByUser",
        "dateModified",
        "modifiedBy",
        "modifiedByUser",
        "checkedOut",
        "checkedOutBy",
        "checkedOutByUser",
        "lastActive",
        "socialCache",
        "dateIdentified",
        "preferredProfileImage",
        "generatedEmailDomain",
    ]
)
NOTE_PROPERTIES = frozenset({"id", "text", "type", "dateTime", "dateAdded", "lead"})
DEVICE_PROPERTIES = frozenset(
    [
        "id",
        "lead",
        "dateAdded",
        "clientInfo",
        "device",
        "deviceOsName",
        "deviceOsShortName",
        "deviceOsVersion",
        "deviceOsPlatform",
        "deviceBrand",
        "deviceModel",
        "deviceFingerprint",
    ]
)
VALUE_EXPRS = frozenset({"eq", "neq", "lt", "lte", "gt", "gte", "like", "notLike"})
COLUMN_EXPRS = frozenset({"isNull", "isNotNull", "isEmpty", "isNotEmpty"})
WRITE_OPERATIONS = frozenset({"createContact", "replaceContact", "updateContact"})
BATCH_WRITE_OPERATIONS = frozenset({"createContactsBatch", "replaceContactsBatch", "updateContactsBatch"})
BATCH_MAX = 200  # api_batch_max_limit default (§4.3)
_CALENDAR = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*")
_OTHER_DATES = re.compile(
    r"\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})|now|today|tomorrow|yesterday|@-?\d+)\s*",
    re.IGNORECASE,
)


def php_parses_date(value: str) -> bool:
    """Whether PHP's DateTime reads a value of the forms clients send (days 0-31 and hour 24 roll over)."""
    found = _CALENDAR.fullmatch(value)
    if found is not None:
        month, day = int(found.group(2)), int(found.group(3))
        hour, minute, second = (int(found.group(i) or 0) for i in (4, 5, 6))
        return 1 <= month <= 12 and day <= 31 and hour <= 24 and minute <= 59 and second <= 59
    return _OTHER_DATES.fullmatch(value) is not None


def _sanitized(name: Any) -> str:
    return re.sub(r"[^A-Za-z0-9_.]", "", str(name))


def _unknown_column(raw: Any, *, convert_properties: bool) -> bool:
    """Whether a client column reaches SQL as something the `leads` table lacks (an SQL error, §3.1)."""
    if isinstance(raw, dict):
        return True
    name = _sanitized(raw)
    if "." in name:
        alias, _, name = name.rpartition(".")
        if alias != "l":
            return True
    if convert_properties and name in LEAD_PROPERTIES:
        return False
    return name not in LEAD_COLUMNS


def _children(value: Any) -> list[Any]:
    return list(value.values()) if isinstance(value, dict) else []


def _clause_errors(clause: Any) -> bool:
    """Whether one `where` clause makes Mautic throw (§3.3; CommonRepository::buildWhereClauseFromArray)."""
    if not isinstance(clause, dict) or "expr" not in clause:
        return True
    expr = clause["expr"]
    value = clause.get("val", clause.get("value"))
    if expr in ("andX", "orX"):
        # The nested clauses go to a method typed `array $clauses`: a scalar or missing val is a TypeError.
        return not isinstance(value, dict) or any(_clause_errors(c) for c in _children(value))
    if "col" not in clause and "column" not in clause:
        return True
    if not isinstance(expr, str):
        return True  # method_exists() with an array method name
    column = clause.get("col", clause.get("column"))
    if expr in ("in", "notIn"):
        return isinstance(value, dict) or _unknown_column(column, convert_properties=True)
    if expr in ("between", "notBetween"):
        pair = _children(value)
        if len(pair) != 2:
            return False  # silently dropped
        return any(isinstance(v, dict) for v in pair) or _unknown_column(column, convert_properties=True)
    if expr in VALUE_EXPRS:
        return isinstance(value, dict) or _unknown_column(column, convert_properties=True)
    if expr in COLUMN_EXPRS:
        return _unknown_column(column, convert_properties=True)
    return False  # any other expression is silently ignored


def _direction_invalid(raw: Any) -> bool:
    return re.sub(r"[^A-Za-z0-9]", "", str(raw)).upper() not in ("", "ASC", "DESC")


def _int_below_zero(raw: Any) -> bool:
    return raw is not None and not isinstance(raw, dict) and php_int(raw) < 0


def list_sql_error(req: WireRequest) -> bool:
    """A `GET /contacts` request that real Mautic answers with a 500 (§3.1, §3.3)."""
    if _int_below_zero(req.param("start")) or _int_below_zero(req.param("limit")):
        return True
    where = req.param("where")
    if isinstance(where, dict) and any(
        _clause_errors(c) for c in where.values() if not (isinstance(c, dict) and "internal" in c)
    ):
        return True
    order = req.param("order")
    if isinstance(order, dict) and order:
        for entry in order.values():
            if not isinstance(entry, dict) or "col" not in entry:
                return True
            if _unknown_column(entry["col"], convert_properties=False) or _direction_invalid(
                entry.get("dir", "ASC")
            ):
                return True
        return False
    order_by = req.param("orderBy")
    if isinstance(order_by, str) and order_by not in ("", "0"):
        if any(_unknown_column(c.strip(), convert_properties=False) for c in order_by.split(",")):
            return True
        return _direction_invalid(req.param("orderByDir") or "ASC")
    return False


def _orm_order_error(req: WireRequest, alias: str, properties: frozenset[str]) -> bool:
    order_by = req.param("orderBy")
    if order_by is not None:
        name = _sanitized(order_by)
        prefix, dot, prop = name.partition(".")
        if not dot or prefix != alias or prop not in properties:
            return True
    return _direction_invalid(req.param("orderByDir") or "DESC")


def subresource_sql_error(alias: str, properties: frozenset[str]) -> Callable[[WireRequest], bool]:
    """Notes/devices: Doctrine paging and DQL ordering errors (§4.8, §4.9; DBAL offset check, §3.1)."""

    def check(req: WireRequest) -> bool:
        return (
            _int_below_zero(req.param("start"))
            or _int_below_zero(req.param("limit"))
            or _orm_order_error(req, alias, properties)
        )

    return check


def owners_sql_error(req: WireRequest) -> bool:
    """`start` is applied only with a non-empty `limit`; a negative one is DBAL's offset error (§4.18)."""
    limit = req.param("limit")
    if _int_below_zero(limit):
        return True
    return limit not in (None, "", "0") and _int_below_zero(req.param("start"))


def activity_date_error(req: WireRequest) -> bool:
    """Unparseable `filters[dateFrom]`/`filters[dateTo]` make PHP's DateTime throw (§4.17)."""
    filters = req.param("filters")
    if filters is not None and not isinstance(filters, dict):
        return True
    for key in ("dateFrom", "dateTo"):
        value = (filters or {}).get(key)
        if value in (None, ""):
            continue
        if isinstance(value, dict) or not php_parses_date(value):
            return True
    return False


def _path_segment(req: WireRequest, index: int) -> str:
    parts = req.path.split("/")
    return parts[index] if len(parts) > abs(index) else ""


INT32_MAX = 2**31 - 1
# A plus/minus this large leaves the INT range after a few steps of a stateful scenario.
_LARGE_STEP = 2**20


def points_path_error(req: WireRequest) -> bool:
    """Points changes Mautic answers with a 500 (§4.21, §4.22; the spec's PointsDelta/GroupPointsValue).

    A non-integer `{delta}`/`{value}` cannot bind to the controller's int argument; dividing by zero
    throws; a result outside the 32-bit `points`/score column is refused by the database. The current
    score is not known here, so an overflow is accepted only for amounts that can produce one within a
    few steps (multiplying by |n| >= 2, dividing by -1, adding or subtracting 2^20 or more).
    """
    raw = _path_segment(req, -1)
    if not strict_int(raw):
        return True
    value = int(raw)
    operator = _path_segment(req, -2)
    if abs(value) > INT32_MAX:
        return True
    if operator == "divide":
        return value in (0, -1)
    if operator == "times":
        return abs(value) >= 2
    return operator in ("plus", "minus") and abs(value) >= _LARGE_STEP


def _companies_error(item: Any) -> bool:
    return isinstance(item, dict) and "companies" in item and not isinstance(item["companies"], list)


def write_error(req: WireRequest) -> bool:
    """A non-array `companies` is a TypeError in LeadModel::modifyCompanies (§5.3)."""
    return _companies_error(req.body)


def batch_write_error(req: WireRequest) -> bool:
    """Batches over `api_batch_max_limit` (§4.3, §6) or an item with a non-array `companies` (§5.3)."""
    items = body_items(req.body)
    return len(items) > BATCH_MAX or any(_companies_error(item) for item in items)


def _generic_500(response: Any) -> bool:
    try:
        errors = response.json().get("errors")
        return bool(response.status_code == 500 and errors[0]["code"] == 500)
    except (ValueError, AttributeError, KeyError, IndexError, TypeError):
        return False


def _negative_locations(case: Any) -> set[str]:
    meta = getattr(case, "meta", None)
    if meta is None:
        return set()
    return {str(loc.value) for loc, info in meta.components.items() if str(info.mode.value) == "negative"}


# Form-validation messages of Mautic's contact form (§1.6, §5.3, §5.4, §5.7, §5.9, §4.4).
_INVALID = "This value is not valid."
_TOO_LONG = "This value is too long. It should have 191 characters or less."
_UNIQUE = "This field must be unique."
_REQUIRED = "This field is required."
# Default fields whose values are choice lists the spec leaves as plain strings (§5.4: English country
# names, region names, locale codes, PHP time-zone ids).
CHOICE_FIELDS = frozenset({"country", "state", "preferred_locale", "timezone"})
# Default date-time fields: any `strtotime` string is accepted, anything else is refused (§5.4, §7).
DATE_FIELDS = frozenset({"last_active", "attribution_date"})
# Number fields and the values they store: `points` is a signed 32-bit column; other numbers go through
# Symfony's NumberType, which refuses anything at or beyond PHP_INT_MAX (2**63 as a float) (§5.4).
NUMBER_RANGES = {"points": (-(2**31), INT32_MAX), "attribution": (-(2**63) + 1, 2**63 - 1)}
# Special keys of contact bodies (§4.2); every other alias outside LEAD_COLUMNS is a custom field.
SPECIAL_KEYS = frozenset(
    {
        "overwriteWithBlank",
        "owner",
        "stage",
        "tags",
        "companies",
        "ipAddress",
        "lastActive",
        "doNotContact",
        "frequencyRules",
        "id",
    }
)
_FREQUENCY_KEY = re.compile(r"^(frequency_number|frequency_time|contact_pause_pause_(from|to)_date)_.*$")


def _custom_field(alias: str) -> bool:
    """A field of this instance the spec cannot know (type, choices, required), not a default field."""
    return alias not in LEAD_COLUMNS and alias not in SPECIAL_KEYS and not _FREQUENCY_KEY.match(alias)


def _out_of_range(value: Any, bounds: tuple[int, int]) -> bool:
    """Whether a number the schema allows is outside what the field can store."""
    if isinstance(value, bool) or not php_is_numeric(value):
        return False
    try:
        number = float(value)
    except OverflowError:  # an integer too large for a float
        return True
    low, high = bounds
    return not math.isfinite(number) or not low <= number <= high


def _explained(alias: str, message: Any, body: dict[str, Any], status: int) -> bool:
    """Whether one field message is a check the spec cannot express, for a value the request sent."""
    if not isinstance(message, str):
        return False
    sent = alias in body
    value = body.get(alias)
    if message == _UNIQUE:
        # A unique identifier (email, or a custom unique field) that another contact already has (§4.4).
        return status == 422 and sent
    if message == _TOO_LONG:
        return isinstance(value, str) and len(value) > 191
    if message == _REQUIRED:
        # Custom fields marked required on the instance (§5.4); the spec lists no required field.
        return _custom_field(alias)
    if message.endswith(" is invalid."):
        # Email syntax (§5.4, §5.9): `email`, or a custom field of type email.
        return sent and (alias == "email" or _custom_field(alias))
    if message != _INVALID:
        return False
    if alias in CHOICE_FIELDS or alias in DATE_FIELDS:
        return isinstance(value, str) and value.strip() != ""
    if alias in ("owner", "stage"):
        # Ids of published users and stages (§5.3).
        return sent and value is not None
    if alias in NUMBER_RANGES:
        return _out_of_range(value, NUMBER_RANGES[alias])
    if alias == "frequencyRules" or _FREQUENCY_KEY.match(alias):
        # The frequency-rule sub-form (§5.7): DAY/WEEK/MONTH, non-negative numbers, parseable dates.
        return "frequencyRules" in body
    # Custom select, multiselect, boolean, date and number fields (§5.4).
    return _custom_field(alias)


def form_validation(req: WireRequest, case: Any, response: Any) -> bool:
    """Mautic's form-validation answer to values a schema cannot check (§1.6, §5.4, §5.9).

    400 (422 when a unique identifier clashes) with `code` equal to the status and `details` keyed by
    field; every field named there must be one whose check the spec cannot express (email syntax,
    choice lists, dates, owner/stage ids, the 191-character limit, number ranges, frequency rules,
    custom fields, unique identifiers) and, where the check depends on the value, the request must
    have sent such a value. Anything else (an empty `details`, a plain text field refused) stays a
    failure.
    """
    try:
        error = response.json()["errors"][0]
        details = error["details"]
    except (ValueError, KeyError, IndexError, TypeError):
        return False
    status = response.status_code
    if status not in (400, 422) or error.get("code") != status:
        return False
    if not isinstance(details, dict) or not details or not isinstance(req.body, dict):
        return False
    if status == 422 and not any(_UNIQUE in (m if isinstance(m, list) else []) for m in details.values()):
        return False
    for alias, messages in details.items():
        if not isinstance(messages, list) or not messages:
            return False
        if not all(_explained(str(alias), m, req.body, status) for m in messages):
            return False
    return True


@dataclass(frozen=True)
class Rule:
    """One documented Mautic behaviour that a schemathesis check reports as a failure."""

    name: str
    codes: frozenset[str]
    operations: frozenset[str]
    reference: str
    why: str
    applies: Callable[[WireRequest, Any, Any], bool]

    def matches(self, operation_id: str, code: str, req: WireRequest, case: Any, response: Any) -> bool:
        return code in self.codes and operation_id in self.operations and self.applies(req, case, response)


def _ops(*names: str | Iterable[str]) -> frozenset[str]:
    result: set[str] = set()
    for name in names:
        result.update([name] if isinstance(name, str) else name)
    return frozenset(result)


def _server_error(predicate: Callable[[WireRequest], bool]) -> Callable[[WireRequest, Any, Any], bool]:
    return lambda req, case, response: _generic_500(response) and predicate(req)


def _only_negative(*locations: str) -> Callable[[WireRequest, Any, Any], bool]:
    allowed = set(locations)

    def check(req: WireRequest, case: Any, response: Any) -> bool:
        # A negative `header` is a malformed Authorization header that the configured auth replaces.
        negative = _negative_locations(case) - {"header"}
        return bool(negative) and negative <= allowed and response.status_code < 300

    return check


def _zero_delta(req: WireRequest, case: Any, response: Any) -> bool:
    return _negative_locations(case) - {"header"} == {"path"} and php_int(_path_segment(req, -1)) == 0


def _bad_utm_set(req: WireRequest, case: Any, response: Any) -> bool:
    try:
        message = response.json()["errors"][0]["message"]
    except (ValueError, KeyError, IndexError, TypeError):
        return False
    return bool(response.status_code == 400 and message == "This is a bad request.")


def _points_route(req: WireRequest, case: Any, response: Any) -> bool:
    # POST /contacts/{id}/points/groups/{n} is /contacts/{leadId}/points/{operator}/{delta} with
    # operator "groups": 400 "Invalid operator", or 200 without change when the delta is 0.
    return req.method == "POST" and response.status_code in (200, 400)


def _points_route_allow(req: WireRequest, case: Any, response: Any) -> bool:
    allowed = {m.strip().upper() for m in (response.headers.get("allow") or [""])[0].split(",")}
    return response.status_code == 405 and allowed == {"GET", "POST"}


def _recreated_by_put(req: WireRequest, case: Any, response: Any) -> bool:
    return req.method == "PUT" and response.status_code in (200, 201)


RULES: tuple[Rule, ...] = (
    Rule(
        "list-sql-error",
        frozenset({"ST101"}),
        _ops("listContacts"),
        "§3.1, §3.3, §1.6",
        "negative start/limit, unknown orderBy/order/where column, bad direction, a where clause without "
        "col or expr, an array where a scalar is bound: SQL or PHP errors answered with the generic 500",
        _server_error(list_sql_error),
    ),
    Rule(
        "subresource-sql-error",
        frozenset({"ST101"}),
        _ops("getContactNotes"),
        "§4.8, §3.1, §1.6",
        "negative start/limit (DBAL offset check) or an orderBy that is no note property (DQL error)",
        _server_error(subresource_sql_error("n", NOTE_PROPERTIES)),
    ),
    Rule(
        "device-sql-error",
        frozenset({"ST101"}),
        _ops("getContactDevices"),
        "§4.9, §3.1, §1.6",
        "negative start/limit (DBAL offset check) or an orderBy that is no device property (DQL error)",
        _server_error(subresource_sql_error("d", DEVICE_PROPERTIES)),
    ),
    Rule(
        "owners-sql-error",
        frozenset({"ST101"}),
        _ops("listContactOwners"),
        "§4.18, §3.1",
        "a negative limit, or a negative start together with a limit (DBAL offset check)",
        _server_error(owners_sql_error),
    ),
    Rule(
        "activity-date-error",
        frozenset({"ST101"}),
        _ops("getContactActivity", "getAllContactsActivity"),
        "§4.17",
        "an unparseable filters[dateFrom]/filters[dateTo] (PHP DateTime exception)",
        _server_error(activity_date_error),
    ),
    Rule(
        "points-path-error",
        frozenset({"ST101"}),
        _ops("adjustContactPoints", "adjustContactPointGroup"),
        "§4.21, §4.22",
        "a non-integer {delta}/{value}, a division by zero or a result outside the 32-bit score column",
        _server_error(points_path_error),
    ),
    Rule(
        "companies-error",
        frozenset({"ST101"}),
        WRITE_OPERATIONS,
        "§5.3",
        "a non-array companies value",
        _server_error(write_error),
    ),
    Rule(
        "batch-error",
        frozenset({"ST101"}),
        BATCH_WRITE_OPERATIONS,
        "§4.3, §6, §5.3",
        "more than api_batch_max_limit (200) items, or an item with a non-array companies value",
        _server_error(batch_write_error),
    ),
    Rule(
        "body-not-validated",
        frozenset({"ST201"}),
        _ops(
            WRITE_OPERATIONS,
            BATCH_WRITE_OPERATIONS,
            "addContactDnc",
            "addContactUtm",
            "adjustContactPoints",
            "adjustContactPointGroup",
        ),
        "§4.2, §1.4, §8",
        "bodies are bound to forms that ignore unknown keys and coerce types; an empty body creates an "
        "anonymous contact (batches: an empty list)",
        _only_negative("body"),
    ),
    Rule(
        "query-coerced",
        frozenset({"ST201"}),
        _ops(
            "listContacts",
            "getContact",
            "getContactActivity",
            "getAllContactsActivity",
            "getContactNotes",
            "getContactDevices",
            "listContactOwners",
            "deleteContactsBatch",
        ),
        "§1.4, §3.1, §4.7, §4.17, §4.18",
        "query values are read with PHP casts and defaults (limit, page, start, enums) and never "
        "validated; batch delete without usable ids answers {contacts: []}",
        _only_negative("query"),
    ),
    Rule(
        "zero-delta",
        frozenset({"ST201"}),
        _ops("adjustContactPoints"),
        "§4.21",
        "a delta of 0 succeeds without change, whatever the operator",
        _zero_delta,
    ),
    Rule(
        "form-validation",
        frozenset({"ST202"}),
        WRITE_OPERATIONS,
        "§5.4, §5.3, §4.4, §5.9",
        "field values a schema cannot check (email syntax, choice lists, dates, owner/stage ids, 191-char "
        "limit, number ranges, frequency rules, custom fields) answer 400 naming those fields in "
        "`details`, a duplicate unique identifier 422",
        form_validation,
    ),
    Rule(
        "unknown-utm-set",
        frozenset({"ST202"}),
        _ops("removeContactUtm"),
        "§4.14",
        "a utmid that is not one of the contact's UTM sets answers 400 'This is a bad request.'",
        _bad_utm_set,
    ),
    Rule(
        "points-route-overlap",
        frozenset({"ST204"}),
        _ops("getContactPointGroup"),
        "§0.1 (#25, #27), §4.21",
        "POST on the point-group path is routed to the global points route",
        _points_route,
    ),
    Rule(
        "points-route-allow",
        frozenset({"ST205"}),
        _ops("getContactPointGroup"),
        "§0.1 (#25, #27)",
        "Symfony's 405 lists the methods of every route matching the path: GET and the points route's POST",
        _points_route_allow,
    ),
    Rule(
        "put-recreates",
        frozenset({"ST301"}),
        _ops("replaceContact", "replaceContactsBatch"),
        "§4.4, §4.5, §5.1",
        "PUT on a missing contact creates a new one (201, new id)",
        _recreated_by_put,
    ),
)

ACCEPTED: Counter[str] = Counter()


def _operation_id(case: Any) -> str:
    try:
        return str(case.operation.definition.raw.get("operationId", ""))
    except AttributeError:
        return ""


def accepting_rule(failure: Any, case: Any, response: Any) -> Rule | None:
    """The rule that documents this failure as real Mautic behaviour, if any."""
    try:
        req = WireRequest.from_prepared(response.request)
    except AttributeError:
        return None
    operation_id = _operation_id(case)
    for rule in RULES:
        if rule.matches(operation_id, failure.code, req, case, response):
            return rule
    return None


def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Schemathesis ``filter_failure`` hook: keep every failure no rule accepts."""
    rule = accepting_rule(failure, case, response)
    if rule is None:
        return True
    ACCEPTED[rule.name] += 1
    return False


def install(schema: Any = None) -> None:
    """Register the rules on one schema (pytest), or globally (the CLI's hooks file)."""
    import schemathesis

    if schema is None:
        schemathesis.hook(filter_failure)
    else:
        schema.hook(filter_failure)
