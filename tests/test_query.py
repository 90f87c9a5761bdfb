import json
import os
import time

import pytest

from search.errors import BadQueryError, NotFoundError
from search.query import SearchRequest, SearchService, narrowest_date_bound, search

from .conftest import SEED_AGENCIES, SEED_OFFICIALS, build_story_index, dinas_records, index_of_records


def run(service, q="", **kwargs):
    return service.search(SearchRequest(q=q, **kwargs))


def titles(result):
    return [hit["title"] for hit in result["hits"]]


def test_seed_is_found_with_its_facets(service):
    result = run(service, "reformasi birokrasi")
    assert result["total"] == 2
    seed = next(hit for hit in result["hits"] if hit["source"] == "Diskominfo")
    assert seed["officials"] == SEED_OFFICIALS
    assert seed["agencies"] == SEED_AGENCIES
    assert seed["date"] == "2022-09-28" and seed["place"] == "Kalianda"
    assert seed["roles"]["Suhajar Diantoro"] == "Sekretaris Jenderal Kemendagri"
    officials = {f["value"]: f["count"] for f in result["facets"]["official"]}
    assert officials == {**{name: 1 for name in SEED_OFFICIALS}, "Tito Karnavian": 1}
    agencies = {f["value"]: f["count"] for f in result["facets"]["agency"]}
    assert agencies["Kementerian Dalam Negeri"] == 2
    assert agencies["Pemerintah Kabupaten Lampung Selatan"] == 2
    assert result["facets"]["agency"][0]["value"] in ("Kementerian Dalam Negeri", "Pemerintah Kabupaten Lampung Selatan")


def test_result_dict_shape(service):
    result = run(service, "reformasi")
    assert list(result) == ["query", "total", "total_articles", "took_ms", "hits", "facets", "histogram", "relaxed"]
    assert result["query"] == {"q": "reformasi", "official": [], "agency": [], "region": [], "source": [], "quoted": [],
                               "page": 1, "per_page": 10, "sort": "relevance", "from": None, "to": None, "collapse": True,
                               "match": "relaxed"}
    assert set(result["hits"][0]) >= {"id", "title", "date", "url", "source", "place", "snippet", "officials",
                                      "agencies", "regions", "story", "duplicates", "matched", "missing"}
    assert (result["hits"][0]["matched"], result["hits"][0]["missing"], result["relaxed"]) == (["reformasi"], [], False)
    assert list(result["facets"]) == ["official", "agency", "region", "source", "quoted"]
    assert set(result["facets"]["official"][0]) == {"value", "label", "count", "selected"}


def test_facet_filter_narrows_and_marks_selected(service):
    result = run(service, "reformasi birokrasi", officials=("Tito Karnavian",))
    assert result["total"] == 1
    assert result["hits"][0]["officials"] == ["Tito Karnavian"]
    officials = {f["value"]: (f["count"], f["selected"]) for f in result["facets"]["official"]}
    assert officials["Tito Karnavian"] == (1, True)
    assert officials["Suhajar Diantoro"] == (1, False)  # its own selection does not narrow the official facet
    agencies = {f["value"]: f["count"] for f in result["facets"]["agency"]}
    assert agencies == {"Kementerian Dalam Negeri": 1, "Pemerintah Kabupaten Lampung Selatan": 1}


def test_values_within_a_facet_combine_with_or_and_facets_with_and(service):
    either = run(service, "", officials=("Tito Karnavian", "Oded M. Danial"))
    assert either["total"] == 2
    counts = {f["value"]: f["count"] for f in either["facets"]["official"]}
    assert counts["Tito Karnavian"] == 1 and counts["Oded M. Danial"] == 1 and counts["Thamrin"] == 1
    both = run(service, "", officials=("Tito Karnavian", "Oded M. Danial"), agencies=("Kementerian Dalam Negeri",))
    assert [hit["officials"] for hit in both["hits"]] == [["Tito Karnavian"]]
    assert {f["value"]: f["count"] for f in both["facets"]["official"]}["Oded M. Danial"] == 0


def test_a_selected_value_is_listed_even_when_it_matches_nothing(service):
    result = run(service, "banjir", officials=("Thamrin",))
    assert result["total"] == 0
    assert {"value": "Thamrin", "label": "Thamrin", "count": 0, "selected": True} in result["facets"]["official"]


def test_month_histogram_of_all_matching_articles(service):
    result = run(service, "", per_page=1)
    assert result["histogram"] == [
        {"month": "2017-03", "count": 1}, {"month": "2020-01", "count": 1}, {"month": "2021-05", "count": 1},
        {"month": "2021-06", "count": 1}, {"month": "2022-09", "count": 1}, {"month": "2022-10", "count": 1}]


def test_facet_value_lookup_by_prefix_under_the_current_query(service):
    found = service.facet_values("official", SearchRequest(q="reformasi"), prefix="su")
    assert found == {"facet": "official", "prefix": "su",
                     "values": [{"value": "Suhajar Diantoro", "label": "Suhajar Diantoro", "count": 1, "selected": False}]}
    assert service.facet_values("agency", SearchRequest(q="banjir"), prefix="badan")["values"] == [
        {"value": "Badan Penanggulangan Bencana Daerah Kabupaten Bekasi", "label": "Badan Penanggulangan Bencana Daerah Kabupaten Bekasi", "count": 1, "selected": False}]
    with pytest.raises(NotFoundError):
        service.facet_values("place", SearchRequest())


def test_empty_query_with_filter_lists_by_date_newest_first(service):
    result = run(service, "", agencies=("Dinas Kesehatan Kota Bandung",))
    assert [hit["date"] for hit in result["hits"]] == ["2021-06-10", "2021-05-03"]


