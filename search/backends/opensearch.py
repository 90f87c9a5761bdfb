"""The OpenSearch backend: the same articles, words and facets in an OpenSearch cluster (opensearch-py).

Analysis stays in Python. A document carries its surface words and their Sastrawi stems as whitespace-
separated tokens (`title_surface`/`title_stem`, `body_surface`/`body_stem`), facet values in keyword fields,
the date in a date field, and what a hit shows under `stored` (kept, not indexed). A query is built by the
same QueryBuilder as for Whoosh (agency forms, stems, prefixes, unknown words' spellings, filters, dates) and
translated node by node into the query DSL, so both backends match the same words: a prefix is the words
Whoosh's expansion caps choose (_Expander), an unknown word its closest spellings (_Spelling, spelling.py's
rule over the term suggester's candidates), with the same `capped` and `suggestion`. When fewer than RELAX_BELOW
articles hold every word, the matching strategy of search/relaxation.py runs here too (Relaxation below), a
prefix the caps left without a word dropped (`unsearched`) or refused by the same relaxation.unsearched_units.
Facet counts are `terms`
aggregations, each filtered by every selection but its own, under a `post_filter`; the histogram is a
`date_histogram`; one hit per story is OpenSearch's field collapsing.

A reindex bulk-loads a fresh index `warta-<time>` (bulk helper, retries with back-off), then moves the
`warta` alias onto it in one atomic request and deletes the indices it left, so readers never see a half-
built index. An unreachable cluster is a BackendUnavailableError (one line in the CLI, 503 in the API). What
the backend remembers of an index is kept per IndexVersion, which every search checks first.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Sequence

from whoosh import query as wq

from ..analysis import Stems, stopwords, words_of
from ..articles import Article
from ..errors import (BackendBlockedError, BackendRefusedError, BackendUnavailableError, BadQueryError,
                      IndexMissingError, NotFoundError, WartaError, shown)
from ..export import EXPORT_LIMIT, export_row
from ..facet_registry import FACETS, Facet, FacetRegistry
from ..facet_aliases import PEOPLE, ValueWords, alias_words, meant_value, prefix_value, value_words
from ..facets import FacetCount, typed_into
from ..generation import Evaluation, highlight_words, respelled_text, searched_prefixes
from ..loaders import DEFAULT_OPTIONS, ReadOptions, Rejection
from ..matching import DEFAULT_B, DEFAULT_K1, MAX_TERMS_PER_EXPANSION, Expansions, StemTerm
from ..querybuild import NOTHING, BuiltQuery, QueryBuilder
from ..querylang import parse
from ..relaxation import FEWEST_HELD, RELAX_BELOW, always_held, held_units, most_missing, unsearched_units
from ..results import article_result, facet_values_result, search_result
from ..schema import (AGENCY, BODY_WORDS, DATE_NUMBER, FACET_SEPARATOR, ID_FIELD, OFFICIAL, SURFACE_FIELDS,
                      TITLE_WORDS)
from ..said import SAID, said_query, said_terms
from ..spelling import (MAX_CANDIDATES, MAX_SPELLED, SPELLING_FIELD, close_spellings, edit_distance, gazetteer_words,
                        name_words)
from ..stories import StoryIndex
from . import checked_alias, opensearch_nodes, without_credentials
from .opensearch_lock import ClusterLease

DEFAULT_ALIAS = "warta"  # what readers search; each reindex writes a new index `<alias>.g<time>` behind it
TITLE_BOOST = 2.0  # the title field's boost in the Whoosh schema
ORDER = "order"  # the order articles were read in (Whoosh's schema.READ_ORDER), which breaks ties
EARLIEST = "earliest"  # yyyymmdd, undated last: a story's earliest article stands for it when sorting by date
STORY_FIRST = "story_first"  # the date of the story's earliest article: collapsed stories sort by it
UNDATED_LAST = 99_999_999
STEM_FIELD = {TITLE_WORDS: "title_stem", BODY_WORDS: "body_stem"}
STORED_KEYS = ("id", "title", "body", "date", "url", "source", "place", "officials", "agencies", "regions", "story", "quotes")
KEYWORD_FIELDS = ("content_key", "source_key", "place_key", "story")
BULK_CHUNK = 500
BULK_ROUNDS = 5  # sends of an action refused for a passing reason
ORIGIN = "_warta_origin"  # a bulk action's source (`path:line`), kept from what is sent: its failure names it
FAILURE_CHARS = 300  # of a refused action's reason, as a report lists it (a parsing error quotes the value)
PIT_WAIT_S = 30  # a swap waits this long for the exports reading the previous index to end, before keeping it
PIT_POLL_S = 0.5
DISCARD_DEADLINE_S = 10  # to delete a build that will not be published; past it, the next reindex does
COPIES_READY_S = 30  # a new index's replicas may take this long to start before its articles are sent
CREATE_ATTEMPTS = 3  # a new index that lost a shard while it started is made again this often
REQUEST_TIMEOUT_S = 30  # a request's whole answer, headers and body (opensearch_connection.DeadlineConnection)
CALL_DEADLINE_S = 60  # one call, its retries included: a frozen or trickling node is 503 after this, at most
RETRIES = 3
READ_ATTEMPTS = 3  # a search failed by a node leaving is sent again, after 0.25 s, then 0.5 s
READ_BACKOFF_S = 0.25
DOC_FREQUENCIES_KEPT = 20_000  # per version of the index (IndexVersion): a newer version starts afresh
STAMP_FORMAT = "%Y%m%d%H%M%S%f"  # of an index's name after `.g`, and of an update's stamp
STAMP_SHAPE = r"\d{20}"  # what STAMP_FORMAT writes: a generation's name is `<alias>.g` and exactly this
UPDATED_META = "warta_updated"  # the mapping's _meta: the stamp of the last update written into the index
FORMS_KEPT = 2_000  # per version: typed facet values and the stored values they name (OpenSearchBackend.named)
CASE_FORMS = 20  # stored values one typed value may be in any case
NAMED_CANDIDATES = 1_000  # values listed, most frequent first, to find those an alias or a value's words name
BY_FREQUENCY = [{"_count": "desc"}, {"_key": "asc"}]  # a terms aggregation's order: FacetTable.by_frequency's
VERSION_FILTER = f"*.mappings._meta,*.mappings.properties.{ID_FIELD}.type"  # every Warta index has an id field
MAX_STORY_VERSIONS = 50
MAX_DUPLICATES = 20
EXPANSIONS = 200  # a fuzzy word matches at most this many words, as Warta's expansion cap
WORDS_COUNTED = 10_000  # a prefix's words listed, most frequent first, to count them (`capped`'s `found`)
OFFICIAL_VALUES_READ = 50_000  # official values whose words spelling protects (as the Whoosh generation's)
EXPORT_PAGE = 500  # hits an export asks for at once (search_after over a point in time)
EXPORT_KEEP_ALIVE = "2m"  # an export's point in time outlives its last page by this much (a reader gone quiet)
PRECISE_STORY_COUNT = 40_000  # cardinality's precision_threshold: close below this many stories, never exact
STORIES_COUNTED = 50_000  # a collapsed search finding at most this many articles counts its stories exactly
STORY_KEYS = "story_keys"  # a document's MinHash band keys: an update finds a new article's story by them
FORMAT = 6  # the mapping's _meta.warta_format: 2 added story_keys, content_key and the manifest of files; 3 said;
# 4 scores the said field as Whoosh does (a word inside a quote counts a little); 5 finds a hyphenated compound
# under its parts' stems too (analysis.compound_parts); 6 stems a full reduplication as the word it doubles
# (`cumi-cumi`: cumi; analysis.stem_word)
PRESENT = "\x1e"  # a said-field token every document holds (warta_similarity); no said term can be it


def warta_similarity(frequency_boost: float, present: bool = False) -> dict[str, Any]:
    """Whoosh's BM25F as Warta scores it (search/matching.py), as a scripted similarity: idf = ln(N/(df+1)) + 1,
    a field's boost multiplying the term frequency inside the saturation (as Whoosh's field_boost does).
    Lucene's N is the number of documents holding the field; Whoosh's, every document: a field not every
    article has (`said`) holds one PRESENT token in each, which this similarity takes out of the lengths."""
    less = 1 if present else 0
    return {"type": "scripted",
            "weight_script": {"source": "double idf = Math.log(field.docCount / (term.docFreq + 1.0)) + 1.0;"
                                        " return query.boost * idf;"},
            "script": {"source": f"double tf = doc.freq * {frequency_boost};"
                                 f" double average = (field.sumTotalTermFreq - {less} * field.docCount)"
                                 " / (double) field.docCount; if (average <= 0) { average = 1; }"
                                 f" double norm = {DEFAULT_K1} * ((1 - {DEFAULT_B}) + {DEFAULT_B} * (doc.length - {less})"
                                 " / average);"
                                 f" return weight * tf * ({DEFAULT_K1} + 1) / (tf + norm);"}}


def index_settings(facets: FacetRegistry, shards: int = 1, replicas: int = 0) -> dict[str, Any]:
    """Settings and mappings of a Warta index: whitespace-analysed pre-analysed tokens scored as Warta scores
    them, keyword facets."""
    title_words = {"type": "text", "analyzer": "tokens", "similarity": "warta_title"}
    words = {"type": "text", "analyzer": "tokens", "similarity": "warta_body"}
    surface = surface_mappings()
    facet = {"type": "keyword", "fields": {"words": {"type": "text", "analyzer": "lower_words"}}}
    properties: dict[str, Any] = {
        ID_FIELD: {"type": "keyword"},
        **surface, "title_stem": title_words, "body_stem": words,
        ORDER: {"type": "long"}, EARLIEST: {"type": "integer"}, STORY_FIRST: {"type": "integer"},
        "date": {"type": "date", "format": "yyyy-MM-dd"},
        DATE_NUMBER: {"type": "integer"},
        **{name: {"type": "keyword"} for name in (*KEYWORD_FIELDS, STORY_KEYS)},
        SAID: {"type": "text", "analyzer": "terms", "similarity": "warta_said"},  # scored: a quoted word counts
        **{f.index_field: facet for f in facets},
        "stored": {"type": "object", "enabled": False},
    }
    return {
        "settings": {"number_of_shards": shards, "number_of_replicas": replicas,
                     "similarity": {"warta_title": warta_similarity(TITLE_BOOST), "warta_body": warta_similarity(1.0),
                                    "warta_said": warta_similarity(1.0, present=True)},
                     "analysis": {"analyzer": {"tokens": {"type": "custom", "tokenizer": "whitespace"},
                                               "terms": {"type": "custom", "tokenizer": "keyword"},
                                               "lower_words": {"type": "custom", "tokenizer": "whitespace",
                                                               "filter": ["lowercase"]}}}},
        "mappings": {"dynamic": "strict", "_meta": {"warta_format": FORMAT}, "properties": properties},
    }


def surface_mappings() -> dict[str, dict[str, Any]]:
    """The surface fields' mappings, with field data: a prefix's words and their document counts are a `terms`
    aggregation over them (_Expander); an index made before has it switched on when first asked."""
    return {TITLE_WORDS: {"type": "text", "analyzer": "tokens", "similarity": "warta_title", "fielddata": True},
            BODY_WORDS: {"type": "text", "analyzer": "tokens", "similarity": "warta_body", "fielddata": True}}


def stem_tokens(words: list[str], stems: Stems) -> str:
    """The stems of a field's words (stop words have none), as a StemTerm matches them in Whoosh: a compound's
    own, then its parts' (Stems.compound_stems), as Whoosh groups the compound under each."""
    stops = stopwords()
    tokens: list[str] = []
    for word in words:
        if word not in stops:
            stem = stems.stem(word)
            tokens.append(stem)
            tokens.extend(stems.compound_stems(word, stem))
    return " ".join(tokens)


