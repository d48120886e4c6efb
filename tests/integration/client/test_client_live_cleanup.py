"""What a run against a live Mautic deletes afterwards: only the contacts it made, never a real one."""

from __future__ import annotations

from client_support import TEST_DOMAIN, Api, fake_api, unique
from mautic_mock import FakeMautic


async def test_only_the_runs_own_contacts_are_marked_for_deletion(kind: str) -> None:
    fake = FakeMautic(username="admin", password="mautic")
    try:
        seeder = fake_api(fake, "sync")
        real = await seeder.contacts.create({"email": "real.person@example.com", "firstname": "Real"})
        api: Api = fake_api(fake, kind)
        try:
            await api.contacts.get(real.id)
            await api.contacts.list(search="real.person")
            # A create that dedupe matches to the real contact edits it; it must not delete it.
            await api.contacts.create({"email": "real.person@example.com", "city": "Lyon"})
            ours = await api.contacts.create({"email": unique("mine")})
            anonymous = await api.contacts.create({"firstname": "No email"})
            batch = await api.contacts.create_many(
                [{"email": unique("b")}, {"email": "real.person@example.com"}]
            )
            assert api.created == {ours.id, anonymous.id, batch[0].contact.id}
            assert real.id not in api.created
            assert str(ours.fields["email"]).endswith(f"@{TEST_DOMAIN}")
        finally:
            await api.close()
            await seeder.close()
    finally:
        fake.close()