def test_empty_query_lists_everything_by_date(service):
    result = run(service, "")
    assert result["total"] == 7
    dates = [hit["date"] for hit in result["hits"] if hit["date"]]
    assert dates == sorted(dates, reverse=True)


def test_exact_word_outranks_words_sharing_only_its_stem(service):
    result = run(service, "pelayanan")
    assert titles(result)[-1] == "Petugas melayani warga hingga malam"
    assert result["total"] == 5


def test_pemerintah_does_not_find_perintah(service):
    result = run(service, "pemerintah")
    assert "Perintah evakuasi dikeluarkan setelah banjir" not in titles(result)
    assert result["total"] == 2


def test_phrase_exclusion_or_and_prefix(service):
    assert run(service, '"reformasi birokrasi"')["total"] == 2
    assert titles(run(service, '"birokrasi reformasi"')) == []
    assert run(service, "reformasi -zoom")["total"] == 1
    assert run(service, "banjir OR musrenbang")["total"] == 2
    assert run(service, "birokra*")["total"] == 2


def test_sort_by_date(service):
    result = run(service, "pelayanan", sort="date")
    dated = [hit["date"] for hit in result["hits"] if hit["date"]]
    assert dated == sorted(dated, reverse=True)


def test_pagination(service):
    first = run(service, "", per_page=3)
    third = run(service, "", per_page=3, page=3)
    assert len(first["hits"]) == 3 and len(third["hits"]) == 1
    assert first["total"] == third["total"] == 7
    assert run(service, "", per_page=3, page=4)["hits"] == []


def test_snippet_highlights_and_escapes(service):
    result = run(service, "pelayanan skrip")
    hit = result["hits"][0]
    assert "<script>" not in hit["snippet"]
    assert "&lt;script&gt;" in hit["snippet"]
    assert "<mark>pelayanan</mark>" in hit["snippet"]


@pytest.mark.parametrize("kwargs, code", [
    ({"page": 0}, "bad_page"),
    ({"per_page": 101}, "bad_per_page"),
    ({"per_page": 0}, "bad_per_page"),
    ({"sort": "popular"}, "bad_sort"),
    ({"q": "x" * 501}, "bad_query"),
    ({"q": "bad\x00query"}, "bad_query"),
    ({"page": 200, "per_page": 100}, "bad_page"),
])
def test_bad_requests_raise_bad_query_error(kwargs, code):
    with pytest.raises(BadQueryError) as caught:
        SearchRequest(**kwargs)
    assert caught.value.code == code


def test_article_lookup(service):
    hit = run(service, "reformasi", officials=("Thamrin",))["hits"][0]
    article = service.article(hit["id"])
    assert article["officials"][0] == {"name": "Thamrin", "role": "Sekretaris Daerah Kabupaten", "surfaces": ["Thamrin"]}
    assert article["body"].startswith("Kalianda,")
    with pytest.raises(NotFoundError):
        service.article("nope")


def test_one_shot_search_function(index_root):
    assert search(index_root, "musrenbang")["total"] == 1


def test_service_reopens_when_the_index_changes(tmp_path):
    from search.indexer import build_index
    from search.query import SearchService

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS], tmp_path)
    service = SearchService(tmp_path)
    assert run(service, "")["total"] == 1
    first = service.current()
    assert service.current() is first  # opened once, reused
    build_index([SEEDS, CORPUS], tmp_path)
    assert run(service, "")["total"] == 7
    service.close()


def _wait_until(condition, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_background_swaps_answer_from_the_old_generation_until_the_new_one_is_warm(tmp_path, monkeypatch):
    import threading

    from search.generation import Generation
    from search.indexer import build_index

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS], tmp_path)
    service = SearchService(tmp_path, background_swaps=True)
    assert run(service, "")["total"] == 1
    first = service.current()
    warming, release = threading.Event(), threading.Event()
    warm = Generation.warm

    def slow_warm(generation, *args, **kwargs):
        warming.set()
        assert release.wait(30)
        warm(generation, *args, **kwargs)

    monkeypatch.setattr(Generation, "warm", slow_warm)
    build_index([SEEDS, CORPUS], tmp_path)
    assert run(service, "")["total"] == 1  # answered at once, from the generation it had
    assert warming.wait(30)
    assert [run(service, "")["total"] for _ in range(3)] == [1, 1, 1]  # still warming: still the old one
    assert service.current() is first
    assert service.version == first.name != os.readlink(tmp_path / "current")  # what answers, not what is linked
    release.set()
    assert _wait_until(lambda: service.current() is not first)
    assert run(service, "")["total"] == 7
    assert service.version == service.current().name == os.readlink(tmp_path / "current")
    assert first.closed
    assert _wait_until(lambda: len(list(tmp_path.glob("gen-*"))) == 1)  # and removed, by the thread that let go
    service.close()


def test_a_generation_whose_files_were_deleted_is_not_searched_while_the_new_index_opens(tmp_path):
    """`rm -rf index` under a running server, then a reindex at the same path: the generation it had is gone
    from disk, so a search waits for the new one instead of reading what is left of the old (a 500)."""
    import shutil

    from search.indexer import build_index

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS], tmp_path / "index")
    service = SearchService(tmp_path / "index", background_swaps=True)
    first = service.current()
    assert run(service, "")["total"] == 1
    shutil.rmtree(tmp_path / "index")
    build_index([SEEDS, CORPUS], tmp_path / "index")
    assert [run(service, "")["total"] for _ in range(3)] == [7, 7, 7]
    assert service.current() is not first
    service.close()


