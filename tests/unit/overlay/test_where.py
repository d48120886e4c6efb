from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mautic_contacts import AllOf, AnyOf, Clause, Condition, Where, all_of, any_of, encode_where
from mautic_contacts._php import php_html_entity_decode
from mautic_contacts._where import MAX_NESTING, _escaped_char, _reversed, encode_in_list

from .php_csv import str_getcsv
from .where_oracle import effective, interpret, parse_php_query, sanitize_special_chars

# Key grammar of the spec's `WhereQuery` (propertyNames pattern in openapi.yaml): every key the builder
# emits must be one the API description admits.
_SPEC = yaml.safe_load((Path(__file__).parents[3] / "openapi.yaml").read_text())
WHERE_KEY = re.compile(_SPEC["components"]["schemas"]["WhereQuery"]["propertyNames"]["pattern"])

settings.register_profile("overlay", max_examples=150, deadline=None, derandomize=True)
settings.load_profile("overlay")

# -- strategies ---------------------------------------------------------------------------------

columns = st.from_regex(r"[A-Za-z0-9_]{1,12}(\.[A-Za-z0-9_]{1,12})?", fullmatch=True)
tricky_chars = st.sampled_from([*list("ab ,\"\\\r\n\t&;#<>'é%_"), "&amp;", "&#39;", '\\"', '""'])
any_text = st.lists(tricky_chars | st.characters(codec="utf-8"), max_size=10).map("".join)


def csv_safe(text: str) -> bool:
    return all(ord(c) >= 0x20 or c in "\t\n\r" for c in text) and php_html_entity_decode(text) == text


safe_text = any_text.filter(csv_safe)
# Text Mautic 5.x compares as written in any operator (nothing it would HTML-escape).
plain_text = safe_text.filter(lambda text: _escaped_char(text) is None)
offsets = st.timedeltas(min_value=-timedelta(hours=23), max_value=timedelta(hours=23)).map(timezone)
aware_datetimes = st.datetimes(
    min_value=datetime(1900, 1, 2), max_value=datetime(2100, 1, 1), timezones=st.just(UTC) | offsets
)


def _scalars(text: st.SearchStrategy[str]) -> st.SearchStrategy[object]:
    """Every kind of value a `where` clause takes, with strings drawn from ``text``."""
    return st.one_of(
        text,
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.dates(),
        aware_datetimes,
    )


scalars = _scalars(safe_text)
plain_scalars = _scalars(plain_text)
VALUE_OPS = ["eq", "neq", "lt", "lte", "gt", "gte", "like", "not_like"]
COLUMN_OPS = ["is_null", "is_not_null", "is_empty", "is_not_empty"]


def _ordered(a: Any, b: Any) -> tuple[Any, Any]:
    return (b, a) if _reversed(a, b) else (a, b)


leaves = st.one_of(
    st.builds(lambda c, op, v: getattr(Where(c), op)(v), columns, st.sampled_from(["eq", "neq"]), scalars),
    st.builds(
        lambda c, op, v: getattr(Where(c), op)(v if "like" not in op else str(v)),
        columns,
        st.sampled_from(VALUE_OPS),
        plain_scalars,
    ),
    st.builds(
        lambda c, neg, a, b: (Where(c).not_between if neg else Where(c).between)(*_ordered(a, b)),
        columns,
        st.booleans(),
        plain_scalars,
        plain_scalars,
    ),
    st.builds(
        lambda c, neg, vs: (Where(c).not_in if neg else Where(c).in_)(vs),
        columns,
        st.booleans(),
        st.lists(scalars, min_size=1, max_size=5),
    ),
    st.builds(lambda c, op: getattr(Where(c), op)(), columns, st.sampled_from(COLUMN_OPS)),
)


def groups(children: st.SearchStrategy[Clause]) -> st.SearchStrategy[Clause]:
    return st.builds(
        lambda cs, either: AnyOf(cs) if either else AllOf(cs),
        st.lists(children, min_size=1, max_size=3),
        st.booleans(),
    )


# Up to the two levels of nested groups the API description admits.
trees: st.SearchStrategy[Clause] = leaves | groups(leaves | groups(leaves))


def expected(clause: Clause) -> tuple[Any, ...]:
    """What Mautic should read for a clause, from the clause's public attributes."""
    if isinstance(clause, (AnyOf, AllOf)):
        return ("orX" if isinstance(clause, AnyOf) else "andX", [expected(c) for c in clause.clauses])
    assert isinstance(clause, Condition)
    if clause.expr in ("in", "notIn"):
        return (clause.expr, clause.column, list(clause.value or ()))
    if clause.value is None:
        return (clause.expr, clause.column)
    return (clause.expr, clause.column, clause.value)


