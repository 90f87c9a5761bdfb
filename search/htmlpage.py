"""Turn a saved news page into an Article: title, date, body paragraphs, canonical URL and site name.

The body is the page element whose own paragraphs hold the most text that is not link text; navigation,
share bars, captions and "Baca juga" lines are dropped. Pages without such a body (index pages, galleries of
links) raise NoArticleError so that they are reported as skipped, not indexed as junk.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .articles import Article, article_id, cut_at_word, normalise_space, site_name, url_parts
from .cleaning import (CELL_MARK, CELL_SEPARATOR, clean_paragraphs, markup_as_text, markup_as_title,
                       teaser_headings)
from .datafiles import read_lines
from .errors import InputError, NoArticleError
from .extract.dates import find_date, parse_date_value, parse_iso_date, safe_date, text_date
from .htmltree import parse_tree

REMOVED_TAGS = ("script", "style", "noscript", "iframe", "form", "nav", "header", "footer", "aside", "button",
                "select", "svg", "figcaption", "template", "object", "embed", "head")
JUNK_ATTRIBUTE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|sosmed|comment|komentar|related\w*|terkait|baca-?juga|advert\w*|ads?|"
    r"banner|breadcrumbs?|tags?|caption|promo|newsletter|sidebar|menu|footer|header|nav\w*|popular|terpopuler|"
    r"trending|recommend\w*|rekomendasi|author-box|print|hidden)(?:$|[\s_-])",
    re.IGNORECASE,
)
DESCRIPTIVE_PREFIXES = frozenset({"tag", "category", "no", "has", "with", "without"})  # `tag-banjir`, `no-share`
_NAME_SEGMENT = re.compile(r"[-_]")
BLOCK_TAGS = frozenset({"p", "div", "article", "section", "main", "td", "tr", "table", "li", "ul", "ol", "blockquote",
                        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "dl", "dt", "dd", "pre", "center"})
CANDIDATE_TAGS = frozenset({"div", "article", "section", "main", "td", "span", "font"})
CELL_TAGS = ["td", "th"]
# A data row's cells are read as one line, apart by CELL_MARK (as cleaning.py writes a text table's), so that a
# name and the post in the next cell stay together: search/extract/tables.py reads the row as clauses.
DATA_CELL_BLOCKS = ["p", "div", "table", "ul", "ol", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"]
MIN_ROW_CELLS = 2
MAX_CELL_CHARS = 200
INLINE_CANDIDATES = frozenset({"span", "font"})
TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»)\s+")
SITE_WORDS = re.compile(r"\.(?:com|co\.id|co|id|net)\b|\bonline\b|\bnews\b", re.IGNORECASE)
URL_DATE = re.compile(r"/(20\d\d|\d\d)/(\d{1,2})/(\d{1,2})/")
LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
DATE_META = ("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
             "publish-date", "date", "DC.date.issued", "content_PublishedDate", "dtm.publish")
MIN_BODY_CHARS = 120
LISTING_SEGMENTS = frozenset({"category", "kategori", "tag", "tags", "topik", "author", "penulis", "arsip", "archive",
                              "archives", "indeks", "index"})
LISTING_TEASERS = 3  # linked headings under an archive's address that make it a listing
MAX_HEADINGS_READ = 200
META_ATTRIBUTES = ("property", "name", "itemprop")
TEASER_CLIMB = 2  # wrappers a teaser heading may sit alone in before its list (`<div class="head"><h3>…</h3></div>`)
HEADLINE_CLASS = re.compile(r"judul|headline|(?:entry|post|article|news|berita|item)[-_]?title", re.IGNORECASE)
HEADLINE_WORDS = (3, 30)
MAX_HEADLINE_ELEMENTS = 5
PHOTO_CAPTION = re.compile(r"(?:foto|photo|ilustrasi)\s*:", re.IGNORECASE)
# a publication's date (`itemDateCreated`, `entry-date`, `td-post-date`), not a top bar's `tanggal` (today's date)
DATE_CLASS = re.compile(
    r"publish|created|posted[-_]?on|(?:post|entry|article|news|berita|item|meta)[-_]?(?:date|time|tanggal)"
    r"|(?:date|tanggal)[-_]?(?:publish|post|terbit|create)", re.IGNORECASE)
MAX_DATED_ELEMENTS = 10
MAX_DATED_TEXT = 100  # characters: a date's element holds a date and a time, not a paragraph
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CAPTION_CLASS = re.compile("caption", re.IGNORECASE)
LINKS = frozenset({"a"})
MAX_LD_BLOCKS = 20  # JSON-LD scripts, and items in one, read for an articleBody
MAX_LD_CHARS = 2_000_000
NOT_PROSE = frozenset({"a", "script", "style", "noscript", "template", "title", "button", "select", "option"})
CONTAINER_SHARE = 0.5  # of the page's prose: an element holding it is the article's container
MIN_PARAGRAPH_SCORE = 25
MIN_PARAGRAPH_WORDS = 6
MAX_LINK_DENSITY = 0.5
# CPU seconds (of the reading thread, so a busy machine does not count) to parse a page and find its article: a
# safety net; a page within htmltree's element and depth limits costs 1-2 s at most (trial 49)
MAX_PAGE_SECONDS = 10.0
CLOCK_EVERY = 1_000  # elements between two looks at the page's clock


class PageClock:
    """The work one page may cost; `check` raises InputError once it is spent."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = MAX_PAGE_SECONDS if seconds is None else seconds
        self.ends = time.thread_time() + self.seconds

    def check(self) -> None:
        if time.thread_time() > self.ends:
            raise InputError(f"finding the article took over {self.seconds:g} s of work, the limit for one page")


UNLIMITED = PageClock(float("inf"))


@dataclass
class _Candidate:
    element: Tag
    score: float


