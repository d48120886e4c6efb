"""The generated client builds the URLs Mautic reads: path params and PHP bracket query keys."""

from __future__ import annotations

from urllib.parse import parse_qsl

import httpx
from generated_client_support import BASE_URL, Call, Recorder
from mautic_contacts_client import AuthenticatedClient
from mautic_contacts_client.api.activity import get_all_contacts_activity, get_contact_activity
from mautic_contacts_client.api.batch import delete_contacts_batch
from mautic_contacts_client.api.contacts import get_contact, list_contacts
from mautic_contacts_client.api.dnc import add_contact_dnc
from mautic_contacts_client.api.points import adjust_contact_point_group, adjust_contact_points
from mautic_contacts_client.api.related import get_contact_devices, get_contact_notes
from mautic_contacts_client.api.utm import remove_contact_utm
from mautic_contacts_client.models import (
    ActivityOrderColumn,
    GroupPointsOperator,
    OrderQuery,
    PointsOperator,
    SortDirection,
    WhereQuery,
    ZeroOrOne,
)


def query_items(recorder: Recorder) -> list[tuple[str, str]]:
    """The query string as PHP would split it (percent-decoded, order kept)."""
    return parse_qsl(recorder.last.url.query.decode(), keep_blank_values=True)


def where_query(items: dict[str, str]) -> WhereQuery:
    model = WhereQuery()
    for key, value in items.items():
        model[key] = value
    return model


async def test_path_parameters(call: Call, client: AuthenticatedClient, recorder: Recorder) -> None:
    await call(get_contact, 47, client=client)
    assert (recorder.last.method, recorder.last.url.path) == ("GET", "/api/contacts/47")
    await call(add_contact_dnc, 47, "sms", client=client)
    assert (recorder.last.method, recorder.last.url.path) == ("POST", "/api/contacts/47/dnc/sms/add")
    await call(remove_contact_utm, 47, 3, client=client)
    assert recorder.last.url.path == "/api/contacts/47/utm/3/remove"
    await call(adjust_contact_points, 47, PointsOperator.MINUS, 5, client=client)
    assert recorder.last.url.path == "/api/contacts/47/points/minus/5"
    await call(adjust_contact_point_group, 47, 2, GroupPointsOperator.SET, 10, client=client)
    assert recorder.last.url.path == "/api/contacts/47/points/groups/2/set/10"


async def test_path_parameters_are_percent_encoded(
    call: Call, client: AuthenticatedClient, recorder: Recorder
) -> None:
    await call(add_contact_dnc, 47, "e/mail", client=client)
    assert recorder.last.url.raw_path == b"/api/contacts/47/dnc/e%2Fmail/add"


async def test_where_clauses_become_bracket_keys(
    call: Call, client: AuthenticatedClient, recorder: Recorder
) -> None:
    clauses = {
        "where[0][col]": "email",
        "where[0][expr]": "eq",
        "where[0][val]": "jim@example.com",
        "where[1][col]": "phone",
        "where[1][expr]": "in",
        "where[1][val]": '444444444,"888,888"',
    }
    await call(list_contacts, client=client, where=where_query(clauses))
    # `start` and `orderByDir` carry the spec's defaults (the server's own: 0 and ASC).
    assert query_items(recorder) == [("start", "0"), ("orderByDir", "ASC"), *clauses.items()]
    # PHP needs the brackets percent-encoded or literal; httpx encodes them.
    assert b"where%5B0%5D%5Bcol%5D=email" in recorder.last.url.query


async def test_where_between_and_nested_composites(
    call: Call, client: AuthenticatedClient, recorder: Recorder
) -> None:
    clauses = {
        "where[0][col]": "points",
        "where[0][expr]": "between",
        "where[0][val][0]": "10",
        "where[0][val][1]": "20",
        "where[1][expr]": "orX",
        "where[1][val][0][col]": "city",
        "where[1][val][0][expr]": "eq",
        "where[1][val][0][val]": "Paris",
        "where[1][val][1][expr]": "andX",
        "where[1][val][1][val][0][col]": "city",
        "where[1][val][1][val][0][expr]": "eq",
        "where[1][val][1][val][0][val]": "Lyon",
        "where[1][val][1][val][1][col]": "points",
        "where[1][val][1][val][1][expr]": "gte",
        "where[1][val][1][val][1][val]": "5",
    }
    await call(list_contacts, client=client, where=where_query(clauses))
    assert query_items(recorder)[:2] == [("start", "0"), ("orderByDir", "ASC")]
    assert query_items(recorder)[2:] == list(clauses.items())


