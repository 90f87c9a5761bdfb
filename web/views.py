"""One blueprint: `/` and `/article/<id>` render HTML, `/api/...` returns JSON, from the same result dicts."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
import json
import math
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from urllib.parse import quote, quote_plus, unquote_to_bytes, urlencode

from functools import lru_cache
from itertools import chain

from flask import (Blueprint, Flask, Response, current_app, g, jsonify, redirect, render_template, request,
                   stream_with_context)
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from search.errors import BadQueryError, IndexMissingError, NotFoundError, WartaError
from search.highlight import mark_phrases, shared_given_names
from search.export import EXPORT_LIMIT, FORMATS, export_lines, hits_to_export, stopped_line
from search.articles import normalise_text
from search.facet_registry import Facet, FacetRegistry
from search.officials import official_profile, resolve_official
from search.backends import Backend
from search.query import (MAX_PER_PAGE, MAX_QUERY_CHARS, MAX_RESULT_DEPTH, MAX_SELECTED, MAX_VALUE_CHARS,
                          READ_AS_SPACES, SearchRequest, has_control_characters, narrowest_date_bound, trimmed)
from search.said import MAX_SAID
from search.querybuild import MAX_YEAR, MIN_YEAR, parse_date_bound

from . import allow_header, indonesian
from .feeds import FEED_SIZE, atom_feed

blueprint = Blueprint("warta", __name__)
blueprint.add_app_template_filter(indonesian.long_date, "long_date")
blueprint.add_app_template_filter(indonesian.decimal, "decimal")
blueprint.add_app_template_filter(indonesian.day_date, "day_date")
blueprint.add_app_template_filter(indonesian.long_month, "long_month")
STATUS_BY_ERROR = {BadQueryError: 400, NotFoundError: 404, IndexMissingError: 503}
MAX_QUERY_STRING = 4096
FLAG_VALUES = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
MAX_PATH = 2048  # bytes of URL path; longer ones are refused before routing does any work
MAX_ID_CHARS = 64  # article ids are 16 hex digits; anything much longer is not looked up at all
WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")  # ASCII digits only: int() would also take "٣", "1_000", " 7 "
PAGE_FACET_SIZE = 10  # facet values the page shows before "more"
MORE_FACET_SIZE = 100
MAX_CARRIED = 64  # search parameters an article page carries back to its search
FRONT_LATEST = 8  # stories on the front page
FRONT_WINDOW_DAYS = 30  # the front page's "recent": days up to the newest article's date
FRONT_FACET_SIZE = 8  # values of each facet the front page lists
CACHE_CONTROL = "public, max-age=30"
FEED_PATH = "/feed"
API_ROOT = "/api"  # the JSON API answers under it, its errors included
INDEX_DEPENDENT = ("/", "/api/search", "/api/search.csv", "/api/search.jsonl", "/api/export", "/api/articles/",
                   "/api/officials/", "/official/",
                   "/api/facets/", "/facets/", "/article/", FEED_PATH)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def service() -> Backend:
    return current_app.extensions["warta"]


def facets() -> FacetRegistry:
    """The facets this app serves: its service's registry."""
    return service().facets


