import numpy as np
import pytest
from whoosh import index as whoosh_index

import search.segments
from search.facets import FacetTable
from search.schema import build_schema
from search.segments import (SegmentMemo, SegmentPostings, column_values, live_documents, read_postings,
                             segment_postings)

# three commits, three segments: (id, date, officials)
BATCHES = [
    [("a", 20220928, ["Thamrin", "Eka Riantinawati"]), ("b", 20210101, ["Thamrin"])],
    [("c", 0, ["Muhadi"]), ("d", 20230315, ["Badruzzaman", "Thamrin"])],
    [("e", 20240102, ["Alex Denni"])],
]


def add_batch(ix, batch, delete=()):
    writer = ix.writer()
    for article_id in delete:
        writer.delete_by_term("id", article_id)
    for article_id, date_number, officials in batch:
        writer.add_document(id=article_id, date_num=date_number, official="\n".join(officials))
    writer.commit(merge=False)


@pytest.fixture()
def ix(tmp_path):
    index = whoosh_index.create_in(str(tmp_path), build_schema())
    for batch in BATCHES:
        add_batch(index, batch)
    return index


def test_live_documents_and_column_values_over_segments(ix):
    add_batch(ix, [], delete=["b", "c"])
    with ix.searcher() as searcher:
        reader = searcher.reader()
        assert len(reader.leaf_readers()) == 3
        assert live_documents(reader).tolist() == [not reader.is_deleted(d) for d in range(5)]
        assert live_documents(reader).tolist() == [True, False, False, True, True]
        memo = SegmentMemo()
        assert column_values(reader, "date_num", memo).tolist() == [20220928, 20210101, 0, 20230315, 20240102]
        assert len(memo) == 3


def test_facet_table_over_segments_drops_deleted_documents_and_their_only_values(ix):
    add_batch(ix, [], delete=["c"])  # Muhadi was only in c
    with ix.searcher() as searcher:
        reader = searcher.reader()
        table = FacetTable.from_reader(reader, "official", live_documents(reader), SegmentMemo())
        assert table.values == ["Alex Denni", "Badruzzaman", "Eka Riantinawati", "Thamrin"]
        pairs = sorted(zip(table.pair_doc.tolist(), (table.values[v] for v in table.pair_value.tolist())))
        assert pairs == [(0, "Eka Riantinawati"), (0, "Thamrin"), (1, "Thamrin"), (3, "Badruzzaman"),
                         (3, "Thamrin"), (4, "Alex Denni")]
        assert table.counts(np.ones(5, dtype=bool)) == [("Thamrin", 3), ("Alex Denni", 1), ("Badruzzaman", 1),
                                                         ("Eka Riantinawati", 1)]


def test_a_new_segment_is_read_and_the_others_come_from_the_memo(ix):
    memo = SegmentMemo()
    with ix.searcher() as searcher:
        FacetTable.from_reader(searcher.reader(), "official", None, memo)
        before = {key: memo.peek(key) for key in memo.keys()}
    add_batch(ix, [("f", 20250101, ["Muhadi"])], delete=["a"])
    with ix.searcher() as searcher:
        reader = searcher.reader()
        memo.retain(reader)
        table = FacetTable.from_reader(reader, "official", live_documents(reader), memo)
        assert all(memo.peek(key) is value for key, value in before.items())
        assert len(memo) == 4
        assert dict(table.counts(np.ones(6, dtype=bool))) == {"Thamrin": 2, "Muhadi": 2, "Badruzzaman": 1,
                                                              "Alex Denni": 1}


def test_retain_forgets_segments_merged_away(ix):
    memo = SegmentMemo()
    with ix.searcher() as searcher:
        column_values(searcher.reader(), "date_num", memo)
    ix.optimize()
    with ix.searcher() as searcher:
        memo.retain(searcher.reader())
        assert len(memo) == 0
        assert column_values(searcher.reader(), "date_num", memo).tolist() == [20220928, 20210101, 0, 20230315,
                                                                               20240102]