@pytest.mark.parametrize("background_swaps", [True, False])
def test_a_generation_deleted_under_its_current_link_is_not_searched_any_more(tmp_path, background_swaps):
    """Trial 57: `rm -rf index/gen-*` left `current` naming the generation a server had open, which kept
    answering from it for as long as it ran; the CLI said `no index`."""
    import shutil

    from search.errors import IndexMissingError
    from search.generations import current_generation
    from search.indexer import build_index

    from .conftest import SEEDS

    build_index([SEEDS], tmp_path)
    service = SearchService(tmp_path, background_swaps=background_swaps)
    assert run(service, "")["total"] == 1
    shutil.rmtree(current_generation(tmp_path))
    with pytest.raises(IndexMissingError):
        run(service, "")
    build_index([SEEDS], tmp_path)
    assert run(service, "")["total"] == 1
    service.close()


def test_the_first_generation_searches_the_broadest_agencies_when_warmed_and_a_swap_does_not(tmp_path, monkeypatch):
    from search.generation import WARM_AGENCIES, Generation
    from search.indexer import build_index

    from .conftest import CORPUS, SEEDS

    asked = []
    warm = Generation.warm

    def counting_warm(generation, *args, **kwargs):
        asked.append(kwargs.get("agencies"))
        warm(generation, *args, **kwargs)

    monkeypatch.setattr(Generation, "warm", counting_warm)
    build_index([SEEDS], tmp_path)
    service = SearchService(tmp_path, background_swaps=True)
    first = service.current()
    build_index([SEEDS, CORPUS], tmp_path)
    service.current()
    assert _wait_until(lambda: service.current() is not first)
    assert asked == [WARM_AGENCIES, 0]
    service.close()


def test_a_generation_that_fails_to_open_in_the_background_fails_the_searches_after(tmp_path):
    from search.errors import IndexDamagedError
    from search.generations import current_generation
    from search.indexer import build_index

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS], tmp_path)
    service = SearchService(tmp_path, background_swaps=True)
    first = service.current()
    build_index([SEEDS, CORPUS], tmp_path)
    damaged = max(current_generation(tmp_path).glob("MAIN_*"), key=lambda path: path.stat().st_size)
    damaged.write_bytes(damaged.read_bytes()[:-1])

    def meets_the_damage() -> bool:
        try:
            return run(service, "")["total"] == 0  # the old generation answers 1 while the new one is opened
        except IndexDamagedError:
            return True

    assert run(service, "")["total"] == 1  # this one starts the opening, and is answered by the old generation
    assert _wait_until(meets_the_damage)  # then searches open it themselves and meet the damage, as without swaps
    assert not first.closed  # the old generation was never let go
    service.close()


def _truncate_postings(generation) -> tuple[str, int]:
    """Cut the generation's postings file to 100 bytes, as damage from outside does while it is open: its
    name and the size it had."""
    postings = next(generation.glob("*.pst"))
    size = postings.stat().st_size
    os.truncate(postings, 100)
    return postings.name, size


def test_postings_damaged_after_the_generation_was_verified_are_index_damaged_naming_the_file(tmp_path):
    from search.errors import IndexDamagedError
    from search.generations import current_generation
    from search.indexer import build_index

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS, CORPUS], tmp_path)
    service = SearchService(tmp_path, warm=False)  # nothing read ahead: a search reads the postings from the file
    generation = current_generation(tmp_path)
    assert run(service, "")["total"] == 7  # opened and verified
    name, size = _truncate_postings(generation)
    message = (f"the index generation {generation} is damaged: {name} has 100 bytes instead of {size}; "
               "run `warta reindex` to rebuild it")
    for read in (lambda: run(service, "reformasi"), lambda: list(service.export(SearchRequest("reformasi")))):
        with pytest.raises(IndexDamagedError) as raised:  # not Whoosh's CorruptIndexError
            read()
        assert str(raised.value) == message
    service.close()


def test_an_export_checks_the_sizes_of_the_generations_files_before_its_first_row(tmp_path):
    """Trial finding: an export is a 200 once its first row is read; damage found later can only cut it. A file
    whose size moved since the generation was opened (here grown: Whoosh, reading by offsets, never noticed) is
    found before the first row, so the web answers 503 `index_damaged`."""
    from search.errors import IndexDamagedError
    from search.generations import current_generation
    from search.indexer import build_index

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS, CORPUS], tmp_path)
    service = SearchService(tmp_path, warm=False)
    generation = current_generation(tmp_path)
    assert len(list(service.export(SearchRequest("reformasi")))) == 2  # opened and verified
    postings = next(generation.glob("*.pst"))
    size = postings.stat().st_size
    with postings.open("ab") as grown:
        grown.write(b"x" * 10)
    rows = service.export(SearchRequest("reformasi"))
    with pytest.raises(IndexDamagedError) as raised:
        next(rows)
    assert str(raised.value) == (f"the index generation {generation} is damaged: {postings.name} has {size + 10} "
                                 f"bytes instead of {size}; run `warta reindex` to rebuild it")
    assert run(service, "reformasi")["total"] == 2  # a search reads on: what it reads is as written
    service.close()