def parse_html(html: str, origin: str = "", notes: list[str] | None = None) -> Article:
    """The page's article; what was read with a loss (a declared date that cannot be read) is added to `notes`.
    InputError for a page over htmltree's limits (its elements, their depth: counted as it is parsed) or over its
    work limit (MAX_PAGE_SECONDS, a safety net a page within the limits stays far below)."""
    clock = PageClock()
    soup = parse_tree(html, clock.check)
    url = canonical_url(soup)
    if is_index_page(soup, url):
        raise NoArticleError("index page, not an article")
    title = page_title(soup, url)
    published = page_date(soup, html, url, notes)
    captions = gallery_captions(soup)
    declared_body = ld_article_body(soup)
    clock.check()
    strip_boilerplate(soup, clock)
    paragraphs = [p for p in article_paragraphs(soup, clock, notes) if p != title and not _is_dateline_only(p)
                  and p.casefold() not in section_names()  # `Politik` above the headline: the section's label
                  and not is_government_name(p)]  # the site's `<h1>PEMERINTAH KOTA PADANG</h1>`
    if paragraphs and PHOTO_CAPTION.match(paragraphs[0]):
        paragraphs = paragraphs[1:]  # `Foto: Kepala Dinas … (Dok. Istimewa)` above the story: the photo's caption
    body = "\n\n".join(paragraphs)
    if len(body) < MIN_BODY_CHARS and len("".join(captions)) >= MIN_BODY_CHARS:
        body = "\n\n".join(captions)  # a photo gallery tells its story in the captions
    if len(body) < MIN_BODY_CHARS and len(declared_body) >= MIN_BODY_CHARS:
        body = declared_body  # a page drawn by script, its text only in its JSON-LD
    _check_article(title, body)
    if NOT_FOUND.search(title) and published is None and len(body) < NOT_FOUND_MAX_BODY:
        raise NoArticleError("a 'page not found' page, not an article")  # a story about a 404 has a date, a body
    from .extract.lexicon import load_lexicon
    from .extract.places import find_dateline

    return Article(
        id=article_id(url, body),
        title=cut_at_word(title, 300),
        body=body,
        date=published.isoformat() if published else None,
        url=url,
        source=site_name(url),
        place=find_dateline(body, load_lexicon()),
        origin=origin,
    )


def _check_article(title: str | None, body: str) -> None:
    """NoArticleError naming what the page lacks: text, enough of it, or any title."""
    if not body:
        raise NoArticleError("page holds no article text")
    if len(body) < MIN_BODY_CHARS:
        raise NoArticleError(f"page holds {len(body)} characters of article text, under the {MIN_BODY_CHARS} "
                             "an article needs")
    if not title:
        raise NoArticleError("page has no title (no <title>, <h1>, og:title or JSON-LD headline)")


NOT_FOUND = re.compile(r"halaman\s+(?:yang\s+anda\s+cari\s+)?tidak\s+ditemukan|page\s+not\s+found|^\s*(?:error\s+)?404\b"
                       r"|\b404\s+not\s+found", re.IGNORECASE)  # a CMS's soft 404, served with status 200
NOT_FOUND_MAX_BODY = 1_000  # characters: a 404 template's text is short


def _is_dateline_only(paragraph: str) -> bool:
    """`Rabu, 28 September 2022 10:15 WIB` standing alone: page furniture, not story."""
    return len(paragraph.split()) <= 7 and find_date(paragraph) is not None


def is_index_page(soup: BeautifulSoup, url: str | None) -> bool:
    """A front or section page: declared a website; or, when nothing marks one article (a publication time, a
    single `<article>`; some front pages say `og:type` `article` too), its own URL has no article slug or id
    (`/`, `/berita`; not `/?p=12345`, a WordPress post)."""
    if (meta(soup, "og:type") or "").lower() == "website":
        return True
    if not url or meta(soup, "article:published_time") or len(elements_named(soup, "article")) == 1:
        return False
    if _listing_path(url) and _linked_headings(soup) >= LISTING_TEASERS:
        return True  # `/category/berita-pemerintahan/`, `/berita/index/2`: teasers under an archive's address
    parts = url_parts(url)
    if parts is None or re.search(r"\d", parts.query):
        return False
    segments = [segment for segment in parts.path.split("/") if segment]
    return not segments or (len(segments) == 1 and not re.search(r"[\d-]", segments[0]) and len(segments[0]) <= 20)


def ld_article_body(soup: BeautifulSoup) -> str:
    """The `articleBody` a page's JSON-LD declares (a `NewsArticle`, alone, in a list or an `@graph`), as cleaned
    paragraphs; "" when none."""
    found = ld_value(soup, "articleBody")
    return "\n\n".join(clean_paragraphs(markup_as_text(found).split("\n"))) if found else ""


def ld_headline(soup: BeautifulSoup) -> str:
    """The `headline` a page's JSON-LD declares, as plain text on one line; "" when none: a page drawn by script
    may have no `<title>` or `<h1>`, only its JSON-LD."""
    return normalise_space(markup_as_title(ld_value(soup, "headline") or ""))


def ld_value(soup: BeautifulSoup, key: str) -> str | None:
    """The first non-empty string a page's JSON-LD gives under `key`, in an item, a list of them or an item's
    `@graph`. Blocks over MAX_LD_CHARS, or that are no JSON, are passed over."""
    scripts = [script for script in elements_named(soup, "script") if script.get("type") == "application/ld+json"]
    for script in scripts[:MAX_LD_BLOCKS]:
        text = script.string or ""
        if len(text) > MAX_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        found = _ld_value_in(data, key)
        if found:
            return found
    return None


def _ld_value_in(data: object, key: str) -> str | None:
    """The first non-empty string under `key` of a JSON-LD item, a list of them or an item's `@graph`."""
    items = data if isinstance(data, list) else [data]
    for item in items[:MAX_LD_BLOCKS]:
        if not isinstance(item, dict):
            continue
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value
        graph = item.get("@graph")
        if isinstance(graph, list):
            inner = _ld_value_in([node for node in graph[:MAX_LD_BLOCKS] if isinstance(node, dict)], key)
            if inner:
                return inner
    return None


