"""Mautic / AsyncMautic over httpx.MockTransport: construction, what goes on the wire, error mapping."""

from __future__ import annotations

import inspect
import json
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest
from mautic_contacts import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AsyncContacts,
    AsyncMautic,
    ConfigError,
    Contacts,
    DncReason,
    InternalServerError,
    Mautic,
    NotFoundError,
    Where,
    any_of,
    encode_where,
)
from mautic_contacts_client.api.contacts import get_contact

from .mock_client import CONTACT, NO_RETRY_SLEEP, URL, client, ok, recording


def params(request: httpx.Request) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for key, value in request.url.params.multi_items():
        result.setdefault(key, []).append(value)
    return result


# -- construction ----------------------------------------------------------------------------------


def test_constructor_forms_and_reprs_hide_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    basic = Mautic(f"{URL}/api/", username="admin", password="pa55w0rd")
    oauth = Mautic(URL, client_id="cid", client_secret="s3cr3t-value")
    tokens = Mautic(
        URL, access_token="tok-abc-123", refresh_token="ref-xyz-789", client_id="c", client_secret="sec-456"
    )
    assert basic.base_url == f"{URL}/api"
    for m, secret in ((basic, "pa55w0rd"), (oauth, "s3cr3t-value"), (tokens, "tok-abc-123")):
        assert secret not in repr(m)
        assert URL in repr(m)
    assert "ref-xyz-789" not in repr(tokens)
    assert "sec-456" not in repr(tokens)
    for m in (basic, oauth, tokens):
        m.close()

    monkeypatch.setenv("MAUTIC_URL", URL)
    monkeypatch.setenv("MAUTIC_CLIENT_ID", "env-id")
    monkeypatch.setenv("MAUTIC_CLIENT_SECRET", "env-secret")
    monkeypatch.delenv("MAUTIC_USERNAME", raising=False)
    monkeypatch.delenv("MAUTIC_PASSWORD", raising=False)
    from_env = Mautic()
    assert "env-id" in repr(from_env)
    assert "env-secret" not in repr(from_env)
    from_env.close()


def test_bad_configuration_is_refused_up_front(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "MAUTIC_URL",
        "MAUTIC_USERNAME",
        "MAUTIC_PASSWORD",
        "MAUTIC_CLIENT_ID",
        "MAUTIC_CLIENT_SECRET",
    ):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ConfigError, match="no Mautic URL"):
        Mautic(username="u", password="p")
    with pytest.raises(ConfigError, match="no Mautic credentials"):
        Mautic(URL)
    transport = httpx.MockTransport(lambda r: ok({}))
    with pytest.raises(ValueError, match="not both"):
        Mautic(URL, username="u", password="p", transport=transport, http_client=httpx.Client())
    with pytest.raises(ValueError, match="batch_size"):
        Mautic(URL, username="u", password="p", batch_size=201)
    with pytest.raises(ValueError, match="max_retries"):
        Mautic(URL, username="u", password="p", max_retries=-1)
    with pytest.raises(ValueError, match="Authorization"):
        Mautic(URL, username="u", password="p", headers={"Authorization": "Bearer x"})
    with pytest.raises(TypeError, match=r"httpx\.AsyncClient"):
        AsyncMautic(URL, username="u", password="p", http_client=httpx.Client())  # type: ignore[arg-type]


def test_sync_and_async_resources_have_the_same_methods_and_signatures() -> None:
    def public(cls: type) -> dict[str, inspect.Signature]:
        return {
            name: inspect.signature(member)
            for name, member in vars(cls).items()
            if callable(member) and not name.startswith("_")
        }

    sync_methods, async_methods = public(Contacts), public(AsyncContacts)
    assert sync_methods.keys() == async_methods.keys()
    for name, signature in sync_methods.items():
        other = async_methods[name]
        assert list(signature.parameters) == list(other.parameters), name
        assert [p.default for p in signature.parameters.values()] == [
            p.default for p in other.parameters.values()
        ], name
        if name != "iterate":
            assert inspect.iscoroutinefunction(getattr(AsyncContacts, name)), name
    issue_5 = """get list iterate create update replace delete create_many update_many replace_many
        delete_many tag add_dnc remove_dnc add_utm remove_utm add_points subtract_points point_groups
        point_group adjust_group_points owners fields notes segments campaigns companies devices activity"""
    assert set(issue_5.split()) <= set(sync_methods)


