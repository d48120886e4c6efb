#!/usr/bin/env python3
"""Regenerate ``generated_client/`` (the ``mautic_contacts_client`` package) from ``openapi.yaml``.

``generated_client/`` is owned wholesale by this script: everything in it is what a generation makes
(the package, its spec copy and provenance stamp) and nothing else.

``generate.py``          generate into a temporary directory, then sync the whole generated_client/
                         tree with it: changed files rewritten, missing ones added, and every other
                         file under generated_client/ (stale or stray, inside the package or not)
                         removed.
``generate.py --check``  generate into a temporary directory and fail, listing every file under
                         generated_client/ that differs, is missing or is extra (anything generation
                         does not make).

Tool caches (``__pycache__``, ``.mypy_cache``, ...) and ``*.pyc`` files are neither compared nor removed.

The output depends only on openapi.yaml, generator/config.yaml, generator/templates/ and the pinned
versions below; it never depends on the host's ruff configuration, PATH or clock.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_DIR = ROOT / "generator"
SPEC = ROOT / "openapi.yaml"
CONFIG = GENERATOR_DIR / "config.yaml"
TEMPLATES = GENERATOR_DIR / "templates"
PACKAGE = "mautic_contacts_client"
# The folder `make generate` owns; compared and synced as a whole, not only the package inside it.
GENERATED_DIR = "generated_client"
GENERATED_ROOT = ROOT / GENERATED_DIR

# Pinned here and in pyproject.toml's dev extra; a different installed version would change the output.
PINNED = {"openapi-python-client": "0.29.1", "ruff": "0.17.6"}

SPEC_COPY = "openapi.yaml"
PROVENANCE = "provenance.json"
# With `--meta none` OPC writes no PEP 561 marker; the package is typed, so add it (same content as OPC's).
PY_TYPED = ("py.typed", "# Marker file for PEP 561")
# Tool caches that may appear anywhere under generated_client/ (mypy, pytest, imports); never compared,
# reported or removed.
IGNORED_PARTS = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"})


class GenerationError(RuntimeError):
    """The generator could not produce the package."""


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree_sha256(root: Path) -> str:
    """Hash file names and contents under ``root`` (order-independent of the file system)."""
    digest = hashlib.sha256()
    for path in sorted(_files(root)):
        digest.update(path.as_posix().encode())
        digest.update(b"\0")
        digest.update(_sha256(root / path).encode())
    return digest.hexdigest()


def _files(root: Path) -> Iterator[Path]:
    """Relative paths of everything under ``root`` that is not a directory, skipping caches.

    Symlinks count as entries of their own (a symlinked directory is one entry, not walked), so a
    stray link is reported and removed like a stray file.
    """
    if not root.is_dir():
        return
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if path.is_dir() and not path.is_symlink():
            continue
        if IGNORED_PARTS.intersection(relative.parts) or path.suffix == ".pyc":
            continue
        yield relative


def check_pinned_versions() -> dict[str, str]:
    """Return the installed tool versions, failing if they differ from the pins."""
    installed = {name: importlib.metadata.version(name) for name in PINNED}
    wrong = {name: version for name, version in installed.items() if version != PINNED[name]}
    if wrong:
        details = ", ".join(f"{name} {wrong[name]} (want {PINNED[name]})" for name in sorted(wrong))
        raise GenerationError(f"unpinned tool versions installed: {details}; run `make install`")
    return installed


def _tool_env() -> dict[str, str]:
    """Environment whose PATH finds this interpreter's ruff first (the post-hooks call `ruff`)."""
    bin_dir = Path(sys.executable).parent
    ruff = shutil.which("ruff", path=str(bin_dir))
    if ruff is None:
        raise GenerationError(f"ruff is not installed next to {sys.executable}; run `make install`")
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(bin_dir), env.get("PATH", "")])
    # Generated code must not depend on the locale or on hash randomisation of the host.
    env["PYTHONHASHSEED"] = "0"
    env["LC_ALL"] = "C.UTF-8"
    return env


