"""What each segment of an index gives, read once and kept while the segment lives.

An update adds a small segment beside large unchanged ones (and may mark some of their documents deleted,
which leaves what they hold unchanged), so a searcher opening the new generation reads only the new
segment: the others' words, field lengths, dates and facet pairs come from a SegmentMemo, and the postings
of the terms and phrases searched lately from its SegmentPostings.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from typing import Callable, Hashable, TypeVar

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, W3PerDocReader, _lenfield
from whoosh.columns import FixedBytesColumn
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from .errors import IndexDamagedError

T = TypeVar("T")
Postings = tuple[np.ndarray, np.ndarray]  # document numbers (int32, ascending) and weights (float32)
NO_POSTINGS: Postings = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
NO_WEIGHTS = NO_POSTINGS[1]
# Per-segment postings kept across generations; 8 bytes per posting. A new generation's warming reads 74 MB of
# them at 1M articles: under a 64 MB budget each read pushed out one the next agency needed (16 s to warm a
# generation that differs by one article; 4.5 s with every read kept).
POSTINGS_BYTES = 128 << 20
# Per-segment documents of phrases, kept apart from terms' postings: a phrase's documents are few and costly
# (its words' positions decoded), a frequent term's postings many and cheap. Sharing one budget at 1M articles,
# the terms pushed the phrases out, and each new generation decoded the 48 warmed agencies' phrases again in
# every unchanged segment (58 of its 60 s of warming).
PHRASE_BYTES = 32 << 20
# What one cached entry costs beside its arrays' data: two numpy headers (~112 bytes each), the tuple, the key
# and the dictionary slot. Counted so that a flood of unknown words (empty arrays) cannot grow a cache unseen.
ENTRY_BYTES = 400
CHECK_EVERY = 4_096  # documents or positions a phrase or a said: reads between two looks at the search's deadline
CHECK_BLOCKS = 32  # postings blocks (128 documents each, as Whoosh writes them) decoded between two looks
LENGTH_OF_BYTE = np.array([byte_to_length(byte) for byte in range(256)], dtype=np.float32)  # Whoosh's quantisation


def segment_id(leaf) -> str | None:
    """The id Whoosh gives a segment for its lifetime; None for a reader that is not one segment's."""
    segment = leaf.segment() if hasattr(leaf, "segment") else None
    return segment.segment_id() if segment is not None else None


SMALL_MERGE_DOCS = 2_000  # an update merges small segments holding at most this many documents in all (writing.py)


def settled(leaf) -> bool:
    """A segment an update never merges: it lives until a full build, so what it gives may be combined with
    other such segments' and kept (SegmentMemo.combined)."""
    return leaf.doc_count_all() > SMALL_MERGE_DOCS


class SegmentMemo:
    """Values computed from one segment, keyed by (what, segment id, field), or from several settled ones
    (their ids joined by "+"); kept across generations."""

    def __init__(self, postings_budget: int = POSTINGS_BYTES) -> None:
        self._values: dict[tuple[str, str, str], object] = {}
        self._lock = threading.Lock()  # searches of several generations share a memo
        self._computing: dict[tuple[str, str, str], threading.Event] = {}
        self.postings = SegmentPostings(postings_budget)  # terms' postings, within a budget

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[tuple[str, str, str]]:
        return list(self._values)

    def peek(self, key: tuple[str, str, str]) -> object:
        return self._values.get(key)

    def retain(self, reader) -> None:
        """Forget the segments `reader` no longer has (merged away or gone with their generation)."""
        alive = {segment_id(leaf) for leaf, _ in reader.leaf_readers()}
        with self._lock:
            for key in [key for key in self._values if not alive.issuperset(key[1].split("+"))]:
                del self._values[key]
        self.postings.retain(reader)

    def get(self, leaf, what: str, field: str, compute: Callable[[], T]) -> T:
        segment = segment_id(leaf)
        if segment is None:
            return compute()
        return self._kept((what, segment, field), compute)

    def combined(self, leaves: list, what: str, field: str, compute: Callable[[], T]) -> T:
        """What `compute` gives from these segments together, computed once while they all live."""
        segments = [segment_id(leaf) for leaf in leaves]
        if not segments or None in segments:
            return compute()
        return self._kept((what, "+".join(segments), field), compute)

    def _kept(self, key: tuple[str, str, str], compute: Callable[[], T]) -> T:
        while True:
            with self._lock:
                if key in self._values:
                    return self._values[key]  # type: ignore[return-value]
                computing = self._computing.get(key)
                if computing is None:
                    computing = self._computing[key] = threading.Event()
                    break
            computing.wait()  # another search is reading it: one read, not one per search
        try:
            value = compute()  # outside the lock: other keys are read and computed meanwhile
            with self._lock:
                self._values[key] = value
            return value  # type: ignore[return-value]
        finally:
            with self._lock:
                del self._computing[key]
            computing.set()

    def concatenated(self, reader, what: str, field: str, compute: Callable[[object], np.ndarray],
                     dtype) -> np.ndarray:
        """One array over every document of `reader`: each segment's part from `compute(leaf)`, memoised. An
        index of no document (every source rejected) has one empty reader, which has no columns to read."""
        parts = [self.get(leaf, what, field, lambda leaf=leaf: np.asarray(compute(leaf), dtype=dtype))
                 for leaf, _ in reader.leaf_readers() if leaf.doc_count_all()]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def live_documents(reader) -> np.ndarray:
    """True for each document that is not deleted; segment by segment from their (short) deletion lists."""
    live = np.ones(reader.doc_count_all(), dtype=bool)
    for leaf, offset in reader.leaf_readers():
        if leaf.has_deletions():
            deleted = getattr(leaf, "deleted_docs_set", None)  # a segment reader's, read from its segment
            if deleted is None:
                deleted = [doc for doc in range(leaf.doc_count_all()) if leaf.is_deleted(doc)]
            live[np.fromiter(deleted, dtype=np.int64, count=len(deleted)) + offset] = False
    return live


