"""What schemathesis generates for listContacts' `where` and `order` maps follows Mautic's key grammar.

The spec models both as flat maps of PHP bracket keys; this proves a fuzzer reading only the spec sends
`where[0][col]=..&where[0][expr]=..` (including between values and nested andX/orX clauses), never a
JSON-ish or deepObject rendering, and only operators servers know.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from schemathesis.config import SchemathesisConfig
from spec_document import SPEC_PATH, resolve

OPERATORS = set(resolve("/components/schemas/WhereQuery/patternProperties/\\[expr\\]$/enum"))
WHERE_KEY = re.compile(resolve("/components/schemas/WhereQuery/propertyNames/pattern"))
ORDER_KEY = re.compile(resolve("/components/schemas/OrderQuery/propertyNames/pattern"))


def generated_queries(count: int) -> list[dict[str, Any]]:
    # An explicit config stops schemathesis from picking up a schemathesis.toml from parent directories.
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=SchemathesisConfig())
    operation = schema["/contacts"]["GET"]
    queries: list[dict[str, Any]] = []

    @seed(20241024)
    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(operation.as_strategy(generation_mode=schemathesis.GenerationMode.POSITIVE))
    def draw(case: Any) -> None:
        queries.append(dict(case.query or {}))

    draw()
    return queries


def test_where_and_order_keys_follow_the_grammar() -> None:
    queries = generated_queries(150)
    shapes: Counter[str] = Counter()
    for query in queries:
        for key, value in query.items():
            if key.startswith("where"):
                assert WHERE_KEY.match(key), key
                assert isinstance(value, str), (key, value)
                shapes[re.sub(r"\[\d+\]", "[N]", key)] += 1
                if key.endswith("[expr]"):
                    assert value in OPERATORS, (key, value)
            elif key.startswith("order["):
                assert ORDER_KEY.match(key), key
    # The generator explores the shapes Mautic reads: plain clauses, between pairs, nested composites.
    for shape in (
        "where[N][col]",
        "where[N][expr]",
        "where[N][val]",
        "where[N][val][N]",
        "where[N][val][N][col]",
    ):
        assert shapes[shape] > 0, (shape, shapes)
    assert sum(1 for query in queries if any(key.startswith("where") for key in query)) > 20
