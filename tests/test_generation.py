import json
import threading
import time

import numpy as np
import pytest

import search.generation
import search.identity
from search.generation import MonthIndex
from search.indexer import build_index
from search.query import SearchRequest, SearchService

from .conftest import CORPUS, SEEDS, SELECTION_RECORDS


@pytest.mark.parametrize("dates", [[20220928, 0, 20220901, 20211231], [20220928, 20220901, 20211231]])
def test_month_index_counts_dated_documents_per_month(dates):
    months = MonthIndex.from_dates(np.array(dates))
    everything = np.ones(len(dates), dtype=bool)
    assert months.counts(everything) == [(202112, 1), (202209, 2)]
    assert months.counts(np.array([d == 20220901 for d in dates])) == [(202209, 1)]
    assert months.counts(~everything) == []


@pytest.mark.parametrize("dates", [[], [0, 0], [20261231, 0, 19990101, 20270115, 20261201, 19991215]])
def test_months_are_numbered_in_order_with_zero_for_undated(dates):
    months = MonthIndex.from_dates(np.array(dates, dtype=np.int64))
    expected = [0] + sorted({date // 100 for date in dates if date})
    assert months.months.tolist() == expected
    assert months.of_document.tolist() == [expected.index(date // 100) for date in dates]


def test_two_searches_of_one_generation_run_at_the_same_time(service, monkeypatch):
    """Each search waits, while ranking, until the other is ranking too: with one lock around the whole
    search the second could never get there and the barrier would break after its timeout."""
    service.current()  # opened before the two start, so that neither waits for the other to open it
    barrier = threading.Barrier(2, timeout=60)
    ranking = search.generation.top_documents

    def meeting_the_other(*args):
        barrier.wait()
        return ranking(*args)

    monkeypatch.setattr(search.generation, "top_documents", meeting_the_other)
    results: dict[str, int] = {}
    errors: list[BaseException] = []

    def run(q: str) -> None:
        try:
            results[q] = service.search(SearchRequest(q=q))["total"]
        except BaseException as error:  # noqa: BLE001 - reported by the assert below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(q,)) for q in ("bupati", "musrenbang")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert results == {"bupati": 1, "musrenbang": 1}
    assert service.current().users == 0


def test_time_a_search_spends_waiting_does_not_count_against_its_budget(service, monkeypatch):
    """A search's budget is its own CPU time: one that waits (here in sleep, as behind a busy server's other
    searches) 0.3 s for each word it reads is answered, where a wall clock would refuse it past half a second."""
    from search.matching import PostingCache

    service.search(SearchRequest(q="musrenbang"))  # the word tables read (outside any budget, as they are)
    reading = PostingCache.term

    def slowly(self, *args):
        time.sleep(0.3)
        return reading(self, *args)

    monkeypatch.setattr(PostingCache, "term", slowly)
    monkeypatch.setattr(search.generation, "SEARCH_SECONDS", 0.5)
    assert service.search(SearchRequest(q="bupati musrenbang", match="all"))["total"] == 1


def test_a_generation_swapped_out_mid_search_closes_when_that_search_ends(tmp_path):
    from search.indexer import build_index

    build_index([SEEDS], tmp_path)
    service = SearchService(tmp_path)
    with service.using() as first:
        assert first.users == 1
        build_index([SEEDS, CORPUS], tmp_path)
        assert service.search(SearchRequest(q=""))["total"] == 7  # the new generation, beside the old search
        assert not first.closed  # still in use here
        assert first.searcher.document(id=first.searcher.stored_fields(0)["id"]) is not None
    assert first.closed
    assert service.current() is not first
    service.close()
    assert service.current().users == 0
    service.close()


@pytest.fixture(scope="module")
def counted_root(tmp_path_factory):
    """Four articles whose body words appear in 4, 3, 2 and 1 of them; `yang` (a stop word) in all four."""
    import json

    from search.indexer import build_index

    words = ["sungai", "jembatan", "pelabuhan", "bandara"]
    records = [{"id": f"a{n}", "title": f"Berita {n}", "date": "2024-01-0" + str(n + 1), "source": "Uji",
                "url": f"https://uji.example/{n}",
                "body": " ".join(["yang"] + words[:4 - n]) + " dibangun di kota itu tahun ini oleh pemerintah."}
               for n in range(4)]
    sources = tmp_path_factory.mktemp("counted-sources")
    (sources / "counted.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    root = tmp_path_factory.mktemp("counted-index")
    report = build_index([sources], root)
    assert report.errors == [] and report.indexed == 4, report
    return root


def test_frequent_words_are_the_body_words_in_most_documents_stop_words_aside(counted_root):
    service = SearchService(counted_root)
    frequent = service.current().frequent_words(6)
    service.close()
    # in all four: dibangun, kota, pemerintah, sungai, tahun (word order among equals); `di`, `itu`, `ini`,
    # `oleh` and `yang` are stop words
    assert frequent == ["dibangun", "kota", "pemerintah", "sungai", "tahun", "jembatan"]


def test_a_warm_generation_holds_the_frequent_words_postings_within_its_share(counted_root, monkeypatch):
    service = SearchService(counted_root)  # opening warms it
    generation = service.current()
    assert len(generation.frequent_words(search.generation.WARM_WORDS)) == 8  # every body word not a stop word
    # each word: by surface form and by stem, in the title and in the body
    assert generation.postings.cached_entries == 4 * 8
    service.close()
    monkeypatch.setattr(search.generation, "WARM_SHARE", 1 << 40)  # a share smaller than one word's postings
    service = SearchService(counted_root)
    assert service.current().postings.cached_entries == 4  # the first word read, then the share was spent
    service.close()


def test_a_warm_generation_has_grouped_its_official_values_by_person(index_root, monkeypatch):
    import search.people

    calls = []

    def counted(counts, roles=None):
        calls.append(len(counts))
        return search.identity.group_names(counts, roles)
    monkeypatch.setattr(search.people, "group_names", counted)
    service = SearchService(index_root)  # opening warms it
    generation = service.current()
    assert len(calls) == 1
    assert generation.person_forms("Suhajar Diantoro") == ["Suhajar Diantoro"]
    assert service.search(SearchRequest(selected={"official": ("suhajar diantoro",)}))["query"]["official"] == [
        "Suhajar Diantoro"]
    assert len(calls) == 1  # the first selection found it done
    service.close()


def test_remembered_spellings_stay_within_their_budget(service, monkeypatch):
    """Unknown words asked one after another (issue 13): the generation remembers the best spelling of the
    last SPELLINGS_KEPT of them only, and a remembered one is not looked for again."""
    generation = service.current()
    asked: list[str] = []

    def close(table, word, protected):
        asked.append(word)
        return (word.upper(),)

    monkeypatch.setattr(search.generation, "SPELLINGS_KEPT", 3)
    monkeypatch.setattr(search.generation, "close_spellings", close)
    words = [f"tidakada{n}" for n in range(10)]
    assert [generation._best_spelling(None, word) for word in words] == [word.upper() for word in words]
    assert list(generation._spellings) == words[-3:]
    assert generation._best_spelling(None, words[-1]) == words[-1].upper()
    assert asked == words  # the last word came from memory


def test_remembered_resolutions_stay_within_their_budget(service, monkeypatch):
    """A typed facet value's stored values are resolved once per generation (trial 29: 20 typed values in
    each of three facets took 45-51 ms on every repeat, before the cached result was found), for the last
    RESOLUTIONS_KEPT typed values."""
    generation = service.current()
    asked: list[str] = []
    resolve = search.generation.named_values

    def counted(facet, typed, values, *rest):
        asked.append(typed)
        return resolve(facet, typed, values, *rest)

    monkeypatch.setattr(search.generation, "RESOLUTIONS_KEPT", 2)
    monkeypatch.setattr(search.generation, "named_values", counted)
    request = SearchRequest(selected={"agency": ("kemendagri", "diskominfo", "lampung")})
    first = generation.resolved(request)
    assert generation.resolved(SearchRequest(selected={"agency": ("lampung",)})).selected["agency"] == (
        "Pemerintah Kabupaten Lampung Selatan", "Dinas Komunikasi dan Informatika Kabupaten Lampung Selatan")
    assert (first.selected["agency"], asked) == (
        ("Kementerian Dalam Negeri", "Dinas Komunikasi dan Informatika Kabupaten Lampung Selatan",
         "Pemerintah Kabupaten Lampung Selatan"), ["kemendagri", "diskominfo", "lampung"])  # lampung from memory
    assert list(generation._resolutions) == [("agency", "diskominfo"), ("agency", "lampung")]


def test_the_spelling_table_merges_the_settled_segments_words_once_while_they_live(tmp_path, monkeypatch):
    import json

    from search.indexer import build_index
    from search.schema import BODY_WORDS
    from search.spelling import SpellingTable

    monkeypatch.setattr("search.segments.SMALL_MERGE_DOCS", 1)  # two articles settle a segment; one does not
    sources = tmp_path / "sources"
    sources.mkdir()
    articles = [{"id": f"a{n}", "title": f"Judul {n}", "body": text} for n, text in
                enumerate(["Bupati meninjau jembatan desa bersama warga kemarin sore.",
                                    "Camat membuka pasar desa yang baru di kecamatan itu."])]
    (sources / "base.jsonl").write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    build_index([sources], tmp_path / "ix")
    service = SearchService(tmp_path / "ix")
    try:
        memo = service._segment_memo
        for name, text in (("b.txt", "Lurah menyapa warga pasar pagi ini di balai desa."),
                           ("c.txt", "Warga desa menanam padi di sawah bersama petani.")):
            (sources / name).write_text(f"Judul\n\n{text}\n", encoding="utf-8")
            build_index([sources], tmp_path / "ix")
            generation = service.current()
            table = generation.spelling_table()
            expected = SpellingTable.from_lexicon(generation.postings.lexicon(BODY_WORDS), None)
            assert table.words == expected.words and table.counts.tolist() == expected.counts.tolist()
            assert "lurah" in table.words and table.counts[table.words.index("warga")] == 2 + (name == "c.txt")
            merged = [key for key in memo.keys() if key[0] == "merged lexicon"]
            assert len(merged) == 1 and "+" not in merged[0][1]  # the one settled segment's, the same one
            if name == "b.txt":
                first = memo.peek(merged[0])
        assert memo.peek(merged[0]) is first
        assert len([leaf for leaf, _ in service.current().searcher.reader().leaf_readers()]) == 3
    finally:
        service.close()


def test_a_selection_or_a_month_narrows_the_query_it_was_counted_under_and_never_relaxes_it(tmp_path):
    """The count beside a facet value or a month is what selecting it finds: the matching strategy chooses its
    tiers for the query and its own filters, before selections and the request's period narrow them."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "records.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in SELECTION_RECORDS), encoding="utf-8")
    build_index([tmp_path / "src"], tmp_path / "index")
    service = SearchService(tmp_path / "index")
    try:
        found = service.search(SearchRequest(q="alpha beta gamma", collapse=False))
        assert (found["total_articles"], found["relaxed"]) == (11, False)
        assert [(item["value"], item["count"]) for item in found["facets"]["source"]] == [("Alfa", 10), ("Beta", 1)]
        assert found["histogram"] == [{"month": "2021-01", "count": 1}, {"month": "2022-03", "count": 10}]
        beta = service.search(SearchRequest(q="alpha beta gamma", collapse=False, selected={"source": ("Beta",)}))
        month = service.search(SearchRequest(q="alpha beta gamma", collapse=False, date_from="2021-01",
                                             date_to="2021-01"))
        assert [(result["total_articles"], result["relaxed"]) for result in (beta, month)] == [(1, False), (1, False)]
        typed = service.search(SearchRequest(q="alpha beta gamma source:beta", collapse=False))
        assert (typed["total_articles"], typed["relaxed"]) == (3, True)  # a filter the query text sets relaxes
    finally:
        service.close()


def test_an_agency_name_the_query_language_refuses_does_not_stop_the_warm_up(index_root, monkeypatch):
    from search.errors import BadQueryError

    parse = search.generation.parse
    refused = []

    def refusing(text):
        if text.startswith("Kementerian"):
            refused.append(text)
            raise BadQueryError(f"{text}: refused", "bad_syntax")
        return parse(text)
    monkeypatch.setattr(search.generation, "parse", refusing)
    service = SearchService(index_root)
    try:
        service.current()  # opened and warmed: the broadest agencies' names searched
        assert refused and all(name.startswith("Kementerian") for name in refused)
        assert service.search(SearchRequest(q="rakornas"))["total_articles"] >= 1
    finally:
        service.close()


def _budgeted_service(tmp_path, monkeypatch, records, **budget):
    """A service over `records` whose searches each get Expansions(**budget) (a tiny word budget)."""
    from search.matching import Expansions

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "records.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    build_index([tmp_path / "src"], tmp_path / "index")
    monkeypatch.setattr(search.generation.Generation, "budget", lambda self: Expansions(**budget))
    return SearchService(tmp_path / "index")


def _refusal(service, q, match="relaxed"):
    from search.errors import BadQueryError

    with pytest.raises(BadQueryError) as refused:
        service.search(SearchRequest(q=q, collapse=False, match=match))
    return refused.value.code, refused.value.fields


def test_a_prefix_the_expansion_budget_left_without_words_is_dropped_and_said_unsearched(tmp_path, monkeypatch):
    """`alp* bet* gam*` with a budget of 2 expanded words: `gam*` gets none, so no article can be known to hold
    it. Trial 12: counted as a unit every article lacks, many prefixes found nothing. Trial 43: narrowing
    nothing, it let match=all answer with articles lacking it, said each hit lacked a word never searched for,
    and dropped more than half the words with `relaxed` false. Relaxed, it is dropped as relaxation drops a
    word (within half of them), the result says so (`relaxed`, `unsearched`), no hit is said to lack it; where
    it cannot be dropped the search is refused, naming it."""
    service = _budgeted_service(tmp_path, monkeypatch, SELECTION_RECORDS, total=2)
    try:
        for q, unsearched in (("alp* bet* gam*", "gam*"), ("alp* bet* (gam* OR cat*)", "gam* OR cat*")):
            found = service.search(SearchRequest(q=q, collapse=False))
            assert (found["total_articles"], found["relaxed"], found["unsearched"]) == (13, True, [unsearched])
            assert {(tuple(hit["matched"]), tuple(hit["missing"])) for hit in found["hits"]} == {(("alp*", "bet*"), ())}
        assert found["capped"]["expansions"] == {"gam*": {"found": 1, "searched": 0},
                                                 "cat*": {"found": 1, "searched": 0}}
        refused = ("prefix_too_wide", {"prefix": "gam*", "found": 1, "searched": 0})
        assert _refusal(service, "alp* bet* gam*", match="all") == refused  # every word asked, one not searched
        assert _refusal(service, "alp* bet* +gam*") == refused  # a required one is never dropped
        whole = service.search(SearchRequest(q="alp* bet*", collapse=False, match="all"))
        assert (whole["total_articles"], whole["relaxed"], "unsearched" in whole) == (13, False, False)
    finally:
        service.close()


def test_no_more_than_half_the_words_are_dropped_for_the_budget(tmp_path, monkeypatch):
    """`alp* gam* bet*` with a budget of 1 word: two of three prefixes are left without one, more than
    relaxation may drop (one of three), so the search is refused rather than answered on `alp*` alone."""
    service = _budgeted_service(tmp_path, monkeypatch, SELECTION_RECORDS, total=1)
    try:
        assert _refusal(service, "alp* gam* bet*") == ("prefix_too_wide", {"prefix": "gam*", "found": 1, "searched": 0})
        assert service.search(SearchRequest(q="alp* gam*", collapse=False))["unsearched"] == ["gam*"]  # one of two
    finally:
        service.close()


def test_a_hit_holding_a_word_of_a_prefix_the_caps_cut_short_is_not_said_to_lack_it(tmp_path, monkeypatch):
    """`gam*` searched for its one most frequent word (`gamelan`): the article saying only `gamma` holds the
    prefix all the same, though it was let in by relaxation; the one with neither lacks it."""
    records = [_record(n, body) for n, body in enumerate(["alpha gamelan"] * 3 + ["alpha gamma", "alpha delta"])]
    service = _budgeted_service(tmp_path, monkeypatch, records, per_expansion=1)
    try:
        found = service.search(SearchRequest(q="alpha gam*", collapse=False))
        assert (found["total_articles"], found["relaxed"], "unsearched" in found) == (5, True, False)
        assert found["capped"]["expansions"] == {"gam*": {"found": 2, "searched": 1}}
        held = sorted((hit["url"].rsplit("/", 1)[1], hit["matched"], hit["missing"]) for hit in found["hits"])
        assert held == [("0", ["alpha", "gam*"], []), ("1", ["alpha", "gam*"], []), ("2", ["alpha", "gam*"], []),
                        ("3", ["alpha", "gam*"], []), ("4", ["alpha"], ["gam*"])]
        complete = service.search(SearchRequest(q="alpha gam*", collapse=False, match="all"))
        assert complete["total_articles"] == 3  # match=all: the articles holding a word searched for
    finally:
        service.close()


def test_a_query_no_article_holds_half_of_finds_the_articles_holding_the_most_of_it(tmp_path):
    """Trial 50: `UCL barca chelsea` was an empty page, as no article names two of the three words; the
    articles holding one are let through, each said to lack the other two, rather than nothing."""
    records = [_record(n, words) for n, words in enumerate(["alpha", "beta", "gamma", "delta", "alpha alpha"])]
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    build_index([tmp_path / "src"], tmp_path / "index")
    service = SearchService(tmp_path / "index")
    try:
        found = service.search(SearchRequest(q="alpha beta gamma", collapse=False))
        held = sorted((hit["url"].rsplit("/", 1)[1], hit["matched"], hit["missing"]) for hit in found["hits"])
        assert (found["total_articles"], found["relaxed"]) == (4, True)
        assert held == [("0", ["alpha"], ["beta", "gamma"]), ("1", ["beta"], ["alpha", "gamma"]),
                        ("2", ["gamma"], ["alpha", "beta"]), ("4", ["alpha"], ["beta", "gamma"])]
        assert service.search(SearchRequest(q="alpha beta gamma", match="all"))["total_articles"] == 0
        assert service.search(SearchRequest(q="alpha beta gamma from:2023"))["total_articles"] == 0
    finally:
        service.close()


def _record(number: int, words: str) -> dict[str, str]:
    return {"title": f"Catatan {number}", "url": f"https://contoh.example/{number}", "date": "2022-03-01",
            "source": "Contoh", "body": f"Warga nomor {number} bercerita tentang {words} di balai desa."}
