"""Tag changes in Mautic's `["add-me", "-remove-me"]` form.

Mautic never replaces a contact's tags: `tags` in a write body adds each name and removes each
`-name` (`LeadModel::modifyTags`). What the server does with a name, in order:

1. `trim()`, then `html_entity_decode()`, then escapes it again for storage (5.x: `'"<>&` become
   `&#39;` ...; later versions strip tags and escape quotes) - so the names a contact reports can be
   entity-escaped (`Won&#39;t buy`) while you think of them as `Won't buy`;
2. a leading `-` means "remove"; so a tag whose name starts with `-` cannot be added;
3. existing tags are matched by PHP array key, i.e. **exactly** (case-sensitive): removing `-VIP` does not
   remove `vip`, and adding `VIP` to a contact tagged `vip` adds a second tag.

So names are compared here by their decoded, trimmed text (`tag_key`), case-sensitively, and a removal
is sent with the name exactly as the server reported it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._php import php_html_entity_decode, php_trim

__all__ = ["check_tag_name", "tag_changes", "tag_diff", "tag_key"]


def tag_key(name: str) -> str:
    """The text Mautic compares for a tag name (trimmed, HTML entities decoded)."""
    return php_html_entity_decode(php_trim(name))


def check_tag_name(name: object, *, adding: bool = True) -> str:
    """Return the trimmed name, or raise if Mautic would drop, mangle or misread it."""
    if not isinstance(name, str):
        raise TypeError(f"tag names are str, not {type(name).__name__}")
    trimmed = php_trim(name)
    # Mautic decodes entities after trimming: check what it will actually read.
    key = php_html_entity_decode(trimmed)
    if not php_trim(key):
        raise ValueError("empty tag name (Mautic ignores blank tags)")
    if adding and key.startswith("-"):
        raise ValueError(f"cannot add tag {trimmed!r}: Mautic reads a leading '-' as 'remove this tag'")
    for ch in key:
        if ord(ch) < 0x20 or ch in "<>":
            raise ValueError(
                f"tag name {trimmed!r} contains {ch!r}, which Mautic escapes or strips differently "
                "across versions; the stored name would not match"
            )
    return trimmed


def _unique_names(names: Iterable[str], *, adding: bool, what: str) -> dict[str, str]:
    if isinstance(names, (str, bytes)):
        raise TypeError(f"{what} takes a list of tag names, not a single string")
    result: dict[str, str] = {}
    for name in names:
        checked = check_tag_name(name, adding=adding)
        result.setdefault(tag_key(checked), checked)
    return result


def tag_changes(add: Iterable[str] = (), remove: Iterable[str] = ()) -> list[str]:
    """Validated `tags` payload: names to add, then `-name` for names to remove (duplicates dropped)."""
    to_add = _unique_names(add, adding=True, what="add")
    to_remove = _unique_names(remove, adding=False, what="remove")
    both = [to_add[key] for key in to_add if key in to_remove]
    if both:
        raise ValueError(f"tags both added and removed: {both!r}")
    return list(to_add.values()) + [f"-{name}" for name in to_remove.values()]


def tag_diff(current: Iterable[str], wanted: Iterable[str]) -> list[str]:
    """The `tags` payload that turns a contact's `current` tags into exactly `wanted`.

    Names are compared exactly, as Mautic matches them (after its trimming and entity decoding):
    `VIP` and `vip` are two different tags, so `tag_diff(["VIP"], ["vip"])` is `["vip", "-VIP"]`.
    Additions come first in `wanted` order, then removals in `current` order; an empty list means
    nothing to change. `current` is what the server reported (`contact.tags`).
    """
    if isinstance(current, (str, bytes)) or isinstance(wanted, (str, bytes)):
        raise TypeError("tag_diff takes lists of tag names, not strings")
    have: dict[str, str] = {}
    for name in current:
        if not isinstance(name, str):
            raise TypeError(f"tag names are str, not {type(name).__name__}")
        if php_trim(name):
            have.setdefault(tag_key(name), php_trim(name))
    want = _unique_names(wanted, adding=False, what="wanted")
    additions = []
    for key, name in want.items():
        if key not in have:
            additions.append(check_tag_name(name, adding=True))
    removals = [f"-{name}" for key, name in have.items() if key not in want]
    return additions + removals
