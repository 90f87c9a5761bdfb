"""The Article record: what every loader produces and every later step consumes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import SplitResult, urlparse, urlsplit

from .datafiles import read_lines


def url_parts(url: str) -> SplitResult | None:
    """`url` split into its parts; None for one urllib refuses (`http://[bad/x`, an unclosed IPv6 host), which a
    record may well hold: its title and outlet are then read without it, never a traceback (trial 57)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None

TITLE_MAX_CHARS = 120
# Code points no reader sees that hide inside words (Unicode's Default_Ignorable_Code_Point, but the fillers
# below): soft hyphen, combining grapheme joiner, zero-width space and joiners, direction marks, word joiner,
# variation selectors, BOM, tag characters. Text and queries drop them, so `bu\u00adpati` is `bupati`.
FORMAT_CHARACTERS = re.compile("[\u00ad\u034f\u061c\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                               "\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff0-\ufffb\U0001bca0-\U0001bca3"
                               "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
BLANK_LETTERS = re.compile("[\u115f\u1160\u3164\uffa0]")  # Hangul fillers: letters drawn as blank, a space
# to a reader (`Ganjar\u3164Pranowo`)
# `Ma’ruf`, `Maʼruf`, `Ma`ruf`, `Ma´ruf`: an apostrophe between two letters, whichever character wrote it, is `'`,
# as the tokenizer, the analyzer and queries read it (the class first: the look-behind runs only where it matches)
APOSTROPHES = re.compile("[\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032](?<=[^\\W\\d_].)(?=[^\\W\\d_])")
# What no page, feed or index should hold: C0 controls but tab and line ends, DEL, the C1 controls (U+009B opens
# a terminal's escape sequence as ESC `[` does: trial 24), the non-characters U+FFFE and U+FFFF (XML refuses them
# all, and a feed of one such title fails), and lone surrogates (`"\ud800"` in JSON, which no UTF-8 encoder writes).
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def _written(found: re.Match) -> str:
    """A lone surrogate as the replacement character; a NUL as nothing, as a NUL byte in a file is (loaders: one
    stands inside a word in a broken export, `c\x00afé`, and a space would split it, trial 49); another control
    character as a space (`\x0c` between words)."""
    char = found[0]
    return "\ufffd" if "\ud800" <= char <= "\udfff" else "" if char == "\x00" else " "


CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # UNWRITABLE's control characters: C0 but tab
# and line ends (a body's table cells and paragraphs), DEL, C1


def without_controls(text: str) -> str:
    """`text` with the rule normalise_text applies to control characters, for a value read before it is
    interpreted: a NUL dropped (`2024-03\x00-05` is `2024-03-05`), another control character a space."""
    return CONTROLS.sub(_written, text) if CONTROLS.search(text) else text


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z“\"'])")
_ABBREVIATION_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z]{0,2}|Prof|Drs|Dra|Hj|Kol|Jl|No)\.[\"”’']?\s+$")


@dataclass
class Article:
    """One news article, as read from a source file."""

    id: str
    title: str
    body: str
    date: str | None = None
    url: str | None = None
    source: str | None = None
    place: str | None = None
    origin: str = ""  # where it was read from: "path" or "path:line"
    extras: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.title = normalise_text(self.title)
        self.body = normalise_text(self.body)
        # shown beside the title (facets, the feed's author, the CSV): no bidi override may spoof them either
        self.source = normalise_text(self.source)  # None and "" stay as they are
        self.place = normalise_text(self.place)
        if self.url and UNWRITABLE.search(self.url):  # `https://x.id/a/\ud800` (valid JSON): every answer listing
            self.url = UNWRITABLE.sub(_written, self.url)  # it failed to encode (trial 28); its id is kept

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extras")
        return data


def article_id(url: str | None, body: str) -> str:
    """A stable id: a hash of the URL when there is one, else of the normalised text."""
    basis = url.strip() if url and url.strip() else "text:" + normalise_space(body)
    return hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]  # a lone `\ud800` of a JSON
    # record hashes (the text is normalise_text's later), and no other text's id changes