def test_a_term_is_read_from_each_segment_once_while_it_lives(ix, monkeypatch):
    reads = []
    original = search.segments.segment_postings
    monkeypatch.setattr(search.segments, "segment_postings", lambda *args: reads.append(args) or original(*args))
    kept = SegmentPostings()
    with ix.searcher() as searcher:
        first = read_postings(searcher.reader(), "official", "Thamrin", kept=kept)
        assert read_postings(searcher.reader(), "official", "Thamrin", kept=kept)[0].tolist() == [0, 1, 3]
        assert first[0].tolist() == [0, 1, 3] and len(reads) == 3
    add_batch(ix, [("f", 20250101, ["Thamrin"])], delete=["b"])
    with ix.searcher() as searcher:
        kept.retain(searcher.reader())
        live = live_documents(searcher.reader())
        assert read_postings(searcher.reader(), "official", "Thamrin", live, kept)[0].tolist() == [0, 3, 5]
        assert len(reads) == 4  # only the new segment
        assert read_postings(searcher.reader(), "official", "Thamrin")[0].tolist() == [0, 1, 3, 5]


def test_segment_postings_of_a_word_or_field_the_segment_lacks_are_empty(ix):
    with ix.searcher() as searcher:
        leaves = [leaf for leaf, _ in searcher.reader().leaf_readers()]
        assert segment_postings(leaves[2], "official", b"Alex Denni")[0].tolist() == [0]
        assert segment_postings(leaves[2], "official", b"Thamrin")[0].tolist() == []  # in other segments only
        assert segment_postings(leaves[0], "no_such_field", b"Thamrin")[0].tolist() == []


def test_segment_postings_stay_within_their_budget(ix):
    kept = SegmentPostings(budget_bytes=16)  # two postings
    with ix.searcher() as searcher:
        for name in ("Thamrin", "Muhadi", "Alex Denni"):
            assert len(read_postings(searcher.reader(), "official", name, kept=kept)[0])
            assert kept.cached_bytes <= 16
        ix.optimize()
    with ix.searcher() as searcher:
        kept.retain(searcher.reader())
        assert kept.cached_bytes == 0


def test_a_segments_phrases_are_kept_apart_from_its_terms(ix):
    kept = SegmentPostings(budget_bytes=16, phrase_bytes=4096)  # terms: two postings
    found = []

    def compute():
        found.append(1)
        return np.array([0, 3], dtype=np.int32), np.zeros(0, dtype=np.float32)

    with ix.searcher() as searcher:
        leaf = searcher.reader().leaf_readers()[0][0]
        assert kept.phrase(leaf, "Phrase('body', ['rumah', 'sakit'])", compute)[0].tolist() == [0, 3]
        for name in ("Thamrin", "Muhadi", "Alex Denni", "Eka Riantinawati"):  # more than the terms' budget
            read_postings(searcher.reader(), "official", name, kept=kept)
        assert kept.phrase(leaf, "Phrase('body', ['rumah', 'sakit'])", compute)[0].tolist() == [0, 3]
        assert len(found) == 1
        assert kept.phrase(leaf, "Phrase('body', ['rumah', 'umum'])", compute)[0].tolist() == [0, 3]
        assert len(found) == 2
        ix.optimize()
    with ix.searcher() as searcher:
        kept.retain(searcher.reader())
        assert kept.cached_bytes == 0 and len(kept) == 0


def test_an_array_cache_computes_a_key_once_while_several_threads_ask():
    import threading

    from search.segments import ENTRY_BYTES, ArrayCache

    cache = ArrayCache(budget_bytes=10 * ENTRY_BYTES)
    release = threading.Event()
    computed: list[str] = []

    def compute(who: str):
        computed.append(who)
        release.wait(timeout=10)
        return np.array([1, 2], dtype=np.int32), np.array([0.5, 0.25], dtype=np.float32)

    answers: dict[str, list[int]] = {}
    first = threading.Thread(target=lambda: answers.update(first=cache.get("k", lambda: compute("first"))[0].tolist()))
    first.start()
    while not computed:  # the first thread is inside compute
        threading.Event().wait(0.01)
    second = threading.Thread(target=lambda: answers.update(second=cache.get("k", lambda: compute("second"))[0].tolist()))
    second.start()
    second.join(timeout=0.5)
    assert second.is_alive()  # waiting for the first thread's answer, not computing its own
    release.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert computed == ["first"]
    assert answers == {"first": [1, 2], "second": [1, 2]}
    assert cache.cached_bytes == 16 + ENTRY_BYTES and len(cache) == 1