def test_postings_unreadable_though_their_record_matches_are_index_damaged_not_a_raw_error(tmp_path):
    # trial 34: a record rewritten to match a truncated file passes every check; Whoosh then fails on the bytes
    from search.errors import IndexDamagedError
    from search.generations import current_generation, seal
    from search.indexer import build_index

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS, CORPUS], tmp_path)
    generation = current_generation(tmp_path)
    terms = next(generation.glob("*.trm"))
    os.truncate(terms, terms.stat().st_size // 2)
    seal(generation)  # the record now says the truncated file is as written
    service = SearchService(tmp_path, warm=False)
    with pytest.raises(IndexDamagedError) as raised:
        run(service, "reformasi")
    assert str(raised.value) == (f"the index generation {generation} is damaged: Whoosh cannot read its segments "
                                 "(OSError); run `warta reindex` to rebuild it")
    service.close()


def test_postings_damaged_while_a_generation_is_warmed_fail_its_opening_as_index_damaged(tmp_path, monkeypatch):
    from search.errors import IndexDamagedError
    from search.generation import Generation
    from search.generations import current_generation
    from search.indexer import build_index

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS, CORPUS], tmp_path)
    generation = current_generation(tmp_path)
    warm = Generation.warm
    damage = []

    def damaged_then_warmed(opened, *args, **kwargs):
        damage.append(_truncate_postings(generation))  # after verification, before warming reads the postings
        warm(opened, *args, **kwargs)

    monkeypatch.setattr(Generation, "warm", damaged_then_warmed)
    service = SearchService(tmp_path)
    with pytest.raises(IndexDamagedError) as raised:
        service.current()
    name, size = damage[0]
    assert str(raised.value) == (f"the index generation {generation} is damaged: {name} has 100 bytes instead of "
                                 f"{size}; run `warta reindex` to rebuild it")
    service.close()


def _bomb(prefixes: list[str]) -> str:
    return " ".join(f"{prefix}*" for prefix in prefixes)


