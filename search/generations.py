"""Index generations on disk: the `current` link, readers' leases, the reindex lock, cleanup.

Layout under an index root:
    current -> gen-<stamp>       the generation readers open (a symlink, replaced atomically)
    gen-<stamp>/                 a complete Whoosh index plus manifest.json
    gen-<stamp>/.inuse           readers hold a shared lock on it while they read that generation
    .building-<pid>-<ns>/        a generation being written (removed if its writer died)
    .reindex.lock                held (exclusively) by the one running reindex; records its pid
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path
from typing import Callable

from .errors import IndexBusyError

CURRENT = "current"
GENERATION_PREFIX = "gen-"
BUILDING_PREFIX = ".building-"
LEASE_FILE = ".inuse"
REINDEX_LOCK = ".reindex.lock"


def current_generation(root: Path) -> Path | None:
    link = root / CURRENT
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def new_building_dir(root: Path) -> Path:
    building = root / f"{BUILDING_PREFIX}{os.getpid()}-{time.time_ns()}"
    building.mkdir()
    return building


def publish(root: Path, building: Path) -> Path:
    """Turn a finished build into a generation and point `current` at it atomically."""
    generation = root / f"{GENERATION_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 10**9:09d}"
    os.rename(building, generation)
    (generation / LEASE_FILE).touch()
    temporary = root / f".{CURRENT}-{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(generation.name, temporary)
    os.replace(temporary, root / CURRENT)
    return generation


def hold(generation: Path) -> int | None:
    """A reader's lease on a generation: a shared lock, released when the descriptor closes."""
    try:
        descriptor = os.open(generation / LEASE_FILE, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError:
        return None
    fcntl.flock(descriptor, fcntl.LOCK_SH)
    return descriptor


def release(descriptor: int | None) -> None:
    if descriptor is not None:
        os.close(descriptor)


def in_use(generation: Path) -> bool:
    try:
        descriptor = os.open(generation / LEASE_FILE, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)


def remove_unused_generations(root: Path) -> list[str]:
    """Delete every generation but the current one that no reader holds; return the names deleted.

    Safe to call from readers too: a reindex writes only in its own `.building-*` directory."""
    current = current_generation(root)  # a resolved path: compare resolved paths (the root may be a link)
    removed = []
    for generation in sorted(root.glob(f"{GENERATION_PREFIX}*")):
        if generation.is_dir() and generation.resolve() != current and not in_use(generation):
            shutil.rmtree(generation, ignore_errors=True)
            if not generation.exists():
                removed.append(generation.name)
    return removed


def remove_unfinished_builds(root: Path) -> list[str]:
    """Builds left by a reindex that died (only called while holding the reindex lock)."""
    removed = []
    for building in root.glob(f"{BUILDING_PREFIX}*"):
        shutil.rmtree(building, ignore_errors=True)
        removed.append(building.name)
    return removed


class ReindexLock:
    """One reindex per index root. The lock dies with its process, so it can never be left stale."""

    def __init__(self, root: Path, notice: Callable[[str], None] = lambda message: None) -> None:
        self.path = root / REINDEX_LOCK
        self.notice = notice
        self.descriptor: int | None = None

    def __enter__(self) -> "ReindexLock":
        self.descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._recorded_pid()
            os.close(self.descriptor)
            self.descriptor = None
            who = f" (pid {holder})" if holder else ""
            raise IndexBusyError(f"another warta reindex{who} is writing {self.path.parent}; "
                                 "try again when it has finished") from None
        previous = self._recorded_pid()
        if previous and previous != os.getpid() and not _alive(previous):
            self.notice(f"recovered the lock of an interrupted reindex (pid {previous} is no longer running)")
        os.ftruncate(self.descriptor, 0)
        os.write(self.descriptor, f"{os.getpid()}\n".encode())
        return self

    def __exit__(self, *exc) -> None:
        if self.descriptor is not None:
            os.ftruncate(self.descriptor, 0)
            os.close(self.descriptor)
            self.descriptor = None

    def _recorded_pid(self) -> int | None:
        try:
            text = self.path.read_text().strip()
            return int(text) if text else None
        except (OSError, ValueError):
            return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def link_generation(source: Path, target: Path, skip: Callable[[str], bool]) -> None:
    """Copy a generation by hard links (Whoosh never rewrites a file it has written); fall back to copies."""
    for entry in source.iterdir():
        if entry.is_file() and not skip(entry.name):
            try:
                os.link(entry, target / entry.name)
            except OSError:
                shutil.copy2(entry, target / entry.name)
