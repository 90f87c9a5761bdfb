"""Build and update the index: never in place, always into a new generation swapped in when complete.

A reindex is incremental by default: `manifest.json` in each generation records every source file with
its size, modification time, content hash and the article ids it gave. Unchanged files are skipped,
changed files re-read (their old articles deleted first), vanished files' articles removed; a JSON Lines file
that only grew is read on from the last line end the previous read reached (Tail: its new lines alone). The new
generation starts as hard links to the current one, so an update costs what changed, not the archive.

A file's `ids` are the documents its articles are indexed as: an article whose text was already indexed
from another file (under another URL) lists that document. Removing or changing one of the files
re-reads the others that list the same document, so it stays while any source of it remains.

The current generation is verified (generations.verify, every byte) and its segments opened before an update
builds on it; a damaged one (checksums differ, or Whoosh cannot read it), or one written by an older Warta, is
rebuilt in full, and the reindex says so.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import time
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from whoosh import index as whoosh_index

from .analysis import STEM_CACHE, Stems
from .articles import Article, normalise_space
from .documents import stored_article
from .errors import (IndexDamagedError, IndexMissingError, IndexWriteError, InputError, NoSourcesError,
                     StoryStateError)
from .facet_registry import FACETS, FacetRegistry
from .facets import write_facet_tables
from .generations import (CURRENT, MANIFEST, ReindexLock, claim_root, current_generation, link_generation,
                          new_building_dir, open_searcher, publish, remove_interrupted_links,
                          remove_unfinished_builds, remove_unused_generations, seal, usable)
from .loaders import (AS_BYTES, BINARY_SAMPLE, DEFAULT_OPTIONS, LINE_SUFFIX, REJECTION_KINDS, SUFFIXES, ReadOptions,
                      ReadPoint, Rejection, RejectionList, find_sources, keeps_date_order, line_encoding,
                      opens_a_document, read_source, source_problem)
from .parallel import ArticleSpool, ParallelWriters
from .schema import READ_ORDER, build_schema, layout
from .segments import SegmentMemo, column_values
from .stories import STORIES_DELTA, STORIES_FILE, StoryIndex, StoryStream
from .wordtables import write_word_tables
from .writing import add_article, collector_paused, discard, merge_small_segments, open_writer

PARALLEL_MIN_ARTICLES = 2000  # below this, forking workers costs more than it saves
MANIFEST_VERSION = 4  # 2: a file's ids are the documents its articles are indexed as; 3: documents have stories;
# 4: each file's ids are kept as one JSON text, read only for a file that changed or vanished (at a million
# articles parsing and writing them as lists took 0.2 s and 70 MB of every update)
READABLE_MANIFESTS = (3, MANIFEST_VERSION)  # 3 differs only in holding the ids as a list
DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
MAX_WORKERS = 4
HASH_CHUNK = 1 << 20
SPOOL_FILE = ".articles.spool"  # a fresh parallel build's articles, read back by its workers (parallel.py)


@dataclass
class BuildReport:
    """What a reindex did: counts for the summary line and the rejected inputs with their reasons (each file's
    first ones of each kind listed, the others counted: RejectionList)."""

    index_path: Path
    indexed: int = 0
    removed: int = 0
    duplicates: int = 0
    files_read: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    files_not_named: int = 0  # indexed before, still on disk, not under this run's paths: kept as they were
    earlier_errors: int = 0  # errors an unchanged file gave when it was read, not read again this run
    files_with_earlier_errors: int = 0
    files_appended: int = 0  # JSON Lines files that grew: their new lines read alone (Tail)
    records_appended: int = 0  # the lines of records read from them
    appended_earlier_errors: int = 0  # errors their earlier lines gave when they were read, not read again
    skipped: RejectionList = field(default_factory=RejectionList)
    errors: RejectionList = field(default_factory=RejectionList)
    warnings: RejectionList = field(default_factory=RejectionList)  # articles kept with a loss (an unreadable date)
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0
    generation: str | None = None  # None when nothing changed and the current generation stays

    @classmethod
    def listing(cls, index_path, options: ReadOptions) -> "BuildReport":
        """An empty report listing as many rejections per file as `options` say."""
        per_file = options.rejections_listed
        return cls(index_path, skipped=RejectionList(per_file), errors=RejectionList(per_file),
                   warnings=RejectionList(per_file))

    @property
    def ok(self) -> bool:
        return not self.errors

    def by_kind(self) -> dict[str, RejectionList]:
        """The rejection lists by Rejection.kind, in the order a report prints them."""
        return dict(zip(REJECTION_KINDS, (self.skipped, self.errors, self.warnings)))

    def add(self, rejection: Rejection) -> None:
        """`rejection` in the list of its kind."""
        self.by_kind()[rejection.kind].add(rejection)

    def unlisted_notes(self) -> list[str]:
        """One line for each kind and file that had more rejections than the report lists."""
        return [f"{kind}: {note}" for kind, rejections in self.by_kind().items()
                for note in rejections.unlisted_notes()]

    def summary(self) -> str:
        parts = [f"indexed {self.indexed} articles in {self.seconds:.1f} s"]
        if self.removed:
            parts.append(f"removed {self.removed}")
        if self.files_unchanged or self.files_removed:
            parts.append(f"{self.files_unchanged} files unchanged, {self.files_removed} files gone")
        if self.files_appended:
            parts.append(f"{self.files_appended} files appended to: {self.records_appended} new records read, not "
                         "the whole files" + (f" ({self.appended_earlier_errors} errors in their earlier lines when "
                                              "they were read)" if self.appended_earlier_errors else ""))
        if self.earlier_errors:
            parts.append(f"{self.earlier_errors} errors in {self.files_with_earlier_errors} unchanged files when "
                         "they were read (--full reads and lists them again)")
        if self.files_not_named:
            parts.append(f"{self.files_not_named} files indexed before and not under the given paths kept "
                         "(--full indexes the given paths alone)")
        parts.append(f"{self.duplicates} duplicates, {self.skipped.total} skipped, {self.errors.total} errors")
        if self.warnings:
            parts.append(f"{self.warnings.total} warnings")
        return "; ".join(parts)


@dataclass(frozen=True)
class Fingerprint:
    size: int
    mtime_ns: int
    sha1: str
    ctime_ns: int = 0  # the inode's change time: set by every write, and no tool sets it back as `touch -d` does
    read_as: str = ""  # how its records were read: ReadOptions.reading_key(), "" for the default columns
    found_as: str = ""  # the path the walk found it by, when a symlink makes it differ from the file's own
    line_end: int = 0  # a .jsonl file read byte for byte: the bytes up to its last `\n` (0: none, or another file)
    line_end_sha1: str = ""  # their SHA-1
    grown: bool = False  # longer than its manifest entry says, its first bytes those its Tail covers: an append


@dataclass(frozen=True)
class Tail:
    """Where a JSON Lines file's last line ending in `\n` ended when a reindex read it (loaders.ReadPoint: the
    bytes up to there, the lines and the date order they hold), with the SHA-1 of those bytes and how many of
    the file's ids (the first ones) and errors its lines up to there gave. A file that grew, those bytes unchanged,
    is read on from there (an append costs what was appended): what came after it, a last line still being
    written, is read again, and the ids it alone gave are the update's to delete or give again."""

    offset: int
    sha1: str
    lines: int
    ids: int
    errors: int
    dates: tuple

    @classmethod
    def of(cls, entry: dict | None) -> "Tail | None":
        """A manifest entry's tail; None for an entry without one (written before tails were, or of a file that is
        not read on: not JSON Lines, UTF-16, no record before a line end)."""
        tail = entry.get("tail") if isinstance(entry, dict) else None
        if not isinstance(tail, dict):
            return None
        try:
            dates = tuple(tail["dates"])
            found = cls(int(tail["offset"]), str(tail["sha1"]), int(tail["lines"]), int(tail["ids"]),
                        int(tail["errors"]), (int(dates[0]), int(dates[1]), int(dates[2]), str(dates[3])))
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        return found if found.offset > 0 and len(dates) == 4 else None

    def point(self) -> ReadPoint:
        return ReadPoint(self.offset, self.lines, self.dates)

    def recorded(self) -> dict:
        """As a manifest entry records it."""
        return {"offset": self.offset, "sha1": self.sha1, "lines": self.lines, "ids": self.ids,
                "errors": self.errors, "dates": list(self.dates)}