@pytest.fixture(scope="module")
def wordy_service(tmp_path_factory):
    """Forty articles whose 2,400 distinct words all start with a two-letter prefix (`ma`, `me`, … `su`)."""
    import json
    import string

    from search.indexer import build_index

    root = tmp_path_factory.mktemp("wordy")
    letters = string.ascii_lowercase
    records = []
    for n in range(40):
        words = [f"{p}{letters[n % 26]}{letters[n // 26]}{letters[k % 26]}{letters[k // 26]}"
                 for p in ("ma", "me", "mi", "pe", "ke", "se") for k in range(10)]
        records.append({"title": f"Berita nomor {n}", "body": "Bupati berkata: " + " ".join(words) + ".",
                        "url": f"https://contoh.id/{n}", "date": "2022-09-28", "source": "contoh.id"})
    (root / "src").mkdir()
    (root / "src" / "wordy.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    build_index([root / "src"], root / "ix")
    service = SearchService(root / "ix")
    yield service
    service.close()


def test_125_copies_of_one_prefix_search_its_200_most_frequent_words_once(wordy_service):
    started = time.process_time()
    result = run(wordy_service, _bomb(["me"] * 125))
    assert time.process_time() - started < 5
    assert result["total"] == 20  # each word is in one article: the 200 searched are the first by name
    assert result["capped"] == {"per_expansion": 200, "per_query": 1000, "postings_per_query": 1_000_000,
                                "expansions": {"me*": {"found": 400, "searched": 200}}}


def test_prefixes_of_one_query_expand_to_at_most_1000_words_in_all(wordy_service):
    result = run(wordy_service, _bomb(["ma", "me", "mi", "pe", "ke", "se"] * 20))
    capped = result["capped"]["expansions"]
    assert sum(found["searched"] for found in capped.values()) == 1000  # 200 each for five, none for the sixth
    assert sorted(found["searched"] for found in capped.values()) == [0, 200, 200, 200, 200, 200]
    assert capped["se*"] == {"found": 400, "searched": 0}
    assert capped["se*"]["searched"] == 0  # past the cap a prefix matches nothing, and the result says why
    once = run(wordy_service, "ma* me* mi* pe* ke* se*")  # a prefix written 20 times is one part of the query
    # `se*`, left without words, is dropped as relaxation drops a word (one of six) and said unsearched; no hit
    # is said to lack it
    assert [(found["total"], found["relaxed"], found["unsearched"]) for found in (result, once)] == [
        (20, True, ["se*"])] * 2
    assert {tuple(hit["missing"]) for hit in result["hits"]} == {()}


def test_an_excluded_prefix_the_caps_would_cut_is_refused(wordy_service):
    from search.errors import BadQueryError
    with pytest.raises(BadQueryError) as refused:
        run(wordy_service, "bupati -me*")  # 400 words: excluding the 200 most frequent would keep 20 articles
    assert (refused.value.code, refused.value.fields) == ("exclusion_too_wide",
                                                          {"prefix": "me*", "found": 400, "searched": 200})
    assert run(wordy_service, "bupati -meaa*")["total"] == 39  # a longer prefix is excluded whole


def test_a_prefix_under_the_cap_says_nothing(wordy_service):
    result = run(wordy_service, "bup*")
    assert result["total"] == 40 and "capped" not in result


def test_text_and_queries_in_other_unicode_forms_meet(tmp_path):
    import json

    from search.indexer import build_index
    from search.query import SearchService

    body = ("Pelatih Marque\u0301z memuji bu\u00adpati dan wali\u200bkota yang hadir menonton pertandingan "
            "ｓｅｐａｋｂｏｌａ di stadion.")
    (tmp_path / "a.jsonl").write_text(json.dumps({"url": "https://a.id/1", "body": body}) + "\n", encoding="utf-8")
    build_index([tmp_path / "a.jsonl"], tmp_path / "ix")
    service = SearchService(tmp_path / "ix")
    try:
        for typed in ("Márquez", "Ma\u0301rquez", "bupati", "bu\u200bpati", "ｂｕｐａｔｉ", "walikota", "sepakbola"):
            assert run(service, typed)["total"] == 1, typed
    finally:
        service.close()


def test_a_name_written_with_any_apostrophe_or_hidden_mark_is_one_official_found_by_every_spelling(tmp_path):
    import json

    from search.indexer import build_index
    from search.query import SearchService

    spellings = ("Ma'ruf", "Ma\u2019ruf", "Ma\u02bcruf", "Ma`ruf", "Ma\u00b4ruf")
    topics = ("meninjau banjir di Kalianda", "membuka pameran batik di Solo", "meresmikan pasar ikan di Tegal",
              "menanam mangrove di Demak", "melepas kirab budaya di Semarang")
    records = [{"url": f"https://a.id/{n}", "body": f"Wakil Presiden {written} Amin {topic}. Gubernur Jawa Tengah "
                f"Gan\u034fjar\u3164Pranowo hadir."} for n, (written, topic) in enumerate(zip(spellings, topics))]
    (tmp_path / "a.jsonl").write_text("\n".join(map(json.dumps, records)) + "\n", encoding="utf-8")
    build_index([tmp_path / "a.jsonl"], tmp_path / "ix")
    service = SearchService(tmp_path / "ix")
    try:
        result = run(service)
        assert {f["value"]: f["count"] for f in result["facets"]["official"]} == {
            "Ma'ruf Amin": 5, "Ganjar Pranowo": 5}
        for typed in spellings:
            assert run(service, typed)["total"] == 5, typed
            assert run(service, officials=[f"{typed} Amin"])["total"] == 5, typed
    finally:
        service.close()


@pytest.fixture(scope="module", params=[True, False], ids=["seed read first", "versions read first"])
def seed_first(request) -> bool:
    return request.param


@pytest.fixture(scope="module")
def story_service(seed_first, tmp_path_factory):
    """The story index both ways round: which article is read first names the story, and nothing else."""
    story_search = SearchService(build_story_index(tmp_path_factory, seed_first=seed_first))
    yield story_search
    story_search.close()


SEED_ID = "cade9df429c4df30"
LAMPOST_ID = "856947439bda82dc"  # the version whose title has every word of `rakornas reformasi birokrasi`
RADAR_ID = "163980f9fc88e187"
OTHER_STORY_ID = "87847f14e1ef63f5"  # the hard negative: the same official, another story


def test_collapsed_by_default_one_hit_per_story_with_its_other_versions(story_service):
    result = run(story_service, "Lampung Selatan", sort="date")
    assert (result["total"], result["total_articles"]) == (2, 4)
    assert [(hit["source"], hit["date"]) for hit in result["hits"]] == [("Lampost", "2022-09-30"),
                                                                          ("Diskominfo", "2022-09-28")]
    seed = result["hits"][1]
    assert seed["id"] == SEED_ID  # the earliest version stands for the story
    assert seed["story"] != result["hits"][0]["story"]
    assert [(d["source"], d["date"]) for d in seed["duplicates"]] == [("Lampost", "2022-09-29"),
                                                                       ("Radar Lampung", "2022-09-30")]
    assert set(seed["duplicates"][0]) == {"id", "title", "source", "date", "url"}
    assert result["hits"][0]["duplicates"] == []  # the same official's other story stays apart


def test_by_relevance_the_best_ranked_version_stands_for_the_story(story_service):
    every = run(story_service, "rakornas reformasi birokrasi", collapse=False)
    result = run(story_service, "rakornas reformasi birokrasi")
    assert (every["total"], result["total"]) == (4, 2)
    assert [hit["id"] for hit in every["hits"]] == [LAMPOST_ID, RADAR_ID, SEED_ID, OTHER_STORY_ID]
    best = {}
    for hit in every["hits"]:
        best.setdefault(hit["story"], hit["id"])
    # the best-ranked article of each story, not the story's id (its first indexed article: the seed or not)
    assert [hit["id"] for hit in result["hits"]] == list(best.values()) == [LAMPOST_ID, OTHER_STORY_ID]
    copies = next(hit for hit in result["hits"] if hit["duplicates"])
    assert sorted(d["source"] for d in copies["duplicates"] + [copies]) == ["Diskominfo", "Lampost", "Radar Lampung"]


def test_a_story_is_named_after_its_first_indexed_article(story_service, seed_first):
    result = run(story_service, "rakornas reformasi birokrasi")
    assert [hit["story"] for hit in result["hits"]] == [SEED_ID if seed_first else LAMPOST_ID, OTHER_STORY_ID]


def test_collapse_false_lists_every_article(story_service):
    result = run(story_service, "Lampung Selatan", sort="date", collapse=False)
    assert (result["total"], result["total_articles"]) == (4, 4)
    assert [hit["date"] for hit in result["hits"]] == ["2022-09-30", "2022-09-30", "2022-09-29", "2022-09-28"]
    assert all(hit["duplicates"] == [] for hit in result["hits"])
    assert len({hit["story"] for hit in result["hits"]}) == 2


def test_collapsing_does_not_change_facet_counts_or_the_histogram(story_service):
    collapsed = run(story_service, "Lampung Selatan")
    every = run(story_service, "Lampung Selatan", collapse=False)
    assert collapsed["facets"] == every["facets"] and collapsed["histogram"] == every["histogram"]
    thamrin = next(f["count"] for f in collapsed["facets"]["official"] if f["value"] == "Thamrin")
    assert thamrin == 4  # articles, not stories: the seed, its two versions and the other story name him
    assert collapsed["histogram"] == [{"month": "2022-09", "count": 4}]


def test_paging_counts_stories(story_service):
    first = run(story_service, "Lampung Selatan", sort="date", per_page=1)
    second = run(story_service, "Lampung Selatan", sort="date", per_page=1, page=2)
    assert first["total"] == 2 and [h["source"] for h in first["hits"] + second["hits"]] == ["Lampost", "Diskominfo"]


def test_an_article_lists_its_other_versions_and_which_came_first(story_service):
    copy = next(h for h in run(story_service, "Lampung Selatan", collapse=False)["hits"] if h["source"] == "Radar Lampung")
    article = story_service.article(copy["id"])
    assert (article["story"], article["first_version"]) == (copy["story"], SEED_ID)
    assert [(v["source"], v["date"]) for v in article["versions"]] == [("Diskominfo", "2022-09-28"),
                                                                        ("Lampost", "2022-09-29")]
    alone = next(h for h in run(story_service, "gedung pelayanan terpadu")["hits"])
    assert (story_service.article(alone["id"])["versions"], story_service.article(alone["id"])["first_version"]) == ([], None)


def test_versions_of_one_day_are_listed_in_the_order_they_were_read(tmp_path):
    from .conftest import version_of_seed

    outlets = [("Lampost", "turut mengikuti"), ("Radar Lampung", "ikut dalam"), ("Tribun", "mengikuti pula")]
    records = [{"title": f"Rakornas versi {outlet}", "url": f"https://{outlet.split()[0].lower()}.example/rakornas",
                "date": "2022-09-29", "source": outlet, "body": version_of_seed(outlet, lead)}
               for outlet, lead in outlets]
    service = SearchService(index_of_records(tmp_path, records))  # ids: Radar Lampung's, Lampost's, Tribun's
    try:
        hits = run(service, "rakornas")["hits"]
        assert [(hit["source"], [d["source"] for d in hit["duplicates"]]) for hit in hits] == [
            ("Lampost", ["Radar Lampung", "Tribun"])]
        article = service.article(hits[0]["duplicates"][1]["id"])
        assert article["first_version"] == hits[0]["id"]
        assert [v["source"] for v in article["versions"]] == ["Lampost", "Radar Lampung"]
    finally:
        service.close()


def test_the_region_facet_nests_kabupaten_under_their_province(story_service):
    every = run(story_service, "", collapse=False)
    assert every["facets"]["region"] == [
        {"value": "18", "label": "Provinsi Lampung", "count": 4, "selected": False, "children": []}]
    narrowed = run(story_service, "", collapse=False, selected={"region": ("Lamsel",)})
    assert narrowed["query"]["region"] == ["18.01"] and narrowed["total"] == 4
    assert narrowed["facets"]["region"] == [
        {"value": "18", "label": "Provinsi Lampung", "count": 4, "selected": False, "children": [
            {"value": "18.01", "label": "Kabupaten Lampung Selatan", "count": 4, "selected": True, "children": []}]}]
    seed = next(hit for hit in narrowed["hits"] if hit["id"] == SEED_ID)
    assert seed["regions"] == [{"code": "18.01", "name": "Kabupaten Lampung Selatan", "level": "kabupaten"}]
    assert run(story_service, "region:lamsel", collapse=False)["total"] == 4
    assert run(story_service, "", selected={"region": ("Provinsi Jawa Timur",)})["total"] == 0


def test_one_persons_forms_are_found_together_and_listed_on_the_article(tmp_path):
    records = [
        {"title": "Anggaran Daerah Dibahas", "url": "https://a.example/1", "date": "2024-01-02", "source": "A",
         "body": "Jakarta - Menteri Keuangan Sri Mulyani Indrawati membahas anggaran daerah bersama gubernur."},
        {"title": "Pajak Daerah Naik", "url": "https://a.example/2", "date": "2024-01-03", "source": "A",
         "body": "Jakarta - Menteri Keuangan Sri Mulyani menyebut pajak daerah naik tahun ini."},
        {"title": "Mantan Presiden Berkunjung", "url": "https://a.example/3", "date": "2024-01-04", "source": "A",
         "body": "Pacitan - Presiden Susilo Bambang Yudhoyono dan Menko Agus Harimurti Yudhoyono berkunjung."},
    ]
    service = SearchService(index_of_records(tmp_path, records))
    try:
        result = run(service, officials=("Sri Mulyani",))
        assert sorted(titles(result)) == ["Anggaran Daerah Dibahas", "Pajak Daerah Naik"]
        article = service.article(next(hit["id"] for hit in result["hits"] if hit["title"] == "Pajak Daerah Naik"))
        assert [(o["name"], o.get("variants")) for o in article["officials"]] == [
            ("Sri Mulyani", ["Sri Mulyani Indrawati"])]
        assert titles(run(service, officials=("Agus Harimurti Yudhoyono",))) == ["Mantan Presiden Berkunjung"]
        yudhoyono = service.article(run(service, "berkunjung")["hits"][0]["id"])
        assert yudhoyono["officials"] == [
            {"name": "Susilo Bambang Yudhoyono", "role": "Presiden", "surfaces": ["Susilo Bambang Yudhoyono"]},
            {"name": "Agus Harimurti Yudhoyono", "role": "Menko", "surfaces": ["Agus Harimurti Yudhoyono"]}]
    finally:
        service.close()


def test_a_typed_value_standing_for_more_than_50_stored_values_keeps_those_in_most_articles(tmp_path):
    """`agency=dinas` over 55 `Dinas Kesehatan …` values took the first 50 in stored order, and missed the
    one in most articles (trial 28); the parameter and the field filter now both keep the 50 largest."""
    records = dinas_records(55, repeated_last=3)
    service = SearchService(index_of_records(tmp_path, records))
    try:
        largest = records[-1]["body"].split(" menggelar")[0]
        selected = service.search(SearchRequest(selected={"agency": ("dinas",)}, per_page=1))
        assert (len(selected["query"]["agency"]), selected["query"]["agency"][0], selected["total_articles"]) == (
            50, largest, 53)
        assert service.search(SearchRequest(q="agency:dinas", per_page=1))["total_articles"] == 53
    finally:
        service.close()


def test_a_name_selects_in_the_quoted_facet_what_the_quoted_field_finds(tmp_path):
    """`quoted=Joko` found nothing when a bare official value `Joko` (a village head, never quoted) exists: the
    name named him, not the Jokos who were quoted, while `quoted:joko` found those (trial 27)."""
    records = [
        {"title": "Jalan Desa Diresmikan", "url": "https://a.example/1", "date": "2024-01-02", "source": "A",
         "body": "Sragen - Kepala Desa Sukamaju Joko meresmikan jalan desa bersama warga, Selasa (2/1/2024)."},
        {"title": "Presiden Bicara Pangan", "url": "https://a.example/2", "date": "2024-01-03", "source": "A",
         "body": 'Jakarta - Presiden Joko Widodo menegaskan stok beras aman. "Stok beras nasional aman sampai '
                 'akhir tahun," kata Joko Widodo di Istana.'},
    ]
    service = SearchService(index_of_records(tmp_path, records))
    try:
        found = {typed: titles(service.search(SearchRequest(q=q, selected=selected)))
                 for typed, q, selected in (("quoted=", "", {"quoted": ("Joko",)}), ("quoted:", "quoted:joko", {}),
                                            ("official=", "", {"official": ("Joko",)}),
                                            ("official:", "official:joko", {}))}
        assert found == {"quoted=": ["Presiden Bicara Pangan"], "quoted:": ["Presiden Bicara Pangan"],
                         "official=": ["Jalan Desa Diresmikan"], "official:": ["Jalan Desa Diresmikan"]}
    finally:
        service.close()


def test_a_swap_asks_the_new_generation_the_searches_answered_last_before_it_serves(tmp_path, monkeypatch):
    from search import query
    from search.indexer import build_index

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS], tmp_path)
    service = SearchService(tmp_path, background_swaps=True)
    monkeypatch.setattr(query, "AUTOWARM_REQUESTS", 2)
    for words in ("birokrasi", "reformasi", "lampung", "birokrasi"):  # `reformasi` is beyond the two replayed
        run(service, words)
    first = service.current()
    build_index([SEEDS, CORPUS], tmp_path)
    service.current()  # starts opening the new one
    assert _wait_until(lambda: service.current() is not first)
    warmed = service.current().results
    assert (len(warmed), warmed.hits, warmed.misses) == (2, 0, 2)  # `birokrasi` and `lampung`, evaluated once
    assert [request.q for request in warmed.recent(5)] == ["lampung", "birokrasi"]
    fresh = SearchService(tmp_path, result_cache_bytes=0)
    untimed = [{key: value for key, value in result.items() if key != "took_ms"}
               for result in (run(service, "lampung"), run(fresh, "lampung"))]
    assert untimed[0] == untimed[1]  # the new generation's answer, not the old one's
    assert (warmed.hits, warmed.misses) == (1, 2)
    service.close()
    fresh.close()


