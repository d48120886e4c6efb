"""generator/generate.py: `--check` and `make generate` cover the whole generated_client/ tree.

Most tests replace the (3-second) OPC run with a small fake tree, so they exercise the comparison and
the sync on their own; one test runs the real generator once to pin the shape of what it makes.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _load_generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "mautic_generate_under_test", ROOT / "generator" / "generate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generate()
PACKAGE: str = gen.PACKAGE

# What the fake generator makes: a package with a subpackage, a marker and a spec copy.
FRESH_FILES = {
    f"{PACKAGE}/__init__.py": "from .client import Client\n",
    f"{PACKAGE}/client.py": "class Client: ...\n",
    f"{PACKAGE}/models/__init__.py": "",
    f"{PACKAGE}/py.typed": "# Marker file for PEP 561",
    f"{PACKAGE}/openapi.yaml": "openapi: 3.1.0\n",
}


def _write_tree(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _tree(root: Path) -> dict[str, str]:
    """Every file under root (caches included) with its text."""
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


@pytest.fixture
def committed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository generated_client/ identical to the fake generation; main() works on it."""

    def fake_generate(workdir: Path) -> Path:
        root = workdir / "generated_client"
        _write_tree(root, FRESH_FILES)
        return root

    target = tmp_path / "repo" / "generated_client"
    _write_tree(target, FRESH_FILES)
    monkeypatch.setattr(gen, "generate", fake_generate)
    monkeypatch.setattr(gen, "GENERATED_ROOT", target)
    return target


def _check(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = gen.main(["--check"])
    captured = capsys.readouterr()
    return code, [line.strip() for line in (captured.out + captured.err).splitlines()]


def test_check_passes_on_an_identical_tree_and_ignores_tool_caches(
    committed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_tree(
        committed,
        {
            ".mypy_cache/3.11/cache.json": "{}",
            f"{PACKAGE}/__pycache__/client.cpython-311.pyc": "x",
            f"{PACKAGE}/models/.pytest_cache/v": "x",
        },
    )
    code, lines = _check(capsys)
    assert code == 0, lines
    assert lines == ["generated_client/ is up to date (5 files)"]


def test_check_reports_stray_files_outside_the_package(
    committed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_tree(committed, {"helpers.py": "def helper(): ...\n", "other/__init__.py": ""})
    code, lines = _check(capsys)
    assert code == 1
    assert "extra (generator does not make it): generated_client/helpers.py" in lines
    assert "extra (generator does not make it): generated_client/other/__init__.py" in lines


def test_check_reports_extra_missing_and_changed_files_inside_the_package(
    committed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_tree(committed, {f"{PACKAGE}/hand_written.py": "x = 1\n", f"{PACKAGE}/client.py": "edited\n"})
    (committed / PACKAGE / "py.typed").unlink()
    code, lines = _check(capsys)
    assert code == 1
    assert lines[1:] == [
        f"missing (generator makes it): generated_client/{PACKAGE}/py.typed",
        f"extra (generator does not make it): generated_client/{PACKAGE}/hand_written.py",
        f"differs: generated_client/{PACKAGE}/client.py",
    ]


def test_check_reports_a_stray_symlink_and_a_file_replaced_by_a_symlink(
    committed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (committed / "linked_package").symlink_to(PACKAGE, target_is_directory=True)
    client = committed / PACKAGE / "client.py"
    shadow = committed.parent / "client.py"
    shadow.write_text(FRESH_FILES[f"{PACKAGE}/client.py"], encoding="utf-8")
    client.unlink()
    client.symlink_to(shadow)  # same bytes, but not the file the generator writes
    code, lines = _check(capsys)
    assert code == 1
    assert "extra (generator does not make it): generated_client/linked_package" in lines
    assert f"differs: generated_client/{PACKAGE}/client.py" in lines


def test_generate_removes_strays_everywhere_and_keeps_caches(
    committed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    caches = {".mypy_cache/3.11/cache.json": "{}", f"{PACKAGE}/__pycache__/client.cpython-311.pyc": "x"}
    _write_tree(
        committed,
        {
            **caches,
            "helpers.py": "",
            "other/__init__.py": "",
            "other/__pycache__/__init__.cpython-311.pyc": "x",
            f"{PACKAGE}/hand_written.py": "",
            f"{PACKAGE}/client.py": "edited\n",
        },
    )
    (committed / "linked_package").symlink_to(PACKAGE, target_is_directory=True)
    (committed / PACKAGE / "py.typed").unlink()

    assert gen.main([]) == 0
    out = capsys.readouterr().out
    assert "generated_client/: 6 file(s) changed" in out
    assert not (committed / "linked_package").is_symlink()
    assert not (committed / "other").exists()  # emptied, its cache alone does not keep it
    assert _tree(committed) == {**FRESH_FILES, **caches}
    assert _check(capsys)[0] == 0


def test_generate_replaces_a_stray_directory_where_the_generator_makes_a_file(
    committed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client = committed / PACKAGE / "client.py"
    client.unlink()
    _write_tree(committed, {f"{PACKAGE}/client.py/stray.py": ""})
    assert gen.main([]) == 0
    capsys.readouterr()
    assert _tree(committed) == FRESH_FILES


def test_generate_creates_a_missing_generated_client(
    committed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(committed)
    assert gen.main([]) == 0
    capsys.readouterr()
    assert _tree(committed) == FRESH_FILES


def test_the_real_generation_makes_exactly_the_package(tmp_path: Path) -> None:
    """One real OPC run (about 3 s): the fresh tree holds the package and nothing next to it, so the
    whole-tree comparison with the repository's generated_client/ is like for like."""
    root = gen.generate(tmp_path)
    assert root.name == "generated_client"
    assert sorted(path.name for path in root.iterdir()) == [PACKAGE]
    package = root / PACKAGE
    for name in ("__init__.py", "client.py", "py.typed", "openapi.yaml", "provenance.json"):
        assert (package / name).is_file(), name
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    assert gen.compare(root, copy) == []
    (copy / "helpers.py").write_text("", encoding="utf-8")
    assert gen.compare(root, copy) == ["extra (generator does not make it): helpers.py"]
