"""Index generations on disk: the root's marker, the `current` link, readers' leases, the reindex lock,
each generation's checksums, cleanup.

Layout under an index root:
    .warta-index                 the marker: Warta writes into and removes from marked roots only
    current -> gen-<stamp>       the generation readers open (a symlink, replaced atomically)
    gen-<stamp>/                 a complete Whoosh index plus manifest.json and checksums.json
    gen-<stamp>/.inuse           readers hold a shared lock on it while they read that generation
    .building-<pid>-<ns>/        a generation being written (removed if its writer died)
    .reindex.lock                held (exclusively) by the one running reindex; records its pid
    .current-<pid>               the link a reindex renames onto `current` (removed if its writer died first)
    stems.tsv                    the stems of every indexed word (shared by the generations)

Warta removes only entries whose names it gives (`gen-<8 digits>-<6 digits>-<9 digits>`,
`.building-<pid>-<ns>`), and only under a marked root: a directory of someone else's files is never
touched, even when a name there starts with `gen-`. The files it opens for writing there (the marker, the lock,
the leases) are never opened through a symlink: one that is not a regular file is refused (trial 53).
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import stat as stat_kind
import time
import weakref
from pathlib import Path
from typing import Callable

from whoosh.filedb.filestore import FileStorage

from .errors import IndexBusyError, IndexDamagedError, IndexMissingError, IndexRootError

CURRENT = "current"
GENERATION_PREFIX = "gen-"
BUILDING_PREFIX = ".building-"
LEASE_FILE = ".inuse"
REINDEX_LOCK = ".reindex.lock"
MARKER = ".warta-index"
CHECKSUMS = "checksums.json"
MANIFEST = "manifest.json"  # written by search/indexer.py beside the checksums
CHECKSUMMED_MANIFESTS = 4  # every generation whose manifest has this version or later was written with checksums
MANIFEST_VERSION_AT_START = re.compile(rb'\s*\{\s*"version"\s*:\s*(\d{1,6})\b')
CHECKSUMS_VERSION = 2
GENERATION_NAME = re.compile(r"^gen-\d{8}-\d{6}-\d{9}$")
BUILDING_NAME = re.compile(r"^\.building-\d+-\d+$")
TEMPORARY_LINK_NAME = re.compile(r"^\.current-\d+$")
# other files a reindex of this or the previous version leaves at the root: the lock and the stem cache
OWN_FILE_NAME = re.compile(r"^(\.reindex\.lock|stems\.tsv|\.stems\.tsv\.\d+)$")
# errors opening a lease that mean the generation is gone (removed since `current` was read) or `current` names
# no directory: the reader reads `current` again
GONE_ERRNOS = {errno.ENOENT, errno.ENOTDIR, errno.ELOOP}
MARKER_TEXT = """This directory is a Warta index (written by `warta reindex`).
Warta creates and removes here only: current, gen-YYYYMMDD-HHMMSS-NNNNNNNNN/, .building-PID-NS/,
.reindex.lock, stems.tsv and this file. Anything else is left alone.
"""
# Checksums: every file's size, modification time and SHA-1, and for a large file also a hash of SAMPLES
# blocks spread over it. A file whose size and time are as recorded is checked by the sampled hash only,
# so that opening a generation costs milliseconds whatever the archive's size (measured in the README);
# one written to since (its time moved) is hashed whole.
WHOLE_HASH_BYTES = 1 << 20
HASH_CHUNK = 1 << 20
SAMPLE_BYTES = 4096
SAMPLES = 64
# The checksums are read as untrusted input (a forged or corrupted record must be damage, never a hang or a traceback):
# every name a plain file name of the generation, every entry of this shape, read at most this many bytes of it.
LISTED_NAME = re.compile(r"[A-Za-z0-9_.-]{1,255}")  # whole names only (fullmatch)
HEX_SHA1 = re.compile(r"[0-9a-f]{40}")
ENTRY_KEYS = {"size", "mtime_ns", "sha1"}
CHECKSUMS_MAX_BYTES = 64 << 20


def claim_root(root: Path, notice: Callable[[str], None] = lambda message: None) -> None:
    """Make `root` a marked index root, or refuse it (IndexRootError) without touching anything.

    A new or empty directory is marked. An unmarked directory is adopted only when everything in it is
    something Warta makes (an index built before roots were marked) or an empty hidden file (`.gitkeep`);
    anything else means it is someone else's directory."""
    if root.is_dir() and is_marked(root):
        return
    if root.exists() and not root.is_dir():
        raise IndexRootError(f"{root} is not a directory; --index needs a directory for the index")
    if root.is_dir():
        entries = list(root.iterdir())
        foreign = sorted(entry.name for entry in entries if not _adoptable(entry))
        if foreign:
            shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            raise IndexRootError(f"refusing to write an index into {root}: it holds files Warta did not make "
                                 f"({shown}) and no {MARKER} marker; choose a new or empty directory")
        if any(GENERATION_NAME.match(entry.name) for entry in entries):
            notice(f"adopted the index at {root}, built before index directories were marked")
    root.mkdir(parents=True, exist_ok=True)
    try:
        with os.fdopen(_open_regular(root / MARKER, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), "w",
                       encoding="utf-8") as marker:
            marker.write(MARKER_TEXT)
    except _NotRegular as error:  # a link to nothing (a root holding one is refused above) or put there since
        raise IndexRootError(f"refusing to write an index into {root}: its {MARKER} is {error.kind}, not a "
                             "file Warta made") from None


