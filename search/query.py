"""The search service: validate a request, pick the current generation, let it evaluate, shape the result.

`SearchRequest` is what the library, the API and the page accept; `SearchService` swaps generations under its
lock and searches outside it (generation.py evaluates, results.py shapes)."""

from __future__ import annotations

import os
import pickle
import struct
import threading
import time
import unicodedata
from contextlib import contextmanager
from copy import copy
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from whoosh.reading import CorruptIndexError

from .articles import normalise_text
from .analysis import Stems
from .errors import (BadQueryError, IndexDamagedError, IndexMissingError, IndexWriteError, NotFoundError,
                     WartaError, shown)
from .facet_registry import FACETS, FacetRegistry
from .facets import DEFAULT_FACET_SIZE
from .generation import WARM_AGENCIES, Generation, MonthIndex
from .generations import (CURRENT, damaged, hold, release, remove_unused_generations, sizes_as_written,
                          usable, verify)
from .querybuild import check_date_range, date_bound_error, parse_date_bound, written_date_bound
from .querylang import parse
from .relaxation import MATCH_MODES
from .export import EXPORT_LIMIT, export_row
from .results import article_result, facet_values_result, search_result
from .resultcache import RESULT_CACHE_BYTES
from .segments import SegmentMemo
from .said import MAX_SAID
from .warmlist import RecentSearches, load_searches, save_searches

__all__ = ["Generation", "MonthIndex", "SearchRequest", "SearchService", "search"]

SORTS = ("relevance", "date")
MAX_PER_PAGE = 100
MAX_QUERY_CHARS = 500
MAX_RESULT_DEPTH = 10_000
OPEN_ATTEMPTS = 5
MAX_SELECTED = 20
MAX_VALUE_CHARS = 200
MAX_STORY_VERSIONS = 50  # versions an article page lists
# With background swaps (the server), the searches the old generation answered last are asked of the new
# one before it takes traffic: at most this many, most recent first, for at most this long (a new article waits
# that much longer to be found: issue 20 gives it 3 s in all). At a million articles each takes about 20 ms: a
# replay of the 21 searches of bench/querymix.py took 0.45 s of a 0.9 s swap. Replayed once the generation
# serves instead, readers' searches ran beside the replay and the mix right after a swap took p50 8-34 ms,
# max 97-112 ms (against 3-6 and 27-63).
AUTOWARM_REQUESTS = 32
AUTOWARM_SECONDS = 0.25
# A server starting asks the searches the last one saved (warmlist.py) for at most this long before it listens.
STARTUP_REPLAY_SECONDS = 20.0


