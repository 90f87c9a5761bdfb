import time

import numpy as np
import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import scoring
from whoosh.fields import ID, NUMERIC, TEXT, Schema

from datetime import date
from math import log

from search.analysis import stem_word
from search.indexer import build_index
from search.matching import Evaluator, Expansions, PostingCache, top_documents
from search.segments import ENTRY_BYTES, read_postings
from search.query import SearchRequest, SearchService
from search.querybuild import QueryBuilder, date_filter
from search.querylang import parse
from search.matching import StemTerm
from search.schema import BODY_WORDS

from .conftest import index_in_segments

QUERIES = [
    wq.Term("body_surface", "reformasi"),
    wq.Term("body_surface", "kemendagri", boost=2.0),
    wq.Or([wq.Term("title_surface", "bupati", boost=2.0), wq.Term("body_surface", "bupati")]),
    wq.And([wq.Term("body_surface", "reformasi"), wq.Term("body_surface", "birokrasi")]),
    wq.AndNot(wq.Term("body_surface", "bupati"), wq.Term("body_surface", "reformasi")),
    wq.Phrase("body_surface", ["reformasi", "birokrasi"], boost=2.0),
    wq.Prefix("body_surface", "birokr"),
    wq.Term("agency", "Kementerian Dalam Negeri", boost=2.0),
    wq.Term("id", "\x00"),
]


def whoosh_scores(searcher, query) -> dict[int, float]:
    return {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}


@pytest.fixture()
def evaluator(service):
    generation = service.current()
    return Evaluator(PostingCache(generation.searcher), generation.dates)


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_matches_and_scores_agree_with_whoosh(service, evaluator, query):
    searcher = service.current().searcher
    expected = whoosh_scores(searcher, query)
    match = evaluator.run(query)
    assert set(np.flatnonzero(match.mask).tolist()) == set(expected)
    if not isinstance(query, wq.Prefix):  # Whoosh gives constant-score prefixes no single score to compare
        for doc, score in expected.items():
            assert match.scores[doc] == pytest.approx(score, rel=1e-4)


def test_a_union_adds_each_words_postings_as_summing_whole_arrays_did(evaluator):
    words = [StemTerm(BODY_WORDS, stem_word("pelayanan")), wq.Term("body_surface", "kecamatan", boost=2.5),
             wq.Term("title_surface", "bupati"), wq.Term("body_surface", "tidakadakatanya"),
             wq.And([wq.Term("body_surface", "warga"), wq.Term("body_surface", "kantor")]),
             StemTerm(BODY_WORDS, stem_word("warga"), boost=0.5)]
    match = evaluator.run(wq.Or(words))
    mask = np.zeros(evaluator.doc_count, dtype=bool)
    scores = np.zeros(evaluator.doc_count, dtype=np.float32)
    for word in words:  # each part as a whole array, as the union did before
        part = evaluator.run(word)
        mask |= part.mask
        scores += part.scores
    assert mask.sum() > 1 and match.mask.tolist() == mask.tolist()
    assert match.scores.tolist() == scores.tolist()  # the same sums in the same order: equal, not close


def test_built_queries_match_what_whoosh_matches(service, evaluator):
    generation = service.current()
    builder = QueryBuilder(generation.searcher.reader(), generation.facets)

    def stems_as_words(query):  # what Whoosh must be asked: a stem is any of its surface words
        if isinstance(query, StemTerm):
            return query.words(generation.postings.stem_groups(query.fieldname))
        return query

    for text in ["reformasi birokrasi", "kemendagri", '"lampung selatan" -bupati', "birokr*", "reformsi",
                 "pemkab lampung selatan", "agency:kemendagri", "bupati OR gubernur", "melayani"]:
        built = builder.build(parse(text), {"official": (), "agency": ()}, date(2000, 1, 1), None)
        for query in [built.combined(), built.base()]:
            expected = set(generation.searcher.docs_for_query(query.accept(stems_as_words)))
            assert expected or text in ("reformsi", "melayani")
            assert set(np.flatnonzero(evaluator.mask(query)).tolist()) == expected, text


