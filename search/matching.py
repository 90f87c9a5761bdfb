"""Evaluate a Whoosh query over every document at once with numpy: which documents match and their BM25F scores.

Whoosh stays the index of record; what it does one posting at a time in Python (enumerating matches, scoring
each, counting facets per hit) is done here on arrays. A term's postings are scored once per index generation
into two arrays (document numbers, BM25F score) and kept, least recently used first out, within a byte
budget, so the frequent terms of an archive cost a dictionary look-up per query; the postings themselves
are read once per segment (segments.py), so a new generation reads only its new segment. Scores follow Whoosh's
BM25F (same idf, average field length, quantised field lengths and B/K1), so rankings agree with Whoosh's.
Stems are not indexed: a StemTerm is scored as if the stem had been indexed in place of its words (the sum
of their frequencies in each document).
"""

from __future__ import annotations

import math
import threading
import time
from array import array
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from whoosh import query as wq
from whoosh import scoring

from .analysis import Stems
from .errors import BadQueryError, QueryTooCostlyError
from .fairlock import FairLock
from .schema import DATE_NUMBER
from .segments import (ArrayCache, CheckedQuery, SegmentMemo, live_documents, no_deadline, phrase_postings,
                       read_postings, segment_lengths)
from .wordtables import segment_lexicon

CACHE_BYTES = 96 << 20  # postings kept per generation; 8 bytes per posting
MAX_TERMS_PER_EXPANSION = 200  # a prefix or fuzzy word searches at most its this many most frequent words
MAX_EXPANDED_TERMS = 1_000  # and all of a query's prefixes and fuzzy words together at most this many
MAX_EXPANDED_POSTINGS = 1_000_000  # ... whose documents (postings) together are at most this many
LAST_CHARACTER = chr(0x10FFFF)  # sorts after every word that starts with a given prefix
EXPANSIONS_KEPT = 256  # expansions (prefix or fuzzy word -> its most frequent words) kept per generation
DEFAULT_B, DEFAULT_K1 = 0.75, 1.2
NO_DOCUMENTS = np.zeros(0, dtype=np.int32)
NO_WEIGHTS = np.zeros(0, dtype=np.float32)


@dataclass
class Match:
    """One (sub)query over all documents: a mask of those it matches and their scores (0 elsewhere)."""

    mask: np.ndarray  # bool per document
    scores: np.ndarray  # float32 per document


def _matching_documents(query: wq.Query, searcher) -> tuple[np.ndarray, np.ndarray]:
    """The documents of one segment's searcher that Whoosh's matcher for `query` finds (no scores)."""
    ids = array("i")
    matcher = query.matcher(searcher, searcher.context())
    while matcher.is_active():
        ids.append(matcher.id())
        matcher.next()
    return np.frombuffer(ids, dtype=np.int32), NO_WEIGHTS


class StemTerm(wq.Query):
    """Any word of a surface field whose stem is `text`, scored as one term. Stems are not indexed, so this is
    the evaluator's own query type: Whoosh cannot run it (`words` turns it into the words for Whoosh)."""

    def __init__(self, fieldname: str, text: str, boost: float = 1.0) -> None:
        self.fieldname = fieldname
        self.text = text
        self.boost = boost

    def __eq__(self, other) -> bool:
        return (type(other) is type(self) and other.fieldname == self.fieldname and other.text == self.text
                and other.boost == self.boost)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.fieldname, self.text, self.boost))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.fieldname!r}, {self.text!r}, boost={self.boost!r})"

    def is_leaf(self) -> bool:
        return True

    def words(self, groups: "StemGroups") -> wq.Query:
        """The same match as a Whoosh query: any of the words with this stem (`groups`: the field's)."""
        found = groups.get(self.text, [])
        return wq.Or([wq.Term(self.fieldname, word) for word in found], boost=self.boost) if found else wq.NullQuery

    def matcher(self, searcher, context=None):
        raise TypeError("a StemTerm is evaluated by matching.Evaluator; for Whoosh, use .words(groups)")


