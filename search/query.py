"""Run a search: parse, match, rank, count facets, highlight; return the one result dict page and API share."""

from __future__ import annotations

import os
import re
import threading
import time
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from whoosh import index as whoosh_index

from .analysis import STEM_CACHE, load_stem_cache, stem_word
from .errors import BadQueryError, IndexDamagedError, IndexMissingError, NotFoundError
from .facets import DEFAULT_FACET_SIZE, FacetTable
from .highlight import WordMatcher, snippet
from .generations import CURRENT, hold, release, remove_unused_generations, usable
from .matching import DATE_FIELD, Evaluator, PostingCache, top_documents
from .querybuild import BuiltQuery, QueryBuilder, parse_date_bound
from .querylang import ParsedQuery, parse
from .schema import FACET_FIELDS, STEMMED_FIELDS
from .segments import SegmentMemo, column_values
from .spelling import corrected_words

SORTS = ("relevance", "date")
MAX_PER_PAGE = 100
MAX_QUERY_CHARS = 500
MAX_RESULT_DEPTH = 10_000
OPEN_ATTEMPTS = 5
MAX_SELECTED = 20
MAX_VALUE_CHARS = 200


@dataclass(frozen=True)
class SearchRequest:
    """A validated search: what the library, the API and the page all accept."""

    q: str = ""
    officials: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    page: int = 1
    per_page: int = 10
    sort: str = "relevance"
    facet_size: int = DEFAULT_FACET_SIZE
    date_from: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD; empty: no lower bound
    date_to: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.q, str) or len(self.q) > MAX_QUERY_CHARS:
            raise BadQueryError(f"q must be at most {MAX_QUERY_CHARS} characters", "bad_query")
        if any(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in self.q):
            raise BadQueryError("q contains control characters", "bad_query")
        if not isinstance(self.page, int) or self.page < 1:
            raise BadQueryError("page must be a whole number from 1", "bad_page")
        if not isinstance(self.per_page, int) or not 1 <= self.per_page <= MAX_PER_PAGE:
            raise BadQueryError(f"per_page must be a whole number from 1 to {MAX_PER_PAGE}", "bad_per_page")
        if self.page * self.per_page > MAX_RESULT_DEPTH:
            raise BadQueryError(f"results deeper than {MAX_RESULT_DEPTH} are not served; narrow the query",
                                "bad_page")
        if self.sort not in SORTS:
            raise BadQueryError(f"sort must be one of: {', '.join(SORTS)}", "bad_sort")
        for values in (self.officials, self.agencies):
            if len(values) > MAX_SELECTED or any(len(v) > MAX_VALUE_CHARS for v in values):
                raise BadQueryError(f"at most {MAX_SELECTED} values of at most {MAX_VALUE_CHARS} characters "
                                    "per facet", "bad_filter")
        if not 1 <= self.facet_size <= 1000:
            raise BadQueryError("facet_size must be a whole number from 1 to 1000", "bad_facet_size")
        for name, value in (("from", self.date_from), ("to", self.date_to)):
            if value and parse_date_bound(value, upper=name == "to") is None:
                raise BadQueryError(f"{name} must be a date written YYYY-MM-DD, YYYY-MM or YYYY", "bad_date")

    @property
    def start(self) -> date | None:
        return parse_date_bound(self.date_from, upper=False) if self.date_from else None

    @property
    def end(self) -> date | None:
        return parse_date_bound(self.date_to, upper=True) if self.date_to else None

    @property
    def selected(self) -> dict[str, tuple[str, ...]]:
        return {"official": self.officials, "agency": self.agencies}

    def describe(self) -> dict[str, Any]:
        return {"q": self.q, "official": list(self.officials), "agency": list(self.agencies),
                "page": self.page, "per_page": self.per_page, "sort": self.sort,
                "from": self.date_from or None, "to": self.date_to or None}