def open_current(index_root: str | os.PathLike):
    """The Whoosh index the `current` link names, verified; IndexMissingError when there is none,
    IndexDamagedError when its files differ from what was written."""
    generation = current_generation(Path(index_root))
    if generation is None or not usable(generation):
        raise IndexMissingError(f"no index at {Path(index_root)} (run `warta reindex` first)")
    return whoosh_index.open_dir(str(generation))


def count_inputs(sources: list[Path]) -> int:
    """An upper bound on the number of articles, for the progress bar: JSONL, JSON and CSV lines, one per other
    file."""
    return sum(inputs_of(source) for source in sources)


def inputs_of(source: Path, since: Tail | None = None) -> int:
    """An upper bound on the inputs a read of `source` gives (read on from its Tail `since`: of the lines after it
    alone): of a JSONL, JSON or CSV file its lines, a last one without `\n` too (an append still being written);
    of a JSON document (an array, maybe of 100,000 records on one line) its lines or, when more, its `{`s (a
    record is an object: nested objects and braces in text count too); one for any other file."""
    if source.suffix.lower() not in (".jsonl", ".json", ".csv") or source_problem(source) is not None:
        return 1
    lines, braces, last = 0, 0, b"\n"
    try:
        with source.open("rb") as handle:
            handle.seek(since.offset if since is not None else 0)
            for chunk in iter(lambda: handle.read(HASH_CHUNK), b""):
                lines, braces, last = lines + chunk.count(b"\n"), braces + chunk.count(b"{"), chunk[-1:]
        document = since is None and source.suffix.lower() != ".csv" and opens_a_document(source)
    except OSError:
        return 1
    lines += last != b"\n"
    return max(lines, braces) if document else lines


def tell_planned(progress: Callable[[int], object] | None, inputs: int) -> None:
    """Tell `progress`, when it has a `planned` method (cli.ReindexBar), how many inputs this run reads, once its
    plan is made: the total its bar fills up to (0: the run reads nothing)."""
    planned = getattr(progress, "planned", None)
    if planned is not None:
        planned(inputs)


def another_text_warning(article: Article, source: Path | None = None) -> Rejection:
    """The warning of an article whose id (its URL's) an article of another text was indexed under first: it is
    not indexed (both backends, full builds and updates)."""
    return Rejection(article.origin or str(source or article.id), (
        f"{article.url or article.id}: another text under the URL of an article indexed first, which stays (a full "
        "reindex keeps the version of the file first in path order); this one is not indexed"))


def content_key(article: Article) -> str:
    return hashlib.sha1(normalise_space(article.body).casefold().encode("utf-8")).hexdigest()


def fingerprint(path: Path, known: dict | None, read_as: str = "") -> Fingerprint | Rejection:
    """Size, mtime and SHA-1 of a file, how it is read (`read_as`) and the path it was found by when a link makes
    it differ from the file's own (`found_as`); the hash is reused when size and mtime match the manifest. A file
    that cannot be read (gone, a FIFO, no permission) gives the Rejection that says why."""
    problem = source_problem(path)
    if problem:
        return Rejection(str(path), problem)
    try:
        found, own = str(path.absolute()), str(path.resolve())
        return replace(_fingerprint(path, known), read_as=read_as, found_as=found if found != own else "")
    except OSError as error:
        return Rejection(str(path), f"cannot read: {error.strerror or error}")


def _fingerprint(path: Path, known: dict | None) -> Fingerprint:
    """A file's size, times and SHA-1; the SHA-1 is read again unless size, modification time and change time
    are those recorded (an edit of the same size whose modification time was put back still changes the
    change time; a manifest written before change times were recorded reads every file once; an entry without a
    SHA-1 was not read to its end). A .jsonl file's last line end is found as it is hashed, and whether it grew
    from what its manifest entry's Tail covers."""
    stat = path.stat()
    tail = Tail.of(known)
    if known and known.get("sha1") and (known.get("size"), known.get("mtime_ns"), known.get("ctime_ns")) == (
            stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns):
        return Fingerprint(stat.st_size, stat.st_mtime_ns, known["sha1"], stat.st_ctime_ns,
                           line_end=tail.offset if tail else 0, line_end_sha1=tail.sha1 if tail else "")
    grown_from = tail if tail is not None and stat.st_size > int(known.get("size") or 0) else None
    hashed = _Hashed(path, path.suffix.lower() == ".jsonl", grown_from)
    return Fingerprint(stat.st_size, stat.st_mtime_ns, hashed.sha1, stat.st_ctime_ns, line_end=hashed.line_end,
                       line_end_sha1=hashed.line_end_sha1, grown=hashed.grown)


