"""Which input column goes to which Mautic field, and the contact payload of one record.

A column is matched, in this order: a `--map 'Column=alias'` override (`--map 'Column='` drops it); a
column that `export` writes but Mautic does not take (`id`, `date_added`, `date_modified`) or that the
rejects file adds (`_row`, `_status`, `_error`, `_line`): dropped; a field alias or a special key
(`tags`, `owner`, `stage`, `ipAddress`, `lastActive`, `doNotContact`, `companies`), compared without
case, spaces or punctuation (`First Name` -> `firstname`); a common synonym (`E-mail address`, `Surname`,
`Zip` ...). Anything else is an error, so no column is silently lost.

Without the server (a `--dry-run` without connection settings), fields are Mautic's 28 default contact
fields; a column named like an alias (`shoe_size`) is assumed to be a custom field (the import itself, or
a dry run with connection settings, checks it against the server's list).

Values: strings are trimmed and empty ones are left out (an import never blanks a field); in CSV, `tags`
is a comma-separated list. A record needs a valid `email` unless `--allow-no-email`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ._exit import UsageError

__all__ = [
    "DEFAULT_FIELDS",
    "ColumnMap",
    "build_column_map",
    "email_key",
    "valid_email",
]

DEFAULT_FIELDS: Final = (
    "title",
    "firstname",
    "lastname",
    "company",
    "position",
    "email",
    "mobile",
    "phone",
    "points",
    "fax",
    "address1",
    "address2",
    "city",
    "state",
    "zipcode",
    "country",
    "preferred_locale",
    "timezone",
    "last_active",
    "attribution_date",
    "attribution",
    "website",
    "facebook",
    "foursquare",
    "instagram",
    "linkedin",
    "skype",
    "twitter",
)
SPECIAL_KEYS: Final = ("tags", "owner", "stage", "ipAddress", "lastActive", "doNotContact", "companies")
DROPPED: Final = frozenset({"id", "date_added", "date_modified", "_row", "_status", "_error", "_line"})
_SYNONYMS: Final = {
    "emailaddress": "email",
    "mail": "email",
    "givenname": "firstname",
    "forename": "firstname",
    "surname": "lastname",
    "familyname": "lastname",
    "companyname": "company",
    "organization": "company",
    "organisation": "company",
    "jobtitle": "position",
    "mobilephone": "mobile",
    "cellphone": "mobile",
    "phonenumber": "phone",
    "telephone": "phone",
    "zip": "zipcode",
    "postalcode": "zipcode",
    "postcode": "zipcode",
    "address": "address1",
    "street": "address1",
    "streetaddress": "address1",
    "province": "state",
    "region": "state",
    "tag": "tags",
    "ip": "ipAddress",
    "locale": "preferred_locale",
    "language": "preferred_locale",
}
_ALIAS: Final = re.compile(r"[a-z][a-z0-9_]*")
# Deliberately loose: the server has the last word; this catches what is certainly not an address.
_EMAIL: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _normalized(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def valid_email(value: object) -> bool:
    return isinstance(value, str) and _EMAIL.fullmatch(value) is not None


def email_key(value: str) -> str:
    """How Mautic compares emails when it looks for a duplicate (case-insensitive)."""
    return value.strip().lower()


@dataclass(frozen=True)
class ColumnMap:
    """`columns`: input column -> Mautic key; `dropped`: columns left out; `assumed`: columns taken as
    custom fields without the server's list to check them (dry runs)."""

    columns: dict[str, str]
    dropped: list[str] = field(default_factory=list)
    assumed: list[str] = field(default_factory=list)

    @property
    def has_email(self) -> bool:
        return "email" in self.columns.values()

    def payload(self, values: Mapping[str, Any], csv: bool) -> dict[str, Any]:
        """The contact data of one record (see the module docstring for the value rules)."""
        payload: dict[str, Any] = {}
        for column, key in self.columns.items():
            value = values.get(column)
            if isinstance(value, str):
                value = value.strip()
                if not value:
                    continue
                if csv and key == "tags":
                    value = [tag.strip() for tag in value.split(",") if tag.strip()]
            if value is None:
                continue
            payload[key] = value
        return payload

    def describe(self) -> list[str]:
        lines = [f"{column} -> {key}" for column, key in self.columns.items()]
        lines += [f"{column} (not imported)" for column in self.dropped]
        return lines


def _overrides(items: Iterable[str], columns: list[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in items:
        column, sep, key = item.rpartition("=")
        if not sep or not column:
            raise UsageError(f"--map takes COLUMN=alias (or COLUMN= to drop the column), not {item!r}")
        if column not in columns:
            matches = [c for c in columns if c.lower() == column.lower()]
            if len(matches) != 1:
                raise UsageError(f"--map {item!r}: the input has no column {column!r}")
            column = matches[0]
        result[column] = key.strip()
    return result


def build_column_map(
    columns: list[str],
    overrides: Iterable[str] = (),
    fields: Iterable[str] | None = None,
    *,
    allow_no_email: bool = False,
) -> ColumnMap:
    """Match every input column (see the module docstring). `fields`: the server's contact field
    aliases, or None (dry run) for Mautic's defaults. UsageError for anything unmatched or ambiguous."""
    online = fields is not None
    known = list(fields) if fields is not None else list(DEFAULT_FIELDS)
    targets = {_normalized(k): k for k in (*known, *SPECIAL_KEYS)}
    exact = set(known) | set(SPECIAL_KEYS)
    mapped: dict[str, str] = {}
    dropped: list[str] = []
    assumed: list[str] = []
    unknown: list[str] = []
    for column, key in _overrides(overrides, columns).items():
        if not key:
            dropped.append(column)
        elif key in exact or (not online and _ALIAS.fullmatch(key)):
            mapped[column] = key
            if key not in exact:
                assumed.append(column)
        else:
            raise UsageError(f"--map {column}={key}: Mautic has no contact field {key!r}")
    for column in columns:
        if column in mapped or column in dropped:
            continue
        if column.lower() in DROPPED:
            dropped.append(column)
            continue
        normal = _normalized(column)
        target = targets.get(normal) or _SYNONYMS.get(normal)
        if target is not None:
            mapped[column] = target
        elif not online and _ALIAS.fullmatch(column.strip().lower()):
            mapped[column] = column.strip().lower()
            assumed.append(column)
        else:
            unknown.append(column)
    if unknown:
        names = ", ".join(repr(c) for c in unknown)
        where = "the server's contact fields" if online else "Mautic's default contact fields"
        raise UsageError(
            f"column(s) {names} match none of {where}: map them with --map 'COLUMN=alias' or leave "
            "them out with --map 'COLUMN='"
        )
    by_key: dict[str, list[str]] = {}
    for column, key in mapped.items():
        by_key.setdefault(key, []).append(column)
    clashes = {k: v for k, v in by_key.items() if len(v) > 1}
    if clashes:
        target, sources = next(iter(clashes.items()))
        listed = ", ".join(map(repr, sources))
        raise UsageError(f"columns {listed} all go to {target!r}: drop all but one with --map 'COLUMN='")
    if "email" not in by_key and not allow_no_email:
        raise UsageError(
            "no email column: Mautic matches contacts by email, which is what makes an import safe to "
            "resume; map one with --map 'COLUMN=email', or pass --allow-no-email (see --help)"
        )
    ordered = {c: mapped[c] for c in columns if c in mapped}
    return ColumnMap(ordered, [c for c in columns if c in dropped], [c for c in columns if c in assumed])