def test_without_background_swaps_a_swap_replays_nothing(tmp_path):
    from search.indexer import build_index

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS], tmp_path)
    service = SearchService(tmp_path)
    run(service, "birokrasi")
    build_index([SEEDS, CORPUS], tmp_path)
    run(service, "lampung")
    assert [request.q for request in service.current().results.recent(5)] == ["lampung"]
    service.close()


def test_a_request_made_again_from_its_fields_is_the_same_request():
    request = SearchRequest(q="reformasi birokrasi", officials=("Suhajar Diantoro",), selected={"region": ("18.01",)},
                            page=2, per_page=5, sort="date", facet_size=7, date_from="2024", date_to="2025-06",
                            collapse=False, match="all", said=("Suhajar",))
    again = SearchRequest.from_fields(json.loads(json.dumps(request.fields())))
    assert again.key == request.key
    assert again == request


@pytest.mark.parametrize("fields", [{"q": "a", "unknown": 1}, {"collapse": "yes"}, {"page": "2"}, {"page": True},
                                    {"selected": ["official"]}, {"selected": {"official": "A"}},
                                    {"per_page": 1000}, {"q": 5}, {"said": "Suhajar"}])
def test_fields_of_the_wrong_kind_are_a_bad_query(fields):
    with pytest.raises(BadQueryError):
        SearchRequest.from_fields(fields)