class _Hashed:
    """A file's SHA-1, read HASH_CHUNK at a time; with `lines` (a .jsonl file), when it is read byte for byte
    (loaders.line_encoding: not UTF-16), where its last `\n` ends and the SHA-1 of the bytes up to there, and, with
    `grown_from`, whether its first bytes are those that Tail covers."""

    def __init__(self, path: Path, lines: bool, grown_from: Tail | None) -> None:
        digest, read = hashlib.sha1(), 0
        self.line_end, self.line_end_sha1, self.grown = 0, "", False
        line_end = None
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(HASH_CHUNK), b""):
                if not read:
                    lines = lines and _read_byte_for_byte(chunk[:BINARY_SAMPLE])
                if lines and grown_from is not None and read < grown_from.offset <= read + len(chunk):
                    before = digest.copy()
                    before.update(chunk[:grown_from.offset - read])
                    self.grown = before.hexdigest() == grown_from.sha1
                end = chunk.rfind(b"\n") if lines else -1
                if end >= 0:
                    line_end = digest.copy()
                    line_end.update(chunk[:end + 1])
                    self.line_end = read + end + 1
                digest.update(chunk)
                read += len(chunk)
        self.sha1 = digest.hexdigest()
        if line_end is not None:
            self.line_end_sha1 = line_end.hexdigest()


def _read_byte_for_byte(start: bytes) -> bool:
    """Whether a JSON Lines file opening with `start` is read byte for byte (neither UTF-16 nor binary), so that a
    read can go on from a byte offset of it."""
    try:
        return line_encoding(start) == AS_BYTES
    except InputError:
        return False


def settled(print_: Fingerprint, path: Path, report: BuildReport) -> Fingerprint:
    """What the manifest records of a file just read: its fingerprint as planned, unless the file changed while
    it was read (its size or times differ now: truncated and rewritten in place, an export being written), when
    the SHA-1 is left out so that the next update reads it again, and the report says so. The planned SHA-1
    would call the file unchanged for ever, with only what the read caught of it indexed."""
    try:
        stat = path.stat()
        now = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    except OSError:
        now = None
    if now == (print_.size, print_.mtime_ns, print_.ctime_ns):
        return print_
    report.warnings.add(Rejection(str(path), "changed while it was read: what it holds now is read on the next "
                                             "reindex"))
    return replace(print_, sha1="", line_end=0, line_end_sha1="")


def manifest_entry(print_: Fingerprint, ids: list[str], errors: int = 0, tail: Tail | None = None) -> dict:
    """What a manifest records of one source file: its fingerprint, the ids of the documents it gave, and how
    many of its inputs were rejected as errors (when any: an update that does not read it again says so); a JSON
    Lines file's Tail, when it has one."""
    entry = {"size": print_.size, "mtime_ns": print_.mtime_ns, "ctime_ns": print_.ctime_ns, "sha1": print_.sha1,
             "ids": ids}
    if print_.read_as:
        entry["read_as"] = print_.read_as
    if print_.found_as:
        entry["found_as"] = print_.found_as
    if errors:
        entry["errors"] = errors
    if tail is not None:
        entry["tail"] = tail.recorded()
    return entry


@dataclass(frozen=True)
class FileEnd:
    """What a read of a JSON Lines file found at its last line ending in `\n` (loaders.ReadPoint), and how many of
    the file's ids and errors the lines up to there gave: with the file's fingerprint, its next Tail."""

    point: ReadPoint
    ids: int
    errors: int

    def tail(self, print_: Fingerprint) -> Tail | None:
        """The Tail to record, when the read's last line end is the one the fingerprint found (the file read is
        the file hashed) and the file did not change while it was read (settled)."""
        if not print_.sha1 or not print_.line_end_sha1 or print_.line_end != self.point.offset:
            return None
        return Tail(self.point.offset, print_.line_end_sha1, self.point.lines, self.ids, self.errors,
                    self.point.dates)


def read_entry(print_: Fingerprint, source: Path, ids: list[str], report: BuildReport, end: "FileEnd | None",
               since: Tail | None = None) -> dict:
    """The manifest entry of a file just read (from `since` on, when given): its fingerprint as `settled` says,
    its errors (those of its lines before `since` too) and its next Tail."""
    print_ = settled(print_, source, report)
    errors = report.errors.count_in(str(source)) + (since.errors if since else 0)
    return manifest_entry(print_, ids, errors, end.tail(print_) if end is not None else None)


def entry_ids(entry: dict) -> list[str]:
    """The ids a manifest entry records: a list, or the JSON text of one as manifest.json keeps them."""
    ids = entry.get("ids", [])
    return json.loads(ids) if isinstance(ids, str) else ids


def _stored_entry(entry: dict) -> dict:
    """An entry as manifest.json keeps it: its ids as one JSON text (an entry read and kept is already so)."""
    ids = entry.get("ids", [])
    return entry if isinstance(ids, str) else {**entry, "ids": json.dumps(ids, ensure_ascii=False)}


def write_manifest(generation: Path, manifest: dict[str, dict]) -> None:
    text = json.dumps({"version": MANIFEST_VERSION, "files": {key: _stored_entry(entry)
                                                              for key, entry in manifest.items()}})
    (generation / MANIFEST).write_text(text, encoding="utf-8")