@dataclass
class _Masks:
    """Boolean arrays over documents: what the words and filters match, and each facet's selection."""

    base: np.ndarray
    selections: dict[str, np.ndarray]
    scores: np.ndarray | None = None  # relevance per document; None when there are no words to score

    @property
    def matching(self) -> np.ndarray:
        return self.for_facet(None)

    def for_facet(self, facet: str | None) -> np.ndarray:
        """The documents a facet's counts cover: every selection applies except the facet's own."""
        mask = self.base.copy()
        for name, selection in self.selections.items():
            if name != facet:
                mask &= selection
        return mask


@dataclass(frozen=True)
class MonthIndex:
    """Each document's month as a small number, so that a histogram is one bincount, not a sort."""

    months: np.ndarray  # yyyymm of each number; number 0 is "undated"
    of_document: np.ndarray  # the number of each document's month

    @classmethod
    def from_dates(cls, dates: np.ndarray) -> "MonthIndex":
        months, of_document = np.unique(dates // 100, return_inverse=True)
        if not len(months) or months[0] != 0:
            months, of_document = np.concatenate([[0], months]), of_document + 1
        return cls(months, of_document.astype(np.int32))

    def histogram(self, matching: np.ndarray) -> list[dict[str, Any]]:
        """Matching articles per month, oldest first; undated articles are not counted."""
        counts = np.bincount(self.of_document[matching], minlength=len(self.months))
        return [{"month": f"{int(m) // 100:04d}-{int(m) % 100:02d}", "count": int(c)}
                for m, c in zip(self.months[1:], counts[1:]) if c]


@dataclass
class _Generation:
    """An open index generation: its searcher and facet tables, replaced when `current` moves."""

    name: str
    searcher: Any
    postings: PostingCache
    evaluator: Evaluator
    facets: dict[str, FacetTable]
    dates: np.ndarray  # yyyymmdd per document, 0 when undated
    months: MonthIndex
    lease: int | None = None  # a shared lock that keeps reindex from deleting this generation

    @classmethod
    def open(cls, name: str, path: Path, lease: int | None, memo: SegmentMemo) -> "_Generation":
        """Open a generation; what its segments shared with the last one opened comes from `memo`."""
        searcher = whoosh_index.open_dir(str(path)).searcher()
        try:
            postings = PostingCache(searcher, memo=memo)
            dates = column_values(searcher.reader(), DATE_FIELD, memo)
            facets = {f: FacetTable.from_reader(searcher.reader(), f, postings.live, memo) for f in FACET_FIELDS}
        except BaseException:
            searcher.close()
            raise
        return cls(name, searcher, postings, Evaluator(postings, dates), facets, dates, MonthIndex.from_dates(dates),
                   lease)

    def close(self) -> None:
        self.searcher.close()
        release(self.lease)


class SearchService:
    """Searches one index root; opens the searcher once and reopens it only when the index changes."""

    def __init__(self, index_root: str | os.PathLike) -> None:
        self.index_root = Path(index_root)
        self._lock = threading.Lock()
        self._generation: _Generation | None = None
        self._stems_read: tuple[int, int] | None = None  # mtime and size of the stem cache last read
        self._segment_memo = SegmentMemo()  # what unchanged segments gave, reused by the next generation

    @property
    def version(self) -> str:
        return self._current_name()

    def _current_name(self) -> str:
        link = self.index_root / CURRENT
        try:
            return os.readlink(link)
        except OSError:
            return ""

    def _open(self) -> _Generation:
        """The generation `current` names, opened once; reopened only when `current` moves."""
        name = self._current_name()
        if self._generation is not None and self._generation.name == name:
            return self._generation
        for _ in range(OPEN_ATTEMPTS):  # `current` may move between reading the link and taking the lease
            name = self._current_name()
            lease = hold(self.index_root / name) if name else None
            if lease is not None and _verified(self.index_root / name, lease):
                break
            release(lease)
        else:
            raise IndexMissingError(f"no index at {self.index_root} (run `warta reindex` first)")
        try:
            self._load_stems()
            generation = _Generation.open(name, self.index_root / name, lease, self._segment_memo)
        except BaseException:
            release(lease)
            raise
        old, self._generation = self._generation, generation
        if old is not None:
            old.close()
            remove_unused_generations(self.index_root)  # the old one, unless another reader holds it
        return generation

    def _load_stems(self) -> None:
        """The stems of the words indexed (for stem matching), read again only when the file changed."""
        path = self.index_root / STEM_CACHE
        try:
            stat = path.stat()
        except OSError:
            return
        if (stat.st_mtime_ns, stat.st_size) != self._stems_read:
            load_stem_cache(path)
            self._stems_read = (stat.st_mtime_ns, stat.st_size)

    def close(self) -> None:
        with self._lock:
            if self._generation is not None:
                self._generation.close()
                self._generation = None

    def search(self, request: SearchRequest) -> dict[str, Any]:
        """The result dict: hits for the page, total, facet counts (each facet ignoring its own
        selection), the per-month histogram of all matching articles, and a spelling suggestion."""
        started = time.perf_counter()
        parsed = parse(request.q)
        with self._lock:
            generation = self._open()
            searcher = generation.searcher
            builder, built, masks = self._prepare(generation, parsed, request)
            matching = masks.matching
            depth = request.page * request.per_page
            by_date = request.sort == "date" or masks.scores is None
            ranked = top_documents(matching, generation.dates if by_date else masks.scores, depth)
            page_hits = [searcher.stored_fields(int(doc)) for doc in ranked[depth - request.per_page:depth]]
            facets = {name: generation.facets[name].counts(masks.for_facet(name), request.facet_size,
                                                           always=request.selected[name])
                      for name in FACET_FIELDS}
            histogram = generation.months.histogram(matching)
            total = int(matching.sum())
            suggestion = self._suggestion(request, parsed, builder, generation, total)
            words = _highlight_words(parsed, built)
            forms = _forms(generation.postings, words)
        matches = WordMatcher(words, _prefixes(parsed), forms)
        result = {
            "query": request.describe(),
            "total": total,
            "took_ms": round((time.perf_counter() - started) * 1000, 1),
            "hits": [_hit(stored, matches) for stored in page_hits],
            "facets": {name: [{"value": value, "count": count, "selected": value in request.selected[name]}
                              for value, count in counts] for name, counts in facets.items()},
            "histogram": histogram,
        }
        if suggestion:
            result["suggestion"] = suggestion
        return result

    def facet_values(self, facet: str, request: SearchRequest, prefix: str = "", size: int = 20) -> dict[str, Any]:
        """Values of one facet whose words start with `prefix`, with counts under the current search."""
        if facet not in FACET_FIELDS:
            raise NotFoundError(f"no facet named {facet!r}; facets: {', '.join(FACET_FIELDS)}")
        if len(prefix) > MAX_VALUE_CHARS:
            raise BadQueryError(f"prefix must be at most {MAX_VALUE_CHARS} characters", "bad_prefix")
        parsed = parse(request.q)
        with self._lock:
            generation = self._open()
            _, _, masks = self._prepare(generation, parsed, request)
            counts = generation.facets[facet].counts(masks.for_facet(facet), size, prefix=prefix.strip())
        return {"facet": facet, "prefix": prefix, "values": [
            {"value": value, "count": count, "selected": value in request.selected[facet]} for value, count in counts]}

    @classmethod
    def _prepare(cls, generation: "_Generation", parsed: ParsedQuery,
                 request: SearchRequest) -> tuple[QueryBuilder, BuiltQuery, "_Masks"]:
        """The Whoosh queries for a request and the document masks its facet counts start from."""
        builder = QueryBuilder(generation.searcher.reader(), generation.facets)
        built = builder.build(parsed, request.selected, request.start, request.end)
        return builder, built, cls._masks(generation, built, request)

    @staticmethod
    def _masks(generation: "_Generation", built: BuiltQuery, request: SearchRequest) -> "_Masks":
        evaluator = generation.evaluator
        scores = None
        if built.scored is None:
            base = generation.postings.live.copy()
        else:
            scored = evaluator.run(built.scored)
            base, scores = scored.mask, scored.scores
        for query in built.filters:
            base &= evaluator.mask(query)
        doc_count = len(base)
        selections = {name: generation.facets[name].documents_with_any(values, doc_count)
                      for name, values in request.selected.items() if values}
        return _Masks(base, selections, scores)

    @staticmethod
    def _suggestion(request: SearchRequest, parsed: ParsedQuery, builder: QueryBuilder, generation: "_Generation",
                    total: int) -> str | None:
        """A respelling of the query that finds more articles, when some word is unknown or results are few."""
        words = sorted(parsed.positive_words)
        corrected = corrected_words(generation.searcher.reader(), words, total)
        if corrected is None:
            return None
        suggested = request.q
        for word, replacement in zip(words, corrected):
            if replacement != word:
                suggested = re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", replacement, suggested)
        respelled = builder.build(parse(suggested), request.selected, request.start, request.end)
        found = int(generation.evaluator.mask(respelled.combined()).sum())
        return suggested if found > total else None

    def article(self, article_id: str) -> dict[str, Any]:
        with self._lock:
            stored = self._open().searcher.document(id=article_id)
        if stored is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return _article(stored)


def _verified(path: Path, lease: int) -> bool:
    """Whether `path` holds an index whose files are as written (IndexDamagedError if they are not)."""
    try:
        return usable(path)
    except IndexDamagedError:
        release(lease)
        raise


def _highlight_words(parsed: ParsedQuery, built: BuiltQuery) -> set[str]:
    """The words typed, and the words of every form of an agency they named."""
    words = set(parsed.positive_words)
    for agency in built.agencies:
        words.update(word for form in agency.forms for word in form)
    return words


def _forms(postings: PostingCache, words: set[str]) -> set[str]:
    """Every indexed word that shares a stem with one of `words`: what a snippet marks."""
    forms: set[str] = set()
    for field_name in STEMMED_FIELDS.values():
        groups = postings.stem_groups(field_name)
        for word in words:
            forms.update(groups.get(stem_word(word), ()))
    return forms


def _prefixes(parsed: ParsedQuery) -> set[str]:
    return {clause.words[0] for group in parsed.groups for clause in group if clause.prefix and not clause.negated}


def _metadata(stored: dict[str, Any]) -> dict[str, Any]:
    """What a hit and an article both show about an article."""
    return {
        "id": stored["id"],
        "title": stored.get("title") or "",
        "date": stored.get("date"),
        "url": stored.get("url"),
        "source": stored.get("source") or None,
        "place": stored.get("place") or None,
    }


def _hit(stored: dict[str, Any], matches) -> dict[str, Any]:
    return {
        **_metadata(stored),
        "snippet": snippet(stored.get("body") or "", matches),
        "officials": [o["name"] for o in stored.get("officials") or []],
        "agencies": [a["name"] for a in stored.get("agencies") or []],
        "roles": {o["name"]: o["role"] for o in stored.get("officials") or [] if o.get("role")},
    }


def _article(stored: dict[str, Any]) -> dict[str, Any]:
    return {
        **_metadata(stored),
        "body": stored.get("body") or "",
        "officials": stored.get("officials") or [],
        "agencies": stored.get("agencies") or [],
    }


def search(index_root: str | os.PathLike, q: str = "", officials: Sequence[str] = (), agencies: Sequence[str] = (),
           page: int = 1, per_page: int = 10, sort: str = "relevance", date_from: str = "",
           date_to: str = "") -> dict[str, Any]:
    """One-shot library call: open the index at `index_root`, search, close."""
    service = SearchService(index_root)
    try:
        return service.search(SearchRequest(q, tuple(officials), tuple(agencies), page, per_page, sort,
                                            date_from=date_from, date_to=date_to))
    finally:
        service.close()