def is_utf8_text(text: str) -> bool:
    """No lone surrogate: what a command line's bytes that are not UTF-8 become (`korupsi\\xe9` is read as
    `korupsi\\udce9`), which no text the index holds has and no JSON answer may echo."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


READ_AS_SPACES = "\t\n\r\x0b\x0c\x85"  # a tab and the line breaks that are control characters (LF, CR, VT,
# FF, NEL; U+2028 and U+2029 are not): text and queries read them as spaces (articles.normalise_text)


def has_control_characters(text: str) -> bool:
    """A NUL, an escape or another C0/C1 control, which no text the index holds has: the one rule for a query, a
    facet value, a said name and a facet list's filter, which refuse it. A tab or a line break (READ_AS_SPACES)
    is none: each reads as a space, anywhere in the text (a VT or NEL had been refused in a facet value where a
    LF was read, trial 55)."""
    return any(unicodedata.category(c) == "Cc" and c not in READ_AS_SPACES for c in text)


def trimmed(text: str) -> str:
    """`text` without the spaces at its ends, where str.strip() would also drop the controls Python counts as
    spaces (U+001C-U+001F), which has_control_characters refuses (trial 57: the CLI searched `\x1fbanjir` as
    `banjir` where the API refused it)."""
    start, end = 0, len(text)
    while start < end and _blank(text[start]):
        start += 1
    while end > start and _blank(text[end - 1]):
        end -= 1
    return text[start:end]


def _blank(character: str) -> bool:
    return character.isspace() and (unicodedata.category(character) != "Cc" or character in READ_AS_SPACES)


def narrowest_date_bound(name: str, values: Sequence[str]) -> str:
    """Of a `from` (or `to`) given several times (`from=2017&from=2018`), the one within all of them, as
    `from:2017 from:2018` in a query reads: the latest start (the earliest end), as the API writes it; "" for
    none. BadQueryError (`bad_date`) when one of them is no date bound."""
    upper, bounds = name == "to", []
    for value in (value for value in values if value.strip()):
        bound = parse_date_bound(value, upper=upper)
        if bound is None:
            raise date_bound_error(name, value)
        bounds.append((bound, written_date_bound(value)))
    if not bounds:
        return ""
    return (min if upper else max)(bounds, key=lambda pair: pair[0])[1]


@dataclass(frozen=True)
class SearchRequest:
    """A validated search: what the library, the API and the page all accept.

    `selected` maps a facet's name to its selected values (OR within a facet, AND across facets);
    `officials` and `agencies` are the official and agency facets' selections, as older callers pass them."""

    q: str = ""
    officials: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    page: int = 1
    per_page: int = 10
    sort: str = "relevance"
    facet_size: int = DEFAULT_FACET_SIZE
    date_from: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD; empty: no lower bound
    date_to: str = ""
    collapse: bool = True  # one hit per story (search/stories.py); False: every article
    selected: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    match: str = "relaxed"  # `relaxed`: add articles missing some words when few hold all (relaxation.py); `all`
    said: tuple[str, ...] = ()  # names: the query's words inside each one's quotes, as `said:"Name"` in q

    def with_stored_values(self, selected: Mapping[str, tuple[str, ...]]) -> "SearchRequest":
        """This request selecting `selected`: the stored values its typed ones stand for (Generation.resolved),
        up to MAX_MATCHED_VALUES each (`agency=dinas` is every `Dinas …`), so more than a request may type. The
        typed values were checked when this request was made; these are not checked again."""
        stored = copy(self)
        for name, value in (("officials", ()), ("agencies", ()), ("selected", dict(selected))):
            object.__setattr__(stored, name, value)
        return stored

    def __post_init__(self) -> None:
        self._merge_selection()
        if not isinstance(self.q, str) or len(self.q) > MAX_QUERY_CHARS:
            raise BadQueryError(f"q must be at most {MAX_QUERY_CHARS} characters", "bad_query")
        if has_control_characters(self.q):
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
        if self.match not in MATCH_MODES:
            raise BadQueryError(f"match must be one of: {', '.join(MATCH_MODES)}", "bad_match")
        object.__setattr__(self, "said", _strings(self.said))
        if len(self.said) > MAX_SAID or any(len(name) > MAX_VALUE_CHARS for name in self.said):
            raise BadQueryError(f"at most {MAX_SAID} said names of at most {MAX_VALUE_CHARS} characters",
                                "bad_filter")
        for values in self.selected.values():
            if len(values) > MAX_SELECTED or any(len(v) > MAX_VALUE_CHARS for v in values):
                raise BadQueryError(f"at most {MAX_SELECTED} values of at most {MAX_VALUE_CHARS} characters "
                                    "per facet", "bad_filter")
        if any(has_control_characters(value) for values in (*self.selected.values(), self.said) for value in values):
            raise BadQueryError("a facet value or said name contains control characters", "bad_filter")
        if not all(is_utf8_text(text) for text in (self.q, *self.said, *chain.from_iterable(self.selected.values()))):
            raise BadQueryError("the query is not UTF-8 text: a byte of it is no UTF-8 character", "bad_encoding")
        # a said name is read as the query box's text is, and a facet value (`López` decomposed, `ｏｂｒａｄｏｒ`)
        object.__setattr__(self, "said", tuple(name for name in (normalise_text(name).strip() for name in self.said)
                                               if name))
        if not 1 <= self.facet_size <= 1000:
            raise BadQueryError("facet_size must be a whole number from 1 to 1000", "bad_facet_size")
        for name, value in (("from", self.date_from), ("to", self.date_to)):
            if value and parse_date_bound(value, upper=name == "to") is None:
                raise date_bound_error(name, value)
        # as read, so that the answer's `query`, the page's links and the result cache's key say it one way
        object.__setattr__(self, "date_from", written_date_bound(self.date_from))
        object.__setattr__(self, "date_to", written_date_bound(self.date_to))
        check_date_range(self.start, self.end)

    @property
    def start(self) -> date | None:
        return parse_date_bound(self.date_from, upper=False) if self.date_from else None

    @property
    def end(self) -> date | None:
        return parse_date_bound(self.date_to, upper=True) if self.date_to else None

    def _merge_selection(self) -> None:
        """One selection: `selected` with `officials` and `agencies` added, every value a tuple of strings."""
        if not isinstance(self.selected, Mapping) or not all(isinstance(name, str) for name in self.selected):
            raise BadQueryError("selected must map facet names to values", "bad_filter")
        merged = {name: _strings(values) for name, values in self.selected.items()}
        for name, values in (("official", self.officials), ("agency", self.agencies)):
            if values:
                merged[name] = tuple(dict.fromkeys((*merged.get(name, ()), *_strings(values))))
        object.__setattr__(self, "selected", merged)
        object.__setattr__(self, "officials", merged.get("official", ()))
        object.__setattr__(self, "agencies", merged.get("agency", ()))

    @property
    def key(self) -> tuple:
        """Everything that decides the result, hashable: equal keys get equal results from one generation."""
        return (self.q, tuple(sorted((name, values) for name, values in self.selected.items() if values)),
                self.page, self.per_page, self.sort, self.facet_size, self.date_from, self.date_to, self.collapse,
                self.match, self.said)

    def fields(self) -> dict[str, Any]:
        """The request as JSON values, from which `from_fields` makes it again."""
        return {"q": self.q, "selected": {name: list(values) for name, values in self.selected.items() if values},
                "page": self.page, "per_page": self.per_page, "sort": self.sort, "facet_size": self.facet_size,
                "date_from": self.date_from, "date_to": self.date_to, "collapse": self.collapse,
                "match": self.match, "said": list(self.said)}

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> "SearchRequest":
        """A request from `fields()`'s values, validated as any request is; a field of the wrong kind or one
        unknown is a BadQueryError."""
        if not isinstance(fields, dict) or not set(fields) <= REQUEST_FIELDS:
            raise BadQueryError("unknown request fields", "bad_request")
        if not isinstance(fields.get("collapse", True), bool) or not all(
                isinstance(fields.get(name, 1), int) and not isinstance(fields.get(name, 1), bool)
                for name in ("page", "per_page", "facet_size")):
            raise BadQueryError("collapse must be true or false; page, per_page and facet_size whole numbers",
                                "bad_request")
        selected = fields.get("selected", {})
        if not isinstance(selected, dict) or not all(isinstance(values, list) for values in selected.values()):
            raise BadQueryError("selected must map facet names to lists of values", "bad_filter")
        if not isinstance(fields.get("said", []), list):
            raise BadQueryError("said must be a list of names", "bad_filter")
        return cls(**{**fields, "selected": {name: tuple(values) for name, values in selected.items()},
                      "said": tuple(fields.get("said", ()))})

    def describe(self) -> dict[str, Any]:
        return {"q": self.q, **{name: list(values) for name, values in self.selected.items()},
                "page": self.page, "per_page": self.per_page, "sort": self.sort,
                "from": self.date_from or None, "to": self.date_to or None, "collapse": self.collapse,
                "match": self.match, **({"said": list(self.said)} if self.said else {})}