def opensearch_document(article: Article, story: str, facets: FacetRegistry, stems: Stems,
                        order: int = 0, key: str | None = None, story_keys: list[str] = ()) -> dict[str, Any]:
    """What OpenSearch stores for an article: the Whoosh document's fields, analysed here; `key` is its
    content key, `story_keys` its MinHash band keys (search/backends/opensearch_update.py)."""
    from ..documents import to_document

    document = to_document(article, story=story, facets=facets)
    title_words, body_words = words_of(document[TITLE_WORDS]), words_of(document[BODY_WORDS])
    return {
        ID_FIELD: article.id,
        TITLE_WORDS: " ".join(title_words), BODY_WORDS: " ".join(body_words),
        "title_stem": stem_tokens(title_words, stems), "body_stem": stem_tokens(body_words, stems),
        "date": document["date"], DATE_NUMBER: document[DATE_NUMBER], ORDER: order,
        EARLIEST: document[DATE_NUMBER] or UNDATED_LAST,
        **{name: document.get(name) or None for name in ("source_key", "place_key", "story")},
        "content_key": key, STORY_KEYS: list(story_keys),
        SAID: [PRESENT, *said_terms((quote["speaker"], quote["text"]) for quote in document["quotes"])],
        **{f.index_field: [v for v in document[f.index_field].split(FACET_SEPARATOR) if v] for f in facets},
        "stored": {name: document.get(name) for name in STORED_KEYS},
    }


class Translator:
    """A Whoosh query tree (as QueryBuilder builds it) as the OpenSearch query DSL."""

    def __init__(self, facets: FacetRegistry) -> None:
        self.facets = facets

    def __call__(self, query: wq.Query) -> dict[str, Any]:
        if query is NOTHING:
            return {"match_none": {}}
        if isinstance(query, _Words):
            return query.translated(self._boost(query))
        if isinstance(query, StemTerm):
            return {"term": {STEM_FIELD[query.fieldname]: {"value": query.text, "boost": self._boost(query)}}}
        if isinstance(query, wq.FuzzyTerm):  # Whoosh scores expansions as constants (constantscore=True)
            return {"fuzzy": {query.fieldname: {"value": query.text, "fuzziness": query.maxdist,
                                                "prefix_length": query.prefixlength, "max_expansions": EXPANSIONS,
                                                "rewrite": _rewrite(query), "boost": self._boost(query)}}}
        if isinstance(query, wq.Prefix):
            return {"prefix": {query.fieldname: {"value": query.text, "rewrite": _rewrite(query),
                                                 "boost": self._boost(query)}}}
        if isinstance(query, wq.Phrase):  # Whoosh scores a phrase as the sum of its words' scores
            return {"bool": {"filter": [{"match_phrase": {query.fieldname: " ".join(query.words)}}],
                             "must": [{"term": {query.fieldname: {"value": word, "boost": self._boost(query)}}}
                                      for word in query.words]}}
        if isinstance(query, wq.NumericRange):
            bounds = {key: value for key, value in (("gte", query.start), ("lte", query.end)) if value is not None}
            return {"range": {query.fieldname: bounds}}
        if isinstance(query, wq.Term):
            return {"term": {query.fieldname: {"value": query.text, "boost": self._boost(query)}}}
        if isinstance(query, wq.AndMaybe):  # the optional part only adds to the score
            return {"bool": {"must": [self(query.a)], "should": [self(query.b)]}}
        if isinstance(query, wq.AndNot):
            return {"bool": {"must": [self(query.a)], "must_not": [self(query.b)]}}
        if isinstance(query, wq.Or):
            return {"bool": {"should": [self(q) for q in query.subqueries], "minimum_should_match": 1}}
        if isinstance(query, wq.And):
            return {"bool": {"must": [self(q) for q in query.subqueries]}}
        if isinstance(query, wq.Every):
            return {"match_all": {}}
        if isinstance(query, wq.Not):
            return {"bool": {"must_not": [self(query.query)]}}
        raise BadQueryError(f"this query cannot be sent to OpenSearch ({type(query).__name__})", "bad_query")

    @staticmethod
    def _boost(query: wq.Query) -> float:
        return float(getattr(query, "boost", 1.0))  # the title's own boost is in its similarity


@dataclass(frozen=True)
class Relaxation:
    """The matching strategy (search/relaxation.py) on the cluster: articles holding every required unit and
    at least `needed` of the droppable ones. Every droppable unit an article holds adds `weight` to its score,
    a power of two above any score the words give, so articles lacking fewer units rank first and the words'
    scores decide within a tier, as `tiered` orders them in Whoosh. Sorted by date, only the tier counts."""

    required: list[dict[str, Any]]  # the units every hit holds, translated
    droppable: list[dict[str, Any]]  # the units a hit may lack, translated, in the query's order
    needed: int
    always: tuple[bool, ...]  # per strong unit of the query, whether every hit holds it
    weight: float = 1.0
    weak: list[dict[str, Any]] = field(default_factory=list)  # units that only rank (querybuild.Unit.weak)

    @classmethod
    def split(cls, built: BuiltQuery, translate: Callable[[wq.Query], dict[str, Any]]) -> "Relaxation":
        """Units as Whoosh splits them: required ones must match; weak ones (past MAX_UNITS too: querybuild) only
        rank."""
        required, droppable = [], []
        always = always_held(built.strong_units)
        for unit, held in zip(built.strong_units, always):
            (required if held else droppable).append(translate(unit.query))
        return cls(required, droppable, len(droppable), tuple(always),
                   weak=[translate(unit.query) for unit in built.units if unit.weak])

    @property
    def relaxed(self) -> bool:
        return self.needed < len(self.droppable)

    def query(self, filters: list[dict[str, Any]], excluded: dict[str, Any] | None, by_date: bool) -> dict[str, Any]:
        if by_date:  # the tier alone scores; dates order within it
            clauses = [{"constant_score": {"filter": unit, "boost": 1.0, "_name": _unit_name(i)}}
                       for i, unit in enumerate(self.droppable)]
            required, filters = [], self.required + filters
        else:
            clauses = [{"bool": {"must": [unit, {"constant_score": {"filter": unit, "boost": self.weight}}],
                                 "_name": _unit_name(i)}} for i, unit in enumerate(self.droppable)]
            required = self.required
        tiered = {"bool": {"must": required, "should": clauses, "minimum_should_match": self.needed,
                           "filter": filters, "must_not": [excluded] if excluded is not None else []}}
        return {"bool": {"must": [tiered], "should": self.weak}} if self.weak and not by_date else tiered

    def probe(self, filters: list[dict[str, Any]], excluded: dict[str, Any] | None, lowest: int) -> dict[str, Any]:
        """Every article the strategy could let through, scored by its words alone (its best score sets the
        tier weight)."""
        held = {"bool": {"must": self.required, "should": self.droppable, "minimum_should_match": lowest,
                         "filter": filters, "must_not": [excluded] if excluded is not None else []}}
        return {"bool": {"must": [held], "should": self.weak}} if self.weak else held

    def lowest(self, units: int) -> int:
        """The fewest droppable units a hit may hold: most_missing of the query's `units` may be missing."""
        return len(self.droppable) - most_missing(units, len(self.droppable))

    def tier_counts(self, lowest: int) -> dict[str, Any]:
        """Aggregations counting the hits holding at least k droppable units, for k from `lowest` up to all."""
        return {f"held:{k}": {"filter": {"bool": {"should": self.droppable, "minimum_should_match": k}}}
                for k in range(lowest, len(self.droppable) + 1)}

    def chosen(self, aggregations: dict[str, Any], lowest: int, max_score: float | None,
               threshold: int = RELAX_BELOW) -> "Relaxation":
        """choose_tiers over the cluster's counts (tier_counts from FEWEST_HELD): drop units one at a time until
        `threshold` hits are found or `lowest` is reached, then on only while none is found."""
        needed = len(self.droppable)
        total = aggregations[f"held:{needed}"]["doc_count"]
        while total < threshold and needed > lowest:
            needed -= 1
            total = aggregations[f"held:{needed}"]["doc_count"]
        while total == 0 and needed > FEWEST_HELD:
            needed -= 1
            total = aggregations[f"held:{needed}"]["doc_count"]
        weight = 2.0 ** math.ceil(math.log2((max_score or 0.0) + 1.0))
        return Relaxation(self.required, self.droppable, needed, self.always, weight, self.weak)

    def holds(self, hit: dict[str, Any]) -> list[bool]:
        """Per strong unit of the query, whether a hit holds it: a required one always, a droppable one when
        named in its matched queries (relaxation.held_units says which the result lists)."""
        matched = set(hit.get("matched_queries", ()))
        holds, index = [], 0
        for always in self.always:
            holds.append(always or _unit_name(index) in matched)
            index += not always
        return holds


def explained(error: Any) -> str:
    """An OpenSearch error (`{type, reason, caused_by: {type, reason}}`, or a string) in one line, cut to
    FAILURE_CHARS (a parsing error quotes the field's value)."""
    if isinstance(error, dict):
        cause = error.get("caused_by")
        reason = f"{error.get('type', 'error')}: {error.get('reason', '')}"
        if isinstance(cause, dict):
            reason += f" ({cause.get('type', '')}: {cause.get('reason', '')})"
    else:
        reason = str(error or "no reason given")
    reason = " ".join(reason.split())
    return reason[:FAILURE_CHARS] + "…" if len(reason) > FAILURE_CHARS else reason


def is_block(error: Any) -> bool:
    """Whether an OpenSearch error (as `explained` takes it) is a block: of an index's writes, of a read-only
    index or cluster, of the flood-stage disk watermark."""
    return isinstance(error, dict) and error.get("type") == "cluster_block_exception"


@dataclass(frozen=True)
class BulkFailure:
    """An action the cluster refused for good: the id, status and reason, and where its article was read;
    never the document (opensearch-py adds it whole to a failed item)."""

    id: str
    status: int
    reason: str
    origin: str = ""

    @classmethod
    def of(cls, result: dict[str, Any], status: int, action: dict[str, Any] | None) -> "BulkFailure":
        """From a failed item of streaming_bulk (`result`) and the action sent, when still known."""
        origin = (action or {}).get(ORIGIN) or ""
        return cls(str(result.get("_id", "")), status, explained(result.get("error")), origin)

    def __str__(self) -> str:
        return f"{self.id}: {self.status} {self.reason}"

    def rejection(self) -> Rejection:
        """The failure as the report lists an input that gave no article (within its caps)."""
        return Rejection(self.origin or f"article {self.id}",
                         f"not indexed: the cluster refused it ({self.status} {self.reason})")


def _unit_name(index: int) -> str:
    return f"unit:{index}"