# -- encoding -------------------------------------------------------------------------------------


def test_contract_example_encodes_verbatim() -> None:
    flat = encode_where(
        [
            Where("email").eq("a@b.c"),
            Where("points").between(1, 9),
            any_of(Where("city").eq("Paris"), Where("city").eq("Lyon")),
        ]
    )
    assert flat == {
        "where[0][col]": "email",
        "where[0][expr]": "eq",
        "where[0][val]": "a@b.c",
        "where[1][col]": "points",
        "where[1][expr]": "between",
        "where[1][val][0]": "1",
        "where[1][val][1]": "9",
        "where[2][expr]": "orX",
        "where[2][val][0][col]": "city",
        "where[2][val][0][expr]": "eq",
        "where[2][val][0][val]": "Paris",
        "where[2][val][1][col]": "city",
        "where[2][val][1][expr]": "eq",
        "where[2][val][1][val]": "Lyon",
    }


@given(st.lists(trees, min_size=1, max_size=4))
def test_keys_follow_the_grammar_and_decode_to_the_same_filter(clauses: list[Clause]) -> None:
    flat = encode_where(clauses)
    assert all(WHERE_KEY.match(key) for key in flat), [k for k in flat if not WHERE_KEY.match(k)]
    assert all(isinstance(v, str) for v in flat.values())
    assert interpret(parse_php_query(flat)["where"]) == [expected(c) for c in clauses]


@given(trees)
def test_a_single_clause_is_the_same_as_a_list_of_one(clause: Clause) -> None:
    assert encode_where(clause) == encode_where([clause])


@given(trees)
def test_repr_reads_back_as_the_same_clause(clause: Clause) -> None:
    namespace = {"Where": Where, "any_of": any_of, "all_of": all_of}
    assert eval(repr(clause), namespace) == clause  # noqa: S307 - our own repr


@given(st.lists(safe_text, min_size=1, max_size=6))
def test_in_list_csv_round_trips_through_str_getcsv(values: list[str]) -> None:
    csv = encode_in_list(values)
    # Mautic >= 6: html_entity_decode then str_getcsv.
    assert str_getcsv(php_html_entity_decode(csv)) == values
    # Mautic 5.x: the value is HTML-escaped first (InputHelper::cleanArray), then decoded.
    assert str_getcsv(php_html_entity_decode(sanitize_special_chars(csv))) == values


@given(st.lists(safe_text, min_size=1, max_size=4), st.booleans())
def test_in_lists_survive_the_mautic5_escaping(values: list[str], negate: bool) -> None:
    clause = Where("email").not_in(values) if negate else Where("email").in_(values)
    decoded = interpret(parse_php_query(encode_where(clause))["where"], mautic5=True)
    assert decoded == [("notIn" if negate else "in", "email", values)]


@given(safe_text, st.booleans())
def test_eq_and_neq_compare_exactly_what_was_written_on_mautic5(text: str, negate: bool) -> None:
    clause = Where("city").neq(text) if negate else Where("city").eq(text)
    flat = encode_where(clause)
    for mautic5 in (False, True):
        read = effective(interpret(parse_php_query(flat)["where"], mautic5=mautic5))
        assert read == [("neq" if negate else "eq", "city", text)]


def test_eq_with_characters_mautic5_escapes_is_sent_as_a_one_item_list() -> None:
    assert encode_where(Where("city").eq("O'Neal")) == {
        "where[0][col]": "city",
        "where[0][expr]": "in",
        "where[0][val]": "O'Neal",
    }
    assert Where("city").neq('say "hi"') == Condition("city", "notIn", ('say "hi"',))
    assert Where("city").eq("Paris") == Condition("city", "eq", "Paris")


@given(safe_text, st.sampled_from(["lt", "lte", "gt", "gte", "like", "not_like"]))
def test_other_operators_refuse_exactly_what_mautic5_would_escape(text: str, op: str) -> None:
    if _escaped_char(text) is None:
        assert getattr(Where("city"), op)(text).value == text
    else:
        with pytest.raises(ValueError, match="HTML-escapes"):
            getattr(Where("city"), op)(text)