def test_a_service_saves_the_searches_it_answered_and_a_starting_one_asks_them_first(tmp_path):
    from search.indexer import build_index
    from search.warmlist import WARM_FILE

    from .conftest import SEEDS

    build_index([SEEDS], tmp_path)
    service = SearchService(tmp_path)
    assert service.save_recent() is False  # nothing answered yet: nothing written
    for words in ("birokrasi", "lampung", "birokrasi"):
        run(service, words)
    assert service.save_recent() is True
    assert service.save_recent() is False  # unchanged since
    saved = json.loads((tmp_path / WARM_FILE).read_text(encoding="utf-8"))["searches"]
    assert [entry["q"] for entry in saved] == ["birokrasi", "lampung"]  # most recent first, once each
    service.close()
    starting = SearchService(tmp_path)
    starting.replay_saved = True
    results = starting.current().results
    assert (len(results), results.misses) == (2, 2)  # both asked before the first search
    replayed = starting.search(SearchRequest(q="lampung"))  # the cached result describes the request in full
    assert results.hits == 1
    assert list(replayed["query"]) == ["q", "official", "agency", "region", "source", "quoted", "page", "per_page",
                                       "sort", "from", "to", "collapse", "match"]
    starting.close()
    cold = SearchService(tmp_path)  # the library alone does not replay: only a server asks for it
    assert len(cold.current().results) == 0
    cold.close()


