"""Read source files into Articles: seed plain text (*.txt), JSON Lines (*.jsonl), CSV (*.csv), HTML pages.

Every problem with one file or one record is a Rejection naming it (file, and line for JSONL/CSV) with the
reason; nothing here stops a reindex. A date field that cannot be read leaves the article undated and adds a
warning, which is a Rejection with `warning=True`: the article itself is kept.
"""

from __future__ import annotations

import codecs
import errno
import csv
import io
import itertools
import json
import math
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from .articles import (Article, article_id, cut_at_word, first_sentence, normalise_space, normalise_text, permalink,
                       site_name, without_controls)
from .cleaning import clean_body, markup_as_text, markup_as_title, paragraph_lines
from .datafiles import read_lines
from .titles import slug_title
from .errors import InputError, NoArticleError
from .extract.dates import DateOrder, find_date, parse_date_value, text_date, today_wib
from .extract.lexicon import Lexicon, load_lexicon
from .extract.outlets import normalise_outlet
from .extract.places import dateline_match, find_dateline
from .generations import is_marked

MAX_FILE_BYTES = 20 * 1024 * 1024  # a file read whole (.txt, a JSON document, a CSV); a larger CSV is streamed
MAX_HTML_BYTES = 5 * 1024 * 1024  # a page: parsing time and memory grow with it (a 5 MB page parses in ~3 s)
MAX_LINE_BYTES = 4 * 1024 * 1024  # one JSON Lines record
MAX_BODY_CHARS = 500_000  # one article's text (news articles run 2-20 thousand characters)
DESK_LINE_MAX_CHARS = 40
DESK_LINE_MAX_WORDS = 4
MIN_BODY_CHARS = 40
READ_CHUNK = 1 << 16


@dataclass(frozen=True)
class Rejection:
    """A source (file, or one line of a JSONL/CSV file) that produced no article, and why; or, with
    `warning`, something read with a loss the user should know of (an unreadable date, a guessed order)."""

    origin: str
    reason: str
    skipped: bool = False  # True for pages that simply hold no article (not an error)
    warning: bool = False  # True when the article was kept: only the report mentions it

    def __str__(self) -> str:
        """One line: control characters in a file's name (a newline could forge another report line) or in
        the reason are shown escaped (`\\n`)."""
        line = f"{self.origin}: {self.reason}"
        return line if line.isprintable() else "".join(c if c.isprintable() else _escaped(c) for c in line)

    @property
    def kind(self) -> str:
        """How a report names it: one of REJECTION_KINDS."""
        return "warning" if self.warning else "skipped" if self.skipped else "error"

    @property
    def file(self) -> str:
        """The file a rejection is about: its origin without a record's `:line`."""
        return LINE_SUFFIX.sub("", self.origin)


REJECTION_KINDS = ("skipped", "error", "warning")  # in the order a report prints them
LINE_SUFFIX = re.compile(r":\d+$")
REJECTIONS_LISTED_PER_FILE = 20
REJECTIONS_LISTED = 100  # of one kind in all: 10,000 files of one bad record each print a screenful too


def _escaped(character: str) -> str:
    """A character a report line cannot show as it is: a byte of a file name that is no UTF-8 (kept by Python as a
    lone surrogate, U+DC80-U+DCFF) as the byte (`\\xfe`), any other as Python writes it (`\\n`, `\\x1b`)."""
    if "\udc80" <= character <= "\udcff":
        return f"\\x{ord(character) - 0xDC00:02x}"
    return repr(character)[1:-1]


class RejectionList(list):
    """Rejections of one kind, listed up to `per_file` for each file and REJECTIONS_LISTED in all (`per_file`
    None: every one); the others are only counted, so a file of a million bad records, or a folder of ten
    thousand bad files, costs counts, not a million objects and lines of output."""

    def __init__(self, per_file: int | None = REJECTIONS_LISTED_PER_FILE) -> None:
        super().__init__()
        self.per_file = per_file
        self.listed_by_file: Counter[str] = Counter()
        self.unlisted: Counter[str] = Counter()

    def add(self, rejection: Rejection) -> bool:
        """Keep `rejection` when there is room left (in its file and in all): True when it is listed, False when
        only counted."""
        if self.per_file is not None and (self.listed_by_file[rejection.file] >= self.per_file
                                          or len(self) >= REJECTIONS_LISTED):
            self.unlisted[rejection.file] += 1
            return False
        self.listed_by_file[rejection.file] += 1
        super().append(rejection)
        return True

    def append(self, rejection: Rejection) -> None:  # type: ignore[override]
        self.add(rejection)

    def always(self, rejection: Rejection) -> None:
        """List `rejection` whatever the caps: what the whole run came to (`no index was written`)."""
        super().append(rejection)

    @property
    def total(self) -> int:
        return len(self) + sum(self.unlisted.values())

    def count_in(self, file: str) -> int:
        """How many rejections of `file` were added, listed or only counted."""
        return self.listed_by_file[file] + self.unlisted[file]

    def unlisted_notes(self) -> list[str]:
        """What was counted but not listed: one line for each file some of whose rejections are listed
        (`data.jsonl: 4980 more not listed (the first 20 are; …)`), one for all the files none of whose are."""
        notes, others, other_files = [], 0, 0
        for file, count in self.unlisted.items():
            if file in self.listed_by_file:
                notes.append(f"{file}: {count} more not listed (the first {self.listed_by_file[file]} are; "
                             "--all-rejections lists all)")
            else:
                others, other_files = others + count, other_files + 1
        if others:
            notes.append(f"{others} more in {other_files} other files not listed (the first {len(self)} of this "
                         "kind are; --all-rejections lists all)")
        return notes


# Record fields and the column or key names exports use for them, English and Indonesian; the first found wins (a
# second body holding another text is named in a warning: _second_body).
# A name is matched in any case, without spaces, hyphens and underscores (`Isi Berita`, `Tanggal-Terbit`,
# `publishedAt`: field_key).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "judul", "headline", "judul_berita", "post_title"),
    "body": ("body", "content", "text", "isi", "isi_berita", "konten", "article", "artikel", "post_content"),
    "date": ("date", "tanggal", "published_at", "published", "publish_date", "pubdate", "datetime", "waktu",
             "tgl", "date_published", "tanggal_terbit", "tgl_terbit", "tanggal_publikasi", "tanggal_posting",
             "post_date"),
    "url": ("url", "link", "tautan", "permalink"),
    "source": ("source", "sumber", "media", "outlet", "publisher"),
    "id": ("id",),
    "place": ("place", "tempat", "lokasi"),
    "category": ("category", "kategori", "rubrik"),
}


NUMBER_FIELDS = frozenset({"date", "id"})  # JSON exports write epoch dates and ids as numbers
FRACTION_FIELDS = frozenset({"date", "id"})  # `time.time()` writes epoch seconds with a fraction; pandas an id
# column with gaps as `7.0`
NUMBER_AS_TEXT = frozenset({"title", "source", "place", "category"})  # `"title": 2024`: the number's text
LIST_JOINERS = {"body": "\n\n", "category": ", "}  # a scraper's paragraphs; a record's categories as a list
NAMED_FIELDS = frozenset({"source", "category"})  # NewsAPI's `"source": {"id": null, "name": "Detik.com"}`
MAX_TITLE_SOURCE = 5_000  # characters of a record's title read (markup included)
MAX_TITLE_CHARS = 300  # a title kept, cut at a word: as a page's is
RENDERED = "rendered"  # WordPress's REST API: `"title": {"rendered": "…"}`, `"content": {"rendered": "<p>…"}`


@dataclass(frozen=True)
class ReadOptions:
    """How sources are found and read: `columns` maps a record field to the column or key that holds it
    (`--column body=isi_berita`); symlinks leading out of the given roots are followed only when asked; how
    many rejections of one kind a report lists for each file (`--all-rejections`: every one)."""

    columns: Mapping[str, str] = field(default_factory=dict)
    follow_symlinks: bool = False
    rejections_listed: int | None = REJECTIONS_LISTED_PER_FILE  # of one kind, per file; None: every one

    def __post_init__(self) -> None:
        unknown = sorted(set(self.columns) - set(FIELD_NAMES))
        if unknown:
            raise InputError(f"unknown field {unknown[0]!r} in a column mapping; fields are: "
                             + ", ".join(FIELD_NAMES))

    def reading_key(self) -> str:
        """What of these options changes the articles a file gives (the column mapping), as one text for an
        index's manifest; "" for the default, so manifests of default reads stay as they were."""
        return json.dumps(dict(sorted(self.columns.items())), ensure_ascii=False) if self.columns else ""

    def names_for(self, field_name: str) -> tuple[str, ...]:
        mapped = self.columns.get(field_name)
        return (mapped,) if mapped else FIELD_NAMES[field_name]


DEFAULT_OPTIONS = ReadOptions()


def parse_column_mapping(items: Iterable[str]) -> dict[str, str]:
    """`["body=isi_berita", "date=tgl_terbit"]` → `{"body": "isi_berita", "date": "tgl_terbit"}`."""
    mapping = {}
    for item in items:
        name, _, column = item.partition("=")
        if not name.strip() or not column.strip():
            raise InputError(f"column mapping {item!r} is not FIELD=COLUMN")
        field_name, column = name.strip().lower(), column.strip()
        if field_key(mapping.get(field_name, column)) != field_key(column):  # the last one silently won: which
            # did the user mean? (`NASKAH` and `naskah` are one column, as headers are matched: field_key)
            raise InputError(f"field {field_name!r} is mapped to two columns, {mapping[field_name]!r} and "
                             f"{column!r}: give one")
        mapping[field_name] = column
    ReadOptions(mapping)  # validates the field names
    return mapping