def _listing_path(url: str) -> bool:
    """An archive's address: a segment naming a category, a tag, an author or an index, then at most its name or a
    page's number (`/category/daerah/`, `/tag/banjir/page/2`, `/berita/index/2`); an article's address may hold
    such a segment before its own slug (`/kategori/pemerintahan/pemkot-gelar-rapat`: trial 26)."""
    parts = url_parts(url)
    segments = [segment for segment in parts.path.split("/") if segment] if parts is not None else []
    for at, segment in enumerate(segments):
        if segment.lower() in LISTING_SEGMENTS:
            rest = [part for part in segments[at + 1:] if not part.isdigit() and part.lower() != "page"]
            return len(rest) <= 1
    return False


def _linked_headings(soup: Tag) -> int:
    """Headings whose text is all one link: the teasers of a listing (an article's own headline links nowhere)."""
    count = 0
    for heading in elements_named(soup, *HEADINGS)[:MAX_HEADINGS_READ]:
        link = heading.find("a")
        if link is not None and normalise_space(link.get_text(" ")) == normalise_space(heading.get_text(" ")) != "":
            count += 1
    return count


def gallery_captions(soup: BeautifulSoup) -> list[str]:
    """Captions of the page's own photo gallery (not of teasers for other articles)."""
    captions: list[str] = []
    for element in elements_named(soup, "figcaption", "div", "p", "span"):
        if not has_class(element, CAPTION_CLASS):
            continue
        if element.find_parent(class_=re.compile(r"gallery|galeri", re.I)) is None or element.find_parent("a"):
            continue
        text = normalise_space(element.get_text(" "))
        if len(text.split()) >= MIN_PARAGRAPH_WORDS and text not in captions:
            captions.append(text)
    return captions


# -- the page's elements ---------------------------------------------------------------------------
def page_elements(soup: BeautifulSoup) -> list[Tag]:
    """The page's elements in document order, listed in one walk and kept on the soup until its boilerplate is
    stripped (forget_elements). Finding elements by a list of names, an attribute or a function, bs4's find_all
    walked the whole tree through its filters each time, a dozen times a page: with bs4's own parse, 100-160 µs of
    CPU an element (trial 49: a listing of 25,000 items took 8 s of a page's 10)."""
    elements = soup.__dict__.get("_warta_elements")  # not getattr: a Tag reads an unknown attribute as a child's name
    if elements is None:
        elements = [node for node in soup.descendants if isinstance(node, Tag)]
        soup.__dict__["_warta_elements"] = elements
    return elements


def forget_elements(soup: BeautifulSoup) -> None:
    """Drop the page's listed elements: some of them were decomposed."""
    soup.__dict__.pop("_warta_elements", None)


def elements_named(soup: BeautifulSoup, *names: str) -> list[Tag]:
    """The page's elements named one of `names`, in document order (one decomposed has lost its name)."""
    wanted = frozenset(names)
    return [element for element in page_elements(soup) if element.name in wanted]


def first_named(soup: BeautifulSoup, name: str) -> Tag | None:
    return next((element for element in page_elements(soup) if element.name == name), None)


def nearest_ancestor(element: Tag, names: frozenset[str]) -> Tag | None:
    """The closest element above `element` named one of `names` (bs4's find_parent, without its filters)."""
    for parent in element.parents:
        if parent.name in names:
            return parent
    return None


def has_class(element: Tag, pattern: re.Pattern) -> bool:
    """One of the element's classes, or all of them as written, matches `pattern`, as bs4's `class_=pattern` asks."""
    classes = element.get_attribute_list("class")
    if any(isinstance(name, str) and pattern.search(name) for name in classes):
        return True
    return len(classes) > 1 and pattern.search(" ".join(classes)) is not None


# -- metadata -----------------------------------------------------------------------------------
def meta(soup: BeautifulSoup, *names: str) -> str | None:
    """The content of the first `<meta>` whose property, name or itemprop is one of `names`, in that order."""
    index = _meta_index(soup)
    for name in names:
        for attribute in META_ATTRIBUTES:
            content = index.get((attribute, name))
            if isinstance(content, str) and content.strip():
                return normalise_space(content)
    return None


def _meta_index(soup: BeautifulSoup) -> dict[tuple[str, str], object]:
    """(attribute, value) -> the content of the first `<meta>` carrying it, read in one pass a page and kept on
    the soup: a page's metadata is asked for some fifty times (dates alone under ten names and three
    attributes), and each look was a pass over the whole tree (a page of 50,000 links: several seconds)."""
    index = soup.__dict__.get("_warta_meta")  # not getattr: a Tag reads an unknown attribute as a child's name
    if index is None:
        index = {}
        for tag in elements_named(soup, "meta"):
            for attribute in META_ATTRIBUTES:
                value = tag.get(attribute)
                if isinstance(value, str):
                    index.setdefault((attribute, value), tag.get("content"))
        soup.__dict__["_warta_meta"] = index
    return index


def canonical_url(soup: BeautifulSoup) -> str | None:
    link = next((link for link in elements_named(soup, "link") if "canonical" in link.get_attribute_list("rel")),
                None)
    for candidate in (link.get("href") if link else None, meta(soup, "og:url")):
        if isinstance(candidate, str) and candidate.strip().startswith(("http://", "https://")):
            return candidate.strip()
    return None


def page_title(soup: BeautifulSoup, url: str | None) -> str | None:
    """og:title, twitter:title, <h1>, <title>, then the JSON-LD's headline in that order of trust, without the
    site's name around it; a headline of one word (`Banjir`) when no title of two words or more names the page,
    unless it is the site's name."""
    site = site_name(url) or ""
    one_word = None
    h1 = first_named(soup, "h1")
    heading = normalise_space(h1.get_text(" ")) if h1 else ""
    if is_government_name(heading):
        heading = ""  # `<h1>PEMERINTAH KOTA PADANG</h1>`: the site's logo
    title_tag = first_named(soup, "title")
    for raw in (meta(soup, "og:title"), meta(soup, "twitter:title"), heading, _headline_element(soup),
                normalise_space(title_tag.get_text(" ")) if title_tag else "", ld_headline(soup)):
        if not raw:
            continue
        title = strip_site_affixes(raw, site)
        rubric = _rubric_heading(soup, title)
        if rubric:
            return rubric
        if heading and len(heading.split()) >= 3 and heading != title and heading in title:
            return heading  # the heading is the title without a section or site prefix
        if title and len(title.split()) >= 2:
            return title
        if title and one_word is None and not _is_site_piece(title, site) and not _names_the_site_or_section(
                title, soup):
            one_word = title
    return one_word