@dataclass
class Expansions:
    """One search's budget of words that prefixes and fuzzy words expand to, and what the caps cut."""

    per_expansion: int = MAX_TERMS_PER_EXPANSION
    total: int = MAX_EXPANDED_TERMS
    postings: int = MAX_EXPANDED_POSTINGS
    used: int = 0
    postings_used: int = 0
    deadline: float | None = None  # time.thread_time() after which reading more postings is refused
    capped: dict[str, dict[str, int]] = field(default_factory=dict)  # "me*" -> {"found": 5123, "searched": 200}
    _matches: dict[tuple, tuple] = field(default_factory=dict)  # an expansion asked twice: (documents, scores)

    def take(self, label: str, ranked: list[tuple[str, int]], found: int) -> list[str]:
        """The first of `ranked` (word, documents; most frequent first) that the caps leave, in lexicon order: at
        most `per_expansion` words, within what is left of the query's `total` words and `postings` documents
        (a word too frequent for what is left is passed over for rarer ones). The postings cap bounds the work of
        a query whatever the archive's size: the 200 words of `me*` took 0.5-0.9 s to read cold at 100k articles."""
        allowed = max(0, min(self.per_expansion, self.total - self.used))
        chosen = []
        for text, documents in ranked:
            if len(chosen) == allowed:
                break
            if self.postings_used + documents <= self.postings:
                chosen.append((text, documents))
                self.postings_used += documents
        self.used += len(chosen)
        if found > len(chosen):  # a prefix expands once per field: the label tells the widest of them
            before = self.capped.get(label, {"found": 0, "searched": 0})
            self.capped[label] = {"found": max(found, before["found"]), "searched": max(len(chosen), before["searched"])}
        return sorted(text for text, _ in chosen)

    def unsearched(self, label: str) -> bool:
        """Whether a part of the query (`pe*`, or an OR group of prefixes, `pe* OR ke*`) was left without a word
        to search: every alternative of it a prefix the caps gave none (the 6th of 100 two-letter prefixes)."""
        return all(self.capped.get(part, {}).get("searched", 1) == 0 for part in label.split(" OR "))

    def cut_short(self, label: str) -> list[str]:
        """The prefixes of a part of the query (as typed, without `*`) that the caps searched for only some of
        their words, or none."""
        return [part[:-1] for part in label.split(" OR ") if part.endswith("*") and part in self.capped]

    def check(self) -> None:
        """QueryTooCostlyError once the search is past its deadline: checked before each word, phrase or
        expansion is read, so one search's work stays within its time whatever the query asks."""
        if self.deadline is not None and time.thread_time() > self.deadline:
            raise QueryTooCostlyError("this query reads too much of the index for one search: use fewer, rarer "
                                      "or longer words, fewer prefixes (me*) and phrases, or a filter")

    def describe(self) -> dict | None:
        """What the result says when a cap cut an expansion; None when nothing was cut."""
        if not self.capped:
            return None
        return {"per_expansion": self.per_expansion, "per_query": self.total, "postings_per_query": self.postings,
                "expansions": dict(self.capped)}

    def refuse_cut(self, before: dict[str, dict[str, int]]) -> None:
        """BadQueryError `exclusion_too_wide` when an expansion taken since `capped` was `before` was cut: an
        excluded prefix cut to its most frequent words would keep in the result the articles holding its other
        words, which the searcher asked to leave out (both backends refuse it)."""
        cut = {label: counts for label, counts in self.capped.items() if before.get(label) != counts}
        if cut:
            label, counts = next(iter(cut.items()))
            raise BadQueryError(f"-{label} stands for {counts['found']:,} words, more than one search reads "
                                f"({counts['searched']:,}): exclude a longer prefix, or use fewer prefixes",
                                "exclusion_too_wide", {"prefix": label, **counts})


class StemGroups:
    """The words under each stem over several segments, from each segment's own groups."""

    def __init__(self, per_segment: list[dict[str, list[str]]]) -> None:
        self.per_segment = [groups for groups in per_segment if groups]

    def get(self, stem: str, default=()) -> list[str]:
        """The words with `stem` in any segment, sorted; `default` when there are none."""
        if len(self.per_segment) == 1:
            return self.per_segment[0].get(stem, default)
        words = {word for groups in self.per_segment for word in groups.get(stem, ())}
        return sorted(words) if words else default

    def __getitem__(self, stem: str) -> list[str]:
        words = self.get(stem, None)
        if words is None:
            raise KeyError(stem)
        return words


