"""The asyncio client: the same calls, awaited, and concurrent requests with asyncio.gather.

MAUTIC_URL=... MAUTIC_USERNAME=... MAUTIC_PASSWORD=... python examples/async_demo.py
"""

from __future__ import annotations

import asyncio
import uuid

from mautic_contacts import APIStatusError, AsyncMautic, Where, all_of, tag_diff

RUN = uuid.uuid4().hex[:8]
DOMAIN = "demo.invalid"


async def main() -> None:
    async with AsyncMautic() as m:
        print("== create three contacts concurrently")
        people = [("bea", "Nantes", 5), ("carl", "Lyon, centre", 25), ("dora", "Nice", 40)]
        made = await asyncio.gather(
            *(
                m.contacts.create({"email": f"{name}.{RUN}@{DOMAIN}", "city": city, "points": points})
                for name, city, points in people
            )
        )
        ids = [contact.id for contact in made]
        print(f"created {made}")

        print("== dedupe")
        again = await m.contacts.create({"email": f"bea.{RUN}@{DOMAIN}", "firstname": "Bea"})
        print(f"{again.email}: id {again.id} again (new: {again.created})")

        print("== tag diff; set_tags reads the tags and sends the diff for you")
        changes = tag_diff(["old", "keep"], ["keep", "new"])
        print(f"tag_diff(['old', 'keep'], ['keep', 'new']) = {changes}")
        tagged = await m.contacts.set_tags(again.id, ["keep", "new"])
        print(f"tags of {tagged.email}: {sorted(tagged.tags)}")

        print("== where: in_ with a comma inside a value, between")
        mine = Where("email").like(f"%.{RUN}@{DOMAIN}")
        page = await m.contacts.list(
            where=[mine, all_of(Where("city").in_(["Lyon, centre", "Nice"]), Where("points").between(20, 30))]
        )
        print(f"{page.total} match: {[c.email for c in page.contacts]}")

        print("== iterate with async for")
        async for contact in m.contacts.iterate(where=mine, page_size=2):
            print(f"  {contact.id} {contact.fields.get('city')}")

        print("== batch update in request order")
        result = await m.contacts.update_many([{"id": i, "country": "France"} for i in ids])
        print(f"statuses {[item.status_code for item in result]}, all ok: {result.ok}")

        print("== DNC and points")
        marked = await m.contacts.add_dnc(ids[0], channel="email")
        print(f"DNC on {[r.channel for r in marked.do_not_contact]}")
        await m.contacts.add_points(ids[0], 3)
        print(f"points now {(await m.contacts.get(ids[0])).points}")

        print("== errors")
        try:
            await m.contacts.update(999_999_999, {"city": "Brest"})
        except APIStatusError as error:
            print(f"{type(error).__name__} {error.status_code}: {error.errors[0].message}")

        deleted = await m.contacts.delete_many(ids)
        print(f"== deleted {len(deleted.contacts)} contacts")


if __name__ == "__main__":
    asyncio.run(main())
