from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mautic_contacts import BATCH_LIMIT, APIResponseValidationError, BatchItem, ErrorDetail
from mautic_contacts._batching import (
    Chunk,
    check_create_items,
    check_edit_items,
    check_ids,
    chunked,
    parse_batch_response,
)


def ident(contact: Any) -> Any:
    return dict(contact)


@pytest.mark.parametrize(
    ("n", "sizes"), [(0, []), (1, [1]), (200, [200]), (201, [200, 1]), (450, [200, 200, 50])]
)
def test_chunks_respect_the_server_limit(n: int, sizes: list[int]) -> None:
    chunks = chunked(list(range(n)))
    assert [len(c.items) for c in chunks] == sizes
    assert [c.offset for c in chunks] == [200 * i for i in range(len(sizes))]
    assert [x for c in chunks for x in c.items] == list(range(n))
    assert BATCH_LIMIT == 200
    with pytest.raises(ValueError, match="between 1 and 200"):
        chunked([1], size=201)


def mautic_batch_answer(outcomes: list[str]) -> dict[str, Any]:
    """What Mautic's PHP would encode: arrays when keys are 0..n-1, objects otherwise."""

    def encode(mapping: dict[int, Any]) -> Any:
        if list(mapping) == list(range(len(mapping))):
            return list(mapping.values())
        return {str(k): v for k, v in mapping.items()}

    contacts, codes, errors = {}, {}, {}
    for i, outcome in enumerate(outcomes):
        if outcome == "created":
            contacts[i], codes[i] = {"id": 100 + i}, 201
        elif outcome == "updated":
            contacts[i], codes[i] = {"id": 100 + i}, 200
        else:
            codes[i] = 400
            errors[i] = {
                "code": 400,
                "message": f"email: bad {i}",
                "details": {"email": ["bad"]},
                "type": None,
            }
    body: dict[str, Any] = {"contacts": encode(contacts), "statusCodes": encode(codes)}
    if errors:
        body["errors"] = encode(errors)
    return body


@given(
    st.lists(st.sampled_from(["created", "updated", "failed"]), min_size=1, max_size=12), st.integers(0, 5)
)
def test_results_map_back_to_request_positions(outcomes: list[str], chunk_no: int) -> None:
    offset = chunk_no * BATCH_LIMIT
    chunk = Chunk(offset, tuple({"email": f"{i}@x.y"} for i in range(len(outcomes))))
    items = parse_batch_response(mautic_batch_answer(outcomes), chunk, convert=ident, ok_status=201)
    assert [item.index for item in items] == list(range(offset, offset + len(outcomes)))
    for i, (item, outcome) in enumerate(zip(items, outcomes, strict=True)):
        if outcome == "failed":
            assert (item.status_code, item.contact, item.ok) == (400, None, False)
            assert item.error is not None
            assert item.error.message == f"email: bad {i}"
            assert item.error.field_errors == {"email": ("bad",)}
        else:
            assert item.status_code == (201 if outcome == "created" else 200)
            assert item.contact == {"id": 100 + i}
            assert item.ok


def test_batch_delete_reports_missing_ids_as_not_found() -> None:
    chunk = Chunk(0, (5, 6, 7))
    body = {
        "contacts": {"0": {"id": 5}, "2": {"id": 7}},
        "errors": {
            "2": {
                "message": "You do not have access to the requested area/action.",
                "code": 403,
                "type": "api",
            }
        },
    }
    items = parse_batch_response(body, chunk, convert=ident, ok_status=200)
    assert items[0] == BatchItem(0, 200, {"id": 5}, None)
    assert items[1] == BatchItem(1, 404, None, ErrorDetail(message="Item was not found.", code=404))
    # Serialized before the permission check: the contact is there, but it was not deleted.
    assert (items[2].status_code, items[2].contact, items[2].ok) == (403, {"id": 7}, False)
    assert parse_batch_response({"contacts": []}, Chunk(0, ()), convert=ident, ok_status=200) == []


def test_short_arrays_mean_trailing_items_are_missing() -> None:
    body = {
        "contacts": [{"id": 1}],
        "statusCodes": [201, 500],
        "errors": {"1": {"message": "x", "code": 500}},
    }
    items = parse_batch_response(body, Chunk(0, ({}, {})), convert=ident, ok_status=201)
    assert [(i.status_code, i.contact) for i in items] == [(201, {"id": 1}), (500, None)]


def test_status_codes_may_be_strings_and_errors_without_codes() -> None:
    body = {
        "contacts": {},
        "statusCodes": {"0": "404"},
        "errors": {"1": {"message": "mautic.api.call.id_missing"}},
    }
    items = parse_batch_response(body, Chunk(0, ({}, {})), convert=ident, ok_status=200)
    assert [i.status_code for i in items] == [404, 400]
    assert items[1].error == ErrorDetail(message="mautic.api.call.id_missing")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([1, 2], "not a JSON object"),
        ({"contacts": [{}, {}, {}]}, "has 3 entries for 2 items"),
        ({"contacts": {"a": {}}}, "has key 'a'"),
        ({"contacts": {"2": {}}}, "has key '2'"),
        ({"statusCodes": "200"}, "is a str"),
    ],
)
def test_answers_that_cannot_be_mapped_are_refused(body: Any, message: str) -> None:
    with pytest.raises(APIResponseValidationError, match=message):
        parse_batch_response(body, Chunk(0, ({}, {})), convert=ident, ok_status=200)


def test_edit_items_need_ids_before_anything_is_sent() -> None:
    # Items are data (CSV, JSON): an id of digits is taken, and sent as an int.
    assert check_edit_items([{"id": 1}, {"id": "22", "email": "x"}]) == [
        {"id": 1},
        {"id": 22, "email": "x"},
    ]
    with pytest.raises(
        ValueError, match=r"a positive int or a string of digits; .* positions 1, 2, 3, 4, 5$"
    ):
        check_edit_items(
            [{"id": 1}, {"email": "x"}, {"id": "rubbish"}, {"id": 0}, {"id": True}, {"id": None}]
        )
    for bad in ("", " 5", "5.0", "-5", "0", "\uff15", 5.0, -1):
        with pytest.raises(ValueError, match=r"positions 0$"):
            check_edit_items([{"id": bad}])
    with pytest.raises(TypeError, match="mappings"):
        check_edit_items([{"id": 1}, ["id", 2]])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="list of contact mappings"):
        check_create_items({"email": "x"})  # type: ignore[dict-item]  # a mapping, not a list of them


def test_delete_ids_are_positive_ints() -> None:
    assert check_ids((1, 2, 3)) == [1, 2, 3]
    with pytest.raises(ValueError, match="positions 1, 2"):
        check_ids([1, "2", -3])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        check_ids("1,2")  # type: ignore[arg-type]