# -- finding sources ----------------------------------------------------------------------------
def find_sources(paths: Iterable[str | os.PathLike], options: ReadOptions = DEFAULT_OPTIONS,
                 passed_over: list[Rejection] | None = None) -> list[Path]:
    """The source files under the given files and directories, in a stable order. A file named on the
    command line is taken whatever it is (reading it says what is wrong); inside a directory, files with a
    known suffix are, and symlinks whose target lies outside every given root (or is gone) are not followed
    unless `options.follow_symlinks`: each is added to `passed_over`, skipped with its reason."""
    given = [Path(raw) for raw in paths]
    roots = [p.resolve() for p in given if p.is_dir()]
    found: list[Path] = []
    for path in given:
        if path.is_dir():
            found.extend(_walk(path, roots, options.follow_symlinks, passed_over))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return found


NOT_FOLLOWED = "symbolic link leading out of the given directories: not followed (--follow-symlinks follows it)"


def _walk(top: Path, roots: list[Path], follow: bool, passed_over: list[Rejection] | None) -> list[Path]:
    """The readable sources under `top`; what is passed over goes to `passed_over`: a directory that cannot be
    listed (an error: what it gave before stays indexed), a Warta index root with all it holds, links not followed,
    platform debris (`._x.txt`, `~$x.csv`) and, as one line, the files of kinds Warta does not read."""
    found = []
    seen_dirs: set[tuple[int, int]] = set()
    other_kinds: Counter = Counter()
    note = passed_over.append if passed_over is not None else (lambda rejection: None)

    def unlisted(error: OSError) -> None:
        note(Rejection(str(error.filename or top), f"{UNLISTED}: {error.strerror or error}"))

    for directory, subdirectories, files in os.walk(top, followlinks=follow, onerror=unlisted):
        here = Path(directory)
        try:
            info = here.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen_dirs:  # a symlink loop, when following links
            subdirectories.clear()
            continue
        seen_dirs.add((info.st_dev, info.st_ino))
        if is_marked(here):  # an index kept among its sources (`data/index/`): its manifest is no article
            note(Rejection(str(here), INDEX_NOT_READ, skipped=True))
            subdirectories.clear()
            continue
        if not follow:  # os.walk lists a linked directory without entering it: say so when it leads out
            for name in sorted(subdirectories):
                path = here / name
                if not name.startswith(".") and path.is_symlink() and not _inside(path, roots):
                    note(Rejection(str(path), NOT_FOLLOWED, skipped=True))
        for name in sorted(files):  # passed-over files in a stable order too
            path = here / name
            if name.startswith(DEBRIS_PREFIXES) and path.suffix.lower() in FORMATS:
                note(Rejection(str(path), "a file the system or an editor left beside the sources, not read",
                               skipped=True))
                continue
            if _is_debris(name, here):
                continue  # hidden files, Thumbs.db, a saved page's assets (its ad frames are .html too)
            if (path.suffix.lower() in FORMATS or not path.suffix) and path.is_symlink() and not path.exists():
                # followed or not: nothing there (a link without an extension is no kind of file either: trial 47)
                note(Rejection(str(path), _dead_link(path), skipped=True))
                continue
            if path.suffix.lower() not in FORMATS:
                other_kinds[path.suffix.lower() or "(no extension)"] += 1
                continue
            if path.is_symlink() and not follow and not _inside(path, roots):
                note(Rejection(str(path), NOT_FOLLOWED, skipped=True))
                continue
            found.append(path)
    if other_kinds:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(other_kinds.items()))
        note(Rejection(str(top), f"{sum(other_kinds.values())} files of kinds Warta does not read, not read "
                                 f"({kinds}; it reads {' '.join(sorted(FORMATS))})", skipped=True))
    return sorted(found)


INDEX_NOT_READ = "a Warta index, not read as sources"
UNLISTED = "cannot list this directory, what its files gave before stays indexed"
DEBRIS_PREFIXES = ("._", "~$")  # macOS AppleDouble files, Office lock files
DEBRIS_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


def _is_debris(name: str, directory: Path) -> bool:
    """Files nobody means as sources: hidden ones, the system's (`Thumbs.db`), a saved page's assets (`x_files/`)."""
    return (name.startswith(".") or name.startswith(DEBRIS_PREFIXES) or name.lower() in DEBRIS_NAMES
            or directory.name.endswith(SAVED_PAGE_ASSETS))


SAVED_PAGE_ASSETS = "_files"  # `Save page as… complete` puts a page's images and scripts in `<page>_files`


def _inside(path: Path, roots: list[Path]) -> bool:
    try:
        target = path.resolve()
    except (OSError, RuntimeError):
        return False
    return any(target == root or root in target.parents for root in roots)


SYMLINK_LOOP = "symbolic link loop"


def _dead_link(path: Path) -> str:
    """Why a symbolic link leads to no file: it leads back to itself (`a -> b -> a`), or to nothing."""
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return SYMLINK_LOOP
    return "broken symbolic link"


def source_problem(path: Path) -> str | None:
    """Why a path cannot be read as a source file (gone, not a regular file, no permission), or None."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "file vanished before it could be read"
    except OSError as error:
        return SYMLINK_LOOP if error.errno == errno.ELOOP else f"cannot read: {error.strerror or error}"
    if stat.S_ISDIR(info.st_mode):
        return "a directory, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a FIFO, socket or device)"
    if not os.access(path, os.R_OK):
        return "cannot read: permission denied"
    return None


def read_source(path: Path, options: ReadOptions = DEFAULT_OPTIONS, since: ReadPoint | None = None,
                reached: list[ReadPoint] | None = None) -> Iterator[Article | Rejection]:
    """Every article in one file, or a Rejection for each part that could not be read. Never raises for
    a problem of the file itself: a file that vanishes or fails mid-read becomes one Rejection.
    A JSON Lines file (.jsonl) is read from `since` on when given (ReadPoint: its lines after that one alone);
    with `reached`, the point after its last whole line is added there before its first article is given."""
    problem = source_problem(path)
    if problem:
        yield Rejection(str(path), problem)
        return
    reader = FORMATS.get(path.suffix.lower())
    if reader is None:
        yield Rejection(str(path), f"unsupported file type {path.suffix or '(none)'}")
        return
    if reader is read_jsonl and (since is not None or reached is not None):
        reader = partial(read_jsonl, since=since, reached=reached)
    elif since is not None:
        raise ValueError(f"{path}: only a JSON Lines file is read from a point on")
    try:
        yield from _no_future_dates(reader(path, options), latest_plausible_date())
    except NoArticleError as error:
        yield Rejection(str(path), str(error), skipped=True)
    except InputError as error:
        yield Rejection(str(path), str(error))
    except (OSError, RecursionError, MemoryError) as error:
        reason = getattr(error, "strerror", None) or STOPPED_REASONS.get(type(error), type(error).__name__)
        yield Rejection(str(path), f"reading stopped: {reason}")


FUTURE_MARGIN = timedelta(days=366)  # past today: a machine's clock set a year behind must not undate the news


def latest_plausible_date() -> date:
    """The latest date an article read now can carry: a year past today in Western Indonesian Time. A typed
    `2099` or a plan's `1 Januari 2030` taken from the body lies further; a clock a year wrong does not undate
    every article."""
    return today_wib() + FUTURE_MARGIN


def _no_future_dates(read: Iterable[Article | Rejection], latest: date) -> Iterator[Article | Rejection]:
    """Articles dated after `latest` (a mistyped `28/09/2099`, a plan's year taken from the body) indexed without
    a date, with a warning: one such date would otherwise head every list by date and the front page's window."""
    for item in read:
        if isinstance(item, Article) and item.date and item.date > latest.isoformat():
            yield replace(item, date=None)
            yield Rejection(item.origin, f"date {item.date} is later than {latest.isoformat()}: indexed without a "
                            "date", warning=True)
        else:
            yield item


STOPPED_REASONS = {RecursionError: "its structure nests too deep to read", MemoryError: "it needs more memory than "
                   "the machine has"}  # a user reads these, not Python's names for them


BINARY_SAMPLE = 8192  # bytes at the start of a file that say whether it is text
BINARY_CONTROL_SHARE = 100  # with a NUL among them, more than one control byte in this many is a binary file
TEXT_BYTES = bytes(range(9, 14)) + bytes(range(32, 256))  # all but the C0 controls text never holds
NOT_UTF8 = "not valid UTF-8"


def decode_text(data: bytes, notes: list[str] | None = None) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with or without, line_encoding), else Windows-1252 (a superset of
    Latin-1 that old exports use) for the bytes that are not valid UTF-8 (decoded_line), so that text is not lost
    over its encoding; the fallback is noted in `notes`, naming those lines.
    NUL bytes at the start, with control bytes (NUL included) over 1 % of it, mean a binary file; fewer, strays a
    bad export leaves, are dropped and noted."""
    encoding = line_encoding(data[:BINARY_SAMPLE], notes)
    if encoding != AS_BYTES:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            if len(data) % code_unit(encoding):
                raise InputError(cut_inside_a_character(encoding)) from None
            raise InputError(f"not valid {encoding.upper()}") from None
    if b"\x00" in data:
        if notes is not None:
            notes.append(f"{data.count(0)} NUL byte(s) dropped")
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:  # one stray byte must not turn every valid line into mojibake: line by line
        return "".join(decoded_lines(data.splitlines(keepends=True), notes))


AS_BYTES = "latin-1"  # Latin-1 maps each byte to one character and back: the bytes as they are


def line_encoding(start: bytes, notes: list[str] | None = None) -> str:
    """How a text file is decoded, judged by its first bytes: `utf-16` after a byte order mark, `utf-16-le` or
    `utf-16-be` without one (noted), else AS_BYTES, for decoded_lines to read each line as UTF-8, a stray byte as
    Windows-1252. InputError for a binary file."""
    if start.startswith(UTF32_BOMS):  # before UTF-16's: UTF-32 LE's mark opens with UTF-16 LE's
        return "utf-32"
    if start.startswith(UTF16_BOMS):
        return "utf-16"
    unmarked = _utf16_without_bom(start)
    if unmarked:
        if notes is not None:
            notes.append(f"read as {unmarked.upper()} (UTF-16 without a byte order mark)")
        return unmarked
    refuse_binary(start)
    return AS_BYTES


def _utf16_without_bom(start: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when a file's start is text of that encoding without its mark (Excel's
    "Unicode text"): Indonesian text is mostly ASCII, so nearly every second byte is NUL and hardly any other."""
    pairs = len(start) // 2
    if pairs < UTF16_MIN_PAIRS:
        return None
    low_nul, high_nul = start[0:2 * pairs:2].count(0), start[1:2 * pairs:2].count(0)
    if high_nul >= UTF16_NUL_SHARE * pairs and low_nul <= (1 - UTF16_NUL_SHARE) * pairs:
        return "utf-16-le"
    if low_nul >= UTF16_NUL_SHARE * pairs and high_nul <= (1 - UTF16_NUL_SHARE) * pairs:
        return "utf-16-be"
    return None


UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
BOMS = (codecs.BOM_UTF8, *UTF16_BOMS, *UTF32_BOMS)


def code_unit(encoding: str) -> int:
    """The bytes of one code unit of an encoding line_encoding gives: a file of such units is a multiple of it."""
    return 4 if encoding.startswith("utf-32") else 2 if encoding.startswith("utf-16") else 1


def cut_inside_a_character(encoding: str) -> str:
    """Why a UTF-16 or UTF-32 file of a size no multiple of its code unit does not read (a copy cut short)."""
    name = encoding[:6].upper()
    return f"the file ends inside a {name} character ({code_unit(encoding)} bytes each): is it cut off?"
UTF16_MIN_PAIRS = 8
UTF16_NUL_SHARE = 0.9


def refuse_binary(start: bytes) -> None:
    """InputError when a file's first BINARY_SAMPLE bytes hold NUL and more than 1 % control bytes."""
    if b"\x00" in start and len(start.translate(None, TEXT_BYTES)) * BINARY_CONTROL_SHARE > len(start):
        raise InputError("binary file (contains NUL bytes)")


def streamed_lines(path: Path, notes: list[str] | None = None,
                   long_lines: list[tuple[int, bool]] | None = None) -> Iterator[str]:
    """A text file too large to hold, line by line (a line ends at `\n`, `\r\n` or a lone `\r`), decoded as
    decode_text decodes a whole file and noting what it notes, so memory holds one line at most. A line over
    MAX_FILE_BYTES ends the reading (InputError); with `long_lines`, it is noted there and a line holding the
    parity of its field quotes stands in for it (_whole_lines), the lines after it read."""
    with path.open("rb") as handle:
        encoding = line_encoding(handle.read(BINARY_SAMPLE), notes)
        handle.seek(0)
        reader = _LineReader(handle, encoding)  # a local: freed with the generator that
        # reads it, it would close the file before `with` does (a ResourceWarning)
        quotes: list[int] = []
        lines = _whole_lines(bounded_lines(reader, MAX_FILE_BYTES, quotes), long_lines, quotes)
        yield from decoded_lines(_without_nul(lines, notes), notes)


def _whole_lines(lines: Iterable[bytes | None], long_lines: list[tuple[int, bool]] | None = None,
                 quotes: list[int] = ()) -> Iterator[bytes]:
    """The lines; a long one (None) ends them (InputError), or, with `long_lines`, is noted there (its number,
    and whether it held an odd number of quotes opening or closing a field: `quotes`, bounded_lines's count of
    each) and stands as a line holding one quote then, else none, so that a CSV field it opened or closed stays
    opened or closed for the lines after it."""
    for number, line in enumerate(lines, start=1):
        if line is None:
            if long_lines is None:
                raise InputError(f"line {number} is {_long_line()}")
            odd = quotes[len(long_lines)] % 2 == 1
            long_lines.append((number, odd))
            line = b'"\n' if odd else b"\n"
        yield line


def _long_line() -> str:
    return f"longer than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit for one line"


def _without_nul(lines: Iterable[bytes], notes: list[str] | None) -> Iterator[bytes]:
    """The lines without the NUL bytes a bad export leaves; how many were dropped is noted at the end."""
    dropped = 0
    for line in lines:
        if b"\x00" in line:
            dropped += line.count(0)
            line = line.replace(b"\x00", b"")
        yield line
    if dropped and notes is not None:
        notes.append(f"{dropped} NUL byte(s) dropped")


def decoded_lines(lines: Iterable[bytes], notes: list[str] | None = None) -> Iterator[str]:
    """Each line as UTF-8, its bytes that are not UTF-8 as Windows-1252 (decoded_line); which lines were read so,
    and how many bytes, is noted in `notes` once the lines are through."""
    fallen_back = FallenBack()
    for number, raw in enumerate(lines, start=1):
        yield decoded_line(raw, number, fallen_back)
    if fallen_back.count and notes is not None:
        notes.append(fallen_back_note(fallen_back))


def decoded_line(raw: bytes, number: int, fallen_back: FallenBack) -> str:
    """One line as UTF-8, without a BOM (one opens every part of files joined with `cat`); when some of its bytes
    are not UTF-8, those bytes, and only those, as Windows-1252 (as browsers read a page: one stray `\x92` keeps
    the line's `café` and `“…”` whole), its number and their count added to `fallen_back`. A line all in
    Windows-1252 reads as it did when the whole line was decoded so: its accented letters are no UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("utf-8-sig", errors="surrogateescape")  # each byte not UTF-8 as U+DC80-U+DCFF
        fallen_back.add(number, _stray_bytes(raw, text))
        if len(text) == len(raw):  # no UTF-8 character of two bytes or more: decoded whole, at C's speed
            return raw.decode("cp1252", errors="replace")
        return _strays_as_windows_1252(text)


def _stray_bytes(raw: bytes, escaped: str) -> int:
    """How many of a line's bytes are not UTF-8, from its text decoded with surrogateescape: each such byte is one
    byte in the line and three in the text written back with its surrogates."""
    written = len(raw) - len(codecs.BOM_UTF8) * raw.startswith(codecs.BOM_UTF8)
    return (len(escaped.encode("utf-8", errors="surrogatepass")) - written) // 2


def _strays_as_windows_1252(escaped: str) -> str:
    """A line decoded with surrogateescape, its escaped bytes as Windows-1252 reads them (its five unassigned bytes
    as U+FFFD, as the line decoded whole had them): all the runs of them decoded at once, joined by NULs (which no
    run holds, nor Windows-1252 makes of one), so that the work done for each run is C's (a regex calling back for
    each took 26 s for a 19 MB line of 3.9 million strays, str.translate 7 s for a line of one)."""
    parts = ESCAPED_BYTES.split(escaped)
    runs = "\x00".join(parts[1::2]).encode("utf-8", errors="surrogateescape")
    parts[1::2] = runs.decode("cp1252", errors="replace").split("\x00")
    return "".join(parts)


ESCAPED_BYTES = re.compile("([\udc80-\udcff]+)")  # what surrogateescape makes of bytes that are not UTF-8: no
# valid UTF-8 decodes to a surrogate


def fallen_back_note(fallen_back: FallenBack) -> str:
    strays = fallen_back.bytes
    return f"{NOT_UTF8} on {fallen_back}: {strays} byte{'s' if strays != 1 else ''} read as Windows-1252"


class LineList:
    """Line numbers counted, the first LINES_NAMED of them kept to be named: `line 3`, `3 lines (3, 7, 9)`,
    `12 lines (3, 7, 9, 10, 15, …)`."""

    LINES_NAMED = 5

    def __init__(self) -> None:
        self.count = 0
        self.first: list[int] = []

    def add(self, number: int) -> None:
        self.count += 1
        if len(self.first) < self.LINES_NAMED:
            self.first.append(number)

    def __str__(self) -> str:
        if self.count == 1:
            return f"line {self.first[0]}"
        more = ", …" if self.count > len(self.first) else ""
        return f"{self.count} lines ({', '.join(map(str, self.first))}{more})"


class FallenBack(LineList):
    """The lines some of whose bytes are not UTF-8, and how many such bytes they hold in all."""

    def __init__(self) -> None:
        super().__init__()
        self.bytes = 0

    def add(self, number: int, strays: int = 0) -> None:  # type: ignore[override]
        super().add(number)
        self.bytes += strays


def read_text_file(path: Path, limit: int = MAX_FILE_BYTES, notes: list[str] | None = None,
                   decode: Callable[[bytes, list[str] | None], str] = decode_text) -> str:
    size = path.stat().st_size
    if size > limit:
        raise InputError(f"file is {size / (1024 * 1024):.1f} MB, over the {limit // (1024 * 1024)} MB limit")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"file grew past the {limit // (1024 * 1024)} MB limit while it was read")
    text = decode(data, notes)
    if not text.strip():
        raise NoArticleError("empty file")
    return text


def checked_body(body: str) -> str:
    if len(body) > MAX_BODY_CHARS:
        raise InputError(f"article text is {len(body):,} characters, over the {MAX_BODY_CHARS:,} limit")
    return body


# -- seed plain text ------------------------------------------------------------------------------
def read_seed_text(path: Path) -> Article:
    return parse_seed_text(read_text_file(path), origin=str(path))


def read_seed_file(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Article | Rejection]:
    notes: list[str] = []
    yield parse_seed_text(read_text_file(path, notes=notes), origin=str(path))
    yield from _noted(path, notes)


def _noted(path: Path, notes: list[str]) -> Iterator[Rejection]:
    for note in notes:
        yield Rejection(str(path), note, warning=True)


def parse_seed_text(text: str, origin: str = "", year_hint: int | None = None) -> Article:
    """Dateline, body, and a short last line naming the desk: the press-release format of the seeds. A text over
    MAX_BODY_CHARS is refused before it is read further, as a record's body is."""
    checked_body(text)
    every_line = [line.strip() for line in paragraph_lines(text).split("\n")]  # as clean_body reads a record's
    lines = [line for line in every_line if line]
    if not lines:
        raise NoArticleError("empty file")
    source = None
    if len(lines) > 1 and _is_desk_line(lines[-1]):
        source = lines.pop()
    lexicon = load_lexicon()
    headline, dated = _headline_and_date(lines, lexicon, _first_line_set_apart(every_line))
    story = lines[1 + (dated is not None):] if headline else lines
    if headline and not dated and len("\n".join(story)) < MIN_BODY_CHARS:
        headline, story = None, lines  # `Pengumuman Libur Kantor\n\nKantor tutup Senin.`: a notice read whole
    body = checked_body("\n".join(story))
    if len(body) < MIN_BODY_CHARS:
        raise NoArticleError(f"text too short to be an article ({len(body)} characters)")
    place = find_dateline(body, lexicon)
    found = dated or text_date(body, year_hint)
    return Article(
        id=article_id(None, body),
        title=slug_title(headline, None, body) if headline else title_from_text(body, place),
        body=body,
        date=found.isoformat() if found else None,
        source=source,
        place=place,
        origin=origin,
    )