@dataclass
class UpdatePlan:
    """What an update must read again, given the manifest `old` of the index it updates: `changed` files
    (new, edited, or sharing an article with a changed or vanished one) and `gone` ones (no longer on disk);
    `unreadable` files are rejected and keep what they gave before, and so do `not_named` ones (on disk, not
    under this run's paths: `warta reindex new.jsonl` adds a file to an index, it does not empty it)."""

    old: dict[str, dict]
    keys: dict[str, Path]  # resolved path -> the source, for every readable source
    prints: dict[str, Fingerprint]
    unreadable: set[str]
    changed: set[str]
    gone: set[str]
    not_named: set[str] = field(default_factory=set)
    appended: dict[str, Tail] = field(default_factory=dict)  # changed files read on from their Tail alone

    def kept_manifest(self) -> dict[str, dict]:
        """The manifest entries that stay as they are."""
        return {key: self.old[key] for key in [*self.keys, *self.unreadable, *self.not_named]
                if key not in self.changed and key in self.old}

    def stale_ids(self) -> set[str]:
        """The documents of changed and vanished files: deleted, unless a changed file gives them again; never
        those a file not named this run still lists (it is not read: its articles stay as they were), nor those
        the lines an appended file keeps gave."""
        stale = {i for key in self.changed | self.gone for i in dropped_ids(self.old, key, self.appended)}
        if stale and self.not_named:
            stale -= {i for key in self.not_named for i in entry_ids(self.old[key])}
        return stale

    def kept_ids(self, key: str) -> list[str]:
        """The ids of an appended file that its lines up to its Tail gave: kept, and the first of its new entry."""
        return entry_ids(self.old[key])[:self.appended[key].ids] if key in self.appended else []

    def inputs(self) -> int:
        """An upper bound on the inputs the update reads (inputs_of): its changed files whole, but for those read
        on from their Tail, of which the lines after it (trial 53: the bar of one line appended to a 300-line
        file counted all 301 and ended at 0 %)."""
        return sum(inputs_of(self.keys[key], self.appended.get(key)) for key in self.changed)


def dropped_ids(old: dict[str, dict], key: str, appended: dict[str, Tail]) -> list[str]:
    """The ids of a changed or vanished file that an update lets go of: all of them, or those of an appended
    file's lines after its Tail (a last line still being written when it was read, read again now)."""
    if key not in old:
        return []
    ids = entry_ids(old[key])
    return ids[appended[key].ids:] if key in appended else ids


NO_SOURCES = "no .txt, .jsonl, .json, .csv or .html files found"


def no_sources(paths: Iterable[str | os.PathLike], report: BuildReport) -> NoSourcesError:
    """The error of a reindex whose paths hold no file it reads, listing what the walk passed over (a folder of
    `.md` files, links leading out of it) as the report would have (trial 46: a reindex listed none of it)."""
    listed = tuple(f"{kind}: {rejection}" for kind, rejections in report.by_kind().items()
                   for rejection in rejections) + tuple(report.unlisted_notes())
    return NoSourcesError(f"{NO_SOURCES} in " + ", ".join(str(p) for p in paths), listed)


@dataclass(frozen=True)
class Walked:
    """What an update needs of the walk besides its sources: the directories it could not list (their files'
    articles are kept) and the directories it was given (a file indexed before that the walk of one of them did
    not find is gone, on disk or not: passed over, or reached by a link since removed)."""

    unlisted: tuple[Path, ...] = ()
    roots: tuple[Path, ...] = ()

    def covers(self, key: str, entry: dict) -> bool:
        """Whether the file of manifest `key`, found by the path its `entry` records, lies under a given root."""
        where = Path(entry.get("found_as") or key)
        return any(where.is_relative_to(root.absolute()) or where.is_relative_to(root.resolve()) for root in self.roots)


def listed_sources(paths: Iterable[str | os.PathLike], options: ReadOptions,
                   report: BuildReport) -> tuple[list[Path], Walked]:
    """The sources under `paths`, with what the walk passed over put in the report (skipped, or errors), and what
    an update needs to know of the walk (Walked)."""
    paths = list(paths)
    passed_over: list[Rejection] = []
    sources = find_sources(paths, options, passed_over)
    for rejection in passed_over:
        report.add(rejection)
    unlisted = tuple(Path(r.origin).resolve() for r in passed_over if not r.skipped)
    return sources, Walked(unlisted, tuple(Path(p) for p in paths if Path(p).is_dir()))


def plan_update(sources: list[Path], old: dict[str, dict], report: BuildReport,
                walked: Walked = Walked(), read_as: str = "", appends: ReadOptions | None = None) -> UpdatePlan:
    """Fingerprint every source against the manifest `old` and decide what an update reads again; unreadable
    sources go into the report's errors, and its file counts are filled in. Files indexed before under an
    `unlisted` directory (one that could not be listed this time) are unreadable too, not gone; files neither
    found nor under a directory walked (Walked.covers) are kept unread (`not_named`). A file read
    before with other columns (`read_as`, `--column body=...`) is changed: its records read otherwise now.
    With `appends` (the options files are read with), a JSON Lines file that grew is read on from its Tail
    (appended_files); without, it is read again whole, as any changed file."""
    keys = {str(source.resolve()): source for source in sources}
    prints = {key: fingerprint(source, old.get(key), read_as) for key, source in keys.items()}
    unreadable = {key for key, print_ in prints.items() if isinstance(print_, Rejection)}
    for key in sorted(unreadable):  # rejected; what the file gave before stays indexed
        report.errors.append(prints.pop(key))
        del keys[key]
    unreadable |= {key for key in set(old) - set(keys)
                   if any(Path(key).is_relative_to(d) for d in walked.unlisted)}
    changed = {key for key, print_ in prints.items() if key not in old or old[key].get("sha1") != print_.sha1
               or old[key].get("read_as", "") != read_as}
    missing = set(old) - set(keys) - unreadable
    # not read, even when edited since: its articles stay as its entry lists them (stale_ids never deletes those)
    not_named = {key for key in missing if Path(key).is_file() and not walked.covers(key, old[key])}
    gone = missing - not_named
    appended = appended_files(keys, prints, old, changed, gone, appends) if appends is not None else {}
    touched = {i for key in changed | gone for i in dropped_ids(old, key, appended)}
    changed |= _sharing_ids(old, touched, set(keys) - changed)
    report.files_unchanged = len(keys) - len(changed)
    report.files_removed = len(gone)
    report.files_appended = len(appended)
    report.appended_earlier_errors = sum(tail.errors for tail in appended.values())
    earlier = [old[key]["errors"] for key in [*keys, *not_named]
               if key not in changed and old.get(key, {}).get("errors")]
    report.earlier_errors, report.files_with_earlier_errors = sum(earlier), len(earlier)
    report.files_not_named = len(not_named)
    return UpdatePlan(old, keys, prints, unreadable, changed, gone, not_named, appended)


