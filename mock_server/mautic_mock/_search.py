"""Mautic's contact search language (the ``search`` parameter) → SQL.

Terms are ANDed unless ``OR`` joins them; ``"quoted phrases"``, ``( )`` groups, ``!`` negation,
``+`` strict (no wildcard) and ``%`` user wildcards follow ``SearchStringHelper``; commands follow
``LeadRepository::addSearchCommandWhereClause`` and the lead search subscriber.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._fields import FieldRegistry

__all__ = ["build_search"]

CATCH_ALL = (
    "firstname",
    "lastname",
    "email",
    "company",
    "city",
    "state",
    "zipcode",
    "country",
    "facebook",
    "foursquare",
    "instagram",
    "linkedin",
    "skype",
    "twitter",
)
NO_DATA_COMMANDS = {
    "email_sent",
    "email_read",
    "email_queued",
    "email_pending",
    "sms_sent",
    "web_sent",
    "mobile_sent",
    "page_source",
    "page_source_id",
    "page_id",
    "import_id",
    "import_action",
}


@dataclass
class _Term:
    text: str = ""
    command: str | None = None
    negate: bool = False
    strict: bool = False
    group: list[tuple[str, Any]] | None = None


@dataclass
class _Parser:
    text: str
    pos: int = 0
    tokens: list[tuple[str, Any]] = field(default_factory=list)

    def parse(self, depth: int = 0) -> list[tuple[str, Any]]:
        """A list of (glue, term) pairs; glue is 'and' or 'or'."""
        out: list[tuple[str, Any]] = []
        glue = "and"
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char.isspace():
                self.pos += 1
                continue
            if char == ")":
                self.pos += 1
                if depth:
                    return out
                continue
            negate = strict = False
            while self.pos < len(self.text) and self.text[self.pos] in "!+":
                negate |= self.text[self.pos] == "!"
                strict |= self.text[self.pos] == "+"
                self.pos += 1
            if self.pos < len(self.text) and self.text[self.pos] == "(":
                self.pos += 1
                out.append((glue, _Term(negate=negate, group=self.parse(depth + 1))))
                glue = "and"
                continue
            word = self._word()
            if not word:
                continue
            if word.upper() in ("OR", "AND") and not negate and not strict:
                glue = word.lower()
                continue
            command, sep, value = word.partition(":")
            term = _Term(text=word, negate=negate, strict=strict)
            if sep and command and value != "":
                term.command = command.lower()
                term.text = value
                if value.startswith("+"):
                    term.strict = True
                    term.text = value[1:]
            out.append((glue, term))
            glue = "and"
        return out

    def _word(self) -> str:
        chars: list[str] = []
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char.isspace() or char in "()":
                break
            if char == '"':
                end = self.text.find('"', self.pos + 1)
                end = len(self.text) if end < 0 else end
                chars.append(self.text[self.pos + 1 : end])
                self.pos = end + 1
                continue
            chars.append(char)
            self.pos += 1
        return "".join(chars)


def build_search(search: str, fields: FieldRegistry, user_id: int) -> tuple[str, list[Any]] | None:
    if not search or not search.strip():
        return None
    terms = _Parser(search).parse()
    return _fold(terms, fields, user_id)


def _fold(terms: list[tuple[str, Any]], fields: FieldRegistry, user_id: int) -> tuple[str, list[Any]] | None:
    sql: str | None = None
    params: list[Any] = []
    for glue, term in terms:
        built = _term(term, fields, user_id)
        if built is None:
            continue
        if sql is None:
            sql, params = built[0], list(built[1])
        else:
            sql = f"({sql} {glue.upper()} {built[0]})"
            params.extend(built[1])
    return None if sql is None else (sql, params)


def _like(value: str, strict: bool, prefix_only: bool) -> str:
    if strict:
        return value
    if prefix_only:
        # LeadRepository appends % to a command's value whatever it holds.
        return f"{value}%"
    # The catch-all adds wildcards only to a term holding none of its own.
    return value if "%" in value else f"%{value}%"


def _exists(table_sql: str) -> str:
    return f"EXISTS (SELECT 1 FROM {table_sql})"


def _term(term: _Term, fields: FieldRegistry, user_id: int) -> tuple[str, list[Any]] | None:
    if term.group is not None:
        built = _fold(term.group, fields, user_id)
        if built is None:
            return None
        return (f"NOT COALESCE({built[0]}, 0)", built[1]) if term.negate else built
    if term.command:
        built = _command(term, fields, user_id)
        if built is not None:
            return built
        # An unknown command is the literal word "command:value", strict, and never negated.
        return _catch_all(f"{term.command}:{term.text}", strict=True, negate=False)
    return _catch_all(term.text, strict=term.strict, negate=term.negate)


def _catch_all(text: str, *, strict: bool, negate: bool) -> tuple[str, list[Any]]:
    pattern = _like(text, strict, prefix_only=False)
    sql = "(" + " OR ".join(f'l."{c}" LIKE ?' for c in CATCH_ALL) + ")"
    if negate:
        sql = f"NOT COALESCE({sql}, 0)"
    return sql, [pattern] * len(CATCH_ALL)


def _command(term: _Term, fields: FieldRegistry, user_id: int) -> tuple[str, list[Any]] | None:
    """A command's SQL with LeadRepository's negation: each comparison flips to its negated operator
    (``<>``, ``NOT LIKE``, ``IS NOT NULL``), so rows holding NULL there match neither way; joined tables
    match when some joined row satisfies the flipped comparison."""
    cmd, value, negate = term.command, term.text, term.negate
    like = _like(value, term.strict, prefix_only=True)
    like_op = "NOT LIKE" if negate else "LIKE"
    eq_op = "<>" if negate else "="
    null_op = "IS NOT NULL" if negate else "IS NULL"
    if cmd == "is":
        known = {
            "anonymous": (f"l.date_identified {null_op}", []),
            "mine": (f"l.owner_id {eq_op} ?", [user_id]),
            "unowned": (f"(l.owner_id {eq_op} 0 OR l.owner_id {null_op})", []),
        }
        return known.get(value.lower())
    if cmd == "ids":
        # CommonRepository's ids expression ignores the negation.
        ids = [int(part) for part in value.split(",") if part.strip().isdigit() and int(part) < 2**63]
        if not ids:
            return ("0", [])
        return f"l.id IN ({','.join('?' for _ in ids)})", list(ids)
    if cmd in ("segment", "common"):
        aliases = [value] if cmd == "segment" else [a for a in value.split("+") if a]
        member = _exists(
            "lead_lists_leads m JOIN lead_lists s ON s.id = m.leadlist_id"
            " WHERE m.lead_id = l.id AND m.manually_removed = 0 AND s.alias = ?"
        )
        sql = "(" + " AND ".join(member for _ in aliases) + ")"
        return (f"NOT {sql}" if negate else sql), list(aliases)
    if cmd == "name":
        return f'(l."firstname" {like_op} ? OR l."lastname" {like_op} ?)', [like, like]
    if cmd == "email":
        return f'l."email" {like_op} ?', [like]
    if cmd == "company":
        sql = (
            "companies_leads cl JOIN companies c ON c.id = cl.company_id"
            f" WHERE cl.lead_id = l.id AND c.companyname {like_op} ?"
        )
        return _exists(sql), [like]
    if cmd == "company_id":
        return _exists(f"companies_leads cl WHERE cl.lead_id = l.id AND cl.company_id {eq_op} ?"), [value]
    if cmd == "owner":
        sql = f"users u WHERE u.id = l.owner_id AND (u.first_name {like_op} ? OR u.last_name {like_op} ?)"
        return _exists(sql), [like, like]
    if cmd == "ip":
        sql = (
            "lead_ips_xref x JOIN ip_addresses i ON i.id = x.ip_id"
            f" WHERE x.lead_id = l.id AND i.ip_address {like_op} ?"
        )
        return _exists(sql), [like]
    if cmd == "tag":
        sql = (
            "lead_tags_xref x JOIN lead_tags t ON t.id = x.tag_id"
            f" WHERE x.lead_id = l.id AND t.tag {like_op} ?"
        )
        return _exists(sql), [like]
    if cmd == "stage":
        return _exists(f"stages s WHERE s.id = l.stage_id AND s.name {like_op} ?"), [like]
    if cmd in NO_DATA_COMMANDS:
        # The fake sends no emails and records no page hits or imports: nothing matches.
        return ("1" if negate else "0", [])
    if cmd in fields.lead_by_alias:
        return f'l."{cmd}" {like_op} ?', [like]
    return None
