"""Tags (add/remove, diff round trip), do-not-contact, UTM sets, points and point groups."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from client_support import Api, Target, fake_api
from mautic_contacts import BadRequestError, DncReason, NotFoundError, tag_diff
from mautic_mock import FakeMautic

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0"


async def test_tag_adds_and_removes_without_touching_other_tags(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email(), "tags": ["keep", "old"]})
    assert sorted(made.tags) == ["keep", "old"]
    tagged = await api.contacts.tag(made.id, add=["new", "vip"], remove=["old"])
    assert sorted(tagged.tags) == ["keep", "new", "vip"]
    unchanged = await api.contacts.tag(made.id, remove=["not-there"])
    assert sorted(unchanged.tags) == ["keep", "new", "vip"]


async def test_tag_diff_round_trip(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email(), "tags": ["a", "b", "c"]})
    wanted = ["b", "d", "e"]
    changes = tag_diff(made.tags, wanted)
    assert sorted(changes) == ["-a", "-c", "d", "e"]
    after = await api.contacts.apply_tag_changes(made.id, changes)
    assert sorted(after.tags) == sorted(wanted)
    assert tag_diff(after.tags, wanted) == []

    exact = await api.contacts.set_tags(made.id, ["e", "f"])
    assert sorted(exact.tags) == ["e", "f"]
    assert sorted((await api.contacts.get(made.id)).tags) == ["e", "f"]


async def test_tag_names_differing_in_case_are_different_tags(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email(), "tags": ["VIP", "keep"]})
    unchanged = await api.contacts.tag(made.id, remove=["vip"])  # `-vip` never removes `VIP`
    assert sorted(unchanged.tags) == ["VIP", "keep"]
    assert tag_diff(made.tags, ["vip", "keep"]) == ["vip", "-VIP"]
    exact = await api.contacts.set_tags(made.id, ["vip", "keep"])
    assert sorted(exact.tags) == ["keep", "vip"]


async def test_tags_that_mautic_would_misread_are_refused(api: Api, target: Target) -> None:
    with pytest.raises(ValueError, match="leading '-'"):
        await api.contacts.tag(1, add=["-oops"])
    with pytest.raises(TypeError):
        await api.contacts.tag(1, add="vip")
    with pytest.raises(ValueError, match="both added and removed"):
        await api.contacts.tag(1, add=["x"], remove=["x"])


async def test_do_not_contact_add_and_remove(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email(), "firstname": "Dana"})
    marked = await api.contacts.add_dnc(made.id, comments="asked by phone")
    (record,) = marked.do_not_contact
    assert (record.channel, record.reason, record.comments) == ("email", DncReason.MANUAL, "asked by phone")
    # The DNC answer has no fields.all: fields come from the groups / top-level columns.
    assert marked.fields["firstname"] == "Dana"
    assert marked.email == made.email

    bounced = await api.contacts.add_dnc(made.id, channel="sms", reason=DncReason.BOUNCED, channel_id=7)
    assert {(r.channel, r.reason) for r in bounced.do_not_contact} == {
        ("email", DncReason.MANUAL),
        ("sms", DncReason.BOUNCED),
    }

    removed = await api.contacts.remove_dnc(made.id)
    assert removed.found is True
    assert [r.channel for r in removed.contact.do_not_contact] == ["sms"]
    again = await api.contacts.remove_dnc(made.id)
    assert again.found is False
    with pytest.raises(ValueError, match="reason"):
        await api.contacts.add_dnc(made.id, reason=0)


async def test_utm_add_and_remove(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email()})
    with_utm = await api.contacts.add_utm(
        made.id, {"utm_source": "newsletter", "utm_medium": "email", "url": "https://example.com/x"}
    )
    (utm,) = with_utm.utm_tags
    assert (utm.utm_source, utm.utm_medium, utm.url) == ("newsletter", "email", "https://example.com/x")
    assert utm.id is not None

    removed = await api.contacts.remove_utm(made.id, utm.id)
    assert removed.found is True
    assert removed.contact.utm_tags == []
    with pytest.raises(BadRequestError):
        await api.contacts.remove_utm(made.id, utm.id)


async def test_points_add_and_subtract(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email(), "points": 10})
    assert made.points == 10
    assert await api.contacts.add_points(made.id, 5, event_name="Webinar", action_name="attended") is None
    await api.contacts.subtract_points(made.id, 3)
    assert (await api.contacts.get(made.id)).points == 12
    with pytest.raises(NotFoundError):
        await api.contacts.add_points(made.id + 100_000, 1)
    with pytest.raises(ValueError, match="delta"):
        await api.contacts.add_points(made.id, -1)


async def test_point_groups_of_a_contact_without_scores(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email()})
    assert await api.contacts.point_groups(made.id) == []
    with pytest.raises(NotFoundError):
        await api.contacts.point_group(made.id, 999_999)


@pytest.mark.fake_only
async def test_point_group_scores(make_fake: Callable[..., FakeMautic], kind: str) -> None:
    fake = make_fake(data={"pointGroups": [{"name": "Engagement"}, {"name": "Fit", "description": "ICP"}]})
    api = fake_api(fake, kind)
    try:
        made = await api.contacts.create({"email": "pg@contract-test.invalid"})
        assert await api.contacts.point_group(made.id, 1) is None

        score = await api.contacts.adjust_group_points(made.id, 1, "plus", 7)
        assert score.score == 7
        assert score.group is not None
        assert (score.group.id, score.group.name) == (1, "Engagement")
        assert (await api.contacts.adjust_group_points(made.id, 1, "times", 3)).score == 21
        assert (await api.contacts.adjust_group_points(made.id, 2, "set", 4)).score == 4

        one = await api.contacts.point_group(made.id, 1)
        assert one is not None
        assert one.score == 21
        scores = await api.contacts.point_groups(made.id)
        assert {(s.group.name if s.group else None, s.score) for s in scores} == {
            ("Engagement", 21),
            ("Fit", 4),
        }
        with pytest.raises(ValueError, match="divide"):
            await api.contacts.adjust_group_points(made.id, 1, "divide", 0)
        with pytest.raises(ValueError, match="operator"):
            await api.contacts.adjust_group_points(made.id, 1, "pow", 2)
    finally:
        await api.close()


@pytest.mark.fake_only
async def test_devices_come_from_utm_user_agents(target: Target, api: Api) -> None:
    made = await api.contacts.create({"email": target.email()})
    await api.contacts.add_utm(made.id, {"utm_source": "ads", "useragent": FIREFOX})
    devices = await api.contacts.devices(made.id)
    assert devices.total == 1
    (device,) = devices
    assert device.device == "desktop"
    assert device.os_name == "GNU/Linux"
    assert device.client_info["name"] == "Firefox"