def column_values(reader, field: str, memo: SegmentMemo, dtype=np.int64) -> np.ndarray:
    """Every document's value in a column field (deleted documents included), one segment at a time."""
    return memo.concatenated(reader, "column", field,
                             lambda leaf: np.fromiter(leaf.column_reader(field), dtype=dtype,
                                                      count=leaf.doc_count_all()), dtype)


def segment_lengths(leaf, fieldname: str) -> np.ndarray:
    """Each document's length in a field, as Whoosh stores it (quantised to one byte), for one segment.

    Whoosh3 keeps them as a column of one byte per document, read here in one piece and decoded by a table:
    0.5 ms for 50,000 documents, against 0.3 s asking for each (once per field and segment, 17 s per field
    at a million articles). Any other reader is asked document by document."""
    column = _length_column(leaf, fieldname)
    if column is None:
        return np.array([leaf.doc_field_length(doc, fieldname) or 0 for doc in range(leaf.doc_count_all())],
                        dtype=np.float32)
    lengths = np.zeros(leaf.doc_count_all(), dtype=np.float32)  # documents past the column's end: length 0
    if column is not NO_COLUMN:
        stored = np.frombuffer(column._dbfile.get(column._basepos, column._count), dtype=np.uint8)
        lengths[:len(stored)] = LENGTH_OF_BYTE[stored]
    return lengths


NO_COLUMN = object()  # a Whoosh3 segment without lengths for a field: every length is 0


def _length_column(leaf, fieldname: str):
    """Whoosh3's byte column of a field's lengths in a segment (NO_COLUMN when it has none); None when the
    segment is not read by Whoosh3's own classes."""
    perdoc = getattr(leaf, "_perdoc", None)
    if not isinstance(perdoc, W3PerDocReader):
        return None
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        return NO_COLUMN
    if not isinstance(column, FixedBytesColumn.Reader) or column._fixedlen != 1:
        return None
    return column


def read_postings(reader, fieldname: str, text: str | bytes, live: np.ndarray | None = None,
                  kept: "SegmentPostings | None" = None) -> Postings:
    """Document numbers (ascending) and weights of one term over every segment; only the documents `live`
    flags when it is given, else deleted documents included. Segments read before come from `kept`."""
    btext = text if isinstance(text, bytes) else reader.schema[fieldname].to_bytes(text)
    found_ids, found_weights = [], []
    for leaf, offset in reader.leaf_readers():
        if kept is not None:
            ids, weights = kept.term(leaf, fieldname, btext)
        else:
            ids, weights = segment_postings(leaf, fieldname, btext)
        if len(ids):
            found_ids.append(ids + offset if offset else ids)
            found_weights.append(weights)
    if not found_ids:
        return NO_POSTINGS
    ids, weights = np.concatenate(found_ids), np.concatenate(found_weights)
    if live is not None:
        keep = live[ids]
        if not keep.all():
            ids, weights = ids[keep], weights[keep]
    return ids, weights


