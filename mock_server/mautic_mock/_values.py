"""Cleaning and validating contact field values the way Mautic's forms do."""

from __future__ import annotations

import email.utils
import json
import math
import re
import zoneinfo
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from typing import Any

from ._fields import VARCHAR_TYPES, FieldDef
from ._php import is_numeric, php_intval, strip_tags

__all__ = [
    "COUNTRIES",
    "INVALID",
    "TOO_LONG",
    "FieldValueError",
    "clean_value",
    "format_dt",
    "is_numeric_zero",
    "iso",
    "now_utc",
    "parse_datetime",
    "sanitize_email",
]

INVALID = "This value is not valid."
TOO_LONG = "This value is too long. It should have 191 characters or less."
_EMAIL_CHARS = re.compile(r"[^A-Za-z0-9!#$%&'*+\-=?^_`{|}~@.\[\]]")
_EMAIL_VALID = re.compile(r"^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")
_TIMEZONES = zoneinfo.available_timezones()
# CountryType's choices (FormFieldHelper::getCountryChoices): Mautic 5's
# app/bundles/CoreBundle/Assets/json/countries.json, English names, matched exactly.
COUNTRIES: frozenset[str] = frozenset(
    json.loads(resources.files(__package__).joinpath("data", "countries.json").read_text(encoding="utf-8"))
)
_TRUE = {"1", "true", "on", "yes"}
_FALSE = {"0", "false", "off", "no", ""}


class FieldValueError(Exception):
    """A value a Mautic form would reject; ``message`` is the violation text."""

    def __init__(self, alias: str, message: str) -> None:
        super().__init__(f"{alias}: {message}")
        self.alias = alias
        self.message = message


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def format_dt(value: datetime) -> str:
    """DBAL/field format ``Y-m-d H:i:s`` (UTC)."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


_STORED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")


def iso(value: str | None) -> str | None:
    """Entity date format ``c`` in UTC (``2024-10-24T15:54:35+00:00``) from a stored value."""
    if not value:
        return None
    # Nearly every stored date was written by format_dt: a valid UTC ``Y-m-d H:i:s`` needs no parsing
    # (fromisoformat only validates it: out-of-range days, hour 24 and year 0 take the PHP path below).
    if isinstance(value, str) and _STORED.fullmatch(value):
        try:
            datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return f"{value[:10]}T{value[11:]}+00:00"
    parsed = parse_datetime(value)
    if parsed is None:
        return None
    return parsed.astimezone(UTC).isoformat()


def is_numeric_zero(value: Any) -> bool:
    """Values Mautic's POST/PATCH zero filter drops: ``is_numeric($v) && 0 === (int) $v``.

    The integer cast makes every fraction between -1 and 1 (``0.5``, ``"-0.9"``, ``"1e-3"``) a zero.
    """
    return is_numeric(value) and php_intval(value) == 0


def sanitize_email(value: str) -> str:
    """PHP ``FILTER_SANITIZE_EMAIL``."""
    return _EMAIL_CHARS.sub("", value)


_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%H:%M:%S",
    "%H:%M",
)


_CALENDAR = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def _php_calendar_date(text: str) -> datetime | None:
    """``Y-m-d[ H:i[:s]]`` as PHP reads it: days 0-31 in any month and hour 24 roll over
    (``2024-04-31`` is May 1st, ``2024-03-00`` February 29th); month 13 or minute 60 do not parse."""
    found = _CALENDAR.fullmatch(text)
    if found is None:
        return None
    year, month, day = (int(found.group(i)) for i in (1, 2, 3))
    hour, minute, second = (int(found.group(i) or 0) for i in (4, 5, 6))
    if not (1 <= month <= 12 and day <= 31 and hour <= 24 and minute <= 59 and second <= 59):
        return None
    # Year 0 is valid for PHP but not for Python: the earliest representable instant stands in.
    start = datetime(max(year, 1), month, 1)
    try:
        return start + timedelta(days=day - 1, hours=hour, minutes=minute, seconds=second)
    except OverflowError:
        return datetime.min if year < 1 else datetime.max.replace(microsecond=0)


def parse_datetime(value: Any) -> datetime | None:
    """A subset of PHP ``strtotime``: ISO 8601, common date formats, RFC 2822, ``@ts``, now/today."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return None  # no date PHP could represent either
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or text.startswith("0000-00-00"):
        return None
    lowered = text.lower()
    now = now_utc()
    relative = {"now": now, "today": now.replace(hour=0, minute=0, second=0)}
    relative["tomorrow"] = relative["today"] + timedelta(days=1)
    relative["yesterday"] = relative["today"] - timedelta(days=1)
    if lowered in relative:
        return relative[lowered]
    if re.fullmatch(r"@-?\d+", text):
        try:
            return datetime.fromtimestamp(int(text[1:]), UTC)
        except (OverflowError, OSError, ValueError):
            return None
    parsed = _php_calendar_date(text)
    if parsed is None:
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
        except ValueError:
            parsed = None
    if parsed is None:
        for fmt in _FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
            except ValueError:
                continue
            if fmt.startswith("%H"):
                parsed = datetime.combine(now.date(), parsed.time())
            break
    if parsed is None:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if not 1 <= parsed.astimezone(UTC).year <= 9999:
        return None
    return parsed.astimezone(UTC)


