"""`Contact`: a contact as the server reported it, with the generated model underneath.

Mautic serializes contacts in three ways, and `Contact.fields` reads all of them:

- the main routes (get, list, create, edit, batch) send `fields.all` (alias -> value) next to the field
  groups (`core`, `social`, `personal`, `professional`, each keyed by alias, `[]` when empty);
- the DNC and UTM routes send the groups without `all` (entries of null fields lack `value`) and every
  non-null field again as a top-level key;
- `select[]` and `minimal=1` leave parts out.

A `Contact` either wraps a generated model, or the decoded JSON object of a contact (batch answers):
then `.id`, `.points`, `.fields`, `.email`, `.tags` and its repr read that object directly, and the
generated model is only built when something asks for `.model` (building 200 of them is most of the
client's work on a batch answer). Each reading of the object has a twin reading of the model
(`_field_values`, `_tag_names`); for a shape the fast reading does not know, it asks the model, so both
always agree.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

from mautic_contacts_client.models import Contact as ContactModel
from mautic_contacts_client.models import DoNotContact as DoNotContactModel
from mautic_contacts_client.models import FieldGroupMap
from mautic_contacts_client.models import User as UserModel
from mautic_contacts_client.models import UtmTag as UtmTagModel
from mautic_contacts_client.types import Unset

from ._dnc import DncReason
from ._exceptions import APIResponseValidationError

__all__ = ["Contact", "DncRecord", "User", "UtmRecord", "as_int", "opt", "read_contact"]

T = TypeVar("T")

_GROUPS: Final = ("core", "social", "personal", "professional")
_REPR_TAGS: Final = 5
_REPR_TEXT: Final = 60
# The top-level keys the generated Contact model declares: every other key is an additional property.
_DECLARED: Final = frozenset(
    {
        "id",
        "isPublished",
        "dateAdded",
        "dateModified",
        "createdBy",
        "createdByUser",
        "modifiedBy",
        "modifiedByUser",
        "points",
        "color",
        "fields",
        "lastActive",
        "owner",
        "ipAddresses",
        "tags",
        "utmtags",
        "stage",
        "dateIdentified",
        "preferredProfileImage",
        "doNotContact",
        "frequencyRules",
    }
)
_PARSE_ERRORS: Final = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def opt(value: T | Unset) -> T | None:
    """None for a key the server left out."""
    return None if isinstance(value, Unset) else value


def as_int(value: object) -> int | None:
    """An id or count that servers send as an int or a numeric string (SQL results)."""
    if isinstance(value, bool) or value is None or isinstance(value, Unset):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise ValueError(f"expected an integer, got {value!r}")


def _int_or_none(value: object) -> int | None:
    """`as_int`, with None for what it refuses."""
    try:
        return as_int(value)
    except ValueError:
        return None


def _short(text: str) -> str:
    return text if len(text) <= _REPR_TEXT else text[: _REPR_TEXT - 1] + "…"


@dataclass(frozen=True)
class User:
    """A Mautic user: a contact's owner, or an entry of `contacts.owners()`."""

    id: int | None
    username: str | None
    first_name: str | None
    last_name: str | None
    model: UserModel = field(repr=False, compare=False)

    @property
    def name(self) -> str:
        """`First Last` (what Mautic shows)."""
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @classmethod
    def from_model(cls, model: UserModel) -> User:
        return cls(
            id=opt(model.id),
            username=opt(model.username),
            first_name=opt(model.first_name),
            last_name=opt(model.last_name),
            model=model,
        )


@dataclass(frozen=True)
class DncRecord:
    """A do-not-contact record. `reason` is a `DncReason` for the three reasons Mautic defines."""

    channel: str | None
    reason: DncReason | int | None
    comments: str | None
    channel_id: int | None
    date_added: datetime.datetime | None
    model: DoNotContactModel = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: DoNotContactModel) -> DncRecord:
        reason = opt(model.reason)
        added = opt(model.date_added)
        return cls(
            channel=opt(model.channel),
            reason=DncReason(reason) if reason in set(DncReason) else reason,
            comments=opt(model.comments),
            channel_id=opt(model.channel_id),
            # A date the generated parser could not read stays a string there; it is not a date here.
            date_added=added if isinstance(added, datetime.datetime) else None,
            model=model,
        )