def appended_files(keys: dict[str, Path], prints: dict[str, Fingerprint], old: dict[str, dict], changed: set[str],
                   gone: set[str], options: ReadOptions) -> dict[str, Tail]:
    """The changed files an update reads on from their Tail: JSON Lines files that grew, the bytes their Tail
    covers unchanged (Fingerprint.grown), read with the same columns, whose new records leave the file's date order
    as it was (loaders.keeps_date_order), and none of whose kept ids another changed or vanished file lets go of
    (the lines that gave it are not read again to give it back). Any other change reads the file whole."""
    appended = {key: tail for key in sorted(changed) if key in old and prints[key].grown
                and old[key].get("read_as", "") == options.reading_key()
                and (tail := Tail.of(old[key])) is not None and keeps_date_order(keys[key], tail.point(), options)}
    while appended:
        touched = {i for key in changed | gone for i in dropped_ids(old, key, appended)}
        sharing = {key for key in appended if touched.intersection(entry_ids(old[key])[:appended[key].ids])}
        if not sharing:
            break
        appended = {key: tail for key, tail in appended.items() if key not in sharing}
    return appended


def read_manifest(generation: Path | None) -> dict[str, dict] | None:
    """The source files a generation was built from; None when it has no manifest this version wrote."""
    if generation is None:
        return None
    try:
        data = json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") not in READABLE_MANIFESTS:
        return None
    return data.get("files", {})


def build_index(paths: Iterable[str | os.PathLike], index_root: str | os.PathLike,
                progress: Callable[[int], object] | None = None, full: bool = False,
                notice: Callable[[str], None] | None = None,
                options: ReadOptions = DEFAULT_OPTIONS, facets: FacetRegistry = FACETS) -> BuildReport:
    """Bring the index at `index_root` in line with the articles under `paths`.

    Incremental unless `full`; `progress` is called with the number of inputs read since its last call (in a
    fresh build by worker processes: of articles written, then once with the inputs that gave none, and its
    `reading` method, when it has one, with the inputs read); its `planned` method, when it has one, is told first
    how many inputs the run reads in all (tell_planned: an update, those of the files it reads again);
    `notice` receives one-line messages about recovered locks, removed leftovers and full rebuilds;
    `options` say how sources are found and read (column names, symlinks); `facets` which facets documents
    carry (an index built with other facets is rebuilt in full).
    Writes only into a directory marked as a Warta index (or one it may mark: generations.claim_root).
    A disk that fills up raises IndexWriteError, with the previous generation still current.
    """
    started = time.perf_counter()
    paths = list(paths)
    root = Path(index_root)
    report = BuildReport.listing(root, options)
    say = notice or report.notices.append
    sources, walked = listed_sources(paths, options, report)
    if not sources and not walked.unlisted:
        raise no_sources(paths, report)
    try:
        claim_root(root, say)
        with ReindexLock(root, say):
            leftovers = remove_unfinished_builds(root)
            if leftovers:
                say(f"removed {len(leftovers)} unfinished build(s) left by an interrupted reindex")
            links = remove_interrupted_links(root)
            if links:
                say(f"removed {len(links)} temporary link(s) left by an interrupted reindex ({', '.join(links)})")
            stems = Stems(root)
            copies = stems.remove_unfinished_saves()
            if copies:
                say(f"removed {len(copies)} stem cache copy(ies) left by an interrupted reindex ({', '.join(copies)})")
            if not full:  # a full build stems every word afresh: an edited or stale cache is not carried on
                stems.refresh()  # (trial 53: a `--full` reindex kept two hand-edited lines of stems.tsv)
            _update(root, sources, full, progress, report, say, stems, options, facets, walked)
            remove_unused_generations(root)
    except OSError as error:
        if error.errno not in DISK_FULL:
            raise
        where = f" ({error.filename})" if error.filename else ""
        kept = (f"the previous one at {root} is still current" if current_generation(root) is not None
                else f"there is no index at {root} yet")
        raise IndexWriteError(f"the disk is full ({os.strerror(error.errno)}{where}): the new index was not "
                              f"written and {kept}") from None
    report.seconds = time.perf_counter() - started
    return report


def _usable_base(root: Path, full: bool, say: Callable[[str], None],
                 facets: FacetRegistry = FACETS) -> tuple[Path | None, dict[str, dict]]:
    """The current generation and its manifest when an update may build on it; (None, {}) for a full
    build, saying why when an update was asked for."""
    base = None if full else current_generation(root)
    if base is None:
        if not full and (root / CURRENT).is_symlink():
            say(f"{root / CURRENT} names {os.readlink(root / CURRENT)}, which is gone: a new index is built from "
                "the paths given alone (what the lost generation held is not read again)")
        return None, {}
    try:  # every byte: the update links the base's files into the new generation, damage and all
        readable = usable(base, whole=True)
    except IndexDamagedError as error:
        say(f"{error}: rebuilding it in full")
        return None, {}
    old = read_manifest(base)
    if old is None or not readable:
        say(f"the current generation {base.name} was written by an older Warta: rebuilding it in full")
        return None, {}
    try:  # checksums say the bytes are as sealed, not that Whoosh can read them (a forged or rewritten record)
        searcher = open_searcher(base)
    except Exception as error:  # whatever a truncated term table or pickle gives, as generations.usable
        say(f"the index generation {base} is damaged: Whoosh cannot read its segments ({type(error).__name__}): "
            "rebuilding it in full")
        return None, {}
    with searcher:
        written, wanted = searcher.schema, build_schema(facets)
    lacking = set(build_schema(FacetRegistry(())).names()) - set(written.names())  # fields every index has now
    if not lacking and set(written.names()) != set(wanted.names()):
        say(f"the current generation {base.name} has other facets than {', '.join(facets.names)}: "
            "rebuilding it in full")
        return None, {}
    if lacking or layout(written) != layout(wanted):
        say(f"the current generation {base.name} was written with an older field layout: rebuilding it in full")
        return None, {}
    return base, old


