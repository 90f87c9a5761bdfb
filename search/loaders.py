"""Read source files into Articles: seed plain text (*.txt), JSON Lines (*.jsonl), HTML pages (*.html)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from .articles import Article, article_id, cut_at_word, first_sentence, normalise_space, site_name
from .cleaning import clean_body
from .errors import InputError, NoArticleError
from .extract.dates import ISO_DATE, find_date, parse_iso_date
from .extract.lexicon import load_lexicon
from .extract.places import DATELINE, find_dateline

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
MAX_FILE_BYTES = 20 * 1024 * 1024
DESK_LINE_MAX_CHARS = 40
DESK_LINE_MAX_WORDS = 4
MIN_BODY_CHARS = 40


@dataclass(frozen=True)
class Rejection:
    """A source (file, or one line of a JSONL file) that produced no article, and why."""

    origin: str
    reason: str
    skipped: bool = False  # True for pages that simply hold no article (not an error)

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def find_sources(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The readable source files under the given files and directories, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return found


def read_source(path: Path) -> Iterator[Article | Rejection]:
    """Every article in one file, or a Rejection for each part that could not be read."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from read_jsonl(path)
        elif suffix in (".html", ".htm"):
            yield read_html(path)
        elif suffix == ".txt":
            yield read_seed_text(path)
        else:
            yield Rejection(str(path), f"unsupported file type {suffix or '(none)'}")
    except NoArticleError as error:
        yield Rejection(str(path), str(error), skipped=True)
    except InputError as error:
        yield Rejection(str(path), str(error))


def read_text_file(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"file is {size // (1024 * 1024)} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not valid UTF-8 (byte {error.start})") from None
    if not text.strip():
        raise NoArticleError("empty file")
    return text


# -- seed plain text ------------------------------------------------------------------------------
def read_seed_text(path: Path) -> Article:
    return parse_seed_text(read_text_file(path), origin=str(path))


def parse_seed_text(text: str, origin: str = "", year_hint: int | None = None) -> Article:
    """Dateline, body, and a short last line naming the desk: the press-release format of the seeds."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise NoArticleError("empty file")
    source = None
    if len(lines) > 1 and _is_desk_line(lines[-1]):
        source = lines.pop()
    body = "\n".join(lines)
    if len(body) < MIN_BODY_CHARS:
        raise NoArticleError(f"text too short to be an article ({len(body)} characters)")
    lexicon = load_lexicon()
    place = find_dateline(body, lexicon)
    found = find_date(body, year_hint)
    return Article(
        id=article_id(None, body),
        title=title_from_text(body, place),
        body=body,
        date=found.isoformat() if found else None,
        source=source,
        place=place,
        origin=origin,
    )


def _is_desk_line(line: str) -> bool:
    return (len(line) <= DESK_LINE_MAX_CHARS and len(line.split()) <= DESK_LINE_MAX_WORDS
            and not line.endswith((".", "”", '"', "!", "?")))


def title_from_text(body: str, place: str | None) -> str:
    """The first sentence without its dateline, cut at a word boundary."""
    sentence = first_sentence(body)
    if place:
        match = DATELINE.match(sentence)
        if match:
            sentence = sentence[match.end():].strip()
    return cut_at_word(sentence)


# -- JSON Lines ---------------------------------------------------------------------------------
def read_jsonl(path: Path) -> Iterator[Article | Rejection]:
    size = path.stat().st_size
    if size == 0:
        yield Rejection(str(path), "empty file", skipped=True)
        return
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            origin = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
                yield article_from_record(record, origin)
            except UnicodeDecodeError:
                yield Rejection(origin, "not valid UTF-8")
            except json.JSONDecodeError as error:
                yield Rejection(origin, f"not valid JSON ({error.msg} at column {error.colno})")
            except NoArticleError as error:
                yield Rejection(origin, str(error), skipped=True)
            except InputError as error:
                yield Rejection(origin, str(error))


def article_from_record(record: object, origin: str = "") -> Article:
    """One JSON object in the corpus shape: id, title, date, url, source, category, body."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    for key in ("title", "body", "url", "source", "date", "id", "place"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"field '{key}' must be a string, got {type(value).__name__}")
    body = clean_body(record.get("body") or "")
    if len(body) < MIN_BODY_CHARS:
        raise InputError("missing or empty 'body'")
    published = _record_date(record.get("date"), body)
    url = (record.get("url") or "").strip() or None
    lexicon = load_lexicon()
    place = record.get("place") or find_dateline(body, lexicon)
    title = normalise_space(record.get("title") or "") or title_from_text(body, place)
    return Article(
        id=article_id(url, body),
        title=title,
        body=body,
        date=published.isoformat() if published else None,
        url=url,
        source=(record.get("source") or "").strip() or site_name(url),
        place=place,
        origin=origin,
        extras={"category": record.get("category")} if record.get("category") else {},
    )


def _record_date(value: str | None, body: str) -> date | None:
    """ISO (`2017-03-28T04:15:36Z`) or Indonesian (`Kamis, 25 Jun 2026 08:16 WIB`); none given: from the body."""
    if not value or not value.strip():
        return find_date(body)
    parsed = parse_iso_date(value)
    if parsed is not None:
        return parsed
    if ISO_DATE.match(value):
        raise InputError(f"impossible date {value.strip()!r}")
    found = find_date(value)
    if found is None:
        raise InputError(f"unreadable date {normalise_space(value)!r}")
    return found


# -- HTML ---------------------------------------------------------------------------------------
def read_html(path: Path) -> Article:
    from .htmlpage import parse_html  # here: BeautifulSoup takes a quarter of a second to import

    return parse_html(read_text_file(path), origin=str(path))