def is_marked(root: Path) -> bool:
    return (root / MARKER).is_file()


def _adoptable(entry: Path) -> bool:
    name = entry.name
    if name == CURRENT:
        return entry.is_symlink() and bool(GENERATION_NAME.match(os.readlink(entry)))
    if GENERATION_NAME.match(name):
        return entry.is_dir() and not entry.is_symlink() and any(entry.glob("*.toc"))
    if BUILDING_NAME.match(name):
        return entry.is_dir() and not entry.is_symlink()
    if TEMPORARY_LINK_NAME.match(name):
        return entry.is_symlink()
    if OWN_FILE_NAME.match(name):  # a regular file: a symlink there is someone else's (trial 53)
        return entry.is_file() and not entry.is_symlink()
    return name.startswith(".") and entry.is_file() and not entry.is_symlink() and entry.stat().st_size == 0


def current_generation(root: Path) -> Path | None:
    link = root / CURRENT
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def new_building_dir(root: Path) -> Path:
    building = root / f"{BUILDING_PREFIX}{os.getpid()}-{time.time_ns()}"
    building.mkdir()
    return building


def publish(root: Path, building: Path) -> Path:
    """Turn a finished build into a generation and point `current` at it atomically. When that fails
    (disk full), the half-published generation is removed and `current` still names the old one. A lease is
    held on the build from before it is named a generation until `current` names it: a reader removing
    unused generations in between (remove_unused_generations) leaves it alone (trial 40)."""
    generation = root / f"{GENERATION_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 10**9:09d}"
    try:
        lease = _take_lease(building)
    except OSError:  # published without one, as always when it could not be taken
        lease = None
    try:
        os.rename(building, generation)
        _point_current_at(root, generation)
    finally:
        release(lease)
    return generation


def _point_current_at(root: Path, generation: Path) -> None:
    temporary = root / f".{CURRENT}-{os.getpid()}"
    try:
        if temporary.is_symlink() or temporary.exists():
            temporary.unlink()
        os.symlink(generation.name, temporary)
        os.replace(temporary, root / CURRENT)
    except BaseException:
        if temporary.is_symlink():
            temporary.unlink()
        shutil.rmtree(generation, ignore_errors=True)
        raise