def test_date_ranges_read_the_date_array(service, evaluator):
    dates = service.current().dates
    mask = evaluator.mask(date_filter(date(2022, 9, 28), date(2022, 9, 28)))
    assert mask.any() and set(dates[mask].tolist()) == {20220928}
    assert not evaluator.mask(date_filter(date(2022, 9, 29), None))[dates == 20220928].any()


def test_top_documents_rank_by_key_then_document_number():
    keys = np.array([1.0, 3.0, 2.0, 3.0, 0.5, 3.0])
    mask = np.array([True, True, True, True, True, False])
    assert top_documents(mask, keys, 10).tolist() == [1, 3, 2, 0, 4]
    assert top_documents(mask, keys, 2).tolist() == [1, 3]
    assert top_documents(mask, keys, 3).tolist() == [1, 3, 2]
    assert top_documents(np.zeros(6, dtype=bool), keys, 3).tolist() == []


def test_top_documents_give_ties_to_the_document_read_first():
    keys = np.array([1.0, 3.0, 2.0, 3.0, 0.5, 3.0])
    mask = np.ones(6, dtype=bool)
    orders = np.array([6, 5, 4, 3, 2, 1])  # read last to first
    assert top_documents(mask, keys, 10, orders).tolist() == [5, 3, 1, 2, 0, 4]
    assert top_documents(mask, keys, 2, orders).tolist() == [5, 3]  # of three tied, the two read first
    assert top_documents(mask, keys, 4, orders).tolist() == [5, 3, 1, 2]


@pytest.fixture()
def two_segments(tmp_path):
    """Two segments (five documents, then five more), one document deleted."""
    schema = Schema(id=ID(stored=True, unique=True), text=TEXT(), n=NUMERIC(int, sortable=True))
    ix = whoosh_index.create_in(str(tmp_path), schema)
    for first in (0, 5):
        writer = ix.writer()
        for number in range(first, first + 5):
            writer.add_document(id=str(number), text="air " * (number % 3 + 1) + ("banjir" if number % 2 else "kering"),
                                n=number)
        writer.commit(merge=False)
    writer = ix.writer()
    writer.delete_by_term("id", "7")
    writer.commit(merge=False)
    searcher = ix.searcher()
    yield searcher
    searcher.close()


def test_postings_span_segments_and_leave_deleted_documents_out(two_segments):
    searcher = two_segments
    assert len(searcher.reader().leaf_readers()) == 2
    ids, weights = read_postings(searcher.reader(), "text", "banjir")
    assert ids.tolist() == [1, 3, 5, 7, 9]  # deleted documents included, the cache masks them
    cache = PostingCache(searcher)
    assert cache.live.tolist() == [True] * 7 + [False] + [True] * 2
    assert cache.term("text", "banjir")[0].tolist() == [1, 3, 5, 9]
    for query in [wq.Term("text", "air"), wq.Term("text", "banjir"), wq.Not(wq.Term("text", "banjir")),
                  wq.Phrase("text", ["air", "banjir"], boost=2.0), wq.Phrase("text", ["air", "air"]),
                  wq.Phrase("text", ["banjir", "air"])]:
        expected = whoosh_scores(searcher, query)
        match = Evaluator(cache, np.zeros(10, dtype=np.int64)).run(query)
        assert set(np.flatnonzero(match.mask).tolist()) == set(expected)
        if not isinstance(query, wq.Not):
            assert [match.scores[d] for d in sorted(expected)] == pytest.approx([expected[d] for d in sorted(expected)])


def test_a_terms_idf_comes_from_its_postings_exactly_as_whoosh_computes_it(two_segments):
    cache = PostingCache(two_segments)  # "banjir": five postings, one of a deleted document (Whoosh counts it)
    ids, scores = cache.term("text", "banjir")
    raw_ids, raw_weights = read_postings(two_segments.reader(), "text", "banjir")
    keep = cache.live[raw_ids]
    assert cache.stock_idf and two_segments.idf("text", "banjir") == log(10 / 6) + 1
    assert scores.tolist() == cache._bm25f("text", two_segments.idf("text", "banjir"), raw_ids[keep],
                                           raw_weights[keep]).tolist()