def segment_postings(leaf, fieldname: str, btext: bytes) -> Postings:
    """One segment's postings of a term, numbered within the segment, deleted documents included."""
    try:  # one look-up of the term, not two (`in leaf`, then the postings'): a third of a cold read's cost
        matcher = leaf.postings(fieldname, btext)
    except TermNotFound:
        return NO_POSTINGS
    ids, weights = array("i"), array("f")
    _read_leaf(matcher, ids, weights)
    return np.frombuffer(ids, dtype=np.int32), np.frombuffer(weights, dtype=np.float32)


def _read_leaf(matcher, ids: array, weights: array) -> None:
    if isinstance(matcher, FilterMatcher):  # deletions: the caller masks them out
        matcher = matcher.child
    if isinstance(matcher, W3LeafMatcher):
        # A block at a time: about ten times faster than asking for each posting. These are the
        # matcher's own block readers; the generic loop below is the fallback for any other matcher.
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.extend(matcher._ids)
            weights.extend(matcher._weights)
            matcher._next_block()
        return
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()


def no_deadline() -> None:
    """The check of a read no search's deadline bounds (a test's, a warm-up's): it never raises."""


class CheckedQuery(wq.Query):
    """A query of Warta's own whose matcher may read much of a segment in Python (`said:jokowi me*`): it is
    given the search's deadline (Expansions.check), which it asks as it reads."""

    def checked_matcher(self, searcher, check: Callable[[], None]):
        raise NotImplementedError

    def matcher(self, searcher, context=None):
        return self.checked_matcher(searcher, no_deadline)


def phrase_postings(leaf, fieldname: str, words: list[bytes], kept: "SegmentPostings",
                    check: Callable[[], None] = no_deadline) -> Postings:
    """One segment's documents (deleted ones included) where `words` stand next to each other in this order,
    the way Whoosh's Phrase with slop 1 finds them; no weights. Whoosh intersects the words' postings one
    posting at a time in Python (a cold two-word phrase of common words took 130-330 ms at 100k articles);
    here the words' document arrays (read once per segment, `kept`) are intersected with numpy, and positions
    are decoded only for the documents holding every word, only in the blocks that hold such documents.
    `check` (a search's deadline, which raises) is asked every CHECK_BLOCKS blocks decoded and every CHECK_EVERY
    positions matched: a phrase of common words reads most of the index's positions (trial 42: a phrase in
    articles of 435,000 characters ran 1.3 s past a 0.3 s deadline when asked every 4,096 documents)."""
    postings = {btext: kept.term(leaf, fieldname, btext)[0] for btext in words}
    candidates = postings[words[0]]
    for btext in words[1:]:
        candidates = np.intersect1d(candidates, postings[btext], assume_unique=True)
    if not len(candidates):
        return NO_POSTINGS
    if len(words) == 1:
        return candidates, NO_WEIGHTS
    positions = {btext: _positions_in(leaf, fieldname, btext, ids, candidates, check)
                 for btext, ids in postings.items()}
    first, rest = positions[words[0]], [(offset, positions[btext]) for offset, btext in enumerate(words[1:], 1)]
    found = array("i")
    work = 0
    for document in candidates.tolist():
        work += len(first[document]) + 1  # a document's work is its first word's positions
        if work >= CHECK_EVERY:
            check()
            work = 0
        later = [(offset, set(by_document[document])) for offset, by_document in rest]
        if any(all(start + offset in places for offset, places in later) for start in first[document]):
            found.append(document)
    return np.frombuffer(found, dtype=np.int32), NO_WEIGHTS


def _positions_in(leaf, fieldname: str, btext: bytes, postings: np.ndarray,
                  documents: np.ndarray, check: Callable[[], None]) -> dict[int, list[int]]:
    """A word's positions in each of `documents` (ascending; each holds the word), given every document of
    its postings in this segment (`postings`, in the order of its blocks)."""
    matcher = leaf.postings(fieldname, btext)
    if isinstance(matcher, FilterMatcher):  # deletions: documents are only ever ones the postings hold
        matcher = matcher.child
    decode = leaf.schema[fieldname].format.decoder("positions")
    found: dict[int, list[int]] = {}
    if not isinstance(matcher, W3LeafMatcher):  # an inlined term (one posting) or another matcher
        for document in documents.tolist():
            matcher.skip_to(document)
            found[document] = decode(matcher.value())
        return found
    start = first = blocks = 0
    while matcher.is_active() and start < len(documents):
        blocks += 1
        if blocks % CHECK_BLOCKS == 0:
            check()
        block_ids = postings[first:first + matcher._blocklength]  # the block's ids, known without decoding them
        first += matcher._blocklength
        if not len(block_ids) or block_ids[-1] != matcher.block_max_id():
            raise IndexDamagedError(f"the postings of {btext!r} in {fieldname} do not match their blocks")
        end = int(np.searchsorted(documents, block_ids[-1], side="right"))
        if end > start:  # this block holds some of the documents: decode its values, else skip it
            matcher._read_values()
            values = matcher._values
            wanted = documents[start:end]
            for document, where in zip(wanted.tolist(), np.searchsorted(block_ids, wanted).tolist()):
                found[document] = decode(values[where])
            start = end
        matcher._next_block()
    return found


