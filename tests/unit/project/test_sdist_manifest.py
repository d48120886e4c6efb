"""pyproject's sdist include list: anchored at the root, and covering every top-level source entry.

The sdist is the complete source (every Makefile target works from it); an unanchored pattern such as
"generated_client/" would also pull in tests/unit/generated_client/.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# Never shipped: local environments and VCS data; always shipped by hatchling: pyproject.toml, .gitignore;
# PKG-INFO exists at the top of an unpacked sdist.
NOT_SOURCE = {".git", ".venv", "node_modules", "PKG-INFO", "pyproject.toml", ".gitignore"}


def _includes() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    includes: list[str] = config["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    return includes


def _ignored(name: str) -> bool:
    """Whether a top-level name matches a .gitignore line (caches, reports/, dist/, ...)."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    patterns = [line.strip().rstrip("/") for line in lines if line.strip() and not line.startswith("#")]
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns if "/" not in pattern)


def test_every_sdist_include_is_anchored_at_the_root() -> None:
    unanchored = [pattern for pattern in _includes() if not pattern.startswith("/")]
    assert unanchored == []


def test_the_sdist_includes_every_top_level_source_entry() -> None:
    included = {pattern.strip("/") for pattern in _includes()}
    entries = {path.name for path in ROOT.iterdir()} - NOT_SOURCE
    missing = sorted(name for name in entries if not _ignored(name) and name not in included)
    assert missing == []
    for name in ("tests", "examples", "generator", "Makefile", "package-lock.json", ".spectral.yaml"):
        assert name in included, name