@dataclass(frozen=True)
class IndexVersion:
    """Which index the alias names, and the last update written into it: every write changes it. A full reindex
    names a new index; an update writes into the live one and stamps its mapping's `_meta` (UPDATED_META) when it
    starts and when it ends (stamp_update). What the backend remembers of an index (_IndexCaches) is kept for one
    version, as a Whoosh generation's caches live and die with that immutable generation."""

    indices: tuple[str, ...] = ()
    stamps: tuple[str, ...] = ()  # per index, its last update's stamp ("" when none wrote into it)

    @classmethod
    def of_mappings(cls, found: dict[str, Any]) -> "IndexVersion":
        """From the answer of a mapping request filtered by VERSION_FILTER."""
        names = tuple(sorted(found))
        return cls(names, tuple(str(found[name]["mappings"].get("_meta", {}).get(UPDATED_META, "")) for name in names))

    def __str__(self) -> str:
        """`warta.g20261203…`, `warta.g20261203…@20261204…` once updated: the ETag's version."""
        return ",".join(f"{name}@{stamp}" if stamp else name for name, stamp in zip(self.indices, self.stamps))


class _Frequencies:
    """Document frequencies of words in one version of the index, asked of the cluster and kept within a budget:
    QueryBuilder's `reader` (a word no article has is searched with close spellings too)."""

    def __init__(self, backend: "OpenSearchBackend") -> None:
        self.backend = backend
        self._kept: OrderedDict[tuple[str, str], int] = OrderedDict()
        self._lock = threading.Lock()

    def doc_frequency(self, field: str, word: str) -> int:
        key = (field, word)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        query = {"query": {"term": {field: word}}}
        found = self.backend.call(lambda c: c.count(index=self.backend.alias, body=query), read=True)["count"]
        with self._lock:
            self._kept[key] = found
            while len(self._kept) > DOC_FREQUENCIES_KEPT:
                self._kept.popitem(last=False)
        return found


def _fewest_edits_from(text: str, words: list[str], maxdist: int) -> list[str]:
    """Of `words` (in word order), those but `text` fewest edits from it, at most `maxdist`."""
    distances = [(word, edit_distance(word, text, maxdist)) for word in words if word != text]
    least = min((distance for _, distance in distances), default=maxdist + 1)
    return [word for word, distance in distances if distance == least <= maxdist]


@dataclass
class _IndexCaches:
    """Everything the backend remembers of one IndexVersion (each within its budget); replaced whole when a
    search finds the version changed. Add a cache of what the index holds here, never beside it."""

    version: IndexVersion
    frequencies: _Frequencies
    # (facet, typed value) -> the stored values it names (OpenSearchBackend.named), FORMS_KEPT
    forms: OrderedDict[tuple[str, str], tuple[str, ...]] = field(default_factory=OrderedDict)
    protected: frozenset[str] | None = None  # the words spelling keeps (OpenSearchBackend.protected_words)


def _any_case_pattern(value: str) -> str:
    """A Lucene regular expression matching `value` in any case (`Joko` -> `[jJ][oO][kK][oO]`), the rest of it
    as written."""
    parts = []
    for char in value:
        lower, upper = char.lower(), char.upper()
        if lower != upper and len(lower) == len(upper) == 1:
            parts.append(f"[{lower}{upper}]")
        else:
            parts.append(char if char.isalnum() else "\\" + char)
    return "".join(parts)


def _as_written_pattern(value: str, then_words: bool = False) -> str:
    """A Lucene regular expression matching `value` as written (`then_words`: and the values starting with it
    and a space, `Dinas Kesehatan …`)."""
    exact = "".join(char if char.isalnum() else "\\" + char for char in value)
    return exact + "( .*)?" if then_words else exact


def is_generation(alias: str, name: str) -> bool:
    """Whether `name` is one of `alias`'s generations, `<alias>.g<stamp>` exactly (STAMP_SHAPE). Clean-up deletes
    nothing else: a pattern (`warta.g*`) also reached another alias's generations and lock (`warta.gx.g…`) and an
    index that only starts alike (`warta.gallery`), trial 64."""
    return re.fullmatch(re.escape(alias) + r"\.g" + STAMP_SHAPE, name) is not None


def is_manifest(alias: str, name: str) -> bool:
    """Whether `name` is the manifest of one of `alias`'s generations, `<alias>.files.g<stamp>` exactly."""
    return re.fullmatch(re.escape(alias) + r"\.files\.g" + STAMP_SHAPE, name) is not None


def _alias_missing(error) -> bool:
    """`alias [warta] missing`: what a 404 says when asked for an alias no index carries (none built yet, or
    deleted behind Warta's back): no index, as an index_not_found is."""
    text = str(getattr(error, "error", "")) + " " + str(getattr(error, "info", ""))
    return "alias [" in text and "missing" in text


class _FacetValues(wq.Query):
    """`official:suhajar`: the stored values a typed value names (OpenSearchBackend.named), any of them; none
    selects nothing."""

    def __init__(self, field: str, values: Sequence[str]) -> None:
        self.fieldname, self.values = field, list(values)


class _Words(wq.Query):
    """A prefix of a surface field as the expansion caps left it (matching.Expansions): any of `words`, scored
    as Whoosh's evaluator scores them (1 per document for a constant-score prefix, else each word's score)."""

    def __init__(self, fieldname: str, words: list[str], boost: float = 1.0, constant: bool = True) -> None:
        self.fieldname, self.words, self.boost, self.constant = fieldname, words, boost, constant

    def translated(self, boost: float) -> dict[str, Any]:
        if not self.words:  # the caps left it no word: no article holds it
            return {"match_none": {}}
        if self.constant:
            return {"constant_score": {"filter": {"terms": {self.fieldname: self.words}}, "boost": boost}}
        return {"bool": {"should": [{"term": {self.fieldname: {"value": word, "boost": boost}}}
                                    for word in self.words], "minimum_should_match": 1}}


@dataclass
class _Expanded(BuiltQuery):
    """A BuiltQuery whose prefixes are the words the caps chose (_Words), with what chose them."""

    expansions: Expansions = field(default_factory=Expansions)
    expander: "_Expander | None" = None
    builder: QueryBuilder | None = None  # what built it, and its spelling: the suggestion is built the same way
    spelling: "_Spelling | None" = None
    unsearched: list[str] = field(default_factory=list)  # labels of the units the caps left without a word,
    # dropped as relaxation drops a word (no article holds their `match_none`): relaxation.unsearched_units


class _Expander:
    """A query's prefixes as the Whoosh evaluator expands them (matching.Evaluator._expanded), within the same
    caps (matching.Expansions): each prefix's most frequent words, with their document counts, from one
    `terms` aggregation per search for all its prefixes (field data of the surface fields), then taken from the
    search's budget in the order Whoosh reads them (the exclusions, then each unit), the same prefix twice once.
    The said field's prefixes stay the cluster's own: Whoosh reads those whole too (said.SaidWords)."""

    def __init__(self, backend: "OpenSearchBackend") -> None:
        self.backend = backend
        self._ranked: dict[tuple[str, str], tuple[list[tuple[str, int]], int]] = {}  # this search's look-ups

    def expanded(self, built: BuiltQuery, expansions: Expansions, builder: QueryBuilder | None = None,
                 spelling: "_Spelling | None" = None,
                 finds_nothing: Callable[[wq.Query | None], bool] = lambda excluded: False) -> _Expanded:
        """`built` with its prefixes replaced by the words `expansions` lets them search; BadQueryError
        `exclusion_too_wide` when the caps cut an excluded prefix (as Evaluator.excluded). As Generation._masks,
        the exclusion counts only when the query's filters leave some article, the units only when the exclusion
        does too (`finds_nothing(excluded)`, asked only when a cap cut something): else nothing is capped."""
        queries = ([built.excluded] if built.excluded is not None else []) + [unit.query for unit in built.units]
        self._look_up([(leaf.fieldname, leaf.text) for query in queries for leaf in query.leaves()
                       if _expanding(leaf)])
        chosen: dict[tuple, list[str]] = {}

        def expand(query: wq.Query) -> wq.Query:
            if not _expanding(query):
                return query.apply(expand)
            key = (query.fieldname, query.text, query.constantscore)
            if key not in chosen:
                ranked, found = self._ranked[(query.fieldname, query.text)]
                chosen[key] = expansions.take(f"{query.text}*", ranked[:expansions.per_expansion], found)
            return _Words(query.fieldname, chosen[key], query.boost, query.constantscore)

        excluded, unread = None, False
        if built.excluded is not None:
            before = dict(expansions.capped)
            excluded = expand(built.excluded)
            unread = expansions.capped != before and finds_nothing(None)
            if not unread:
                expansions.refuse_cut(before)  # passed: the exclusion capped nothing
        units = [replace(unit, query=expand(unit.query)) for unit in built.units]
        if unread or (expansions.capped and finds_nothing(excluded)):
            expansions.capped.clear()  # Whoosh read no unit (nor the exclusion, when the filters left nothing)
        parts = {f.name: getattr(built, f.name) for f in fields(BuiltQuery)}
        return _Expanded(**{**parts, "units": units, "excluded": excluded}, expansions=expansions, expander=self,
                         builder=builder, spelling=spelling)

    def _look_up(self, prefixes: list[tuple[str, str]]) -> None:
        """Each (field, prefix)'s words, most frequent first (ties in word order, as PostingCache.expansion),
        at most MAX_TERMS_PER_EXPANSION of them, and how many it has (at most WORDS_COUNTED are counted)."""
        wanted = [prefix for prefix in dict.fromkeys(prefixes) if prefix not in self._ranked]
        if not wanted:
            return
        aggregations = {f"prefix:{i}": {"filter": {"prefix": {name: text}}, "aggs": {"words": {"terms": {
            "field": name, "include": _starting_with(text), "size": WORDS_COUNTED,
            "order": [{"_count": "desc"}, {"_key": "asc"}]}}}} for i, (name, text) in enumerate(wanted)}
        answer = self.backend.word_counts({"size": 0, "track_total_hits": False, "aggs": aggregations})
        for i, prefix in enumerate(wanted):
            buckets = answer["aggregations"][f"prefix:{i}"]["words"]["buckets"]
            self._ranked[prefix] = ([(b["key"], b["doc_count"]) for b in buckets[:MAX_TERMS_PER_EXPANSION]],
                                    len(buckets))


def _expanding(query: wq.Query) -> bool:
    """A prefix of a surface field: what the expansion caps apply to."""
    return isinstance(query, wq.Prefix) and query.fieldname in SURFACE_FIELDS


def _starting_with(prefix: str) -> str:
    """The Lucene regular expression of the words starting with `prefix` (a terms aggregation's `include`)."""
    return "".join(char if char.isalnum() else "\\" + char for char in prefix) + ".*"