def generate(workdir: Path) -> Path:
    """Generate the complete generated_client/ tree under ``workdir``; return the tree's root.

    The root holds exactly what the repository's generated_client/ must hold: the package (spec copy,
    ``py.typed`` and provenance included) and nothing else.
    """
    versions = check_pinned_versions()
    generated_root = workdir / GENERATED_DIR
    output = generated_root / PACKAGE
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--meta",
        "none",
        "--output-path",
        str(output),
        "--fail-on-warning",
    ]
    if any(TEMPLATES.rglob("*.jinja")):
        command += ["--custom-template-path", str(TEMPLATES)]
    scratch = workdir / "cwd"
    scratch.mkdir()
    # The command is built from fixed arguments and paths of this repository. It runs in a scratch
    # directory so that nothing it might write next to its working directory lands in the tree.
    result = subprocess.run(  # noqa: S603
        command, cwd=scratch, env=_tool_env(), capture_output=True, text=True, check=False
    )
    # OPC reports post-hook failures as errors in its output but may still exit 0.
    if result.returncode != 0 or "Error(s) encountered" in result.stdout or not output.is_dir():
        raise GenerationError(
            f"openapi-python-client failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    (output / PY_TYPED[0]).write_text(PY_TYPED[1], encoding="utf-8")
    shutil.copyfile(SPEC, output / SPEC_COPY)
    _write_provenance(output, versions)
    return generated_root


def _write_provenance(output: Path, versions: dict[str, str]) -> None:
    """Stamp what the package was generated from; deterministic (no timestamps, no host paths)."""
    stamp = {
        "spec": SPEC_COPY,
        "spec_sha256": _sha256(SPEC),
        "config_sha256": _sha256(CONFIG),
        "templates_sha256": _tree_sha256(TEMPLATES),
        "generator": f"openapi-python-client {versions['openapi-python-client']}",
        "formatter": f"ruff {versions['ruff']}",
        "command": "make generate",
    }
    (output / PROVENANCE).write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _same(fresh: Path, committed: Path) -> bool:
    """Whether the committed entry is a regular file with the fresh file's bytes (a symlink never is)."""
    if committed.is_symlink() or not committed.is_file():
        return False
    return filecmp.cmp(fresh, committed, shallow=False)


class TreeDiff(NamedTuple):
    """How the committed tree differs from a fresh one; paths relative to the roots, sorted."""

    missing: list[Path]  # the generator makes them, the committed tree lacks them
    extra: list[Path]  # in the committed tree, not made by the generator
    differing: list[Path]  # in both, with other bytes (or committed as a symlink)

    def describe(self, prefix: str = "") -> list[str]:
        return [
            *(f"missing (generator makes it): {prefix}{path.as_posix()}" for path in self.missing),
            *(f"extra (generator does not make it): {prefix}{path.as_posix()}" for path in self.extra),
            *(f"differs: {prefix}{path.as_posix()}" for path in self.differing),
        ]


def diff_trees(generated: Path, target: Path) -> TreeDiff:
    fresh = set(_files(generated))
    committed = set(_files(target))
    return TreeDiff(
        missing=sorted(fresh - committed),
        extra=sorted(committed - fresh),
        differing=sorted(path for path in fresh & committed if not _same(generated / path, target / path)),
    )


def compare(generated: Path, target: Path, prefix: str = "") -> list[str]:
    """Describe every difference between a fresh generated tree and the committed one.

    Both arguments are tree roots (a fresh ``generated_client/`` and the repository's); every file
    under ``target`` that generation does not make is reported as extra, wherever it is. Paths are
    relative to the roots, after ``prefix``.
    """
    return diff_trees(generated, target).describe(prefix)


def sync(generated: Path, target: Path, prefix: str = "") -> list[str]:
    """Make the ``target`` tree identical to the ``generated`` one (caches aside); return what changed."""
    diff = diff_trees(generated, target)
    for path in diff.extra:
        (target / path).unlink()
    # Before copying: a directory emptied above may stand where the generator now makes a file.
    _remove_empty_dirs(target)
    for path in diff.differing:
        (target / path).unlink()  # a symlink is replaced, never written through
    for path in [*diff.missing, *diff.differing]:
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(generated / path, destination)
    _remove_empty_dirs(target)
    return diff.describe(prefix)


def _remove_empty_dirs(root: Path) -> None:
    """Remove directories left without files (a cache directory alone does not keep one alive)."""
    for directory in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if directory.is_symlink() or not directory.exists():
            continue
        if IGNORED_PARTS.intersection(directory.relative_to(root).parts):
            continue
        if all(child.is_dir() and child.name in IGNORED_PARTS for child in directory.iterdir()):
            shutil.rmtree(directory)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="fail if generated_client/ differs from a fresh generation"
    )
    args = parser.parse_args(argv)
    # Read at call time, so tests can point it at a temporary tree.
    target = GENERATED_ROOT
    label = f"{target.name}/"
    with tempfile.TemporaryDirectory(prefix="mautic-generate-") as tmp:
        try:
            generated = generate(Path(tmp))
        except GenerationError as error:
            print(f"generate: {error}", file=sys.stderr)
            return 2
        if args.check:
            problems = compare(generated, target, label)
            if problems:
                print(f"{label} is out of date; run `make generate`:", file=sys.stderr)
                for problem in problems:
                    print(f"  {problem}", file=sys.stderr)
                return 1
            print(f"{label} is up to date ({sum(1 for _ in _files(target))} files)")
            return 0
        changes = sync(generated, target, label)
    print(f"{label}: {len(changes)} file(s) changed")
    for change in changes:
        print(f"  {change}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
