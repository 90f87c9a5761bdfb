"""Cleaning of article text: scraping debris and link lines that are not part of the story.

Applied to bodies from every source (HTML pages and JSON Lines alike).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources

from .analysis import stem_word
from .articles import normalise_space
from .datafiles import read_lines

JUNK_LINE = re.compile(
    r"^[\[(]?\s*(?:"
    r"baca(?:\s+(?:juga|pula|selengkapnya))?\s*:.*"  # Baca juga: …  Baca: …
    # `Baca juga Jokowi Resmikan …`, `Lihat juga …`: a teaser is a title or a few; a paragraph of prose that opens
    # with the words (`lihat juga bagaimana …`, 200 characters on) is the story's (trial 29: a body that was one)
    r"|baca\s+juga\b.{0,200}"
    r"|(?:lihat|simak|tonton|saksikan)\s+(?:juga|video)\b.{0,200}"
    r"|[-\u2013\u2014]?\s*(?:advertisement|iklan)\s*[-\u2013\u2014]?"  # `- Advertisement -` (tagDiv)
    # `Bagikan: Facebook Twitter WhatsApp`, Jetpack's `Bagikan ini:` and `Menyukai ini:`: networks' names alone
    r"|(?:bagikan|share|sebarkan)(?:\s+(?:ini|berita\s+ini|artikel\s+ini))?\s*:\s*(?:(?:facebook|twitter|x|"
    r"whatsapp|wa|telegram|line|linkedin|pinterest|e-?mail|copy\s+link|salin\s+tautan)\W*)*"
    r"|(?:menyukai|suka)\s+ini\s*:\s*(?:suka\W*|memuat\W*)*"
    r"|#[^\W_][\w-]*(?:[\s,]+#[^\W_][\w-]*){2,}"  # a line of three hashtags or more (one or two: a campaign's)
    # Tribun's `Laporan Wartawan TribunJatim.com, X`: the outlet's domain, then the name
    r"|laporan\s+(?:wartawan|reporter|koresponden)\s+\S+\.(?:com|co\.id|id|net)\s*,\s*[^,.!?]{2,60}"
    # a byline with its date: `Oleh Nurul Fadhilah · 22 April 2024, 16:05 WITA`
    r"|oleh\s+[^.!?\n\u00b7\u2022|]{2,60}\s[\u00b7\u2022|]\s*\d{1,2}\s+(?:jan|feb|mar|apr|mei|jun|jul|agu|agt|ags|sep"
    r"|okt|nov|des)[a-z]*\s+(?:19|20)\d\d\b[^.!?]{0,40}"
    r"|scroll\s+to\s+continue\s+with\s+content"
    r"|(?:dapatkan|ikuti)\s+(?:update|berita|informasi)\b.*\b(?:setiap hari|whatsapp|telegram|google news)\b"
    r"|(?:ikuti|follow)\s+(?:kami|akun|berita)\b.*\b(?:di|on)\b.*$"
    r"|(?:berlangganan|subscribe|daftar)\b.*\bnewsletter\b"
    r"|\d+\s+komentar"
    r"|(?:editor|penulis|pewarta|reporter|fotografer)\s*:\s*\S.{0,60}"
    r"|copyright\b.*|©.*"
    r")$",
    re.IGNORECASE,
)
INLINE_DEBRIS = re.compile(
    r"ADVERTISEMENT|SCROLL TO CONTINUE WITH CONTENT"
    # detik's teasers for other stories, run into the text: "Simak juga Video '…': [Gambas:Video 20detik]"
    r"|(?:Simak|Lihat|Saksikan|Tonton)(?:\s+juga)?\s+(?:Video|video|SOSOK)\b[^\[\]]{0,200}\[Gambas:[^\]]{0,40}\]"
    r"|\[Gambas:[^\]]{0,40}\]"
)  # the spaces around collapse later
# A lower-case word run into a capitalised one with no space: `peluangAmerika`, `dariESPN`, `diPiala`. Only when
# the token starts in lower case (`McDonald`, `YouTube`, `DailySocial` start with a capital; `iPhone`, `eKTP`
# have one letter before it) and its first part is an Indonesian word (glued_word_split).
GLUED = re.compile(r"(?<![^\W\d_])([a-z]{2,})(?=[A-Z])")
DIVINE_ENCLITICS = ("Nya", "Mu", "Ku")  # kepada-Nya, titipan-Mu: one word, written with a capital


@lru_cache(maxsize=1)
def indonesian_roots() -> frozenset[str]:
    """Sastrawi's root words (kata dasar), shipped with it."""
    text = resources.files("Sastrawi.Stemmer").joinpath("data", "kata-dasar.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


@lru_cache(maxsize=1)
def glue_exceptions() -> tuple[frozenset[str], frozenset[str]]:
    """(words that may stand before a capital though Sastrawi has no root for them: di, ke, dan, …;
    lower-case words that begin camel-case names: detik, uber, …)."""
    return frozenset(read_lines("title_small_words.txt")), frozenset(read_lines("camel_case_prefixes.txt"))


def is_glued(word: str, rest: str) -> bool:
    """Whether `word` (lower case) run into `rest` (starting with a capital) is two words glued together."""
    if rest.startswith(DIVINE_ENCLITICS) and not rest[3 if rest.startswith("Nya") else 2:][:1].isalpha():
        return False
    function_words, name_prefixes = glue_exceptions()
    if word in name_prefixes:
        return False
    return word in function_words or word in indonesian_roots() or stem_word(word) in indonesian_roots()


def split_glued_words(text: str) -> str:
    """`peluangAmerika Serikat` → `peluang Amerika Serikat`: a space where a scraper lost one."""
    if not GLUED.search(text):
        return text
    return GLUED.sub(lambda found: found[1] + " " if is_glued(found[1], text[found.end():found.end() + 4])
                     else found[1], text)


# an editor's initials closing the story: `(hmw/nvl)`, `(Cas/Isk)`, `(red)`; not an outlet's `(AP)`, `(Antara)`
EDITOR_INITIALS = re.compile(r"\(\s*(?:[A-Za-z]{2,6}(?:\s*/\s*[A-Za-z]{2,6})+|[a-z]{2,4})\s*\)")


def is_junk_line(line: str) -> bool:
    stripped = line.strip()
    return bool(JUNK_LINE.match(stripped) or EDITOR_INITIALS.fullmatch(stripped))


MAX_TEASERS = 3  # other stories' titles listed under one teaser heading
MAX_TEASER_CHARS = 160  # a title's length at most
TITLE_CASE_SHARE = 0.6  # of a title's longer words, more than this share capitalised
SINGLE_QUOTES = ("'", "\u2019")  # a line of prose ends with these too (SENTENCE_ENDS), and no title does


@lru_cache(maxsize=1)
def teaser_headings() -> frozenset[str]:
    """`Baca Juga`, `Berita Terkait` (teaser_headings.txt), compared without case."""
    return frozenset(name.casefold() for name in read_lines("teaser_headings.txt"))


def is_teaser_heading(line: str) -> bool:
    return line.rstrip(": ").casefold() in teaser_headings()


def reads_as_teaser(line: str) -> bool:
    """`Gubernur Khofifah Resmikan Jembatan Baru di Bondowoso`: a short line of three words or more in title case
    (most words of four letters or more capitalised) ending with no sentence's mark: another story's title."""
    if len(line) > MAX_TEASER_CHARS or not line[:1].isupper() or line.endswith(SENTENCE_ENDS + SINGLE_QUOTES):
        return False
    words = [word for word in line.split() if len(word) >= 4 and word[0].isalpha()]
    return len(line.split()) >= 3 and sum(word[0].isupper() for word in words) > TITLE_CASE_SHARE * len(words)


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Paragraphs without debris: link lines, ad markers, newsletter prompts, a teaser heading alone on its line
    (`Baca juga:`) and the titles under it; inline ad markers removed."""
    cleaned = []
    teasers_left = 0
    for paragraph in paragraphs:
        text = split_glued_words(normalise_space(INLINE_DEBRIS.sub(" ", paragraph)))
        if not text:
            continue
        if is_teaser_heading(text):
            teasers_left = MAX_TEASERS
            continue
        if teasers_left and reads_as_teaser(text):
            teasers_left -= 1
            continue
        teasers_left = 0
        if not is_junk_line(text):
            cleaned.append(text)
    return cleaned


MARKUP = re.compile(r"<(?:p|br|div|span|strong|b|em|i|a|h[1-6]|ul|ol|li|figure|figcaption|img|blockquote|table)\b"
                    r"[^>]*>|</(?:p|div|li|h[1-6]|span|strong|em|a)>|<!--\s*/?wp:", re.IGNORECASE)
# A character reference written whole, with its semicolon: `&#8211;`, `&#x2013;`, `&quot;`, `&frac12;`. A bare `&`
# (`R&D`, `AT&T`) and a legacy one without its semicolon (`&copy`) are text as written.
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


BLOCK_TAG = re.compile(r"</?(?:p|div|li|h[1-6]|blockquote|figure|figcaption|tr|ul|ol|table|section|article)\b[^>]*>"
                       r"|<br\s*/?>", re.IGNORECASE)
RAW_TEXT_ELEMENTS = ("script", "style", "template", "textarea", "noscript")  # their text holds no elements


def without_raw_text(html: str, separator: str = "") -> str:
    """The page without comments and the contents of script-like elements (`h+='<div>'` in a script is text,
    no element), in one linear pass: each mark's next place is looked for again only once passed. An unclosed
    one runs to the end, as the parser reads it. The pieces kept are joined by `separator` (a record's text:
    `" "`, so the words around a script stay apart)."""
    lowered = html.translate(ASCII_LOWER)  # str.lower() may lengthen a text (`İ`): offsets must stay the page's
    following = {opening: _opening_at(lowered, opening, 0) for opening, _ in _RAW_TEXT_MARKS}
    kept: list[str] = []
    position = 0
    while True:
        for opening, _ in _RAW_TEXT_MARKS:
            if 0 <= following[opening] < position:
                following[opening] = _opening_at(lowered, opening, position)
        found = [(at, opening) for opening, at in following.items() if at >= 0]
        if not found:
            kept.append(html[position:])
            return separator.join(kept)
        start, opening = min(found)
        kept.append(html[position:start])
        end = lowered.find(_CLOSING[opening], start + len(opening))
        if end < 0:
            return separator.join(kept)
        close = lowered.find(">", end + len(_CLOSING[opening]) - 1)
        position = close + 1 if close >= 0 else len(html)


def _opening_at(lowered: str, opening: str, position: int) -> int:
    """Where `opening` (`<!--`, `<script`) next opens from `position`, as a whole tag name; -1 when never."""
    at = lowered.find(opening, position)
    while at >= 0 and opening != "<!--" and lowered[at + len(opening):at + len(opening) + 1].isalnum():
        at = lowered.find(opening, at + 1)  # `<scripts>`, `<styles>`: another element
    return at


_RAW_TEXT_MARKS = (("<!--", "-->"), *((f"<{name}", f"</{name}") for name in RAW_TEXT_ELEMENTS))
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_CLOSING = dict(_RAW_TEXT_MARKS)


def markup_as_text(text: str) -> str:
    """A body written in HTML (a WordPress export puts a post's markup in its body column: `<p>`, `<!-- wp:… -->`):
    its text, a paragraph per block, comments, scripts and styles dropped, entities read. Text without markup is
    returned with its complete entities read (decoded_entities: scraped datasets store text escaped, `&quot;`),
    a bare `&` as written (`R&D`). Linear in the text: blocks become line breaks by one pass before the parser
    sees the rest, so no tree of blocks is ever edited."""
    if not MARKUP.search(text):
        decoded = decoded_entities(text)
        return markup_as_text(decoded) if decoded != text and MARKUP.search(decoded) else decoded  # a body
        # stored escaped whole (`&lt;p&gt;…`): its markup read once decoded, never shown as tags
    from bs4 import BeautifulSoup  # here: BeautifulSoup takes a quarter of a second to import

    flat = BLOCK_TAG.sub("\n\n", without_raw_text(text, " "))
    return BeautifulSoup(LOOSE_MARK.sub(_escaped_unless_markup, flat), "html.parser").get_text()


# An `&`, or a `<` with what follows it: a declaration's `!`, a processing instruction's `?`, or a name
LOOSE_MARK = re.compile(r"&|<(?P<tag>[!?]|/?[A-Za-z][\w:.-]*)?")


def _escaped_unless_markup(found: re.Match) -> str:
    """An `&` opening no complete ENTITY (`AT&T`) and a `<` opening no element, comment or declaration (`3<5`,
    `skor x<y dan a>b`) escaped, so that the parser reads them as the text they are: it dropped a bare `&T` and
    read `<y dan a>` as a tag."""
    if found[0] == "&":
        return "&" if ENTITY.match(found.string, found.start()) else "&amp;"
    tag = found["tag"] or ""
    name = tag.lstrip("/")
    if tag[:1] in ("!", "?") or (name and (name.lower() in html_elements() or ":" in name)):
        return found[0]
    return "&lt;" + tag


@lru_cache(maxsize=1)
def html_elements() -> frozenset[str]:
    """HTML's element names (a namespaced `o:p` is read as an element by its `:`)."""
    return frozenset(read_lines("html_elements.txt"))


def decoded_entities(text: str) -> str:
    """`&quot;Jembatan&quot; &#8211; PU &amp; Bappeda` → `"Jembatan" – PU & Bappeda`: each complete ENTITY read once
    (`&amp;quot;` is `&quot;`); `R&D`, `AT&T`, `M&Ms` stay as written. An unknown name (`&foo;`) stays too."""
    return ENTITY.sub(lambda found: html.unescape(found[0]), text) if "&" in text else text


def markup_as_title(text: str) -> str:
    """A title with markup or entities (`Judul &#8211; Sub`, WordPress's `rendered` titles) as plain text: as a
    body is read (its entities read once, as a browser shows them), its line breaks for the caller to join."""
    return markup_as_text(text)


# Text copied from a PDF or a fixed-width mail keeps the lines it was set in: a word split at the line's end
# (`Kepala Badan Kepegawaian Ne-` / `gara`, `Bupati … Hendra Wijaya Kusu-` / `ma`), a sentence going on in lower
# case on the next line, a name cut in two (`Camat Dayeuhluhur Ahmad` / `Zaenuri`). Read as lines, each would
# be a paragraph of its own and the names in it cut.
WRAPPED_WORD = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")
LINE_GOES_ON = re.compile(r"(?<=[^\W_,])[ \t]*\n[ \t]*(?=[a-z])|(?<=,)[ \t]*\n[ \t]*(?=[^\W\d_])")
# `1.`, `a)`, `ii.`, `IV)`, `- `, `• `
LIST_ITEM = re.compile(r"\s*(?:\d{1,3}[.)]|(?:[a-zA-Z]|[ivx]{2,5}|[IVX]{2,5})[.)]\s|[-•*–—·]\s)")
SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "\u201d", ")")
FULL_LINE_SHARE = 0.6  # a line this share of the setting's width or longer was cut by the width, not ended
WORD_BEFORE = re.compile(r"[^\W\d_]+$")
WORD_AFTER = re.compile(r"[^\W\d_]+")
MIN_DOUBLED_LETTERS = 3
MAX_SPLIT_WORD = 40  # letters looked at on each side of a split word (`laki-`/`laki` is one doubled)
MIN_WRAPPED_LINE = 45  # characters of a line that goes on in lower case: a poem's lines are shorter, whatever
# the text's width (a poem alone runs to its own width: its every line would be `full`) (a wrapped
# quotation inside an article of one-line paragraphs runs to 60-70, far below that article's width)
MIN_WRAPPED_BREAKS = 2  # a text with fewer words split or sentences going on is not taken as set in lines
WIDTH_DECILE = 0.9  # the line length taken as the setting's width: one long line (a URL) does not set it


def unwrapped(text: str) -> str:
    """`text` with the line breaks of its setting removed: a word split by a hyphen at a line's end joined
    (`Ne-`/`gara` → `Negara`; a capital after it keeps the hyphen: `Henukh-`/`Ndun` → `Henukh-Ndun`; a doubled
    word keeps it too: `laki-`/`laki`, and a letter's or an acronym's: `e-`/`budgeting`, `KTP-`/`el`); a line of
    MIN_WRAPPED_LINE characters or more, ending in a letter or a comma, whose next line goes on in lower case
    joined to it (not a poem's short lines, even in a text of short lines only, nor a list's next item `b. …`,
    `ii. …`, nor a table's row, in lower case: `dr. Leli …`); and, in a text where these two happen twice or more
    (one set in lines), a line as long as its lines run, not in capitals throughout and ending in a capitalised
    word (a name or a body cut: `… Camat Dayeuhluhur Ahmad` / `Zaenuri, …`), joined to the next. Lists, headings,
    short lines, lines ending in a lower-case word and blank lines stay as they are. `\n` ends a line (callers
    turn `\r\n` and `\r` into it)."""
    if "\n" not in text:
        return text
    width = _setting_width(text)
    text, split_words = WRAPPED_WORD.subn(_joined_word, text)
    going_on = 0

    def goes_on(found: re.Match) -> str:
        nonlocal going_on
        text, at, end = found.string, found.start(), found.end()
        line_start = text.rfind("\n", 0, at) + 1  # each line is looked at as the one before one break at most
        next_end = text.find("\n", end)
        following = text[end:] if next_end < 0 else text[end:next_end]
        if (at - line_start < MIN_WRAPPED_LINE  # a short line (a poem's, a list's) ends where it ends
                or LIST_ITEM.match(following)  # `b. Kepala …`, `ii. pembacaan …`: the list's next item
                or CELL_MARK in following or CELL_MARK in text[line_start:at]):  # a table's row
            return found[0]
        going_on += 1
        return " "

    text = LINE_GOES_ON.sub(goes_on, text)
    return _full_lines_joined(text, width) if split_words + going_on >= MIN_WRAPPED_BREAKS else text


def _setting_width(text: str) -> int:
    """The length the text's lines run to as it was set: the ninth decile of their lengths, so that one long
    line (a URL) does not set it."""
    lengths = sorted(len(line.strip()) for line in text.split("\n"))
    return lengths[int(len(lengths) * WIDTH_DECILE)]


def _joined_word(found: re.Match) -> str:
    """The hyphen of a word split at a line's end dropped, unless a capital follows, the word is doubled or what
    stands before the hyphen is a letter or an acronym."""
    text, at, end = found.string, found.start(), found.end()
    before = WORD_BEFORE.search(text, max(0, at - MAX_SPLIT_WORD), at)
    after = WORD_AFTER.match(text, end, end + MAX_SPLIT_WORD)
    doubled = before is not None and after is not None and _repeats(before[0].casefold(), after[0].casefold())
    prefix = before is not None and (len(before[0]) == 1 or before[0].isupper())  # `e-budgeting`, `KTP-el`
    return "-" if text[end].isupper() or doubled or prefix else ""


def _repeats(before: str, after: str) -> bool:
    """`laki`/`laki`, `sekurang`/`kurangnya`, `kemerah`/`merahan`: the word after the hyphen opens with the end of
    the word before it, three letters or more; `sayur`/`mayur`, `tolong`/`menolong`, `bahu`/`membahu`: it ends
    with the same three letters; `bolak`/`balik`, `mondar`/`mandir`: its consonants are the other's, three or
    more. A doubled word, whose hyphen is its own."""
    if any(after.startswith(before[-size:]) for size in range(MIN_DOUBLED_LETTERS, len(before) + 1)):
        return True
    if len(before) >= MIN_DOUBLED_LETTERS and after.endswith(before[-MIN_DOUBLED_LETTERS:]):
        return True
    consonants = before.translate(NO_VOWELS)
    return len(consonants) >= MIN_DOUBLED_LETTERS and consonants == after.translate(NO_VOWELS)


NO_VOWELS = str.maketrans("", "", "aeiou")


def _ends_capitalised(line: str) -> bool:
    """A line whose last word is capitalised, no sentence's end after it: a name or a body's name cut by the
    width (`… Camat Dayeuhluhur Ahmad`), not a list item (`… beserta jajaran`) nor a sentence."""
    last = line.rsplit(None, 1)[-1]
    return last[:1].isupper() and not last.endswith(SENTENCE_ENDS)


def _full_lines_joined(text: str, width: int) -> str:
    """Each line that runs to the setting's `width` (FULL_LINE_SHARE of it or more), not in capitals throughout
    and ending in a capitalised word, joined to the next line when that holds text and opens no list item (no
    table's row either: table_cells_marked runs first). Each line is looked at alone, as a line of the setting
    (what it was joined to before does not count): linear in the text."""
    full = FULL_LINE_SHARE * width
    pieces: list[str] = []
    previous = None
    for line in text.split("\n"):
        if previous is not None and _runs_on(previous.rstrip(), line, full):
            pieces[-1] = pieces[-1].rstrip()
            pieces.append(" ")
            line = line.lstrip()
        elif previous is not None:
            pieces.append("\n")
        pieces.append(line)
        previous = line
    return "".join(pieces)


def _runs_on(line: str, following: str, full: float) -> bool:
    """Whether a line cut by the setting's width goes on in the line `following` it (_full_lines_joined)."""
    return (bool(line) and len(line) >= full and _ends_capitalised(line) and not line.isupper()
            and bool(following.strip()) and not LIST_ITEM.match(following)
            and CELL_MARK not in line and CELL_MARK not in following)


# A table pasted as text: its cells apart by tabs, or by runs of spaces that line its columns up
# (`Anggota          Heru Santoso          Kepala Satuan Polisi Pamong Praja`). Normalised to single spaces, a row
# would read as one run of words (`Anggota Heru Santoso Kepala Satuan …`); its cells are kept apart by ` | `.
# Possessive: a run of spaces is read once. Spaces around a label's `:` or a `=` line a form or code up, not a
# table's columns (`Hari/Tanggal   : Senin`, `x  =  1`), and those after `Rp` an amount's digits (`Rp   750.000`).
# No-break spaces (U+00A0) line columns up as spaces do.
COLUMN_GAP = re.compile(r"(?<=[^\s:=])(?<!\bRp)(?<!\bRp\.)(?:[ \t\u00a0]{2,}+|\t)(?=[^\s:=])")
TAB_IN_A_SENTENCE = re.compile(r"\t(?=[a-z])")  # `Ia mengatakan\tbahwa …`: a tab typed inside a sentence
MIN_TABLE_ROWS = 2  # consecutive lines with tabs; with spaces, MIN_ALIGNED_ROWS lines sharing a column's start
MIN_ALIGNED_ROWS = 3
CELL_SEPARATOR = "|"
CELL_MARK = f" {CELL_SEPARATOR} "


def table_cells_marked(text: str) -> str:
    """`text` with the cells of its tables apart by ` | `: two consecutive lines or more whose cells are apart by
    tabs, or three or more whose runs of spaces open a column at one place in each of them. Other lines, and a
    run of spaces in prose, stay."""
    if "\t" not in text and "   " not in text and "\u00a0\u00a0" not in text:
        return text
    lines = text.split("\n")
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and COLUMN_GAP.search(lines[end]):
            end += 1
        if _is_table(lines[start:end]):
            lines[start:end] = [COLUMN_GAP.sub(CELL_MARK, line) for line in lines[start:end]]
        start = max(end, start + 1)
    return "\n".join(lines)


def _is_table(rows: list[str]) -> bool:
    if len(rows) >= MIN_TABLE_ROWS and all("\t" in row for row in rows) and not _tabs_inside_sentences(rows):
        return True
    if len(rows) < MIN_ALIGNED_ROWS:
        return False
    column_starts = [{gap.end() for gap in COLUMN_GAP.finditer(row)} for row in rows]
    return bool(set.intersection(*column_starts))


def _tabs_inside_sentences(rows: list[str]) -> bool:
    """Lines of one gap each, a tab with a lower-case word after it (`Ia mengatakan\tbahwa …`, `Kemudian\tia
    pergi …`): prose someone typed a tab into, not a table's two columns."""
    return all(len(COLUMN_GAP.findall(row)) == 1 and TAB_IN_A_SENTENCE.search(row) for row in rows)


def paragraph_lines(text: str) -> str:
    """`text` as its paragraphs' lines: every line end `\\n` (a line ends at `\\n`, `\\r\\n` or a lone `\\r`, a classic
    Mac text pasted into a CSV cell or a JSON string, as a file's lines do), a table's cells kept apart by ` | `,
    then a text set in lines (copied from a PDF) unwrapped, in that order: a table's rows are no lines to join.
    What clean_body and the seed reader read."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unwrapped(table_cells_marked(text))


def clean_body(text: str) -> str:
    """A body with one paragraph per blank-line-separated block (paragraph_lines), debris removed."""
    return "\n\n".join(clean_paragraphs(re.split(r"\n\s*\n|\n", paragraph_lines(text))))