def _headline_element(soup: BeautifulSoup) -> str:
    """The text of the first element whose class or id says it is the headline (`judul-berita`, ASP.NET's
    `lblJudul`, `entry-title`, `td-post-title`), of HEADLINE_WORDS words; "" when there is none."""
    for element in islice(filter(_names_a_headline, page_elements(soup)), MAX_HEADLINE_ELEMENTS):
        text = normalise_space(element.get_text(" "))
        if HEADLINE_WORDS[0] <= len(text.split()) <= HEADLINE_WORDS[1]:
            return text
    return ""


def _names_a_headline(element: Tag) -> bool:
    classes = element.get("class")
    return any(HEADLINE_CLASS.search(name) for name in [*(classes or ()), element.get("id") or ""] if name)


def _names_the_site_or_section(title: str, soup: BeautifulSoup) -> bool:
    """A one-word title that is the site's declared name (og:site_name) or a section's (`Nasional`, `Indeks`:
    section_names.txt): the page's label, not a headline."""
    site = meta(soup, "og:site_name") or ""
    return title.casefold() == site.strip().casefold() or title.casefold() in section_names()


@lru_cache(maxsize=1)
def section_names() -> frozenset[str]:
    return frozenset(name.casefold() for name in read_lines("section_names.txt"))


def _rubric_heading(soup: BeautifulSoup, title: str) -> str | None:
    """A visible headline that is the title with a rubric in front (`In Picture: …`)."""
    if len(title.split()) < 3:
        return None
    for element in _tags_with_string(soup, RUBRIC_HEADING_TAGS, re.compile(re.escape(title[-20:]))):
        text = normalise_space(element.get_text(" "))
        prefix = text[: -len(title)] if text.endswith(title) else ""
        if prefix.endswith(": ") and 2 < len(prefix) <= 25:
            return text
    return None


RUBRIC_HEADING_TAGS = frozenset({"h1", "h2", "div", "span"})


def _tags_with_string(soup: BeautifulSoup, names: frozenset[str], pattern: re.Pattern):
    """The tags named `names` whose one string (bs4's `Tag.string`: a lone child, through lone children) matches
    `pattern`, in document order: found from the matching strings up, as `find_all(names, string=pattern)` asks
    every tag's `.string` down its chain (trial 38: 390 nested `<div>`s over 20,000 elements, 8 s)."""
    for string in soup.find_all(string=pattern):
        chain, node = [], string
        while node.parent is not None and len(node.parent.contents) == 1:
            node = node.parent
            if node.name in names:
                chain.append(node)
        yield from reversed(chain)


def strip_site_affixes(title: str, site: str) -> str:
    """Remove `- Kompas.com`, `| Republika Online`, `KapanLagi.com: ` around a title."""
    pieces = TITLE_SEPARATORS.split(title)
    while len(pieces) > 1 and (_is_site_piece(pieces[-1], site) or OFFICIAL_SITE.match(pieces[-1])
                               or is_government_name(pieces[-1])):
        pieces.pop()  # a government site's `– Website Resmi …`, `| Pemerintah Provinsi Kalimantan Barat`
    while len(pieces) > 1 and (_is_site_piece(pieces[0], site) or is_government_name(pieces[0])):
        pieces.pop(0)
    title = " - ".join(pieces)
    prefix, colon, rest = title.partition(": ")
    if colon and rest and _is_site_piece(prefix, site):
        title = rest
    return title.strip()


def is_government_name(text: str) -> bool:
    """A regional government's or its communication office's name (`Pemerintah Provinsi Kalimantan Barat`,
    `PEMERINTAH KOTA PADANG`, `Diskominfo Lampung Selatan`): on its own site, the site's name, never a headline
    (`Pemkot Padang Raih WTP` names no region after the body)."""
    from .extract.regions import resolve_region

    opening = GOVERNMENT_PREFIX.match(text)
    return opening is not None and resolve_region(text[opening.end():].strip()) is not None


def _is_site_piece(piece: str, site: str) -> bool:
    """A site's name: a few words naming the site or a domain."""
    words = piece.split()
    return len(words) <= 4 and bool((site and site.lower() in piece.lower()) or SITE_WORDS.search(piece))


GOVERNMENT_PREFIX = re.compile(r"\s*(?:pemerintah(?:\s+(?:provinsi|kabupaten|kota|daerah))?|pem(?:kab|kot|prov)"
                               r"|diskominfo|dinas\s+komunikasi,?\s+(?:dan\s+)?informatika)\s+", re.IGNORECASE)
OFFICIAL_SITE = re.compile(r"\s*(?:website|situs|portal|laman)\s+resmi\b", re.IGNORECASE)  # go.id sites' suffix


def page_date(soup: BeautifulSoup, html: str, url: str | None, notes: list[str] | None = None) -> date | None:
    """Published date from metadata, <time>, JSON-LD, the article URL, then the page's own date text. A declared
    date is read as a record's date field is (parse_date_value: `2015-11-05T14:56:43+07:00`, `5 Agustus 2023`,
    `05/08/2023`); one no reading finds (`1850-01-01`, `99999-99-99`) leaves the page undated with a note, as an
    unreadable date field of a record does."""
    declared = [value for value in (meta(soup, *DATE_META), _time_element(soup), _ld_date(html)) if value]
    for value in declared:
        parsed = parse_date_value(value)
        if parsed:
            return parsed
    found = url_date(url) or _dated_element(soup) or text_date(soup.get_text(" "))
    if found is None and declared and notes is not None:
        notes.append(f"unreadable date {normalise_space(declared[0])[:80]!r}: indexed without a date")
    return found


