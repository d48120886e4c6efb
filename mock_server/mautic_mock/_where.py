"""The ``where`` parameter of GET /contacts → SQL (``CommonRepository::buildWhereClauseFromArray``, 5.x)."""

from __future__ import annotations

import html
import re
from typing import Any

from ._http import framework_error
from ._php import camel_to_snake, html_sanitize_special_chars, items, php_empty, str_getcsv

__all__ = ["build_where", "resolve_column"]

VALUE_OPS = {
    "eq": "=",
    "neq": "<>",
    "lt": "<",
    "lte": "<=",
    "gt": ">",
    "gte": ">=",
    "like": "LIKE",
    "notLike": "NOT LIKE",
}
_UNSAFE = re.compile(r"[^A-Za-z0-9_.]")

# The Lead entity's ORM field names that CommonRepository::convertOrmProperties turns into columns in
# the top-level ``where`` clauses (an exact, case-sensitive ``in_array`` on getBaseColumns): FormEntity's
# and Lead::loadMetadata's camelCase fields. Every other name reaches SQL as given.
ORM_COLUMNS = {
    name: camel_to_snake(name)
    for name in (
        "isPublished",
        "dateAdded",
        "createdBy",
        "createdByUser",
        "dateModified",
        "modifiedBy",
        "modifiedByUser",
        "checkedOut",
        "checkedOutBy",
        "checkedOutByUser",
        "lastActive",
        "socialCache",
        "dateIdentified",
        "preferredProfileImage",
    )
}


def resolve_column(raw: Any, columns: set[str]) -> str:
    """A client-given column as SQL; unknown columns are the SQL error Mautic answers with a 500.

    MySQL matches column names case-insensitively (``EMAIL``, ``firstName`` are the ``email`` and
    ``firstname`` columns); table aliases are case-sensitive on Linux, so only ``l.`` qualifies one.
    """
    name = _UNSAFE.sub("", str(raw))
    if "." in name:
        alias, _, column = name.rpartition(".")
        if alias != "l":
            raise framework_error(500)
    else:
        column = name
    if column not in columns:
        folded = {c.lower(): c for c in columns}.get(column.lower())
        if folded is None:
            raise framework_error(500)
        column = folded
    return f'l."{column}"'


def _convert_orm_property(clause: dict[str, Any]) -> dict[str, Any]:
    """convertOrmPropertiesToColumns on one top-level clause: ``col`` when set, else ``column``."""
    key = "col" if clause.get("col") is not None else "column"
    raw = clause.get(key)
    if not isinstance(raw, str):
        return clause
    alias, column = raw.split(".")[:2] if "." in raw else ("", raw)
    if column not in ORM_COLUMNS:
        return clause
    column = ORM_COLUMNS[column]
    return {**clause, key: f"{alias}.{column}" if alias not in ("", "0") else column}


def _sanitize(value: Any) -> Any:
    # 5.x passes the whole array through InputHelper::cleanArray (FILTER_SANITIZE_SPECIAL_CHARS).
    if isinstance(value, str):
        return html_sanitize_special_chars(value)
    if isinstance(value, dict):
        return {k: _sanitize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitize(v) for v in value]
    return value


def build_where(where: Any, columns: set[str]) -> tuple[str, list[Any]] | None:
    """SQL for a ``where`` array, or None when it holds no usable clause."""
    if not isinstance(where, (dict, list)):
        return None
    clauses = [c for _, c in items(_sanitize(where)) if not (isinstance(c, dict) and "internal" in c)]
    clauses = [_convert_orm_property(c) if isinstance(c, dict) else c for c in clauses]
    return _combine(clauses, "AND", columns)


def _combine(clauses: list[Any], glue: str, columns: set[str]) -> tuple[str, list[Any]] | None:
    parts: list[str] = []
    params: list[Any] = []
    for clause in clauses:
        built = _clause(clause, columns)
        if built is not None:
            parts.append(built[0])
            params.extend(built[1])
    if not parts:
        return None
    return "(" + f" {glue} ".join(parts) + ")", params


def _scalar(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        # An array bound as a scalar parameter: a PHP/DBAL error, so Mautic answers 500.
        raise framework_error(500)
    return value


def _clause(clause: Any, columns: set[str]) -> tuple[str, list[Any]] | None:
    if not isinstance(clause, dict):
        raise framework_error(500)
    expr = clause.get("expr")
    if expr in ("andX", "orX"):
        # The nested clauses go to buildWhereClauseFromArray(array $clauses): a scalar is a TypeError.
        nested = clause.get("val")
        if not isinstance(nested, (dict, list)):
            raise framework_error(500)
        return _combine([c for _, c in items(nested)], "AND" if expr == "andX" else "OR", columns)
    # validateWhereClause: an empty() expr or column is an InvalidArgumentException; `column` and
    # `value` win over `col` and `val` when set.
    if php_empty(expr) or (php_empty(clause.get("col")) and php_empty(clause.get("column"))):
        raise framework_error(500)
    col_raw = clause["column"] if clause.get("column") is not None else clause.get("col")
    value = clause["value"] if clause.get("value") is not None else clause.get("val", "")
    if not isinstance(expr, str):
        # method_exists($expr, <array>) is a TypeError.
        raise framework_error(500)
    if value is None:
        value = ""

    def column() -> str:
        # Only a clause that reaches SQL can fail on an unknown column: ignored clauses never do.
        # ORM property names were converted for top-level clauses only (build_where).
        return resolve_column(col_raw, columns)

    if expr in VALUE_OPS:
        escape = " ESCAPE '\\'" if "LIKE" in VALUE_OPS[expr] else ""
        return f"{column()} {VALUE_OPS[expr]} ?{escape}", [_scalar(value)]
    if expr in ("in", "notIn"):
        if not isinstance(value, str):
            raise framework_error(500)
        values = str_getcsv(html.unescape(value))
        if len(values) == 1:
            return f"{column()} {'=' if expr == 'in' else '<>'} ?", [values[0]]
        marks = ",".join("?" for _ in values)
        return f"{column()} {'IN' if expr == 'in' else 'NOT IN'} ({marks})", list(values)
    if expr in ("between", "notBetween"):
        pair = [v for _, v in items(value)] if isinstance(value, (dict, list)) else []
        if len(pair) != 2:
            return None
        keyword = "BETWEEN" if expr == "between" else "NOT BETWEEN"
        return f"{column()} {keyword} ? AND ?", [_scalar(pair[0]), _scalar(pair[1])]
    if expr == "isNull":
        return f"{column()} IS NULL", []
    if expr == "isNotNull":
        return f"{column()} IS NOT NULL", []
    if expr == "isEmpty":
        return f"({column()} IS NULL OR {column()} = '')", []
    if expr == "isNotEmpty":
        return f"({column()} IS NOT NULL AND {column()} <> '')", []
    return None
