"""An independent reading of `where[...]` query keys, the way PHP and Mautic 5.x read them.

`parse_php_query` rebuilds nested arrays from bracket keys (PHP's parse_str); `interpret` then applies
`CommonRepository::buildWhereClauseFromArray`'s rules and returns plain tuples to compare against.
"""

from __future__ import annotations

import re
from typing import Any

from mautic_contacts._php import php_html_entity_decode

from .php_csv import str_getcsv

_KEY = re.compile(r"^(\w+)((?:\[[^\[\]]*\])*)$")
_PART = re.compile(r"\[([^\[\]]*)\]")


def parse_php_query(flat: dict[str, str]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for key, value in flat.items():
        match = _KEY.match(key)
        assert match, key
        parts = [match.group(1), *_PART.findall(match.group(2))]
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            assert isinstance(node, dict), f"{key} overwrites a scalar"
        assert parts[-1] not in node, f"duplicate key {key}"
        node[parts[-1]] = value
    return root


def sanitize_special_chars(text: str) -> str:
    """PHP FILTER_SANITIZE_SPECIAL_CHARS, applied by Mautic 5.x to every where value."""
    return "".join(f"&#{ord(ch)};" if ch in "'\"<>&" or ord(ch) < 32 else ch for ch in text)


def _ordered(node: dict[str, Any]) -> list[Any]:
    keys = sorted(node, key=int)
    assert keys == [str(i) for i in range(len(keys))], f"indexes not 0..n-1: {keys}"
    return [node[k] for k in keys]


def interpret(clauses: dict[str, Any], *, mautic5: bool = False) -> list[tuple[Any, ...]]:
    """Clauses as tuples: ("orX", [...]), ("in", col, [values]), ("between", col, (a, b)), ("eq", col, v)."""
    result: list[tuple[Any, ...]] = []
    for clause in _ordered(clauses):
        expr = clause["expr"]
        if expr in ("andX", "orX"):
            assert set(clause) == {"expr", "val"}, clause
            result.append((expr, interpret(clause["val"], mautic5=mautic5)))
            continue
        col = clause["col"]
        assert re.fullmatch(r"[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?", col), col
        val = clause.get("val")
        if isinstance(val, str) and mautic5:
            val = sanitize_special_chars(val)
        if expr in ("in", "notIn"):
            assert isinstance(val, str)
            result.append((expr, col, str_getcsv(php_html_entity_decode(val))))
        elif expr in ("between", "notBetween"):
            assert isinstance(val, dict)
            assert set(val) == {"0", "1"}, val
            result.append((expr, col, (val["0"], val["1"])))
        elif expr in ("isNull", "isNotNull", "isEmpty", "isNotEmpty"):
            assert val is None
            result.append((expr, col))
        else:
            assert expr in ("eq", "neq", "lt", "lte", "gt", "gte", "like", "notLike"), expr
            assert isinstance(val, str)
            result.append((expr, col, val))
    return result


def effective(clauses: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """What the SQL compares: a one-item in/notIn list is run as `=` / `<>` on that item."""
    result: list[tuple[Any, ...]] = []
    for clause in clauses:
        if clause[0] in ("andX", "orX"):
            result.append((clause[0], effective(clause[1])))
        elif clause[0] in ("in", "notIn") and len(clause[2]) == 1:
            result.append(("eq" if clause[0] == "in" else "neq", clause[1], clause[2][0]))
        else:
            result.append(clause)
    return result
