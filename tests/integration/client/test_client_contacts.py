"""Single-contact calls (get, list, create, update, replace, delete) and their errors, sync and async."""

from __future__ import annotations

import pytest
from client_support import Api, Target
from mautic_contacts import (
    AuthenticationError,
    BadRequestError,
    Contact,
    ContactPage,
    NotFoundError,
    UnprocessableEntityError,
    Where,
)


async def test_create_then_same_email_updates_the_same_contact(api: Api, target: Target) -> None:
    email = target.email("dedupe")
    first = await api.contacts.create({"email": email, "firstname": "Ann", "city": "Paris"})
    assert isinstance(first, Contact)
    assert first.created is True
    assert api.client.last_response is not None
    assert api.client.last_response.status_code == 201
    assert first.fields["firstname"] == "Ann"

    second = await api.contacts.create({"email": email, "lastname": "Lee"})
    assert second.id == first.id
    assert second.created is False
    assert api.client.last_response.status_code == 200
    # POST keeps what it was not sent (overwriteWithBlank is off by default).
    assert second.fields["firstname"] == "Ann"
    assert second.fields["lastname"] == "Lee"


async def test_get_update_replace_delete_round_trip(api: Api, target: Target) -> None:
    created = await api.contacts.create({"email": target.email(), "firstname": "Bo", "city": "Lyon"})

    fetched = await api.contacts.get(created.id)
    assert (fetched.id, fetched.email, fetched.fields["city"]) == (created.id, created.email, "Lyon")
    assert fetched.created is None

    updated = await api.contacts.update(created.id, {"city": "Nantes"})
    assert updated.fields["city"] == "Nantes"
    assert updated.fields["firstname"] == "Bo"  # PATCH keeps the rest

    replaced = await api.contacts.replace(created.id, {"email": created.email, "lastname": "Roy"})
    assert replaced.id == created.id
    assert replaced.created is False
    assert replaced.fields["lastname"] == "Roy"
    assert replaced.fields["firstname"] in (None, "")  # PUT blanks what it was not sent

    deleted = await api.contacts.delete(created.id)
    assert deleted.id == created.id  # the server answers id null; the client gives it back
    assert deleted.email == created.email
    with pytest.raises(NotFoundError) as caught:
        await api.contacts.get(created.id)
    assert caught.value.status_code == 404
    assert caught.value.errors[0].message


async def test_replace_of_a_missing_id_creates_a_new_contact(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email()})
    await api.contacts.delete(made.id)
    replaced = await api.contacts.replace(made.id, {"email": target.email("put")})
    assert replaced.created is True
    assert replaced.id != made.id


async def test_get_select_limits_the_columns(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email(), "firstname": "Cy", "city": "Metz"})
    partial = await api.contacts.get(made.id, select=["email", "city"])
    assert partial.id == made.id
    assert partial.fields.get("city") == "Metz"
    assert partial.fields.get("firstname") is None


async def test_list_returns_total_and_contacts_in_server_order(api: Api, target: Target) -> None:
    emails = [target.email(f"l{i}") for i in range(5)]
    ids = [(await api.contacts.create({"email": e, "points": i + 1})).id for i, e in enumerate(emails)]
    mine = Where("email").like(f"%{target.tag}%")

    page = await api.contacts.list(where=mine, order_by="id", order_by_dir="DESC", limit=3)
    assert isinstance(page, ContactPage)
    assert page.total == 5
    assert [c.id for c in page.contacts] == sorted(ids, reverse=True)[:3]
    assert len(page) == 3
    assert page[0].id == max(ids)

    rest = await api.contacts.list(where=mine, order_by="id", order_by_dir="DESC", start=3, limit=3)
    assert [c.id for c in rest] == sorted(ids, reverse=True)[3:]

    minimal = await api.contacts.list(where=mine, order_by="id", minimal=True, limit=1)
    assert minimal.contacts[0].id == min(ids)
    assert minimal.contacts[0].tags == []

    selected = await api.contacts.list(where=mine, select=["email"], order_by="id")
    assert [c.email for c in selected] == emails

    empty = await api.contacts.list(where=Where("email").eq(f"nobody.{target.tag}@example.invalid"))
    assert (empty.total, empty.contacts) == (0, [])