HEADLINE_MAX_WORDS = 25
DATE_LINE_MAX_WORDS = 8  # `Rabu, 28 September 2022 10:15 WIB`


def _headline_and_date(lines: list[str], lexicon: Lexicon, set_apart: bool = False) -> tuple[str | None, date | None]:
    """A text laid out as headline, date line, body (`Judul …` / `28 September 2022` / the story), as headline
    and a story that opens with its dateline (`Bupati Nanang Resmikan Jembatan` / `Kalianda - Bupati …`), or
    as a headline `set_apart` by a blank line from the story: the headline (a short first line ending in no
    full stop, neither a date nor a dateline) and the date line's date; (None, None) for the seeds' layout,
    whose first line is the story's first paragraph."""
    if len(lines) < 2 or len(lines[0].split()) > HEADLINE_MAX_WORDS or lines[0].endswith((".", "!", "?", '"', "”")):
        return None, None
    dated = find_date(lines[1]) if len(lines) > 2 and len(lines[1].split()) <= DATE_LINE_MAX_WORDS else None
    if dated is not None:
        return lines[0], dated
    if find_dateline(lines[0], lexicon) is not None:
        return None, None  # the story's own first line
    opens_story = find_dateline(lines[1], lexicon) is not None
    alone = set_apart and _reads_as_headline(lines[0]) and find_date(lines[0]) is None
    return (lines[0], None) if opens_story or alone else (None, None)


HEADLINE_MIN_WORDS = 4  # `Bupati Resmikan Jembatan Gantung`; not `Kalianda`, `BERITA TERKINI`, `Liputan6.com, Jakarta`


def _reads_as_headline(line: str) -> bool:
    """A line set apart that reads as a headline: words of letters, a few at least, in no capitals throughout,
    no label and its value (`Oleh: Budi`, `Foto: Antara`, `Reporter : Andi`; a speaker's is a headline's:
    `Bupati Nanang: Jembatan Ini Harapan Warga`), no address, no hashtag."""
    words = line.split()
    label = line.partition(":")[0] if ":" in line else "two words"
    return (len(words) >= HEADLINE_MIN_WORDS and not line.isupper() and len(label.split()) >= 2
            and "/" not in line and "#" not in line and sum(word[:1].isalpha() for word in words) * 2 > len(words))


def _first_line_set_apart(lines: list[str]) -> bool:
    """Whether the text's first line that holds anything is followed by a blank line."""
    first = next((k for k, line in enumerate(lines) if line), len(lines))
    return first + 1 < len(lines) and not lines[first + 1]


def _is_desk_line(line: str) -> bool:
    return (len(line) <= DESK_LINE_MAX_CHARS and len(line.split()) <= DESK_LINE_MAX_WORDS
            and not line.endswith((".", "”", '"', "!", "?")))


def title_from_text(body: str, place: str | None) -> str:
    """The first sentence without its dateline, cut at a word boundary."""
    sentence = normalise_text(first_sentence(body))  # as find_dateline reads it (the title is normalised anyway)
    if place:
        match = dateline_match(sentence)
        if match:
            sentence = sentence[match.end():].strip()
    return cut_at_word(sentence)


# -- records: JSON Lines and CSV ------------------------------------------------------------------
def article_from_record(record: object, origin: str = "", day_first: bool = True,
                        options: ReadOptions = DEFAULT_OPTIONS,
                        warn: Callable[[Rejection], None] | None = None) -> Article:
    """One record (a JSON object or a CSV row) with fields found by their usual names (FIELD_NAMES):
    title, body, date, url, source, category. A date that cannot be read leaves the article undated and is
    passed to `warn`, and so is an optional field of a type it cannot be read from (readable_value), which is left
    out; a record without a body raises InputError."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    if _is_newsapi(record):
        record = _newsapi_read(record)
    fields, unread = _readable_fields(record, options)
    raw_body = fields["body"]
    if isinstance(raw_body, str) and len(raw_body) > MAX_BODY_CHARS:
        checked_body(raw_body)
    body = clean_body(markup_as_text(raw_body) if isinstance(raw_body, str) else "")
    if not body:
        raise InputError("missing or empty 'body'" + _columns_hint(record, options))
    if len(body) < MIN_BODY_CHARS:
        raise InputError(f"'body' too short to be an article ({len(body)} characters, at least {MIN_BODY_CHARS})")
    _warn_unread(unread, origin, warn)
    published = _record_date(fields["date"], body, day_first, origin, warn) if "date" not in unread else None
    written_url = _text(fields["url"])
    url = permalink(written_url)  # a home page or `-` is no article's address (its id then hashes the text)
    lexicon = load_lexicon()
    place = _text(fields["place"]) or find_dateline(body, lexicon)
    # normalised before it is judged empty: a title of NULs or invisible characters alone is none
    written_title = normalise_space(normalise_text(markup_as_title(_text(fields["title"])[:MAX_TITLE_SOURCE])))
    title = cut_at_word(slug_title(written_title, url, body), MAX_TITLE_CHARS) or title_from_text(body, place)
    category = _text(fields["category"])
    return Article(
        id=article_id(url, body),
        title=title,
        body=body,
        date=published.isoformat() if published else None,
        url=url,
        source=_plain_line(_text(fields["source"])) or site_name(url or written_url) or None,  # a home page names
        # its site
        place=place,
        origin=origin,
        extras={"category": category} if category else {},
    )


def _is_newsapi(record: dict) -> bool:
    """A NewsAPI article: its `urlToImage` key, or a `source` object of `id` and `name`."""
    source = record.get("source")
    return "urlToImage" in record or (isinstance(source, dict) and "id" in source and "name" in source)


def _newsapi_read(record: dict) -> dict:
    """A NewsAPI article as other records are read: its `content` without the `[+2345 chars]` NewsAPI ends the
    text it cuts with (the `…` before it stays: the text is cut), or its `description` when it has no content;
    its title without the ` - detikNews` NewsAPI ends it with, when that names the record's source."""
    read = dict(record)
    content, description = record.get("content"), record.get("description")
    if _is_empty(content) and isinstance(description, str):
        read["content"] = description
    elif isinstance(content, str):
        read["content"] = NEWSAPI_CUT.sub("", content)
    source = record.get("source")
    name = source.get("name") if isinstance(source, dict) else source
    title = record.get("title")
    if isinstance(title, str) and isinstance(name, str) and name.strip():
        suffix = NEWSAPI_TITLE_SOURCE.search(title)
        if suffix and _same_outlet(suffix[1], name):
            read["title"] = title[:suffix.start()]
    return read


NEWSAPI_CUT = re.compile(r"\s*\[\+\d+ chars\]\s*$")  # `… [+2345 chars]`: how much of the text NewsAPI left out
NEWSAPI_TITLE_SOURCE = re.compile(r"\s+-\s+([^-]{1,80})$")  # `Bupati tinjau banjir - detikNews`


