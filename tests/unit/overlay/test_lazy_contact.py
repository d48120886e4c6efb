"""Contacts wrapping a decoded contact object (`Contact.wrap`, what batch calls return) read exactly what
contacts wrapping the generated model read, build the model only when asked, and report a contact the
model cannot be built from as `APIResponseValidationError` — at `.model` time, while answers whose
layout is wrong still fail the call."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from mautic_contacts import APIResponseValidationError, Contact
from mautic_contacts._contact import _DECLARED
from mautic_contacts_client import models as gen

from .mock_client import EitherClient

FIXTURES = Path(__file__).resolve().parents[2] / "spec" / "fixtures"


def _contact_objects() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every contact object of the recorded server answers (single, list and batch answers)."""
    for path in sorted(FIXTURES.glob("*/*.json")):
        body = json.loads(path.read_text())
        if not isinstance(body, dict):
            continue
        name = f"{path.parent.name}/{path.stem}"
        if isinstance(body.get("contact"), dict):
            yield name, body["contact"]
        contacts = body.get("contacts")
        entries = contacts.values() if isinstance(contacts, dict) else contacts or []
        for i, entry in enumerate(entries):
            if isinstance(entry, dict):
                yield f"{name}#{i}", entry


CONTACT_OBJECTS = list(_contact_objects())


def _views(contact: Contact) -> dict[str, Any]:
    return {
        "points": contact.points,
        "fields": contact.fields,
        "email": contact.email,
        "tags": contact.tags,
        "repr": repr(contact),
        "created": contact.created,
    }


def _same_readings(data: dict[str, Any]) -> tuple[Contact, Contact]:
    wrapped = Contact.wrap(copy.deepcopy(data), created=True)
    parsed = Contact(gen.Contact.from_dict(copy.deepcopy(data)), created=True)
    assert _views(wrapped) == _views(parsed)
    id_of: Callable[[Contact], object] = lambda c: c.id  # noqa: E731
    try:
        expected: object = id_of(parsed)
    except ValueError as exc:
        expected = str(exc)
    try:
        got: object = id_of(wrapped)
    except ValueError as exc:
        got = str(exc)
    assert got == expected
    return wrapped, parsed


def test_the_fixtures_have_contacts_of_every_kind() -> None:
    names = {name.split("#")[0].split("/")[0] for name, _ in CONTACT_OBJECTS}
    assert {"createContactsBatch", "updateContactsBatch", "listContacts", "getContact"} <= names
    assert {"addContactDnc", "removeContactUtm", "deleteContactsBatch"} <= names
    assert len(CONTACT_OBJECTS) > 20


@pytest.mark.parametrize(("name", "data"), CONTACT_OBJECTS, ids=[name for name, _ in CONTACT_OBJECTS])
def test_every_recorded_contact_reads_the_same_from_the_object_and_from_the_model(
    name: str, data: dict[str, Any]
) -> None:
    wrapped, parsed = _same_readings(data)
    assert wrapped._model is None  # nothing above needed the model
    assert wrapped.model == parsed.model
    assert wrapped.raw == parsed.raw
    assert wrapped == parsed
    assert wrapped.owner == parsed.owner
    assert wrapped.do_not_contact == parsed.do_not_contact
    assert wrapped.utm_tags == parsed.utm_tags


BASE: dict[str, Any] = {"id": 5, "points": 3}


@pytest.mark.parametrize(
    "extra",
    [
        {},  # no fields at all: top-level scalars (none here)
        {"fields": {"all": {"id": "5", "email": "a@b.c", "city": None}}},
        {"fields": {"all": []}},  # PHP's [] for an empty `all`
        {"fields": []},  # PHP's [] for empty fields
        {"fields": {"core": [], "social": []}, "email": "dnc@b.c", "city": "X", "list": [1]},
        {"fields": {"core": {"email": {"alias": "email", "value": "g@b.c"}, "city": {"alias": "city"}}}},
        {"fields": {"core": {"email": []}}},  # an entry that is PHP's []
        {"fields": {"personal": {"a": {"value": 1}}, "professional": {"b": {"value": None}}}},
        {"fields": {"core": {}}, "firstname": "Top"},  # empty groups: the top-level keys count
        {"fields": {"extra": 1, "all": {"email": "x@y.z"}}},
        {"tags": [{"tag": "a"}, {"tag": None}, {"id": 3}, {"tag": "b", "id": 4}]},
        {"tags": []},
        {"tags": [[]]},  # PHP's [] for a tag
        {"points": None},
        {"points": "7"},
        {"id": "12"},
        {"id": "abc"},
        {"id": None},
        {"id": True},
        {"email": 5, "isPublished": True, "owner": None, "stage": "s", "color": "red"},
        {"fields": {"all": {"email": 12}}},
    ],
)
def test_unusual_but_parseable_contacts_read_the_same_both_ways(extra: dict[str, Any]) -> None:
    _same_readings({**BASE, **extra})


