"""Creating and editing contacts with Mautic's write semantics (POST vs PUT vs PATCH, §5 of the reference)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ._contact_links import (
    add_ip,
    apply_dnc,
    modify_tags,
    set_companies,
    set_frequency,
    set_primary_company,
    set_stage,
)
from ._http import ApiError, framework_error
from ._php import is_numeric, items, php_empty, php_intval
from ._store import Store
from ._values import (
    INVALID,
    FieldValueError,
    clean_value,
    format_dt,
    is_numeric_zero,
    now_utc,
    parse_datetime,
    sanitize_email,
)

__all__ = ["SaveResult", "find_duplicate", "save_contact"]

IDENTIFYING = (
    "firstname",
    "lastname",
    "company",
    "email",
    "facebook",
    "foursquare",
    "instagram",
    "linkedin",
    "skype",
    "twitter",
)
SPECIAL_KEYS = {
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
REQUIRED = "This field is required."
UNIQUE = "This field must be unique."
FREQUENCY_TIMES = {"DAY", "WEEK", "MONTH"}


@dataclass
class SaveResult:
    contact_id: int
    created: bool


class _Violations:
    def __init__(self) -> None:
        self.by_field: dict[str, list[str]] = {}
        self.status = 400

    def add(self, alias: str, message: str, status: int = 400) -> None:
        self.by_field.setdefault(alias, []).append(message)
        if status == 422:
            self.status = 422

    def raise_if_any(self) -> None:
        if not self.by_field:
            return
        message = ", ".join(f"{alias}: {msgs[0]}" for alias, msgs in self.by_field.items())
        raise ApiError(self.status, message, details=self.by_field)


def as_payload(body: Any) -> dict[str, Any]:
    """A request body as PHP would see it: lists become index-keyed arrays, scalars nothing."""
    if isinstance(body, dict):
        return body
    if isinstance(body, list):
        return {str(i): v for i, v in enumerate(body)}
    return {}


def find_duplicate(store: Store, conn: sqlite3.Connection, payload: dict[str, Any]) -> int | None:
    """Mautic's ``checkForDuplicateContact``: unique-identifier fields ORed, newest match wins."""
    clauses, params = [], []
    for field in store.fields.unique_lead:
        if field.alias not in payload:
            continue
        try:
            value = clean_value(field, payload[field.alias])
        except FieldValueError:
            raw = payload[field.alias]
            value = sanitize_email(str(raw)) if field.type == "email" and isinstance(raw, str) else None
        if value is None or value == "":
            continue
        clauses.append(f'"{field.alias}" = ?')
        params.append(value)
    if not clauses:
        return None
    row = conn.execute(
        f"SELECT id FROM leads WHERE {' OR '.join(clauses)} ORDER BY date_added DESC, id DESC LIMIT 1", params
    ).fetchone()
    return int(row["id"]) if row else None


def _is_identified(values: dict[str, Any]) -> bool:
    return any(values.get(alias) not in (None, "") for alias in IDENTIFYING)