def _dated_element(soup: BeautifulSoup) -> date | None:
    """The date an element whose class says it holds the publication's date writes (Joomla K2's
    `itemDateCreated`, `entry-date`, `post-date`: DATE_CLASS), before any date the story's text gives
    (`Rabu (21/2/2024)`, when the event happened)."""
    dated = (element for element in page_elements(soup) if has_class(element, DATE_CLASS))
    for element in islice(dated, MAX_DATED_ELEMENTS):
        found = text_date(normalise_space(element.get_text(" "))[:MAX_DATED_TEXT])
        if found is not None:
            return found
    return None


def _time_element(soup: BeautifulSoup) -> str | None:
    """The first `<time>` giving an ISO 8601 date: a `<time>` that writes a date in words may be a top bar's
    today, which the URL's date and the page's dated elements come before."""
    for tag in elements_named(soup, "time"):
        value = tag.get("datetime") or tag.get_text(" ")
        if isinstance(value, str) and parse_iso_date(value):
            return value
    return None


def _ld_date(html: str) -> str | None:
    match = LD_DATE.search(html)
    return match.group(1) if match else None


def url_date(url: str | None) -> date | None:
    """`/read/2015/11/05/…` or Republika's `/16/02/15/…` in the article URL."""
    match = URL_DATE.search(url or "")
    if not match:
        return None
    year = int(match[1])
    return safe_date(year + 2000 if year < 100 else year, int(match[2]), int(match[3]))


# -- body ---------------------------------------------------------------------------------------
def strip_boilerplate(soup: BeautifulSoup, clock: PageClock = UNLIMITED) -> None:
    """Scripts, styles, comments and the elements whose class or id says junk (menus, share bars, related
    links), each with everything inside it. A decomposed element has lost its name: asking bs4's `decomposed`
    instead searches its whole subtree for a child named `_decomposed`, quadratic on deeply nested pages.
    An element holding most of the page's paragraphs is the article's container whatever its tag or class
    says (`_containers`): it stays, and only the junk inside it goes. Hidden elements go first (_drop_hidden)."""
    elements = page_elements(soup)  # walked once for both passes; one decomposed in between has lost its name
    _drop_hidden(elements, soup, clock)
    containers = _containers(elements, soup, clock)
    for element in elements_named(soup, *REMOVED_TAGS):
        if id(element) not in containers:
            element.decompose()
    for comment in [node for node in soup.descendants if isinstance(node, Comment)]:
        comment.extract()
    for block in _teaser_blocks(soup):
        block.decompose()  # however much text its excerpts hold
    for count, element in enumerate(elements):
        if count % CLOCK_EVERY == 0:
            clock.check()
        if not element.name:  # decomposed already: removed by its tag, a teaser, or inside a junk element
            continue
        if (element.name not in ("body", "html") and id(element) not in containers
                and is_junk_element(element.get("class", []), element.get("id"))):
            element.decompose()
    forget_elements(soup)


def _teaser_blocks(soup: BeautifulSoup) -> list[Tag]:
    """A teaser heading (`Berita Terkait`, `Baca Juga`: teaser_headings.txt) and the teasers right after it: the
    next element when it is a list each of whose items links (`<h3>Berita Terkait</h3><ul>…</ul>`, Tribun's six
    excerpts under linked headlines) or a block two thirds links (_is_teaser_list), looked for beside the
    heading or beside the wrapper it sits alone in. Never
    the heading's whole parent: a story's own `<h4>Baca Juga:</h4>` or `Terkait` subheading opens the
    container that holds it (trial 25)."""
    found = []
    for heading in elements_named(soup, *HEADINGS)[:MAX_HEADINGS_READ]:  # not those decomposed: their name is gone
        if normalise_space(heading.get_text(" ")).rstrip(": ").casefold() not in teaser_headings():
            continue
        found.append(heading)
        teasers = _teasers_after(heading)
        if teasers is not None:
            found.append(teasers)
    return found


def _teasers_after(heading: Tag) -> Tag | None:
    """The list or block of links that follows a teaser heading, beside it or beside the wrapper it sits alone in
    (`<div class="head"><h3>Berita Terkait</h3></div><ul>…`)."""
    element, own = heading, normalise_space(heading.get_text(" "))
    for _ in range(TEASER_CLIMB + 1):
        following = element.find_next_sibling()
        if following is not None:
            return following if _is_teaser_list(following) else None
        element = element.parent
        if (element is None or element.name in ("body", "html", "[document]")
                or normalise_space(element.get_text(" ")) != own):
            return None  # the heading ends a wrapper with more in it: what follows the wrapper is not its
    return None


def _is_teaser_list(element: Tag) -> bool:
    """A list each of whose items links somewhere (Tribun's linked headlines and their excerpts), or a block whose
    text is two thirds links or more. A story's own list (`<h3>Rekomendasi</h3><ol>` of sentences) and its
    linked subheadings with prose under them (a listicle) are neither (trial 26)."""
    if element.name in ("ul", "ol"):
        items = element.find_all("li", recursive=False, limit=MAX_HEADINGS_READ)
        return bool(items) and all(item.find("a") is not None for item in items)
    text = len(normalise_space(element.get_text(" ")))
    links = sum(len(normalise_space(link.get_text(" "))) for link in element.find_all("a", limit=MAX_HEADINGS_READ))
    return text > 0 and links * 3 >= text * 2


def is_junk_element(classes: list[str], element_id: str | None) -> bool:
    """A class or id that names junk (`share-buttons`, `related-posts`, `comments-area`, `sidebar`), unless it
    only describes the element: a WordPress post's taxonomy (`tag-banjir`, `category-daerah`) or a layout's
    modifier (`no-share`, `has-sidebar`, `with-sidebar`)."""
    for token in [*classes, element_id or ""]:
        if (token and JUNK_ATTRIBUTE.search(token)
                and _NAME_SEGMENT.split(token, 1)[0].lower() not in DESCRIPTIVE_PREFIXES):
            return True
    return False


