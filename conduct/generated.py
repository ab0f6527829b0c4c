"""Generated notebooks on disk: write what the data makes, and find what it no longer makes.

Both generators (the lessons in notebooks/, the nbgrader sources in exercises/source/) commit their
output, and a test fails while a committed notebook differs from what its data makes. They used to
carry two drift checks with different rules for stale files; this module is the one rule: a notebook
is the generator's own when its metadata says `conduct.generated_by: <generator>`, and an own
notebook that no data makes any more is stale (removed by a build, reported by a check). A
notebook without the mark (an author's scratch file) is never touched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


def made_by(path: Path, generator: str) -> bool:
    """True when the notebook at `path` carries this generator's mark."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError, AttributeError):  # unreadable or not a notebook: never ours
        return False
    return (
        isinstance(meta, dict)
        and isinstance(meta.get("conduct"), dict)
        and meta["conduct"].get("generated_by") == generator
    )


@dataclass(frozen=True)
class Drift:
    """How the files on disk differ from what the data makes."""

    missing: tuple[Path, ...]
    differing: tuple[Path, ...]
    stale: tuple[Path, ...]

    def problems(self, root: Path) -> list[str]:
        """One line per file, relative to `root`, for a check's report."""

        def rel(p: Path) -> str:
            return p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p)

        return (
            [f"{rel(p)}: missing" for p in self.missing]
            + [f"{rel(p)}: differs from its data" for p in self.differing]
            + [f"{rel(p)}: stale (no data makes it)" for p in self.stale]
        )

    def __bool__(self) -> bool:
        return bool(self.missing or self.differing or self.stale)


def drift(wanted: Mapping[Path, str], folders: Iterable[Path], generator: str, pattern: str = "*.ipynb") -> Drift:
    """Compare `wanted` ({path: text}) with disk; own notebooks in `folders` that are not wanted are stale."""
    missing = tuple(sorted(p for p in wanted if not p.exists()))
    differing = tuple(sorted(p for p, text in wanted.items() if p.exists() and p.read_text(encoding="utf-8") != text))
    stale = tuple(
        sorted(
            {
                p
                for folder in folders
                if folder.is_dir()
                for p in folder.glob(pattern)
                if p not in wanted and made_by(p, generator)
            }
        )
    )
    return Drift(missing, differing, stale)


def sync(wanted: Mapping[Path, str], folders: Iterable[Path], generator: str, pattern: str = "*.ipynb") -> Drift:
    """Write missing and differing files, remove stale ones (and folders left empty); return what changed."""
    found = drift(wanted, folders, generator, pattern)
    for path in (*found.missing, *found.differing):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8")
    for path in found.stale:
        path.unlink()
        if not any(path.parent.iterdir()):
            path.parent.rmdir()
    return found
