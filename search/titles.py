"""Titles that were made from a URL slug (`Ketua mpr mustahil … bebas`, `… persipura.html`, `1821380 untuk
kali keenam …`, or an opaque id such as `8oqpopw8kddf310fstuwv50ix`), written again as a headline: each word
as the article's own text writes it (`MPR`, `iPhone`), else capitalised; small words (`di`, `dan`) in lower
case unless they open the title; known acronyms in capitals; no `.html`, no leading numeric id."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from urllib.parse import unquote

from .articles import url_parts
from .datafiles import read_lines

_PLAIN_WORD = re.compile(r"[0-9a-z]+")
_TEXT_WORD = re.compile(r"[^\W_]+")
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|php|aspx?)$", re.IGNORECASE)
_OPAQUE_ID = re.compile(r"(?=[a-z]*[0-9])[0-9a-z]{12,}")  # a slug-less id: letters and digits, no words
_NUMERIC_ID = re.compile(r"[0-9]{5,}")  # an outlet's article number before the slug
MIN_SLUG_WORDS = 3  # a URL segment counts as a slug when it has at least this many words
MAX_PLAIN_ACRONYM = 4  # longer words in capitals are taken as acronyms only when known (`JAKARTA -` is a dateline)
TEXT_LOOKED_AT = 20_000  # characters of the body read for how words are written


@lru_cache(maxsize=1)
def small_words() -> frozenset[str]:
    return frozenset(read_lines("title_small_words.txt"))


@lru_cache(maxsize=1)
def known_acronyms() -> frozenset[str]:
    """title_acronyms.txt, and the agencies' all-capital aliases (`KPK`, `DPRD`, `BNPB`)."""
    found = set(read_lines("title_acronyms.txt"))
    for line in read_lines("agencies.tsv", "search.extract.data"):
        cells = line.split("\t")
        for alias in cells[1].split("|") if len(cells) > 1 else ():
            alias = alias.strip()
            if alias.isalpha() and alias.isupper() and 2 <= len(alias) <= 8:
                found.add(alias)
    return frozenset(found)


def _plain(text: str) -> list[str]:
    """Lower-case letters-and-digits words: what a slug keeps of a text."""
    return _PLAIN_WORD.findall(text.casefold())


def slug_words(title: str, url: str | None) -> list[str] | None:
    """The words of a title made from `url`'s slug, without a leading article number; None when the title was
    written by a person (it has capitals past its first letter, or it is not a segment of its URL)."""
    parts = url_parts(url) if url else None
    if parts is None or not title:
        return None
    original, title = title, _without_query(title, parts.query)
    if title[1:] != title[1:].lower():
        return None
    words = _plain(_PAGE_SUFFIX.sub("", title.strip()))
    segments = [_plain(_PAGE_SUFFIX.sub("", unquote(segment)))
                for segment in parts.path.split("/") if segment]
    if not words and title != original:  # the query string alone (`?utm_source=27217`): the URL's slug says more
        return _longest_slug(segments)
    if not words or words not in segments:
        return None
    if len(words) == 1 and _OPAQUE_ID.fullmatch(words[0]):  # an id: the URL's longest slug says more
        return _longest_slug(segments)
    if len(words) > 1 and _NUMERIC_ID.fullmatch(words[0]):
        words = words[1:]
    return words


def _longest_slug(segments: list[list[str]]) -> list[str] | None:
    slugs = [segment for segment in segments if len(segment) >= MIN_SLUG_WORDS]
    return max(slugs, key=len) if slugs else None


def _without_query(title: str, query: str) -> str:
    """The title without the URL's query string its slug brought along (`… gol?ICID=SP`,
    `…?utm_source=welcome page&utm_medium=…`: a scraper's title of slug and query, dashes read as spaces)."""
    head, mark, tail = title.rpartition("?")
    if mark and query and tail and _plain(tail) == _plain(unquote(query)):
        return head.rstrip()
    return title


def headline(words: list[str], body: str) -> str:
    """The words as a headline: as the body writes each (its most frequent spelling, when that is not plain
    lower case or a sentence's capital), else an acronym in capitals, a small word in lower case (but not
    first), anything else capitalised; numbers the body writes with a dash between them (`6-0`) rejoined."""
    text = body[:TEXT_LOOKED_AT]
    written: dict[str, Counter] = {}
    for word in _TEXT_WORD.findall(text):
        written.setdefault(word.casefold(), Counter())[word] += 1
    folded = text.casefold() if len(text.casefold()) == len(text) else None  # offsets must stay aligned
    shown: list[str] = []
    for position, word in enumerate(words):
        joined = _dashed(shown[-1], word, text, folded) if shown else None
        if joined:
            shown[-1] = joined
        else:
            shown.append(_as_written(word, written.get(word), first=position == 0))
    return " ".join(shown)


def _dashed(before: str, word: str, text: str, folded: str | None) -> str | None:
    """`6` `0` → `6-0`, `e` `KTP` → `e-KTP`: two words the text writes joined by a dash (`e - KTP` in a
    tokenised text too), as it writes them."""
    if folded is None:
        return None
    found = re.search(rf"(?<![^\W_])({re.escape(before.casefold())}) ?- ?({re.escape(word)})(?![^\W_])", folded)
    return f"{text[found.start(1):found.end(1)]}-{text[found.start(2):found.end(2)]}" if found else None


def _as_written(word: str, spellings: Counter | None, first: bool) -> str:
    if spellings:  # the most frequent spelling; on a tie not the capitals of a dateline (`JAKARTA -`)
        spelling = max(spellings, key=lambda form: (spellings[form], not form.isupper()))
        shouted = spelling.isupper() and len(spelling) > MAX_PLAIN_ACRONYM and spelling not in known_acronyms()
        if spelling != word and spelling != word.capitalize() and not shouted:  # MPR, iPhone, McDonald, DKI
            return spelling
    if word.upper() in known_acronyms():
        return word.upper()
    if word in small_words() and not first:
        return word
    return word[:1].upper() + word[1:]


def slug_title(title: str, url: str | None, body: str) -> str:
    """The title, written again as a headline when it was made from the URL's slug; else as it was, without the
    URL's query string a scraper appended."""
    words = slug_words(title, url)
    if words:
        return headline(words, body)
    parts = url_parts(url) if url else None
    return (parts is not None and _without_query(title, parts.query)) or title
