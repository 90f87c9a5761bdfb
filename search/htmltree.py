"""Parse a page with html.parser into the tree a browser builds for the end tags HTML lets a page leave out.

html.parser nests every element it is not told to close, so `<li>a<li>b`, `<td>a<td>b` and `<p>a<p>b` became each
item inside the one before: a list of 1,100 items was a tree 1,100 deep, too deep to walk (RecursionError). A
browser closes an open `<p>`, `<li>`, `<dt>`/`<dd>`, `<td>`/`<th>`, `<tr>` and `<option>` where the HTML standard
implies its end tag (parsing, "in body" and "in table" insertion modes); BrowserSoup does the same as each start
tag is read. End tags need nothing: bs4 already closes every element left open inside the one an end tag closes.

The page's limits are kept as the tree is built (BrowserSoup.pushTag): the elements it holds and how deep they nest,
counted as html.parser makes them, so a tag written in a comment, a script's or a style's text or an attribute's
quoted value is no element, and one inside a `<textarea>` or `<template>` (which html.parser reads as markup) is.
The parse stops at the first element over a limit: it costs at most what a page within the limits costs.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from .datafiles import read_lines
from .errors import InputError

# bs4's tree costs 50-90 µs of CPU an element on a loaded 2-core machine (html.parser's own reading a quarter of
# it; bs4 with lxml saved a quarter, not enough to matter), finding the article 20-60 µs more: a page of 20,000
# costs 2-4 s at the slowest, inside a page's work limit (htmlpage.MAX_PAGE_SECONDS), which stays a safety net.
# The 36 real pages of ../shared/html hold 44 to 2,140 elements; news pages with long comment threads or menus
# hold several thousand, so the limit leaves them ten times the room the sample needs.
MAX_HTML_ELEMENTS = 20_000
MAX_HTML_DEPTH = 400  # open elements, html and body included (the real pages: 5 to 17); the walks recurse this deep
CHECK_EVERY = 1_000  # elements built between two looks at the page's work limit

# a `<p>` open inside one of these is out of "button scope": `<td><p>` is not closed by the cell's `<div>`s
BUTTON_SCOPE_ENDS = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
                               "button"})
TABLE_SCOPE_ENDS = frozenset({"html", "table", "template"})  # a cell of an outer table is out of a new row's scope
# start tags that close an open `<p>` (the standard's list; `<table>` does not here, as in the quirks mode old pages
# without a doctype are read in)
CLOSES_PARAGRAPH = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
    "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "hr", "xmp", "plaintext",
    "li", "dd", "dt"})
CELLS = frozenset({"td", "th"})
ROWS = frozenset({"tr"})
PARAGRAPHS = frozenset({"p"})
ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
LIST_ITEMS = {"li": frozenset({"li"}), "dd": frozenset({"dd", "dt"}), "dt": frozenset({"dd", "dt"})}
ITEM_SCOPE_KEPT = frozenset({"address", "div", "p"})  # special elements a list item's search goes on through


class BrowserSoup(BeautifulSoup):
    """A BeautifulSoup tree whose elements with optional end tags are closed as a browser closes them.

    Where each open element sits on the parser's stack is kept by name, and where each element that ends a scope
    sits, by scope: a start tag finds what it closes in constant time. Walking the stack down instead made a
    page quadratic (`<p><button>`, then 50,000 unknown elements left open, then as many `<div>`s: each `<div>`
    walked all of them to the `<button>`)."""

    def __init__(self, *args, check: Callable[[], None] | None = None, **kwargs) -> None:
        self._check = check  # raises once the page's work is spent
        super().__init__(*args, **kwargs)

    def reset(self) -> None:
        self._built = 0  # elements, the document itself not counted
        self._open_at: dict[str, list[int]] = defaultdict(list)  # a name -> its open elements' stack positions
        self._scope_ends_at: dict[frozenset[str], list[int]] = {ends: [] for ends in scopes()}
        super().reset()

    def pushTag(self, tag) -> None:
        super().pushTag(tag)
        at = len(self.tagStack) - 1
        if tag is not self:
            self._count_element(at)
        self._open_at[tag.name].append(at)
        for ends in scopes_ended_by(tag.name):
            self._scope_ends_at[ends].append(at)

    def _count_element(self, depth: int) -> None:
        """InputError once the page holds more elements, or nests them deeper, than one page may."""
        self._built += 1
        if self._built > MAX_HTML_ELEMENTS:
            raise InputError(f"over {MAX_HTML_ELEMENTS:,} elements, the limit for one page")
        if depth > MAX_HTML_DEPTH:
            raise InputError(f"elements nested over {MAX_HTML_DEPTH} deep, the limit for one page")
        if self._check is not None and self._built % CHECK_EVERY == 0:
            self._check()

    def popTag(self):
        if len(self.tagStack) > 1:
            name = self.tagStack[-1].name
            self._open_at[name].pop()
            for ends in scopes_ended_by(name):
                self._scope_ends_at[ends].pop()
        return super().popTag()

    def handle_starttag(self, name, namespace, nsprefix, attrs, sourceline=None, sourcepos=None,
                        namespaces=None):
        self.endData()  # the text read so far belongs to the element about to be closed
        self._close_implied(name)
        return super().handle_starttag(name, namespace, nsprefix, attrs, sourceline=sourceline,
                                       sourcepos=sourcepos, namespaces=namespaces)

    def _close_implied(self, name: str) -> None:
        """Close the open elements a start tag `name` ends, in the standard's order."""
        if name in LIST_ITEMS:
            self._close_open(LIST_ITEMS[name], item_scope_ends(LIST_ITEMS[name]))
        elif name in CELLS:
            self._close_open(CELLS, TABLE_SCOPE_ENDS)
        elif name == "tr" or name in ROW_GROUPS:
            self._close_open(CELLS, TABLE_SCOPE_ENDS)
            self._close_open(ROWS, TABLE_SCOPE_ENDS)
            if name in ROW_GROUPS:
                self._close_open(ROW_GROUPS, TABLE_SCOPE_ENDS)
        elif name in ("option", "optgroup"):
            self._close_current("option")
            if name == "optgroup":
                self._close_current("optgroup")
        if name in CLOSES_PARAGRAPH:
            self._close_open(PARAGRAPHS, BUTTON_SCOPE_ENDS)

    def _close_open(self, names: frozenset[str], scope_ends: frozenset[str]) -> None:
        """Close the innermost open element named in `names`, with all open inside it, unless an element named
        in `scope_ends` (one of scopes()) was opened inside it and is still open."""
        innermost = max((self._open_at[name][-1] for name in names if self._open_at[name]), default=0)
        boundaries = self._scope_ends_at[scope_ends]
        if innermost > (boundaries[-1] if boundaries else 0):
            while len(self.tagStack) > innermost:
                self.popTag()

    def _close_current(self, name: str) -> None:
        """Close the current element when it is a `name` (an `<option>` ends at the next `<option>`)."""
        if len(self.tagStack) > 1 and self.currentTag.name == name:
            self.popTag()


