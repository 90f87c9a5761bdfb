"""said: — the query's words inside one person's quotes (search/said.py), through the service."""

from __future__ import annotations

import pytest

from search.backends.opensearch import _OpenSearchQueryBuilder
from search.errors import BadQueryError
from search.extract import Quote
from search.query import SearchRequest
from search.querylang import parse
from search.querybuild import QueryBuilder
from search.said import JOIN, QUOTE_BOOST, said_query, said_terms

from whoosh import query as wq

SEED_TITLE = "Pemerintah Kabupaten (Pemkab) Lampung Selatan mengikuti Rakornas"


def titles(service, q="", **kwargs):
    return [hit["title"][:40] for hit in service.search(SearchRequest(q=q, **kwargs))["hits"]]


def test_terms_are_each_speaker_then_their_words_once_and_unattributed_quotes_give_none():
    quotes = [Quote("Suhajar Diantoro", "Reformasi birokrasi, reformasi!", "direct", "ujarnya"),
              Quote(None, "Tanpa pembicara", "direct", None),
              Quote("Thamrin", "Gedung baru", "indirect", "mengatakan")]
    assert said_terms(quotes) == ["Suhajar Diantoro", f"Suhajar Diantoro{JOIN}reformasi",
                                  f"Suhajar Diantoro{JOIN}birokrasi", "Thamrin", f"Thamrin{JOIN}gedung",
                                  f"Thamrin{JOIN}baru", f"{JOIN}reformasi", f"{JOIN}birokrasi", f"{JOIN}tanpa",
                                  f"{JOIN}pembicara", f"{JOIN}gedung", f"{JOIN}baru"]


def test_query_needs_every_positive_group_inside_the_speakers_quotes():
    parsed = parse('said:Thamrin gedung OR kantor "lima ratus" birokra* -zoom')
    assert parsed.filters == (("said", "Thamrin"),)
    assert said_query(["Thamrin"], parsed) == wq.And([
        wq.Term("said", "Thamrin"),
        wq.Or([wq.Term("said", f"Thamrin{JOIN}gedung"), wq.Term("said", f"Thamrin{JOIN}kantor")]),
        wq.And([wq.Term("said", f"Thamrin{JOIN}lima"), wq.Term("said", f"Thamrin{JOIN}ratus")]),
        wq.Prefix("said", f"Thamrin{JOIN}birokra"),
    ])


def test_the_request_said_adds_a_filter_as_the_query_text_does():
    assert parse("reformasi").with_said(["Suhajar", " "]).filters == (("said", "Suhajar"),)


@pytest.mark.parametrize("q, kwargs, expected", [
    ('said:"Suhajar Diantoro" reformasi', {}, [SEED_TITLE[:40]]),
    ("said:suhajar reformasi", {}, [SEED_TITLE[:40]]),  # resolved as official:suhajar is
    ("reformasi", {"said": ("Suhajar",)}, [SEED_TITLE[:40]]),
    ("said:Suhajar", {}, [SEED_TITLE[:40]]),  # no words: quoted at all
    ("said:Suhajar kalianda", {}, []),  # in the article, not in what he said
    ("said:Dendi pelayanan", {}, ["Bupati Pesawaran Dendi Ramadhona membuka"]),
    ('said:Dendi "pelayanan publik"', {}, ["Bupati Pesawaran Dendi Ramadhona membuka"]),
    ("said:Dendi pelay*", {}, ["Bupati Pesawaran Dendi Ramadhona membuka"]),
    ('said:"Oded M. Danial" pelayanan OR prioritas', {}, ["Pelayanan publik di Kota Bandung dinilai"]),
    ("said:nobody", {}, []),
])
def test_said_finds_only_words_inside_that_persons_quotes(service, q, kwargs, expected):
    assert titles(service, q, **kwargs) == expected


def test_pelayanan_alone_finds_more_than_dendis_quotes(service):
    assert len(titles(service, "pelayanan")) == 5


