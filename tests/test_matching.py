import numpy as np
import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.fields import ID, NUMERIC, TEXT, Schema

from search.matching import Evaluator, PostingCache, read_postings, top_documents
from search.querybuild import QueryBuilder, date_filter
from search.querylang import parse
from datetime import date

QUERIES = [
    wq.Term("body", "reformasi"),
    wq.Term("body_surface", "kemendagri", boost=2.0),
    wq.Or([wq.Term("title_surface", "bupati", boost=2.0), wq.Term("body", "bupati")]),
    wq.And([wq.Term("body", "reformasi"), wq.Term("body", "birokrasi")]),
    wq.AndNot(wq.Term("body", "bupati"), wq.Term("body", "reformasi")),
    wq.Phrase("body_surface", ["reformasi", "birokrasi"], boost=2.0),
    wq.Prefix("body_surface", "birokr"),
    wq.Term("agency", "Kementerian Dalam Negeri", boost=2.0),
    wq.Term("id", "\x00"),
]


def whoosh_scores(searcher, query) -> dict[int, float]:
    return {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}


@pytest.fixture()
def evaluator(service):
    generation = service._open()
    return Evaluator(PostingCache(generation.searcher), generation.dates)


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_matches_and_scores_agree_with_whoosh(service, evaluator, query):
    searcher = service._open().searcher
    expected = whoosh_scores(searcher, query)
    match = evaluator.run(query)
    assert set(np.flatnonzero(match.mask).tolist()) == set(expected)
    if not isinstance(query, wq.Prefix):  # Whoosh gives constant-score prefixes no single score to compare
        for doc, score in expected.items():
            assert match.scores[doc] == pytest.approx(score, rel=1e-4)


def test_built_queries_match_what_whoosh_matches(service, evaluator):
    generation = service._open()
    builder = QueryBuilder(generation.searcher.reader(), generation.facets)
    for text in ["reformasi birokrasi", "kemendagri", '"lampung selatan" -bupati', "birokr*", "reformsi",
                 "pemkab lampung selatan", "agency:kemendagri", "bupati OR gubernur"]:
        built = builder.build(parse(text), {"official": (), "agency": ()}, date(2000, 1, 1), None)
        for query in [built.combined(), built.base()]:
            expected = set(generation.searcher.docs_for_query(query))
            assert set(np.flatnonzero(evaluator.mask(query)).tolist()) == expected, text


def test_date_ranges_read_the_date_array(service, evaluator):
    dates = service._open().dates
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


@pytest.fixture()
def two_segments(tmp_path):
    """Two segments (five documents, then five more), one document deleted."""
    schema = Schema(id=ID(stored=True, unique=True), body=TEXT(), n=NUMERIC(int, sortable=True))
    ix = whoosh_index.create_in(str(tmp_path), schema)
    for first in (0, 5):
        writer = ix.writer()
        for number in range(first, first + 5):
            writer.add_document(id=str(number), body="air " * (number % 3 + 1) + ("banjir" if number % 2 else "kering"),
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
    ids, weights = read_postings(searcher.reader(), "body", "banjir")
    assert ids.tolist() == [1, 3, 5, 7, 9]  # deleted documents included, the cache masks them
    cache = PostingCache(searcher)
    assert cache.live.tolist() == [True] * 7 + [False] + [True] * 2
    assert cache.term("body", "banjir")[0].tolist() == [1, 3, 5, 9]
    for query in [wq.Term("body", "air"), wq.Term("body", "banjir"), wq.Not(wq.Term("body", "banjir"))]:
        expected = whoosh_scores(searcher, query)
        match = Evaluator(cache, np.zeros(10, dtype=np.int64)).run(query)
        assert set(np.flatnonzero(match.mask).tolist()) == set(expected)
        if not isinstance(query, wq.Not):
            assert [match.scores[d] for d in sorted(expected)] == pytest.approx([expected[d] for d in sorted(expected)])


def test_cache_stays_within_its_budget_and_still_answers(two_segments):
    cache = PostingCache(two_segments, budget_bytes=60)
    first = cache.term("body", "air")
    cache.term("body", "banjir")
    cache.term("body", "kering")
    assert cache.cached_bytes <= 60
    again = cache.term("body", "air")
    assert again[0].tolist() == first[0].tolist()
    assert again[1].tolist() == pytest.approx(first[1].tolist())
