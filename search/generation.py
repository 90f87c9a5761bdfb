"""One open index generation: opened once, evaluated by any number of searches at once, closed when unused.

A generation never changes once written, so everything read from it (searcher, postings cache, facet tables,
dates) is shared by concurrent searches; only Whoosh's file reads are serialised, term by term, by the
postings cache's `io` lock. What a search finds comes back as an `Evaluation`: numbers, stored fields and
counts, which `results.py` alone turns into the result dict.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from itertools import islice
from typing import Any, Callable

import numpy as np

from .analysis import Stems, stem_word, stopwords
from .articles import normalise_text
from .facet_aliases import alias_words, named_values, prefix_value
from .facet_registry import FACETS, FacetRegistry
from .facets import FacetCount, FacetTable, facet_counts
from .generations import open_searcher, release
from .people import People, roles_reader
from .errors import BadQueryError, QueryTooCostlyError
from .matching import Evaluator, Expansions, PostingCache, top_documents
from .querybuild import BuiltQuery, QueryBuilder
from .querylang import ParsedQuery, parse
from .relaxation import RELAX_BELOW, always_held, choose_tiers, held_units, tiered, unsearched_units
from .resultcache import RESULT_CACHE_BYTES, ResultCache
from .schema import AGENCY, BODY_WORDS, DATE_NUMBER, OFFICIAL, READ_ORDER, STORY_NUMBER, SURFACE_FIELDS
from .segments import SegmentMemo, column_values, settled
from .spelling import (MAX_CANDIDATES, SpellingTable, close_spellings, corrected_words, gazetteer_words,
                       merged_lexicon, name_words)
from .stories import Collapsing

TERMS_WALKED = MAX_CANDIDATES  # close spellings read in one hold of the io lock: all that spelling weighs
WARM_WORDS = 64  # the most frequent words whose postings a generation reads before its first search
SEARCH_SECONDS = 5.0  # of CPU time reading and evaluating one search may take before it is refused
# (QueryTooCostlyError)
WARM_AGENCIES = 48  # the agencies in most articles, whose names and acronyms a generation searches once
WARM_SHARE = 4  # warming fills at most this part of the postings cache; searches keep the rest
RESOLUTIONS_KEPT = 4_096  # typed facet values whose stored values a generation remembers
SPELLINGS_KEPT = 4_096  # words whose best spelling a generation remembers (86 ms for `bupati lampung` unkept)


@dataclass
class _Masks:
    """Boolean arrays over documents: what the words and filters match, and each facet's selection."""

    base: np.ndarray
    selections: dict[str, np.ndarray]
    scores: np.ndarray | None = None  # ranking key per document; None when there are no words to score
    units: list[np.ndarray] = field(default_factory=list)  # per unit of the query, the documents holding it
    missing: np.ndarray | None = None  # per document, the droppable units it lacks (None: not relaxed)
    unsearched: list[str] = field(default_factory=list)  # labels of the units the caps left without a word
    _matched: np.ndarray | None = None  # `matching`, once combined

    @property
    def matching(self) -> np.ndarray:
        """The documents a search finds: every selection applies. One array, read and never written."""
        if self._matched is None:
            self._matched = self._combined(None)
        return self._matched

    def complete(self, matching: np.ndarray) -> np.ndarray:
        """The documents of `matching` that hold every unit of the query."""
        return matching if self.missing is None else matching & (self.missing == 0)

    def for_facet(self, facet: str | None) -> np.ndarray:
        """The documents a facet's counts cover: every selection applies except the facet's own (`matching`
        itself when the facet has none)."""
        if facet is not None and facet not in self.selections:
            return self.matching
        return self._combined(facet)

    def _combined(self, facet: str | None) -> np.ndarray:
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
        """Numbered by counting months, not by sorting dates (np.unique took 60-80 ms of each generation's
        opening at a million articles)."""
        month = np.asarray(dates, dtype=np.int64) // 100
        ordinal = month // 100 * 12 + month % 100  # yyyymm as consecutive numbers; 0 stays 0 (undated)
        dated = month > 0
        if not dated.any():
            return cls(np.zeros(1, dtype=np.int64), np.zeros(len(month), dtype=np.int32))
        low = int(ordinal[dated].min())
        present = np.flatnonzero(np.bincount(ordinal[dated] - low)) + low  # the ordinals of the months found
        number = np.zeros(int(present[-1]) - low + 1, dtype=np.int32)
        number[present - low] = np.arange(1, len(present) + 1, dtype=np.int32)
        of_document = np.zeros(len(month), dtype=np.int32)
        of_document[dated] = number[ordinal[dated] - low]
        months = np.concatenate([[0], (present - 1) // 12 * 100 + (present - 1) % 12 + 1])
        return cls(months.astype(np.int64), of_document)

    def counts(self, matching: np.ndarray, documents: np.ndarray | None = None) -> list[tuple[int, int]]:
        """(yyyymm, matching articles) per month with any, oldest first; undated articles are not counted.
        `documents`: the numbers of those flagged in `matching`, when known."""
        counts = np.bincount(self.of_document[matching if documents is None else documents],
                             minlength=len(self.months))
        return [(int(m), int(c)) for m, c in zip(self.months[1:], counts[1:]) if c]


@dataclass
class Evaluation:
    """What one search found in one generation, before it is shaped into the result dict."""

    total: int
    page: list[dict[str, Any]]  # stored fields of the hits on the requested page, in rank order
    facets: dict[str, list[FacetCount]]  # per facet: its values as listed
    months: list[tuple[int, int]]  # (yyyymm, count) of all matching articles
    suggestion: str | None
    words: set[str]  # what a snippet marks: the words typed, and the words of agencies they named
    forms: set[str]  # every indexed word sharing a stem with one of `words`
    prefixes: set[str]  # prefixes searched (`me*` → "me")
    capped: dict[str, Any] | None = None  # what the expansion caps cut, when they cut anything
    total_articles: int = 0  # matching articles; `total` counts stories when collapsed
    duplicates: list[list[dict[str, Any]]] | None = None  # per page hit, its story's other matching versions
    stem: Callable[[str], str] = stem_word  # how the generation's index stems a word
    relaxed: bool = False  # some matching articles lack some of the query's words (relaxation.py)
    held: list[tuple[list[str], list[str]]] | None = None  # per page hit: the units it holds, those it lacks
    unsearched: list[str] = field(default_factory=list)  # the query's parts the caps left without a word


@dataclass
class Generation:
    """An open, immutable index generation: its searcher, postings cache, facet tables and dates, and the lease
    that keeps reindex from deleting it. Counted users let the service swap in a newer one while searches of
    this one finish; it closes when it is retired and its last search has ended."""

    name: str
    searcher: Any
    postings: PostingCache
    evaluator: Evaluator
    facets: dict[str, FacetTable]  # per facet name
    dates: np.ndarray  # yyyymmdd per document, 0 when undated
    months: MonthIndex
    collapsing: Collapsing  # each document's story (search/stories.py), to show one hit per story
    lease: int | None = None  # a shared lock that keeps reindex from deleting this generation
    _users: int = 0
    _retired: bool = False
    _closed: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)
    results: ResultCache = field(default_factory=ResultCache)  # requests answered already, within a budget
    _spellings: OrderedDict = field(default_factory=OrderedDict)  # word -> its close spellings, best first
    _spellings_lock: threading.Lock = field(default_factory=threading.Lock)
    _resolutions: OrderedDict = field(default_factory=OrderedDict)  # (facet, typed value) -> its stored values
    _resolutions_lock: threading.Lock = field(default_factory=threading.Lock)
    registry: FacetRegistry = FACETS
    _protected: frozenset[str] | None = None  # words a known word is never respelled from or to
    _spelling: SpellingTable | None = None  # the body words spelling chooses from (built once, by warm)
    _spelling_lock: threading.Lock = field(default_factory=threading.Lock)
    _people: People | None = None  # the official values grouped by person (built once, by warm or when asked)
    _people_lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def open(cls, name: str, path: Path, lease: int | None, memo: SegmentMemo,
             stems: Stems | None = None, registry: FacetRegistry = FACETS,
             result_cache_bytes: int = RESULT_CACHE_BYTES) -> "Generation":
        """Open a generation; what its segments shared with the last one opened comes from `memo`, the stems
        of its words from `stems` (its index root's), a count table for each of `registry`'s facets, and a result
        cache of `result_cache_bytes`."""
        searcher = open_searcher(path)
        try:
            postings = PostingCache(searcher, memo=memo, stems=stems)
            dates = column_values(searcher.reader(), DATE_NUMBER, memo)
            facets = {facet.name: FacetTable.from_reader(searcher.reader(), facet.index_field, postings.live, memo)
                      for facet in registry}
            stories = column_values(searcher.reader(), STORY_NUMBER, memo) if STORY_NUMBER in searcher.schema \
                else np.arange(searcher.doc_count_all(), dtype=np.int64)  # written before stories: one each
            # written before read orders were: document numbers break ties, as they did then
            orders = column_values(searcher.reader(), READ_ORDER, memo) if READ_ORDER in searcher.schema else None
            collapsing = Collapsing.from_columns(stories, dates, orders)
        except BaseException:
            searcher.close()
            raise
        return cls(name, searcher, postings, Evaluator(postings, dates), facets, dates, MonthIndex.from_dates(dates),
                   collapsing, lease, registry=registry, results=ResultCache(result_cache_bytes))

    @property
    def read_orders(self) -> np.ndarray | None:
        """Each document's place in reading order (schema.READ_ORDER), which breaks ties of dates and scores;
        None in an index written before it was kept (document numbers break them there)."""
        return self.collapsing.orders

    @property
    def stems(self) -> Stems:
        return self.postings.stems

    def warm(self, words: int = WARM_WORDS, agencies: int = WARM_AGENCIES) -> None:
        """Read now what the first searches would read (cold, the broadest took 30-1,300 ms at 100k articles):
        every scored field's document lengths; each surface field's words by stem and its lexicon (prefixes,
        and whether a typed word is known); the postings of the `words` most frequent words, by surface form
        and by stem in every surface field, within 1/WARM_SHARE of the postings cache; and a search of each of
        the `agencies` agencies in most articles, which reads the phrases its names and acronyms expand to (and,
        once per process, the agency names); the spelling table and the words spelling protects; the official
        values grouped by person and the people facets counted by person (the first request selecting an official
        waited 0.45 s for the grouping at 100k); each facet's totals. Facet tables, dates and stories are read
        when the generation opens."""
        for field_name, field_type in self.searcher.schema.items():
            if field_type.scorable:
                self.postings.lengths(field_name)
        self._read_word_tables()
        budget = self.postings.budget_bytes // WARM_SHARE
        for word in self.frequent_words(words):
            for field_name in SURFACE_FIELDS:
                self.postings.term(field_name, word)
                self.postings.stem(field_name, self.stems.stem(word))
            if self.postings.cached_bytes > budget:
                break
        for table in self.facets.values():
            table.totals  # noqa: B018 -- read now, not by the first search counting a facet over most documents
        self.spelling_table()
        self.is_protected("")
        if AGENCY in self.facets:
            for name, _ in self.facets[AGENCY].counts(self.postings.live, agencies):
                try:
                    self.prepare(parse(name), {}, None, None, Expansions())  # the name, as words: expanded
                except BadQueryError:
                    continue  # a name the query language reads as syntax (`… OR -…`): warmed by its first search
        self.people  # noqa: B018 -- groups every official value by person, once

    def frequent_words(self, count: int) -> list[str]:
        """The `count` body words (stop words aside) in most documents, most first; ties in word order."""
        totals: dict[str, int] = {}
        skipped = stopwords()
        for words, counts in self.postings.lexicon(BODY_WORDS):
            if not len(counts):
                continue
            # each segment's most frequent words, enough of them to survive the stop words and the merge
            top = np.argsort(-counts, kind="stable")[:4 * count + len(skipped)]
            for index in top.tolist():
                word = words[index]
                if word not in skipped:
                    totals[word] = totals.get(word, 0) + int(counts[index])
        return [word for word, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:count]]

    # -- lifetime ------------------------------------------------------------------------------
    def enter(self) -> bool:
        """Count one more search; False when this generation is already closed."""
        with self._lock:
            if self._closed:
                return False
            self._users += 1
            return True

    def leave(self) -> bool:
        """One search ended; True when that closed the generation (it was retired and this was its last)."""
        with self._lock:
            self._users -= 1
            last = self._retired and self._users == 0 and not self._closed
            self._closed = self._closed or last
        if last:
            self._close_now()
        return last

    def retire(self) -> bool:
        """No new search will start here; closes now unless searches are running. True when it closed."""
        with self._lock:
            self._retired = True
            now = self._users == 0 and not self._closed
            self._closed = self._closed or now
        if now:
            self._close_now()
        return now

    @property
    def users(self) -> int:
        return self._users

    @property
    def closed(self) -> bool:
        return self._closed

    def _close_now(self) -> None:
        self.searcher.close()
        release(self.lease)

    # -- evaluation ----------------------------------------------------------------------------
    def document(self, article_id: str) -> dict[str, Any] | None:
        with self.postings.io:
            return self.searcher.document(id=article_id)

    def story_members(self, story: str, limit: int) -> list[dict[str, Any]]:
        """Stored fields of the articles of one story (at most `limit`), earliest first, undated last, then in
        reading order."""
        orders = self.read_orders
        with self.postings.io:
            found = [(self.searcher.stored_fields(doc), doc if orders is None else int(orders[doc]))
                     for _, doc in zip(range(limit), self.searcher.document_numbers(story=story))]
        found.sort(key=lambda member: (member[0].get("date") is None, member[0].get("date") or "", member[1]))
        return [fields for fields, _ in found]

    def prepare(self, parsed: ParsedQuery, selected: dict[str, tuple[str, ...]], start, end,
                expansions: Expansions, relax: bool = True) -> tuple[QueryBuilder, BuiltQuery, _Masks]:
        """The Whoosh queries for a request and the document masks its facet counts start from."""
        builder = QueryBuilder(_LockedReader(self.searcher.reader(), self.postings), self.facets,
                               stems=self.stems, registry=self.registry, spell=self._close_spellings,
                               persons=lambda forms: self.people.all_forms(forms))
        selected = self.stored_selection(selected)  # a person: every stored form of them
        built = builder.build(parsed, selected, start, end, relax=relax)
        return builder, built, self._masks(built, selected, expansions, relax)

    def prepare_request(self, parsed: ParsedQuery, request,
                        expansions: Expansions) -> tuple[QueryBuilder, BuiltQuery, _Masks]:
        """`prepare` for a validated SearchRequest: its filters, and relaxation unless match=all."""
        return self.prepare(parsed.with_said(request.said), request.selected, request.start, request.end,
                            expansions, request.match != "all")

    def _masks(self, built: BuiltQuery, selected: dict[str, tuple[str, ...]], expansions: Expansions,
               relax: bool) -> _Masks:
        """Filters and exclusions narrow; then the units: required ones narrow too, droppable ones are
        counted per document and the matching strategy (relaxation.py) decides how many may be missing; then
        the request's period. Facet selections are kept apart, each facet's counts ignore its own."""
        base = self.postings.live.copy()
        for query in built.filters:
            if not base.any():
                break  # `said:jokowi said:jk said:anies …`: once the filters leave nothing, the rest is not read
            base &= self.evaluator.mask(query, expansions)
        period = self.evaluator.mask(built.period, expansions) if built.period is not None else None
        if built.excluded is not None and base.any():
            base &= ~self.evaluator.excluded(built.excluded, expansions).mask
        doc_count = len(base)
        selections = {name: self.facets[name].documents_with_any(values, doc_count)
                      for name, values in selected.items() if values}
        if not built.units or not base.any():  # nothing left for the words to rank
            scores = None if built.excluded is None else np.zeros(doc_count, dtype=np.float32)
            return _Masks(base if period is None else base & period, selections, scores)
        held = np.zeros(doc_count, dtype=np.int16)
        scores = np.zeros(doc_count, dtype=np.float32)
        units, droppable, always = [], 0, iter(always_held(built.strong_units))
        for unit in built.units:
            part = self.evaluator.run(unit.query, expansions)
            units.append(part.mask)
            scores += part.scores
            if unit.weak:
                continue  # it ranks the articles the others let through, and narrows nothing
            if next(always):
                base &= part.mask
            else:
                held += part.mask
                droppable += 1
        # a unit no article is known to hold (the caps left it no word) is dropped, or the search refused
        unsearched = unsearched_units(built.strong_units, expansions, relax)
        tiers = choose_tiers(held, droppable, base, RELAX_BELOW, relax, len(built.strong_units))
        base &= tiers.admitted()  # the tiers of the query and its own filters: selections and the period narrow
        # them afterwards, so that the count beside a facet value or a month is what selecting it finds
        if period is not None:
            base &= period
        if not tiers.relaxed:
            return _Masks(base, selections, scores, units, None, unsearched)
        missing = tiers.missing()
        return _Masks(base, selections, tiered(scores, missing, base), units, missing, unsearched)

    def evaluate(self, request, parsed: ParsedQuery | None = None) -> Evaluation:
        """Everything a search result shows, for a validated SearchRequest."""
        parsed = parsed if parsed is not None else parse(request.q)
        expansions = self.budget()
        builder, built, masks = self.prepare_request(parsed, request, expansions)
        matching = masks.matching
        depth = request.page * request.per_page
        by_date = request.sort == "date" or masks.scores is None
        keys = self._keys(masks) if by_date else masks.scores
        documents = np.flatnonzero(matching)  # read by months and by the facets that count `matching` itself
        total_articles = len(documents)
        if request.collapse:  # one hit per story: its earliest article by date, its best-ranked by relevance
            shown = self.collapsing.representatives(matching, None if by_date else masks.scores)
            ranked = top_documents(shown, keys, depth, self.read_orders)[depth - request.per_page:depth]
            versions = self.collapsing.other_versions(ranked, matching)
            total = int(np.count_nonzero(shown))
        else:
            ranked = top_documents(matching, keys, depth, self.read_orders)[depth - request.per_page:depth]
            versions = [np.zeros(0, dtype=np.int64)] * len(ranked)
            total = total_articles
        with self.postings.io:
            page = [self.searcher.stored_fields(int(doc)) for doc in ranked]
            duplicates = [[self.searcher.stored_fields(int(doc)) for doc in docs] for docs in versions]
        facets = {facet.name: self._facet_counts(facet, masks, documents, request) for facet in self.registry}
        complete = int(np.count_nonzero(masks.complete(matching)))
        suggestion = self._suggestion(request, parsed, builder, 0 if built.respelled else complete, expansions)
        words = highlight_words(parsed, built)
        held = [_held_units(built, masks, int(doc), stored, expansions) for doc, stored in zip(ranked, page)]
        return Evaluation(total, page, facets, self.months.counts(matching, documents), suggestion, words,
                          self.forms(words), searched_prefixes(parsed), expansions.describe(), total_articles,
                          duplicates, self.stems.stem, complete < total_articles, held, masks.unsearched)

    def _facet_counts(self, facet, masks: _Masks, documents: np.ndarray, request) -> list[FacetCount]:
        """One facet's listing under a search; `documents` are the numbers of those `masks.matching` flags."""
        covered = masks.for_facet(facet.name)
        if facet.people:  # one value per person, counting the articles naming any form of them
            people = self.people
            counts = facet_counts(facet, people.tables[facet.name], covered, request.facet_size,
                                  request.selected.get(facet.name, ()),
                                  documents if covered is masks.matching else None)
            return [replace(counted, variants=people.others(counted.value)) for counted in counts]
        return facet_counts(facet, self.facets[facet.name], covered, request.facet_size,
                            request.selected.get(facet.name, ()), documents if covered is masks.matching else None)

    def _keys(self, masks: _Masks) -> np.ndarray:
        """Dates as ranking keys; when relaxed, articles lacking fewer words still come first."""
        if masks.missing is None:
            return self.dates
        return tiered(self.dates, masks.missing, masks.matching)

    def ranked(self, request, limit: int) -> np.ndarray:
        """Document numbers of a search's hits in order, all pages, at most `limit` (collapsed like a search)."""
        _, _, masks = self.prepare_request(parse(request.q), request, self.budget())
        matching = masks.matching
        by_date = request.sort == "date" or masks.scores is None
        keys = self._keys(masks) if by_date else masks.scores
        if request.collapse:
            matching = self.collapsing.representatives(matching, None if by_date else masks.scores)
        return top_documents(matching, keys, limit, self.read_orders)

    def stored(self, documents: np.ndarray):
        """Stored fields of documents, one at a time (each read under the io lock)."""
        for doc in documents.tolist():
            with self.postings.io:
                fields = self.searcher.stored_fields(doc)
            yield fields

    def facet_counts(self, facet: str, request, prefix: str, size: int) -> list[tuple[str, int]]:
        """(value, count) of one facet's values with a word starting with `prefix`, under a search."""
        _, _, masks = self.prepare_request(parse(request.q), request, self.budget())
        declared = self.registry.get(facet)
        meant = prefix_value(declared, prefix)
        if facet in self.people.tables:  # by person: a prefix of any form's words, or of a nickname's
            return self.people.tables[facet].counts(
                masks.for_facet(facet), size, prefix=prefix, shown_as=declared.display, meant=meant,
                aliases=lambda value: self.people.words(facet, value, lambda form: alias_words(facet, form)))
        return self.facets[facet].counts(masks.for_facet(facet), size, prefix=prefix, shown_as=declared.display,
                                         aliases=lambda value: alias_words(facet, value), meant=meant)

    @property
    def people(self) -> People:
        """The official values grouped by person, and the people facets' counts by person (search/people.py);
        the roles a first name alone needs are read from the articles of the forms in question."""
        with self._people_lock:
            if self._people is None:
                official = self.facets.get(OFFICIAL)
                roles = roles_reader(official, self._officials_of) if official is not None else None
                self._people = People.build(official, {facet.name: self.facets[facet.name]
                                                       for facet in self.registry if facet.people}, roles)
            return self._people

    def _officials_of(self, doc: int) -> list[dict[str, Any]]:
        with self.postings.io:
            return self.searcher.stored_fields(doc).get("officials") or []

    def person_forms(self, name: str) -> list[str]:
        """Every official value this generation stores for the person `name` is (search/people.py)."""
        if name not in self.people.value_of:
            return [name]
        return [name, *self.people.others(name)]

    def resolved(self, request):
        """The request with each selected value as this generation stores it (facet_aliases.named_values:
        `joko widodo`, `jokowi` -> `Joko Widodo`), a person's form as the person's value (`Kofifah Indar
        Parawansa` -> `Khofifah Indar Parawansa`); a value naming none is kept, and selects nothing."""
        selected = {}
        for name, typed in request.selected.items():
            table = self.facets.get(name)
            found: dict[str, None] = {}
            for value in typed:
                if table is None or value in table.ordinals and name not in self.people.tables:
                    found[value] = None
                else:
                    found.update(dict.fromkeys(self._stored_for(name, value)))
            selected[name] = tuple(found)
        return request.with_stored_values(selected)

    def _stored_for(self, facet: str, typed: str) -> tuple[str, ...]:
        """The stored values `typed` stands for in `facet`, remembered for RESOLUTIONS_KEPT typed values (least
        recently asked out): one resolution reads every value of the facet, and a page or a repeated search
        with 20 typed values in each facet took 45-51 ms before its cached result was found (trial 29)."""
        key = (facet, typed)
        with self._resolutions_lock:
            if key in self._resolutions:
                self._resolutions.move_to_end(key)
                return self._resolutions[key]
        if facet in self.people.tables:
            found = tuple(self._persons(facet, typed))
        else:
            found = tuple(named_values(facet, typed, self.facets[facet].words) or [typed])
        with self._resolutions_lock:
            self._resolutions[key] = found
            while len(self._resolutions) > RESOLUTIONS_KEPT:
                self._resolutions.popitem(last=False)
        return found

    def _persons(self, facet: str, typed: str) -> list[str]:
        """The persons a value typed in a people facet names: a person's value, else the persons of the
        official forms it names (any case, a nickname, the words of several); else the value as typed."""
        people = self.people
        if typed in people.tables[facet].ordinals:
            return [typed]
        official = self.facets.get(OFFICIAL)
        if official is None:
            return [typed]
        forms = [typed] if typed in official.ordinals else named_values(OFFICIAL, typed, official.words)
        return (people.selected(facet, forms)
                or people.selected(facet, official.words.holding(typed))  # `quoted=Joko`: the official
                or [typed])  # value `Joko` is never quoted, the Jokos whose words it is are (as `quoted:joko` finds)

    def stored_selection(self, selected: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        """A selection of persons as the stored forms the documents hold (other facets' values as they are)."""
        people = self.people if any(name in self.registry and self.registry.get(name).people and values
                                    for name, values in selected.items()) else None
        return {name: people.stored(values) if people is not None and name in people.tables else values
                for name, values in selected.items()}

    def forms(self, words: set[str]) -> set[str]:
        """Every indexed word that shares a stem with one of `words`: what a snippet marks."""
        found: set[str] = set()
        for field_name in SURFACE_FIELDS:
            groups = self.postings.stem_groups(field_name)
            for word in words:
                found.update(groups.get(self.stems.stem(word), ()))
        return found

    def budget(self) -> Expansions:
        """One search's budget: the caps on what its prefixes expand to, and SEARCH_SECONDS of its own thread's
        CPU time, so that waiting for the CPU, the GIL or the index's file lock behind other searches never
        counts against it. The word tables every search reads are read first, outside it (a fresh `warta search`
        process reads them cold: 1.5 s at 4k articles), as a server's warm-up reads them."""
        self._read_word_tables()
        return Expansions(deadline=time.thread_time() + SEARCH_SECONDS)

    def _read_word_tables(self) -> None:
        """Each surface field's words by stem and its lexicon (prefixes, whether a typed word is known)."""
        for field_name in SURFACE_FIELDS:
            self.postings.stem_groups(field_name)
            self.postings.lexicon(field_name)

    def _suggestion(self, request, parsed: ParsedQuery, builder: QueryBuilder, total: int,
                    budget: Expansions) -> str | None:
        """A respelling of the query that finds more articles than `total` (those holding every word as typed),
        when some word is unknown or results are few; none when the search's `budget` runs out of time first."""
        suggested = respelled_text(request.q, parsed, builder.reader, total, self._best_spelling)
        if suggested is None:
            return None
        respelled = builder.build(parse(suggested), self.stored_selection(request.selected), request.start,
                                  request.end, relax=request.match != "all")
        try:
            found = int(self.evaluator.mask(respelled.combined(), Expansions(deadline=budget.deadline)).sum())
        except QueryTooCostlyError:
            return None
        return suggested if found > total else None


    def spelling_table(self) -> SpellingTable:
        """The body words spelling chooses from, read from the lexicon once per generation: the settled
        segments' words merged once while they live (segments.settled), the others' added to them."""
        with self._spelling_lock:
            if self._spelling is None:
                reader = _LockedReader(self.searcher.reader(), self.postings)
                leaves = [leaf for leaf, _ in self.searcher.reader().leaf_readers()]
                kept: list = []  # (leaf, lexicon) of the settled segments
                parts: list = []  # the other segments' lexicons
                for leaf, lexicon in zip(leaves, self.postings.lexicon(BODY_WORDS)):
                    if settled(leaf):
                        kept.append((leaf, lexicon))
                    else:
                        parts.append(lexicon)
                if kept:
                    parts.append(self.postings.memo.combined([leaf for leaf, _ in kept], "merged lexicon", BODY_WORDS,
                                                             lambda: merged_lexicon([part for _, part in kept])))
                self._spelling = SpellingTable.from_lexicon(parts, reader)
            return self._spelling

    def is_protected(self, word: str) -> bool:
        """A stop word, a gazetteer place or a name (of this generation's officials too): spelling keeps it."""
        if self._protected is None:
            names = self.facets[OFFICIAL].values if OFFICIAL in self.facets else ()
            self._protected = gazetteer_words() | name_words(names)
        return word in self._protected

    def _best_spelling(self, reader, word: str) -> str | None:
        """best_spelling (the first of close_spellings), remembered."""
        found = self._close_spellings(reader, word)
        return found[0] if found else None

    def _close_spellings(self, reader, word: str) -> tuple[str, ...]:
        """close_spellings, remembered for SPELLINGS_KEPT words (least recently asked out)."""
        with self._spellings_lock:
            if word in self._spellings:
                self._spellings.move_to_end(word)
                return self._spellings[word]
        found = tuple(close_spellings(self.spelling_table(), word, self.is_protected))
        with self._spellings_lock:
            self._spellings[word] = found
            while len(self._spellings) > SPELLINGS_KEPT:
                self._spellings.popitem(last=False)
        return found


def respelled_text(typed: str, parsed: ParsedQuery, reader, total: int,
                   best: Callable[[Any, str], str | None]) -> str | None:
    """The query as typed (normalised) with its words respelled (spelling.corrected_words; `best` finds one
    word's spelling, `total` articles hold every word as typed), or None when no word is: what a `suggestion`
    offers once it is found to find more (both backends)."""
    words = sorted(parsed.positive_words)
    corrected = corrected_words(reader, words, total, best=best)
    if corrected is None:
        return None
    suggested = normalise_text(typed)  # as the words were read: `ｋｏｒｕｐｓｙ` is suggested as `korupsi`
    for word, replacement in zip(words, corrected):
        if replacement != word:
            suggested = re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", replacement, suggested)
    return suggested


class _LockedReader:
    """The two questions query building and spelling ask a Whoosh reader, each under the generation's io lock;
    a surface field's word frequencies come from its lexicons (PostingCache.doc_frequency)."""

    def __init__(self, reader, postings: PostingCache) -> None:
        self._reader = reader
        self._postings = postings
        self._lock = postings.io

    def doc_frequency(self, fieldname: str, text: str) -> int:
        if fieldname in SURFACE_FIELDS:
            return self._postings.doc_frequency(fieldname, text)
        with self._lock:
            return self._reader.doc_frequency(fieldname, text)

    def terms_within(self, fieldname: str, text: str, maxdist: int, prefix: int = 0) -> list[str]:
        """At most TERMS_WALKED close terms, walked in one hold of the lock: Whoosh's term cursor reads on from
        where the shared file was left, so a walk resumed after another thread's reads decoded foreign bytes
        (struct.error, UnicodeDecodeError in test_two_searches_of_one_generation_run_at_the_same_time)."""
        with self._lock:
            return list(islice(self._reader.terms_within(fieldname, text, maxdist, prefix=prefix), TERMS_WALKED))


def highlight_words(parsed: ParsedQuery, built: BuiltQuery) -> set[str]:
    """The words typed, the spellings searched for unknown ones, typed pairs searched written as one word, and
    the words of every form of an agency they named."""
    words = set(parsed.positive_words) | built.spellings | built.joined
    for agency in built.agencies:
        words.update(word for form in agency.forms for word in form)
    return words


def _held_units(built: BuiltQuery, masks: _Masks, document: int, stored: dict[str, Any],
                expansions: Expansions) -> tuple[list[str], list[str]]:
    """The labels of the query's units a document holds, and of those it lacks (relaxation.held_units)."""
    pairs = [(unit, mask) for unit, mask in zip(built.units, masks.units) if not unit.weak]
    return held_units([unit.label for unit, _ in pairs], [bool(mask[document]) for _, mask in pairs],
                      masks.unsearched, expansions, stored)


def searched_prefixes(parsed: ParsedQuery) -> set[str]:
    return {clause.words[0] for group in parsed.groups for clause in group if clause.prefix and not clause.negated}