def _same_outlet(written: str, source: str) -> bool:
    """Whether two names name one outlet: `detikNews` and `Detik.com` (both detik.com, outlets.tsv), `Antara News`
    and `ANTARA News`."""
    return normalise_outlet(written, None).casefold() == normalise_outlet(source, None).casefold()


def _plain_line(text: str) -> str:
    """A short field shown as it is (an outlet's name: a facet value, the feed's author) as one line of plain
    text: `<b>Lampost</b>` is `Lampost` (a terminal's colour code, `\x1b[31m`, is dropped as every field is read:
    _text_as_read)."""
    return normalise_space(markup_as_title(text)) if text else text


ANSI_ESCAPE = re.compile(r"(?:\x1b\[|\x9b)[0-9;?]*[A-Za-z]")  # ESC `[`, or the one C1 character that says it


def _readable_fields(record: dict, options: ReadOptions) -> tuple[dict[str, object], dict[str, str]]:
    """The record's fields read by readable_value, and the type of each one that cannot be (left out: None); a
    body that cannot be read raises InputError."""
    fields, unread = {}, {}
    keyed: dict[str, object] | None = None  # read once, when a field is not found as written
    for name in FIELD_NAMES:
        names = options.names_for(name)
        value = _field_as_written(record, names)
        if value is None:
            keyed = _fields_by_key(record) if keyed is None else keyed
            value = _field_by_key(keyed, names)
        fields[name] = None if value is None else readable_value(name, value)
        if value is not None and fields[name] is None:
            if name == "body":
                raise InputError(f"field 'body' must be a string, got {type(value).__name__}")
            unread[name] = type(value).__name__
    return fields, unread


def _warn_unread(unread: dict[str, str], origin: str, warn: Callable[[Rejection], None] | None) -> None:
    for name, kind in unread.items():
        if warn is not None:
            warn(Rejection(origin, f"field '{name}' holds {_kind_with_article(kind)} that cannot be read as its "
                                   "text: the article is kept without it", warning=True))


def _kind_with_article(kind: str) -> str:
    """A value's type (its Python name) as a warning says it, with its article (`a int` read badly): `an int`,
    `a list`, and a dict as JSON names it, `an object`."""
    kind = "object" if kind == "dict" else kind
    return f"{'an' if kind[:1].lower() in 'aeiou' else 'a'} {kind}"