def files_read_again(old: dict | None, sources: list[Path], walked: Walked, read_as: str, report: BuildReport,
                     say: Callable[[str], None]) -> list[Path]:
    """The files of the manifest `old` (the current index's, which cannot be updated and is rebuilt in full) that an
    update would have kept unread (outside this run's paths, still on disk): read again, so that `warta reindex
    new.jsonl` over an index of an older layout keeps every article (trial 52: it kept 1 of 3,869). A file read
    before with other columns cannot be read as it was: a warning names it. Nothing when there is no manifest."""
    named = {str(source.resolve()) for source in sources}
    again = []
    for key, entry in sorted(old.items() if isinstance(old, dict) else ()):
        if not (isinstance(key, str) and isinstance(entry, dict) and Path(key).suffix.lower() in SUFFIXES):
            continue  # a record of a damaged generation is untrusted input: only files of a readable kind
        if key in named or walked.covers(key, entry) or not Path(key).is_file():
            continue  # this run reads it, or finds it gone, or it is gone: as an update would
        if entry.get("read_as", "") != read_as:
            report.add(Rejection(key, "read before with other columns, so not read again as the index is rebuilt "
                                      "in full: reindex it with the same --column options", warning=True))
            continue
        again.append(Path(key))
    if again:
        say(f"reading again the {len(again)} file(s) the current generation was built from besides the paths given")
    return again


def _update(root: Path, sources: list[Path], full: bool, progress, report: BuildReport,
            say: Callable[[str], None], stems: Stems, options: ReadOptions = DEFAULT_OPTIONS,
            facets: FacetRegistry = FACETS, walked: Walked = Walked()) -> None:
    base, old = _usable_base(root, full, say, facets)
    if base is not None and not StoryIndex.saved_in(base):
        say(f"the current generation {base.name} has no story state of these settings: rebuilding it in full")
        base, old = None, {}
    if base is None and not full:
        old_files = read_manifest(current_generation(root))
        sources = [*sources, *files_read_again(old_files, sources, walked, options.reading_key(), report, say)]
    plan = plan_update(sources, old, report, walked, options.reading_key(), appends=options)
    if base is not None and not plan.changed and not plan.gone:
        if stems.corrected or not (root / STEM_CACHE).exists():
            stems.save()  # an older Warta's stems, mended as read (analysis.Stems.merge), are written as they are now
        tell_planned(progress, 0)
        return  # nothing to do: the story state is not read (0.5 s at a million articles)
    stories = StoryIndex.load(base) if base is not None else StoryIndex()
    if stories is None:
        raise StoryStateError(f"the story state of {base.name} changed while it was read")
    known_stems = len(stems)
    keys, prints, changed, gone = plan.keys, plan.prints, plan.changed, plan.gone
    building = new_building_dir(root)
    try:
        if base is not None:
            link_generation(base, building,
                            skip=lambda name: "LOCK" in name or name in (MANIFEST, STORIES_FILE, STORIES_DELTA))
            ix = whoosh_index.open_dir(str(building))
        else:
            ix = whoosh_index.create_in(str(building), build_schema(facets))
        manifest, stale_ids = plan.kept_manifest(), plan.stale_ids()
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
        fresh_in_parallel = base is None and workers > 1
        inputs = plan.inputs() if progress is not None or fresh_in_parallel else 0
        tell_planned(progress, inputs)
        expected = inputs if fresh_in_parallel else 0
        if expected >= PARALLEL_MIN_ARTICLES:
            _build_in_parallel(building, keys, prints, sorted(changed), manifest, workers, progress, report,
                               stories, stems, options, facets, expected)
        else:
            _build_here(ix, keys, prints, sorted(changed), manifest, stale_ids, progress, report, stories, stems,
                        options, facets, plan)
        if not any(entry_ids(entry) for entry in manifest.values()):
            _nothing_indexed(root, sources, report)
            return  # the previous generation (or none) stays current: a reindex that read nothing loses nothing
        _write_segment_tables(building, facets)
        stories.save(building)
        write_manifest(building, manifest)
        seal(building, base)
        if len(stems) > known_stems or stems.corrected or not (root / STEM_CACHE).exists():
            stems.save()  # before the swap: a new generation never lacks its stems
        report.generation = publish(root, building).name
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)


def _write_segment_tables(building: Path, facets: FacetRegistry) -> None:
    """Each new segment's word table (wordtables.py) and facet table (facets.write_facet_tables), which a
    search reads in place of its term file and its facet values' postings; the segments linked from the
    previous generation have theirs."""
    with whoosh_index.open_dir(str(building)).reader() as reader:
        write_word_tables(reader, nullcontext())
        write_facet_tables(reader, [facet.index_field for facet in facets])


def _nothing_indexed(root: Path, sources: list[Path], report: BuildReport) -> None:
    """Every source was rejected or skipped (`{bad` lines, index pages only): no generation of no article is
    published over what searches read now, and the report says so as an error (exit 3); nothing it counted
    as removed was (trial 40: `removed 5; 1 files gone` beside an index that still held all five)."""
    report.removed = report.files_removed = 0
    kept = (f"the index at {root} stays as it was" if current_generation(root) is not None
            else f"no index was written at {root}")
    where = str(sources[0]) if len(sources) == 1 else f"{len(sources)} sources"
    report.errors.always(Rejection(where, f"no article could be read from any source: {kept}"))


def _build_here(ix, keys: dict[str, Path], prints: dict[str, Fingerprint], changed: list[str],
                manifest: dict[str, dict], stale_ids: set[str], progress, report: BuildReport,
                stories: StoryIndex, stems: Stems, options: ReadOptions = DEFAULT_OPTIONS,
                facets: FacetRegistry = FACETS, plan: UpdatePlan | None = None) -> None:
    """Update one index in this process: delete what changed or vanished, add what is new (of a file appended to,
    what it holds after its Tail: `plan.appended`), then settle the stories the changes unsettled
    (StoryIndex.unsettled): documents whose story that changes are written again."""
    appended = plan.appended if plan is not None else {}
    writer = open_writer(ix)
    try:
        with ix.searcher() as before:
            deleted = {i for i in stale_ids if writer.delete_by_term("id", i, searcher=before)}
            for i in deleted:
                stories.remove(i)
            adder = _Adder(writer, before, stale_ids, report, stories, options, stems, facets, next_read_order(before))
            for key in changed:
                since = appended.get(key)
                ids = adder.add_file(keys[key], progress, since=since, kept_ids=plan.kept_ids(key) if since else ())
                if keys[key] not in adder.failed_files:
                    manifest[key] = read_entry(prints[key], keys[key], ids, report, adder.ends.get(keys[key]), since)
                elif since is not None:  # what it gave stays listed, and the next update reads it whole
                    manifest[key] = manifest_entry(replace(prints[key], sha1=""), ids,
                                                   report.errors.count_in(str(keys[key])) + since.errors)
            report.removed = len(deleted - adder.added_ids)
            moved = adder.settled_stories()
        with collector_paused():  # not while reading: parsed HTML pages are cycles only the collector frees
            writer.commit(mergetype=merge_small_segments)
    except BaseException:
        discard(writer)
        raise
    if moved:
        _write_in_stories(ix, moved, facets)