class _NotRegular(OSError):
    """A path that is not a regular file (a symlink, directory, FIFO or device): never read or written."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a regular file")
        self.kind = kind


FILE_KINDS = ((stat_kind.S_ISLNK, "a symbolic link"), (stat_kind.S_ISDIR, "a directory"),
              (stat_kind.S_ISFIFO, "a FIFO"), (stat_kind.S_ISSOCK, "a socket"), (stat_kind.S_ISCHR, "a device"),
              (stat_kind.S_ISBLK, "a device"))


def _kind(mode: int) -> str:
    return next((name for test, name in FILE_KINDS if test(mode)), "not a regular file")


def _open_regular(path: Path, flags: int = os.O_RDONLY) -> int:
    """A descriptor of `path`, which must be a regular file itself (_NotRegular when it is not): checked with
    lstat before it is opened (a device is never opened, a symlink never followed), opened without blocking (a
    FIFO swapped in since) and without following a symlink, and checked again on the descriptor. With O_CREAT
    in `flags` a missing file is made (mode 0644 before the umask)."""
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        if not flags & os.O_CREAT:
            raise
        before = None
    if before is not None and not stat_kind.S_ISREG(before.st_mode):
        raise _NotRegular(path, _kind(before.st_mode))
    try:
        descriptor = os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    except OSError as error:  # ELOOP: a symlink put there since (or a loop on the way to it)
        if error.errno == errno.ELOOP and os.path.islink(path):
            raise _NotRegular(path, "a symbolic link") from None
        raise
    after = os.fstat(descriptor)
    if not stat_kind.S_ISREG(after.st_mode) or (
            before is not None and (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino)):
        os.close(descriptor)
        raise _NotRegular(path, _kind(after.st_mode))
    return descriptor


def _whole_hash(path: Path, limit: int | None = None) -> str:
    """SHA-1 of a regular file; of its first `limit` bytes only when given (a file read against its record is
    read to its recorded size and one byte more, whatever it has grown to)."""
    digest = hashlib.sha1()
    with os.fdopen(_open_regular(path), "rb") as handle:
        left = limit
        while left is None or left > 0:
            chunk = handle.read(HASH_CHUNK if left is None else min(HASH_CHUNK, left))
            if not chunk:
                break
            digest.update(chunk)
            if left is not None:
                left -= len(chunk)
    return digest.hexdigest()


def _sampled_hash(path: Path, size: int) -> str:
    """SHA-1 of SAMPLES blocks of SAMPLE_BYTES spread evenly from a large file's start to its end."""
    digest = hashlib.sha1()
    step = max(size - SAMPLE_BYTES, 0) // (SAMPLES - 1)
    with os.fdopen(_open_regular(path), "rb") as handle:
        for n in range(SAMPLES):
            handle.seek(n * step)
            digest.update(handle.read(SAMPLE_BYTES))
    return digest.hexdigest()


def _record(path: Path, stat: os.stat_result) -> dict[str, object]:
    entry: dict[str, object] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha1": _whole_hash(path)}
    if stat.st_size > WHOLE_HASH_BYTES:
        entry["sampled"] = _sampled_hash(path, stat.st_size)
    return entry


def _problem(path: Path, entry: dict, whole: bool = False) -> str | None:
    """How a file differs from its record, or None when it does not; `whole`: every byte checked, even of a
    large file whose size and time are as recorded. The file itself must be a regular one (a symlink, FIFO or
    device in its place is damage, and is never opened); no more than its recorded size and a byte is read."""
    try:
        stat = os.lstat(path)
    except OSError:
        return "is missing"
    if not stat_kind.S_ISREG(stat.st_mode):
        return "is not a regular file"
    if stat.st_size != entry["size"]:
        return f"has {stat.st_size} bytes instead of {entry['size']}"
    try:
        if stat.st_mtime_ns == entry["mtime_ns"] and "sampled" in entry and not whole:
            matches = _sampled_hash(path, stat.st_size) == entry["sampled"]
        else:  # small, or written to since it was recorded: every byte counts
            matches = _whole_hash(path, limit=entry["size"] + 1) == entry["sha1"]
    except _NotRegular:
        return "is not a regular file"
    except OSError as error:
        return f"cannot be read ({error.strerror or type(error).__name__})"
    return None if matches else "does not match its checksum"