def test_saving_where_the_index_root_is_gone_is_an_index_write_error(tmp_path):
    from search.errors import IndexWriteError
    from search.indexer import build_index

    from .conftest import SEEDS

    build_index([SEEDS], tmp_path / "ix")
    service = SearchService(tmp_path / "ix")
    run(service, "birokrasi")
    service.current()
    service.index_root = tmp_path / "gone"
    with pytest.raises(IndexWriteError, match="cannot save the recent searches"):
        service.save_recent()
    service.close()


def test_one_typed_value_may_stand_for_more_stored_values_than_a_request_may_type(tmp_path):
    """`agency=dinas`: every `Dinas …` (up to 50), though a request types at most 20 values per facet."""
    service = SearchService(index_of_records(tmp_path, dinas_records(25), "ix"))
    try:
        result = service.search(SearchRequest(selected={"agency": ("dinas",)}, per_page=1))
        assert (result["total"], len(result["query"]["agency"])) == (25, 25)  # the values it stood for
        with pytest.raises(BadQueryError, match="at most 20 values"):
            SearchRequest(selected={"agency": tuple(f"dinas {n}" for n in range(21))})
        assert service.save_recent() is True  # saved as typed, so that a starting server can ask it (trial 28)
        from search.warmlist import load_searches
        assert [request.selected["agency"] for request in load_searches(tmp_path / "ix", SearchRequest.from_fields)
                ] == [("dinas",)]
    finally:
        service.close()


def test_a_word_finds_the_hyphenated_compounds_it_is_part_of_and_the_snippet_marks_them(tmp_path):
    from search.indexer import build_index

    articles = tmp_path / "articles.jsonl"
    articles.write_text("\n".join(json.dumps(record) for record in [
        {"id": "a1", "title": "Vaksinasi lanjutan", "date": "2024-02-01",
         "body": "Dinas Kesehatan menggelar vaksinasi Covid-19 bagi lansia di puskesmas."},
        {"id": "a2", "title": "Kampanye akbar", "date": "2024-02-02",
         "body": "Relawan Prabowo-Gibran memadati lapangan, anak-anak ikut bernyanyi."},
        {"id": "a3", "title": "Rapat anggaran", "date": "2024-02-03", "body": "Anak sekolah di kecamatan itu libur lebih awal pekan ini."},
    ]) + "\n", encoding="utf-8")
    root = tmp_path / "index"
    assert build_index([articles], root).errors == []
    service = SearchService(root)
    try:
        covid = run(service, "covid")
        assert titles(covid) == ["Vaksinasi lanjutan"]
        assert "<mark>Covid-19</mark>" in covid["hits"][0]["snippet"]
        assert titles(run(service, "gibran")) == ["Kampanye akbar"]
        assert titles(run(service, "covid-19")) == ["Vaksinasi lanjutan"]
        assert titles(run(service, "19")) == ["Vaksinasi lanjutan"]
        assert sorted(titles(run(service, "anak"))) == ["Kampanye akbar", "Rapat anggaran"]
        assert titles(run(service, '"relawan prabowo-gibran"')) == ["Kampanye akbar"]
    finally:
        service.close()


@pytest.mark.parametrize("name, values, bound", [
    ("from", ["2017", "2018"], "2018"),  # as `from:2017 from:2018` in a query: every bound holds
    ("from", ["2018", "2017-06"], "2018"),
    ("to", ["2022-10", "2022-9-30", "2023"], "2022-09-30"),
    ("to", ["2022-09", "2022-09-30"], "2022-09"),  # the same last day: the first written
    ("from", ["2017", "2017"], "2017"),
    ("from", ["", " ", "\uff12\uff10\uff11\uff17"], "2017"),
    ("to", [], ""),
    ("from", ["01/2016", "2015"], "2016-01"),  # trial 43: as Indonesia writes it, in the API too
    ("to", ["28/09/2016", "2016-10"], "2016-09-28"),
])
def test_repeated_date_bounds_narrow_to_the_one_within_all(name, values, bound):
    assert narrowest_date_bound(name, values) == bound


def test_a_repeated_date_bound_that_is_no_date_is_refused():
    with pytest.raises(BadQueryError) as caught:
        narrowest_date_bound("from", ["2017", "zzz"])
    assert (str(caught.value), caught.value.code) == (
        "from must be a date written YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY or MM/YYYY, years 1900 to 2100", "bad_date")


def test_a_request_reads_fullwidth_date_bounds_as_its_query_does():
    request = SearchRequest(date_from="\uff12\uff10\uff11\uff17", date_to="\uff12\uff10\uff11\uff18\uff0d\uff10\uff13")
    assert (request.date_from, request.date_to) == ("2017", "2018-03")


@pytest.mark.parametrize("written", ["\t", "\n", "\r\n", "\x0b", "\x0c", "\x85", "\u2028"])
def test_a_tab_or_a_line_break_reads_as_a_space_in_a_query_and_a_facet_value_alike(service, written):
    """Trial 55: VT, FF and NEL were refused in a facet value where LF and U+2028 were read as spaces (README: a
    control character other than a tab or a line break is refused), and in a query refused or, at its ends,
    searched. One rule now: each line break reads as a space, in both."""
    answer = service.search(SearchRequest(f"pelayanan{written}publik", selected={"region": (f"Lampung{written}Selatan",)}))
    assert (answer["total_articles"], answer["query"]["region"]) == (1, ["18.01"])


@pytest.mark.parametrize("written", ["\x00", "\x1b", "\x1f", "\x7f", "\x9b"])
def test_another_control_character_is_refused_in_a_query_and_a_facet_value_alike(written):
    with pytest.raises(BadQueryError, match="q contains control characters"):
        SearchRequest(f"pelayanan{written}publik")
    with pytest.raises(BadQueryError, match="a facet value or said name contains control characters"):
        SearchRequest(selected={"region": (f"Lampung{written}Selatan",)})