def _strings(values: Any) -> tuple[str, ...]:
    if isinstance(values, str) or not all(isinstance(value, str) for value in values):
        raise BadQueryError("facet values must be a list of strings", "bad_filter")
    return tuple(values)


REQUEST_FIELDS = {"q", "selected", "page", "per_page", "sort", "facet_size", "date_from", "date_to", "collapse", "match",
                  "said"}


class SearchService:
    """Searches one index root. Under its lock it only looks at `current` and at the generation it has; when
    `current` moved, one thread opens and warms the newer generation outside the lock, and searches move to it
    once it is ready. Meanwhile the others wait for it, or, with `background_swaps` (the server), keep searching
    the generation they had while a thread of its own opens the new one: no search pays for opening."""

    def __init__(self, index_root: str | os.PathLike, facets: FacetRegistry = FACETS,
                 background_swaps: bool = False, result_cache_bytes: int = RESULT_CACHE_BYTES,
                 warm: bool = True) -> None:
        self.index_root = Path(index_root)
        self.warm = warm  # read ahead what the first searches will read (a server); a one-shot search does not
        self.facets = facets
        self.result_cache_bytes = result_cache_bytes  # per generation; 0: every search is evaluated
        self.background_swaps = background_swaps
        self._lock = threading.Lock()
        self._opened = threading.Condition(self._lock)  # notified when an opening ends, opened or not
        self._opening = False  # a thread is opening the generation `current` names
        self._failed: str = ""  # the generation a background opening last failed to open
        self._closings = 0  # how many times close() ran: a generation opened across a close is not kept
        self._generation: Generation | None = None
        self.stems = Stems(self.index_root)  # the stems of the index's words, and of words asked, within a budget
        self._segment_memo = SegmentMemo()  # what unchanged segments gave, reused by the next generation
        self.recent = RecentSearches()  # the searches answered last, which save_recent writes for the next server
        self.replay_saved = False  # the first generation opened asks the searches saved (the server sets this)
        self._saved_at = 0  # recent.changes when save_recent last wrote

    @property
    def version(self) -> str:
        """The name of the generation a search started now answers from: with background swaps, the one opened
        so far while a newer one is opened beside it (an ETag naming the newer one on the older one's results
        would let a client keep them with a 304); else the one `current` names, which a search opens first."""
        with self._lock:
            generation = self._generation
        if generation is not None and self.background_swaps:
            return generation.name
        return self._current_name()

    def _current_name(self) -> str:
        link = self.index_root / CURRENT
        try:
            return os.readlink(link)
        except OSError:
            return ""

    def current(self) -> Generation:
        """The generation to search: the one `current` names, opened (and warmed) once; reopened only when
        `current` moves (with background swaps, the one searched so far until the new one is ready)."""
        return self._acquire(enter=False)

    @contextmanager
    def using(self) -> Iterator[Generation]:
        """The current generation, kept open (and its files undeleted) until the block ends."""
        generation = self._acquire(enter=True)
        try:
            with reading(self.index_root / generation.name):
                yield generation
        finally:
            if generation.leave():
                remove_unused_generations(self.index_root)

    def _acquire(self, enter: bool) -> Generation:
        while True:
            with self._lock:
                generation = self._generation
                name = self._current_name()
                on_disk = generation is not None and self._on_disk(generation)
                fresh = on_disk and generation.name == name
                stale_is_fine = on_disk and self.background_swaps and name != self._failed
                if fresh or stale_is_fine:
                    if not fresh and not self._opening:
                        self._opening = True
                        threading.Thread(target=self._open_in_background, name="warta-swap", daemon=True).start()
                    if not enter or generation.enter():
                        return generation
                    continue  # closed by close() meanwhile: look again
                if self._opening:
                    self._opened.wait()
                    continue
                self._opening = True
            self._install()  # this thread opens it, outside the lock; then looks again

    def _on_disk(self, generation: Generation) -> bool:
        """The generation's directory is still there: not removed with the whole index (`rm -rf index`, then a
        reindex at the same path) nor alone under a `current` left naming it (trial 57), whose files its readers
        would meet gone or whose answers would be of an index no longer there (one stat a search)."""
        return (self.index_root / generation.name).is_dir()

    def _install(self) -> None:
        """Open and warm the generation `current` names, then make it the one searched; the old one is
        disposed of outside the lock. Raises what opening raised (the generation searched stays)."""
        with self._lock:
            closings = self._closings
            searched = self._generation
        if searched is not None:
            replay = searched.results.recent(AUTOWARM_REQUESTS) if self.background_swaps else []
            seconds = AUTOWARM_SECONDS
        else:
            replay = load_searches(self.index_root, SearchRequest.from_fields) if self.replay_saved else []
            seconds = STARTUP_REPLAY_SECONDS
        try:
            generation = self._open_current(replay, seconds, swap=searched is not None)
        except BaseException:
            with self._lock:
                self._opening = False
                self._opened.notify_all()
            raise
        with self._lock:
            closed = self._closings != closings
            old, self._generation = (None, self._generation) if closed else (self._generation, generation)
            self._opening = False
            self._failed = ""
            self._opened.notify_all()
        if closed:
            generation.retire()
        elif old is not None:
            self._dispose(old)

    def _open_in_background(self) -> None:
        name = self._current_name()
        try:
            self._install()
        except Exception:  # a damaged or vanished generation, whatever Whoosh raised for it
            with self._lock:
                self._failed = name  # searches open it themselves now, and meet the error as they always did

    def _open_current(self, replay: Sequence[SearchRequest] = (), seconds: float = AUTOWARM_SECONDS,
                      swap: bool = False) -> Generation:
        """The generation `current` names, leased, verified, opened and warmed (its postings, then the searches
        in `replay`, for at most `seconds`). A `swap` (a generation was searched before) skips warm's searches of
        the broadest agencies: `replay` asks those readers asked (they took 0.4 s of a 1.3 s swap at a million
        articles, and each new article waits for its swap)."""
        for _ in range(OPEN_ATTEMPTS):  # `current` may move between reading the link and taking the lease
            name = self._current_name()
            lease = hold(self.index_root / name) if name else None
            # still `current` once leased: a generation `current` no longer names may be half removed by
            # another reader (remove_unused_generations), its lease file made again by this hold
            if lease is not None and self._current_name() == name and _verified(self.index_root / name, lease):
                break
            release(lease)
        else:
            raise IndexMissingError(f"no index at {self.index_root} (run `warta reindex` first)")
        try:
            self.stems.refresh()  # reindex writes the stems of a generation's words before it becomes current
            with reading(self.index_root / name):
                generation = Generation.open(name, self.index_root / name, lease, self._segment_memo, self.stems,
                                             self.facets, self.result_cache_bytes)
        except BaseException:
            release(lease)
            raise
        try:
            if self.warm:
                with reading(self.index_root / name):
                    generation.warm(agencies=0 if swap else WARM_AGENCIES)
                    self._autowarm(generation, list(replay), seconds)
        except BaseException:
            generation.retire()
            raise
        return generation

    def _dispose(self, old: Generation) -> None:
        if old.retire():
            remove_unused_generations(self.index_root)  # the old one, unless another reader holds it

    def close(self) -> None:
        with self._lock:
            old, self._generation = self._generation, None
            self._closings += 1
        if old is not None:
            old.retire()

    def resolved(self, request: SearchRequest) -> SearchRequest:
        """The request with a selection for every facet, each value as the index holds it: as the registry
        resolves it (`Lamsel` as the region `18.01`), then as the current generation names it (any case,
        nicknames, acronyms: Generation.resolved); an unknown facet name is a BadQueryError. Searches resolve
        again with the generation they search (a no-op unless it changed between)."""
        request = self._every_facet(request)
        if not any(request.selected.values()):
            return request
        with self.using() as generation:
            return generation.resolved(request)

    def _every_facet(self, request: SearchRequest) -> SearchRequest:
        """The request with a selection, maybe empty, for every facet, each value as the registry resolves it:
        what a result's `query` describes."""
        return request.with_stored_values(self.facets.selection(request.selected))  # checked when typed: a
        # request resolved already may hold more stored values than a request may type (`agency=dinas`)

    def search(self, request: SearchRequest) -> dict[str, Any]:
        """The result dict (results.search_result): hits, total, facets, histogram, suggestion."""
        started = time.perf_counter()
        typed, request = request, self.resolved(request)
        with self.using() as generation:
            result = self._answer(generation, request)
        self.recent.record(request.key, typed.fields())  # saved as typed: `agency=dinas` stands for 50 stored
        # values, which SearchRequest.from_fields would refuse as typed on the next start (trial 28)
        result["took_ms"] = round((time.perf_counter() - started) * 1000, 1)
        return result

    def _answer(self, generation: Generation, request: SearchRequest) -> dict[str, Any]:
        """The result of `request` on `generation`: from its result cache, else evaluated and kept there."""
        request = generation.resolved(request)
        result = generation.results.get(request.key)
        if result is None:
            evaluation = generation.evaluate(request, parse(request.q))
            result = search_result(request, evaluation, 0.0, self.facets)
            generation.results.put(request.key, result, request)
        return result

    def _autowarm(self, generation: Generation, requests: list[SearchRequest], seconds: float) -> None:
        """Ask `generation` the searches its predecessor answered last (or, on start, those the last server
        saved), before it takes traffic, within `seconds`: the first readers then find their results cached and
        what those searches read in memory."""
        deadline = time.monotonic() + seconds
        for request in requests:
            if time.monotonic() > deadline:
                break
            try:
                self._answer(generation, self._every_facet(request))  # as a reader's, whose result it caches
            except WartaError:  # a search the new generation refuses is refused to its reader, as it would be
                continue

    def save_recent(self) -> bool:
        """Write the searches answered last into the index root (warmlist.py) for the next server to ask on
        start, if any were answered since the last write; True when it wrote. IndexWriteError when it cannot."""
        changes = self.recent.changes
        if changes == self._saved_at:
            return False
        try:
            save_searches(self.index_root, self.recent.latest())
        except OSError as error:
            raise IndexWriteError(f"cannot save the recent searches in {self.index_root}: "
                                  f"{error.strerror or error}") from error
        self._saved_at = changes
        return True

    def facet_values(self, facet: str, request: SearchRequest, prefix: str = "", size: int = 20) -> dict[str, Any]:
        """Values of one facet whose words start with `prefix`, with counts under the current search."""
        if facet not in self.facets:
            raise NotFoundError(f"no facet named {shown(facet)}; facets: {', '.join(self.facets.names)}")
        if len(prefix) > MAX_VALUE_CHARS:
            raise BadQueryError(f"prefix must be at most {MAX_VALUE_CHARS} characters", "bad_prefix")
        request = self.resolved(request)
        with self.using() as generation:
            request = generation.resolved(request)
            counts = generation.facet_counts(facet, request, prefix.strip(), size)
            people = generation.people if facet in generation.people.tables else None
        return facet_values_result(self.facets.get(facet), prefix, counts, request.selected[facet],
                                   people.others if people is not None else None)

    def export(self, request: SearchRequest, limit: int = EXPORT_LIMIT) -> Iterator[dict[str, Any]]:
        """Every hit of a search (all pages, at most `limit`) as export rows (search/export.py), one at a time;
        the generation stays in use until the rows are consumed or the iterator is closed."""
        request = self.resolved(request)
        with self.using() as generation:
            sizes_as_written(self.index_root / generation.name)  # what a stat finds, before the first row
            request = generation.resolved(request)
            documents = generation.ranked(request, min(limit, EXPORT_LIMIT))
            for stored in generation.stored(documents):
                yield export_row(stored)

    def article(self, article_id: str) -> dict[str, Any]:
        with self.using() as generation:
            stored = generation.document(article_id)
            if stored is None:
                raise NotFoundError(f"no article with id {shown(article_id)}")
            versions = generation.story_members(stored.get("story") or article_id, MAX_STORY_VERSIONS)
            forms = {official["name"]: generation.person_forms(official["name"])
                     for official in stored.get("officials") or []}
        return article_result(stored, versions, forms)