def checked_files(generation: Path) -> list[Path]:
    return sorted(entry for entry in generation.iterdir()
                  if entry.name not in (CHECKSUMS, LEASE_FILE) and entry.is_file() and "LOCK" not in entry.name)


def seal(building: Path, base: Path | None = None) -> None:
    """Write `checksums.json`: every file's size, time and hashes. Files hard-linked from `base` (already
    verified when it was opened) keep the record made there instead of being read again."""
    known = _read_checksums(base) if base is not None else None
    files = {}
    for path in checked_files(building):
        stat = path.stat()
        if known and path.name in known and _same_file(stat, base / path.name):
            files[path.name] = known[path.name]
        else:
            files[path.name] = _record(path, stat)
    (building / CHECKSUMS).write_text(json.dumps({"version": CHECKSUMS_VERSION, "files": files}), encoding="utf-8")


def _same_file(stat: os.stat_result, other: Path) -> bool:
    try:
        other_stat = other.stat()
    except OSError:
        return False
    return (stat.st_dev, stat.st_ino, stat.st_size) == (other_stat.st_dev, other_stat.st_ino, other_stat.st_size)


def _manifest_version(generation: Path) -> int:
    """The version its manifest.json opens with (`{"version": 4, …`), read from the first bytes only: the
    manifest of a large index is tens of megabytes. 0 when there is none or it cannot be read."""
    try:
        with (generation / MANIFEST).open("rb") as handle:
            opening = handle.read(64)
    except OSError:
        return 0
    found = MANIFEST_VERSION_AT_START.match(opening)
    return int(found.group(1)) if found else 0


def damaged(generation: Path, problem: str) -> IndexDamagedError:
    """The one-line error of a damaged generation: what is wrong with it, and what mends it."""
    return IndexDamagedError(f"the index generation {generation} is damaged: {problem}; run `warta reindex` to "
                             "rebuild it")