class _Spelling:
    """What search/spelling.py asks of an index (spelling.Reader), asked of the cluster for one search: a word's
    close spellings from the term suggester (one request per word, no prefix but what spelling asks for, within
    its edits), with their document counts; spellings remembered for the search."""

    def __init__(self, backend: "OpenSearchBackend") -> None:
        self.backend = backend
        self._counts: dict[str, int] = {}  # candidates' document counts, as the suggester gave them
        self._spellings: dict[str, tuple[str, ...]] = {}
        self._protected: frozenset[str] | None = None

    def doc_frequency(self, fieldname: str, text: str) -> int:
        if fieldname == SPELLING_FIELD and text in self._counts:
            return self._counts[text]
        return self.backend.frequencies.doc_frequency(fieldname, text)

    def terms_within(self, fieldname: str, text: str, maxdist: int, prefix: int = 0, at_least: int = 0,
                     closest: bool = False) -> list[str]:
        """The MAX_CANDIDATES most frequent words of letters only within `maxdist` edits of `text` (a
        transposition one) sharing its first `prefix` characters and in at least `at_least` articles, in word
        order (as SpellingTable.terms_within); `closest`: only those fewest edits away but `text`."""
        body = {"size": 0, "suggest": {"close": {"text": text, "term": {
            "field": fieldname, "suggest_mode": "always", "max_edits": max(1, min(maxdist, 2)),
            "prefix_length": prefix, "min_word_length": 1, "size": MAX_CANDIDATES, "sort": "frequency",
            "accuracy": 0.0, "max_term_freq": 2147483647.0}}}}
        answer = self.backend.call(lambda c: c.search(index=self.backend.alias, body=body), read=True)
        found = []
        for entry in answer.get("suggest", {}).get("close", []):
            for option in entry["options"]:
                word, count = option["text"], int(option["freq"])
                if word.isalpha() and len(word) <= MAX_SPELLED and count >= at_least:
                    self._counts[word] = count
                    found.append(word)
        if closest:
            return _fewest_edits_from(text, sorted(set(found)), maxdist)
        return sorted(set(found))

    def spellings(self, reader, word: str) -> tuple[str, ...]:
        """close_spellings, best first (QueryBuilder's `spell`)."""
        if word not in self._spellings:
            self._spellings[word] = tuple(close_spellings(self, word, self.is_protected))
        return self._spellings[word]

    def is_protected(self, word: str) -> bool:
        """A word spelling keeps (asked only of known words: the index's protected words read once a search)."""
        if self._protected is None:
            self._protected = self.backend.protected_words()
        return word in self._protected

    def best(self, reader, word: str) -> str | None:
        found = self.spellings(reader, word)
        return found[0] if found else None