def _drop_hidden(elements: list[Tag], soup: BeautifulSoup, clock: PageClock = UNLIMITED) -> None:
    """Decompose the elements a browser does not show (is_hidden), unless the page shows no article without them:
    30 paragraphs in a `<div style="display:none">` were read as the article over the three a reader sees (trial
    49), while a page some script reveals (`<div id="page" style="visibility:hidden">` around everything) is still
    read. Never `<html>` or `<body>` themselves."""
    hidden: list[Tag] = []
    inside: set[int] = set()  # elements hidden, or inside one
    for element in elements:  # document order: an element's parent comes before it
        if id(element.parent) in inside:
            inside.add(id(element))
        elif element.name not in ("html", "body") and is_hidden(element):
            inside.add(id(element))
            hidden.append(element)
    if not hidden:
        return
    chars = _prose_chars(elements, clock)
    shown = sum(chars[id(child)] for child in soup.children if isinstance(child, Tag)) - sum(
        chars[id(element)] for element in hidden)
    if shown >= MIN_BODY_CHARS:
        for element in hidden:
            element.decompose()


HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)


def is_hidden(element: Tag) -> bool:
    """An element a browser does not show: the `hidden` attribute, or an inline style of `display: none` or
    `visibility: hidden`. Not `aria-hidden="true"`: that hides an element from screen readers only, its text stays
    on the screen (icons, a carousel's copies of its slides; while a dialog is open, scripts set it on the
    wrapper of the whole page, and a saved page keeps it)."""
    style = element.get("style")
    return element.has_attr("hidden") or (isinstance(style, str) and HIDING_STYLE.search(style) is not None)


def _prose_chars(elements: list[Tag], clock: PageClock = UNLIMITED) -> dict[int, int]:
    """The characters of prose (text outside links, scripts and styles) each element holds (by id), counted in one
    pass from the leaves up."""
    chars: dict[int, int] = {}
    for count, element in enumerate(reversed(elements)):  # the page's elements, in document order
        if count % CLOCK_EVERY == 0:
            clock.check()
        if element.name in NOT_PROSE:
            chars[id(element)] = 0
            continue
        chars[id(element)] = sum(chars[id(child)] if isinstance(child, Tag) else
                                 len(child.strip()) if type(child) is NavigableString else 0
                                 for child in element.children)
    return chars


def _containers(elements: list[Tag], soup: BeautifulSoup, clock: PageClock = UNLIMITED) -> set[int]:
    """The elements (by id) that hold CONTAINER_SHARE or more of the page's prose (_prose_chars), when it reaches
    MIN_BODY_CHARS: a Blogger post's `<div class="widget Blog">` written with `<br>`s, ASP.NET's page-wide `<form>`,
    a `<head>` or `<header>` left open that html.parser (unlike a browser) lets swallow the body. Counted in one
    pass from the leaves up, so a page's work stays linear however deep it nests."""
    chars = _prose_chars(elements, clock)
    total = sum(chars[id(child)] for child in soup.children if isinstance(child, Tag))
    if total < MIN_BODY_CHARS:
        return set()
    return {key for key, count in chars.items() if count >= CONTAINER_SHARE * total}


def article_paragraphs(soup: BeautifulSoup, clock: PageClock = UNLIMITED,
                       notes: list[str] | None = None) -> list[str]:
    """The paragraphs of the page's article (best_container's, widened); a page holding several articles says
    which are read in `notes`."""
    own_scores = own_text_scores(soup, clock)
    best = best_container(soup, clock, own_scores)
    if best is None:
        return []
    paragraphs = []
    linked: set[int] = set()
    groups = _paragraph_nodes(best.element, own_only=False, clock=clock, linked=linked)
    container = _widened(best.element, len(groups), own_scores)
    if container is not best.element:
        groups = _paragraph_nodes(container, own_only=False, clock=clock, linked=linked)
    if notes is not None:
        notes.extend(_articles_read(soup, container))
    inside_link = _link_test(container, linked)
    for nodes in groups:
        if all(inside_link(node) for node in nodes if node.strip()):
            continue  # a paragraph that is only a link: navigation, "Baca juga" teasers
        paragraphs.append(normalise_space("".join(str(node) for node in nodes)))
    return clean_paragraphs(paragraphs)


def _articles_read(soup: BeautifulSoup, container: Tag) -> list[str]:
    """A note when the page holds several articles (outermost `<article>`s each with MIN_BODY_CHARS of prose after
    the boilerplate is gone, so not a sidebar's teasers) and the body is read from fewer than all of them, or from
    several as one: one page is one article, and the others were dropped without a word (trial 49: five
    `<article>`s, the first read)."""
    outermost = [element for element in elements_named(soup, "article") if nearest_ancestor(element, ARTICLES) is None]
    if len(outermost) < 2:
        return []
    chars = _prose_chars(page_elements(soup))
    articles = [element for element in outermost if chars[id(element)] >= MIN_BODY_CHARS]
    if len(articles) < 2:
        return []
    above = {id(parent) for parent in container.parents}  # an article holding the container is read
    read = [number for number, article in enumerate(articles, 1)
            if article is container or id(article) in above or any(parent is container for parent in article.parents)]
    held = f"the page holds {len(articles)} articles (<article> elements with text)"
    if not read:
        return [f"{held}; the text read is outside all of them"]
    if len(read) == 1:
        return [f"{held}; only article {read[0]} is read"]
    return [f"{held}; articles {', '.join(map(str, read))} are read as one"]


ARTICLES = frozenset({"article"})
MAX_CLIMB = 4  # wrapper levels around one paragraph (`div.content > div.row > div.col > div.inner > p`)
FEW_PARAGRAPHS = 2  # a best container holding no more is one paragraph's wrapper, perhaps


