"""What schemathesis generates for listContacts' `where` and `order` maps follows Mautic's key grammar.

The spec models both as flat maps of PHP bracket keys; this proves a fuzzer reading only the spec sends
`where[0][col]=..&where[0][expr]=..` (including between values and nested andX/orX clauses), never a
JSON-ish or deepObject rendering, and only operators servers know. The URLs are checked as they go on
the wire: the request schemathesis' own transport (requests) prepares from each case, read back the way
PHP reads a query string.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from schemathesis.config import SchemathesisConfig
from spec_document import SPEC_PATH, resolve

OPERATORS = set(resolve("/components/schemas/WhereQuery/patternProperties/\\[expr\\]$/enum"))
WHERE_KEY = re.compile(resolve("/components/schemas/WhereQuery/propertyNames/pattern"))
ORDER_KEY = re.compile(resolve("/components/schemas/OrderQuery/propertyNames/pattern"))
BASE_URL = "http://mautic.test/api"
# Keys of requests.Request among what schemathesis hands its requests transport.
REQUEST_KEYS = ("method", "url", "params", "headers", "cookies", "json", "data", "files")


@functools.cache
def _list_contacts() -> Any:
    # An explicit config stops schemathesis from picking up a schemathesis.toml from parent directories.
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=SchemathesisConfig())
    return schema["/contacts"]["GET"]


def wire_url(case: Any) -> str:
    """The URL schemathesis' requests transport sends for `case`."""
    kwargs = case.as_transport_kwargs(base_url=BASE_URL)
    prepared = requests.Request(**{key: kwargs[key] for key in REQUEST_KEYS if key in kwargs}).prepare()
    assert prepared.url is not None
    return prepared.url


def php_query(url: str) -> dict[str, Any]:
    """The query string as PHP's parse_str nests it (`a[0][b]=x` -> {"a": {"0": {"b": "x"}}})."""
    result: dict[str, Any] = {}
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        match = re.fullmatch(r"([^\[\]]+)((?:\[[^\[\]]*\])*)", key)
        assert match, key
        path = [match.group(1), *re.findall(r"\[([^\[\]]*)\]", match.group(2))]
        node = result
        for depth, part in enumerate(path):
            part = part or str(len(node))  # `select[]=a&select[]=b` appends, as in PHP
            if depth == len(path) - 1:
                assert part not in node, f"{key} sent twice"
                node[part] = value
            else:
                child = node.setdefault(part, {})
                assert isinstance(child, dict), (key, node)
                node = child
    return result


def generated_cases(count: int) -> list[Any]:
    operation = _list_contacts()
    cases: list[Any] = []

    @seed(20241024)
    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(operation.as_strategy(generation_mode=schemathesis.GenerationMode.POSITIVE))
    def draw(case: Any) -> None:
        cases.append(case)

    draw()
    return cases


def test_where_and_order_keys_follow_the_grammar_on_the_wire() -> None:
    cases = generated_cases(150)
    shapes: Counter[str] = Counter()
    for case in cases:
        url = wire_url(case)
        sent = parse_qsl(urlsplit(url).query, keep_blank_values=True)
        # Every map entry goes out as its own bracket key with the string value, nothing re-encoded.
        where_sent = [(key, value) for key, value in sent if key.startswith("where")]
        where_case = [
            (key, value) for key, value in dict(case.query or {}).items() if key.startswith("where")
        ]
        assert where_sent == where_case, url
        for key, value in sent:
            if key.startswith("where"):
                assert WHERE_KEY.match(key), key
                shapes[re.sub(r"\[\d+\]", "[N]", key)] += 1
                if key.endswith("[expr]"):
                    assert value in OPERATORS, (key, value)
            elif key.startswith("order["):
                assert ORDER_KEY.match(key), key
        if where_sent:
            # PHP reads one clause per index, each an array keyed col/expr/val (val may nest).
            clauses = php_query(url)["where"]
            assert all(isinstance(clause, dict) for clause in clauses.values()), url
    # The generator explores the shapes Mautic reads: plain clauses, between pairs, nested composites.
    for shape in (
        "where[N][col]",
        "where[N][expr]",
        "where[N][val]",
        "where[N][val][N]",
        "where[N][val][N][col]",
    ):
        assert shapes[shape] > 0, (shape, shapes)
    assert sum(1 for case in cases if any(key.startswith("where") for key in dict(case.query or {}))) > 20


def _case_url(query: dict[str, str]) -> str:
    return wire_url(_list_contacts().Case(query=query))


def test_flat_clause_url() -> None:
    url = _case_url(resolve("/components/parameters/Where/examples/equals/value"))
    assert url == (
        f"{BASE_URL}/contacts?where%5B0%5D%5Bcol%5D=email&where%5B0%5D%5Bexpr%5D=eq"
        "&where%5B0%5D%5Bval%5D=jim%40example.com"
    )
    assert php_query(url) == {"where": {"0": {"col": "email", "expr": "eq", "val": "jim@example.com"}}}


def test_in_clause_keeps_its_comma_separated_value_in_one_key() -> None:
    url = _case_url(resolve("/components/parameters/Where/examples/inList/value"))
    assert "where%5B0%5D%5Bval%5D=444444444%2C888888888" in url
    assert php_query(url)["where"]["0"]["val"] == "444444444,888888888"


def test_between_and_nested_composite_urls() -> None:
    url = _case_url(resolve("/components/parameters/Where/examples/betweenAndOr/value"))
    query = urlsplit(url).query
    assert "where%5B0%5D%5Bval%5D%5B0%5D=10&where%5B0%5D%5Bval%5D%5B1%5D=20" in query
    assert "where%5B1%5D%5Bval%5D%5B1%5D%5Bcol%5D=city" in query
    assert php_query(url) == {
        "where": {
            "0": {"col": "points", "expr": "between", "val": {"0": "10", "1": "20"}},
            "1": {
                "expr": "orX",
                "val": {
                    "0": {"col": "city", "expr": "eq", "val": "Paris"},
                    "1": {"col": "city", "expr": "eq", "val": "Lyon"},
                },
            },
        }
    }


def test_two_levels_of_composites_url() -> None:
    example = resolve("/components/schemas/WhereQuery/examples/1")
    url = _case_url(example)
    assert php_query(url)["where"]["1"] == {
        "expr": "andX",
        "val": {
            "0": {
                "expr": "orX",
                "val": {"0": {"col": "city", "expr": "in", "val": 'Paris,"Lyon, centre"'}},
            },
            "1": {"col": "email", "expr": "isNotEmpty"},
        },
    }
    assert "where%5B1%5D%5Bval%5D%5B0%5D%5Bval%5D%5B0%5D%5Bcol%5D=city" in url


def test_php_query_reader_is_not_vacuous() -> None:
    assert php_query("http://x/?a%5B0%5D%5Bb%5D=1&a%5B0%5D%5Bc%5D=2") == {"a": {"0": {"b": "1", "c": "2"}}}
    assert php_query("http://x/?s%5B%5D=a&s%5B%5D=b") == {"s": {"0": "a", "1": "b"}}
    # A JSON-ish rendering of a clause would not nest.
    assert php_query("http://x/?where=%7B%22col%22%3A%22email%22%7D") == {"where": '{"col":"email"}'}