def save_contact(
    store: Store,
    conn: sqlite3.Connection,
    body: Any,
    *,
    method: str,
    existing_id: int | None,
    batch: bool,
    user_id: int,
) -> SaveResult:
    """Create (``existing_id`` None) or edit a contact; raises ApiError for validation failures."""
    payload = as_payload(body)
    existing: dict[str, Any] | None = None
    if existing_id is not None:
        row = conn.execute("SELECT * FROM leads WHERE id = ?", (existing_id,)).fetchone()
        existing = dict(row) if row else None
    # setCustomFieldValues can only switch blanking on: a PUT always blanks what it omits.
    overwrite = method == "PUT" or not php_empty(payload.get("overwriteWithBlank"))
    violations = _Violations()
    updates = _field_updates(store, payload, method, existing, overwrite, violations)
    owner = _owner(conn, payload, violations)
    stage = _stage(conn, payload, violations)
    companies = _companies(payload)
    # Invalid frequency rules fail a single request but are silently skipped in batch mode.
    frequency = _frequency_rules(payload, _Violations() if batch else violations)
    _check_unique(store, conn, updates, existing, violations)
    violations.raise_if_any()

    now = format_dt(now_utc())
    user_name = store.user_name(conn, user_id)
    was_identified = existing is not None and existing["date_identified"] is not None
    if existing is None:
        for field in store.fields.lead:
            if field.default_value not in (None, "") and updates.get(field.alias) is None:
                updates[field.alias] = clean_value(field, field.default_value)
        values = {"date_added": now, "created_by": user_id, "created_by_user": user_name, "is_published": 1}
        values.update({k: (0 if k == "points" and v is None else v) for k, v in updates.items()})
        columns = ",".join(f'"{c}"' for c in values)
        cursor = conn.execute(
            f"INSERT INTO leads ({columns}) VALUES ({','.join('?' for _ in values)})", list(values.values())
        )
        contact_id = int(cursor.lastrowid or 0)
    else:
        contact_id = int(existing["id"])
        values = {"date_modified": now, "modified_by": user_id, "modified_by_user": user_name}
        values.update({k: (0 if k == "points" and v is None else v) for k, v in updates.items()})
        assignments = ",".join(f'"{c}" = ?' for c in values)
        conn.execute(f"UPDATE leads SET {assignments} WHERE id = ?", [*values.values(), contact_id])

    if owner is not _UNSET:
        conn.execute("UPDATE leads SET owner_id = ? WHERE id = ?", (owner, contact_id))
    if stage is not _UNSET:
        set_stage(conn, contact_id, stage, existing, now)
    if companies is not None:
        set_companies(conn, contact_id, companies, now)
    if "company" in updates:
        set_primary_company(conn, contact_id, updates["company"], now, user_id, user_name)
    if payload.get("tags") is not None:
        modify_tags(conn, contact_id, payload["tags"])
    if payload.get("ipAddress") not in (None, ""):
        add_ip(conn, contact_id, str(payload["ipAddress"]), now)
    if payload.get("lastActive") is not None:
        parsed = parse_datetime(payload["lastActive"])
        last_active = format_dt(parsed) if parsed else "1970-01-01 00:00:00"
        conn.execute("UPDATE leads SET last_active = ? WHERE id = ?", (last_active, contact_id))
    apply_dnc(conn, contact_id, payload.get("doNotContact"), now)
    if frequency:
        set_frequency(conn, contact_id, frequency, now)

    final = dict(conn.execute("SELECT * FROM leads WHERE id = ?", (contact_id,)).fetchone())
    _check_attribution_date(conn, contact_id, final, now)
    identified = _is_identified(final)
    if identified and final["date_identified"] is None:
        conn.execute("UPDATE leads SET date_identified = ? WHERE id = ?", (now, contact_id))
    source = "api-batch" if batch else "api-single"
    if existing is None:
        action = "identified_contact" if identified else "created_contact"
        store.log_event(conn, contact_id, action, source, user_id)
    elif identified and not was_identified:
        store.log_event(conn, contact_id, "identified_contact", source, user_id)
    return SaveResult(contact_id, existing is None)


def _check_attribution_date(conn: sqlite3.Connection, contact_id: int, row: dict[str, Any], now: str) -> None:
    """Lead::checkAttributionDate, run on every save (prePersist and preUpdate).

    An attribution without an attribution date gets today's date (``Y-m-d``, stored by the datetime
    column as midnight); an empty attribution (blank or 0) clears the date, even one sent in the same
    request.
    """
    if "attribution" not in row or "attribution_date" not in row:
        return
    attribution, attribution_date = row["attribution"], row["attribution_date"]
    if not php_empty(attribution) and php_empty(attribution_date):
        value: str | None = f"{now[:10]} 00:00:00"
    elif php_empty(attribution) and not php_empty(attribution_date):
        value = None
    else:
        return
    conn.execute("UPDATE leads SET attribution_date = ? WHERE id = ?", (value, contact_id))


def _field_updates(
    store: Store,
    payload: dict[str, Any],
    method: str,
    existing: dict[str, Any] | None,
    overwrite: bool,
    violations: _Violations,
) -> dict[str, Any]:
    updates: dict[str, Any] = {}
    clear_missing = method in ("POST", "PUT")
    for field in store.fields.lead:
        present = field.alias in payload
        raw = payload.get(field.alias)
        zero_filtered = method in ("POST", "PATCH") and not (field.type == "boolean" and existing is not None)
        if present and zero_filtered and is_numeric_zero(raw):
            present = False
        if not present:
            # POST and PUT forms clear omitted fields, so a required field must always be sent.
            if field.is_required and clear_missing:
                violations.add(field.alias, REQUIRED)
            elif existing is not None and clear_missing and overwrite:
                updates[field.alias] = None
            continue
        try:
            value = clean_value(field, raw)
        except FieldValueError as exc:
            violations.add(field.alias, exc.message)
            continue
        if value is None and field.is_required:
            violations.add(field.alias, REQUIRED)
            continue
        if value is None:
            if existing is not None and overwrite:
                updates[field.alias] = None
            continue
        updates[field.alias] = value
    return updates