@dataclass(frozen=True)
class UtmRecord:
    """One UTM set recorded for a contact (`id` is what `contacts.remove_utm` takes)."""

    id: int | None
    utm_source: str | None
    utm_medium: str | None
    utm_campaign: str | None
    utm_content: str | None
    utm_term: str | None
    url: str | None
    referer: str | None
    user_agent: str | None
    remote_host: str | None
    query: Any
    model: UtmTagModel = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: UtmTagModel) -> UtmRecord:
        return cls(
            id=opt(model.id),
            utm_source=opt(model.utm_source),
            utm_medium=opt(model.utm_medium),
            utm_campaign=opt(model.utm_campaign),
            utm_content=opt(model.utm_content),
            utm_term=opt(model.utm_term),
            url=opt(model.url),
            referer=opt(model.referer),
            user_agent=opt(model.user_agent),
            remote_host=opt(model.remote_host),
            query=opt(model.query),
            model=model,
        )


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _field_values(model: ContactModel) -> dict[str, Any]:
    fields = model.fields
    if not isinstance(fields, Unset):
        if not isinstance(fields.all_, Unset):
            return {k: v for k, v in fields.all_.additional_properties.items() if k != "id"}
        values: dict[str, Any] = {}
        for name in _GROUPS:
            group = getattr(fields, name)
            if isinstance(group, FieldGroupMap):
                for alias, entry in group.additional_properties.items():
                    values[alias] = opt(entry.value)
        if values:
            return values
    # DNC/UTM answers without groups: the fields are top-level keys the model did not declare.
    return {k: v for k, v in model.additional_properties.items() if _scalar(v)}


