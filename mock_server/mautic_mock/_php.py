"""Small re-implementations of the PHP behaviours Mautic's API relies on.

Mautic reads requests through PHP (``parse_str``, ``empty()``, ``(int)`` casts, ``str_getcsv``,
``filter_var``) and the fake must interpret odd input the same way, so these helpers mirror PHP.
"""

from __future__ import annotations

import csv
import html
import math
import re
from typing import Any
from urllib.parse import unquote_plus

__all__ = [
    "camel_to_snake",
    "html_sanitize_special_chars",
    "is_numeric",
    "items",
    "parse_query",
    "php_empty",
    "php_intval",
    "php_serialize",
    "set_bracketed",
    "str_getcsv",
    "strip_tags",
]

_BRACKET = re.compile(r"\[([^\]]*)\]")
_NUMERIC = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")
_LEADING_INT = re.compile(r"^\s*([+-]?\d+)")
_TAG = re.compile(r"<[^>]*>")


def items(value: Any) -> list[tuple[str, Any]]:
    """(key, value) pairs of a PHP array decoded from JSON (list or dict) or from a query string."""
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items()]
    if isinstance(value, list):
        return [(str(i), v) for i, v in enumerate(value)]
    return []


def _next_index(container: dict[str, Any]) -> str:
    ints = [int(k) for k in container if re.fullmatch(r"-?\d+", k)]
    return str(max(ints) + 1 if ints else 0)


def set_bracketed(target: dict[str, Any], name: str, value: Any) -> None:
    """Assign ``value`` to ``target`` at a PHP bracketed name such as ``where[0][col]`` or ``ids[]``."""
    first = name.find("[")
    if first <= 0:
        base = name if first < 0 else ""
        rest = "" if first < 0 else name[first:]
    else:
        base, rest = name[:first], name[first:]
    if not base:
        return
    # PHP turns spaces and dots in the top-level name into underscores.
    base = base.replace(" ", "_").replace(".", "_")
    keys: list[str | None] = []
    pos = 0
    while pos < len(rest):
        match = _BRACKET.match(rest, pos)
        if match is None:
            break
        inner = match.group(1)
        keys.append(inner if inner != "" else None)
        pos = match.end()
    if not keys:
        target[base] = value
        return
    node = target.get(base)
    if not isinstance(node, dict):
        node = {}
        target[base] = node
    for index, key in enumerate(keys):
        last = index == len(keys) - 1
        actual = _next_index(node) if key is None else key
        if last:
            node[actual] = value
        else:
            child = node.get(actual)
            if not isinstance(child, dict):
                child = {}
                node[actual] = child
            node = child


def parse_query(raw: str) -> dict[str, Any]:
    """PHP ``parse_str``: nested dicts keyed by strings, insertion-ordered."""
    result: dict[str, Any] = {}
    if not raw:
        return result
    for pair in raw.split("&"):
        if not pair:
            continue
        key, _, val = pair.partition("=")
        set_bracketed(result, unquote_plus(key), unquote_plus(val))
    return result


def php_empty(value: Any) -> bool:
    """PHP ``empty()``: the string "false" is *not* empty."""
    if value is None or value is False:
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return value == 0
    if isinstance(value, str):
        return value in ("", "0")
    if isinstance(value, (list, dict)):
        return len(value) == 0
    return False


def is_numeric(value: Any) -> bool:
    """PHP ``is_numeric``."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and bool(_NUMERIC.match(value))


_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1


def _saturate(number: int) -> int:
    return max(_INT_MIN, min(_INT_MAX, number))


def _float_to_int(number: float) -> int:
    """zend_dval_to_lval: INF/NAN are 0, doubles beyond the integer range wrap around modulo 2**64."""
    if not math.isfinite(number):
        return 0
    whole = int(number)
    if _INT_MIN <= whole <= _INT_MAX:
        return whole
    whole %= 2**64
    return whole - 2**64 if whole > _INT_MAX else whole


def _numeric_string_to_int(text: str) -> int:
    """zend_dval_to_lval_cap for numeric strings: the limits saturate, an overflow to INF is 0."""
    stripped = text.strip()
    if re.fullmatch(r"[+-]?\d+", stripped):
        whole = int(stripped)
        if _INT_MIN <= whole <= _INT_MAX:
            return whole
    number = float(stripped)
    return 0 if not math.isfinite(number) else _saturate(int(number))


def php_intval(value: Any) -> int:
    """PHP 8 ``(int)`` cast on a 64-bit build.

    Floats beyond the integer range wrap around (``(int) 1e19`` is -8446744073709551616, ``(int) 1e300``
    is 0), numeric strings saturate at the limits (``(int) "9.3e18"`` is PHP_INT_MAX), and INF (``1e400``
    either way) is 0. Integers beyond 64 bits can only come from JSON, which PHP decodes as floats.
    """
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        if _INT_MIN <= value <= _INT_MAX:
            return value
        try:
            return _float_to_int(float(value))
        except OverflowError:
            return 0  # json_decode reads it as INF
    if isinstance(value, float):
        return _float_to_int(value)
    if isinstance(value, str):
        if _NUMERIC.match(value):
            return _numeric_string_to_int(value)
        match = _LEADING_INT.match(value)
        return _saturate(int(match.group(1))) if match else 0
    return 1 if value else 0


def str_getcsv(value: str) -> list[str | None]:
    """PHP ``str_getcsv`` with delimiter ``,`` and enclosure ``"`` (``""`` yields ``[None]``)."""
    if value == "":
        return [None]
    try:
        rows = list(csv.reader([value], delimiter=",", quotechar='"', strict=False))
    except csv.Error:
        return list(value.split(","))
    if not rows:
        return [None]
    return list(rows[0])


def html_sanitize_special_chars(value: str) -> str:
    """``filter_var($v, FILTER_SANITIZE_SPECIAL_CHARS)``: ``'"<>&`` and control characters as ``&#NN;``."""
    out: list[str] = []
    for char in value:
        code = ord(char)
        if char in "'\"<>&" or code < 32:
            out.append(f"&#{code};")
        else:
            out.append(char)
    return "".join(out)


def strip_tags(value: str) -> str:
    """Tag stripping plus entity decoding, as Mautic's input filter does for plain fields."""
    return html.unescape(_TAG.sub("", value))


def camel_to_snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def php_serialize(value: Any) -> str:
    """PHP ``serialize()`` of JSON-like data (how Mautic stores field ``properties``)."""
    if value is None:
        return "N;"
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    if isinstance(value, float):
        return f"d:{value!r};"
    if isinstance(value, str):
        return f's:{len(value.encode("utf-8"))}:"{value}";'
    pairs = items(value)
    body = []
    for key, item in pairs:
        key_part = f"i:{key};" if re.fullmatch(r"-?\d+", key) else php_serialize(key)
        body.append(key_part + php_serialize(item))
    return f"a:{len(pairs)}:{{{''.join(body)}}}"