def test_segment_lengths_read_whole_columns_as_whoosh_reads_each_document(tmp_path):
    index = whoosh_index.create_in(str(tmp_path), build_schema())
    for batch in (["satu", "dua tiga", ""], ["empat lima enam tujuh", ""]):  # a segment ending without a body
        writer = index.writer()
        for number, body in enumerate(batch):
            writer.add_document(id=f"{body}-{number}", body_surface=body)
        writer.commit(merge=False)
    with index.searcher() as searcher:
        found = [search.segments.segment_lengths(leaf, "body_surface").tolist()
                 for leaf, _ in searcher.reader().leaf_readers()]
        asked = [[leaf.doc_field_length(doc, "body_surface") or 0 for doc in range(leaf.doc_count_all())]
                 for leaf, _ in searcher.reader().leaf_readers()]
        no_field = [search.segments.segment_lengths(leaf, "title_surface").tolist()
                    for leaf, _ in searcher.reader().leaf_readers()]
    assert found == asked == [[1.0, 2.0, 0.0], [4.0, 0.0]]
    assert no_field == [[0.0, 0.0, 0.0], [0.0, 0.0]]


PHRASE_TEXTS = [  # more than one postings block (128 postings) of "rumah" and "sakit", in two segments
    "rumah sakit umum daerah" if n % 3 == 0 else
    "sakit rumah tangga sakit sakit" if n % 3 == 1 else
    "rumah warga sakit"
    for n in range(400)
] + ["satu kali saja rumah sakit"]


@pytest.fixture()
def phrases(tmp_path):
    from search.writing import open_writer
    index = whoosh_index.create_in(str(tmp_path), build_schema())
    for part in (PHRASE_TEXTS[:250], PHRASE_TEXTS[250:]):
        writer = open_writer(index)  # the build's writer: single-posting terms are inlined
        for n, text in enumerate(part):
            writer.add_document(id=f"{len(part)}-{n}", body_surface=text)
        writer.commit(merge=False)
    writer = index.writer()
    writer.delete_by_term("id", "250-0")  # "rumah sakit umum daerah" in the first segment
    writer.commit(merge=False)
    return index


@pytest.mark.parametrize("words", [["rumah", "sakit"], ["sakit", "sakit"], ["sakit", "rumah", "tangga"],
                                   ["rumah", "sakit", "umum", "daerah"], ["kali", "saja", "rumah"], ["rumah"],
                                   ["rumah", "xyz"], ["daerah", "rumah"], ["sakit", "sakit", "sakit"]], ids=" ".join)
def test_phrase_postings_find_what_whooshs_phrase_finds(phrases, words):
    from whoosh.query import Phrase
    from search.segments import phrase_postings
    with phrases.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) == 2
        for leaf_searcher, _ in searcher.leaf_searchers():
            leaf = leaf_searcher.reader()
            found, _ = phrase_postings(leaf, "body_surface", [w.encode() for w in words], SegmentPostings())
            live = [d for d in found.tolist() if not leaf.is_deleted(d)]
            expected = [hit.docnum for hit in leaf_searcher.search(Phrase("body_surface", words), limit=None)]
            assert live == sorted(expected)


def test_phrase_postings_ask_the_deadline_while_reading_positions(phrases, monkeypatch):
    from search import segments
    from search.errors import QueryTooCostlyError
    monkeypatch.setattr(segments, "CHECK_EVERY", 16)
    asked = []

    def late():
        asked.append(1)
        if len(asked) > 3:
            raise QueryTooCostlyError("late")

    with phrases.searcher() as searcher:
        leaf = searcher.reader().leaf_readers()[0][0]
        found, _ = segments.phrase_postings(leaf, "body_surface", [b"sakit", b"sakit"], SegmentPostings(),
                                            lambda: asked.append(1))
        assert (len(found), len(asked)) == (83, 41)  # a look every 16 positions: the 250 documents hold 1-3 `sakit`
        asked.clear()
        with pytest.raises(QueryTooCostlyError):
            segments.phrase_postings(leaf, "body_surface", [b"sakit", b"sakit"], SegmentPostings(), late)


def test_phrase_postings_counts_in_a_segment_of_many_blocks(phrases):
    from search.segments import phrase_postings
    with phrases.searcher() as searcher:
        leaf = searcher.reader().leaf_readers()[0][0]
        found, _ = phrase_postings(leaf, "body_surface", [b"rumah", b"sakit"], SegmentPostings())
        assert len(found) == 84  # n % 3 == 0 among 0..249, the deleted one included (callers mask deletions)
        found, _ = phrase_postings(leaf, "body_surface", [b"sakit", b"sakit"], SegmentPostings())
        assert found.tolist() == list(range(1, 250, 3))