def test_between_refuses_escaped_text_and_reversed_numbers_or_dates() -> None:
    with pytest.raises(ValueError, match="HTML-escapes"):
        Where("lastname").between("A&B", "Z")
    with pytest.raises(ValueError, match="low bound is above"):
        Where("points").between(50, 10)
    with pytest.raises(ValueError, match="match everything"):
        Where("points").not_between(2.5, 1)
    with pytest.raises(ValueError, match="low bound"):
        Where("date_added").between(date(2024, 2, 1), date(2024, 1, 1))
    late = datetime(2024, 1, 1, 12, tzinfo=UTC)
    early = datetime(2024, 1, 1, 13, tzinfo=timezone(timedelta(hours=2)))  # 11:00 UTC
    with pytest.raises(ValueError, match="low bound"):
        Where("date_added").between(late, early)
    assert Where("points").between(10, 10).value == ("10", "10")
    assert Where("points").between(early, late).value == ("2024-01-01 11:00:00", "2024-01-01 12:00:00")
    assert Where("lastname").between("b", "a").value == ("b", "a")  # text: the server's collation decides


def test_between_compares_a_date_with_a_datetime_as_midnight_utc() -> None:
    may = datetime(2024, 5, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="low bound is above"):
        Where("date_added").between(may, date(2024, 1, 1))
    with pytest.raises(ValueError, match="match everything"):
        Where("date_added").not_between(date(2024, 5, 2), may)
    assert Where("date_added").between(date(2024, 1, 1), may).value == ("2024-01-01", "2024-05-01 00:00:00")
    # The date is sent as `Y-m-d`, which the server reads as midnight UTC: 23:00 UTC the day before is lower.
    evening = datetime(2024, 1, 1, 1, tzinfo=timezone(timedelta(hours=2)))  # 2023-12-31 23:00 UTC
    assert Where("date_added").between(evening, date(2024, 1, 1)).value == (
        "2023-12-31 23:00:00",
        "2024-01-01",
    )
    with pytest.raises(ValueError, match="low bound"):
        Where("date_added").between(date(2024, 1, 1), evening)


@given(st.dates(min_value=date(1900, 1, 2), max_value=date(2099, 12, 31)), aware_datetimes, st.booleans())
def test_mixed_date_bounds_are_refused_exactly_when_reversed(
    day: date, moment: datetime, date_first: bool
) -> None:
    low, high = (day, moment) if date_first else (moment, day)
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
    reversed_ = midnight > moment if date_first else moment > midnight
    if reversed_:
        with pytest.raises(ValueError, match="low bound"):
            Where("date_added").between(low, high)
    else:
        bounds = Where("date_added").between(low, high).value
        assert isinstance(bounds, tuple)
        assert len(bounds) == 2


@given(any_text)
def test_in_value_is_refused_exactly_when_it_would_not_round_trip(text: str) -> None:
    if csv_safe(text):
        assert Where("x").in_([text]).value == (text,)
    else:
        with pytest.raises(ValueError, match="in_"):
            Where("x").in_([text])


@pytest.mark.parametrize(
    ("values", "csv"),
    [
        (["a", "b"], "a,b"),
        (["a,b"], '"a,b"'),
        (['say "hi"'], '"say ""hi"""'),
        ([""], '""'),
        (["back\\slash"], "back\\slash"),
        (["ends,with\\"], '"ends,with"\\'),
        (['q\\"x'], '"q\\"x"'),
        (["line\nbreak"], '"line\nbreak"'),
    ],
)
def test_csv_examples(values: list[str], csv: str) -> None:
    assert encode_in_list(values) == csv
    assert str_getcsv(csv) == values


def test_empty_string_is_quoted_so_mautic_compares_with_empty_text() -> None:
    # str_getcsv("") is [null], which Mautic would compare as `= NULL` (never true).
    assert str_getcsv("") == [None]
    assert encode_where(Where("city").in_([""]))["where[0][val]"] == '""'


# -- values -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        (True, "1"),
        (False, "0"),
        (0, "0"),
        (-12, "-12"),
        (2.5, "2.5"),
        ("", ""),
        (date(2024, 2, 29), "2024-02-29"),
        (date(999, 1, 2), "0999-01-02"),
        (datetime(2024, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=2))), "2023-12-31 22:30:00"),
        (datetime(2024, 6, 1, 12, 0, 0, 999999, tzinfo=UTC), "2024-06-01 12:00:00"),
    ],
)
def test_values_become_what_mautic_compares(value: Any, sent: str) -> None:
    assert Where("col").eq(value).value == sent


def test_none_is_refused_with_a_pointer_to_is_null() -> None:
    with pytest.raises(TypeError, match="is_null"):
        Where("email").eq(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="is_null"):
        Where("email").in_(["a", None])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="is_null"):
        Where("email").between(None, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [b"bytes", Decimal("1.5"), [1], {"a": 1}, object()])