def _widened(element: Tag, paragraphs: int, own_scores: dict[int, float]) -> Tag:
    """Page builders (Elementor, regional CMSs) wrap each paragraph in its own divs, so the best container may
    hold one paragraph of ten: when it holds at most FEW_PARAGRAPHS (of its `paragraphs`), the nearest ancestor
    (MAX_CLIMB levels up at most) whose paragraphs hold twice its text or more, else the element itself."""
    if paragraphs > FEW_PARAGRAPHS:
        return element
    text = _text_under(element, own_scores)
    ancestor = element
    for _ in range(MAX_CLIMB):
        ancestor = nearest_ancestor(ancestor, CANDIDATE_TAGS)
        if ancestor is None:
            break
        if _text_under(ancestor, own_scores) >= 2 * text:
            return ancestor
    return element


def _text_under(element: Tag, own_scores: dict[int, float]) -> float:
    """The scored text of the element's paragraphs and of every container's inside it (own_text_scores)."""
    inner = [node for node in element.descendants if isinstance(node, Tag) and node.name in CANDIDATE_TAGS]
    return sum(own_scores[id(container)] for container in [element, *inner])


def best_container(soup: BeautifulSoup, clock: PageClock = UNLIMITED,
                   own_scores: dict[int, float] | None = None) -> _Candidate | None:
    """The element whose own paragraphs, plus half of its children's, hold the most text. Never the `<body>`
    itself: a page with no container is a listing (`<ul><li>` of stories) far more often than a bare story."""
    scores: dict[int, _Candidate] = {}
    own_scores = own_text_scores(soup, clock) if own_scores is None else own_scores
    for element in elements_named(soup, *CANDIDATE_TAGS):
        own = own_scores[id(element)]
        if own <= 0:
            continue
        parent = nearest_ancestor(element, CANDIDATE_TAGS)
        if parent is not None and _is_paragraph_div(element):
            scores.setdefault(id(parent), _Candidate(parent, 0.0)).score += own  # a <div> used as a <p>
            continue
        scores.setdefault(id(element), _Candidate(element, 0.0)).score += own
        if parent is not None:
            scores.setdefault(id(parent), _Candidate(parent, 0.0)).score += own / 2
    return max(scores.values(), key=lambda candidate: candidate.score, default=None)


def _is_paragraph_div(element: Tag) -> bool:
    """A <div> holding only text and inline elements: a paragraph written as a div."""
    return element.name == "div" and not any(isinstance(node, Tag) and node.name in PARAGRAPH_BREAKERS
                                             for node in element.descendants)


PARAGRAPH_BREAKERS = BLOCK_TAGS | (CANDIDATE_TAGS - INLINE_CANDIDATES)

# A stretch of text as _paragraph_nodes(own_only=True) splits it, summed up: (broken, head, paragraphs, tail). Not
# broken, `head` is one paragraph's part so far; broken, `head` ends the paragraph before the first break, `tail`
# opens the one after the last, and `paragraphs` sums the whole ones between (those own_text_score counts). A part
# is (characters, characters in links, words), a sum (characters, characters in links).
_Part = tuple[int, int, int]
_Stretch = tuple[bool, _Part, tuple[int, int], _Part]
_NOTHING: _Part = (0, 0, 0)
_EMPTY: _Stretch = (False, _NOTHING, (0, 0), _NOTHING)
_BREAK: _Stretch = (True, _NOTHING, (0, 0), _NOTHING)


def own_text_scores(soup: BeautifulSoup, clock: PageClock = UNLIMITED) -> dict[int, float]:
    """own_text_score of each of the page's elements (by id), in one pass from the leaves up: each element's text
    summed as the stretches of its children joined, so text is read once however deeply inline containers
    nest. Asked one by one, each of 390 nested `<span>`s walked all the text under it again (trial 49: 9,000
    `<b>`s inside them took over 10 s)."""
    elements = page_elements(soup)
    outward: dict[int, _Stretch] = {}  # how an element's text reads to the element around it
    scores: dict[int, float] = {}
    for count, element in enumerate(reversed(elements)):
        if count % CLOCK_EVERY == 0:
            clock.check()
        inside = _EMPTY
        for child in element.children:
            if isinstance(child, NavigableString):
                inside = _joined(inside, (False, (len(child.strip()), 0, len(child.split())), (0, 0), _NOTHING))
            elif isinstance(child, Tag):
                inside = _joined(inside, outward[id(child)])
        scores[id(element)] = _stretch_score(inside)
        outward[id(element)] = _read_outward(element.name, inside)
    in_links: set[int] = set()
    for element in elements:  # document order: an element's parent comes before it
        parent = element.parent
        if parent is not None and (parent.name == "a" or id(parent) in in_links):
            in_links.add(id(element))
            scores[id(element)] = 0.0  # inside a link: all its text is link text
    return scores


def _read_outward(name: str, inside: _Stretch) -> _Stretch:
    """An element's stretch as the walk of the element around it reads it: a `<br>` breaks the paragraph, a
    block opens and ends one, a container other than an inline one is skipped (its text is its own), an `<a>`'s
    text is all link text."""
    if name == "br":
        return _BREAK
    if name in BLOCK_TAGS and name not in CANDIDATE_TAGS:
        return _joined(_joined(_BREAK, inside), _BREAK)
    if name in CANDIDATE_TAGS and name not in INLINE_CANDIDATES:
        return _EMPTY
    if name == "a":
        broken, head, _, tail = inside
        return broken, (head[0], head[0], head[2]), (0, 0), (tail[0], tail[0], tail[2])  # no paragraph counts
    return inside


def _joined(first: _Stretch, second: _Stretch) -> _Stretch:
    """Two stretches read one after the other: the paragraph the first leaves open goes on into the second."""
    if not second[0]:
        if not first[0]:
            return False, _added(first[1], second[1]), (0, 0), _NOTHING
        return True, first[1], first[2], _added(first[3], second[1])
    if not first[0]:
        return True, _added(first[1], second[1]), second[2], second[3]
    middle = _counted(_added(first[3], second[1]))
    paragraphs = (first[2][0] + middle[0] + second[2][0], first[2][1] + middle[1] + second[2][1])
    return True, first[1], paragraphs, second[3]