def whole_number(name: str, default: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not WHOLE_NUMBER.fullmatch(raw):
        reason = "at most 9 digits long" if raw.isascii() and raw.isdigit() else "written with the digits 0-9"
        raise BadQueryError(f"{name} must be a whole number {reason}", f"bad_{name}")
    return int(raw)


def request_from_args(page: int | None = None, fixed: FixedSettings | None = None) -> SearchRequest:
    """Read and validate the search parameters shared by the page and the API; facet values as the index
    holds them (`region=Lamsel` selects `18.01`), so that toggling one finds it. Dates are read as a query's
    `from:` is, ISO or as in Indonesia (`28/09/2022`, `09/2022`), by both. A bound given twice
    (`from=2017&from=2018`) is read as `from:2017 from:2018` in the query is: both hold. `page`, or `fixed`
    settings (the feed's), are the caller's: the request's own are not read, so not refused either."""
    return within_url_limits(SearchRequest(
        q=trimmed(request.args.get("q", "")),
        selected={facet.name: tuple(v for v in request.args.getlist(facet.name) if v) for facet in facets()},
        page=page or (fixed.page if fixed else whole_number("page", 1)),
        per_page=fixed.per_page if fixed else whole_number("per_page", 10),
        sort=fixed.sort if fixed else request.args.get("sort", "relevance") or "relevance",
        date_from=narrowest_date_bound("from", request.args.getlist("from")),
        date_to=narrowest_date_bound("to", request.args.getlist("to")),
        collapse=fixed.collapse if fixed else flag("collapse", True),
        match=request.args.get("match", "").strip() or "relaxed",
        said=tuple(name for name in request.args.getlist("said") if trimmed(name)),
    ))


@dataclass(frozen=True)
class FixedSettings:
    """The result settings a route fixes itself, whatever the request says (the feed: its newest stories)."""
    page: int
    per_page: int
    sort: str
    collapse: bool


def within_url_limits(typed: SearchRequest) -> SearchRequest:
    """`typed` with its facet values as the index holds them, but for a facet whose typed values stand for
    more stored values than a request may carry (`agency=dinas`: every `Dinas …`, up to 50): it keeps them as
    typed, so that the page's links (toggles, chips, pages) stay requests the page accepts, and each search
    resolves them again."""
    resolved = service().resolved(typed)
    return resolved.with_stored_values({
        name: values if len(values) <= MAX_SELECTED else typed.selected.get(name, ())
        for name, values in resolved.selected.items()})


def page_past_the_end() -> bool:
    """`page=99999999999`: a page number written right, too large for any search (not 0, not `abc`)."""
    raw = request.args.get("page", "")
    return raw.isascii() and raw.isdigit() and raw.strip("0") != ""


def last_page(total: int, per_page: int) -> int:
    """The last page a search shows: results past MAX_RESULT_DEPTH are never served."""
    return max(1, min(math.ceil(total / per_page), MAX_RESULT_DEPTH // per_page))


def redirect_to_last_page():
    """The page asked for a page past any search's end: it goes to this search's last page, as a page past
    this search's own end does."""
    search = request_from_args(page=1)
    total = service().search(replace(search, facet_size=1))["total"]
    return redirect_to_page(search, last_page(total, search.per_page))


def redirect_to_page(search: SearchRequest, page: int):
    """The same search on another page, keeping the facet list grown (`more`) and its filter."""
    more, prefix = longer_list_asked(), page_prefix()
    return redirect(page_url(search, page=page, more=more or None, facet_prefix=prefix or None))


def typed_prefix(name: str, code: str = "bad_query") -> str:
    """A facet list's filter as typed, read as the query box's text is (`ｌａｍ` is `lam`); one holding a control
    character is refused as such a `q` is (with `code`: the page says `bad_prefix`, about the filter's box)."""
    typed = request.args.get(name, "")
    if has_control_characters(typed):
        raise BadQueryError(f"{name} contains control characters", code)
    return normalise_text(typed).strip()


def page_prefix() -> str:
    """The page's facet filter (`facet_prefix`), refused as `bad_prefix`: the page then says what is wrong with
    the text in the facet's box, not with the query's."""
    return typed_prefix("facet_prefix", "bad_prefix")


def longer_list_asked() -> str:
    """The facet whose list the page was asked to grow (`more=official`), empty for none or no such facet."""
    more = request.args.get("more", "")
    return more if more in facets() else ""


def flag(name: str, default: bool) -> bool:
    raw = request.args.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw not in FLAG_VALUES:
        raise BadQueryError(f"{name} must be true or false", f"bad_{name}")
    return FLAG_VALUES[raw]


def page_url(search: SearchRequest, endpoint: str = "/", **changes: Any) -> str:
    """The URL of this search with some parameters changed (None removes one)."""
    encoded = _encoded(_parameters(search, **changes))
    return _url(endpoint, [encoded] if encoded else [])


def _parameters(search: SearchRequest, **changes: Any) -> dict[str, Any]:
    """This search's URL parameters, in URL order, with some changed; those at their defaults left out."""
    params: dict[str, Any] = {"q": search.q, **{name: list(values) for name, values in search.selected.items()},
                              "from": search.date_from, "to": search.date_to,
                              "sort": search.sort, "per_page": search.per_page, "page": search.page,
                              "collapse": None if search.collapse else "false",
                              "match": None if search.match == "relaxed" else search.match,
                              "said": list(search.said) or None}
    params.update(changes)
    if params["sort"] == "relevance":
        params.pop("sort")
    if params["per_page"] == 10:
        params.pop("per_page")
    if params.get("page") in (1, None):
        params.pop("page", None)
    return params


def _encoded(params: dict[str, Any]) -> str:
    """`k=v&k=v` for the parameters that have a value (a list gives one pair per item)."""
    return urlencode(_pairs(params))


def _pairs(params: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(k, v) for k, value in params.items() if value not in (None, "", [])
            for v in (value if isinstance(value, list) else [value])]


@blueprint.app_template_global()
def carried_fields(search: SearchRequest | None, *shown: str) -> list[tuple[str, Any]]:
    """A form's hidden inputs: the search as its links keep it (_parameters: facet values, dates, sort,
    per_page, collapse, match, said), but the fields the form `shown` itself and the page number (what a form
    sends starts at page 1); none without a search."""
    if search is None:
        return []
    return [(name, value) for name, value in _pairs(_parameters(search, page=None)) if name not in shown]


def _url(endpoint: str, encoded_parts: list[str]) -> str:
    if not encoded_parts:
        # every article, not the front page that a bare `/` is
        return endpoint + "?q=" if endpoint == "/" else endpoint
    return endpoint + "?" + "&".join(encoded_parts)


def toggled(values: tuple[str, ...], value: str, facet: Facet | None = None) -> list[str]:
    """The selection with `value` removed when it is selected (with the values nested under it), else added
    (in place of the values it nests under: choosing a kabupaten under a chosen province narrows to it)."""
    if value in values:
        return [v for v in values if v != value and not (facet and _nests_under(facet, v, value))]
    return [*(v for v in values if not (facet and _nests_under(facet, value, v))), value]


def _nests_under(facet: Facet, value: str, ancestor: str) -> bool:
    parent = facet.parent(value) if facet.nested else None
    while parent:
        if parent == ancestor:
            return True
        parent = facet.parent(parent)
    return False


def toggle_url(search: SearchRequest, facet: str, value: str) -> str:
    """The URL that selects a facet value, or removes it when it is selected; back to page 1."""
    return facet_toggler(search, facet)(value)


def facet_toggler(search: SearchRequest, facet: str) -> Callable[[str], str]:
    """toggle_url for one facet of one search, as a function of the value: the other parameters are encoded
    once, not once per value (a result lists about 90 values; encoding each whole URL was most of an API
    answer's time when its result was cached)."""
    registry = facets()
    declared = registry.get(facet) if facet in registry else None
    selected = search.selected.get(facet, ())
    standing_for = typed_standing_for(search, facet)
    params = _parameters(search, **{facet: [], "page": 1})
    names = list(params)
    place = names.index(facet)
    before = _encoded({name: params[name] for name in names[:place]})
    after = _encoded({name: params[name] for name in names[place + 1:]})

    key = quote_plus(facet)

    def url(value: str) -> str:
        values = [v for v in selected if v not in standing_for[value]] if value in standing_for else \
            toggled(selected, value, declared)
        chosen = "&".join(f"{key}={quote_plus(v)}" for v in values)
        return _url("/", [part for part in (before, chosen, after) if part])
    return url


def typed_standing_for(search: SearchRequest, facet: str) -> dict[str, list[str]]:
    """For a facet whose values the page keeps as typed (within_url_limits: `agency=dinas`), each stored value
    they select -> the typed values that select it, which its link (drawn selected) removes; {} for a facet
    whose values are stored ones. One resolution per typed value, only for a facet with a selection."""
    typed = search.selected.get(facet, ())
    if not typed:
        return {}
    known = g.setdefault("typed_standing_for", {})  # a page asks once per chip and once per facet list
    if (facet, typed) not in known:
        known[facet, typed] = _standing_for(facet, typed)
    return known[facet, typed]


def _standing_for(facet: str, typed: tuple[str, ...]) -> dict[str, list[str]]:
    if len(_stored_values(facet, typed)) <= MAX_SELECTED:
        return {}  # stored values, as most selections are: one resolution says so
    standing_for: dict[str, list[str]] = {}
    for value in typed:
        for stored in _stored_values(facet, (value,)):
            standing_for.setdefault(stored, []).append(value)
    return standing_for


def _stored_values(facet: str, typed: tuple[str, ...]) -> tuple[str, ...]:
    return service().resolved(SearchRequest(selected={facet: typed})).selected.get(facet, ())


def add_toggle_urls(result: dict[str, Any], search: SearchRequest) -> dict[str, Any]:
    for facet, items in result["facets"].items():
        with_toggle_urls(items, search, facet)
    return result


def with_toggle_urls(items: list[dict[str, Any]], search: SearchRequest, facet: str,
                     toggle: Callable[[str], str] | None = None) -> list[dict[str, Any]]:
    """Each facet item (and nested child) with the URL that selects or unselects it."""
    toggle = toggle or facet_toggler(search, facet)
    for item in items:
        item["toggle_url"] = toggle(item["value"])
        with_toggle_urls(item.get("children", []), search, facet, toggle)
    return items


SAID_CHIP_LABEL = "Berkata"


def selected_chips(search: SearchRequest) -> list[dict[str, str]]:
    """The active filters, as chips that remove them: `{facet, label, value, url}`; a `said=` name too."""
    return [*({"facet": facet.label, "label": facet.display(value), "value": value,
               "url": toggle_url(search, facet.name, value)}
              for facet in facets() for value in search.selected.get(facet.name, ())),
            *({"facet": SAID_CHIP_LABEL, "label": f"{SAID_CHIP_LABEL}: {name}", "value": name,
               "url": page_url(search, page=1, said=[other for other in search.said if other != name] or None)}
              for name in search.said)]


def active_filters(search: SearchRequest) -> int:
    """How many filters narrow a search: each selected facet value and `said=` name, and a date range as one."""
    return (sum(len(values) for values in search.selected.values()) + len(search.said)
            + bool(search.date_from or search.date_to))


def readable_search() -> bool:
    """Whether this request's search parameters make a search the page would answer (not a 400): an article
    page carries back only such a search, else links back to the front page."""
    try:
        request_from_args()
    except BadQueryError:
        return False
    return True


def search_parameters() -> list[tuple[str, str]]:
    """This request's search parameters, and no others: what an article page carries back to its search."""
    known = {"q", "from", "to", "sort", "per_page", "page", "collapse", "match", "said", *facets().names}
    return [(name, value) for name, value in request.args.items(multi=True) if name in known and value][:MAX_CARRIED]


@blueprint.app_template_global()
def official_url(name: str) -> str:
    """An official's page: the name as one path segment, every reserved character escaped (`/` too, so a name
    with a slash stays one name; `.`, `,` and `'` are escaped or harmless)."""
    return "/official/" + quote(name, safe="")


CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # C0 and C1


BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")  # marks, embeddings, overrides,
# isolates: U+202E in `q` reversed the page's own text after it where the query was shown (trial 55)


@blueprint.app_template_filter("bidi_stripped")
def bidi_stripped(text: str) -> str:
    """User text shown where no markup can isolate it (`<title>`, an attribute): without the characters that
    set the direction of the text after them. In the page's body, such text goes in `<bdi>` instead."""
    return BIDI_CONTROLS.sub("", text)


def echoed(text: str) -> str:
    """Typed text as a page shows it again (its box, its title): a tab or a line break as the space it reads as
    (a search box drops a line break, gluing the words around it), another control character left out (`q=%00`
    wrote a NUL byte into the page)."""
    return CONTROL_CHARACTERS.sub(lambda found: " " if found[0] in READ_AS_SPACES else "", text)


@blueprint.app_template_global()
def has_profile(item: dict[str, Any]) -> bool:
    """Whether a person's facet value has a page to link: one counting articles does; one counting none (a
    selected `official=Nobody Here`) only when some article names that official (`/official/<name>` is a 404
    otherwise). One lookup per such value and request, and only for those."""
    if item["count"]:
        return True
    known = g.setdefault("has_profile", {})
    if item["value"] not in known:
        try:
            resolve_official(service(), item["value"])
            known[item["value"]] = True
        except NotFoundError:  # no official, or several answering to it: either way no page of one official
            known[item["value"]] = False
    return known[item["value"]]


def query_error_page(error: BadQueryError):
    """The search page saying why the query cannot be searched, the query as typed still in its box."""
    return render_template("search.html", search=None, result=None, q=echoed(request.args.get("q", "")),
                           error=indonesian.error_text(error.code, 400, error_limits(), error.fields),
                           **search_form_fields(None)), 400


def article_url(article_id: str, carried: list[tuple[str, str]]) -> str:
    return f"/article/{article_id}" + ("?" + urlencode(carried) if carried else "")


@blueprint.get("/")
def search_page():
    """The search page: a query box, ranked results, the facet lists, a histogram by month, pagination;
    without any parameter, the front page."""
    if not request.args:
        return front_page()
    try:
        prefix = page_prefix()
        search = request_from_args()
    except BadQueryError as error:
        if error.code == "bad_page" and page_past_the_end():
            return redirect_to_last_page()
        return query_error_page(error)
    more = longer_list_asked()
    search = replace(search, facet_size=PAGE_FACET_SIZE)
    try:
        result = add_toggle_urls(service().search(search), search)
        if more:  # only the list asked for grows: the others keep the page's size
            result["facets"][more] = longer_facet_list(facets().get(more), search, prefix)
    except BadQueryError as error:  # `korupsi OR NOT kpk` (bad_syntax), `from:2017-13`, a facet filter over 200
        # characters (bad_prefix): the query stays in the box
        return query_error_page(error)
    pages = last_page(result["total"], search.per_page)
    if search.page > pages:
        return redirect_to_page(search, pages)
    carried = search_parameters()
    return render_template("search.html", search=search, result=result, error=None, q=echoed(search.q), pages=pages,
                           more=more, facet_prefix=prefix, years=histogram_years(search, result["histogram"]),
                           facets=facets(), chips=selected_chips(search), active_filters=active_filters(search),
                           cut_lists=cut_facet_lists(result["facets"]),
                           clear_url=page_url(search, page=1, said=None, **{name: [] for name in facets().names},
                                              **{"from": None, "to": None}),
                           export_urls=export_urls(search), export_limit=EXPORT_LIMIT,
                           page_url=lambda **changes: page_url(search, **changes), feed_url=feed_url(search),
                           feed_title=feed_title(search),
                           filter_url=lambda facet, value: toggle_url(search, facet, value),
                           article_url=lambda article_id: article_url(article_id, carried),
                           **search_form_fields(search))


def search_form_fields(search: SearchRequest | None) -> dict[str, Any]:
    """What the search form shows: the date bounds as typed in Indonesia (`28/09/2022`)."""
    return {"date_from": indonesian.shown_date(search.date_from) if search else echoed(request.args.get("from", "")),
            "date_to": indonesian.shown_date(search.date_to) if search else echoed(request.args.get("to", ""))}


EXPORT_ENDPOINTS = {"csv": "/api/search.csv", "jsonl": "/api/search.jsonl"}


def export_urls(search: SearchRequest) -> dict[str, str]:
    """Each export format's URL for the page's search: its query, filters, order and grouping, its dates in
    ISO as the API reads them (the page took `01/2016`), not its page or page size (an export has every hit)."""
    return {format: page_url(search, endpoint, page=None, per_page=10) for format, endpoint in EXPORT_ENDPOINTS.items()}


def cut_facet_lists(lists: dict[str, list[dict]]) -> set[str]:
    """The facets whose list the page cut at its size, at the top or under an expanded value (a selected
    province's kab/kota: trial 57), which a "Lihat lainnya" link grows."""
    return {name for name, items in lists.items()
            if len(items) >= PAGE_FACET_SIZE or any(len(item.get("children", ())) >= PAGE_FACET_SIZE for item in items)}


def longer_facet_list(facet: Facet, search: SearchRequest, prefix: str) -> list[dict[str, Any]]:
    """One facet's longer list ("Lihat lainnya"): the page's own list (the same search's facet counts, its
    selected values always listed, each expanded value's children under it) made MORE_FACET_SIZE long, so it
    holds the page's list; filtered by what was typed in the facet's box, the type-ahead's values. The list
    had been the whole facet's top 100 values, flat, regrouped here: a selected value past them was left out,
    and an expanded province got only those of its kabupaten/kota that were among them (trial 55)."""
    if prefix:
        return typed_facet_items(facet.name, search, prefix, MORE_FACET_SIZE)
    longer = replace(search, facet_size=MORE_FACET_SIZE, page=1, per_page=1)  # the facets, not the hits
    return with_toggle_urls(service().search(longer)["facets"][facet.name], search, facet.name)


def error_limits() -> dict[str, Any]:
    """The figures the Indonesian error texts quote."""
    return {"max_query": MAX_QUERY_CHARS, "max_depth": MAX_RESULT_DEPTH, "max_per_page": MAX_PER_PAGE,
            "max_selected": MAX_SELECTED, "max_said": MAX_SAID, "max_value": MAX_VALUE_CHARS,
            "max_more": MORE_FACET_SIZE,
            "min_year": MIN_YEAR, "max_year": MAX_YEAR, "export_limit": EXPORT_LIMIT,
            "facets": ", ".join(facet.label.lower() for facet in facets())}


def front_page():
    """The front page: the search box, the latest stories, what the last 30 days of the index are about
    (the most-named values of every facet, counted up to the newest article's date: the collection may be
    old), and example searches."""
    latest = service().search(SearchRequest(sort="date", per_page=FRONT_LATEST, facet_size=1))
    newest = next((hit["date"] for hit in service().search(  # an article's, not a story's first version's
        SearchRequest(sort="date", per_page=1, facet_size=1, collapse=False))["hits"] if hit["date"]), None)
    recent, window = [], None
    if newest:
        end = date.fromisoformat(newest[:10])
        start = max(end - timedelta(days=FRONT_WINDOW_DAYS - 1), date(MIN_YEAR, 1, 1))
        window = {"from": start.isoformat(), "to": end.isoformat()}
        counted = SearchRequest(facet_size=FRONT_FACET_SIZE, date_from=window["from"],
                                date_to=window["to"])
        result = add_toggle_urls(service().search(counted), counted)
        recent = [{"facet": facet, "items": result["facets"][facet.name]} for facet in facets()
                  if result["facets"].get(facet.name)]
    return render_template("home.html", latest=latest, recent=recent, window=window, q="",
                           examples=indonesian.words()["examples"], facets=facets(),
                           article_url=lambda article_id: article_url(article_id, []),
                           **search_form_fields(None))


def typed_facet_items(facet: str, search: SearchRequest, prefix: str, size: int) -> list[dict[str, Any]]:
    """A facet's values matching what was typed in its box, with counts and toggle URLs."""
    return with_toggle_urls(service().facet_values(facet, search, prefix=prefix, size=size)["values"], search, facet)


@blueprint.get("/facets/<facet>")
def facet_list(facet: str):
    """A facet's list items (HTML) for what was typed in its box: what the type-ahead puts in the page, drawn
    by the same template macro as the page's own lists."""
    search = request_from_args()
    size = whole_number("size", 20)
    if not 1 <= size <= MORE_FACET_SIZE:
        raise BadQueryError(f"size must be a whole number from 1 to {MORE_FACET_SIZE}", "bad_size")
    items = typed_facet_items(facet, search, typed_prefix("prefix"), size)
    return render_template("facet_items.html", items=items, people=facets().get(facet).people)


def histogram_years(search: SearchRequest, histogram: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The histogram for the page, by year: each month's bar as a share of the busiest month (in steps of
    5 %, as classes: the page allows no inline style), labelled in Indonesian, a link to that month."""
    busiest = max((month["count"] for month in histogram), default=1)
    years: dict[str, dict[str, Any]] = {}
    for month in histogram:
        year = years.setdefault(month["month"][:4], {"year": month["month"][:4], "count": 0, "months": []})
        year["count"] += month["count"]
        year["months"].append({**month, "label": indonesian.short_month(month["month"]),
                               "name": indonesian.long_month(month["month"]),
                               "step": max(1, round(20 * month["count"] / busiest)) * 5,
                               "url": page_url(search, page=1, **month_bounds(search, month["month"]))})
    return list(years.values())


def month_bounds(search: SearchRequest, month: str) -> dict[str, str]:
    """`from` and `to` of a histogram month's link: the month (`2016-09`), within the search's own date range
    (from 28/09/2016, September's bar counts and links to 2016-09-28 to 2016-09-30)."""
    first = parse_date_bound(month, upper=False)
    last = parse_date_bound(month, upper=True)
    start = max(first, search.start) if search.start else first
    end = min(last, search.end) if search.end else last
    return {"from": month if start == first else start.isoformat(), "to": month if end == last else end.isoformat()}


@blueprint.get("/article/<article_id>")
def article_page(article_id: str):
    """One article: text with officials and agencies marked, roles, date, place, source, related links; the
    way back to the search it was opened from (its parameters, carried in this page's URL)."""
    article = find_article(article_id)
    carried = search_parameters() if readable_search() else []
    return render_template("article.html", article=article, paragraphs=marked_paragraphs(article),
                           back_url="/?" + urlencode(carried) if carried else "/",
                           article_url=lambda other: article_url(other, carried))


@blueprint.get("/favicon.ico")
def favicon():
    """The site's icon, for browsers that ask for it by its old name."""
    response = Response(favicon_svg(), mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@lru_cache(maxsize=1)
def favicon_svg() -> bytes:
    return resources.files("web").joinpath("static", "favicon.svg").read_bytes()


def marked_paragraphs(article: dict[str, Any]) -> list[str]:
    """The body's paragraphs as HTML: escaped text, each official and agency mention in a <mark>; a bare
    one-word surface (`Abdul`) only when no other person in the text shares it (`Abdul Basit`). A mention
    written in capitals (`BUPATI SLEMAN KUSTINI SRI PURNOMO`, found as `Kustini Sri Purnomo`) is marked too."""
    phrases: dict[str, str] = {}
    for kind, entities in (("agency", article["agencies"]), ("official", article["officials"])):
        for entity in entities:
            for surface in [entity["name"], *entity.get("surfaces", [])]:
                phrases[surface] = kind
    shared = shared_given_names(article["body"], article["officials"])
    phrases = {surface: kind for surface, kind in phrases.items() if surface not in shared}
    phrases.update({surface.upper(): kind for surface, kind in phrases.items() if surface.upper() not in phrases})
    return [mark_phrases(paragraph, phrases) for paragraph in article["body"].split("\n") if paragraph.strip()]


@blueprint.get("/api/search")
def api_search():
    """Search: q, official (repeatable), agency (repeatable), page, per_page, sort → the result dict."""
    search = request_from_args()
    return jsonify(add_toggle_urls(service().search(search), search))


def index_time() -> datetime:
    """When the current index generation was published (to the second): a feed's Last-Modified."""
    return service().published_at()


FEED_SETTINGS = FixedSettings(page=1, per_page=FEED_SIZE, sort="date", collapse=True)  # a feed's page, size,
# order and grouping are its own: `page=abc` on a feed's URL is ignored, as `page=2` is
FEED_MATCH = "all"  # a feed lists the stories holding every word, newest first: relaxation (search/relaxation.py)
# put partial matches after the full ones whatever their dates, and swapped them out once enough full ones came


@blueprint.get(FEED_PATH)
def feed():
    """Atom 1.0 feed of the newest stories holding every word of a search (the same parameters as `/`), newest
    first. The search runs before an `If-Modified-Since` is answered: a request a 200 would refuse (`ko*rup*`)
    is refused then too, never a 304."""
    search = request_from_args(fixed=FEED_SETTINGS)
    result = service().search(replace(search, match=FEED_MATCH))
    updated = index_time()
    since = request.if_modified_since
    if since is not None and updated <= since <= datetime.now(timezone.utc):  # a later date is ignored (RFC 9110
        # 13.1.3): a reader whose clock runs ahead would otherwise never see a new story
        return not_modified(index_etag())
    base = link_base()
    body = atom_feed(result, feed_title(search), base + page_url(search, FEED_PATH, sort="relevance", per_page=10),
                     base + page_url(search, sort="relevance", per_page=10), base, updated)
    response = Response(body, mimetype="application/atom+xml")
    response.last_modified = updated  # (Werkzeug leaves it out of a 304, which has the ETag: RFC 9110 15.4.5)
    return varying_by_host(response)


def varying_by_host(response: Response) -> Response:
    """A feed's 200 or 304 (RFC 9110 15.4.5: a 304 repeats the 200's Vary) with `Vary: Host` when its links are
    built from the Host the client sent: a shared cache then keeps one copy per Host."""
    if not current_app.config.get("WARTA_PUBLIC_URL"):
        response.vary.add("Host")
    return response


def link_base() -> str:
    """`scheme://host[:port]` the feed's links start with: WARTA_PUBLIC_URL when set, else the Host the client
    sent (refuse_bad_host let only a host name or address through), else, for an HTTP/1.0 request without
    one, the address the server listens on (SERVER_NAME, web/server.py answering_name)."""
    return current_app.config.get("WARTA_PUBLIC_URL") or request.host_url.rstrip("/")


def feed_title(search: SearchRequest) -> str:
    """`Warta: <query> · <each filter> · <dates>`, or `Warta: semua berita` for none; plain text (the page's
    `<link title>`), without the query's direction controls."""
    dates = " – ".join(indonesian.shown_date(bound) if bound else "…" for bound in (search.date_from, search.date_to))
    parts = [echoed(search.q).strip(), *(chip["label"] for chip in selected_chips(search)),
             dates if search.date_from or search.date_to else ""]
    return "Warta: " + bidi_stripped(" · ".join(part for part in parts if part) or "semua berita")


def feed_url(search: SearchRequest) -> str:
    """The feed of a search: its filters, not its page, sort or size."""
    return page_url(search, FEED_PATH, page=1, sort="relevance", per_page=10, collapse=None)


@blueprint.get("/api/search.csv", defaults={"extension": "csv"})
@blueprint.get("/api/search.jsonl", defaults={"extension": "jsonl"})
@blueprint.get("/api/export", defaults={"extension": None})
def api_export(extension: str | None):
    """Every hit of a search (all pages, up to 10,000) streamed as CSV or JSON Lines (`format=` on /api/export)."""
    format = extension or request.args.get("format", "csv")
    if format not in FORMATS:
        raise BadQueryError(f"format must be one of: {', '.join(FORMATS)}", "bad_format")
    search = request_from_args()
    limit = whole_number("limit", EXPORT_LIMIT)
    if not 1 <= limit <= EXPORT_LIMIT:
        raise BadQueryError(f"limit must be a whole number from 1 to {EXPORT_LIMIT}", "bad_limit")
    total = hits_to_export(service(), search)  # errors (no index) surface here, before the response starts
    rows = service().export(search, limit)
    first = next(rows, None)
    lines = export_lines(chain([first], rows) if first is not None else iter(()), format)
    mimetype = "text/csv" if format == "csv" else "application/x-ndjson"
    response = Response(stream_with_context(ending_with_why_it_stopped(lines, format)), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="warta-search.{format}"'
    response.headers["X-Total-Count"] = str(total)  # the hits there are: more than the rows when cut at `limit`
    response.headers["X-Export-Rows"] = str(min(total, limit))
    return response


def ending_with_why_it_stopped(lines: Iterator[str], format: str) -> Iterator[str]:
    """An export's lines; when an error cuts them (the index damaged while they stream: the status and headers
    are sent, a 503 is too late), a last line saying so (export.stopped_line: the envelope in JSON Lines, a
    `# export stopped` record in CSV), then the error raised on: the server logs it (one line for a Warta error,
    OneLineWartaErrors) and closes the connection without the last chunk, so the answer stays incomplete to
    HTTP too, never cached as whole. Before, the body just ended: a cut file looked like a shorter export."""
    try:
        yield from lines
    except WartaError as error:
        yield stopped_line(format, error.code, client_message(error))
        raise
    except Exception:
        yield stopped_line(format, "internal_error", "the server failed to finish this export")
        raise


@blueprint.get("/api/facets/<facet>")
def api_facet_values(facet: str):
    """Values of one facet (official or agency) starting with `prefix`, with counts under the current search."""
    search = request_from_args()
    size = whole_number("size", 20)
    if not 1 <= size <= MORE_FACET_SIZE:
        raise BadQueryError(f"size must be a whole number from 1 to {MORE_FACET_SIZE}", "bad_size")
    found = service().facet_values(facet, search, prefix=typed_prefix("prefix"), size=size)
    with_toggle_urls(found["values"], search, facet)
    return jsonify(found)


@blueprint.get("/api/openapi.json")
def api_openapi():
    """The OpenAPI 3.1 description of this API, with the facets this app serves."""
    spec = json.loads(resources.files("web").joinpath("openapi.json").read_text(encoding="utf-8"))
    return jsonify(with_facets(spec, facets()))


def with_facets(node: Any, registry: FacetRegistry) -> Any:
    """The OpenAPI document with its facet markers filled in from the registry: the facet URL parameters of
    a search-like operation (`x-warta-facet-parameters`), the names a facet path parameter takes
    (`x-warta-facet-names`), and one property per facet (`x-warta-facet-properties`, `…-properties-of`)."""
    if isinstance(node, list):
        return [with_facets(item, registry) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: with_facets(value, registry) for key, value in node.items()}
    if node.pop("x-warta-facet-parameters", False):
        position = next((i + 1 for i, p in enumerate(node.get("parameters", [])) if p.get("name") == "q"), 0)
        node["parameters"][position:position] = [facet_parameter(facet) for facet in registry]
    if node.pop("x-warta-facet-names", False):
        node["enum"] = list(registry.names)
    if node.pop("x-warta-facet-properties", False):
        node.setdefault("properties", {}).update(
            {facet.name: {"type": "array", "items": {"type": "string"}} for facet in registry})
        node["required"] = [*node.get("required", []), *registry.names]
    items = node.pop("x-warta-facet-properties-of", None)
    if items:
        node["properties"] = {facet.name: {"type": "array", "items": {"$ref": items}} for facet in registry}
        node["required"] = list(registry.names)
    return node


def facet_parameter(facet) -> dict[str, Any]:
    return {"name": facet.name, "in": "query", "style": "form", "explode": True,
            "schema": {"type": "array", "items": {"type": "string", "maxLength": MAX_VALUE_CHARS},
                       "maxItems": MAX_SELECTED},
            "description": f"{facet.label}: {facet.description}. Values OR within the facet; facets AND."}


@blueprint.get("/api/officials/<path:name>")
def api_official(name: str):
    """One official: roles, how many articles name and quote them, bodies and regions named with them, their
    latest articles and what they said lately."""
    return jsonify(find_official(name))


@blueprint.get("/official/<path:name>")
def official_page(name: str):
    """The official's page: the same as /api/officials/<name>, with links to search their articles."""
    official = find_official(name)
    quoted = [("quoted", form) for form in official["quoted_as"]]  # the stored forms the person is quoted under
    return render_template("official.html", official=official,
                           named_url="/?" + urlencode([("official", official["name"]), ("sort", "date")]),
                           quoted_url=quoted and "/?" + urlencode([*quoted, ("sort", "date")]))


def find_official(name: str) -> dict[str, Any]:
    if len(name) > MAX_VALUE_CHARS:
        raise NotFoundError(f"no official named that (names are at most {MAX_VALUE_CHARS} characters)")
    return official_profile(service(), name)


@blueprint.get("/api/articles/<article_id>")
def api_article(article_id: str):
    """One stored article with its officials (name, role) and agencies (name, acronym)."""
    return jsonify(find_article(article_id))


def find_article(article_id: str) -> dict[str, Any]:
    """The stored article; an id far longer than any id Warta makes is not found without a lookup."""
    if len(article_id) > MAX_ID_CHARS:
        raise NotFoundError(f"no article with that id (ids are at most {MAX_ID_CHARS} characters)")
    return service().article(article_id)


def wants_json() -> bool:
    """Whether this request's errors are the JSON envelope: the API's, and the feed's (a feed reader is no
    browser: an Indonesian HTML page is nothing it can show or parse), not the pages'."""
    return is_api_path(request.path) or request.path == FEED_PATH


def is_api_path(path: str) -> bool:
    """Whether `path` is the API's, `/api` itself or under it, in any case: a client of the API asking a path
    no route answers (`/api`, `/API/search`, a typo) reads a JSON 404, not a page in Indonesian (trial finding:
    both were HTML, where `/api/nosuch` was the envelope). Routes themselves stay lower case."""
    lowered = path.lower()
    return lowered == API_ROOT or lowered.startswith(API_ROOT + "/")


def error_response(code: str, message: str, status: int, fields: dict | None = None, q: str = ""):
    """The JSON envelope for the API and the feed, else the error page, its search box holding `q` (a search
    refused for the moment, 429, keeps what was asked)."""
    if wants_json():
        response = jsonify({"error": {"code": code, "message": message}})
        response.status_code = status
        return response
    return render_template("error.html", code=code, status=status, title=indonesian.error_title(status),
                           message=indonesian.error_text(code, status, error_limits(), fields), q=echoed(q),
                           officials=(fields or {}).get("names", []) if code == "ambiguous_name" else [],
                           **search_form_fields(None)), status


ABSOLUTE_PATH = re.compile(r"(?<![\w.])/(?:[^\s/:;,()]+/)+([^\s/:;,()]+)")


def without_directories(message: str, index_root: str | None = None) -> str:
    """An error about the index as a client is shown it: the index root's path cut to its name, and each other
    absolute path to its last name (`/srv/warta/index/gen-…` is `gen-…`), so the server's directories stay
    its own (a root with a space in its path included)."""
    if index_root:
        root = Path(index_root)
        for written in sorted({str(root), str(root.absolute()), str(root.resolve())}, key=len, reverse=True):
            message = message.replace(written + "/", "").replace(written, root.name)
    return ABSOLUTE_PATH.sub(r"\1", message)


def client_message(error: WartaError) -> str:
    """A Warta error's message as a client is shown it: about the index, without the server's directories."""
    if isinstance(error, IndexMissingError):
        return without_directories(str(error), current_app.config.get("WARTA_INDEX"))
    return str(error)


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(WartaError)
    def warta_error(error: WartaError):
        status = next((s for kind, s in STATUS_BY_ERROR.items() if isinstance(error, kind)), 500)
        if isinstance(error, IndexMissingError):  # the operator's log has the paths; a client, the names
            app.logger.error("%s", error)
        return error_response(error.code, client_message(error), status, getattr(error, "fields", None))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        response = error_response(error.name.lower().replace(" ", "_"), error.description or error.name,
                                  error.code or 500)
        if not isinstance(response, Response):
            response = current_app.make_response(response)
        for name, value in error.get_headers():  # `Allow` on a 405, `Retry-After`, …; not its Content-Type
            if name.lower() != "content-type":
                response.headers[name] = value
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            response.headers["Allow"] = allow_header(error.valid_methods)  # as OPTIONS names them
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("unexpected error")
        return error_response("internal_error", "the server failed to answer this request", 500)


def limit_request_size():
    """Refuse oversized paths and query strings before any work is done."""
    if len(request.path) > MAX_PATH:
        return error_response("request_too_large", f"the path is over {MAX_PATH} characters", 414)
    if len(request.query_string) > MAX_QUERY_STRING:
        return error_response("request_too_large", f"the query string is over {MAX_QUERY_STRING} bytes", 414)
    if sent_target().startswith("//"):  # `//static/facets.js`: waitress reads `static` as a host; `/static//…` is
        raise NotFound()  # a 404 too (trial 57)
    for part, written in (("path", path_is_utf8()), ("query string", query_string_is_utf8(request.query_string))):
        if not written:
            return error_response("bad_encoding", f"the {part}'s percent-escapes are not UTF-8 (send UTF-8: "
                                  "%C3%A9 for é)", 400)
    return None


HOST_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
HOST_HEADER = re.compile(rf"(?:(?:{HOST_LABEL}\.)*{HOST_LABEL}\.?|\[[0-9A-Fa-f]*:[0-9A-Fa-f.:]+\])"
                         r"(?::(?P<port>[1-9][0-9]{0,4}))?")
# a name or IPv4, an [IPv6], a port: what Werkzeug takes for a host (not `_`, nor a port written `080`), with no
# empty label (`a..b`, `.x`)


def refuse_bad_host():
    """A 400 `bad_host`, as RFC 9112 3.2 requires, for an HTTP/1.1 request without a Host header and for any
    request whose Host is no host name or address with a port up to 65535 (`a b`, `x:99999`, `ex.com@evil`,
    empty, two Host headers): the feed builds its links from it, and answered such a request with links to
    `http://waitress.invalid:…` (trial 52). An HTTP/1.0 request may lack one: it is taken to have asked for
    the address the server listens on (SERVER_NAME)."""
    host = request.environ.get("HTTP_HOST")
    if host is None:
        if request.environ.get("SERVER_PROTOCOL", "HTTP/1.1") in ("HTTP/1.0", "HTTP/0.9"):
            return None
        return error_response("bad_host", "an HTTP/1.1 request must name the host it asks in a Host header", 400)
    match = HOST_HEADER.fullmatch(host)
    if match is None or (match["port"] is not None and int(match["port"]) > 65535):
        return error_response("bad_host", "the Host header is no host name or address (with a port from 1 to "
                              "65535)", 400)
    return None


def query_string_is_utf8(raw: bytes) -> bool:
    """Werkzeug keeps an escape that is not UTF-8 (`%FF`, Latin-1's `caf%E9`) as the literal text `%FF`,
    which would be searched as written; such a request is refused instead, saying why."""
    return is_utf8(unquote_to_bytes(raw.replace(b"+", b" ")))


def path_is_utf8() -> bool:
    """Whether the path the client sent is UTF-8 once its escapes are decoded. Werkzeug reads a byte that is not
    as `�`, so `/api/officials/%FF` looked for an official named `�` (a 404 where `?q=%FF` is a 400). The
    request target as sent (REQUEST_URI, gunicorn's RAW_URI) has the escapes; PATH_INFO (the path decoded as
    Latin-1, as WSGI has it) a byte sent unescaped, which waitress refuses itself but another server may pass
    on."""
    decoded = request.environ.get("PATH_INFO", "")
    return is_utf8(unquote_to_bytes(sent_target().split("?", 1)[0])) and is_utf8(decoded.encode("latin-1", "ignore"))


def sent_target() -> str:
    """The request target as the client sent it (waitress's REQUEST_URI, gunicorn's RAW_URI), escapes kept."""
    return request.environ.get("REQUEST_URI") or request.environ.get("RAW_URI") or ""


def is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def index_etag() -> str | None:
    """An ETag for responses that depend only on the index version and the URL; None for others."""
    if request.method not in ("GET", "HEAD") or not any(
            request.path == p or (p.endswith("/") and p != "/" and request.path.startswith(p)) for p in INDEX_DEPENDENT):
        return None
    if "index_version" not in g:  # once a request, before its work: a swap meanwhile makes the tag older, not newer
        g.index_version = service().version
    version = g.index_version
    if not version:
        return None
    # the host too: the feed's links and ids are built from it (`Vary: Host`)
    return hashlib.sha1(f"{version}\n{request.host}\n{request.full_path}".encode("utf-8")).hexdigest()[:20]


def not_modified(etag: str | None) -> Response:
    """A 304 with the validators and caching headers the 200 of the same URL carries (RFC 9110 15.4.5)."""
    response = Response(status=304)
    if etag:
        response.set_etag(etag)
        response.headers["Cache-Control"] = CACHE_CONTROL
    return varying_by_host(response) if request.path == FEED_PATH else response


def answer_from_cache():
    """A 304, before any work, when the client names this URL's ETag for the current index version, weak
    (`W/"…"`, as a proxy may pass it on) or not: only a 200 ever carried that tag. `If-None-Match: *` waits for
    the answer (see add_cache_headers)."""
    etag = index_etag()
    if etag and not request.if_none_match.star_tag and request.if_none_match.contains_weak(etag):
        return not_modified(etag)
    return None


def add_cache_headers(response):
    """ETag and Cache-Control on 200s only; `If-None-Match: *` turns a 200 (and nothing else) into a 304."""
    if response.status_code == 200:
        etag = index_etag()
        if etag:
            if request.if_none_match.star_tag:
                return not_modified(etag)
            response.set_etag(etag)
            response.headers["Cache-Control"] = CACHE_CONTROL
    return response


def add_security_headers(response):
    for header, value in SECURITY_HEADERS.items():
        response.headers.setdefault(header, value)
    return response