@lru_cache(maxsize=None)
def scopes_ended_by(name: str) -> tuple[frozenset[str], ...]:
    """The scopes (of scopes()) an element `name` ends; most elements end none."""
    return tuple(ends for ends in scopes() if name in ends)


def scopes() -> tuple[frozenset[str], ...]:
    """The sets of elements that end a scope an implied end tag is looked for in."""
    return BUTTON_SCOPE_ENDS, TABLE_SCOPE_ENDS, *dict.fromkeys(item_scope_ends(items) for items in LIST_ITEMS.values())


@lru_cache(maxsize=None)
def item_scope_ends(items: frozenset[str]) -> frozenset[str]:
    """The special elements (html_special_elements.txt) that stop a new list item closing an open one of `items`:
    all but ITEM_SCOPE_KEPT and the items themselves (the innermost open item is closed)."""
    return frozenset(read_lines("html_special_elements.txt")) - ITEM_SCOPE_KEPT - items


def parse_tree(html: str, check: Callable[[], None] | None = None) -> BrowserSoup:
    """The page's tree, read by html.parser with HTML's implied end tags (an XHTML page is read as HTML);
    InputError for a page over MAX_HTML_ELEMENTS or MAX_HTML_DEPTH, and whatever `check` raises (called every
    CHECK_EVERY elements)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BrowserSoup(html, "html.parser", check=check)