def test_said_is_echoed_in_the_result_query(service):
    assert service.search(SearchRequest(q="reformasi", said=("Suhajar",)))["query"]["said"] == ["Suhajar"]


def test_too_many_said_filters_are_refused(service):
    with pytest.raises(BadQueryError) as raised:
        service.search(SearchRequest(q=" ".join(f"said:x{i}" for i in range(6))))
    assert raised.value.code == "bad_filter"


def test_opensearch_builds_said_from_the_officials_a_name_stands_for():
    asked = []

    def official_values(typed):
        asked.append(typed)
        return ["Suhajar Diantoro"]

    builder = _OpenSearchQueryBuilder(None, {}, official_values=official_values)
    built = builder.build(parse("said:Suhajar"), {})
    assert asked == ["Suhajar"] and built.filters == [wq.Term("said", "Suhajar Diantoro")]
    nobody = _OpenSearchQueryBuilder(None, {}, official_values=lambda typed: [])
    assert nobody.build(parse('said:"Pak  Budi"'), {}).filters == [wq.Term("said", "Pak Budi")]


def test_the_quoted_facet_counts_officials_by_the_articles_quoting_them(service):
    result = service.search(SearchRequest(q="pelayanan"))
    assert [(v["value"], v["count"]) for v in result["facets"]["quoted"]] == [
        ("Dendi Ramadhona", 1), ("Oded M. Danial", 1), ("Suhajar Diantoro", 1)]  # the seed says pelayanan too
    chosen = service.search(SearchRequest(q="pelayanan", selected={"quoted": ("Dendi Ramadhona",)}))
    assert chosen["total"] == 1


class _Known:
    def doc_frequency(self, field, word):
        return 1


def test_a_word_inside_anyones_quotes_scores_a_little_more_on_both_backends():
    options = QueryBuilder(_Known(), {}).word_query("reformasi").subqueries
    assert options[-1] == wq.Term("said", f"{JOIN}reformasi", boost=QUOTE_BOOST)
    assert QUOTE_BOOST == 0.2
    options = _OpenSearchQueryBuilder(_Known(), {}).word_query("reformasi").subqueries
    assert [q for q in options if q.fieldname == "said"] == [wq.Term("said", f"{JOIN}reformasi", boost=QUOTE_BOOST)]


def test_hits_carry_the_quotes_holding_the_most_words_marked(service):
    [hit] = service.search(SearchRequest(q="said:Dendi pelayanan"))["hits"]
    assert hit["quotes"] == [{"speaker": "Dendi Ramadhona", "kind": "direct",
                              "text": "<mark>Pelayanan</mark> publik harus menjadi prioritas pembangunan daerah"}]
    seed = service.search(SearchRequest(q="kelas dunia", collapse=False))["hits"][0]
    assert [(q["speaker"], q["kind"], q["text"]) for q in seed["quotes"]] == [
        ("Suhajar Diantoro", "direct", "Awal perubahan birokrasi di tahun 2014 dan targetnya tahun 2024 menjadi "
                                       "pemerintahan <mark>kelas</mark> <mark>dunia</mark>. …"),
        ("Suhajar Diantoro", "indirect", "untuk mencapai sistem pemerintahan <mark>kelas</mark> <mark>dunia</mark>, "
                                         "diperlukan managemen dalam setiap aspek birokrasi")]
    assert service.search(SearchRequest(q="said:Dendi"))["hits"][0]["quotes"] == []  # no words: none is better


def test_stop_words_are_neither_indexed_nor_required_inside_quotes():
    assert said_terms([Quote("Thamrin", "Yang dan gedung", "direct", None)]) == [
        "Thamrin", f"Thamrin{JOIN}gedung", f"{JOIN}gedung"]
    assert said_query(["Thamrin"], parse('said:Thamrin "gedung yang baru"')) == wq.And([
        wq.Term("said", "Thamrin"),
        wq.And([wq.Term("said", f"Thamrin{JOIN}gedung"), wq.Term("said", f"Thamrin{JOIN}baru")])])