def readable_value(name: str, value: object) -> str | int | float | None:
    """A field's value as the article reads it: text as written, a number as such (NUMBER_FIELDS) or as its text
    (NUMBER_AS_TEXT), a list of texts joined (LIST_JOINERS), an object's `name` (NAMED_FIELDS); None when the
    value's type cannot be read as this field."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if name in FRACTION_FIELDS or (name in NUMBER_FIELDS and isinstance(value, int)):
            return value
        return _number_text(value) if name in NUMBER_AS_TEXT else None
    if isinstance(value, list) and name in LIST_JOINERS and all(isinstance(item, str) for item in value):
        return LIST_JOINERS[name].join(item.strip() for item in value if item.strip())
    if isinstance(value, dict) and name in NAMED_FIELDS and isinstance(value.get("name"), str):
        return value["name"]
    return None


def _number_text(number: int | float) -> str:
    """`2024` and `2024.0` (a spreadsheet's number) → `2024`; `3.5` → `3.5`."""
    return str(int(number)) if isinstance(number, float) and number.is_integer() else str(number)


def _field(record: dict, names: tuple[str, ...]):
    """The first of `names` the record holds a value for (`NaN`, `NULL` and the like are none): as written, else in
    any case without spaces, hyphens and underscores (field_key); WordPress's `{"rendered": …}` is its rendered
    text."""
    found = _field_as_written(record, names)
    return found if found is not None else _field_by_key(_fields_by_key(record), names)


def _field_as_written(record: dict, names: tuple[str, ...]):
    for name in names:
        if name in record and not _is_empty(record[name]):
            return _as_read(record[name])
    return None


def _fields_by_key(record: dict) -> dict[str, object]:
    """The record's values by field_key, the first filled one of keys that read alike (`Isi Berita`,
    `isi_berita`): built once per record, as a record of 300,000 keys read it for each field (trial 38)."""
    keyed: dict[str, object] = {}
    for key, value in record.items():
        matched = field_key(key)
        if _is_empty(keyed.get(matched)):
            keyed[matched] = value
    return keyed


def _field_by_key(keyed: dict[str, object], names: tuple[str, ...]):
    for name in names:
        value = keyed.get(field_key(name))
        if not _is_empty(value):
            return _as_read(value)
    return None




EMPTY_MARKS = frozenset({"", "NaN", "nan", "NULL", "null", "None", "N/A"})  # how pandas, SQL dumps and sheets
# write a missing cell


def _is_empty(value) -> bool:
    """None, a missing cell's mark, JSON's NaN/Infinity (how `json.dumps` writes a pandas gap), `{"rendered": null}`."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict) and RENDERED in value:
        return _is_empty(value[RENDERED])
    return value is None or (isinstance(value, str) and without_controls(value).strip() in EMPTY_MARKS)


KEYS_KEPT = 65_536  # field names whose field_key is remembered (a wide CSV's header, read again for each row)


@lru_cache(maxsize=KEYS_KEPT)
def field_key(name: object) -> str:
    """A field's or column's name as matched: `Isi Berita`, `isi-berita`, `isi_berita` and `isiBerita` are one
    (NewsAPI's `publishedAt` is `published_at`): case, spaces, hyphens and underscores do not count. Remembered
    for KEYS_KEPT names: a CSV's rows repeat their header's."""
    return KEY_SEPARATORS.sub("", str(name).lower())


KEY_SEPARATORS = re.compile(r"[\s\-_]+")


def _as_read(value):
    """A field's value as every reading of it sees it, before its date, address or text is interpreted: WordPress's
    `{"rendered": …}` as its text, and a text (in a list or an object, each of its texts) read by _text_as_read."""
    if isinstance(value, dict) and isinstance(value.get(RENDERED), str):
        value = value[RENDERED]
    if isinstance(value, str):
        return _text_as_read(value)
    if isinstance(value, list):
        return [_text_as_read(item) if isinstance(item, str) else item for item in value]
    if isinstance(value, dict):
        return {key: _text_as_read(item) if isinstance(item, str) else item for key, item in value.items()}
    return value


def _text_as_read(text: str) -> str:
    """A terminal's colour code (`\x1b[31m`) dropped, then the README's rule for control characters
    (without_controls): a NUL a broken export left inside `2024-03\x00-05` dropped, a `\x01` a space."""
    if "\x1b" in text or "\x9b" in text:
        text = ANSI_ESCAPE.sub("", text)
    return without_controls(text)


def _text(value) -> str:
    return str(value).strip() if value is not None else ""


def _columns_hint(record: dict, options: ReadOptions, kind: str = "field") -> str:
    """The record's field names and how to map one as the body (`kind`: "field", or "column" for a CSV's); the
    mapping given, when the body was mapped to a name the record lacks; for a CSV whose first row is no header
    (its cells run long), a word saying it needs one instead of a story quoted as field names."""
    names = [str(key) for key in record if key is not None]
    wanted = {field_key(name) for name in options.names_for("body")}
    if not names or any(field_key(name) in wanted for name in names):
        return ""  # every column is asked, not the first eight shown below (a body in the tenth was refused)
    names = names[:HINT_FIELDS]
    mapped = options.columns.get("body")
    if mapped and not any(len(name) > MAX_FIELD_NAME_CHARS for name in names):
        return (f" (`--column body={mapped}`: no {kind} {mapped!r}; {kind}s: "
                f"{', '.join(normalise_space(name) for name in names)})")
    if any(len(name) > MAX_FIELD_NAME_CHARS for name in names):
        return (" (the first row reads as text, not column names: a CSV needs a header row naming its columns,"
                " one of them the body, or --column body=NAME)")
    return f" (fields: {', '.join(normalise_space(name) for name in names)}; map one with --column body=NAME)"


MAX_FIELD_NAME_CHARS = 60  # a column name longer than this is a row of text, not a header
HINT_FIELDS = 8  # field names the hint shows


def _record_date(value, body: str, day_first: bool, origin: str,
                 warn: Callable[[Rejection], None] | None) -> date | None:
    """The record's date field read by parse_date_value; an empty field: the date the body gives; an
    unreadable one: no date, and a warning."""
    if value is None or not str(value).strip():
        return text_date(body)
    text = str(value)
    found = parse_date_value(text, day_first)
    if found is None and warn is not None:
        warn(Rejection(origin, f"unreadable date {normalise_space(text)[:80]!r}: indexed without a date",
                       warning=True))
    return found


def _order_warning(path: Path, order: DateOrder) -> Iterator[Rejection]:
    described = order.describe()
    if described:
        yield Rejection(str(path), described, warning=True)


def _records(path: Path, rows: Iterable[tuple[int, object]], order: DateOrder,
             options: ReadOptions) -> Iterator[Article | Rejection]:
    """Articles from (line number, record) pairs; a row already rejected is passed through."""
    warnings: list[Rejection] = []
    second_body_told = False
    for number, record in rows:
        if isinstance(record, Rejection):
            yield record
            continue
        origin = f"{path}:{number}"
        try:
            yield article_from_record(record, origin, order.day_first, options, warnings.append)
        except NoArticleError as error:
            yield Rejection(origin, str(error), skipped=True)
        except InputError as error:
            yield Rejection(origin, str(error))
        yield from warnings
        warnings.clear()
        if not second_body_told:
            columns = _second_body(record, options)
            if columns:
                second_body_told = True
                yield Rejection(str(path), _second_body_note(*columns, number), warning=True)


def _second_body(record: object, options: ReadOptions) -> tuple[str, str] | None:
    """The column the record's body is read from and another of the body's names (FIELD_NAMES) holding a different
    text, which is not read (`content` and `text`, `body` and `isi`); None when no other holds one."""
    names = options.names_for("body")
    if not isinstance(record, dict) or len(names) < 2:
        return None
    wanted = {field_key(name) for name in names}
    filled = [(key, value) for key, value in record.items()
              if field_key(key) in wanted and not _is_empty(value)]  # a CSV row's cells past its header: key None
    if len(filled) < 2:
        return None
    used = _field(record, names)
    read = normalise_space(str(readable_value("body", used)))
    used_key = next((key for key, value in filled if _as_read(value) == used), None)
    for key, value in filled:
        text = readable_value("body", _as_read(value))
        if key != used_key and isinstance(text, str) and normalise_space(text) != read:
            return str(used_key), str(key)
    return None


def _second_body_note(used: str, ignored: str, number: int) -> str:
    return (f"'{used}' and '{ignored}' both hold an article's text (line {number} the first): the body is read from "
            f"'{used}' and '{ignored}' is not read (--column body={ignored} reads it instead)")


# JSON Lines
@dataclass(frozen=True)
class ReadPoint:
    """A place in a JSON Lines file just after a line that ends in `\n`, where a read can go on from when the file
    grows (an archive a scraper appends to): the bytes before it (`offset`), the lines they hold, and what the dates
    of their records said of the file's date order (DateOrder.counts). Only a file read byte for byte (not UTF-16)
    has one, and only once a record lies before it."""

    offset: int
    lines: int
    dates: tuple[int, int, int, str]


class _LineEnds:
    """The lines of a JSON Lines read (a _LineReader's, byte for byte) with their bytes counted, remembering where
    the last line ending in `\n` ended (`passed`, after each line): a line ending in a lone `\r` may be the first
    half of a `\r\n` still being written."""

    def __init__(self, reader: "_LineReader", since: ReadPoint | None) -> None:
        self.reader = reader
        self.offset, self.number = (since.offset, since.lines) if since else (0, 0)
        self.consumed, self.ended = self.offset, False

    def readline(self, size: int = -1) -> bytes:
        piece = self.reader.readline(size)
        self.consumed += len(piece)
        self.ended = piece.endswith(b"\n")
        return piece

    def passed(self, number: int) -> None:
        if self.ended:
            self.offset, self.number = self.consumed, number


def read_jsonl(path: Path, options: ReadOptions = DEFAULT_OPTIONS, since: ReadPoint | None = None,
               reached: list[ReadPoint] | None = None) -> Iterator[Article | Rejection]:
    """A .jsonl file's records (from `since` on when given: _json_lines), or a JSON document's written in one."""
    if since is not None:  # a point is only found in a file read as JSON Lines, its first line before it
        yield from _json_lines(path, options, since, reached)
        return
    if path.stat().st_size == 0:
        yield Rejection(str(path), "empty file", skipped=True)
        return
    document = _json_document(path, options) if opens_a_document(path) else None
    if document is not None:  # an array, or objects written over several lines, in a .jsonl file
        yield Rejection(str(path), "a JSON document, not JSON Lines (one object a line): read whole", warning=True)
        yield from document
        return
    yield from _json_lines(path, options, reached=reached)


def _json_lines(path: Path, options: ReadOptions, since: ReadPoint | None = None,
                reached: list[ReadPoint] | None = None) -> Iterator[Article | Rejection]:
    """A file's records, one JSON object a line (read twice: the date order first, then the records);
    NoArticleError for a file of no record (blank lines, a byte order mark alone), as for an empty file of any
    other format. From `since` on, the lines after it alone are read, numbered from the file's start, with the
    date order the lines before it gave; with `reached`, the ReadPoint after the last line ending in `\n` is added
    there once the first reading is through."""
    order = DateOrder.from_counts(since.dates) if since else DateOrder()
    ends = _LineEnds(None, since) if reached is not None else None  # its reader is set by _jsonl_records
    before_end = _DatesBeforeLineEnd(order)
    lines_read = 0
    for number, record in _jsonl_records(path, since, ends):
        if not number:  # 0: a note on the whole file, no line of it
            continue
        lines_read += 1
        value = _field(record, options.names_for("date")) if isinstance(record, dict) else None
        order.see(value)
        if ends is not None:
            before_end.see(number, value, ends.number)
    if not lines_read and since is None:
        raise NoArticleError("empty file")
    if ends is not None:
        before_end.finish(ends.number)
        if before_end.records or since is not None:
            reached.append(ReadPoint(ends.offset, ends.number, before_end.settled.counts()))
    yield from _order_warning(path, order)
    yield from _records(path, _jsonl_records(path, since), order, options)


class _DatesBeforeLineEnd:
    """The date order of a JSON Lines read's records before its last line ending in `\n` (`settled`, taking up
    `start`'s), and how many records that is. Records after it wait (`pending`): a line ending in a lone `\r`, or
    the last line, still being written; all of them settle once a later line (blank or not) ends in `\n`."""

    def __init__(self, start: DateOrder) -> None:
        self.settled, self.records = DateOrder.from_counts(start.counts()), 0
        self.pending, self.pending_records, self.last = DateOrder(), 0, 0

    def see(self, number: int, value: object, line_end: int) -> None:
        """The record of line `number` with date `value`, the last line ending in `\n` being `line_end`."""
        self.finish(line_end)
        self.pending.see(value)
        self.pending_records, self.last = self.pending_records + 1, number
        self.finish(line_end)

    def finish(self, line_end: int) -> None:
        if self.pending_records and line_end >= self.last:
            self.settled, self.records = _joined(self.settled, self.pending), self.records + self.pending_records
            self.pending, self.pending_records = DateOrder(), 0


def _joined(first: DateOrder, then: DateOrder) -> DateOrder:
    """The date order of the records `first` saw followed by those `then` saw."""
    day, month, ambiguous, example = first.counts()
    more = then.counts()
    return DateOrder.from_counts((day + more[0], month + more[1], ambiguous + more[2],
                                  example if ambiguous else more[3]))


def keeps_date_order(path: Path, since: ReadPoint, options: ReadOptions = DEFAULT_OPTIONS) -> bool:
    """Whether the records a JSON Lines file holds after `since` leave its date order as the lines before it
    set it (a file whose order they turn must be read whole: its earlier dates read otherwise). False when the
    file cannot be read so."""
    order = DateOrder.from_counts(since.dates)
    try:
        for number, record in _jsonl_records(path, since):
            if number and isinstance(record, dict):
                order.see(_field(record, options.names_for("date")))
    except (OSError, InputError):
        return False
    return order.day_first == DateOrder.from_counts(since.dates).day_first


def read_json(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Article | Rejection]:
    """A `.json` export: an array of records (`path:N` is the Nth) or one record; JSON Lines named `.json` are
    read as such."""
    size = path.stat().st_size
    if size == 0:
        yield Rejection(str(path), "empty file", skipped=True)
        return
    if size > MAX_FILE_BYTES and not opens_a_document(path):  # JSON Lines named .json: streamed
        yield from _json_lines(path, options)
        return
    document = _json_document(path, options)
    yield from document if document is not None else _json_lines(path, options)  # not parsed whole a second time


def opens_a_document(path: Path) -> bool:
    """Whether a .jsonl file's first line is `[` or `{` alone, or opens an array: a JSON document, no lines."""
    with path.open("rb") as handle:
        first = handle.readline(READ_CHUNK).lstrip(b"\xef\xbb\xbf").split(b"\r", 1)[0].strip()
    return first.startswith(b"[") or first == b"{"


def _json_document(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Article | Rejection] | None:
    """The records of a whole JSON text under the file size limit (an array's items, one object, or objects
    written one after another over several lines each), or None when the text is no such thing."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"file is {size / (1024 * 1024):.1f} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit "
                         "for a JSON document, which is read whole: written as JSON Lines (one record a line, .jsonl) "
                         "it is read record by record, with no limit for the file")
    notes: list[str] = []
    text = read_text_file(path, MAX_FILE_BYTES, notes)
    try:
        values = _json_values(text)
    except (ValueError, RecursionError):  # not JSON, or a number over Python's 4300-digit limit
        return None
    records = [record for value in values for record in _document_records(value, options)]
    rows = list(enumerate(records, start=1))
    order = DateOrder()
    for _, record in rows:
        if isinstance(record, dict):
            order.see(_field(record, options.names_for("date")))
    return itertools.chain(_noted(path, notes), _order_warning(path, order), _records(path, rows, order, options))


def _document_records(value: object, options: ReadOptions) -> list:
    """A JSON value's records: an array's items; the records an object without a body wraps, when it holds one
    list of objects under a key of record_list_keys (NewsAPI's `{"status": "ok", "articles": […]}`); else the
    value itself, as one record."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and _field(value, options.names_for("body")) is None:
        lists = [item for key, item in value.items() if field_key(key) in record_list_keys()
                 and isinstance(item, list) and all(isinstance(record, dict) for record in item)]
        if len(lists) == 1:
            return lists[0]
    return [value]


@lru_cache(maxsize=1)
def record_list_keys() -> frozenset[str]:
    return frozenset(field_key(key) for key in read_lines("record_list_keys.txt"))


def _json_values(text: str) -> list:
    """The JSON values written one after another in `text` (one, for a plain JSON document)."""
    decoder = json.JSONDecoder(strict=False)  # a raw control character in a string: read, then as any other (README)
    values, position = [], 0
    while True:
        while position < len(text) and text[position] in " \t\r\n\ufeff":
            position += 1
        if position == len(text):
            return values
        value, position = decoder.raw_decode(text, position)
        values.append(value)


def _jsonl_records(path: Path, since: ReadPoint | None = None,
                   ends: _LineEnds | None = None) -> Iterator[tuple[int, object]]:
    """(line number, parsed JSON or a Rejection) for each line neither blank nor a BOM alone (notes on the whole
    file: line 0); a line over MAX_LINE_BYTES is
    rejected without being held in memory. From `since` on: the lines after it, numbered from the file's start.
    With `ends`, where the last line ending in `\n` ends is kept there (a file read byte for byte only)."""
    notes: list[str] = []
    with path.open("rb") as handle:
        encoding = line_encoding(handle.read(BINARY_SAMPLE), notes)
        if since is not None and encoding != AS_BYTES:
            raise InputError(f"read as {encoding.upper()} now: it cannot be read on from line {since.lines}")
        handle.seek(since.offset if since else 0)
        yield from ((0, note) for note in _noted(path, notes))
        lines: _LineReader | _LineEnds = _LineReader(handle, encoding)
        if ends is not None and encoding == AS_BYTES:
            ends.reader = lines
            lines = ends
        else:
            ends = None
        fallen_back = FallenBack()
        cut = os.fstat(handle.fileno()).st_size % code_unit(encoding) != 0  # its last character is half there
        for number, raw in enumerate(bounded_lines(lines, MAX_LINE_BYTES), start=since.lines + 1 if since else 1):
            if ends is not None:
                ends.passed(number)
            origin = f"{path}:{number}"
            if raw is None:
                yield number, Rejection(origin, f"line longer than the {MAX_LINE_BYTES // (1024 * 1024)} MB "
                                                "limit for one record")
                continue
            if not raw.removeprefix(codecs.BOM_UTF8).strip():  # blank, or a BOM alone (files joined with `cat`)
                continue
            text = decoded_line(raw, number, fallen_back)
            try:
                yield number, json.loads(text, strict=False)
            except (ValueError, RecursionError) as error:  # ValueError: a JSONDecodeError, or a number over
                # Python's 4300-digit limit
                where = (f" ({cut_inside_a_character(encoding)})" if cut and text.rstrip().endswith("\ufffd")
                         else f" ({_json_error(error)})" if isinstance(error, json.JSONDecodeError)
                         else " (nested too deeply)" if isinstance(error, RecursionError)
                         else " (a number of more than 4300 digits)")
                yield number, Rejection(origin, f"not valid JSON{where}")
    if fallen_back.count:
        yield 0, Rejection(str(path), fallen_back_note(fallen_back), warning=True)


def _json_error(error: json.JSONDecodeError) -> str:
    """What is wrong with a JSON line: `Expecting ',' delimiter at column 12`; for a line that ends where the
    record does not, a record cut off (trial 49: a line ending inside a string said `Invalid control character`,
    the line end being the character)."""
    at_end = not error.doc[error.pos:].strip()
    if error.msg.startswith("Unterminated string") or (at_end and error.msg.startswith("Invalid control")):
        return "the line ends inside a string: is the record cut off?"
    if at_end:
        return "the line ends before the record does: is the record cut off?"
    return f"{error.msg.removesuffix(' at')} at column {error.colno}"


LINE_ENDS = (b"\n", b"\r")


class _LineReader:
    """A binary file read line by line, a line ending at `\n`, `\r\n` or a lone `\r` (old Mac tools write only
    that): a UTF-16 file as UTF-8 bytes (a size counts characters), any other as its own bytes (AS_BYTES)."""

    def __init__(self, handle: io.BufferedReader, encoding: str) -> None:
        self.text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
        self.bytes_as = "utf-8" if encoding.startswith(("utf-16", "utf-32")) else encoding

    def readline(self, size: int = -1) -> bytes:
        return self.text.readline(size).encode(self.bytes_as)


def bounded_lines(handle: io.BufferedIOBase, limit: int, quotes: list[int] | None = None) -> Iterator[bytes | None]:
    """The lines of a binary file, each at most `limit` bytes; a longer line is read through in chunks
    and given as None, so one huge line never sits in memory whole (with `quotes`, how many of its quotes open
    or close a CSV field is added there: _field_quotes)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(LINE_ENDS):
            yield line
        elif quotes is None:  # JSON Lines: the line is only skipped
            _skip_line(handle, line)
            yield None
        else:
            quotes.append(_skip_counting_quotes(handle, line))
            yield None


def _skip_line(handle: io.BufferedIOBase, start: bytes) -> None:
    """Reads the rest of the line `start` opens, READ_CHUNK at a time."""
    line = start
    while line and not line.endswith(LINE_ENDS):
        line = handle.readline(READ_CHUNK)


def _skip_counting_quotes(handle: io.BufferedIOBase, start: bytes) -> int:
    """Reads the rest of the line `start` opens, READ_CHUNK at a time; how many of its quotes open or close a
    CSV field."""
    held, before, line = 0, b"", start
    while True:
        held += _field_quotes(line, before)
        if not line or line.endswith(LINE_ENDS):
            return held
        before = line[-1:]
        line = handle.readline(READ_CHUNK)


# A quote that opens or closes a CSV field: at a field's start (after a delimiter, or the line's) or at its end
# (before a delimiter or the line's end); a doubled quote inside a field, or one inside an unquoted field
# (`Layar TV 32" …`), is a character of the field. Written to open with the quote, so that the search skips to
# each quote at memchr's speed: opening with the lookbehind, it tried every byte (8 MB/s on quoteless text).
_FIELD_QUOTE = re.compile(rb'"(?:(?<![^,;\t|]")|(?=[,;\t|\r\n]|$))')


def _field_quotes(chunk: bytes, before: bytes) -> int:
    """How many of `chunk`'s quotes open or close a field (`before`: the byte before it in its line)."""
    if b'"' not in chunk:
        return 0
    text = (before + chunk).replace(b'""', b"")
    return len(_FIELD_QUOTE.findall(text, len(before)))  # `before` is looked behind at, not searched


# CSV
def read_csv(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Article | Rejection]:
    """A CSV export with a header row: delimiter sniffed, quoted multi-line fields, BOM, any encoding
    decode_text reads; each row is one record (line numbers are the row's first line in the file). A file over
    MAX_FILE_BYTES is read row by row, twice (the date order, then the records), holding one row at a time."""
    notes: list[str] = []
    rows: Iterable[tuple[int, object]]
    if path.stat().st_size > MAX_FILE_BYTES:
        rows = _LargeCsv(path, options, notes)
    else:
        text = read_text_file(path, notes=notes)
        yield from _noted(path, notes)
        notes.clear()
        rows = list(_csv_rows(path, io.StringIO(text, newline=""), options))
    order = DateOrder()
    header, any_row = None, False
    for _, row in rows:
        any_row = True
        if isinstance(row, dict):
            header = row if header is None else header
            order.see(_field(row, options.names_for("date")))
    yield from _noted(path, notes)
    if not any_row:
        raise NoArticleError("no rows under the header")
    hint = _columns_hint(header, options, "column") if header is not None else ""
    if hint:
        raise InputError("no body column" + hint)
    yield from _order_warning(path, order)
    yield from _records(path, rows, order, options)


class _LargeCsv:
    """A CSV file too large to hold, its rows read afresh from the file on each pass; what its decoding noted
    is added to `notes` by the first pass only."""

    def __init__(self, path: Path, options: ReadOptions, notes: list[str]) -> None:
        self.path, self.options, self.notes = path, options, notes

    def __iter__(self) -> Iterator[tuple[int, object]]:
        """The rows; a row holding a line over MAX_FILE_BYTES is that row's rejection, the rows around it read
        (as a JSON Lines file loses only its over-long line): the line is skipped, a field it opened or closed
        kept so (_whole_lines), and the row it was inside, from the row's first line to its last (row_ends), is
        not read; a long line inside no row is a rejection of its own."""
        notes, self.notes = self.notes, []
        long_lines: list[tuple[int, bool]] = []
        reported: set[int] = set()
        row_ends: dict[int, int] = {}  # each row's first line -> its last
        for line, row in _csv_rows(self.path, streamed_lines(self.path, notes, long_lines), self.options, row_ends):
            if isinstance(row, dict):
                yield from self._row_unless_long((line, row), row_ends.get(line, line), long_lines, reported)
            else:
                yield line, row
        yield from self._long_lines_alone(long_lines, reported, None)

    def _row_unless_long(self, held: tuple[int, object], end: int, long_lines: list[tuple[int, bool]],
                         reported: set[int]) -> Iterator[tuple[int, object]]:
        """The row from `held`'s line to `end`, or its rejection when a long line is inside it: after its first
        line, or its first line itself when that held a quote (a blank line stood in for a long line holding
        none: the row after it starts there, as the reader skips blank lines); the long lines before it first."""
        line = held[0]
        yield from self._long_lines_alone(long_lines, reported, line)
        inside = next((n for n, odd in long_lines if n not in reported and (line < n or (line == n and odd))
                       and n <= end), None)
        if inside is None:
            yield held
            return
        reported.add(inside)
        yield line, self._long_row(line, inside)

    def _long_lines_alone(self, long_lines: list[tuple[int, bool]], reported: set[int],
                          before: int | None) -> Iterator[tuple[int, object]]:
        """The long lines before line `before` (all, for None) that no row held: each a row of its own."""
        for n, odd in long_lines:
            if n not in reported and (before is None or n < before or (n == before and not odd)):
                reported.add(n)
                yield n, self._long_row(n, n)

    def _long_row(self, row: int, long_line: int) -> Rejection:
        """The rejection of the row starting at line `row`, which holds line `long_line`, over the limit."""
        return Rejection(f"{self.path}:{row}", f"line {long_line} is {_long_line()}: this row was not read")


class _Rfc4180(csv.excel):
    """Quotes as RFC 4180 writes them (`""` inside a quoted field); only the delimiter varies by file."""


CSV_DELIMITERS = ",;\t|"
# Excel's first line naming the delimiter: `sep=;`, or `"sep=;";;` once a tool that quotes re-saved the file
EXCEL_SEPARATOR = re.compile(r'(?:sep=([,;\t|])|"sep=([,;\t|])"[,;\t|]*)[ \t]*\r?\n')


def csv_dialect(sample: str, declared: str | None = None) -> type[csv.Dialect]:
    """The delimiter the file declares (Excel's `sep=;` line), else sniffed from the file's start (`,` `;` tab
    `|`), else the one the header row uses most (the sniffer gives up when rows differ in length); the
    sniffer's guesses about quoting are unreliable (it took `""` for an escape-less quote), so quoting stays
    RFC 4180's."""
    try:
        delimiter = declared or csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        delimiter = header_delimiter(sample)
    return type("SniffedDialect", (_Rfc4180,), {"delimiter": delimiter})


def header_delimiter(sample: str) -> str:
    """The delimiter written most often in the first line (`id;title;body`), `,` when none is."""
    header = sample.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in CSV_DELIMITERS}
    most = max(counts.values())
    return next(delimiter for delimiter, seen in counts.items() if seen == most) if most else ","


class _QuoteCounted:
    """Lines handed on one by one, counting the quote characters they hold."""

    def __init__(self, lines: Iterable[str], quote: str) -> None:
        self.lines, self.quote, self.quotes = iter(lines), quote, 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.quotes += line.count(self.quote)
        return line


def _file_start(lines: Iterator[str]) -> list[str]:
    """The first lines, READ_CHUNK characters of them or more (all, for a shorter file)."""
    start, size = [], 0
    for line in lines:
        start.append(line)
        size += len(line)
        if size >= READ_CHUNK:
            break
    return start


def _past_blank_lines(lines: Iterator[str]) -> tuple[int, Iterator[str]]:
    """How many blank lines (nothing but spaces, tabs and the line's end) open `lines`, and the lines from the first
    other one on: a blank line before a CSV's header is no header of no columns, which would lose every row."""
    blank = 0
    for line in lines:
        if line.strip():
            return blank, itertools.chain([line], lines)
        blank += 1
    return blank, iter(())


def _csv_rows(path: Path, lines: Iterable[str], options: ReadOptions,
              row_ends: dict[int, int] | None = None) -> Iterator[tuple[int, object]]:
    """The rows of a file given as its lines, after the blank lines that open it and Excel's `sep=` line if it
    opens the rest, and the blank lines after that (line numbers stay the file's). A field may be as long as MAX_FILE_BYTES: an over-long body is
    then one record's rejection (article_from_record), and the rows after it are read; the csv module's own field
    limit would end the file there, every later row lost. Cells beyond the header's columns are not read, with a
    warning."""
    blank, lines = _past_blank_lines(iter(lines))
    start = _file_start(lines)
    sample = "".join(start)
    declared = EXCEL_SEPARATOR.match(sample)
    dialect = csv_dialect(sample[:READ_CHUNK], (declared[1] or declared[2]) if declared else None)
    lines = itertools.chain(start, lines)
    skipped_lines = blank
    if declared:  # the `sep=` line, and the blank lines after it (trial 46: its blank lines lost every row)
        next(lines, None)
        blank, lines = _past_blank_lines(lines)
        skipped_lines += 1 + blank
    counted = _QuoteCounted(lines, dialect.quotechar)
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.DictReader(counted, dialect=dialect)
    try:
        reader.fieldnames  # reads the header row: the first record's line is the one after it
    except csv.Error as error:
        yield 1 + skipped_lines, Rejection(f"{path}:{1 + skipped_lines}", f"not valid CSV ({error})")
        return
    _check_columns_once(reader.fieldnames or [], options)
    columns = len(reader.fieldnames or [])
    line, quotes_before = reader.line_num + 1 + skipped_lines, counted.quotes
    last: tuple[int, dict] | None = None  # held back: an unclosed quote shows only at the end
    last_quotes = 0  # the quote characters of the lines before the held row's
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            if last is not None:
                yield last
            yield line, Rejection(f"{path}:{line}", f"not valid CSV ({error})")
            return
        if None in row:
            extra = row.pop(None)
            yield line, Rejection(f"{path}:{line}", f"{len(extra)} cells beyond the header's {columns} columns "
                                  "were not read (a delimiter inside an unquoted cell?)", warning=True)
        if last is not None:
            yield last
        last, last_quotes = (line, row), quotes_before
        if row_ends is not None:
            row_ends[line] = reader.line_num + skipped_lines  # the row's last line
        line, quotes_before = reader.line_num + 1 + skipped_lines, counted.quotes
    # a quoted field opened in the last row runs to the end of the file when the quotes from its line on are odd
    if (last is not None and reader.line_num + skipped_lines > last[0]
            and (counted.quotes - last_quotes) % 2 == 1):
        yield last[0], Rejection(f"{path}:{last[0]}", f"a quote opened in this row is never closed: lines "
                                 f"{last[0]}-{reader.line_num + skipped_lines} were read as one row, which is "
                                 "not indexed")
    elif last is not None:
        yield last


def _check_columns_once(header: list[str], options: ReadOptions) -> None:
    """A column Warta reads written twice in the header (`title,body,body`): which one holds the text is not
    known, and reading either would index the other's rows wrongly without a word, so the file is refused."""
    read = {field_key(name) for field_name in FIELD_NAMES for name in options.names_for(field_name)}
    seen: dict[str, int] = {}
    for number, column in enumerate(header, 1):
        name = field_key(column or "")
        if name in read and name in seen:
            raise InputError(f"column {column.strip()!r} appears twice in the header (columns {seen[name]} and "
                             f"{number}): rename or remove one")
        seen.setdefault(name, number)


# -- HTML ---------------------------------------------------------------------------------------
def read_html(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Article | Rejection]:
    from .htmlpage import parse_html  # here: BeautifulSoup takes a quarter of a second to import

    notes: list[str] = []
    html = read_text_file(path, MAX_HTML_BYTES, notes, decode_page)
    if _declares_single_byte_charset(html):  # read as the page says it is written: nothing to warn of
        notes = [note for note in notes if not note.startswith(NOT_UTF8)]
    article = parse_html(html, origin=str(path), notes=notes)
    checked_body(article.body)
    yield article
    yield from _noted(path, notes)


META_CHARSET = re.compile(r"<meta[^<>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.IGNORECASE)
SINGLE_BYTE_CHARSETS = frozenset({"windows-1252", "cp1252", "iso-8859-1", "latin1", "latin-1", "iso-8859-15"})


def _declares_single_byte_charset(html: str) -> bool:
    """`<meta charset="windows-1252">` (or http-equiv's) in the page's head: read as Windows-1252 on purpose."""
    declared = META_CHARSET.search(html[:READ_CHUNK])
    return declared is not None and declared[1].lower() in SINGLE_BYTE_CHARSETS


def decode_page(data: bytes, notes: list[str] | None = None) -> str:
    """A page's text, in the charset it declares (`<meta charset="iso-8859-2">`, http-equiv's content-type) when
    its bytes call for one (declared_codec) and all of them read in it; else as decode_text reads any text: a byte
    order mark's encoding, UTF-8, the bytes that are not UTF-8 as Windows-1252, noted."""
    codec = declared_codec(data)
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: read as an undeclared page is
    return decode_text(data, notes)


def declared_codec(data: bytes) -> str | None:
    """The codec a page's declared charset is read with (page_charsets.tsv), when nothing else says how to read it:
    no byte order mark, no NUL (UTF-16, binary files and an export's strays are decode_text's), not valid UTF-8.
    None for a charset neither Python nor the table knows, or that is no page's."""
    if data.startswith(BOMS) or b"\x00" in data or _is_utf8(data):
        return None
    declared = META_CHARSET.search(data[:READ_CHUNK].decode("latin-1"))
    if declared is None:
        return None
    label = declared[1].lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        name = label  # `windows-874`, `x-sjis`: a browser's label Python lacks, listed as written
    return page_charsets().get(name)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@lru_cache(maxsize=1)
def page_charsets() -> dict[str, str]:
    """page_charsets.tsv: Python's name for a charset a page may declare -> the codec to read it with."""
    return dict(line.split("\t") for line in read_lines("page_charsets.tsv"))


FORMATS: dict[str, Callable[[Path, ReadOptions], Iterator[Article | Rejection]]] = {
    ".txt": read_seed_file,
    ".jsonl": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}
SUFFIXES = tuple(FORMATS)