def test_unsupported_value_types_are_refused(value: Any) -> None:
    with pytest.raises(TypeError, match="expected str, int, float, bool, date or datetime"):
        Where("points").eq(value)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_floats_are_refused(value: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        Where("points").gt(value)


def test_naive_and_out_of_range_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match=r"^gt\(\) got a naive datetime '2024-01-01T00:00:00': attach"):
        Where("date_added").gt(datetime(2024, 1, 1))
    with pytest.raises(ValueError, match="out of range"):
        Where("date_added").gt(datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))))


def test_nul_characters_are_refused() -> None:
    with pytest.raises(ValueError, match="NUL"):
        Where("firstname").eq("a\0b")


# -- columns and shapes -----------------------------------------------------------------------------


@pytest.mark.parametrize("column", ["email", "date_added", "l.email", "Custom_Field_2", "a1.b2"])
def test_valid_columns(column: str) -> None:
    assert Where(column).is_null().column == column


@pytest.mark.parametrize(
    "column", ["", "first name", "e-mail", "email;", "a.b.c", ".email", "email.", "émail"]
)
def test_columns_mautic_would_rewrite_are_refused(column: str) -> None:
    with pytest.raises(ValueError, match="invalid column name"):
        Where(column)


def test_column_must_be_a_string() -> None:
    with pytest.raises(TypeError):
        Where(5)  # type: ignore[arg-type]


def test_list_operators_need_a_non_empty_list() -> None:
    with pytest.raises(ValueError, match="at least one value"):
        Where("id").in_([])
    with pytest.raises(TypeError, match="list of values"):
        Where("city").not_in("Paris")
    assert Where("id").in_(range(1, 4)).value == ("1", "2", "3")


def test_between_takes_exactly_two_bounds() -> None:
    clause = Where("points").between(1, 9)
    assert clause.value == ("1", "9")
    with pytest.raises(TypeError):
        Where("points").between(1, 2, 3)  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="between"):
        Condition("points", "between", ("1",))


def test_conditions_built_directly_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown expression"):
        Condition("email", "comparison", "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="isNull"):
        Condition("email", "isNull", "x")
    with pytest.raises(ValueError, match="invalid column"):
        Condition("e mail", "eq", "x")
    assert Condition("email", "eq", "x") == Where("email").eq("x")


def test_groups_need_clauses() -> None:
    with pytest.raises(ValueError, match="at least one clause"):
        any_of()
    with pytest.raises(ValueError, match="at least one clause"):
        all_of()
    with pytest.raises(TypeError, match="clauses built with Where"):
        any_of(Where("a").eq(1), "b = 2")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="clauses built with Where"):
        any_of(Where("a"))  # type: ignore[arg-type]


def test_nesting_is_limited_to_what_php_reads() -> None:
    clause: Clause = Where("a").eq(1)
    for _ in range(MAX_NESTING):
        clause = any_of(clause)
    with pytest.raises(ValueError, match="nested"):
        any_of(clause)


def test_operators_combine_and_flatten() -> None:
    a, b, c = Where("a").eq(1), Where("b").eq(2), Where("c").eq(3)
    assert a | b | c == any_of(a, b, c)
    assert a & b & c == all_of(a, b, c)
    assert (a | b) & c == all_of(any_of(a, b), c)
    assert repr((a | b) & c) == "all_of(any_of(Where('a').eq('1'), Where('b').eq('2')), Where('c').eq('3'))"


def test_clauses_are_immutable_and_hashable() -> None:
    clause = any_of(Where("a").in_([1, 2]), Where("b").between(1, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        clause.clauses = ()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Where("a").eq(1).value = "2"  # type: ignore[misc]
    assert len({clause, any_of(Where("a").in_([1, 2]), Where("b").between(1, 2))}) == 1


def test_where_accepts_clauses_only() -> None:
    assert encode_where(None) == {}
    assert encode_where([]) == {}
    with pytest.raises(TypeError, match="where="):
        encode_where("email = 'x'")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="where="):
        encode_where(Where("email"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="where="):
        encode_where([Where("email").eq("x"), {"col": "email"}])  # type: ignore[list-item]


def test_filters_php_would_truncate_are_refused() -> None:
    many = [Where("email").eq(f"user{i}@example.com") for i in range(301)]
    with pytest.raises(ValueError, match="1000"):
        encode_where(many)
    assert len(encode_where(many[:300])) == 900


def test_extra_clauses_are_appended_after_the_users() -> None:
    flat = encode_where(Where("email").eq("x"), extra=(Where("id").gt(7),))
    assert flat["where[1][col]"] == "id"
    assert flat["where[1][expr]"] == "gt"
    assert flat["where[1][val]"] == "7"