def _write_in_stories(ix, stories: dict[str, str], facets: FacetRegistry = FACETS) -> None:
    """Documents (id -> story) written again in other stories, from their stored fields, each keeping its place
    in reading order: neither their source files nor this run's articles are read again. A writer of its own,
    after the update's: the update's writer cannot delete the documents it added itself."""
    writer = open_writer(ix)
    try:
        with ix.searcher() as searcher:
            orders = searcher.reader().column_reader(READ_ORDER)
            for article_id, story in stories.items():
                document = searcher.document_number(id=article_id)
                article = stored_article(searcher.stored_fields(document))
                writer.delete_by_term("id", article_id, searcher=searcher)
                add_article(writer, article, content_key(article), story, None, facets, orders[document])
        writer.commit(mergetype=merge_small_segments)
    except BaseException:
        discard(writer)
        raise


def next_read_order(searcher) -> int:
    """The read order (schema.READ_ORDER) of the first article an update of the index `searcher` reads adds:
    after every document it has, deleted ones included."""
    reader = searcher.reader()
    if not reader.doc_count_all():
        return 1
    return int(column_values(reader, READ_ORDER, SegmentMemo()).max()) + 1


def _kept_members(before, stories: set[str], stale_ids: set[str]) -> dict[str, str]:
    """The documents of `stories` that an update keeps (those of `before` it does not delete), each with its
    story."""
    if before is None:
        return {}
    return {fields["id"]: story for story in stories for fields in before.documents(story=story)
            if fields["id"] not in stale_ids}


def _build_in_parallel(building: Path, keys: dict[str, Path], prints: dict[str, Fingerprint],
                       changed: list[str], manifest: dict[str, dict], workers: int, progress,
                       report: BuildReport, stories: StoryIndex, stems: Stems,
                       options: ReadOptions = DEFAULT_OPTIONS, facets: FacetRegistry = FACETS,
                       expected: int = 0) -> None:
    """A fresh build of many (about `expected`) articles: read, deduplicate and find stories here, analyse and
    write in worker processes, which start on the first articles while the rest are read."""
    adder = _Adder(None, None, set(), report, stories, options)  # a fresh build: nothing indexed to compare with
    bodies: dict[str, str] = {}
    spool = ArticleSpool(building / SPOOL_FILE)
    reading = _CountedReading(getattr(progress, "reading", None))
    try:
        with ParallelWriters(spool, building, workers, expected, progress, facets) as writers:
            with StoryStream(stories, bodies.get, workers) as stream:
                read = _Read(stream, bodies, spool, writers)
                for key in changed:  # a fresh build: no file is read on from a Tail
                    ids = adder.add_file(keys[key], reading, collect=read)
                    if keys[key] not in adder.failed_files:
                        manifest[key] = read_entry(prints[key], keys[key], ids, report, adder.ends.get(keys[key]))
                found = stream.finish()
            spool.finish()
            bodies.clear()  # the stories are found: the texts are read back from the spool by the workers
            writers.finish(found, stems)
        if progress and reading.inputs > writers.reported:
            progress(reading.inputs - writers.reported)  # those that gave no article to write: rejected, duplicates
    finally:
        spool.close()


class _CountedReading:
    """The inputs a parallel build reads, counted, and each passed on to `reading` (ReindexBar.reading) if any."""

    def __init__(self, reading: Callable[[int], object] | None) -> None:
        self.reading = reading
        self.inputs = 0

    def __call__(self, count: int) -> None:
        self.inputs += count
        if self.reading is not None:
            self.reading(count)


class _Read:
    """Collects a fresh build's articles, (article, content key), in reading order into a spool; each one's
    story is looked for as soon as it is read, its body kept meanwhile for comparing later articles with."""

    def __init__(self, stream: StoryStream, bodies: dict[str, str], spool: ArticleSpool,
                 writers: ParallelWriters) -> None:
        self.stream = stream
        self.bodies = bodies
        self.spool = spool
        self.writers = writers

    def append(self, item: tuple[Article, str]) -> None:
        self.spool.append(item)
        article = item[0]
        self.bodies[article.id] = article.body
        self.stream.append(article.id, article.body)
        self.writers.publish(self.stream.stories)


class SourceReading:
    """The articles of one source file, its rejections and warnings going into `report` and every input
    read counted by `progress`; after the loop, `whole` says whether the file was read whole (a file read
    in part is not recorded as up to date)."""

    def __init__(self, source: Path, options: ReadOptions, report: BuildReport,
                 progress: Callable[[int], object] | None, since: Tail | None = None) -> None:
        self.source, self.options, self.report, self.progress = source, options, report, progress
        self.whole = True
        self.since = since  # read on from there: the lines after it alone (an append)
        self.reached: list[ReadPoint] = []  # a JSON Lines file's last line end, once its first reading is through
        self.errors_before_end = since.errors if since else 0  # errors of the lines up to it

    def __iter__(self):
        since = self.since.point() if self.since else None
        for item in read_source(self.source, self.options, since, self.reached):
            if isinstance(item, Rejection):
                self.report.add(item)
                if item.warning:
                    continue  # about an article that comes on its own: no input of its own
                if item.origin == str(self.source) and not item.skipped:
                    self.whole = False
                elif not item.skipped and self.before_end(item):
                    self.errors_before_end += 1
            if self.progress:
                self.progress(1)
            if self.since is not None:
                self.report.records_appended += 1
            if not isinstance(item, Rejection):
                yield item

    def before_end(self, item: Article | Rejection) -> bool:
        """Whether an article or rejection comes from a line up to the file's last line end (its next Tail)."""
        line = LINE_SUFFIX.search(item.origin)
        return bool(self.reached) and line is not None and int(line[0][1:]) <= self.reached[0].lines

    def end(self, ids: int) -> FileEnd | None:
        """What the read found at the file's last line end, `ids` of the file's ids given up to there."""
        return FileEnd(self.reached[0], ids, self.errors_before_end) if self.reached and self.whole else None