def test_a_weighting_with_its_own_idf_is_asked_for_it(two_segments):
    class FlatIdf(scoring.BM25F):
        def idf(self, searcher, fieldname, text):
            return 2.0

    searcher = two_segments
    searcher.weighting = FlatIdf()
    searcher._idf_cache = {}
    cache = PostingCache(searcher)
    ids, scores = cache.term("text", "banjir")
    assert not cache.stock_idf
    assert scores.tolist() == cache._bm25f("text", 2.0, ids, read_postings(searcher.reader(), "text", "banjir",
                                                                           cache.live)[1]).tolist()


def test_cache_stays_within_its_budget_and_still_answers(two_segments):
    cache = PostingCache(two_segments, budget_bytes=2 * ENTRY_BYTES + 80)
    first = cache.term("text", "air")
    cache.term("text", "banjir")
    cache.term("text", "kering")
    assert cache.cached_bytes <= 2 * ENTRY_BYTES + 80
    assert cache.cached_entries == 2
    again = cache.term("text", "air")
    assert again[0].tolist() == first[0].tolist()
    assert again[1].tolist() == pytest.approx(first[1].tolist())


def test_a_stem_matches_every_word_with_that_stem_scored_as_one_term(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    bodies = ["Petugas melayani warga di kantor kecamatan setiap hari kerja.",
              "Pelayanan publik membaik; pelayanan malam dibuka dan warga dilayani cepat.",
              "Layanan baru untuk nelayan diresmikan bupati.",
              "Harga beras naik di pasar induk kabupaten sejak awal pekan ini."]
    for number, body in enumerate(bodies):
        (sources / f"{number}.txt").write_text(f"Judul {number}\n\n{body}\n", encoding="utf-8")
    assert build_index([sources], tmp_path / "ix").indexed == 4
    service = SearchService(tmp_path / "ix")
    try:
        generation = service.current()
        searcher, postings = generation.searcher, generation.postings
        assert postings.stem_groups("body_surface")[stem_word("melayani")] == ["dilayani", "layanan", "melayani",
                                                                               "pelayanan"]
        match = generation.evaluator.run(StemTerm(BODY_WORDS, stem_word("pelayanan")))
        number = {body: next(d for d in range(4) if body in searcher.stored_fields(d)["body"]) for body in bodies}
        assert sorted(np.flatnonzero(match.mask).tolist()) == sorted(number[body] for body in bodies[:3])
        second = number[bodies[1]]  # pelayanan twice, dilayani once: frequency 3
        idf = log(4 / (3 + 1)) + 1
        length = searcher.doc_field_length(second, "body_surface")
        average = searcher.avg_field_length("body_surface")
        expected = idf * (3 * 2.2) / (3 + 1.2 * (0.25 + 0.75 * length / average))
        assert match.scores[second] == pytest.approx(expected, rel=1e-5)
        assert match.scores[second] == match.scores.max()
    finally:
        service.close()


def test_an_update_reuses_what_unchanged_segments_gave(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Judul\n\nPetugas melayani warga di kantor kecamatan setiap hari.\n", encoding="utf-8")
    build_index([sources], tmp_path / "ix")
    service = SearchService(tmp_path / "ix")
    try:
        assert service.search(SearchRequest(q="pelayanan"))["total"] == 1
        memo = service._segment_memo
        before = {key: memo.peek(key) for key in memo.keys()}
        # the lexicon: warming a generation looks up its most frequent words there
        assert {what for what, _, _ in before} == {"stem groups", "lengths", "column", "facet pairs", "lexicon"}
        (sources / "b.txt").write_text("Judul\n\nPelayanan malam dibuka untuk warga kecamatan.\n", encoding="utf-8")
        build_index([sources], tmp_path / "ix")
        assert service.search(SearchRequest(q="pelayanan"))["total"] == 2
        kept = [key for key in before if memo.peek(key) is not None]
        assert kept == list(before) and all(memo.peek(key) is before[key] for key in kept)
        assert len(memo) > len(kept)  # the new segment's words, lengths, dates and facet pairs
    finally:
        service.close()


@pytest.fixture()
def many_words(tmp_path):
    """Twelve documents; word `meN` (N = 0..29) occurs in the first N % 12 + 1 documents, `di` in all."""
    schema = Schema(id=ID(stored=True, unique=True), text=TEXT())
    ix = whoosh_index.create_in(str(tmp_path), schema)
    writer = ix.writer()
    for doc in range(12):
        words = [f"me{n:02d}" for n in range(30) if doc <= n % 12]
        writer.add_document(id=str(doc), text=" ".join(words + ["di"]))
    writer.commit()
    searcher = ix.searcher()
    yield searcher
    searcher.close()


def test_a_prefix_expands_to_its_most_frequent_words_within_the_cap(many_words):
    evaluator = Evaluator(PostingCache(many_words), np.zeros(12, dtype=np.int64))
    expansions = Expansions(per_expansion=3, total=10)
    match = evaluator.run(wq.Prefix("text", "me"), expansions)
    # me11, me23 are in all twelve documents, me10 and me22 in eleven: the first three by frequency, then name
    assert np.flatnonzero(match.mask).tolist() == list(range(12))
    assert expansions.used == 3
    assert expansions.describe() == {"per_expansion": 3, "per_query": 10, "postings_per_query": 1_000_000,
                                     "expansions": {"me*": {"found": 30, "searched": 3}}}
    assert evaluator.postings.expansion(wq.Prefix("text", "me"), 3) == (
        [("me11", 12), ("me23", 12), ("me10", 11)], 30)


def test_a_query_expands_to_at_most_the_total_cap_and_the_same_prefix_once(many_words):
    evaluator = Evaluator(PostingCache(many_words), np.zeros(12, dtype=np.int64))
    expansions = Expansions(per_expansion=4, total=6)
    query = wq.Or([wq.Prefix("text", "me"), wq.Prefix("text", "me"), wq.Prefix("text", "me0"),
                   wq.Prefix("text", "me1")])
    evaluator.run(query, expansions)
    assert expansions.used == 6  # me* 4 words (once, though asked twice), me0* 2 of 10, me1* none
    assert expansions.capped == {"me*": {"found": 30, "searched": 4}, "me0*": {"found": 10, "searched": 2},
                                 "me1*": {"found": 10, "searched": 0}}
    assert Evaluator(PostingCache(many_words), np.zeros(12)).run(wq.Prefix("text", "di")).mask.all()


def test_a_query_expands_to_words_whose_postings_fit_its_budget_the_most_frequent_first(many_words):
    evaluator = Evaluator(PostingCache(many_words), np.zeros(12, dtype=np.int64))
    expansions = Expansions(per_expansion=5, total=10, postings=30)
    evaluator.run(wq.Or([wq.Prefix("text", "me1"), wq.Prefix("text", "me2")]), expansions)
    # me1*'s five most frequent: me11 (12 documents), me10 (11), me19 (8: 31 > 30, passed over), me18 (7), me17
    # (6: passed over); nothing is left for me2*
    assert (expansions.used, expansions.postings_used) == (3, 30)
    assert expansions.capped == {"me1*": {"found": 10, "searched": 3}, "me2*": {"found": 10, "searched": 0}}
    taken = Expansions(per_expansion=5, total=10, postings=30).take(
        "x*", [("a", 12), ("b", 11), ("c", 9), ("d", 6), ("e", 1)], 5)
    assert taken == ["a", "b", "d", "e"]  # c (9) no longer fits after 23; d (6) and e (1) do


def test_an_excluded_prefix_the_caps_cut_is_refused_not_half_excluded(many_words):
    from search.errors import BadQueryError

    evaluator = Evaluator(PostingCache(many_words), np.zeros(12, dtype=np.int64))
    query = wq.AndNot(wq.Term("text", "di"), wq.Prefix("text", "me1"))
    with pytest.raises(BadQueryError) as refused:
        evaluator.run(query, Expansions(per_expansion=3))
    assert (refused.value.code, refused.value.fields) == (
        "exclusion_too_wide", {"prefix": "me1*", "found": 10, "searched": 3})
    assert evaluator.run(query, Expansions()).mask.tolist() == [False] * 12  # me11 is in every document
    assert evaluator.run(wq.And([wq.Term("text", "di"), wq.Not(wq.Prefix("text", "me0"))]),
                         Expansions(per_expansion=10)).mask.tolist() == [False] * 10 + [True] * 2
    with pytest.raises(BadQueryError, match="-me0\\* stands for 10 words"):
        evaluator.run(wq.And([wq.Term("text", "di"), wq.Not(wq.Prefix("text", "me0"))]), Expansions(per_expansion=9))


def test_evaluating_past_the_deadline_is_refused_before_a_word_is_read(many_words):
    from search.errors import QueryTooCostlyError

    evaluator = Evaluator(PostingCache(many_words), np.zeros(12, dtype=np.int64))
    query = wq.And([wq.Term("text", "di"), wq.Prefix("text", "me1")])
    with pytest.raises(QueryTooCostlyError, match="reads too much of the index"):
        evaluator.run(query, Expansions(deadline=time.thread_time() - 1))
    assert evaluator.postings.cached_bytes == 0
    assert np.flatnonzero(evaluator.run(query, Expansions(deadline=time.thread_time() + 60)).mask).tolist() == list(range(12))


def test_an_uncapped_prefix_matches_what_whoosh_matches(many_words):
    evaluator = Evaluator(PostingCache(many_words), np.zeros(12, dtype=np.int64))
    expansions = Expansions()
    match = evaluator.run(wq.Prefix("text", "me2"), expansions)
    assert set(np.flatnonzero(match.mask).tolist()) == set(whoosh_scores(many_words, wq.Prefix("text", "me2")))
    assert expansions.describe() is None and expansions.used == 10


def test_unknown_words_keep_the_postings_cache_within_its_budget(two_segments):
    cache = PostingCache(two_segments, budget_bytes=100 * ENTRY_BYTES)
    for n in range(5_000):
        assert len(cache.term("text", f"tidakada{n}")[0]) == 0
    assert cache.cached_entries == 100  # empty arrays are not free: each entry counts its overhead
    assert cache.cached_bytes == 100 * ENTRY_BYTES
    assert len(two_segments._idf_cache) == 0  # Whoosh's own cache of idf values, which has no budget


def test_a_stem_term_is_the_evaluators_own_and_whoosh_gets_its_words(service):
    generation = service.current()
    stem = StemTerm(BODY_WORDS, stem_word("reformasi"))
    with pytest.raises(TypeError):
        stem.matcher(generation.searcher)
    words = stem.words(generation.postings.stem_groups(BODY_WORDS))
    assert isinstance(words, wq.Or) and wq.Term(BODY_WORDS, "reformasi") in words.subqueries
    expected = set(generation.searcher.docs_for_query(words))
    assert expected and set(np.flatnonzero(generation.evaluator.mask(stem)).tolist()) == expected
    assert StemTerm(BODY_WORDS, "x") == StemTerm(BODY_WORDS, "x") != StemTerm(BODY_WORDS, "x", boost=2.0)


def test_a_surface_words_frequency_from_the_lexicons_is_whooshs(tmp_path):
    from search.schema import TITLE_WORDS

    sources = tmp_path / "sources"
    sources.mkdir()
    texts = [{"a.txt": "Bupati Meninjau\n\nBupati meninjau jembatan desa bersama warga desa kemarin sore."},
             {"b.txt": "Camat Membuka Pasar\n\nCamat membuka pasar desa yang baru di kecamatan itu.",
              "d.txt": "Lurah Menyapa\n\nLurah menyapa pedagang di pasar pagi bersama camat.",
              "e.txt": "Sekda Rapat\n\nSekda memimpin rapat anggaran bersama kepala dinas."},
             {"c.txt": "Warga Desa\n\nWarga desa menanam padi di sawah bersama petani desa."}]
    for update in texts:
        for name, text in update.items():
            (sources / name).write_text(text, encoding="utf-8")
        build_index([sources], tmp_path / "ix")  # one segment per update
    (sources / "b.txt").unlink()
    build_index([sources], tmp_path / "ix")  # a third of its segment deleted: kept, and counted as Whoosh counts
    service = SearchService(tmp_path / "ix")
    try:
        generation = service.current()
        reader = generation.searcher.reader()
        assert len(reader.leaf_readers()) >= 2
        for field in (BODY_WORDS, TITLE_WORDS):
            for word in ("desa", "warga", "camat", "pasar", "bupati", "tidakada", "", "zzz"):
                expected = reader.doc_frequency(field, word)
                assert generation.postings.doc_frequency(field, word) == expected, (field, word)
        assert generation.postings.doc_frequency(BODY_WORDS, "desa") == 3
    finally:
        service.close()


def test_a_part_is_unsearched_when_every_alternative_is_a_prefix_left_without_words():
    from search.matching import Expansions

    expansions = Expansions(capped={"pe*": {"found": 10, "searched": 0}, "ke*": {"found": 10, "searched": 0},
                                    "ba*": {"found": 10, "searched": 3}})
    assert [expansions.unsearched(label) for label in ("pe*", "pe* OR ke*", "pe* OR zzzqx", "ba*", "korupsi")] == [
        True, True, False, False, False]
    assert [expansions.cut_short(label) for label in ("pe* OR zzzqx", "ba* OR ko*", "korupsi")] == [["pe"], ["ba"], []]


def test_a_one_off_search_reads_no_surface_fields_term_file_where_segments_have_word_tables(tmp_path, monkeypatch):
    from whoosh.reading import SegmentReader

    from search.schema import SURFACE_FIELDS

    root = index_in_segments(tmp_path, {
        "a.txt": "Bupati Meninjau\n\nBupati meninjau jembatan desa bersama warga desa.",
        "b.txt": "Camat Membuka Pasar\n\nCamat membuka pasar-desa yang baru di kecamatan."})
    walked = []
    for method in ("iter_field", "lexicon"):
        whoosh_method = getattr(SegmentReader, method)

        def counted(leaf, fieldname, *args, whoosh_method=whoosh_method, method=method, **kwargs):
            if fieldname in SURFACE_FIELDS:
                walked.append((method, fieldname))
            return whoosh_method(leaf, fieldname, *args, **kwargs)
        monkeypatch.setattr(SegmentReader, method, counted)
    service = SearchService(root, warm=False)
    try:
        totals = [service.search(SearchRequest(q=q))["total"] for q in ("desa", "pa*", "camta", "jembatan -pasar")]
        assert totals == [2, 1, 1, 1]
        assert len(service.current().searcher.reader().leaf_readers()) == 2
        assert walked == []
        assert service.current().postings.stem_groups(BODY_WORDS)["desa"] == ["desa", "pasar-desa"]
    finally:
        service.close()


def test_a_stems_compounds_beyond_the_cap_are_the_most_frequent_by_the_lexicons_counts(tmp_path, monkeypatch):
    monkeypatch.setattr("search.analysis.MAX_COMPOUNDS_PER_STEM", 2)
    sources = tmp_path / "sources"
    sources.mkdir()
    counts = {"info-a": 1, "info-b": 3, "info-c": 2}
    for word, documents in counts.items():
        for n in range(documents):
            (sources / f"{word}-{n}.txt").write_text(f"Judul {word} {n}\n\nWarga membaca {word} pagi ini nomor {n}.",
                                                     encoding="utf-8")
    build_index([sources], tmp_path / "ix")
    service = SearchService(tmp_path / "ix", warm=False)
    try:
        assert service.current().postings.stem_groups(BODY_WORDS)["info"] == ["info-b", "info-c"]
    finally:
        service.close()
