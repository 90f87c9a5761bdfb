"""said: — the query's words inside one person's quotes (search/said.py), through the service."""

from __future__ import annotations

import json

import pytest

from search.backends.opensearch import _OpenSearchQueryBuilder
from search.errors import BadQueryError
from search.querylang import parse
from search.indexer import build_index
from search.query import SearchRequest, SearchService
from search.querybuild import QueryBuilder
from search.said import (JOIN, QUOTE_BOOST, SPAN, SaidPositions, SaidWords, said_positions, said_query, said_terms,
                         said_within)

from whoosh import index, query as wq
from whoosh.analysis import RegexTokenizer
from whoosh.fields import TEXT, Schema

SEED_TITLE = "Pemerintah Kabupaten (Pemkab) Lampung Selatan mengikuti Rakornas"


def titles(service, q="", **kwargs):
    return [hit["title"][:40] for hit in service.search(SearchRequest(q=q, **kwargs))["hits"]]


QUOTES = [("Suhajar Diantoro", "Reformasi birokrasi, reformasi!"), (None, "Tanpa pembicara"),
          ("Thamrin", "Gedung baru"), ("Suhajar Diantoro", "Birokrasi bersih")]


def test_positions_put_each_speaker_at_a_block_start_and_their_words_after_it():
    assert said_positions(QUOTES) == [
        (f"{JOIN}tanpa", [1]), (f"{JOIN}pembicara", [2]),
        ("Suhajar Diantoro", [SPAN]), (f"{JOIN}reformasi", [SPAN + 1]), (f"{JOIN}birokrasi", [SPAN + 2]),
        (f"{JOIN}bersih", [SPAN + 3]),
        ("Thamrin", [2 * SPAN]), (f"{JOIN}gedung", [2 * SPAN + 1]), (f"{JOIN}baru", [2 * SPAN + 2])]
    assert said_positions([("A", "sama"), ("B", "sama")]) == [
        ("A", [SPAN]), (f"{JOIN}sama", [SPAN + 1, 2 * SPAN + 1]), ("B", [2 * SPAN])]
    assert said_positions([]) == []


def test_a_quoted_compound_brings_its_parts_as_words_of_the_quote_but_a_reduplication_does_not():
    assert said_positions([("Budi", "Vaksin Covid-19 untuk anak-anak")]) == [
        ("Budi", [SPAN]), (f"{JOIN}vaksin", [SPAN + 1]), (f"{JOIN}covid-19", [SPAN + 2]), (f"{JOIN}covid", [SPAN + 3]),
        (f"{JOIN}19", [SPAN + 4]), (f"{JOIN}anak-anak", [SPAN + 5])]


def test_the_field_weighs_each_term_once_per_article():
    values = list(SaidPositions().word_values([("A", [SPAN]), (f"{JOIN}sama", [SPAN + 1, 2 * SPAN + 1])], None))
    assert [(term, frequency, weight) for term, frequency, weight, _ in values] == [
        ("A", 1, 1.0), (f"{JOIN}sama", 2, 1.0)]
    assert SaidPositions().decode_positions(values[1][3]) == [SPAN + 1, 2 * SPAN + 1]


def test_opensearch_terms_are_each_speaker_then_their_words_then_everyones_words_once():
    assert said_terms(QUOTES) == ["Suhajar Diantoro", f"Suhajar Diantoro{JOIN}reformasi",
                                  f"Suhajar Diantoro{JOIN}birokrasi", f"Suhajar Diantoro{JOIN}bersih", "Thamrin",
                                  f"Thamrin{JOIN}gedung", f"Thamrin{JOIN}baru", f"{JOIN}tanpa", f"{JOIN}pembicara",
                                  f"{JOIN}reformasi", f"{JOIN}birokrasi", f"{JOIN}bersih", f"{JOIN}gedung",
                                  f"{JOIN}baru"]


def test_query_needs_every_positive_group_inside_the_speakers_quotes():
    parsed = parse('said:Thamrin gedung OR kantor "lima ratus" birokra* -zoom')
    assert parsed.filters == (("said", "Thamrin"),)
    assert said_within(["Thamrin"], parsed) == SaidWords("Thamrin", (
        ((("gedung",), False), (("kantor",), False)), ((("lima", "ratus"), False),), ((("birokra",), True),)))
    assert said_query(["Thamrin"], parsed) == wq.And([  # the same, in OpenSearch's terms
        wq.Term("said", "Thamrin"),
        wq.Or([wq.Term("said", f"Thamrin{JOIN}gedung"), wq.Term("said", f"Thamrin{JOIN}kantor")]),
        wq.And([wq.Term("said", f"Thamrin{JOIN}lima"), wq.Term("said", f"Thamrin{JOIN}ratus")]),
        wq.Prefix("said", f"Thamrin{JOIN}birokra"),
    ])
    assert said_within(["A", "B"], parse("said:x")) == wq.Or([SaidWords("A"), SaidWords("B")])