def _added(first: _Part, second: _Part) -> _Part:
    return first[0] + second[0], first[1] + second[1], first[2] + second[2]


def _counted(part: _Part) -> tuple[int, int]:
    """A whole paragraph's (characters, link characters) when own_text_score counts it, else nothing."""
    length, links, words = part
    return (length, links) if length - links >= MIN_PARAGRAPH_SCORE and words >= MIN_PARAGRAPH_WORDS else (0, 0)


def _stretch_score(stretch: _Stretch) -> float:
    """own_text_score of an element whose text reads as `stretch`."""
    broken, head, (text_chars, link_chars), tail = stretch
    for part in (head, tail) if broken else (head,):
        text, links = _counted(part)
        text_chars, link_chars = text_chars + text, link_chars + links
    if not text_chars or link_chars / text_chars > MAX_LINK_DENSITY:
        return 0.0
    return float(text_chars - link_chars)


def own_text_score(element: Tag, clock: PageClock = UNLIMITED) -> float:
    """Characters of text in the element's own paragraphs (not in nested containers), less link text."""
    text_chars = 0
    link_chars = 0
    linked: set[int] = set()
    paragraphs = _paragraph_nodes(element, own_only=True, clock=clock, linked=linked)
    inside_link = _link_test(element, linked)
    for paragraph in paragraphs:
        length = sum(len(s.strip()) for s in paragraph)
        links = sum(len(s.strip()) for s in paragraph if inside_link(s))
        words = sum(len(s.split()) for s in paragraph)
        if length - links >= MIN_PARAGRAPH_SCORE and words >= MIN_PARAGRAPH_WORDS:
            text_chars += length
            link_chars += links
    if not text_chars or link_chars / text_chars > MAX_LINK_DENSITY:
        return 0.0
    return float(text_chars - link_chars)


def _link_test(container: Tag, linked: set[int]) -> Callable[[NavigableString], bool]:
    """Whether a text node under the container sits inside an <a>: the container is in one, or the walk down from
    it to the node passed one (`linked`, by _paragraph_nodes). Asking every text node for an <a> anywhere above
    walked the whole depth of a deeply nested page for each of them (20,000 paragraphs under 390 <div>s: 7.8
    million steps per container); walking up only to the container still walked each of 390 nested <span>s'
    depth for each of its text nodes (trial 49: 9,000 `<b>`s inside them, over 10 s)."""
    if nearest_ancestor(container, LINKS) is not None:
        return lambda node: True
    return lambda node: id(node) in linked


def _own_bars_as_slashes(nodes: list[NavigableString], start: int, linked: set[int]) -> None:
    """A `|` written inside a data cell (`Kepala Dinas | PU`) as `/`: only CELL_MARK parts the row's cells, so
    that tables.py does not read the cell as two."""
    for k in range(start, len(nodes)):
        if CELL_SEPARATOR in nodes[k]:
            written = NavigableString(nodes[k].replace(CELL_SEPARATOR, "/"))
            if id(nodes[k]) in linked:
                linked.add(id(written))
            nodes[k] = written


def _is_data_row(row: Tag) -> bool:
    """A table's row of data (`<tr><td>2</td><td>AKBP Teguh …</td><td>Kapolres Agam</td></tr>`): two cells or more,
    each a short text with no block inside, not a layout's row holding an article's paragraphs."""
    cells = row.find_all(CELL_TAGS, recursive=False)
    return len(cells) >= MIN_ROW_CELLS and all(
        len(cell.get_text()) <= MAX_CELL_CHARS and cell.find(DATA_CELL_BLOCKS) is None for cell in cells)


def _paragraph_nodes(element: Tag, own_only: bool, clock: PageClock = UNLIMITED,
                     linked: set[int] | None = None) -> list[list[NavigableString]]:
    """Text nodes grouped by paragraph, split at <br> and block elements; the ids of those inside an <a> below
    `element` are added to `linked`.

    With `own_only`, nested containers (other than <p> and inline wrappers) are not walked: the text counts
    for the element that holds it directly.
    """
    clock.check()  # once a walk: each is linear in the element's size
    paragraphs: list[list[NavigableString]] = [[]]
    linked = set() if linked is None else linked

    def walk(node: Tag, in_link: bool) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                paragraphs[-1].append(child)
                if in_link:
                    linked.add(id(child))
            elif not isinstance(child, Tag):
                continue
            elif child.name == "br":
                paragraphs.append([])
            elif child.name == "tr" and not own_only and _is_data_row(child):
                paragraphs.append([])
                previous = ""
                for number, cell in enumerate(child.find_all(CELL_TAGS, recursive=False)):
                    text = cell.get_text().strip()
                    if number:  # `Editor` `: Ervan Hardoko`, `Kepala Dinas` `:` `dr. Leli`: a label and its
                        # value, not two cells of data
                        labelled = text[:1] == ":" or previous == ":"
                        paragraphs[-1].append(NavigableString(" " if labelled else CELL_MARK))
                    start = len(paragraphs[-1])
                    walk(cell, in_link)
                    _own_bars_as_slashes(paragraphs[-1], start, linked)
                    previous = text
                paragraphs.append([])
            elif child.name in BLOCK_TAGS and child.name not in CANDIDATE_TAGS:
                paragraphs.append([])
                walk(child, in_link)
                paragraphs.append([])
            elif child.name in CANDIDATE_TAGS and child.name not in INLINE_CANDIDATES:
                if not own_only:
                    paragraphs.append([])
                    walk(child, in_link)
                    paragraphs.append([])
            else:
                walk(child, in_link or child.name == "a")

    walk(element, False)
    return [p for p in paragraphs if any(node.strip() for node in p)]