def test_the_declared_keys_are_those_of_the_generated_model() -> None:
    # Every declared key is taken by the model, and it declares no other (the rest are "additional").
    probe = {key: None for key in _DECLARED} | {"id": 1, "tags": [], "utmtags": [], "doNotContact": []}
    probe |= {"frequencyRules": [], "ipAddresses": [], "fields": {}}
    model = gen.Contact.from_dict({**probe, "dateAdded": "2024-01-01T00:00:00+00:00", "mine": 1})
    assert model.additional_properties == {"mine": 1}
    assert len(attrs.fields(gen.Contact)) == len(_DECLARED) + 1  # + additional_properties


@pytest.mark.parametrize(
    ("extra", "attribute"),
    [
        ({"dateAdded": "yesterday"}, None),
        ({"fields": None}, "fields"),
        ({"fields": {"core": "x"}}, "fields"),
        ({"fields": {"core": {"email": "x"}}}, "fields"),
        ({"fields": {"all": "x"}}, "fields"),
        ({"tags": None}, "tags"),
        ({"tags": ["a"]}, "tags"),
        ({"tags": {"a": 1}}, "tags"),
    ],
)
def test_a_contact_the_model_cannot_be_built_from_says_so_at_model_time(
    extra: dict[str, Any], attribute: str | None
) -> None:
    data = {**BASE, "fields": {"all": {"email": "a@b.c"}}, **extra}
    with pytest.raises((KeyError, TypeError, ValueError)):
        gen.Contact.from_dict(copy.deepcopy(data))  # the generated parser refuses it too
    contact = Contact.wrap(data)
    assert contact.id == 5
    assert contact.points == 3
    with pytest.raises(APIResponseValidationError, match=r"^contact 5 does not match the API description"):
        _ = contact.model
    with pytest.raises(APIResponseValidationError):
        _ = contact.raw
    if attribute is not None:
        # Only the model knows what that shape means: the attribute asks it, and says it cannot.
        with pytest.raises(APIResponseValidationError) as caught:
            getattr(contact, attribute)
        assert caught.value.body is data
    else:
        assert contact.fields == {"email": "a@b.c"}


def test_wrap_takes_mappings_and_builds_the_model_once() -> None:
    with pytest.raises(TypeError, match="takes a contact object"):
        Contact.wrap([("id", 1)])  # type: ignore[arg-type]
    first = Contact.wrap({"id": 1, "fields": {"all": {"email": "a@b.c"}}}, created=True)
    assert first.created is True
    assert first._model is None
    assert first.model is first.model  # built once


@pytest.mark.parametrize(
    "data",
    [{"id": 1, "tags": None}, {"id": 1, "tags": {"0": {"tag": "a"}}}, {"id": 1, "fields": {"all": None}}],
)
def test_repr_and_equality_of_a_malformed_contact_never_raise(data: dict[str, Any]) -> None:
    contact = Contact.wrap(data)
    assert repr(contact) == "Contact(id=1)"
    fine = Contact.wrap({"id": 1})
    fine.model  # noqa: B018 - built, so the comparison goes through the models
    assert contact != fine
    assert contact not in [fine]
    assert contact == Contact.wrap(dict(data))  # the same answer, compared as decoded


def test_a_built_model_is_what_the_attributes_read_and_can_be_replaced() -> None:
    contact = Contact.wrap({"id": 1, "points": 1, "fields": {"all": {"email": "a@b.c"}}})
    contact.model.points = 9
    assert contact.points == 9
    contact.model = gen.Contact.from_dict({"id": 2, "fields": {"all": {"email": "x@y.z"}}})
    assert (contact.id, contact.email) == (2, "x@y.z")
    with pytest.raises(TypeError, match="generated Contact model"):
        contact.model = {"id": 3}  # type: ignore[assignment]


# -- through the client --------------------------------------------------------------------------

BIG_FIELDS = {"core": {f"f{i}": {"alias": f"f{i}", "value": i} for i in range(28)}}


def _batch_body(count: int, status: int, **contact: Any) -> dict[str, Any]:
    contacts = [
        {"id": 100 + i, "points": i, "fields": {**BIG_FIELDS, "all": {"email": f"c{i}@x.test"}}, **contact}
        for i in range(count)
    ]
    return {"contacts": contacts, "statusCodes": [status] * count}