TWO_SPEAKERS = {
    "id": "two-speakers", "title": "Rapat anggaran di Sleman", "date": "2024-03-05", "source": "contoh.id",
    "body": "SLEMAN - Pemerintah Kabupaten Sleman menggelar rapat anggaran, Selasa (5/3/2024).\n\n"
            "\"Jalan desa harus segera diperbaiki tahun ini,\" kata Bupati Sleman Kustini Sri Purnomo.\n\n"
            "\"Anggaran pendidikan akan kami tambah,\" ujar Wakil Bupati Sleman Danang Maharsa.\n\n"
            "\"Semua sekolah mendapat bantuan,\" kata seorang warga."}


@pytest.fixture(scope="module")
def two_speakers(tmp_path_factory):
    source = tmp_path_factory.mktemp("said") / "two.jsonl"
    source.write_text(json.dumps(TWO_SPEAKERS) + "\n", encoding="utf-8")
    root = tmp_path_factory.mktemp("said-index")
    assert build_index([source], root).errors == []
    search_service = SearchService(root)
    yield search_service
    search_service.close()


@pytest.mark.parametrize("q, total", [
    ("said:Kustini jalan", 1), ('said:Kustini "jalan desa"', 1), ("said:Kustini diperb*", 1),
    ("said:Kustini anggaran", 0),  # Danang said it, in the same article
    ("said:Kustini sekolah", 0),  # said by someone nobody named
    ("said:Kustini pendi*", 0), ("said:Danang pendidikan jalan", 0), ("said:Danang pendidikan OR jalan", 1),
    ("said:Danang said:Kustini", 1), ("said:Danang anggaran said:Kustini", 0),  # each said: takes every word
    ("said:Danang", 1), ("sekolah", 1),
])
def test_words_count_only_inside_that_speakers_own_quotes(two_speakers, q, total):
    assert two_speakers.search(SearchRequest(q=q))["total"] == total


def test_filters_after_one_that_leaves_nothing_are_not_read(two_speakers, monkeypatch):
    from search.said import SaidWords

    read: list[str] = []
    documents = SaidWords.documents

    def counted(self, reader, check):
        read.append(self.speaker)
        return documents(self, reader, check)

    monkeypatch.setattr(SaidWords, "documents", counted)
    assert two_speakers.search(SearchRequest(q="said:Nobody said:Danang said:Kustini me*"))["total"] == 0
    assert read == ["Nobody"]


def test_a_speakers_words_are_read_under_the_searchs_deadline(tmp_path, monkeypatch):
    from search import said
    from search.errors import QueryTooCostlyError
    from search.schema import said_field

    monkeypatch.setattr(said, "CHECK_EVERY", 2)
    ix = index.create_in(str(tmp_path), Schema(said=said_field()))
    writer = ix.writer()
    for n in range(5):
        writer.add_document(said=said_positions([("Kustini", f"Jalan desa diperbaiki {n}")]))
    writer.commit()
    asked: list[int] = []
    query = said_within(["Kustini"], parse("said:Kustini diperb* jalan"))
    with ix.searcher() as searcher:
        found = query.checked_matcher(searcher, lambda: asked.append(1))
        assert (list(found.all_ids()), len(asked)) == ([0, 1, 2, 3, 4], 9)  # 3 while the speaker's 5 are read,
        # then before each word and at every second of its documents

        def late():
            raise QueryTooCostlyError("late")

        with pytest.raises(QueryTooCostlyError):
            query.checked_matcher(searcher, late)


def test_an_index_written_with_speaker_and_word_terms_is_still_read_through_them(tmp_path):
    schema = Schema(said=TEXT(analyzer=RegexTokenizer(r"[^\n]+"), phrase=False))
    ix = index.create_in(str(tmp_path), schema)
    writer = ix.writer()
    writer.add_document(said="\n".join(said_terms([("Thamrin", "Gedung baru"), ("Eko", "Kantor")])))
    writer.commit()
    with ix.searcher() as searcher:
        def found(q):
            return [m for m in [said_within(["Thamrin"], parse(q)).matcher(searcher)] if m.is_active()]
        assert len(found("said:Thamrin gedung")) == 1
        assert found("said:Thamrin kantor") == []


def test_an_index_written_before_quotes_were_indexed_quotes_nobody(tmp_path):
    ix = index.create_in(str(tmp_path), Schema(title=TEXT))
    writer = ix.writer()
    writer.add_document(title="gedung baru")
    writer.commit()
    with ix.searcher() as searcher:
        assert said_within(["Thamrin"], parse("said:Thamrin gedung")).matcher(searcher).is_active() is False


