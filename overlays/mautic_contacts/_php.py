"""PHP string functions whose exact behaviour decides what Mautic stores or compares.

Mautic cleans tag names and `where` values with PHP built-ins; to predict what the server will see we
reproduce the few we depend on (`trim`, `html_entity_decode` with PHP 8.1+ defaults) byte for byte.
"""

from __future__ import annotations

import re
from html.entities import name2codepoint

__all__ = ["PHP_TRIM_CHARS", "php_html_entity_decode", "php_trim"]

# PHP's trim() strips exactly these characters (not every Unicode space, unlike str.strip()).
PHP_TRIM_CHARS = " \t\n\r\0\x0b"

# html_entity_decode() needs the terminating semicolon; names are the HTML 4.01 set (ENT_HTML401, the
# default doctype), which is exactly what `html.entities.name2codepoint` holds.
_ENTITY = re.compile(r"&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*));")


def php_trim(value: str) -> str:
    """`trim($value)`."""
    return value.strip(PHP_TRIM_CHARS)


def _allowed_html401(cp: int) -> bool:
    # ext/standard/html.c unicode_cp_is_allowed() for ENT_HTML_DOC_HTML401: numeric entities of other
    # code points (C0 controls, DEL..U+009F, surrogates) are left undecoded.
    return 0x20 <= cp <= 0x7E or cp in (0x09, 0x0A, 0x0D) or 0xA0 <= cp <= 0xD7FF or 0xE000 <= cp <= 0x10FFFF


def _decode_one(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        cp = name2codepoint.get(name)
        return match.group(0) if cp is None else chr(cp)
    digits = decimal if decimal is not None else hexadecimal
    try:
        cp = int(digits, 10 if decimal is not None else 16)
    except ValueError:  # pragma: no cover - the regex only lets digits through
        return match.group(0)
    if cp > 0x10FFFF or not _allowed_html401(cp):
        return match.group(0)
    return chr(cp)


def php_html_entity_decode(value: str) -> str:
    """`html_entity_decode($value)` with PHP 8.1+ defaults (ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML401)."""
    if "&" not in value:
        return value
    return _ENTITY.sub(_decode_one, value)