CALLS: list[tuple[str, int, list[Any]]] = [  # replace_many: 200, the contacts existed
    ("create_many", 201, [{"email": f"c{i}@x.test"} for i in range(3)]),
    ("update_many", 200, [{"id": 100 + i, "city": "X"} for i in range(3)]),
    ("replace_many", 200, [{"id": 100 + i, "email": f"c{i}@x.test"} for i in range(3)]),
    ("delete_many", 200, [100, 101, 102]),
]


@pytest.mark.parametrize(("name", "status", "items"), CALLS, ids=[c[0] for c in CALLS])
async def test_batch_calls_build_no_contact_model_until_asked(
    kind: str, name: str, status: int, items: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[object] = []
    from_dict = gen.Contact.from_dict.__func__  # type: ignore[attr-defined]

    def counting(cls: type[gen.Contact], src: Any) -> gen.Contact:
        built.append(src)
        model: gen.Contact = from_dict(cls, src)
        return model

    monkeypatch.setattr(gen.Contact, "from_dict", classmethod(counting))
    body = _batch_body(3, status, dateAdded="2024-01-01T00:00:00+00:00")
    result = await EitherClient(kind, lambda request: httpx.Response(status, json=body)).call_once(
        name, items
    )
    assert [c.id for c in result.contacts] == [100, 101, 102]
    assert [c.email for c in result.contacts] == ["c0@x.test", "c1@x.test", "c2@x.test"]
    created = {"create_many": True, "replace_many": False}.get(name)
    assert [c.created for c in result.contacts] == [created] * 3
    assert built == []
    assert result.contacts[1].model.date_added.year == 2024
    assert len(built) == 1


async def test_a_batch_contact_with_a_bad_date_fails_at_model_time_not_the_call(kind: str) -> None:
    body = _batch_body(2, 201)
    body["contacts"][1]["dateAdded"] = "not a date"
    result = await EitherClient(kind, lambda request: httpx.Response(201, json=body)).call_once(
        "create_many", [{"email": "c0@x.test"}, {"email": "c1@x.test"}]
    )
    assert result.ok
    good, bad = result.contacts
    assert (bad.id, bad.email, bad.created) == (101, "c1@x.test", True)
    assert good.model.id == 100
    with pytest.raises(APIResponseValidationError, match="contact 101 does not match") as caught:
        _ = bad.model
    assert "not a date" in str(caught.value)


# Answers the generated `ContactBatchResponse` parser refuses, and how the call says so now.
REFUSED_LAYOUTS: list[tuple[object, str]] = [
    ([{"id": 1}], "is a list, not a JSON object"),
    ({"statusCodes": [201]}, "has no `contacts`"),
    ({"contacts": "x"}, "`contacts` is a str"),
    ({"contacts": None}, "`contacts` is a NoneType"),
    ({"contacts": [[]]}, "entry that is not a contact object"),
    ({"contacts": {"0": 5}}, "entry that is not a contact object"),
    ({"contacts": [{"id": 1}], "statusCodes": "201"}, "`statusCodes` is a str"),
    ({"contacts": [{"id": 1}], "statusCodes": None}, "`statusCodes` is a NoneType"),
    ({"contacts": [{"id": 1}], "errors": 3}, "`errors` is a int"),
    ({"contacts": [], "errors": [{"code": 400}]}, "message"),
    ({"contacts": [], "errors": {"0": "bad"}}, "answer does not match"),
]
# Answers the generated parser takes, refused by the checks after it (as before).
CHECKED_LAYOUTS: list[tuple[int, object, str]] = [
    (201, {"contacts": [{"points": 1}]}, "the server sent None"),
    (201, {"contacts": {"0": {"id": "x"}}}, "the server sent 'x'"),
    (200, {"contacts": [{"id": 1}], "statusCodes": [201]}, "a 200 answer is not documented"),
    (201, {"contacts": [{"id": 1}, {"id": 2}]}, "`contacts` has 2 entries for 1 items"),
]


@pytest.mark.parametrize(("body", "message"), REFUSED_LAYOUTS)
def test_the_refused_layouts_are_refused_by_the_generated_parser(body: object, message: str) -> None:
    with pytest.raises((KeyError, TypeError, ValueError, AttributeError)):
        gen.ContactBatchResponse.from_dict(body)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [(201, body, message) for body, message in REFUSED_LAYOUTS] + CHECKED_LAYOUTS,
)
async def test_batch_answers_with_a_wrong_layout_still_fail_the_call(
    kind: str, status: int, body: object, message: str
) -> None:
    client = EitherClient(kind, lambda request: httpx.Response(status, json=body))
    with pytest.raises(APIResponseValidationError, match=message) as caught:
        await client.call_once("create_many", [{"email": "a@b.c"}])
    assert caught.value.status_code == status
    assert caught.value.partial is not None  # the batch bookkeeping (note_failure) ran as before