def permalink(url: str | None) -> str | None:
    """`url` when it can be one article's own address, stripped; None for a placeholder (`-`, `about:blank`:
    search/data/url_placeholders.txt), a link to a place in the same page (`#`, `#top`) and a site's home page
    (no path beyond `/`, no query), which exports write for every article whose address they lack: as an id, it
    would make all of them one article."""
    text = (url or "").strip()
    if not text or text.startswith("#") or text.lower() in url_placeholders():
        return None
    try:
        parts = urlparse(text if URL_SCHEME.match(text) or text.startswith(("/", "?")) else "//" + text)  # a bare
        # host, `www.detik.com`, read as one
    except ValueError:  # `http://[::1` : no home page either
        return text
    query = [pair for pair in parts.query.split("&") if pair and not pair.lower().startswith(TRACKING_PARAMETERS)]
    path = parts.path.lower().rstrip("/")
    return None if path in HOME_PATHS and not query and "." in (parts.netloc or ".") else text


URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
HOME_PATHS = frozenset({"", "/index.php", "/index.html", "/index.htm", "/home"})  # a site's front page
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid")  # a feed's or a share's tag on a link: no page of its own


@lru_cache(maxsize=1)
def url_placeholders() -> frozenset[str]:
    return frozenset(read_lines("url_placeholders.txt"))


def normalise_text(text: str) -> str:
    """One form for every text the index holds and every query it answers: NFKC (composed accents,
    fullwidth `ｂｕｐａｔｉ` as `bupati`, ligatures split) without format characters, one apostrophe inside words,
    and nothing UNWRITABLE."""
    if not text:
        return text
    if UNWRITABLE.search(text):
        text = UNWRITABLE.sub(_written, text)
    if not text.isascii() or "`" in text:
        text = APOSTROPHES.sub("'", BLANK_LETTERS.sub(" ", FORMAT_CHARACTERS.sub("", text)))  # before NFKC, which
        # writes `´` as a space and a combining accent
        if not unicodedata.is_normalized("NFKC", text):  # the ellipsis stays one character, as titles show it
            text = "\u2026".join(unicodedata.normalize("NFKC", part) for part in text.split("\u2026"))
    return text


def normalise_space(text: str) -> str:
    """Runs of white space as one space, none at the ends (str.split, five times faster than a regex)."""
    return " ".join(text.split())


def first_sentence(text: str) -> str:
    """Up to the first sentence end that is not the full stop of an abbreviation (`H.`, `Dr.`, `Prof.`)."""
    text = normalise_space(text)
    for boundary in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION_BEFORE.search(text, 0, boundary.end()):
            return text[:boundary.start()].rstrip()
    return text


def cut_at_word(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """Cut text to at most `limit` characters at a word boundary, marking the cut with an ellipsis."""
    text = normalise_space(text)
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head:
        head = head[: head.rindex(" ")]
    return head.rstrip(" ,;:-") + "…"


def site_name(url: str | None) -> str | None:
    """The name the host's domain is registered under: `http://regional.kompas.com/read/…` → `kompas`;
    `republika.co.id` → `republika`; `nasional.tempo.co` → `tempo`. A second-level label (`co`, `go`, `ac`, …:
    outlets.SECOND_LEVEL) is one only before a country code (`co.id`, `co.uk`); before none it is the name
    (`tempo.co`, whose section `nasional` was taken for the outlet: trial 49)."""
    from .extract.outlets import SECOND_LEVEL  # here: the extract package imports this module

    parts = url_parts(url) if url else None
    if parts is None:
        return None
    labels = [label for label in (parts.hostname or "").lower().split(".") if label]
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == COUNTRY_CODE_CHARS:
        return labels[-3]
    if len(labels) >= 2:
        return labels[-2]
    return labels[0] if labels else None


COUNTRY_CODE_CHARS = 2  # `id`, `uk`: a top-level domain of this length is a country's
