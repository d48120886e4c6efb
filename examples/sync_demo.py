"""A tour of the sync client: create, dedupe, tags, filters, iteration, batches, DNC, points, errors.

Run it against the fake with `make demo`, or against your own Mautic:

    MAUTIC_URL=https://mautic.example.com MAUTIC_USERNAME=... MAUTIC_PASSWORD=... python examples/sync_demo.py

It only touches contacts it creates (addresses in the reserved `.invalid` domain) and deletes them at
the end.
"""

from __future__ import annotations

import uuid

from mautic_contacts import (
    BadRequestError,
    BatchError,
    DncReason,
    Mautic,
    NotFoundError,
    Where,
    any_of,
    tag_diff,
)

RUN = uuid.uuid4().hex[:8]


def email(name: str) -> str:
    return f"{name}.{RUN}@demo.invalid"


def main() -> None:
    # URL and credentials come from MAUTIC_URL, MAUTIC_USERNAME/MAUTIC_PASSWORD (or the OAuth2 pair).
    with Mautic() as m:
        created: list[int] = []

        print("== create")
        ann = m.contacts.create(
            {"email": email("ann"), "firstname": "Ann", "city": "Paris", "tags": ["lead"]}
        )
        created.append(ann.id)
        print(f"created {ann} (new: {ann.created}); server is Mautic {m.server_version}")

        print("== dedupe: creating the same email again updates that contact")
        again = m.contacts.create({"email": email("ann"), "lastname": "Lee"})
        name = f"{again.fields['firstname']} {again.fields['lastname']}"
        print(f"same id: {again.id == ann.id}, new: {again.created}, name: {name}")

        print('== clear a field: None (or "") on update blanks it, other fields stay')
        cleared = m.contacts.update(ann.id, {"city": None})
        print(f"city: {cleared.fields['city']!r}, firstname: {cleared.fields['firstname']!r}")

        print("== tags: turn the current tags into exactly the wanted ones")
        wanted = ["customer", "newsletter"]
        changes = tag_diff(again.tags, wanted)
        print(f"current {again.tags} -> wanted {wanted}: send {changes}")
        tagged = m.contacts.apply_tag_changes(ann.id, changes)
        print(f"now tagged {sorted(tagged.tags)}")

        print("== batch: 5 contacts in one call, one of them invalid")
        batch = m.contacts.create_many(
            [
                {"email": email(f"b{i}"), "city": "Lyon" if i % 2 else "Paris", "points": i * 10}
                for i in range(4)
            ]
            + [{"email": "not-an-email"}]
        )
        created += [c.id for c in batch.contacts]
        for item in batch:
            outcome = f"contact {item.contact.id}" if item.contact else f"error: {item.error}"
            print(f"  item {item.index}: HTTP {item.status_code}, {outcome}")
        try:
            batch.raise_for_errors()  # or check batch.ok / batch.failed
        except BatchError as error:
            print(f"raise_for_errors: {error}")

        print("== where: contacts of this run in Paris, or with 20 points or more")
        mine = Where("email").like(f"%.{RUN}@demo.invalid")
        page = m.contacts.list(
            where=[mine, any_of(Where("city").eq("Paris"), Where("points").gte(20))], order_by="id"
        )
        print(f"{page.total} match: {[c.email for c in page.contacts]}")
        oneal = m.contacts.create({"email": email("oneal"), "lastname": "O'Neal"})
        created.append(oneal.id)
        # Mautic 5 HTML-escapes quotes in `where` values; the client sends eq() so that it still matches.
        found = m.contacts.list(where=[mine, Where("lastname").eq("O'Neal")])
        print(f"lastname eq O'Neal: {[c.email for c in found.contacts] == [oneal.email]}")

        print("== iterate: every contact of this run, 2 per request")
        for contact in m.contacts.iterate(where=mine, page_size=2):
            print(f"  {contact.id} {contact.email}")

        print("== do not contact")
        marked = m.contacts.add_dnc(ann.id, reason=DncReason.MANUAL, comments="asked by phone")
        print(f"DNC records: {[(r.channel, r.reason, r.comments) for r in marked.do_not_contact]}")
        print(f"removed again: {m.contacts.remove_dnc(ann.id).found}")

        print("== points")
        m.contacts.add_points(ann.id, 15, event_name="Webinar", action_name="attended")
        m.contacts.subtract_points(ann.id, 5)
        print(f"points now {m.contacts.get(ann.id).points}")

        print("== errors are typed")
        try:
            m.contacts.get(999_999_999)
        except NotFoundError as error:
            print(f"NotFoundError {error.status_code}: {error.errors[0].message}")
        try:
            m.contacts.update(ann.id, {"email": "still-not-an-email"})
        except BadRequestError as error:
            print(f"BadRequestError {error.status_code}: {dict(error.errors[0].field_errors)}")

        print("== clean up")
        deleted = m.contacts.delete_many(created)
        print(f"deleted {len(deleted.contacts)} contacts")


if __name__ == "__main__":
    main()
