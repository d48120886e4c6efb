"""A line-by-line port of PHP 8's `str_getcsv()` (ext/standard/file.c `php_fgetcsv`, no stream).

Used by the tests as an independent oracle for the CSV the `in_()`/`not_in()` builder produces; it was
checked against php8.2-cli on random inputs (see test_where_php_parity.py, which reruns the check
when a `php` binary is available).
"""

from __future__ import annotations


def _trailing_line_end(buf: bytes, end: int) -> int:
    # php_fgetcsv_lookup_trailing_spaces(): drop one trailing "\r\n", "\n" or "\r".
    if end >= 2 and buf[end - 2 : end] == b"\r\n":
        return end - 2
    if end >= 1 and buf[end - 1 : end] in (b"\n", b"\r"):
        return end - 1
    return end


def _isspace(byte: int) -> bool:
    return byte in b" \t\n\r\x0b\x0c"


def str_getcsv(
    text: str, delimiter: str = ",", enclosure: str = '"', escape: str | None = "\\"
) -> list[str | None]:
    """Return what `str_getcsv($text, $delimiter, $enclosure, $escape)` returns."""
    # PHP reads the NUL terminator when an enclosure opens on the last byte; keep one as a sentinel.
    buf = text.encode() + b"\0"
    dl, enc = ord(delimiter), ord(enclosure)
    esc = None if escape is None else ord(escape)
    limit = _trailing_line_end(buf, len(buf) - 1)
    line_end = buf[limit:-1]
    bptr = 0
    values: list[str | None] = []
    first_field = True

    def inc(pos: int) -> int:
        # Multi-byte characters never contain ASCII bytes, so byte steps give PHP's results.
        return 1 if pos < limit else 0

    while True:
        out = bytearray()
        inc_len = inc(bptr)
        if inc_len == 1:
            tmp = bptr
            while tmp < limit and buf[tmp] != dl and _isspace(buf[tmp]):
                tmp += 1
            if tmp < limit and buf[tmp] == enc:
                bptr = tmp
        if first_field and bptr == limit:
            return [None]  # php_bc_fgetcsv_empty_line()
        first_field = False

        if inc_len != 0 and buf[bptr] == enc:
            state = 0
            bptr += 1
            hunk = bptr
            # PHP does not recompute inc_len here: the first byte after the quote is always examined.
            while True:
                if inc_len == 0:
                    if state == 2:
                        out += buf[hunk : bptr - 1]
                        hunk = bptr
                        break
                    if state == 1 or hunk != limit:
                        out += buf[hunk:bptr]
                        hunk = bptr
                    out += line_end
                    break
                ch = buf[bptr]
                if state == 1:
                    bptr += 1
                    state = 0
                elif state == 2:
                    if ch != enc:
                        out += buf[hunk : bptr - 1]
                        hunk = bptr
                        break
                    out += buf[hunk:bptr]
                    bptr += 1
                    hunk = bptr
                    state = 0
                else:
                    if ch == enc:
                        state = 2
                    elif esc is not None and ch == esc:
                        state = 1
                    bptr += 1
                inc_len = inc(bptr)
            # Text after the closing enclosure is copied verbatim up to the delimiter.
            while inc_len != 0 and buf[bptr] != dl:
                bptr += 1
                inc_len = inc(bptr)
            out += buf[hunk:bptr]
            bptr += inc_len
            values.append(out.decode())
        else:
            hunk = bptr
            while inc_len != 0 and buf[bptr] != dl:
                bptr += 1
                inc_len = inc(bptr)
            out += buf[hunk:bptr]
            values.append(bytes(out[: _trailing_line_end(bytes(out), len(out))]).decode())
            if inc_len != 0 and buf[bptr] == dl:
                bptr += 1
        if inc_len == 0:
            return values
