"""How every Whoosh writer in Warta is opened: one place for the memory and file-layout choices."""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager

from whoosh.codec.whoosh3 import W3Codec, W3PerDocReader, W3PostingsWriter

from .analysis import Stems
from .articles import Article
from .documents import to_document
from .facet_registry import FACETS, FacetRegistry
from .schema import READ_ORDER
from .segments import SMALL_MERGE_DOCS

MIN_WRITER_MEMORY_MB = 256
MAX_WRITER_MEMORY_MB = 4096
SEGMENT_MEMORY_SHARE = 8  # a fresh build's writers together pool at most this share of the machine's memory
MB = 1 << 20


def machine_memory_mb() -> int | None:
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // MB
    except (ValueError, OSError):
        return None


def _memory_share_mb(share: int, writers: int) -> int:
    """1/`share` of this machine's memory split between `writers`, within MIN/MAX_WRITER_MEMORY_MB."""
    total_mb = machine_memory_mb()
    if total_mb is None:
        return MIN_WRITER_MEMORY_MB
    return max(MIN_WRITER_MEMORY_MB, min(MAX_WRITER_MEMORY_MB, total_mb // share // max(1, writers)))


def writer_memory_mb(writers: int = 1) -> int:
    """Postings a writer may pool in memory before Whoosh sorts a run to disk: a quarter of this machine's
    memory shared by the writers, within bounds. Runs merged at commit cost a heap merge in Python per
    posting, which made 100k articles slower per article than 30k."""
    return _memory_share_mb(4, writers)


def segment_budget_bytes(writers: int = 1) -> int:
    """Postings one of a fresh build's `writers` pools before it writes them out as a segment of their own:
    a SEGMENT_MEMORY_SHARE of this machine's memory shared by the writers, within writer_memory_mb's bounds."""
    return _memory_share_mb(SEGMENT_MEMORY_SHARE, writers) * MB


def open_writer(ix, writers: int = 1, limit_mb: int | None = None):
    """A writer whose segments stay as separate files, pooling `limit_mb` of postings (by default
    writer_memory_mb) before it sorts a run to disk.

    Whoosh's default packs a segment into one compound file; a reader then copies each file of it
    (postings included) out of the memory map into a private buffer, which measured 600 MB of resident
    memory for a 100k-article index before the first query. Separate files are read in place.
    """
    return ix.writer(limitmb=limit_mb or writer_memory_mb(writers), compound=False, codec=InliningCodec())


class SegmentedWriter:
    """A fresh build's writer that never spills its pool: whenever the pooled postings reach `budget_bytes`
    it commits them as one segment (sorted in memory, written once) and goes on with a new writer.

    Whoosh's own writer instead sorts a full pool to a run file and, at commit, merges every run in a heap
    in Python, one posting at a time: at 1M articles each of two writers had spilled 11 GB of runs and
    merged them at about 45 MB a minute, hours after its last article. Searches read and cache each segment
    on its own (segments.py); what more segments cost a query has not been measured."""

    def __init__(self, ix, budget_bytes: int) -> None:
        self.ix = ix
        self.budget_bytes = budget_bytes
        self.segments = 0  # written so far
        self._writer = self._open()
        self._pooled = 0  # articles in the open writer's pool

    def _open(self):
        return open_writer(self.ix, limit_mb=2 * -(-self.budget_bytes // MB))  # never reached: see add()

    def add(self, article: Article, key: str, story: str | None = None, stems: Stems | None = None,
            facets: FacetRegistry = FACETS, order: int = 0) -> None:
        add_article(self._writer, article, key, story, stems, facets, order)
        self._pooled += 1
        if self._writer.pool.currentsize >= self.budget_bytes:
            self._commit()
            self._writer = self._open()

    def commit(self) -> None:
        self._commit()

    def discard(self) -> None:
        if self._writer is not None:
            discard(self._writer)

    def _commit(self) -> None:
        self._writer.commit(merge=False)  # an empty pool writes no segment
        self.segments += 1 if self._pooled else 0
        self._pooled = 0
        # A committed writer is a cycle of objects (writer, pool, segment): with the collector paused while
        # the build writes, its pool would never be freed. At 1M articles each worker grew by 3 GB per segment.
        self._writer = None
        gc.collect()


INLINE_POSTINGS = 2  # a term with fewer postings than this is kept inside its term entry, not in a block


class _InliningPostingsWriter(W3PostingsWriter):
    """Whoosh's postings writer, with its `inlinelimit` working: the stock one calls a method the term entry
    does not have (`set_inline`), so every term, even one in a single article, got a block of its own (a
    pickle, a file write, a block header): half the terms of a news index are such terms. Readers already
    understand inlined entries (Whoosh reads them as a list matcher)."""

    def finish_postings(self):
        if self.written() or len(self) >= self._inlinelimit:
            return super().finish_postings()
        terminfo = self._terminfo
        terminfo.add_block(self)
        terminfo.set_inlined(self._ids, self._weights, self._values)
        self._terminfo = None
        return terminfo


class _LengthsInMemoryReader(W3PerDocReader):
    """Whoosh's per-document reader, giving a segment's flush each field's lengths from a list read once.

    Writing postings asks for the length of the field in the posting's document once per posting; Whoosh
    answers each from the column file (a seek and a read): 20 % of the flush in a profile of a 20k build."""

    def doc_field_length_reader(self, fieldname, default=0):
        length_of = super().doc_field_length_reader(fieldname, default)
        return [length_of(docnum) for docnum in range(self.doc_count_all())].__getitem__


class InliningCodec(W3Codec):
    """The default codec, with single-posting terms inlined (measured: 0.16 ms less per article in a build
    without quotes, 0.42 ms with them, of 2.2 and 3.4 ms spent adding and committing)."""

    def __init__(self) -> None:
        super().__init__(inlinelimit=INLINE_POSTINGS)

    def postings_writer(self, dbfile, byteids=False):
        return _InliningPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                       compression=self._compression, inlinelimit=self._inlinelimit)

    def per_document_reader(self, storage, segment):
        return _LengthsInMemoryReader(storage, segment)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        """As Whoosh's; an inlined entry of a format without values (an ID field's) reads each value as None, as a
        block of postings does. Whoosh's list matcher gave '' (text), which a merge of segments refuses
        ("vbytes=''"): incremental updates failed once Whoosh merged the small segments they leave."""
        matcher = super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        if terminfo.is_inlined() and not terminfo.inlined_postings()[2]:
            matcher.value = _no_value
        return matcher


def _no_value() -> None:
    return None


SMALL_MERGE_COUNT = 4  # once there are this many of them
DELETED_SHARE_REWRITE = 0.5  # a segment with this share of its documents deleted or more is rewritten ...
MAX_REWRITE_DOCS = 20_000  # ... when it holds at most this many live ones (a larger one waits for a full build)


def merge_small_segments(writer, segments: list) -> list:
    """The merge policy of an update. A segment whose documents are all deleted (an edited file's earlier
    articles) is dropped; one with DELETED_SHARE_REWRITE of them deleted or more, and at most MAX_REWRITE_DOCS
    live, is rewritten with its live ones (trial 24: eight one-line edits left 11,604 stored documents for 3,868
    articles, 41 MB grown to 133 MB, searches 2-4 times slower). Then the smallest segments, at most
    SMALL_MERGE_DOCS live documents in all, become one once there are SMALL_MERGE_COUNT of them; larger
    segments are never merged by an update. Whoosh's default (MERGE_SMALL) chose by a Fibonacci rule that,
    beside a 1M-article archive in 20 segments, set out to rewrite segments of 50,000 articles to add one (over
    20 minutes); a full reindex writes them anew."""
    live = [segment for segment in segments if segment.doc_count() > 0]
    chosen = [segment for segment in live if _mostly_deleted(segment)]
    small, total = [], 0
    for segment in sorted((segment for segment in live if segment not in chosen), key=lambda seg: seg.doc_count()):
        if total + segment.doc_count() > SMALL_MERGE_DOCS:
            break
        small.append(segment)
        total += segment.doc_count()
    if len(small) >= SMALL_MERGE_COUNT:
        chosen += small
    _rewrite(writer, chosen)
    return [segment for segment in live if segment not in chosen]


def _mostly_deleted(segment) -> bool:
    return (segment.deleted_count() >= DELETED_SHARE_REWRITE * segment.doc_count_all()
            and segment.doc_count() <= MAX_REWRITE_DOCS)


def _rewrite(writer, segments: list) -> None:
    """Add the live documents of `segments` to the segment `writer` writes."""
    from whoosh.reading import SegmentReader

    for segment in segments:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()


def discard(writer) -> None:
    """Give up a writer after an error, closing every file it holds open. Whoosh's own clean-up after a
    failed commit (a full disk) releases its lock but leaves the segment files it was writing open."""
    if not writer.is_closed:
        try:
            writer.cancel()
            return
        except Exception:  # the error being reported is the first one, not this
            pass
    for part in (getattr(writer, "perdocwriter", None), getattr(writer, "fieldwriter", None)):
        if part is not None and not part.is_closed:
            try:
                part.close()
            except Exception:
                pass


def add_article(writer, article: Article, key: str, story: str | None = None, stems: Stems | None = None,
                facets: FacetRegistry = FACETS, order: int = 0) -> None:
    """Add one article's document (in `story`, by default its own; `order` its place in reading order,
    schema.READ_ORDER), and make sure the stem cache knows every word it brings (stems are not indexed:
    queries group the indexed words by the stems the cache gives)."""
    writer.add_document(**to_document(article, story=story, facets=facets), content_key=key, **{READ_ORDER: order})
    if stems is not None:
        stems.learn(article.title + "\n" + article.body)


@contextmanager
def collector_paused():
    """No cyclic garbage collection while a writer fills and flushes its pool: the pool holds millions of
    small tuples that every collection walks again (measured: commit 40 % faster, adding 10-20 %)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