def test_the_request_said_adds_a_filter_as_the_query_text_does():
    assert parse("reformasi").with_said(["Suhajar", " "]).filters == (("said", "Suhajar"),)


@pytest.mark.parametrize("q, kwargs, expected", [
    ('said:"Suhajar Diantoro" reformasi', {}, [SEED_TITLE[:40]]),
    ("said:suhajar reformasi", {}, [SEED_TITLE[:40]]),  # resolved as official:suhajar is
    ("reformasi", {"said": ("Suhajar",)}, [SEED_TITLE[:40]]),
    # a said= name is normalised as q and facet values are: fullwidth letters, a soft hyphen
    ("reformasi", {"said": ("Ｓｕｈａｊａｒ",)}, [SEED_TITLE[:40]]),
    ("reformasi", {"said": ("Su\u00adhajar",)}, [SEED_TITLE[:40]]),
    ("said:Suhajar", {}, [SEED_TITLE[:40]]),  # no words: quoted at all
    ("said:Suhajar kalianda", {}, []),  # in the article, not in what he said
    ("said:Dendi pelayanan", {}, ["Bupati Pesawaran Dendi Ramadhona membuka"]),
    ('said:Dendi "pelayanan publik"', {}, ["Bupati Pesawaran Dendi Ramadhona membuka"]),
    ("said:Dendi pelay*", {}, ["Bupati Pesawaran Dendi Ramadhona membuka"]),
    ('said:"Oded M. Danial" pelayanan OR prioritas', {}, ["Pelayanan publik di Kota Bandung dinilai"]),
    ("said:nobody", {}, []),
    # question words and fillers are nobody's words: `siapa`, `terbaru` narrow nothing
    ("said:suhajar reformasi siapa terbaru", {}, [SEED_TITLE[:40]]),
    ("said:Suhajar berita", {}, [SEED_TITLE[:40]]),
])
def test_said_finds_only_words_inside_that_persons_quotes(service, q, kwargs, expected):
    assert titles(service, q, **kwargs) == expected


def test_pelayanan_alone_finds_more_than_dendis_quotes(service):
    assert len(titles(service, "pelayanan")) == 5


def test_said_is_echoed_in_the_result_query(service):
    assert service.search(SearchRequest(q="reformasi", said=("Suhajar",)))["query"]["said"] == ["Suhajar"]
    assert service.search(SearchRequest(q="reformasi", said=("Ｓｕｈａｊａｒ ",)))["query"]["said"] == ["Suhajar"]


def test_too_many_said_filters_are_refused(service):
    with pytest.raises(BadQueryError) as raised:
        service.search(SearchRequest(q=" ".join(f"said:x{i}" for i in range(6))))
    assert raised.value.code == "bad_filter"


def test_opensearch_builds_said_from_the_officials_a_name_stands_for():
    asked = []

    def named(facet, typed):
        asked.append((facet, typed))
        return ("Suhajar Diantoro",)

    builder = _OpenSearchQueryBuilder(None, {}, named=named)
    built = builder.build(parse("said:Suhajar"), {})
    assert asked == [("official", "Suhajar")] and built.filters == [wq.Term("said", "Suhajar Diantoro")]
    nobody = _OpenSearchQueryBuilder(None, {}, named=lambda facet, typed: ())
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
    assert said_positions([("Thamrin", "Yang dan gedung")]) == [("Thamrin", [SPAN]), (f"{JOIN}gedung", [SPAN + 1])]
    assert said_within(["Thamrin"], parse('said:Thamrin "gedung yang baru"')) == SaidWords(
        "Thamrin", (((("gedung", "baru"), False),),))


def test_a_nickname_names_the_speaker_in_said_quoted_and_the_quoted_type_ahead(tmp_path):
    record = {"id": "jk", "title": "Bendungan diresmikan", "date": "2023-01-10", "body":
              'Presiden Joko Widodo meresmikan bendungan di Kabupaten Blitar. "Bendungan ini untuk para petani '
              'di sekitarnya," kata Jokowi di lokasi.'}
    (tmp_path / "jk.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert build_index([tmp_path / "jk.jsonl"], tmp_path / "ix").errors == []
    service = SearchService(tmp_path / "ix")
    try:
        totals = [service.search(SearchRequest(q=q, selected=selected))["total"] for q, selected in [
            ("said:jokowi petani", {}), ('said:"Joko Widodo" petani', {}), ("", {"quoted": ("jokowi",)}),
            ("said:jokowi sawah", {})]]
        assert totals == [1, 1, 1, 0]
        listed = service.facet_values("quoted", SearchRequest(), prefix="jokowi")["values"]
        assert [(v["value"], v["count"]) for v in listed] == [("Joko Widodo", 1)]
    finally:
        service.close()