class _Unset:
    pass


_UNSET: Any = _Unset()


def _is_id(value: Any) -> bool:
    """A value usable as a row id (an integral number within SQLite's integer range)."""
    if isinstance(value, bool) or not is_numeric(value):
        return False
    number = float(value)
    return number.is_integer() and 0 <= number < 2**63


def _owner(conn: sqlite3.Connection, payload: dict[str, Any], violations: _Violations) -> Any:
    if "owner" not in payload:
        return _UNSET
    value = payload["owner"]
    if value is None or value == "":
        return None
    if not _is_id(value):
        violations.add("owner", INVALID)
        return _UNSET
    row = conn.execute(
        "SELECT id FROM users WHERE id = ? AND is_published = 1", (int(float(value)),)
    ).fetchone()
    if row is None:
        violations.add("owner", INVALID)
        return _UNSET
    return int(row["id"])


def _stage(conn: sqlite3.Connection, payload: dict[str, Any], violations: _Violations) -> Any:
    if "stage" not in payload:
        return _UNSET
    value = payload["stage"]
    if value is None or value == "":
        return None
    if not _is_id(value):
        violations.add("stage", INVALID)
        return _UNSET
    row = conn.execute(
        "SELECT id FROM stages WHERE id = ? AND is_published = 1", (int(float(value)),)
    ).fetchone()
    if row is None:
        violations.add("stage", INVALID)
        return _UNSET
    return int(row["id"])


def _companies(payload: dict[str, Any]) -> list[int] | None:
    value = payload.get("companies")
    if value is None:
        return None
    if not isinstance(value, (list, dict)):
        # LeadModel::modifyCompanies iterates its argument: a scalar is a PHP TypeError.
        raise framework_error(500)
    return [php_intval(v) for _, v in items(value) if not isinstance(v, (list, dict))]


def _frequency_rules(payload: dict[str, Any], violations: _Violations) -> dict[str, dict[str, Any]]:
    value = payload.get("frequencyRules")
    if php_empty(value):
        return {}
    if not isinstance(value, dict):
        violations.add("frequencyRules", INVALID)
        return {}
    rules: dict[str, dict[str, Any]] = {}
    for channel, rule in value.items():
        if not isinstance(rule, dict):
            violations.add("frequencyRules", INVALID)
            continue
        number = rule.get("frequency_number")
        time = rule.get("frequency_time")
        if number not in (None, "") and (not is_numeric(number) or float(number) < 0):
            violations.add(f"frequency_number_{channel}", INVALID)
            continue
        if time not in (None, "") and str(time).upper() not in FREQUENCY_TIMES:
            violations.add(f"frequency_time_{channel}", INVALID)
            continue
        dates = {}
        for key in ("pause_from_date", "pause_to_date"):
            raw = rule.get(key)
            parsed = parse_datetime(raw) if raw not in (None, "") else None
            if raw not in (None, "") and parsed is None:
                violations.add(f"contact_pause_{key}_{channel}", INVALID)
            dates[key] = format_dt(parsed) if parsed else None
        rules[str(channel)] = {
            "frequency_number": php_intval(number) if number not in (None, "") else None,
            "frequency_time": str(time).upper() if time not in (None, "") else None,
            "preferred_channel": 0 if php_empty(rule.get("preferred_channel")) else 1,
            **dates,
        }
    return rules


def _check_unique(
    store: Store,
    conn: sqlite3.Connection,
    updates: dict[str, Any],
    existing: dict[str, Any] | None,
    violations: _Violations,
) -> None:
    for field in store.fields.unique_lead:
        value = updates.get(field.alias)
        if value is None:
            continue
        own_id = existing["id"] if existing else -1
        clash = conn.execute(
            f'SELECT 1 FROM leads WHERE "{field.alias}" = ? AND id != ? LIMIT 1', (value, own_id)
        ).fetchone()
        if clash:
            violations.add(field.alias, UNIQUE, 422)