async def test_list_parameters(call: Call, client: AuthenticatedClient, recorder: Recorder) -> None:
    order = OrderQuery()
    order["order[0][col]"] = "last_active"
    order["order[0][dir]"] = "DESC"
    order["order[1][col]"] = "id"
    order["order[1][dir]"] = "ASC"
    await call(
        list_contacts,
        client=client,
        search="tag:vip",
        start=60,
        limit=30,
        order_by="date_added,email",
        order_by_dir=SortDirection.DESC,
        order=order,
        select=["id", "email"],
        minimal=ZeroOrOne.VALUE_1,
        published=ZeroOrOne.VALUE_0,
    )
    assert query_items(recorder) == [
        ("search", "tag:vip"),
        ("start", "60"),
        ("limit", "30"),
        ("orderBy", "date_added,email"),
        ("orderByDir", "DESC"),
        ("order[0][col]", "last_active"),
        ("order[0][dir]", "DESC"),
        ("order[1][col]", "id"),
        ("order[1][dir]", "ASC"),
        ("select[]", "id"),
        ("select[]", "email"),
        ("minimal", "1"),
        ("published", "0"),
    ]


async def test_batch_delete_ids(call: Call, client: AuthenticatedClient, recorder: Recorder) -> None:
    await call(delete_contacts_batch, client=client, ids="1,2,3")
    assert (recorder.last.method, recorder.last.url.path) == ("DELETE", "/api/contacts/batch/delete")
    assert query_items(recorder) == [("ids", "1,2,3")]


async def test_activity_filters(call: Call, client: AuthenticatedClient, recorder: Recorder) -> None:
    await call(
        get_contact_activity,
        47,
        client=client,
        filterssearch="webinar",
        filtersinclude_events=["page.hit", "email.read"],
        filtersexclude_events=["lead.ipadded"],
        filtersdate_from="2024-01-01 00:00:00",
        filtersdate_to="2024-12-31 23:59:59",
        order0=ActivityOrderColumn.EVENTLABEL,
        order1=SortDirection.ASC,
        page=2,
        limit=10,
    )
    assert recorder.last.url.path == "/api/contacts/47/activity"
    assert query_items(recorder) == [
        ("filters[search]", "webinar"),
        ("filters[includeEvents][]", "page.hit"),
        ("filters[includeEvents][]", "email.read"),
        ("filters[excludeEvents][]", "lead.ipadded"),
        ("filters[dateFrom]", "2024-01-01 00:00:00"),
        ("filters[dateTo]", "2024-12-31 23:59:59"),
        ("order[0]", "eventLabel"),
        ("order[1]", "ASC"),
        ("page", "2"),
        ("limit", "10"),
    ]
    await call(get_all_contacts_activity, client=client)
    assert recorder.last.url.path == "/api/contacts/activity"
    # The spec's defaults are the server's own (`["timestamp", "DESC"]`, page 1, limit 25).
    assert query_items(recorder) == [
        ("order[0]", "timestamp"),
        ("order[1]", "DESC"),
        ("page", "1"),
        ("limit", "25"),
    ]


async def test_subresource_paging(call: Call, client: AuthenticatedClient, recorder: Recorder) -> None:
    await call(
        get_contact_notes, 47, client=client, search="type:call", limit=5, order_by_dir=SortDirection.ASC
    )
    assert recorder.last.url.path == "/api/contacts/47/notes"
    assert query_items(recorder) == [
        ("search", "type:call"),
        ("start", "0"),
        ("limit", "5"),
        ("orderBy", "n.dateAdded"),
        ("orderByDir", "ASC"),
    ]
    # Without a direction the server's default for notes and devices, DESC, is sent.
    await call(get_contact_notes, 47, client=client)
    assert query_items(recorder) == [("start", "0"), ("orderBy", "n.dateAdded"), ("orderByDir", "DESC")]
    await call(get_contact_devices, 47, client=client)
    assert query_items(recorder) == [("start", "0"), ("orderBy", "d.dateAdded"), ("orderByDir", "DESC")]


async def test_credentials_are_sent(call: Call, client: AuthenticatedClient, recorder: Recorder) -> None:
    await call(get_contact, 1, client=client)
    assert recorder.last.headers["Authorization"] == "Bearer secret-token"
    basic = AuthenticatedClient(
        base_url=BASE_URL,
        token="YWRtaW46c2VjcmV0",
        prefix="Basic",
        httpx_args={"transport": httpx.MockTransport(recorder.handle)},
    )
    await call(get_contact, 1, client=basic)
    assert recorder.last.headers["Authorization"] == "Basic YWRtaW46c2VjcmV0"