def _field_values_of(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """`_field_values` read from the decoded JSON; None for a shape only the model can tell (PHP's `[]`
    for an object, nulls where the model wants a value ...)."""
    if "fields" in data:
        fields = data["fields"]
        if type(fields) is not dict:
            return None
        if "all" in fields:
            values = fields["all"]
            return {k: v for k, v in values.items() if k != "id"} if type(values) is dict else None
        found: dict[str, Any] = {}
        for name in _GROUPS:
            group = fields.get(name, [])
            if type(group) is dict:
                for alias, entry in group.items():
                    if type(entry) is not dict:
                        return None
                    found[alias] = entry.get("value")
            elif type(group) is not list:
                return None
        if found:
            return found
    return {k: v for k, v in data.items() if k not in _DECLARED and _scalar(v)}


def _tag_names(model: ContactModel) -> list[str]:
    tags = opt(model.tags) or []
    return [name for name in (opt(t.tag) for t in tags) if name is not None]


def _tag_names_of(data: Mapping[str, Any]) -> list[str] | None:
    """`_tag_names` read from the decoded JSON (`[{"tag": name, ...}]`); None when only the model can tell."""
    tags = data.get("tags", [])
    if type(tags) is not list:
        return None
    names: list[str] = []
    for tag in tags:
        if type(tag) is not dict:
            return None
        name = tag.get("tag")
        if name is not None:
            names.append(name)
    return names


class Contact:
    """A contact: `.id`, `.points`, `.fields` (alias -> value), `.tags`, `.owner`, `.do_not_contact`.

    `.model` is the generated `mautic_contacts_client.models.Contact` with everything the server sent;
    `.raw` is it as a dict. `.created` says whether a create/replace call made a new contact (True, HTTP
    201) or matched an existing one (False, HTTP 200); it is None for contacts read any other way.

    The contacts of batch results (`create_many` & co.) wrap the contact objects of the answer as
    decoded: `.id`, `.points`, `.fields`, `.email` and `.tags` read them directly, and `.model` (so
    also `.owner`, `.do_not_contact`, `.utm_tags`, `.raw` and `==`) is built on first access. The call
    only checks what it reads (the answer's layout, each contact's integer id); if the rest of a contact
    does not match the API description (a date that is not one, say), `.model` raises
    `APIResponseValidationError` when first read, and so do the attributes when they need it (never
    the repr). Once the model is built, the attributes read it, so changes made to it show.
    """

    __slots__ = ("_data", "_fields", "_model", "created")

    def __init__(self, model: ContactModel, *, created: bool | None = None) -> None:
        if not isinstance(model, ContactModel):
            raise TypeError(f"Contact wraps a generated Contact model, not {type(model).__name__}")
        self._model: ContactModel | None = model
        self._data: Mapping[str, Any] | None = None
        self.created = created
        self._fields: dict[str, Any] | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, created: bool | None = None) -> Contact:
        """Parse a contact object as the server sends it."""
        return cls(ContactModel.from_dict(data), created=created)

    @classmethod
    def wrap(cls, data: Mapping[str, Any], *, created: bool | None = None) -> Contact:
        """A contact reading a decoded contact object (not copied: do not change it afterwards); the
        generated model is built when `.model` is first read."""
        if not isinstance(data, Mapping):
            raise TypeError(f"Contact.wrap takes a contact object (a mapping), not {type(data).__name__}")
        contact = cls.__new__(cls)
        contact._model = None
        contact._data = data
        contact.created = created
        contact._fields = None
        return contact

    @property
    def model(self) -> ContactModel:
        """The generated model (built on first access for a wrapped contact object)."""
        model = self._model
        if model is None:
            data = self._data
            assert data is not None
            try:
                model = ContactModel.from_dict(data)
            except _PARSE_ERRORS as exc:
                raise APIResponseValidationError(
                    f"contact {data.get('id')!r} does not match the API description: the generated model "
                    f"cannot be built ({type(exc).__name__}: {exc})",
                    body=data,
                ) from exc
            self._model = model
        return model

    @model.setter
    def model(self, model: ContactModel) -> None:
        if not isinstance(model, ContactModel):
            raise TypeError(f"Contact wraps a generated Contact model, not {type(model).__name__}")
        self._model, self._data, self._fields = model, None, None

    def _fast(self) -> Mapping[str, Any] | None:
        """The decoded contact object while the model is not built (once it is, the model is read, so
        that changes made to it show)."""
        return self._data if self._model is None else None

    def _raw_id(self) -> object:
        data = self._fast()
        return self.model.id if data is None else data.get("id")

    @property
    def id(self) -> int:
        """The contact id, an int even when the server sent it as a numeric string."""
        value = self._raw_id()
        if type(value) is int:
            return value
        number = _int_or_none(value)
        if number is None:
            raise ValueError(f"the contact id must be an integer, the server sent {value!r}")
        return number

    @property
    def points(self) -> int | None:
        """The points (None when the answer left them out, e.g. with `select`)."""
        data = self._fast()
        if data is None:
            return opt(self.model.points)
        points: int | None = data.get("points")
        return points

    @property
    def fields(self) -> dict[str, Any]:
        """Field alias -> value (custom fields included); `{}` when the answer had no fields."""
        if self._fields is None:
            data = self._fast()
            values = None if data is None else _field_values_of(data)
            self._fields = _field_values(self.model) if values is None else values
        return self._fields

    @property
    def email(self) -> str | None:
        value = self.fields.get("email")
        return value if isinstance(value, str) else None

    @property
    def tags(self) -> list[str]:
        """Tag names as the server reports them (Mautic 5 stores `'"<>&` entity-escaped)."""
        data = self._fast()
        names = None if data is None else _tag_names_of(data)
        return _tag_names(self.model) if names is None else names

    @property
    def owner(self) -> User | None:
        owner = opt(self.model.owner)
        return None if owner is None else User.from_model(owner)

    @property
    def do_not_contact(self) -> list[DncRecord]:
        return [DncRecord.from_model(m) for m in opt(self.model.do_not_contact) or []]

    @property
    def utm_tags(self) -> list[UtmRecord]:
        return [UtmRecord.from_model(m) for m in opt(self.model.utmtags) or []]

    @property
    def raw(self) -> dict[str, Any]:
        """The contact as a JSON-like dict (the generated model's `to_dict()`)."""
        return self.model.to_dict()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Contact):
            return NotImplemented
        mine, theirs = self._fast(), other._fast()
        if mine is not None and theirs is not None:
            return mine == theirs
        try:
            return self.model == other.model
        except APIResponseValidationError:
            return False  # a contact whose model cannot be built equals none that can

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        raw_id = self._raw_id()
        number = _int_or_none(raw_id)
        parts = [f"id={raw_id!r}" if number is None else f"id={number}"]
        try:  # a repr never fails: parts a malformed answer cannot give are left out
            email, tags = self.email, [_short(str(t)) for t in self.tags]
        except APIResponseValidationError:
            email, tags = None, []
        if email is not None:
            parts.append(f"email={_short(email)!r}")
        if self.points is not None:
            parts.append(f"points={self.points!r}")
        if tags:
            shown = ", ".join(repr(t) for t in tags[:_REPR_TAGS])
            more = f", +{len(tags) - _REPR_TAGS} more" if len(tags) > _REPR_TAGS else ""
            parts.append(f"tags=[{shown}{more}]")
        if self.created is not None:
            parts.append(f"created={self.created!r}")
        return f"Contact({', '.join(parts)})"


def read_contact(model: ContactModel | Mapping[str, Any], *, created: bool | None = None) -> Contact:
    """A contact from an answer whose contacts must carry an integer id: ValueError otherwise, which the
    call turns into `APIResponseValidationError` (only the single-DELETE answer nulls the id). A decoded
    contact object is wrapped (`Contact.wrap`), a generated model wrapped as it is."""
    if isinstance(model, ContactModel):
        contact = Contact(model, created=created)
    else:
        contact = Contact.wrap(model, created=created)
    contact.id  # noqa: B018 - checked while parsing, not when a caller first reads it
    return contact