def _as_text(field: FieldDef, value: Any) -> str:
    if isinstance(value, (dict, list)):
        raise FieldValueError(field.alias, INVALID)
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def clean_value(field: FieldDef, value: Any) -> Any:
    """The value Mautic would store for ``field`` (``None`` = blank), or raise FieldValueError."""
    if value is None:
        return None
    ftype = field.type
    if ftype == "number":
        if isinstance(value, bool) or not is_numeric(value):
            if value == "":
                return None
            raise FieldValueError(field.alias, INVALID)
        number = _finite_number(value)
        if number is None:
            raise FieldValueError(field.alias, INVALID)
        if field.alias == "points":
            # points is an INT(11) column: out-of-range values cannot be stored
            if not -(2**31) <= number <= 2**31 - 1:
                raise FieldValueError(field.alias, INVALID)
            return php_intval(number)
        scale = field.scale
        if scale is None or abs(number) >= 1e15:
            return number
        # PHP rounds half up (Mautic's default roundmode), unlike Python's round().
        quantum = Decimal(1).scaleb(-scale)
        return float(Decimal(repr(number)).quantize(quantum, rounding=ROUND_HALF_UP))
    if ftype == "boolean":
        return _clean_boolean(field, value)
    if ftype in ("date", "datetime", "time"):
        return _clean_date(field, value)
    if ftype == "multiselect":
        return _clean_multiselect(field, value)
    text = _as_text(field, value)
    if ftype == "email":
        text = sanitize_email(text)[:254]
        if text == "":
            return None
        if not _EMAIL_VALID.match(text):
            raise FieldValueError(field.alias, f"{text} is invalid.")
        return text
    if ftype != "html":
        text = strip_tags(text)
    if text == "":
        return None
    if ftype == "select" and text not in field.choice_labels:
        raise FieldValueError(field.alias, INVALID)
    if ftype == "country" and text not in COUNTRIES:
        raise FieldValueError(field.alias, INVALID)
    if ftype == "timezone" and _TIMEZONES and text not in _TIMEZONES:
        raise FieldValueError(field.alias, INVALID)
    if ftype in VARCHAR_TYPES and len(text) > 191:
        raise FieldValueError(field.alias, TOO_LONG)
    return text


def _finite_number(value: Any) -> float | None:
    """The number a NumberType form field accepts, or None when it refuses it.

    Symfony's ``NumberToLocalizedStringTransformer::reverseTransform`` fails (``This value is not
    valid.``) on anything ``>= PHP_INT_MAX`` or ``<= -PHP_INT_MAX``, which includes ``INF`` (``1e400``).
    PHP compares the float against PHP_INT_MAX converted to a float, 2**63.
    """
    try:
        number = float(value)
    except OverflowError:  # an integer too large for a float: far beyond PHP_INT_MAX
        return None
    if not math.isfinite(number) or abs(number) >= 2**63:
        return None
    return number


def _clean_boolean(field: FieldDef, value: Any) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return int(value)
    text = str(value).strip().lower() if isinstance(value, (str, int, float)) else None
    if text is None:
        raise FieldValueError(field.alias, INVALID)
    labels = field.choice_labels
    if text in _TRUE or text == labels["1"].lower():
        return 1
    if text in _FALSE or text == labels["0"].lower():
        return 0 if text != "" else None
    raise FieldValueError(field.alias, INVALID)


def _clean_date(field: FieldDef, value: Any) -> str | None:
    if isinstance(value, (dict, list, bool)):
        raise FieldValueError(field.alias, INVALID)
    if isinstance(value, str) and (value.strip() == "" or value.startswith("0000-00-00")):
        return None
    parsed = parse_datetime(value)
    if parsed is None:
        raise FieldValueError(field.alias, INVALID)
    if field.type == "date":
        return parsed.strftime("%Y-%m-%d")
    if field.type == "time":
        return parsed.strftime("%H:%M:%S")
    # Mautic reformats datetimes to ``Y-m-d H:i`` first: seconds are dropped.
    return parsed.strftime("%Y-%m-%d %H:%M:00")


def _clean_multiselect(field: FieldDef, value: Any) -> str | None:
    if isinstance(value, dict):
        parts = [str(v) for v in value.values()]
    elif isinstance(value, list):
        parts = [str(v) for v in value]
    elif isinstance(value, bool):
        raise FieldValueError(field.alias, INVALID)
    else:
        parts = [p for p in str(value).split("|")]
    parts = [p for p in parts if p != ""]
    if not parts:
        return None
    if any(p not in field.choice_labels for p in parts):
        raise FieldValueError(field.alias, INVALID)
    return "|".join(parts)