def _sharing_ids(old: dict[str, dict], touched_ids: set[str], candidates: set[str]) -> set[str]:
    """Unchanged files that gave an article also given by a changed or vanished file (`touched_ids`: those the
    update lets go of) must be re-read, or deleting that article would lose it."""
    if not touched_ids:  # only new files changed, or files appended to: the others' ids are not read
        return set()
    return {key for key in candidates if key in old and touched_ids.intersection(entry_ids(old[key]))}


class _Adder:
    """Adds articles once each: the same URL or the same text twice is one document; a near copy of an
    indexed article joins its story."""

    def __init__(self, writer, before, stale_ids: set[str], report: BuildReport,
                 stories: StoryIndex, options: ReadOptions = DEFAULT_OPTIONS, stems: Stems | None = None,
                 facets: FacetRegistry = FACETS, first_order: int = 1) -> None:
        self.writer = writer
        self.next_order = first_order  # the read order of the next article added (schema.READ_ORDER)
        self.facets = facets
        self.stems = stems  # learns the words of every article added
        self.stories = stories
        self.bodies: dict[str, str] = {}  # this run's articles, for verifying story candidates
        # the generation being updated, for content already indexed (none to ask in a fresh build)
        self.before = before if before is not None and before.doc_count_all() else None
        self.added_ids: set[str] = set()
        self.stale_ids = stale_ids  # documents of `before` that the update deletes
        self.document_of_key: dict[str, str] = {}  # content key -> id of the document indexed for it
        self.report = report
        self.options = options
        self.failed_files: set[Path] = set()  # read in part or not at all: not recorded as up to date
        self.added_stories: dict[str, str] = {}  # the story each article this run added was written in
        self.ends: dict[Path, FileEnd] = {}  # each JSON Lines file's last line end, for its next Tail

    def add_file(self, source: Path, progress, collect: list | None = None, since: Tail | None = None,
                 kept_ids: Iterable[str] = ()) -> list[str]:
        """Add every article of one file (or, with `collect`, append it there for other writers); return
        the ids of the documents its articles are indexed as. With `since`, the file was appended to: only what it
        holds after that Tail is read, its `kept_ids` (those its lines up to there gave) listed first."""
        ids: dict[str, None] = dict.fromkeys(kept_ids)
        ids_before_end = len(ids)
        reading = SourceReading(source, self.options, self.report, progress, since)
        for article in reading:
            ids[self.add(article, collect, source)] = None
            if reading.before_end(article):
                ids_before_end = len(ids)
        if not reading.whole:
            self.failed_files.add(source)
        end = reading.end(ids_before_end)
        if end is not None:
            self.ends[source] = end
        return list(ids)

    def add(self, article: Article, collect: list | None = None, source: Path | None = None) -> str:
        """Index an article unless it is one already indexed; return the id of its document. Another text
        under an indexed article's URL is not indexed, and a warning says so (the version indexed first stays:
        in a full reindex, the one of the file first in path order)."""
        key = content_key(article)
        document = (article.id if article.id in self.added_ids or self._kept(article.id) else None) \
            or self.document_of_key.get(key) or self._indexed_elsewhere(key)
        if document is not None:
            self.report.duplicates += 1
            if document == article.id and not self._same_text(article.id, key):
                self.report.warnings.add(another_text_warning(article, source))
            return document
        self.added_ids.add(article.id)
        self.document_of_key[key] = article.id
        if collect is not None:  # the collector finds stories for the whole batch at once
            collect.append((article, key))
        else:
            self.bodies[article.id] = article.body
            story = self.added_stories[article.id] = self.stories.assign(article.id, article.body, self._body_of)
            add_article(self.writer, article, key, story, self.stems, self.facets, self.next_order)
        self.next_order += 1  # a fresh build's workers number the spooled articles as this does (parallel.py)
        self.report.indexed += 1
        return article.id

    def settled_stories(self) -> dict[str, str]:
        """The documents whose story changes, with their new one, once the articles of the stories this update
        unsettled (the kept ones and this run's) are assigned again in the order they were indexed
        (StoryIndex.reassign): the work is that of those stories' articles, not the archive's."""
        unsettled = self.stories.unsettled
        written = {**_kept_members(self.before, unsettled, self.stale_ids),
                   **{i: story for i, story in self.added_stories.items() if story in unsettled}}
        found = self.stories.reassign(written, self._body_of) if written else {}
        return {i: story for i, story in found.items() if story != written[i]}

    def _body_of(self, article_id: str) -> str | None:
        """The body of an article this run added or the update keeps; None when it is gone."""
        if article_id in self.bodies:
            return self.bodies[article_id]
        if self.before is None or article_id in self.stale_ids:
            return None
        stored = self.before.document(id=article_id)
        return stored["body"] if stored is not None else None

    def _kept(self, article_id: str) -> bool:
        """Whether the update keeps a document of this id: the generation before it has a live one (a deleted
        document keeps its terms until its segment merges) that this update does not delete. Asked of the
        index, not of a set of every kept id: that set took 0.35 s to build at a million articles."""
        if self.before is None or article_id in self.stale_ids:
            return False
        return self.before.document_number(id=article_id) is not None

    def _same_text(self, article_id: str, key: str) -> bool:
        """Whether the document `article_id` holds the text of content key `key`."""
        return self.document_of_key.get(key) == article_id or self._indexed_elsewhere(key) == article_id

    def _indexed_elsewhere(self, key: str) -> str | None:
        """The id of a document of this text that the update keeps, if the generation before it has one."""
        if self.before is None:
            return None
        stored = self.before.document(content_key=key)
        return stored["id"] if stored is not None and stored["id"] not in self.stale_ids else None