class PostingCache:
    """Per index generation: live documents, field lengths, and term postings as score arrays."""

    def __init__(self, searcher, budget_bytes: int = CACHE_BYTES, memo: SegmentMemo | None = None,
                 stems: Stems | None = None) -> None:
        self.searcher = searcher
        self.stems = stems if stems is not None else Stems()  # the index's words' stems (analysis.Stems)
        self.reader = searcher.reader()
        self.doc_count = searcher.doc_count_all()
        # What depends on one segment only, kept by the caller across generations (segments.py).
        self.memo = memo if memo is not None else SegmentMemo()
        self.memo.retain(self.reader)
        self.live = live_documents(self.reader)
        self._lengths: dict[str, np.ndarray] = {}
        self._stem_groups: dict[str, StemGroups] = {}
        self._scored = ArrayCache(budget_bytes)  # (document numbers, scores) of terms and phrases
        self._expansions: OrderedDict[tuple, tuple[list[tuple[str, int]], int]] = OrderedDict()
        self._expansions_lock = threading.Lock()
        # Whoosh reads a segment file by seeking a shared file object, then reading: two threads reading one
        # generation at once could read each other's bytes. Every Whoosh read of this generation holds this
        # lock, one term or one segment at a time; scoring, counting and shaping run without it.
        self.io = FairLock()
        weighting = searcher.weighting
        self.b = float(getattr(weighting, "B", DEFAULT_B))
        self.k1 = float(getattr(weighting, "K1", DEFAULT_K1))
        # Whoosh's own idf (log(all documents / (frequency + 1)) + 1) unless the weighting has another
        self.stock_idf = type(weighting).idf is scoring.WeightingModel.idf

    @property
    def cached_bytes(self) -> int:
        return self._scored.cached_bytes

    @property
    def budget_bytes(self) -> int:
        return self._scored.budget_bytes

    @property
    def cached_entries(self) -> int:
        return len(self._scored)

    def lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length in a field, as Whoosh stores it (quantised to one byte)."""
        found = self._lengths.get(fieldname)
        if found is None:
            with self.io:
                found = self._lengths.get(fieldname)
                if found is None:
                    found = self._lengths[fieldname] = self._read_lengths(fieldname)
        return found

    def _read_lengths(self, fieldname: str) -> np.ndarray:
        return self.memo.concatenated(self.reader, "lengths", fieldname,
                                      lambda leaf: segment_lengths(leaf, fieldname), np.float32)

    def stem_groups(self, fieldname: str) -> StemGroups:
        """The words of a surface field under each stem, from each segment's lexicon read once."""
        found = self._stem_groups.get(fieldname)
        if found is None:
            with self.io:
                found = self._stem_groups.get(fieldname)
                if found is None:
                    found = self._stem_groups[fieldname] = self._read_stem_groups(fieldname)
        return found

    def _read_stem_groups(self, fieldname: str) -> StemGroups:
        """Each segment's words by stem, from its lexicon; a stem's compounds beyond the cap are its segment's
        most frequent."""
        return StemGroups([
                self.memo.get(leaf, "stem groups", fieldname,
                              lambda words=words, counts=counts: self.stems.groups(
                                  words, frequency=lambda word: _count_of(words, counts, word)))
                for (leaf, _), (words, counts) in zip(self.reader.leaf_readers(), self.lexicon(fieldname))])

    def term(self, fieldname: str, text: str | bytes) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, BM25F scores) of a term's live postings; in a stemmed field, of a stem: every
        word of the surface field with that stem, as if the stem had been indexed in their place."""
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return self._scored.get(("term", fieldname, text), lambda: self._score_term(fieldname, text))

    def query(self, query: wq.Query, check: Callable[[], None] = no_deadline) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, scores) of a query the evaluator has no arrays for (phrases), without its boost;
        `check` is the search's deadline, asked while a phrase's positions are read (Expansions.check)."""
        plain = query.with_boost(1.0) if query.boost != 1.0 else query
        if isinstance(plain, wq.Phrase):
            return self._scored.get(("phrase", repr(plain)), lambda: self._score_phrase(plain, check))
        return self._scored.get(("query", repr(plain)), lambda: self._run_whoosh(plain, check))

    def lexicon(self, fieldname: str) -> list[tuple[list[str], np.ndarray]]:
        """Per segment: the words of a field in order and the number of documents holding each (deleted ones
        included); read once per segment (0.2 s for 40,000 words) and kept across generations, so that a prefix
        is a bisection, not a walk of the term file."""
        return [self.memo.get(leaf, "lexicon", fieldname, lambda leaf=leaf: segment_lexicon(leaf, fieldname, self.io))
                for leaf, _ in self.reader.leaf_readers()]

    def doc_frequency(self, fieldname: str, text: str) -> int:
        """How many documents hold `text` in `fieldname` (deleted ones included, as Whoosh counts), from the
        segments' lexicons: a bisection in each, where Whoosh looked the word up in each segment's term file
        (1.9 ms a word at 1M articles in 29 segments; a search asks two to four)."""
        found = 0
        for words, counts in self.lexicon(fieldname):
            at = bisect_left(words, text)
            if at < len(words) and words[at] == text:
                found += int(counts[at])
        return found

    def expansion(self, query: wq.MultiTerm, keep: int) -> tuple[list[tuple[str, int]], int]:
        """The words a prefix or fuzzy word expands to in this generation, at most `keep` of them, most frequent
        first, with their document frequencies; and how many it expands to in all. Kept per generation."""
        key = (type(query).__name__, query.fieldname, query.text, getattr(query, "maxdist", None),
               getattr(query, "prefixlength", None), keep)
        with self._expansions_lock:
            found = self._expansions.get(key)
            if found is not None:
                self._expansions.move_to_end(key)
                return found
        frequencies: dict[str, int] = {}
        if isinstance(query, wq.Prefix):
            for words, counts in self.lexicon(query.fieldname):
                start = bisect_left(words, query.text)
                end = bisect_left(words, query.text + LAST_CHARACTER, start)
                for word, count in zip(words[start:end], counts[start:end].tolist()):
                    frequencies[word] = frequencies.get(word, 0) + count
        else:
            with self.io:
                for fieldname, btext in query.expanded_terms(self.reader):
                    text = btext.decode("utf-8") if isinstance(btext, bytes) else btext
                    frequencies[text] = self.reader.doc_frequency(fieldname, text)
        ranked = sorted(frequencies.items(), key=lambda item: (-item[1], item[0]))[:keep]
        found = (ranked, len(frequencies))
        with self._expansions_lock:
            self._expansions[key] = found
            while len(self._expansions) > EXPANSIONS_KEPT:
                self._expansions.popitem(last=False)
        return found

    def stem(self, fieldname: str, stem: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, BM25F scores) of a stem in a surface field: every word of the field with that
        stem, as if the stem had been indexed in their place."""
        return self._scored.get(("stem", fieldname, stem), lambda: self._score_stem(fieldname, stem))

    def _score_term(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        if fieldname not in self.reader.schema:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        with self.io:
            ids, weights = read_postings(self.reader, fieldname, text, kept=self.memo.postings)
        frequency = len(ids)  # Whoosh's document frequency: every posting, deleted documents' too
        keep = self.live[ids]
        if not keep.all():
            ids, weights = ids[keep], weights[keep]
        if not len(ids) or not self.reader.schema[fieldname].scorable:
            return ids, weights  # an unknown word never reaches Whoosh's idf cache (it has no budget)
        if self.stock_idf:  # the same formula on the postings just read: no second look-up of the term
            idf = math.log(self.doc_count / (frequency + 1)) + 1
        else:
            with self.io:
                idf = self.searcher.idf(fieldname, text)
        return ids, self._bm25f(fieldname, idf, ids, weights)

    def _score_stem(self, fieldname: str, stem: str) -> tuple[np.ndarray, np.ndarray]:
        """A stem's frequency in a document is the sum of its words' frequencies there."""
        frequency = np.zeros(self.doc_count, dtype=np.float32)
        for word in self.stem_groups(fieldname).get(stem, ()):
            with self.io:
                ids, weights = read_postings(self.reader, fieldname, word, kept=self.memo.postings)
            frequency[ids] += weights
        frequency[~self.live] = 0
        ids = np.flatnonzero(frequency).astype(np.int32)
        if not len(ids):
            return ids, frequency[ids]  # no document holds it (or none at all: every source was rejected)
        idf = math.log(self.doc_count / (len(ids) + 1)) + 1  # Whoosh's idf, over the stem's documents
        return ids, self._bm25f(fieldname, idf, ids, frequency[ids])

    def _bm25f(self, fieldname: str, idf: float, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        with self.io:
            average = self.searcher.avg_field_length(fieldname) or 1
        norm = self.k1 * ((1 - self.b) + self.b * self.lengths(fieldname)[ids] / average)
        return (idf * (weights * (self.k1 + 1)) / (weights + norm)).astype(np.float32)

    def _score_phrase(self, phrase: wq.Phrase, check: Callable[[], None]) -> tuple[np.ndarray, np.ndarray]:
        """Whoosh scores a phrase as the sum of its words' scores (an intersection of their term matchers) in
        the documents where the words stand in order. Those documents are found by Whoosh and kept per
        segment; the scores come from the words' arrays, which follow the index's current statistics."""
        documents = []
        for searcher, offset in self.searcher.leaf_searchers():
            with self.io:
                ids, _ = self.memo.postings.phrase(searcher.reader(), repr(phrase),
                                                   lambda searcher=searcher: self._phrase_in(phrase, searcher, check))
            documents.append(ids + offset)
        found = np.concatenate(documents) if documents else NO_DOCUMENTS
        found = found[self.live[found]]  # a segment's deletions only grow: what it left out stays deleted
        scores = np.zeros(len(found), dtype=np.float32)
        for word in phrase.words:
            ids, word_scores = self.term(phrase.fieldname, word)
            scores += word_scores[np.searchsorted(ids, found)]  # every word is in each of these documents
        return found, scores

    def _phrase_in(self, phrase: wq.Phrase, searcher, check: Callable[[], None]) -> tuple[np.ndarray, np.ndarray]:
        """One segment's documents holding the phrase: by segments.phrase_postings where it applies (words
        next to each other, in a field with positions), else by Whoosh's matcher."""
        field = searcher.schema[phrase.fieldname] if phrase.fieldname in searcher.schema else None
        if phrase.slop != 1 or field is None or not field.format.supports("positions"):
            return _matching_documents(phrase, searcher)
        words = [field.to_bytes(word) for word in phrase.words]
        return phrase_postings(searcher.reader(), phrase.fieldname, words, self.memo.postings, check)

    def _run_whoosh(self, query: wq.Query, check: Callable[[], None]) -> tuple[np.ndarray, np.ndarray]:
        ids, scores = array("i"), array("f")
        with self.io:
            for searcher, offset in self.searcher.leaf_searchers():
                matcher = (query.checked_matcher(searcher, check) if isinstance(query, CheckedQuery)
                           else query.matcher(searcher, searcher.context()))
                while matcher.is_active():
                    ids.append(matcher.id() + offset)
                    scores.append(matcher.score())
                    matcher.next()
        found = np.frombuffer(ids, dtype=np.int32).copy()
        keep = self.live[found]
        return found[keep], np.frombuffer(scores, dtype=np.float32)[keep]