def entry_bytes(pair: Postings) -> int:
    """What a cached pair of arrays costs: its data and the entry around it (an empty pair is not free)."""
    return pair[0].nbytes + pair[1].nbytes + ENTRY_BYTES


class ArrayCache:
    """Pairs of arrays under keys, least recently used out beyond a byte budget that counts each entry's
    overhead as well as its data; a pair larger than the whole budget is returned without being kept.
    Thread-safe: the lock is held only to look up and to store, never while `compute` runs."""

    def __init__(self, budget_bytes: int) -> None:
        self.budget_bytes = budget_bytes
        self._entries: OrderedDict[Hashable, Postings] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Event] = {}

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable, compute: Callable[[], Postings]) -> Postings:
        """What `compute` gives for `key`, computed once when several threads ask at the same time."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
            computing = self._computing.get(key)
            if computing is None:
                computing = self._computing[key] = threading.Event()
                owner = True
            else:
                owner = False
        if not owner:
            computing.wait()
            with self._lock:
                found = self._entries.get(key)
            return found if found is not None else compute()  # too large to keep, or the first reader failed
        try:
            found = compute()
            size = entry_bytes(found)
            with self._lock:
                if size <= self.budget_bytes and key not in self._entries:
                    self._entries[key] = found
                    self._bytes += size
                    while self._bytes > self.budget_bytes:
                        self._forget(next(iter(self._entries)))
            return found
        finally:
            with self._lock:
                del self._computing[key]
            computing.set()

    def forget_where(self, unwanted: Callable[[Hashable], bool]) -> None:
        with self._lock:
            for key in [key for key in self._entries if unwanted(key)]:
                self._forget(key)

    def _forget(self, key: Hashable) -> None:
        self._bytes -= entry_bytes(self._entries.pop(key))


class SegmentPostings:
    """Arrays read from one segment (a term's postings, the documents where a phrase occurs), least recently
    used out beyond a byte budget each (terms and phrases apart), kept across generations: after an update a
    frequent term or phrase is read again only from the new segment (a cold read of the broadest terms costs
    up to 0.3 s at 100k articles, and every update would otherwise make them all cold)."""

    def __init__(self, budget_bytes: int = POSTINGS_BYTES, phrase_bytes: int = PHRASE_BYTES) -> None:
        self._terms = ArrayCache(budget_bytes)
        self._phrases = ArrayCache(phrase_bytes)

    @property
    def cached_bytes(self) -> int:
        return self._terms.cached_bytes + self._phrases.cached_bytes

    def __len__(self) -> int:
        return len(self._terms) + len(self._phrases)

    def retain(self, reader) -> None:
        """Forget the segments `reader` no longer has."""
        alive = {segment_id(leaf) for leaf, _ in reader.leaf_readers()}
        for cache in (self._terms, self._phrases):
            cache.forget_where(lambda key: key[0] not in alive)

    def term(self, leaf, fieldname: str, btext: bytes) -> Postings:
        """A term's postings in one segment, read once while the segment lives (and its budget keeps them)."""
        return self._kept(self._terms, leaf, (fieldname, btext), lambda: segment_postings(leaf, fieldname, btext))

    def phrase(self, leaf, key: Hashable, compute: Callable[[], Postings]) -> Postings:
        """The documents `compute` finds for the phrase `key` in one segment, found once while it lives."""
        return self._kept(self._phrases, leaf, key, compute)

    @staticmethod
    def _kept(cache: ArrayCache, leaf, key: Hashable, compute: Callable[[], Postings]) -> Postings:
        segment = segment_id(leaf)
        if segment is None:
            return compute()
        return cache.get((segment, key), compute)