# -- the wire ----------------------------------------------------------------------------------------


def test_list_sends_the_server_parameter_names() -> None:
    seen, handler = recording(ok({"total": "1", "contacts": {"7": CONTACT}}))
    where = [
        Where("email").like("%@b.c"),
        any_of(Where("city").in_(["Paris", "Lyon, centre"]), Where("points").gt(3)),
    ]
    with client(handler) as m:
        page = m.contacts.list(
            search="tag:vip",
            where=where,
            order_by=["last_active", "id"],
            order_by_dir="desc",
            start=10,
            limit=5,
            published_only=True,
            minimal=True,
            select=["email"],
        )
    assert page.total == 1
    sent = params(seen[0])
    assert seen[0].url.path == "/api/contacts"
    # `published=1` is dropped by servers when `where` is given: the clause says it again.
    published = Where("is_published").eq(True)
    expected_where = {k: [v] for k, v in encode_where([*where, published]).items()}
    assert sent == {
        "search": ["tag:vip"],
        "start": ["10"],
        "limit": ["5"],
        "orderBy": ["last_active,id"],
        "orderByDir": ["DESC"],
        "published": ["1"],
        "minimal": ["1"],
        "select[]": ["id", "email"],
        **expected_where,
    }
    assert sent["where[1][val][0][val]"] == ['Paris,"Lyon, centre"']


def test_list_leaves_out_what_was_not_asked_and_reads_php_empty_array() -> None:
    seen, handler = recording(ok({"total": 0, "contacts": []}))
    with client(handler) as m:
        page = m.contacts.list()
    assert (page.total, page.contacts) == (0, [])
    assert params(seen[0]) == {}


def test_bad_list_arguments_are_refused_before_sending() -> None:
    seen, handler = recording(ok({}))
    with client(handler) as m:
        with pytest.raises(ValueError, match="column"):
            m.contacts.list(order_by="email; DROP TABLE")
        with pytest.raises(ValueError, match="order_by_dir"):
            m.contacts.list(order_by_dir="sideways")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="limit"):
            m.contacts.list(limit=-1)
        with pytest.raises(TypeError, match="id must be an int"):
            m.contacts.get("7")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="positive"):
            m.contacts.get(0)
        with pytest.raises(TypeError, match="mapping"):
            m.contacts.create([("email", "x")])  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="naive"):
            m.contacts.create({"last_active": datetime(2024, 1, 1)})
        with pytest.raises(ValueError, match="channel"):
            m.contacts.add_dnc(1, channel="email/../x")
    assert seen == []