UNREADABLE_BYTES = (OSError, EOFError, struct.error, pickle.UnpicklingError)  # what Whoosh raises on bytes it
# cannot read, never a fault of the code reading them


@contextmanager
def reading(generation: Path) -> Iterator[None]:
    """Reads of a generation that was verified when it was opened. A file damaged since (truncated or
    overwritten while a server runs) makes Whoosh raise whatever its bytes give (`CorruptIndexError: Bad
    postings block tag`, `struct.error`, `UnpicklingError`, …): that is IndexDamagedError naming the file, as at
    opening, every byte checked (bytes overwritten between the blocks a large file is sampled by, its size and
    time unchanged, pass the check at opening). An error with every file still as written is raised as it was (a
    bug, not damage), except Whoosh's own word for a corrupt index and the errors of unreadable bytes
    (UNREADABLE_BYTES), which are IndexDamagedError too."""
    try:
        yield
    except WartaError:
        raise
    except Exception as error:
        try:
            verify(generation, whole=True)
        except IndexDamagedError as damage:
            raise damage from error
        if isinstance(error, CorruptIndexError):
            reason = str(error).split(". ", 1)[0]  # Whoosh goes on with advice that does not apply here
            raise damaged(generation, reason) from error
        if isinstance(error, UNREADABLE_BYTES):  # a record rewritten to match damaged bytes passes verify
            raise damaged(generation, f"Whoosh cannot read its segments ({type(error).__name__})") from error
        raise


def _verified(path: Path, lease: int) -> bool:
    """Whether `path` holds an index whose files are as written (IndexDamagedError if they are not)."""
    try:
        return usable(path)
    except IndexDamagedError:
        release(lease)
        raise


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