async def test_list_search_and_published_only(api: Api, target: Target) -> None:
    email = target.email("search")
    made = await api.contacts.create({"email": email})
    found = await api.contacts.list(search=f"email:{email}")
    assert [c.id for c in found] == [made.id]
    published = await api.contacts.list(search=f"email:{email}", published_only=True)
    assert [c.id for c in published] == [made.id]
    sent = api.client.last_response
    assert sent is not None
    assert sent.request.url.params["published"] == "1"
    assert "publishedOnly" not in sent.request.url.params


async def test_missing_contact_is_not_found_everywhere(api: Api) -> None:
    for call in (
        api.contacts.get(999_999),
        api.contacts.update(999_999, {"city": "x"}),
        api.contacts.delete(999_999),
        api.contacts.notes(999_999),
        api.contacts.add_dnc(999_999),
    ):
        with pytest.raises(NotFoundError):
            await call


async def test_validation_errors_carry_the_field_messages(api: Api, target: Target) -> None:
    with pytest.raises(BadRequestError) as caught:
        await api.contacts.create({"email": "not-an-email"})
    error = caught.value
    assert error.status_code == 400
    assert "email" in error.errors[0].field_errors
    assert "not-an-email" in str(error)


async def test_taking_another_contacts_email_is_a_422(api: Api, target: Target) -> None:
    first = await api.contacts.create({"email": target.email("a")})
    second = await api.contacts.create({"email": target.email("b")})
    with pytest.raises(UnprocessableEntityError) as caught:
        await api.contacts.update(second.id, {"email": first.email})
    assert caught.value.status_code == 422
    assert "email" in caught.value.errors[0].field_errors


async def test_wrong_password_is_an_authentication_error(target: Target, kind: str) -> None:
    if not target.credentials.get("username"):
        pytest.skip("the live server is configured with OAuth2 credentials")
    client = (
        target.sync(password="wrong-password") if kind == "sync" else target.async_(password="wrong-password")
    )
    api = Api(client)
    try:
        with pytest.raises(AuthenticationError) as caught:
            await api.contacts.list(limit=1)
    finally:
        await api.close()
    assert caught.value.status_code == 401
    assert "wrong-password" not in str(caught.value)
    assert "wrong-password" not in repr(caught.value)


async def test_server_version_comes_from_the_header_after_a_call(api: Api) -> None:
    assert api.client.server_version is None
    await api.contacts.list(limit=1)
    version = api.client.server_version
    assert version is not None
    assert version == api.client.last_response.headers["Mautic-Version"]
    assert version.split(".")[0].isdigit()


async def test_removed_events_route_answers_404_through_call(api: Api, target: Target) -> None:
    from mautic_contacts_client.api.contacts import get_contact_events

    made = await api.contacts.create({"email": target.email()})
    with pytest.raises(NotFoundError):
        await api.call(get_contact_events, id=made.id)


async def test_call_returns_the_generated_response(api: Api, target: Target) -> None:
    from mautic_contacts_client.api.contacts import get_contact
    from mautic_contacts_client.models import ContactResponse

    made = await api.contacts.create({"email": target.email()})
    response = await api.call(get_contact, id=made.id)
    assert response.status_code == 200
    assert isinstance(response.parsed, ContactResponse)
    assert response.parsed.contact.id == made.id


async def test_none_or_blank_clears_a_field_and_keeps_the_rest(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email(), "firstname": "Ann", "city": "Paris"})
    cleared = await api.contacts.update(made.id, {"city": None})
    assert cleared.fields["city"] in (None, "")
    assert cleared.fields["firstname"] == "Ann"  # PATCH blanks only what was sent blank
    other = await api.contacts.create({"email": target.email(), "firstname": "Bob", "city": "Nice"})
    result = await api.contacts.update_many([{"id": other.id, "firstname": ""}])
    assert result.ok
    fetched = await api.contacts.get(other.id)
    assert fetched.fields["firstname"] in (None, "")
    assert fetched.fields["city"] == "Nice"