def _read_checksums(generation: Path) -> dict[str, dict] | None:
    """The record `seal` wrote, or None when there is none. It is read as untrusted input: a file that is not a
    regular one, is too large, is not JSON (however it fails: nesting too deep included) or is not of the shape
    seal writes, or lists a name that is not a plain file name of the generation, is IndexDamagedError."""
    def bad_record(problem: str) -> IndexDamagedError:
        return damaged(generation, f"{CHECKSUMS} {problem}")

    path = generation / CHECKSUMS
    try:
        with os.fdopen(_open_regular(path), "rb") as handle:
            raw = handle.read(CHECKSUMS_MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except _NotRegular:
        raise bad_record("is not a regular file") from None
    except OSError as error:
        raise bad_record(f"is unreadable ({error.strerror or type(error).__name__})") from None
    if len(raw) > CHECKSUMS_MAX_BYTES:
        raise bad_record(f"is larger than {CHECKSUMS_MAX_BYTES} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:  # `[` nested a hundred thousand deep
        raise bad_record("is unreadable (its JSON is nested too deeply)") from None
    except ValueError as error:  # not UTF-8, not JSON, or a number too long to convert
        reason = (str(error).splitlines() or [type(error).__name__])[0]
        raise bad_record(f"is unreadable ({reason[:200]})") from None
    if not (isinstance(data, dict) and set(data) == {"version", "files"} and type(data["version"]) is int
            and data["version"] == CHECKSUMS_VERSION and isinstance(data["files"], dict)):
        raise bad_record("is not one Warta wrote")
    files = data["files"]
    for name, entry in files.items():
        shown = repr(name) if len(name) <= 80 else repr(name[:80]) + "…"
        if not (LISTED_NAME.fullmatch(name) and name not in (".", "..", CHECKSUMS, LEASE_FILE)):
            raise bad_record(f"lists {shown}, which is not the name of a file of the generation")
        problem = _entry_problem(entry)
        if problem:
            raise bad_record(f"is not one Warta wrote: its entry for {shown} {problem}")
    return files


def _entry_problem(entry: object) -> str | None:
    """What is wrong with one entry of the checksums, or None when it is of the shape `_record` writes."""
    if not isinstance(entry, dict):
        return "is not an object"
    if not ENTRY_KEYS <= entry.keys():
        return "lacks one of size, mtime_ns and sha1"
    if not entry.keys() <= ENTRY_KEYS | {"sampled"}:
        return "has keys other than size, mtime_ns, sha1 and sampled"
    if type(entry["size"]) is not int or entry["size"] < 0:
        return "has a size that is not a count of bytes"
    if type(entry["mtime_ns"]) is not int:
        return "has a time that is not a count of nanoseconds"
    if not isinstance(entry["sha1"], str) or not HEX_SHA1.fullmatch(entry["sha1"]):
        return "has a sha1 that is not a SHA-1"
    if "sampled" in entry:
        if not isinstance(entry["sampled"], str) or not HEX_SHA1.fullmatch(entry["sampled"]):
            return "has a sampled hash that is not a SHA-1"
        if entry["size"] <= WHOLE_HASH_BYTES or entry["size"] < SAMPLE_BYTES:
            return "has a sampled hash, for a file small enough to be hashed whole"
    return None


def usable(generation: Path, whole: bool = False) -> bool:
    """Whether `generation` holds a Whoosh index whose files are as written: False when it holds none,
    IndexDamagedError when its checksums differ or Whoosh cannot read its table of contents (which, for
    a generation written before checksums, is the only check there is); `whole` as for verify."""
    verify(generation, whole)
    if not generation.is_dir():
        return False
    storage = _ClosingStorage(str(generation))
    try:
        return storage.index_exists()
    except Exception as error:  # Whoosh raises whatever a truncated pickle or varint gives
        failure = type(error).__name__
    finally:
        storage.close_opened()  # Whoosh leaves the file it failed to read open
    raise damaged(generation, f"its table of contents cannot be read ({failure})")


class _ClosingStorage(FileStorage):
    """A read-only Whoosh storage that can close every file opened through it (while `tracking`)."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder, readonly=True)
        self.opened: list = []
        self.tracking = True

    def open_file(self, name, **kwargs):
        opened = super().open_file(name, **kwargs)
        if self.tracking:
            self.opened.append(opened)
        return opened

    def close_opened(self) -> None:
        for opened in self.opened:
            if not opened.is_closed:
                opened.close()
        self.opened.clear()


def open_searcher(generation: Path):
    """A Whoosh searcher of a generation. When its files cannot be read (Whoosh raises whatever the bytes give),
    none of the files it opened is left open; once opened, the searcher closes its own."""
    storage = _ClosingStorage(str(generation))
    try:
        searcher = storage.open_index().searcher()
    except BaseException:
        storage.close_opened()
        raise
    storage.tracking = False
    storage.opened.clear()
    return searcher


def verify(generation: Path, whole: bool = False) -> bool:
    """Check every file of a generation against the sizes and hashes written when it was built (a large file
    whose size and time are as recorded by its sampled blocks, unless `whole`: after a read failed, damage
    between the samples is looked for too).

    Raises IndexDamagedError naming the first file that differs, is missing or is not listed, `checksums.json`
    itself included where the generation's manifest is of a version always written with it; returns False for a
    generation built before checksums were written (nothing to check it against), True when verified."""
    recorded = _read_checksums(generation)
    if recorded is None:
        if _manifest_version(generation) >= CHECKSUMMED_MANIFESTS:
            raise damaged(generation, f"{CHECKSUMS} is missing")
        return False
    for name, entry in sorted(recorded.items()):
        problem = _problem(generation / name, entry, whole)
        if problem is None:
            continue
        raise damaged(generation, f"{name} {problem}")
    # a file the checksums do not list is damage too: seal lists every file, and one left out (or a list emptied
    # to `{"files": {}}`) would otherwise be read unchecked, and linked unchecked into the next generation
    unlisted = sorted(path.name for path in checked_files(generation) if path.name not in recorded)
    if unlisted:
        raise damaged(generation, f"{unlisted[0]} is not listed in {CHECKSUMS}")
    return True


def sizes_as_written(generation: Path) -> None:
    """Raise IndexDamagedError when a file of a generation verified earlier is missing, is no longer a regular
    file or has another size than its record says; nothing is read but the record (no hash: a stat per file).
    For an answer that cannot report damage once it has begun (an export streaming its rows), checked before
    it begins: a file cut since the generation was opened is then found before the status is sent."""
    recorded = _read_checksums(generation) or {}
    for name, entry in sorted(recorded.items()):
        try:
            stat = os.lstat(generation / name)
        except OSError:
            raise damaged(generation, f"{name} is missing") from None
        if not stat_kind.S_ISREG(stat.st_mode):
            raise damaged(generation, f"{name} is not a regular file")
        if stat.st_size != entry["size"]:
            raise damaged(generation, f"{name} has {stat.st_size} bytes instead of {entry['size']}")


def hold(generation: Path) -> int | None:
    """A reader's lease on a generation: a shared lock on its lease file (made when missing), released when the
    descriptor closes. None when the generation is gone (removed since `current` was read).

    On a read-only filesystem a generation whose lease file is missing (copied by a tool that drops empty
    files) is read without one: nothing can remove it there, and the descriptor held is the generation
    directory's (trial 53). A lease file that is not a regular file (never followed, never opened) is
    IndexDamagedError; one that cannot be made for another reason is IndexMissingError saying why."""
    path = generation / LEASE_FILE
    try:
        return _take_lease(generation)
    except _NotRegular as error:
        raise IndexDamagedError(f"the index generation {generation} cannot be read: its lease file {path} is "
                                f"{error.kind}, not the file Warta makes; remove it") from None
    except OSError as error:
        if error.errno in GONE_ERRNOS:
            return None
        if error.errno == errno.EROFS:
            return _read_only_stand_in(generation)
        raise IndexMissingError(f"no lease can be taken on the index generation {generation}: {path} cannot be "
                                f"opened or made ({error.strerror or type(error).__name__})") from None


def _take_lease(generation: Path) -> int:
    descriptor = _open_regular(generation / LEASE_FILE, os.O_RDONLY | os.O_CREAT)
    fcntl.flock(descriptor, fcntl.LOCK_SH)
    return descriptor


def _read_only_stand_in(generation: Path) -> int | None:
    """What a reader holds for a lease on a read-only filesystem: the generation directory open (None if it
    cannot be opened)."""
    try:
        return os.open(generation, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None


def release(descriptor: int | None) -> None:
    if descriptor is not None:
        os.close(descriptor)


def remove_unused_generations(root: Path) -> list[str]:
    """Delete every generation but the current one that no reader holds; return the names deleted.

    Safe to call from readers too: a reindex writes only in its own `.building-*` directory, and holds a lease
    on the generation it publishes until `current` names it."""
    if not is_marked(root):
        return []
    removed = []
    for generation in sorted(root.glob(f"{GENERATION_PREFIX}*")):
        if (GENERATION_NAME.match(generation.name) and generation.is_dir() and not generation.is_symlink()
                and _remove_if_unused(root, generation)):
            removed.append(generation.name)
    return removed


def _remove_if_unused(root: Path, generation: Path) -> bool:
    """Delete `generation` if no one holds a lease on it and `current` does not name it, `current` read while
    its lease file is held exclusively: a reindex publishing it holds a lease until `current` names it, so
    either the lease is refused or `current` already names it."""
    try:  # a lease file that is not a regular file is never followed: the generation is left as it is
        descriptor = _open_regular(generation / LEASE_FILE, os.O_RDONLY | os.O_CREAT)
    except OSError:
        return False
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a reader holds it, or a reindex is publishing it
        if generation.resolve() == current_generation(root):  # resolved paths: the root may be a link
            return False
        shutil.rmtree(generation, ignore_errors=True)
        return not generation.exists()
    finally:
        os.close(descriptor)


def remove_unfinished_builds(root: Path) -> list[str]:
    """Builds left by a reindex that died (only called while holding the reindex lock)."""
    if not is_marked(root):
        return []
    removed = []
    for building in root.glob(f"{BUILDING_PREFIX}*"):
        if not BUILDING_NAME.match(building.name) or building.is_symlink() or not building.is_dir():
            continue
        shutil.rmtree(building, ignore_errors=True)
        removed.append(building.name)
    return removed


def remove_interrupted_links(root: Path) -> list[str]:
    """The `.current-<pid>` links of a reindex killed between making one and renaming it onto `current` (only
    called while holding the reindex lock: no other reindex is publishing, so every one but ours is stale)."""
    if not is_marked(root):
        return []
    removed = []
    for link in root.glob(f".{CURRENT}-*"):
        if TEMPORARY_LINK_NAME.match(link.name) and link.is_symlink() and link.name != f".{CURRENT}-{os.getpid()}":
            link.unlink()
            removed.append(link.name)
    return sorted(removed)


class ReindexLock:
    """One reindex per index root. The lock dies with its process, so it can never be left stale.

    It is an flock on an open file, which a forked child would share and keep held after the reindex
    died: every child forked while it is held closes its copy first thing, so the lock is this process's
    alone."""

    def __init__(self, root: Path, notice: Callable[[str], None] = lambda message: None) -> None:
        self.path = root / REINDEX_LOCK
        self.notice = notice
        self.descriptor: int | None = None

    def __enter__(self) -> "ReindexLock":
        try:  # never through a symlink: the pid written and the truncation would go to the file it names
            self.descriptor = _open_regular(self.path, os.O_RDWR | os.O_CREAT)
        except _NotRegular as error:
            raise self._refused(error.kind) from None
        names = os.fstat(self.descriptor).st_nlink
        if names > 1:  # a hard link to another file: truncating the lock would truncate that file
            os.close(self.descriptor)
            self.descriptor = None
            raise self._refused(f"one of {names} names of a file (a hard link)")
        try:
            fcntl.flock(self.descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._recorded_pid()
            os.close(self.descriptor)
            self.descriptor = None
            who = f" (pid {holder})" if holder else ""
            raise IndexBusyError(f"another warta reindex{who} is writing {self.path.parent}; "
                                 "try again when it has finished") from None
        os.register_at_fork(after_in_child=_forget_in_child(self))
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

    def _refused(self, kind: str) -> IndexRootError:
        return IndexRootError(f"refusing to write the index at {self.path.parent}: its lock file {self.path} is "
                              f"{kind}, not a file Warta made; remove it")

    def _recorded_pid(self) -> int | None:
        """The pid the lock file holds, read from the descriptor open on it."""
        try:
            text = os.pread(self.descriptor, 64, 0).decode("ascii").strip()
            return int(text) if text else None
        except (OSError, ValueError):
            return None


def _forget_in_child(lock: ReindexLock) -> Callable[[], None]:
    reference = weakref.ref(lock)

    def forget() -> None:
        held = reference()
        if held is not None and held.descriptor is not None:
            os.close(held.descriptor)  # closes the child's copy; the parent's lock stays held
            held.descriptor = None

    return forget


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def link_generation(source: Path, target: Path, skip: Callable[[str], bool]) -> None:
    """Copy a generation by hard links (Whoosh never rewrites a file it has written); fall back to copies.
    Its lease and checksums are its own: a link would share the readers' lock, and rewriting the
    checksums would rewrite the source's."""
    for entry in source.iterdir():
        if entry.is_file() and entry.name not in (LEASE_FILE, CHECKSUMS) and not skip(entry.name):
            try:
                os.link(entry, target / entry.name)
            except OSError:
                shutil.copy2(entry, target / entry.name)