def _count_of(words: list[str], counts: np.ndarray, word: str) -> int:
    """The documents holding `word`, from one segment's lexicon (0 when it has no such word)."""
    at = bisect_left(words, word)
    return int(counts[at]) if at < len(words) and words[at] == word else 0


class Evaluator:
    """Walks a Whoosh query tree and combines its leaves' arrays: And intersects and adds scores, Or unites
    and adds, AndMaybe adds the optional part's scores, AndNot subtracts; date ranges read the per-document
    date array."""

    def __init__(self, postings: PostingCache, dates: np.ndarray) -> None:
        self.postings = postings
        self.dates = dates

    @property
    def doc_count(self) -> int:
        return self.postings.doc_count

    def run(self, query: wq.Query, expansions: Expansions | None = None) -> Match:
        """The documents `query` matches and their scores; prefixes and fuzzy words expand within the caps of
        `expansions` (one search's budget; a fresh one when None)."""
        expansions = expansions if expansions is not None else Expansions()
        match = self._evaluate(query, expansions)
        if query.boost != 1.0:
            match.scores *= query.boost
        return match

    def mask(self, query: wq.Query, expansions: Expansions | None = None) -> np.ndarray:
        return self.run(query, expansions).mask

    def _evaluate(self, query: wq.Query, expansions: Expansions) -> Match:
        expansions.check()
        postings = self._postings(query, expansions)
        if postings is not None:
            return self._arrays(*postings)
        if isinstance(query, wq.And):
            return self._all_of(query.subqueries, expansions)
        if isinstance(query, wq.Or):
            return self._union(query.subqueries, expansions)
        if isinstance(query, wq.AndMaybe):  # the optional part only ranks what the required part matches
            required, optional = self.run(query.a, expansions), self.run(query.b, expansions)
            required.scores += np.where(required.mask, optional.scores, 0)
            return required
        if isinstance(query, wq.AndNot):
            positive, negative = self.run(query.a, expansions), self.excluded(query.b, expansions)
            positive.mask &= ~negative.mask
            positive.scores[negative.mask] = 0
            return positive
        if isinstance(query, wq.Not):
            return Match(self.postings.live & ~self.excluded(query.query, expansions).mask, self._zeros())
        if isinstance(query, wq.Every):
            return Match(self.postings.live.copy(), self._zeros())
        if isinstance(query, type(wq.NullQuery)):
            return Match(np.zeros(self.doc_count, dtype=bool), self._zeros())
        if isinstance(query, wq.NumericRange) and query.fieldname == DATE_NUMBER:
            return Match(self._date_mask(query), self._zeros())
        return self._arrays(*self.postings.query(query, expansions.check))

    def _postings(self, query: wq.Query, expansions: Expansions) -> tuple[np.ndarray, np.ndarray] | None:
        """A word's, or an expanding word's, documents and scores (distinct documents, ascending), or None for
        any other query."""
        if isinstance(query, StemTerm):
            return self.postings.stem(query.fieldname, query.text)
        if isinstance(query, wq.Term):
            return self.postings.term(query.fieldname, query.text)
        if isinstance(query, wq.MultiTerm):
            return self._expanded(query, expansions)
        return None

    def _union(self, queries: list[wq.Query], expansions: Expansions) -> Match:
        """Documents matching any of the queries, their scores summed. A word's postings are added where they
        fall, not spread first over two arrays of every document each (a word in six fields cost twelve such
        arrays at 1M articles)."""
        mask = np.zeros(self.doc_count, dtype=bool)
        scores = self._zeros()
        for query in queries:
            expansions.check()
            postings = self._postings(query, expansions)
            if postings is None:
                part = self.run(query, expansions)
                mask |= part.mask
                scores += part.scores
                continue
            ids, found = postings
            mask[ids] = True
            scores[ids] += found * query.boost if query.boost != 1.0 else found
        return Match(mask, scores)

    def _zeros(self) -> np.ndarray:
        return np.zeros(self.doc_count, dtype=np.float32)

    def _arrays(self, ids: np.ndarray, scores: np.ndarray) -> Match:
        mask = np.zeros(self.doc_count, dtype=bool)
        mask[ids] = True
        dense = self._zeros()
        dense[ids] = scores
        return Match(mask, dense)

    def excluded(self, query: wq.Query, expansions: Expansions) -> Match:
        """What a query excludes (`-ba*`), whole: a cap that cut an excluded prefix would keep in the result the
        articles holding its other words, which the searcher asked to leave out, so the search is refused
        (BadQueryError `exclusion_too_wide`) rather than answered with them."""
        before = dict(expansions.capped)
        match = self.run(query, expansions)
        expansions.refuse_cut(before)
        return match

    def _all_of(self, queries: list[wq.Query], expansions: Expansions) -> Match:
        """Documents matching every query, their scores summed; once none is left the queries after are not
        read (`said:jokowi said:jk said:anies …`: two speakers quoted in no article together settle it)."""
        if not queries:
            return Match(self.postings.live.copy(), self._zeros())
        first = self.run(queries[0], expansions)
        mask, scores = first.mask, first.scores
        for query in queries[1:]:
            if not mask.any():
                break
            part = self.run(query, expansions)
            mask &= part.mask
            scores += part.scores
        scores[~mask] = 0
        return Match(mask, scores)

    def _expanded(self, query: wq.MultiTerm, expansions: Expansions) -> tuple[np.ndarray, np.ndarray]:
        """Prefix, fuzzy and wildcard words: the documents and scores of the terms they expand to, the most
        frequent first within the caps of `expansions`; one score each when constant. The same expansion twice
        in a query is evaluated once. Kept sparse, as a word's postings are: a query of 125 prefixes spent 5.4 s
        at a million articles making, copying and converting five arrays of every document for each of them."""
        key = (type(query).__name__, query.fieldname, query.text, getattr(query, "maxdist", None),
               getattr(query, "prefixlength", None), query.constantscore)
        known = expansions._matches.get(key)
        if known is None:
            ranked, found = self.postings.expansion(query, expansions.per_expansion)
            label = f"{query.text}*" if isinstance(query, wq.Prefix) else f"{query.text}~"
            words = expansions.take(label, ranked, found)
            known = expansions._matches[key] = self._words_postings(query.fieldname, words, query.constantscore,
                                                                    expansions)
        return known

    def _words_postings(self, fieldname: str, words: list[str], constant: bool,
                        expansions: Expansions) -> tuple[np.ndarray, np.ndarray]:
        """The documents holding any of `words`, ascending, with the sum of their scores (1 each when
        `constant`)."""
        postings = []
        for text in words:
            expansions.check()
            postings.append(self.postings.term(fieldname, text))
        if not postings:
            return NO_DOCUMENTS, NO_WEIGHTS
        if len(postings) == 1 and not constant:
            return postings[0]
        matched = np.zeros(self.doc_count, dtype=bool)
        for ids, _ in postings:
            matched[ids] = True
        documents = np.flatnonzero(matched)
        if constant:
            return documents, np.ones(len(documents), dtype=np.float32)
        summed = self._zeros()
        for ids, scores in postings:
            summed[ids] += scores  # a term's documents are distinct: the same sums as _union's
        return documents, summed[documents]

    def _date_mask(self, query: wq.NumericRange) -> np.ndarray:
        mask = self.postings.live.copy()
        if query.start is not None:
            mask &= (self.dates > query.start) if query.startexcl else (self.dates >= query.start)
        if query.end is not None:
            mask &= (self.dates < query.end) if query.endexcl else (self.dates <= query.end)
        return mask


def top_documents(mask: np.ndarray, keys: np.ndarray, depth: int, orders: np.ndarray | None = None) -> np.ndarray:
    """Numbers of the `depth` flagged documents with the highest keys; ties go to the lower of `orders` (each
    document's read order, schema.READ_ORDER; None: the lower document number)."""
    candidates = np.flatnonzero(mask)
    values = keys[candidates]
    ties = candidates if orders is None else orders[candidates]
    if len(candidates) > depth:
        threshold = np.partition(values, len(values) - depth)[len(values) - depth]
        above = values > threshold
        tied = np.flatnonzero(values == threshold)
        tied = tied[np.argsort(ties[tied], kind="stable")][:depth - int(above.sum())]
        chosen = np.concatenate([np.flatnonzero(above), tied])
        candidates, values, ties = candidates[chosen], values[chosen], ties[chosen]
    order = np.lexsort((ties, -values.astype(np.float64)))
    return candidates[order]