def test_write_bodies_are_json_with_mautic_dates() -> None:
    seen, handler = recording(ok({"contact": CONTACT}, 201))
    when = datetime(2024, 5, 6, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    with client(handler) as m:
        created = m.contacts.create({"email": "a@b.c", "lastActive": when, "shoe_size": 44, "tags": ["x"]})
    assert created.created is True
    assert seen[0].method == "POST"
    assert seen[0].url.path == "/api/contacts/new"
    assert seen[0].headers["Content-Type"] == "application/json"
    assert json.loads(seen[0].content) == {
        "email": "a@b.c",
        "lastActive": "2024-05-06 07:30:00",
        "shoe_size": 44,
        "tags": ["x"],
    }


def test_sub_resource_calls_use_the_documented_paths_and_bodies() -> None:
    contact = {"contact": CONTACT}
    seen, handler = recording(
        [
            ok(contact),
            ok({"recordFound": True, "contact": CONTACT}),
            ok({"success": 1}),
            ok({"success": 1}),
            ok({"groupScore": {"score": 9, "group": {"id": 2, "name": "G"}}}),
            ok({"events": [], "total": 0, "types": []}),
            ok([{"id": 1, "firstName": "A", "lastName": "B"}]),
            ok({"total": 0, "notes": []}),
            ok(contact),
            ok({"contacts": []}),
        ]
    )
    with client(handler) as m:
        m.contacts.add_dnc(7, channel="sms", reason=DncReason.BOUNCED, comments="bounce", channel_id=3)
        assert m.contacts.remove_dnc(7, channel="sms").found is True
        m.contacts.add_points(7, 5, event_name="Webinar", action_name="Attended")
        m.contacts.subtract_points(7, 2)
        assert m.contacts.adjust_group_points(7, 2, "set", 9).score == 9
        m.contacts.activity(
            7,
            search="x",
            include_events=["page.hit"],
            exclude_events=["email.read"],
            date_from=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
            date_to="2024-02-01",
            order_by="eventLabel",
            order_by_dir="ASC",
            page=2,
            limit=10,
        )
        assert m.contacts.owners(filter="Ad", limit=5)[0].name == "A B"
        m.contacts.notes(7, search="call", start=0, limit=3, order_by="n.dateTime", order_by_dir="ASC")
        m.contacts.add_utm(7, {"utm_source": "g", "query": {"a": "1"}})
        m.contacts.delete_many([3, 1, 2])
    calls = [(r.method, r.url.path) for r in seen]
    assert calls == [
        ("POST", "/api/contacts/7/dnc/sms/add"),
        ("POST", "/api/contacts/7/dnc/sms/remove"),
        ("POST", "/api/contacts/7/points/plus/5"),
        ("POST", "/api/contacts/7/points/minus/2"),
        ("POST", "/api/contacts/7/points/groups/2/set/9"),
        ("GET", "/api/contacts/7/activity"),
        ("GET", "/api/contacts/list/owners"),
        ("GET", "/api/contacts/7/notes"),
        ("POST", "/api/contacts/7/utm/add"),
        ("DELETE", "/api/contacts/batch/delete"),
    ]
    assert json.loads(seen[0].content) == {"reason": 2, "comments": "bounce", "channelId": 3}
    assert json.loads(seen[2].content) == {"eventName": "Webinar", "actionName": "Attended"}
    assert seen[3].content == b""
    assert params(seen[5]) == {
        "filters[search]": ["x"],
        "filters[includeEvents][]": ["page.hit"],
        "filters[excludeEvents][]": ["email.read"],
        "filters[dateFrom]": ["2024-01-02 03:04:05"],
        "filters[dateTo]": ["2024-02-01"],
        "order[0]": ["eventLabel"],
        "order[1]": ["ASC"],
        "page": ["2"],
        "limit": ["10"],
    }
    assert params(seen[6]) == {"filter": ["Ad"], "limit": ["5"]}
    assert params(seen[7]) == {
        "search": ["call"],
        "start": ["0"],
        "limit": ["3"],
        "orderBy": ["n.dateTime"],
        "orderByDir": ["ASC"],
    }
    assert json.loads(seen[8].content) == {"utm_source": "g", "query": {"a": "1"}}
    assert params(seen[9]) == {"ids": ["3,1,2"]}


# -- errors ------------------------------------------------------------------------------------------


HTML_500 = "<html><head><title>500 Internal Server Error</title></head><body>Fatal</body></html>"


@pytest.mark.parametrize(
    ("response", "error", "text"),
    [
        (
            httpx.Response(500, text=HTML_500, headers={"Content-Type": "text/html"}),
            InternalServerError,
            "500",
        ),
        (httpx.Response(520, text=""), InternalServerError, "520"),
        (
            ok({"errors": [{"code": 404, "message": "Item was not found.", "details": []}]}, 404),
            NotFoundError,
            "Item",
        ),
        (httpx.Response(200, text="<html>maintenance</html>"), APIResponseValidationError, "get_contact"),
        (ok({"contact": {"points": 1}}), APIResponseValidationError, "get_contact"),
        (ok({"not": "a contact"}), APIResponseValidationError, "200"),
        (httpx.Response(204), APIResponseValidationError, "204"),
    ],
)
def test_answers_become_typed_errors(response: httpx.Response, error: type[Exception], text: str) -> None:
    with client(lambda request: response, max_retries=0) as m:
        with pytest.raises(error) as caught:
            m.contacts.get(7)
        assert m.last_response is not None
        assert m.last_response.status_code == response.status_code
    assert text in str(caught.value)
    assert "pa55w0rd" not in str(caught.value)


def test_transport_failures_become_connection_errors() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with client(refuse, max_retries=1) as m, pytest.raises(APIConnectionError) as refused:
        m.contacts.list()
    assert not isinstance(refused.value, APITimeoutError)
    with client(slow, max_retries=0) as m, pytest.raises(APITimeoutError):
        m.contacts.list()


def test_failed_batch_chunk_says_what_was_applied() -> None:
    created = {"contacts": [CONTACT] * 200, "statusCodes": [201] * 200}
    failure = ok(
        {"errors": [{"code": 500, "message": "A max of 200 entities are supported at a time."}]}, 500
    )
    seen, handler = recording([ok(created, 201), failure])
    with client(handler) as m, pytest.raises(InternalServerError) as caught:
        m.contacts.create_many([{"email": f"{i}@b.c"} for i in range(250)])
    assert [len(json.loads(r.content)) for r in seen] == [200, 50]
    note = caught.value.__notes__[0]
    # A 500 may come after part of the request was applied: the note does not claim either way.
    assert note.startswith("batch request 2 of 2 (items 200-249) was sent but its outcome is unknown")
    assert "requests applied: 1; not sent: none" in note
    assert caught.value.partial is not None
    assert [item.index for item in caught.value.partial] == list(range(200))
    assert caught.value.unsent_from == 250


@pytest.mark.parametrize(
    "contacts",
    [
        {"0": {**CONTACT, "id": 1}, "2": {**CONTACT, "id": 3}},  # Mautic 5: keyed by position, gaps
        [{**CONTACT, "id": 3}, {**CONTACT, "id": 1}],  # compacted, in database order
    ],
)
def test_batch_delete_matches_contacts_by_id(contacts: object) -> None:
    with client(lambda request: ok({"contacts": contacts})) as m:
        result = m.contacts.delete_many([1, 2, 3])
    assert [(i.index, i.status_code, i.contact.id if i.contact else None) for i in result] == [
        (0, 200, 1),
        (1, 404, None),
        (2, 200, 3),
    ]
    assert result[1].error is not None


# -- options, raw access -----------------------------------------------------------------------------


def test_with_options_changes_timeout_and_retries_for_the_copy_only() -> None:
    seen, handler = recording(httpx.Response(503, text="busy"))
    with client(handler, timeout=20) as m:
        quick = m.with_options(timeout=1.5, max_retries=0)
        with pytest.raises(InternalServerError):
            quick.contacts.list()
        assert len(seen) == 1
        assert seen[0].extensions["timeout"]["read"] == 1.5
        seen.clear()
        with pytest.raises(InternalServerError):
            m.contacts.list()
        assert len(seen) == 3  # default: 2 retries on 503
        assert seen[0].extensions["timeout"]["read"] == 20
        assert quick.generated_client is m.generated_client


def test_last_response_server_version_and_call() -> None:
    seen, handler = recording(ok({"contact": CONTACT}))
    with client(handler) as m:
        assert (m.server_version, m.last_response) == (None, None)
        contact = m.contacts.get(7)
        assert m.server_version == "5.1.0"
        assert m.last_response is not None
        assert m.last_response.request.url.path == "/api/contacts/7"
        raw = m.call(get_contact.sync_detailed, id=7)
        assert raw.parsed is not None
        assert raw.status_code == 200
        with pytest.raises(TypeError, match="sync_detailed"):
            m.call(get_contact.asyncio_detailed, id=7)  # type: ignore[arg-type]
    assert contact.id == 7
    assert seen[0].headers["Authorization"].startswith("Basic ")
    assert seen[0].headers["User-Agent"].startswith("mautic-contacts/")


async def test_async_client_with_its_own_httpx_client() -> None:
    hooks: list[str] = []

    async def hook(request: httpx.Request) -> None:
        hooks.append(request.headers["Authorization"])

    answers = [httpx.Response(502), ok({"contact": CONTACT})]
    own = httpx.AsyncClient(
        transport=httpx.MockTransport(lambda r: answers.pop(0)), event_hooks={"request": [hook]}
    )
    async with AsyncMautic(
        URL, username="admin", password="pa55w0rd", http_client=own, retry_policy=NO_RETRY_SLEEP
    ) as m:
        contact = await m.contacts.get(7)
        assert m.last_response is not None
        assert m.last_response.status_code == 200
    assert contact.fields == {"email": "a@b.c"}
    assert len(hooks) == 2
    assert all(h.startswith("Basic ") for h in hooks)
    assert not own.is_closed
    await own.aclose()
