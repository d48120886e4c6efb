"""The client sections of README.md run as written (against the fake instead of mautic.example.com)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import mautic_contacts
import pytest
from mautic_mock import FakeMautic

README = Path(__file__).resolve().parents[3] / "README.md"
ORDER = [
    "Quickstart (sync)",
    "Filters (Where)",
    "Tags",
    "Iteration",
    "Batches",
    "Errors",
    "Retries and timeouts",
    "Async",
    "Authentication",
    "Raw access",
    "Testing with the fake",
]


def python_blocks() -> dict[str, str]:
    sections = re.split(r"^## ", README.read_text(encoding="utf-8"), flags=re.M)
    blocks = {}
    for section in sections[1:]:
        title, _, body = section.partition("\n")
        code = re.findall(r"```python\n(.*?)```", body, flags=re.S)
        if code:
            blocks[title.strip()] = "\n".join(code)
    return blocks


def test_every_client_section_with_python_is_checked() -> None:
    assert set(ORDER) <= set(python_blocks())


def test_readme_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeMautic()

    def backed(cls: Any) -> Any:
        class FakeBacked(cls):  # type: ignore[misc]
            def __init__(self, url: str | None = None, **options: Any) -> None:
                for key in (
                    "username",
                    "password",
                    "client_id",
                    "client_secret",
                    "access_token",
                    "refresh_token",
                ):
                    options.pop(key, None)
                super().__init__("http://mautic.test", username="admin", password="mautic",
                                 transport=fake.transport(), **options)  # fmt: skip

        return FakeBacked

    monkeypatch.setattr(mautic_contacts, "Mautic", backed(mautic_contacts.Mautic))
    monkeypatch.setattr(mautic_contacts, "AsyncMautic", backed(mautic_contacts.AsyncMautic))
    blocks = python_blocks()
    namespace: dict[str, Any] = {
        "url": "https://mautic.example.com",
        "rows": [{"email": f"row{i}@example.com"} for i in range(3)],
        "save_token": lambda token: None,
    }
    try:
        for title in ORDER[:-1]:
            if title != "Quickstart (sync)":
                namespace.setdefault("m", mautic_contacts.Mautic())
                if getattr(namespace["m"], "_http").is_closed:  # noqa: B009 - the Quickstart closed it
                    namespace["m"] = mautic_contacts.Mautic()
            exec(compile(blocks[title], f"README.md ## {title}", "exec"), namespace)  # noqa: S102
        assert namespace["again"].id == namespace["ann"].id
        assert namespace["result"].ok
        assert len(namespace["result"]) == 450
        monkeypatch.undo()  # this block brings its own fake and transport
        testing = compile(blocks["Testing with the fake"], "README.md ## Testing with the fake", "exec")
        exec(testing, namespace)  # noqa: S102
        with FakeMautic() as fresh:
            namespace["test_signup_tags_the_contact"](fresh)
    finally:
        fake.close()
