"""The Makefile's own targets: `make help` shows real values, `clean` / `distclean` remove what they say."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _make(cwd: Path, *args: str) -> str:
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    env.pop("HOST", None)
    env.pop("PORT", None)
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def _line(output: str, target: str) -> str:
    return next(line for line in output.splitlines() if line.split()[0].endswith(target))


def test_help_shows_the_serve_address_not_make_syntax() -> None:
    output = _make(ROOT, "help")
    assert "$(" not in output
    assert "127.0.0.1:8000" in _line(output, "serve")
    assert "0.0.0.0:9001" in _line(_make(ROOT, "help", "HOST=0.0.0.0", "PORT=9001"), "serve")


ARTEFACTS = [
    ".mypy_cache/3.11/x.json",
    ".ruff_cache/0.17.6/x",
    ".pytest_cache/v/x",
    ".hypothesis/examples/x",
    ".schemathesis/x",
    "reports/contract.xml",
    "dist/x.whl",
    "build/lib/x.py",
    "mautic_contacts.egg-info/PKG-INFO",
    "generated_client/.mypy_cache/x.json",
    "generated_client/pkg/__pycache__/x.cpython-311.pyc",
    "tests/contract/.mypy_cache/x.json",
    "tests/spec/.hypothesis/x",
    "tests/spec/typescript/mautic.d.ts",
    "overlays/pkg/stray.pyc",
]
SOURCE = [
    "generated_client/pkg/__init__.py",
    "tests/spec/typescript/tsconfig.json",
    "tests/contract/run_live.py",
    "overlays/pkg/__init__.py",
    "README.md",
]
ENVIRONMENTS = [".venv/lib/__pycache__/x.pyc", ".venv/bin/python", "node_modules/x/.cache/y", ".git/HEAD"]


def _project(tmp_path: Path) -> Path:
    shutil.copyfile(ROOT / "Makefile", tmp_path / "Makefile")
    for relative in ARTEFACTS + SOURCE + ENVIRONMENTS:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    return tmp_path


def _remaining(root: Path, paths: list[str]) -> list[str]:
    return [relative for relative in paths if (root / relative).exists()]


def test_clean_removes_build_and_test_artefacts_everywhere_but_keeps_the_environments(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _make(project, "clean")
    assert _remaining(project, ARTEFACTS) == []
    assert _remaining(project, SOURCE + ENVIRONMENTS) == SOURCE + ENVIRONMENTS
    for cache in (
        ".mypy_cache",
        "reports",
        "dist",
        "generated_client/pkg/__pycache__",
        "tests/spec/.hypothesis",
    ):
        assert not (project / cache).exists(), cache


def test_distclean_also_removes_the_venv_and_node_tools(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _make(project, "distclean")
    assert _remaining(project, ARTEFACTS) == []
    assert not (project / ".venv").exists()
    assert not (project / "node_modules").exists()
    assert _remaining(project, [*SOURCE, ".git/HEAD"]) == [*SOURCE, ".git/HEAD"]
