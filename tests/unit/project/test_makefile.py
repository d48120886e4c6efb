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
    return _run_make(cwd, *args, env=env, check=True, timeout=60).stdout


def _run_make(
    cwd: Path, *args: str, env: dict[str, str], check: bool, timeout: float
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "-s", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=timeout,
    )


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


def _make_variable(name: str) -> list[str]:
    return _make(ROOT, "--eval", f"_print_variable: ; @echo $({name})", "_print_variable").split()


def test_typecheck_covers_every_test_folder() -> None:
    folders = {
        path.parent.relative_to(ROOT).as_posix()
        for path in (ROOT / "tests").rglob("*.py")
        if not any(part.startswith(".") or part == "__pycache__" for part in path.relative_to(ROOT).parts)
    }
    listed = set(_make_variable("TYPECHECK_TESTS"))
    assert listed <= folders, "TYPECHECK_TESTS names a folder without Python files"
    assert folders == listed, "every test folder is type-checked"


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _typecheck(tmp_path: Path, *folders: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MAKE", "MYPY"))}
    env["MYPY_CACHE_DIR"] = str(tmp_path / "mypy-cache")
    tests = " ".join(str(tmp_path / folder) for folder in folders)
    variables = [f"TYPECHECK_CODE={tmp_path / 'code'}", f"TYPECHECK_TESTS={tests}"]
    return _run_make(
        ROOT, "-o", ".venv/.installed", "typecheck", *variables, env=env, check=False, timeout=120
    )


VALUE = "def value() -> int:\n    return 1\n"


def test_typecheck_resolves_each_test_folders_sibling_imports_to_the_real_modules(tmp_path: Path) -> None:
    # Folders without __init__.py import siblings by bare name, as pytest lets them, and each has a
    # conftest.py; a package folder uses relative imports.
    _write(
        tmp_path,
        {
            "code/mod.py": "X: int = 1\n",
            "plain/helper_plain.py": VALUE,
            "plain/conftest.py": "import helper_plain\n\nSEEN = helper_plain.value()\n",
            "plain/test_plain.py": "from helper_plain import value\n\nOK: int = value()\n",
            "wrong/helper_wrong.py": VALUE,
            "wrong/conftest.py": "import helper_wrong\n\nSEEN = helper_wrong.value()\n",
            "wrong/test_wrong.py": "from helper_wrong import value\n\nBAD: str = value()\n",
            "package/__init__.py": "",
            "package/helper_package.py": VALUE,
            "package/test_package.py": "from .helper_package import value\n\nOK: int = value()\n",
        },
    )
    clean = _typecheck(tmp_path, "package", "plain")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    # The helper's real return type is seen: an unresolved import would be an import error instead,
    # and an import resolved to Any would pass.
    wrong = _typecheck(tmp_path, "package", "plain", "wrong")
    assert wrong.returncode != 0
    assert f"{tmp_path}/wrong/test_wrong.py:3: error: Incompatible types in assignment" in wrong.stdout
    assert "import-not-found" not in wrong.stdout
