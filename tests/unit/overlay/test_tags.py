from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mautic_contacts import tag_changes, tag_diff
from mautic_contacts._tags import check_tag_name, tag_key

from .where_oracle import sanitize_special_chars

names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="<>", min_codepoint=0x20), min_size=1, max_size=8
).filter(lambda s: bool(s.strip(" \t\n\r\0\x0b")) and not s.strip(" \t\n\r\0\x0b").startswith("-"))


def apply_like_mautic(stored: list[str], payload: list[str]) -> list[str]:
    """What LeadModel::modifyTags (5.x) leaves on a contact: names are trimmed, entity-decoded, then stored
    HTML-escaped; existing tags are found by exact (case-sensitive) key."""
    tags = list(stored)
    for raw in payload:
        name = sanitize_special_chars(tag_key(raw))
        if name.startswith("-"):
            if name[1:] in tags:
                tags.remove(name[1:])
        elif name and name not in tags:
            tags.append(name)
    return tags


@given(st.lists(names, max_size=6), st.lists(names, max_size=6))
def test_applying_the_diff_gives_exactly_the_wanted_tags(current: list[str], wanted: list[str]) -> None:
    stored = apply_like_mautic([], current)  # what the server reports for the contact
    result = apply_like_mautic(stored, tag_diff(stored, wanted))
    assert sorted(result) == sorted(set(apply_like_mautic([], wanted)))
    # Once there, the diff is empty: nothing is re-sent, nothing removed by mistake.
    assert tag_diff(result, wanted) == []


def test_example_order_is_additions_then_removals() -> None:
    assert tag_diff(["a", "b", "c"], ["c", "d", "a", "e"]) == ["d", "e", "-b"]


def test_comparison_is_case_sensitive_like_mautic() -> None:
    assert tag_diff(["vip"], ["VIP"]) == ["VIP", "-vip"]


def test_escaped_names_reported_by_the_server_match_their_plain_text() -> None:
    # Mautic stores "Won't buy" as "Won&#39;t buy": not a change, and never removed by accident.
    assert tag_diff(["Won&#39;t buy"], ["Won't buy"]) == []
    assert tag_diff(["Won&#39;t buy"], []) == ["-Won&#39;t buy"]


def test_whitespace_is_trimmed_like_php_trim() -> None:
    assert tag_diff(["  a "], ["a"]) == []
    assert tag_diff([], ["  b\t"]) == ["b"]
    # Non-breaking space is not trimmed by PHP.
    assert tag_diff(["a"], ["a\u00a0"]) == ["a\u00a0", "-a"]


def test_existing_minus_tag_is_kept_or_removed_but_not_added() -> None:
    assert tag_diff(["-odd"], ["-odd"]) == []
    assert tag_diff(["-odd"], []) == ["--odd"]
    with pytest.raises(ValueError, match="leading '-'"):
        tag_diff([], ["-odd"])


def test_tag_changes_validates_and_orders() -> None:
    assert tag_changes(add=["a", " b ", "a"], remove=["c"]) == ["a", "b", "-c"]
    assert tag_changes(remove=["-weird"]) == ["--weird"]
    assert tag_changes() == []


@pytest.mark.parametrize(
    ("add", "remove", "message"),
    [
        (["-a"], [], "leading '-'"),
        ([""], [], "empty tag name"),
        (["   "], [], "empty tag name"),
        ([], ["\t"], "empty tag name"),
        (["a"], ["a "], "both added and removed"),
        (["<b>bold</b>"], [], "escapes or strips"),
        (["line\x01"], [], "escapes or strips"),
    ],
)
def test_tag_changes_refuses_what_mautic_would_misread(
    add: list[str], remove: list[str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        tag_changes(add=add, remove=remove)


def test_single_strings_and_non_strings_are_refused() -> None:
    with pytest.raises(TypeError, match="list of tag names"):
        tag_changes(add="vip")
    with pytest.raises(TypeError, match="lists of tag names"):
        tag_diff("a,b", ["a"])
    with pytest.raises(TypeError, match="str"):
        tag_changes(add=[1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="str"):
        check_tag_name(None)


def test_entities_are_checked_after_decoding_like_mautic_does() -> None:
    with pytest.raises(ValueError, match="leading '-'"):
        tag_changes(add=["&#45;sneaky"])
    with pytest.raises(ValueError, match="escapes or strips"):
        tag_changes(add=["&lt;b&gt;"])
    with pytest.raises(ValueError, match="empty"):
        tag_changes(add=["&#32;"])