class _OpenSearchQueryBuilder(QueryBuilder):
    def __init__(self, *args, named: Callable[[str, str], tuple[str, ...]] = lambda facet, typed: (),
                 **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.named = named

    def facet_filter(self, field_name: str, typed: str) -> wq.Query:
        """As in Whoosh: the value the registry resolves `typed` to when an article holds it (`region:lamsel`,
        `source:Detik`), else the values `typed` names (OpenSearchBackend.named)."""
        facet = self.registry.get(field_name)
        resolved = facet.resolve_or_refuse(typed)
        if resolved not in (None, typed) and resolved in self.named(field_name, resolved):
            return _FacetValues(facet.index_field, [resolved])
        return _FacetValues(facet.index_field, self.named(field_name, typed))

    def said_filter(self, typed: str, parsed) -> wq.Query:
        """As in Whoosh: the officials `typed` names (as `official:` resolves it), else the name as written, with
        the query's words inside their quotes (the said field holds the same terms, one token each)."""
        speakers = self.named(OFFICIAL, typed) if OFFICIAL in self.registry else ()
        return said_query(list(speakers) or [" ".join(typed.split())], parsed)


class OpenSearchBackend:
    """Searches (and reindexes) the `warta` alias of an OpenSearch cluster."""

    def __init__(self, url: str, facets: FacetRegistry = FACETS, shards: int = 1, replicas: int = 0,
                 alias: str = DEFAULT_ALIAS) -> None:
        from opensearchpy import OpenSearch

        from .opensearch_connection import DeadlineConnection

        self.url = without_credentials(url)  # as messages show it: the client alone holds the password
        self.deadline_s = CALL_DEADLINE_S
        self.alias = checked_alias(alias)  # never a pattern that reaches other indices
        self.facets = facets
        self.shards, self.replicas = shards, replicas
        hosts = opensearch_nodes(url)  # a malformed URL is a BadQueryError, not opensearch-py's own error
        # A request that fails on one node (refused, timed out, 502-504) is retried on another.
        self.client = OpenSearch(hosts=hosts, timeout=REQUEST_TIMEOUT_S, max_retries=RETRIES, retry_on_timeout=True,
                                 retry_on_status=(502, 503, 504), http_compress=True,
                                 connection_class=DeadlineConnection)
        self.stems = Stems()
        self.translate = Translator(facets)
        self._caches = _IndexCaches(IndexVersion(), _Frequencies(self))
        self._caches_lock = threading.Lock()

    # -- plumbing --------------------------------------------------------------------------------
    def call(self, request: Callable[[Any], Any], read: bool = False, expected: tuple[type, ...] = ()) -> Any:
        """One request to the cluster; its failures become Warta's errors (warta_error), but for the
        opensearch-py errors the caller `expected` and handles (a 409 of a lease taken, a 400 of an index made
        already). A `read` (a search, a count) is sent again after a passing failure: a node that
        dies between a search's query and fetch phases fails that search, and its replicas answer the next.
        The call, retries included, has `deadline_s` (CALL_DEADLINE_S) seconds: then it fails as unavailable."""
        from .opensearch_connection import deadline, time_left

        with deadline(self.deadline_s):
            for attempt in range(READ_ATTEMPTS if read else 1):
                try:
                    return self._call_once(request, expected)
                except BackendUnavailableError as error:
                    pause = READ_BACKOFF_S * 2 ** attempt
                    if (not read or attempt == READ_ATTEMPTS - 1 or isinstance(error, BackendRefusedError)
                            or time_left() <= pause):
                        raise
                    time.sleep(pause)

    def _call_once(self, request: Callable[[Any], Any], expected: tuple[type, ...] = ()) -> Any:
        from opensearchpy import exceptions

        try:
            return request(self.client)
        except exceptions.OpenSearchException as error:
            translated = self.warta_error(error, expected)
            if translated is error:
                raise
            raise translated from None

    def warta_error(self, error: Exception, expected: tuple[type, ...] = ()) -> Exception:
        """What an opensearch-py error means to Warta: an unreachable, failing or refusing cluster is
        BackendUnavailableError (BackendRefusedError), a block BackendBlockedError, a missing index
        IndexMissingError; an error of the `expected` kinds the caller handles is given back as it is, and any
        other answer of the cluster's (a 400, a 409, a 429, another 4xx) is unavailable too, with OpenSearch's
        reason: one line in the CLI and a 503 from the API, never a traceback and a 500 (trial 64)."""
        from opensearchpy import exceptions

        from .opensearch_connection import AnswerTooLarge

        if isinstance(error, AnswerTooLarge):  # a server streaming for ever: cut, not asked again
            return self.not_opensearch(str(error.args[1]))
        if isinstance(error, exceptions.ConnectionTimeout):
            return BackendUnavailableError(f"the OpenSearch cluster at {self.url} did not answer in time "
                                           "(ConnectionTimeout)")
        if isinstance(error, exceptions.ConnectionError):
            return BackendUnavailableError(f"the OpenSearch cluster at {self.url} cannot be reached "
                                           f"({type(error).__name__})")
        if isinstance(error, exceptions.SerializationError):  # an HTML page, JSON cut short: not shown (long)
            return self.not_opensearch("an answer that is not JSON")
        if not isinstance(error, exceptions.TransportError):
            return error
        if isinstance(error.status_code, int) and error.status_code >= 500 or error.status_code == "N/A":
            return BackendUnavailableError(f"the OpenSearch cluster at {self.url} failed to answer "
                                           f"({error.status_code} {error.error})")
        if not isinstance(error.info, dict):  # OpenSearch explains every refusal in JSON
            return self.not_opensearch(f"HTTP {error.status_code} without OpenSearch's JSON error")
        if is_block(error.info.get("error")):
            return self.blocked(error.status_code, error.info["error"])
        if error.status_code in (401, 403):
            return BackendRefusedError(f"the OpenSearch cluster at {self.url} refused Warta's request "
                                       f"({error.status_code} {error.error})")
        if isinstance(error, exceptions.NotFoundError) and ("index_not_found" in str(error) or _alias_missing(error)):
            return IndexMissingError(f"no Warta index in the OpenSearch cluster at {self.url}: run "
                                     "`warta reindex --backend opensearch` first")
        if isinstance(error, expected):
            return error
        reason = f"{error.status_code} {explained(error.info.get('error') or error.error)}"
        if error.status_code == 429:  # too many requests at once: a passing refusal, a read is sent again
            return BackendUnavailableError(f"the OpenSearch cluster at {self.url} is too busy to answer ({reason})")
        return BackendRefusedError(f"the OpenSearch cluster at {self.url} refused Warta's request ({reason})")

    def blocked(self, status: Any, error: dict[str, Any]) -> BackendBlockedError:
        """The error of a request, or of a bulk action, the cluster blocks (is_block)."""
        return BackendBlockedError(f"the OpenSearch cluster at {self.url} blocks Warta's request "
                                   f"({status} {explained(error)}); lift the block, then try again")

    def not_opensearch(self, answered: str) -> BackendRefusedError:
        """The error of a server that answers, but not as OpenSearch does."""
        return BackendRefusedError(f"the server at {self.url} does not answer as OpenSearch does ({answered})")

    def search_answer(self, answer: Any) -> dict[str, Any]:
        """`answer`, once it has the shape of a search's (its `hits`), else BackendRefusedError."""
        hits = answer.get("hits") if isinstance(answer, dict) else None
        if not (isinstance(hits, dict) and isinstance(hits.get("hits"), list)):
            raise self.not_opensearch("a search answered without its hits")
        return answer

    @property
    def frequencies(self) -> _Frequencies:
        """The document frequencies of the version last checked (checked_version)."""
        return self._caches.frequencies

    def checked_version(self) -> IndexVersion:
        """The version of the index the alias names now (one small request), the caches of any other dropped: a
        long-running server answers after a reindex, full or an update, as a fresh process does. Each search
        asks it once, first: what it then remembers was counted in that version or a later one, which the next
        search's check drops."""
        found = self.call(lambda c: c.indices.get_mapping(index=self.alias, filter_path=VERSION_FILTER), read=True)
        if not (isinstance(found, dict) and all(isinstance(mapping, dict) and isinstance(mapping.get("mappings"), dict)
                                                for mapping in found.values())):  # each search's first request
            raise self.not_opensearch("a mapping request answered with JSON of another shape")
        if not found:  # the alias names indices none of which has Warta's id field (VERSION_FILTER)
            raise IndexMissingError(f"no Warta index in the OpenSearch cluster at {self.url}: the alias {self.alias} "
                                    "names none; run `warta reindex --backend opensearch` first")
        version = IndexVersion.of_mappings(found)
        with self._caches_lock:
            if self._caches.version != version:
                self._caches = _IndexCaches(version, _Frequencies(self))
        return version

    def current_version(self) -> IndexVersion:
        """checked_version, or no index (IndexVersion()) when there is none. A cluster that cannot be reached is
        BackendUnavailableError: a page's ETag asks first, and a search after it would wait a deadline again."""
        try:
            return self.checked_version()
        except BackendUnavailableError:
            raise
        except WartaError:
            return IndexVersion()

    @property
    def version(self) -> str:
        return str(self.current_version())

    def published_at(self) -> datetime:
        """When the last update wrote into the index, else when the index was created."""
        version = self.current_version()
        if not version.indices:
            return datetime.fromtimestamp(0, tz=timezone.utc)
        if version.stamps[0]:
            return datetime.strptime(version.stamps[0], STAMP_FORMAT).replace(microsecond=0, tzinfo=timezone.utc)
        name = version.indices[0]
        settings = self.call(lambda c: c.indices.get_settings(index=name, name="index.creation_date"))
        created = int(next(iter(settings.values()))["settings"]["index"]["creation_date"])
        return datetime.fromtimestamp(created // 1000, tz=timezone.utc)

    def stamp_update(self, index: str) -> None:
        """Mark the live `index` as written by an update (its IndexVersion changes): every reader drops what it
        remembers of it at its next search."""
        meta = {"warta_format": FORMAT, UPDATED_META: f"{datetime.now(timezone.utc):{STAMP_FORMAT}}"}
        self.call(lambda c: c.indices.put_mapping(index=index, body={"_meta": meta}))

    def close(self) -> None:
        self.client.close()

    # -- reindex ----------------------------------------------------------------------------------
    def reindex(self, paths: Iterable[str], progress: Callable[[int], object] | None = None, full: bool = True,
                notice: Callable[[str], None] | None = None, options: ReadOptions = DEFAULT_OPTIONS):
        """Bring the alias's index in line with the articles under `paths`: an update of the live index
        unless `full` (or there is none to update, saying why), else a new index bulk-loaded and swapped in."""
        from ..indexer import BuildReport, files_read_again, listed_sources, no_sources
        from .opensearch_update import update_live

        started = time.perf_counter()
        report = BuildReport.listing(self.url, options)
        say = notice or report.notices.append
        paths = list(paths)
        sources, walked = listed_sources(paths, options, report)
        if not sources and not walked.unlisted:
            raise no_sources(paths, report)
        with ClusterLease(self, say) as lease:  # one reindex per alias, across machines
            self._remove_abandoned(say)
            live = None if full else self._updatable(say)
            if live is not None:
                update_live(self, live, sources, report, say, progress, options, walked)
                report.generation = live
            else:
                if not full:  # rebuilt in full: the live index's files outside these paths are read again
                    sources = [*sources, *files_read_again(self._live_manifest(), sources, walked,
                                                           options.reading_key(), report, say)]
                report.generation = self._build(sources, report, say, progress, options, lease.check)
        report.seconds = time.perf_counter() - started
        return report

    def _remove_abandoned(self, say: Callable[[str], None]) -> None:
        """Delete the generations (`<alias>.g<stamp>`) and manifests the alias does not name: what a reindex killed before
        its swap left (a `--full` one killed half-way leaves its partial index). Called holding the reindex lease,
        so no live reindex is writing them; the index the alias names is never one of them, and with no alias
        (nothing live to tell them from) nothing is deleted here: the full build that follows swaps, then deletes."""
        from .opensearch_update import manifest_name

        live = set(self.current_version().indices)
        if not live:
            return
        kept = live | {manifest_name(self.alias, name) for name in live}
        abandoned = sorted(set(self._index_sizes()) - kept, key=lambda name: (".files." in name, name))
        if not abandoned:
            return
        self.call(lambda c: c.indices.refresh(index=",".join(abandoned), ignore_unavailable=True, ignore=[404]))
        counts = self._index_sizes()  # what they hold, searchable now: a killed build's last writes were not
        newest = max(live)
        for name in abandoned:
            size = str(counts.get(name))
            articles = "" if ".files." in name or not size.isdigit() else \
                f" ({int(size):,} article{'' if size == '1' else 's'})"
            previous = ".files." not in name and name < newest  # a generation's name is its time
            if ".files." in name:
                self.call(lambda c, name=name: c.indices.delete(index=name, ignore=[404]))
            elif not self._delete_unread(name, time.monotonic()):
                say(f"kept the index {name}: an export is still reading it; a later reindex deletes it")
                continue
            left = "an export was reading when a reindex replaced it" if previous else \
                "a reindex that did not finish left"
            say(f"deleted the index {name}{articles}, which {left}")

    def _delete_unread(self, name: str, waits_until: float) -> bool:
        """Delete the generation `name` once no point in time reads it (an export of the version it holds: its
        search contexts die with the index, trial 59 cut 1 export in ~100 running across a swap), waiting for
        them until `waits_until` (time.monotonic()); False, and `name` kept, when one still does then."""
        while True:
            found = self.call(lambda c: c.indices.stats(
                index=name, metric="search", ignore=[404],
                filter_path="indices.*.total.search.point_in_time_current"))
            reading = sum(stats.get("total", {}).get("search", {}).get("point_in_time_current", 0)
                          for stats in (found.get("indices") or {}).values()) if isinstance(found, dict) else 0
            if not reading:
                self.call(lambda c: c.indices.delete(index=name, ignore=[404]))
                return True
            if time.monotonic() >= waits_until:
                return False
            time.sleep(PIT_POLL_S)

    def _index_sizes(self) -> dict[str, str | None]:
        """The alias's generations and manifests (is_generation, is_manifest), each with its count of documents."""
        found = self.call(lambda c: c.cat.indices(index=f"{self.alias}.g*,{self.alias}.files.g*", format="json",
                                                  h="index,docs.count", ignore=[404]))
        return {row["index"]: row.get("docs.count") for row in found if isinstance(row, dict)
                and (is_generation(self.alias, row.get("index", "")) or is_manifest(self.alias, row.get("index", "")))
                } if isinstance(found, list) else {}

    def _live_manifest(self) -> dict[str, dict]:
        """The files the live index was built from, as its manifest lists them; {} when there is none."""
        from .opensearch_update import manifest_exists, manifest_name, read_manifest

        live = self.current_version().indices
        if len(live) != 1 or not manifest_exists(self, live[0]):
            return {}
        return read_manifest(self, manifest_name(self.alias, live[0]))

    def _updatable(self, say: Callable[[str], None]) -> str | None:
        """The live index when an update may write into it; None (saying why) when a full build must."""
        from .opensearch_update import manifest_exists

        live = self.current_version().indices
        if len(live) != 1:
            return None  # no index yet: a first build says nothing
        mapping = self.call(lambda c: c.indices.get_mapping(index=live[0]))[live[0]]["mappings"]
        fields = set(mapping.get("properties", {}))
        if mapping.get("_meta", {}).get("warta_format") != FORMAT or not manifest_exists(self, live[0]):
            say(f"the live index {live[0]} was written by an older Warta: rebuilding it in full")
            return None
        if set(index_settings(self.facets)["mappings"]["properties"]) != fields:
            say(f"the live index {live[0]} has other facets than {', '.join(self.facets.names)}: rebuilding it in full")
            return None
        return live[0]

    def _build(self, sources, report, say: Callable[[str], None], progress, options: ReadOptions,
               may_publish: Callable[[], None] = lambda: None) -> str:
        """Bulk-load every article into a new index, with its manifest of files, and move the alias onto it
        (unless `may_publish` raises: this reindex lost its lock)."""
        from .opensearch_update import create_manifest

        name = f"{self.alias}.g{datetime.now(timezone.utc):{STAMP_FORMAT}}"
        self.create_index(name)
        try:
            firsts: dict[str, int] = {}
            members: dict[str, list[str]] = {}
            stale: set[str] = set()
            manifest: dict[str, dict] = {}
            actions = self._actions(name, sources, options, report, progress, manifest, firsts, members, stale)
            for failed in self.bulk(actions):
                report.indexed -= 1
                report.errors.append(failed.rejection())
            self.call(lambda c: c.indices.refresh(index=name))
            self._update_story_firsts(name, firsts, members, sorted(stale))
            create_manifest(self, name, manifest)
            may_publish()
            self._swap(name, say)
        except BaseException:
            self._discard(name, say)
            raise
        return name

    def _discard(self, name: str, say: Callable[[str], None]) -> None:
        """Delete a new generation that will not be published, with its manifest. A cluster that cannot be
        reached (the build stopped because it went away) keeps them, saying so: the next reindex deletes them
        (_remove_abandoned), as it deletes what a killed reindex left."""
        from opensearchpy import exceptions

        from .opensearch_connection import deadline
        from .opensearch_update import manifest_name

        try:
            with deadline(DISCARD_DEADLINE_S):
                for index in (name, manifest_name(self.alias, name)):
                    self.call(lambda c, index=index: c.indices.delete(index=index, ignore=[404]))
        except (WartaError, exceptions.OpenSearchException) as error:
            say(f"the unfinished index {name} could not be deleted ({error}): the next reindex deletes it")

    def create_index(self, name: str, body: dict[str, Any] | None = None) -> None:
        """Create an index of this run (by default the new generation's), with every copy of its shards started
        before anything is written to it. The client retries a request whose node died before answering, so
        the retry may find the index the first attempt created: the name is this run's own, so that index is
        ours and the reindex goes on. A node that dies while the empty index's copies are still starting may
        take a shard's only copy with it (`no_valid_shard_copy`: the index is red for good, and the bulk load
        retried that shard for minutes, then lost its articles): such an index, still empty, is made again."""
        body = body or index_settings(self.facets, self.shards, self.replicas)
        for _ in range(CREATE_ATTEMPTS):
            self._create(name, body)
            if self._copies_started(name, body):
                return
            self.call(lambda c: c.indices.delete(index=name, ignore=[404]))
        raise BackendUnavailableError(f"the new index {name} lost a shard {CREATE_ATTEMPTS} times while it "
                                      "started: the OpenSearch cluster is losing nodes")

    def _create(self, name: str, body: dict[str, Any]) -> None:
        from opensearchpy import exceptions

        try:
            self.call(lambda c: c.indices.create(index=name, body=body), expected=(exceptions.RequestError,))
        except exceptions.RequestError as error:
            if error.error != "resource_already_exists_exception":
                raise self.warta_error(error) from None

    def _copies_started(self, name: str, body: dict[str, Any]) -> bool:
        """Wait, at most COPIES_READY_S, for every copy of the index's shards (green) when the cluster has a
        data node for each, else for the primaries (yellow); False when a primary is lost (red)."""
        replicas = body["settings"].get("number_of_replicas", 0)  # index_settings, the manifest's and the lock's
        nodes = self.call(lambda c: c.cluster.health())["number_of_data_nodes"]
        wanted = "green" if replicas and nodes > replicas else "yellow"
        health = self.call(lambda c: c.cluster.health(index=name, params={"wait_for_status": wanted,
                                                                          "timeout": f"{COPIES_READY_S}s"},
                                                      request_timeout=COPIES_READY_S + 10, ignore=408))
        return health.get("status") != "red"

    def _actions(self, name: str, sources, options: ReadOptions, report, progress, manifest: dict[str, dict],
                 firsts: dict[str, int], members: dict[str, list[str]], stale: set[str]) -> Iterator[dict]:
        """Bulk actions for every article, each read once: the same URL or text twice is one document, and a
        near copy joins its story (as the Whoosh indexer does). `manifest` collects each file read whole, with
        its fingerprint and documents; `firsts` each story's earliest date (`0` for undated stories),
        `members` the articles of stories with more than one (a story's id is its first article's); `stale`
        the stories whose earliest date came after some of their articles were sent."""
        from ..indexer import (SourceReading, another_text_warning, content_key, count_inputs, fingerprint,
                               manifest_entry, tell_planned)

        if progress is not None:
            tell_planned(progress, count_inputs(sources))  # a full build reads every source
        stories = StoryIndex()
        bodies: dict[str, str] = {}
        document_of_key: dict[str, str] = {}
        for source in sorted(sources, key=lambda path: str(path.resolve())):  # the Whoosh indexer's order
            report.files_read += 1
            print_ = fingerprint(source, None, options.reading_key())
            if isinstance(print_, Rejection):
                report.errors.append(print_)
                continue
            ids: dict[str, None] = {}
            reading = SourceReading(source, options, report, progress)
            for item in reading:
                key = content_key(item)
                existing = item.id if item.id in bodies else document_of_key.get(key)
                if existing:
                    report.duplicates += 1
                    if existing == item.id and document_of_key.get(key) != item.id:  # its URL's, another text
                        report.warnings.add(another_text_warning(item, source))
                    ids[existing] = None
                else:
                    bodies[item.id] = item.body
                    document_of_key[key] = item.id
                    ids[item.id] = None
                    report.indexed += 1
                    yield self._new_document(name, item, key, stories, bodies, report.indexed, firsts, members, stale)
            if reading.whole:
                manifest[str(source.resolve())] = manifest_entry(print_, list(ids),
                                                                 report.errors.count_in(str(source)))

    def _new_document(self, name: str, item: Article, key: str, stories: StoryIndex, bodies: dict[str, str],
                      order: int, firsts: dict[str, int], members: dict[str, list[str]], stale: set[str]) -> dict:
        """The bulk action of a new article, in the story it joins (see _actions for the last three)."""
        from .opensearch_update import key_strings

        prepared = stories.prepare(item.body)
        story = stories.assign(item.id, item.body, bodies.get, prepared)
        document = opensearch_document(item, story, self.facets, self.stems, order, key=key,
                                       story_keys=key_strings(prepared.keys))
        earliest = min(document[EARLIEST], firsts.get(story, UNDATED_LAST))
        if story != item.id:
            members.setdefault(story, [story]).append(item.id)
        if story in firsts and earliest != firsts[story]:
            stale.add(story)
        firsts[story] = earliest
        document[STORY_FIRST] = 0 if earliest == UNDATED_LAST else earliest
        return {"_index": name, "_id": item.id, "_source": document, ORIGIN: item.origin}

    def bulk(self, actions: Iterable[dict]) -> Iterator["BulkFailure"]:
        """Send actions in bulk; actions refused for a passing reason (no primary while a node leaves the
        cluster, a full queue) are sent again after a back-off, up to BULK_ROUNDS times; yields what still
        failed, without its document (BulkFailure). A chunk the client could send to no node (each tried in
        turn) is the cluster gone: BackendUnavailableError at once, not each of its actions and of every chunk
        after it listed as failed (trial 59: 2,868 lines, 30 MB, each with its whole document). An action may
        name where it was read (ORIGIN), which its failure names and the cluster is never sent."""
        from opensearchpy import exceptions, helpers

        pending: Iterable[dict] = actions
        for round_ in range(BULK_ROUNDS):
            recent: OrderedDict[str, dict] = OrderedDict()
            retry: list[dict] = []

            def remembered(stream):
                for action in stream:
                    recent[action["_id"]] = action
                    if len(recent) > 4 * BULK_CHUNK:  # results come back chunk by chunk, in order
                        recent.popitem(last=False)
                    yield {key: value for key, value in action.items() if key != ORIGIN}

            for ok, item in helpers.streaming_bulk(self.client, remembered(pending), chunk_size=BULK_CHUNK,
                                                   max_retries=5, initial_backoff=1, max_backoff=30,
                                                   raise_on_error=False, raise_on_exception=False,
                                                   request_timeout=120):
                if ok:
                    continue
                result = next(iter(item.values()))
                if isinstance(result.get("exception"), exceptions.ConnectionError):
                    raise self.warta_error(result["exception"]) from None
                if is_block(result.get("error")):  # the whole index or cluster, not this action: stop at once,
                    raise self.blocked(result.get("status"), result["error"])  # nothing of the update recorded
                action = recent.get(result.get("_id"))
                status = result.get("status", 500)
                if not isinstance(status, int):
                    status = 503  # `N/A` without a connection error: unavailable for now
                if action is not None and round_ < BULK_ROUNDS - 1 and (status >= 500 or status == 429):
                    retry.append(action)
                else:
                    yield BulkFailure.of(result, status, action)
            if not retry:
                return
            time.sleep(2 ** round_)
            pending = retry

    def _update_story_firsts(self, name: str, firsts: dict[str, int], members: dict[str, list[str]],
                             stale: list[str]) -> None:
        """Give every article of a story that gained an earlier article the story's final earliest date."""
        updates = ({"_op_type": "update", "_index": name, "_id": article_id,
                    "doc": {STORY_FIRST: 0 if firsts[story] == UNDATED_LAST else firsts[story]}}
                   for story in stale for article_id in members.get(story, [story]))
        failed = list(self.bulk(updates))
        if failed:
            raise BackendUnavailableError(f"{len(failed)} story dates could not be written: {failed[0]}")
        self.call(lambda c: c.indices.refresh(index=name))

    def _swap(self, name: str, say: Callable[[str], None]) -> None:
        """Point the alias at `name` in one request, then delete the Warta indices it no longer names."""
        holders = set(self.call(lambda c: c.indices.get_alias(name=self.alias, ignore=[404])))
        holders.discard("error")
        holders.discard("status")  # the 404 answer's keys, when no index holds the alias yet
        from .opensearch_update import manifest_name

        listed = set(self.call(lambda c: c.indices.get(index=f"{self.alias}.g*,{self.alias}.files.g*")))
        actions = [{"remove": {"index": old, "alias": self.alias}} for old in sorted(holders)]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.call(lambda c: c.indices.update_aliases(body={"actions": actions}))
        waits_until = time.monotonic() + PIT_WAIT_S
        for old in sorted((listed | holders) - {name}):
            if not is_generation(self.alias, old):
                if old in holders:  # put behind the alias by hand: no longer named, never deleted
                    say(f"the alias {self.alias} no longer names the index {old}, which is not a Warta generation: "
                        "kept")
                continue
            if self._delete_unread(old, waits_until):
                say(f"deleted the previous index {old}")
            else:
                say(f"kept the previous index {old}: an export is still reading it; the next reindex deletes it")
        for old in sorted(listed - {manifest_name(self.alias, name)}):
            if is_manifest(self.alias, old):
                self.call(lambda c, old=old: c.indices.delete(index=old, ignore=[404]))

    # -- search -----------------------------------------------------------------------------------
    def resolved(self, request):
        """The request with each selected value as stored: as the registry resolves it (`region=Lamsel`), then
        the values it names (`official=joko widodo`, `agency=kpk`, `official=suhajar`: named), as Whoosh's
        Generation.resolved; a value naming none is kept as typed, and selects nothing. A typed value stands for
        at most MAX_MATCHED_VALUES stored values found by its words (NAMED_CANDIDATES an acronym's units), so
        more than a request may type (`agency=dinas`): they are not checked against MAX_SELECTED again
        (SearchRequest.with_stored_values; a new request refused them, trial 59)."""
        selected = {name: tuple(dict.fromkeys(stored for value in values
                                              for stored in self.named(name, value) or (value,)))
                    for name, values in self.facets.selection(request.selected).items()}
        return request.with_stored_values(selected)

    def named(self, facet: str, typed: str) -> tuple[str, ...]:
        """The stored values of `facet` a typed value names, as facet_aliases.named_values finds them in a
        Whoosh generation: the value itself when stored, else its stored forms in any case; else the value a
        nickname, acronym or short form stands for (an agency's region-qualified units too: `dinkes` is every
        `Dinas Kesehatan …`); else the values holding every typed word, the MAX_MATCHED_VALUES in most articles.
        Not the words of values' other names nor a person's other forms (README). None: (). Remembered per
        index version, FORMS_KEPT typed values."""
        declared = self.facets.get(facet)
        if declared.known_names is not None:  # codes: the registry resolved them
            return (typed,)
        caches = self._caches
        key = (facet, typed)
        with self._caches_lock:
            if key in caches.forms:
                caches.forms.move_to_end(key)
                return caches.forms[key]
        wanted = " ".join(typed.split())
        found = self._in_any_case(declared.index_field, wanted) if wanted else ()
        if wanted in found:  # stored as typed: that value alone, as Whoosh keeps a stored value
            found = (wanted,)
        meant = meant_value(facet, wanted) if wanted and not found else wanted
        if meant != wanted:  # an agency with its units a region qualifies (`Dinas Kesehatan Kota Bekasi`)
            units = facet == AGENCY
            query = {"term": {declared.index_field: meant}}
            if units:
                query = {"bool": {"should": [query, {"prefix": {declared.index_field: meant + " "}}]}}
            found = self._values_of(declared.index_field, query, _as_written_pattern(meant, units))
        if wanted and not found:
            found = self._holding(facet, declared.index_field, wanted)
        if wanted and not found:  # among the values' other names' words too (`agency=polres`, `pemkab`)
            found = self._holding_aliased(facet, declared.index_field, wanted)
        with self._caches_lock:
            caches.forms[key] = found
            while len(caches.forms) > FORMS_KEPT:
                caches.forms.popitem(last=False)
        return found

    def _in_any_case(self, field: str, value: str) -> tuple[str, ...]:
        """The stored values of `field` equal to `value` but for case."""
        if value.lower() == value.upper():  # nothing to fold
            return self._values_of(field, {"term": {field: value}}, _as_written_pattern(value))
        return self._values_of(field, {"term": {field: {"value": value, "case_insensitive": True}}},
                               _any_case_pattern(value), CASE_FORMS, {"_key": "asc"})

    def _values_of(self, field: str, query: dict[str, Any], include: str, size: int = NAMED_CANDIDATES,
                   order: Any = BY_FREQUENCY) -> tuple[str, ...]:
        """The values of `field` matching the regular expression `include` in the documents `query` finds, at
        most `size`, in `order`: by default those in most documents first (ties in stored order, as
        FacetTable.by_frequency)."""
        body = {"size": 0, "query": query, "aggs": {"values": {"terms": {
            "field": field, "include": include, "size": size, "order": order}}}}
        answer = self.call(lambda c: c.search(index=self.alias, body=body), read=True)
        return tuple(bucket["key"] for bucket in answer["aggregations"]["values"]["buckets"])

    def _holding(self, facet: str, field: str, typed: str) -> tuple[str, ...]:
        """The values holding every word of `typed` as ValueWords.holding reads words (a person's without
        punctuation: `a` is a word of `A. Halim`), most frequent first: the documents whose lower-case
        whitespace words hold each typed word, their values checked word by word here."""
        people = facet in PEOPLE
        words = list(dict.fromkeys(value_words(typed) if people else typed.casefold().split()))
        if not words:
            return ()
        # a person's word inside a token (`a` in `a.`, `pr` in `pu-pr`); another facet's words are its tokens
        own = "(.*[^a-z0-9])?{}([^a-z0-9].*)?" if people else "(.* )?{}( .*)?"
        longest = max(words, key=len)  # the values listed must hold it, in any case
        candidates = self._values_of(field, {"bool": {"filter": [
            {"regexp": {f"{field}.words": own.format(_as_written_pattern(word))}} if people
            else {"term": {f"{field}.words": word}} for word in words]}},
            own.replace("a-z", "a-zA-Z").format(_any_case_pattern(longest)))
        return tuple(ValueWords(facet, candidates).holding(typed))

    def _holding_aliased(self, facet: str, field: str, typed: str) -> tuple[str, ...]:
        """The values holding every word of `typed` among their own and their other names' words (alias_words:
        `polres` is every Kepolisian Resor …, `lamsel` Kabupaten Lampung Selatan's agencies), as ValueWords
        finds them in a Whoosh generation, of the NAMED_CANDIDATES values in most articles (one request); at
        most MAX_MATCHED_VALUES."""
        candidates = self._values_of(field, {"match_all": {}}, ".*")
        return tuple(ValueWords(facet, candidates).holding(typed, aliased=True))

    def _query(self, request, parsed):
        spelling = _Spelling(self)
        builder = _OpenSearchQueryBuilder(self.frequencies, dict.fromkeys(self.facets.names), stems=self.stems,
                                          registry=self.facets,  # facet filters need names, not count tables
                                          spell=spelling.spellings, named=self.named)
        built = builder.build(parsed.with_said(request.said), {}, request.start, request.end,
                              selecting=any(request.selected.values()), relax=request.match != "all")
        filters = [self._filter(query) for query in built.filters]
        built = _Expander(self).expanded(built, Expansions(), builder, spelling,
                                         lambda excluded: self._finds_nothing(filters, excluded))
        built.unsearched = unsearched_units(built.strong_units, built.expansions, request.match != "all")
        scored = self.translate(built.scored) if built.scored is not None else {"match_all": {}}
        period = [self.translate(built.period)] if built.period is not None else []
        return {"bool": {"must": [scored], "filter": filters + period}}, built, filters, period

    def _relaxation(self, request, built: BuiltQuery, filters: list[dict[str, Any]],
                    complete: int) -> Relaxation | None:
        """The tier the matching strategy settles on for the query and its own `filters` (selections and the
        request's period narrow it afterwards, as in Whoosh), from one request counting the hits of each; None
        when the strategy is off (match=all), `complete` hits (selections and period applied, so the query alone
        finds as many) hold every unit already, the query cannot lose a unit, or losing one finds nothing more."""
        if request.match == "all" or complete >= RELAX_BELOW or not built.units:
            return None
        plan = Relaxation.split(built, self.translate)
        lowest = plan.lowest(len(built.strong_units))
        if lowest >= len(plan.droppable):
            return None
        fewest = min(lowest, FEWEST_HELD)  # what a query no article holds half of may fall back to
        body = {"size": 1, "_source": False, "track_total_hits": False, "aggs": plan.tier_counts(fewest),
                "query": plan.probe(filters, self._excluded(built), fewest)}
        answer = self.call(lambda c: c.search(index=self.alias, body=body), read=True)
        if not answer["hits"]["hits"]:
            return None
        chosen = plan.chosen(answer["aggregations"], lowest, answer["hits"]["max_score"])
        return chosen if chosen.relaxed else None

    def _finds_nothing(self, filters: list[dict[str, Any]], excluded: wq.Query | None) -> bool:
        """Whether the query's `filters`, less what `excluded` excludes, leave no article (one count): where
        Generation._masks reads no more of the query."""
        if not filters and excluded is None:
            return False
        must_not = [self.translate(excluded)] if excluded is not None else []
        body = {"query": {"bool": {"filter": filters, "must_not": must_not}}}
        return self.call(lambda c: c.count(index=self.alias, body=body), read=True)["count"] == 0

    def _excluded(self, built: BuiltQuery) -> dict[str, Any] | None:
        return self.translate(built.excluded) if built.excluded is not None else None

    def word_counts(self, body: dict[str, Any]) -> dict[str, Any]:
        """A search aggregating the surface fields' words (_Expander); an index made before their field data
        was mapped has it switched on first (a mapping update: the documents stay as they are)."""
        from opensearchpy import exceptions

        try:
            return self.call(lambda c: c.search(index=self.alias, body=body), read=True,
                             expected=(exceptions.RequestError,))
        except exceptions.RequestError as error:
            if "fielddata" not in str(error):
                raise self.warta_error(error) from None
        self.call(lambda c: c.indices.put_mapping(index=self.alias, body={"properties": surface_mappings()}))
        return self.call(lambda c: c.search(index=self.alias, body=body), read=True)

    def protected_words(self) -> frozenset[str]:
        """Stop words, gazetteer places and names (of the index's officials too): what spelling keeps, as the
        Whoosh generation's is_protected; the officials' words are read once per index version (_IndexCaches,
        checked by the search asking)."""
        caches = self._caches
        if caches.protected is None:
            words = gazetteer_words()
            if OFFICIAL in self.facets:
                body = {"size": 0, "aggs": {"values": {"terms": {"field": self.facets.get(OFFICIAL).index_field,
                                                                 "size": OFFICIAL_VALUES_READ}}}}
                answer = self.call(lambda c: c.search(index=self.alias, body=body), read=True)
                words = words | name_words(b["key"] for b in answer["aggregations"]["values"]["buckets"])
            caches.protected = words
        return caches.protected

    def _suggestion(self, request, parsed, built: _Expanded, selections: dict[str, dict[str, Any]],
                    total: int) -> str | None:
        """As the Whoosh generation's: the query respelled (generation.respelled_text) when it finds more than
        `total` articles, every word of it held (one count)."""
        if built.builder is None or built.spelling is None:
            return None
        suggested = respelled_text(request.q, parsed, built.builder.reader, total, built.spelling.best)
        if suggested is None:
            return None
        respelled = built.builder.build(parse(suggested), {}, request.start, request.end,
                                        selecting=any(request.selected.values()), relax=request.match != "all")
        respelled = built.expander.expanded(respelled, Expansions())
        scored = [self.translate(respelled.scored)] if respelled.scored is not None else []  # as `combined()`
        narrowing = [self._filter(query) for query in respelled.filters]
        narrowing += [self.translate(respelled.period)] if respelled.period is not None else []
        body = {"query": {"bool": {"must": scored, "filter": narrowing + list(selections.values())}}}
        found = self.call(lambda c: c.count(index=self.alias, body=body), read=True)["count"]
        return suggested if found > total else None

    def _filter(self, query: wq.Query) -> dict[str, Any]:
        if isinstance(query, wq.Not):  # `-official:x`
            return {"bool": {"must_not": [self._filter(query.query)]}}
        if isinstance(query, wq.Or):  # `official:jokowi OR official:ganjar`
            return {"bool": {"should": [self._filter(q) for q in query.subqueries], "minimum_should_match": 1}}
        if isinstance(query, _FacetValues):
            return {"terms": {query.fieldname: query.values}} if query.values else {"match_none": {}}
        return self.translate(query)

    def _selections(self, selected: dict[str, tuple[str, ...]]) -> dict[str, dict[str, Any]]:
        return {name: {"terms": {self.facets.get(name).index_field: list(values)}}
                for name, values in selected.items() if values}

    def search(self, request) -> dict[str, Any]:
        started = time.perf_counter()
        self.checked_version()
        request = self.resolved(request)
        parsed = parse(request.q)
        query, built, filters, period = self._query(request, parsed)
        selections = self._selections(request.selected)
        by_date = request.sort == "date" or built.scored is None
        body = self._body(request, query, selections, by_date, False)
        answer = self._search(body)
        complete = answer["hits"]["total"]["value"]
        relaxation = self._relaxation(request, built, filters, complete)
        if relaxation is not None:
            query = relaxation.query(filters + period, self._excluded(built), by_date)
            body = self._body(request, query, selections, by_date, True)
            answer = self._search(body)
        self._count_stories(body, answer)
        evaluation = self._evaluation(request, parsed, built, answer, relaxation, complete)
        evaluation.suggestion = self._suggestion(request, parsed, built, selections,
                                                 0 if built.respelled else complete)
        return search_result(request, evaluation, (time.perf_counter() - started) * 1000, self.facets)

    def _search(self, body: dict[str, Any]) -> dict[str, Any]:
        return self.search_answer(self.call(lambda c: c.search(index=self.alias, body=body,
                                                              allow_partial_search_results=False), read=True))

    def _body(self, request, query: dict[str, Any], selections: dict[str, dict[str, Any]], by_date: bool,
              tiered: bool) -> dict[str, Any]:
        """A search's request: the page of hits, its facets, months and story count."""
        body: dict[str, Any] = {
            "query": query, "track_total_hits": True,
            "from": (request.page - 1) * request.per_page, "size": request.per_page,
            "sort": _sort(by_date, request.collapse, tiered),
            "_source": ["stored"],
            "aggs": {**self._facet_aggregations(request, selections),
                     "months": {"filter": _all(selections.values()),
                                "aggs": {"by_month": {"date_histogram": {"field": "date", "calendar_interval": "month",
                                                                         "format": "yyyyMM", "min_doc_count": 1}}}}},
        }
        if selections:
            body["post_filter"] = _all(selections.values())
        if request.collapse:
            body["collapse"] = {"field": "story", "inner_hits": {
                "name": "versions", "size": MAX_DUPLICATES + 1, "_source": ["stored"],
                "sort": [{EARLIEST: "asc"}, {ORDER: "asc"}]}}
            body["aggs"]["stories"] = {"filter": _all(selections.values()), "aggs": {"count": {
                "cardinality": {"field": "story", "precision_threshold": PRECISE_STORY_COUNT}}}}
        return body

    def _count_stories(self, body: dict[str, Any], answer: dict[str, Any]) -> None:
        """The collapsed search's story count made exact, in place, when at most STORIES_COUNTED articles match:
        `cardinality` is HyperLogLog++, which hashes each story and counts the hashes, so two stories whose
        hashes collide count once even below its precision threshold (shared corpus: 3,856 stories of 3,857 for
        `q=`, two story ids colliding). On the last page the stories are those before it and on it; elsewhere one
        more request lists them as terms and counts them, only when the estimate is below the articles found (it
        never counts more stories than there are)."""
        if "collapse" not in body:
            return
        counted = answer["aggregations"]["stories"]["count"]
        articles = answer["hits"]["total"]["value"]
        if counted["value"] >= articles:
            return
        shown = len(answer["hits"]["hits"])
        if shown < body["size"] and (shown or not body["from"]):  # the last page: every story is before or on it
            counted["value"] = body["from"] + shown
            return
        if articles > STORIES_COUNTED:
            return
        query = body["query"]
        if "post_filter" in body:
            query = {"bool": {"must": [query], "filter": [body["post_filter"]]}}
        exact = {"size": 0, "track_total_hits": False, "query": query,
                 "aggs": {"stories": {"terms": {"field": "story", "size": STORIES_COUNTED}},
                          "count": {"stats_bucket": {"buckets_path": "stories>_count"}}}}
        found = self.call(lambda c: c.search(index=self.alias, body=exact, filter_path="aggregations.count.count",
                                             allow_partial_search_results=False), read=True)
        counted["value"] = found["aggregations"]["count"]["count"]

    def _facet_aggregations(self, request, selections: dict[str, dict]) -> dict[str, Any]:
        """Per facet: its values counted under every selection but its own; a nested facet's top values, and
        the values under each expanded one."""
        aggregations = {}
        for facet in self.facets:
            others = _all(query for name, query in selections.items() if name != facet.name)
            selected = request.selected.get(facet.name, ())
            inner = {"values": _terms(facet, request.facet_size, _top_level if facet.nested else None)}
            always = _always_listed(facet, selected)
            if always:  # counted whether or not among the top values (a `terms` bucket lists only those)
                inner["selected"] = {"filters": {"filters": [{"term": {facet.index_field: value}} for value in always]}}
            if facet.nested:
                for parent in sorted({facet.parent(value) or value for value in selected}):
                    inner[f"children:{parent}"] = _terms(facet, request.facet_size, _children_of(parent))
            aggregations[f"facet:{facet.name}"] = {"filter": others, "aggs": inner}
        return aggregations

    def _evaluation(self, request, parsed, built, answer: dict[str, Any], relaxation: Relaxation | None,
                    complete: int) -> Evaluation:
        hits = answer["hits"]["hits"]
        total_articles = answer["hits"]["total"]["value"]
        aggregations = answer["aggregations"]
        facets = {facet.name: self._counts(facet, aggregations[f"facet:{facet.name}"],
                                           request.selected.get(facet.name, ())) for facet in self.facets}
        months = [(int(b["key_as_string"]), b["doc_count"]) for b in aggregations["months"]["by_month"]["buckets"]]
        page = [hit["_source"]["stored"] for hit in hits]
        duplicates = [[inner["_source"]["stored"] for inner in hit.get("inner_hits", {}).get("versions", {})
                       .get("hits", {}).get("hits", []) if inner["_id"] != hit["_id"]][:MAX_DUPLICATES]
                      for hit in hits] if request.collapse else [[] for _ in hits]
        total = aggregations["stories"]["count"]["value"] if request.collapse else total_articles
        words = highlight_words(parsed, built)
        labels = [unit.label for unit in built.strong_units]
        held = [held_units(labels, relaxation.holds(hit) if relaxation is not None else [True] * len(labels),
                           built.unsearched, built.expansions, stored) for hit, stored in zip(hits, page)]
        return Evaluation(total, page, facets, months, None, words, None, searched_prefixes(parsed),
                          built.expansions.describe(), total_articles, duplicates, self.stems.stem,
                          complete < total_articles, held, list(built.unsearched))

    @staticmethod
    def _counts(facet: Facet, aggregation: dict[str, Any], selected: tuple[str, ...]) -> list[FacetCount]:
        """A facet's values as FacetTable.counts lists them: the top ones, most frequent first, then each value
        listed always (_always_listed) that is not among them, with its own count (its `selected` filter: trial
        59 showed `agency=bnpb` as 0 where it selects 9 articles)."""
        always = _always_listed(facet, selected)
        counted = dict(zip(always, (bucket["doc_count"] for bucket in aggregation.get("selected", {})
                                    .get("buckets", []))))

        def listed(buckets: list[dict], wanted: list[str]) -> list[tuple[str, int]]:
            found = [(bucket["key"], bucket["doc_count"]) for bucket in buckets]
            shown = {value for value, _ in found}
            return found + [(value, counted.get(value, 0)) for value in wanted if value not in shown]

        if not facet.nested:
            return [FacetCount(v, c) for v, c in listed(aggregation["values"]["buckets"], list(selected))]
        expanded = sorted({facet.parent(value) or value for value in selected})
        counts = []
        for value, count in listed(aggregation["values"]["buckets"], expanded):
            children = aggregation.get(f"children:{value}")
            chosen = [s for s in selected if facet.parent(s) == value]
            nested = listed(children["buckets"], chosen) if children is not None else []
            counts.append(FacetCount(value, count, tuple(FacetCount(v, c) for v, c in nested)))
        return counts

    def facet_values(self, facet: str, request, prefix: str = "", size: int = 20) -> dict[str, Any]:
        if facet not in self.facets:
            raise NotFoundError(f"no facet named {shown(facet)}; facets: {', '.join(self.facets.names)}")
        declared = self.facets.get(facet)
        self.checked_version()
        request = self.resolved(request)
        query, built, filters, period = self._query(request, parse(request.q))
        selections = self._selections(request.selected)
        if request.match != "all" and built.units:  # the values of the articles the search itself lets through
            counted = {"query": {"bool": {"must": [query], "filter": list(selections.values())}}}
            complete = self.call(lambda c: c.count(index=self.alias, body=counted), read=True)["count"]
            relaxation = self._relaxation(request, built, filters, complete)
            if relaxation is not None:
                query = relaxation.query(filters + period, self._excluded(built), by_date=True)
        others = _all(q for name, q in selections.items() if name != facet)
        body = {"size": 0, "query": {"bool": {"must": [query], "filter": [others]}},
                "aggs": {"values": {"terms": {"field": declared.index_field, "size": 10_000 if prefix else size,
                                              "order": [{"_count": "desc"}, {"_key": "asc"}]}}}}
        answer = self.call(lambda c: c.search(index=self.alias, body=body), read=True)
        buckets = answer["aggregations"]["values"]["buckets"]
        wanted = prefix.strip()
        meant = prefix_value(declared, wanted)
        counts = [(b["key"], b["doc_count"]) for b in buckets if not wanted or typed_into(
            b["key"], wanted, declared.display, lambda v: alias_words(facet, v), meant)]
        return facet_values_result(declared, prefix, counts[:size], request.selected.get(facet, ()))

    def article(self, article_id: str) -> dict[str, Any]:
        query = {"query": {"term": {ID_FIELD: article_id}}, "size": 1, "_source": ["stored"]}
        answer = self.search_answer(self.call(lambda c: c.search(index=self.alias, body=query), read=True))
        found = answer["hits"]["hits"]
        if not found:
            raise NotFoundError(f"no article with id {shown(article_id)}")
        stored = found[0]["_source"]["stored"]
        versions = self.call(lambda c: c.search(index=self.alias, body={
            "query": {"term": {"story": stored.get("story") or article_id}}, "size": MAX_STORY_VERSIONS,
            "_source": ["stored"], "sort": [{EARLIEST: "asc"}, {ORDER: "asc"}]}),
            read=True)
        return article_result(stored, [hit["_source"]["stored"] for hit in versions["hits"]["hits"]])

    def export(self, request, limit: int = EXPORT_LIMIT) -> Iterator[dict[str, Any]]:
        """Every hit of a search (at most `limit`) as export rows, one version of the index throughout: pages
        of a point in time, each after the last hit of the one before (search_after), hits only. An update
        writing into the live index meanwhile neither repeats nor drops a row (it did with a search per page),
        and a page costs the same however deep (3,857 rows took 4.8-8.6 s, every page a whole search with
        facets at a deeper offset). Collapsing, which OpenSearch 2.19 cannot do with search_after, keeps the
        first hit of each story in the search's order: the hit its collapse shows. The query is prepared as a
        search prepares it (its words, its tier: _relaxation), counted in the point in time. The point in time
        is closed when the rows end or the iterator is closed."""
        limit = min(limit, EXPORT_LIMIT)
        self.checked_version()
        request = self.resolved(request)
        query, built, filters, period = self._query(request, parse(request.q))
        selections = list(self._selections(request.selected).values())
        by_date = request.sort == "date" or built.scored is None
        opened = self.call(lambda c: c.create_pit(index=self.alias, keep_alive=EXPORT_KEEP_ALIVE), read=True)
        pit = {"id": opened["pit_id"], "keep_alive": EXPORT_KEEP_ALIVE}
        try:
            body = {"query": {"bool": {"must": [query], "filter": selections}}, "size": EXPORT_PAGE,
                    "sort": [*_sort(by_date, request.collapse), {ID_FIELD: "asc"}], "_source": ["stored"], "pit": pit,
                    "track_total_hits": True}
            answer = self._search_pit(body)
            relaxation = self._relaxation(request, built, filters, answer["hits"]["total"]["value"])
            body["track_total_hits"] = False
            if relaxation is not None:
                body["query"] = {"bool": {"must": [relaxation.query(filters + period, self._excluded(built), by_date)],
                                          "filter": selections}}
                body["sort"] = [*_sort(by_date, request.collapse, True), {ID_FIELD: "asc"}]
                answer = self._search_pit(body)
            stories: set[str] = set()
            rows = 0
            while True:
                hits = answer["hits"]["hits"]
                for hit in hits:
                    stored = hit["_source"]["stored"]
                    story = stored.get("story") or stored["id"]
                    if request.collapse:
                        if story in stories:
                            continue
                        stories.add(story)
                    yield export_row(stored)
                    rows += 1
                    if rows >= limit:
                        return
                if len(hits) < EXPORT_PAGE:
                    return
                pit["id"] = answer.get("pit_id", pit["id"])
                answer = self._search_pit({**body, "search_after": hits[-1]["sort"]})
        finally:
            self._close_pit(pit["id"])

    def _search_pit(self, body: dict[str, Any]) -> dict[str, Any]:
        """A search of a point in time (`body["pit"]`): no index is named."""
        return self.call(lambda c: c.search(body=body, allow_partial_search_results=False), read=True)

    def _close_pit(self, pit_id: str) -> None:
        """Close an export's point in time; one left open (the cluster unreachable) expires after
        EXPORT_KEEP_ALIVE."""
        from opensearchpy import exceptions

        try:
            self.client.delete_pit(body={"pit_id": [pit_id]})
        except exceptions.OpenSearchException:
            pass


def _sort(by_date: bool, collapse: bool, tiered: bool = False) -> list:
    """Whoosh's order: by date, newest first (collapsed: stories by their earliest article, which stands for
    them), or by score; ties to the article read first. A relaxed search sorted by date puts the tiers first
    (Relaxation scores by tier alone then)."""
    if not by_date:
        return ["_score", {ORDER: "asc"}]
    tiers = ["_score"] if tiered else []
    if collapse:
        return [*tiers, {STORY_FIRST: "desc"}, {EARLIEST: "asc"}, {ORDER: "asc"}]
    return [*tiers, {DATE_NUMBER: "desc"}, {ORDER: "asc"}]


def _rewrite(query: wq.MultiTerm) -> str:
    return "constant_score" if query.constantscore else "scoring_boolean"


def _all(queries: Iterable[dict[str, Any]]) -> dict[str, Any]:
    queries = list(queries)
    return {"bool": {"filter": queries}} if queries else {"match_all": {}}


def _terms(facet: Facet, size: int, include: str | None) -> dict[str, Any]:
    terms: dict[str, Any] = {"field": facet.index_field, "size": size,
                             "order": [{"_count": "desc"}, {"_key": "asc"}]}
    if include is not None:
        terms["include"] = include
    return {"terms": terms}


def _always_listed(facet: Facet, selected: tuple[str, ...]) -> list[str]:
    """The values a facet lists whatever their count: the selected ones, and a nested facet's expanded parents."""
    parents = sorted({facet.parent(value) or value for value in selected}) if facet.nested else []
    return list(dict.fromkeys([*selected, *parents]))


_top_level = "[^.]+"  # region codes without a dot: provinces


def _children_of(parent: str) -> str:
    """Codes one level under `parent` (`18` -> `18.01`, `18.71`), as a Lucene regular expression."""
    return re.escape(parent) + r"\.[^.]+"
