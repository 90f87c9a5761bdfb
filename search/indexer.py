"""Build the index into a new directory and swap it in only when complete.

Layout under the index root: `gen-<stamp>/` directories, each a complete Whoosh index, and a `current`
symlink naming the one readers open. A reader that opened the old generation keeps reading it.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from whoosh import index as whoosh_index

from .articles import Article
from .documents import to_document
from .errors import IndexMissingError, InputError
from .loaders import Rejection, find_sources, read_source
from .schema import build_schema

CURRENT = "current"
GENERATION_PREFIX = "gen-"
BUILDING_PREFIX = ".building-"
WRITER_MEMORY_MB = 256
KEEP_PREVIOUS_GENERATIONS = 1


@dataclass
class BuildReport:
    """What a reindex did: counts for the summary line and every rejected input with its reason."""

    index_path: Path
    indexed: int = 0
    duplicates: int = 0
    skipped: list[Rejection] = field(default_factory=list)
    errors: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return (f"indexed {self.indexed} articles in {self.seconds:.1f} s; "
                f"{self.duplicates} duplicates, {len(self.skipped)} skipped, {len(self.errors)} errors")


def current_path(index_root: str | os.PathLike) -> Path:
    return Path(index_root) / CURRENT


def open_current(index_root: str | os.PathLike):
    """The Whoosh index the `current` link names; IndexMissingError when there is none."""
    path = current_path(index_root)
    if not path.exists() or not whoosh_index.exists_in(str(path)):
        raise IndexMissingError(f"no index at {Path(index_root)} (run `warta reindex` first)")
    return whoosh_index.open_dir(str(path.resolve()))


def count_inputs(sources: list[Path]) -> int:
    """An upper bound on the number of articles, for the progress bar: JSONL lines, one per other file."""
    total = 0
    for source in sources:
        if source.suffix.lower() == ".jsonl":
            with source.open("rb") as handle:
                total += sum(1 for _ in handle)
        else:
            total += 1
    return total


def build_index(paths: Iterable[str | os.PathLike], index_root: str | os.PathLike,
                progress: Callable[[int], object] | None = None) -> BuildReport:
    """Read every article under `paths`, index it into a fresh generation and make that generation current.

    `progress`, when given, is called with the number of inputs handled since the last call.
    """
    started = time.perf_counter()
    root = Path(index_root)
    root.mkdir(parents=True, exist_ok=True)
    sources = find_sources(paths)
    if not sources:
        raise InputError("no .txt, .jsonl or .html files found in " + ", ".join(str(p) for p in paths))
    building = root / f"{BUILDING_PREFIX}{os.getpid()}-{time.time_ns()}"
    building.mkdir()
    report = BuildReport(index_path=root)
    try:
        ix = whoosh_index.create_in(str(building), build_schema())
        writer = ix.writer(limitmb=WRITER_MEMORY_MB)
        seen: set[str] = set()
        try:
            for source in sources:
                for item in read_source(source):
                    _add(writer, item, seen, report)
                    if progress:
                        progress(1)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        generation = root / f"{GENERATION_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 10**9:09d}"
        os.rename(building, generation)
        swap_current(root, generation)
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)
    remove_old_generations(root)
    report.seconds = time.perf_counter() - started
    return report


def _add(writer, item: Article | Rejection, seen: set[str], report: BuildReport) -> None:
    if isinstance(item, Rejection):
        (report.skipped if item.skipped else report.errors).append(item)
        return
    if item.id in seen:
        report.duplicates += 1
        return
    seen.add(item.id)
    writer.add_document(**to_document(item))
    report.indexed += 1


def swap_current(root: Path, generation: Path) -> None:
    """Point `current` at `generation` atomically: readers see the old index or the new one, never neither."""
    temporary = root / f".{CURRENT}-{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(generation.name, temporary)
    os.replace(temporary, root / CURRENT)


def remove_old_generations(root: Path, keep: int = KEEP_PREVIOUS_GENERATIONS) -> None:
    """Delete generations older than the current one and the `keep` before it."""
    current = (root / CURRENT).resolve().name if (root / CURRENT).exists() else None
    generations = sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith(GENERATION_PREFIX))
    older = [p for p in generations if p.name != current]
    for stale in older[: max(0, len(older) - keep)]:
        shutil.rmtree(stale, ignore_errors=True)
