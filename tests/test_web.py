"""The JSON API contract, the error envelope and the search page."""

import json
import re
from pathlib import Path
from html import escape, unescape

import pytest

from search.indexer import build_index
from web import create_app
from web.views import marked_paragraphs
from web.indonesian import words

from .conftest import SEED_AGENCIES, SEED_OFFICIALS


def test_api_search_contract(client):
    response = client.get("/api/search?q=reformasi+birokrasi")
    assert response.status_code == 200
    body = response.get_json()
    assert list(body) == ["query", "total", "total_articles", "took_ms", "hits", "facets", "histogram", "relaxed"]
    assert body["query"] == {"q": "reformasi birokrasi", "official": [], "agency": [], "region": [], "source": [], "quoted": [],
                             "page": 1, "per_page": 10, "sort": "relevance", "from": None, "to": None, "collapse": True,
                             "match": "relaxed"}
    assert isinstance(body["took_ms"], float)
    seed = next(hit for hit in body["hits"] if hit["source"] == "Diskominfo")
    assert seed["officials"] == SEED_OFFICIALS and seed["agencies"] == SEED_AGENCIES
    assert {f["value"] for f in body["facets"]["official"]} >= set(SEED_OFFICIALS)
    assert {f["value"] for f in body["facets"]["agency"]} >= set(SEED_AGENCIES)
    value = body["facets"]["official"][0]
    assert set(value) == {"value", "label", "count", "selected", "toggle_url"}


def test_api_repeatable_filters(client):
    response = client.get("/api/search", query_string=[("q", "reformasi"), ("agency", "Kementerian Dalam Negeri"),
                                                         ("agency", "Pemerintah Kabupaten Lampung Selatan"),
                                                         ("official", "Thamrin")])
    body = response.get_json()
    assert body["query"]["agency"] == ["Kementerian Dalam Negeri", "Pemerintah Kabupaten Lampung Selatan"]
    assert body["query"]["official"] == ["Thamrin"]
    assert body["total"] == 1
    thamrin = next(f for f in body["facets"]["official"] if f["value"] == "Thamrin")
    assert thamrin["selected"] is True
    assert "official=Thamrin" not in thamrin["toggle_url"]


@pytest.mark.parametrize("query, code", [
    ("page=0", "bad_page"),
    ("page=abc", "bad_page"),
    ("page=99999999999", "bad_page"),
    ("per_page=101", "bad_per_page"),
    ("sort=popular", "bad_sort"),
    ("q=" + "x" * 501, "bad_query"),
    ("q=a%00b", "bad_query"),
    ("official=%00", "bad_filter"),
    ("said=Budi%1B", "bad_filter"),
])
def test_api_bad_parameters_are_400_with_the_error_envelope(client, query, code):
    response = client.get("/api/search?" + query)
    assert response.status_code == 400
    body = response.get_json()
    assert list(body) == ["error"]
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_a_page_number_too_long_is_told_so_not_that_it_lacks_digits(client):
    body = client.get("/api/search?q=x&page=99999999999").get_json()
    assert body["error"] == {"code": "bad_page", "message": "page must be a whole number at most 9 digits long"}


def test_api_unknown_route_and_article_use_the_envelope(client):
    assert client.get("/api/nope").get_json()["error"]["code"] == "not_found"
    response = client.get("/api/articles/nope")
    assert response.status_code == 404
    assert response.get_json() == {"error": {"code": "not_found", "message": "no article with id 'nope'"}}
    assert client.post("/api/search").status_code == 405


@pytest.mark.parametrize("folder", ["index", "arsip berita/index"])  # a space in the server's path too
def test_api_without_index_is_503_not_500(tmp_path, folder):
    root = tmp_path / folder
    root.mkdir(parents=True)
    client = create_app({"WARTA_INDEX": str(root), "TESTING": True}).test_client()
    response = client.get("/api/search?q=x")
    assert response.status_code == 503
    assert response.get_json()["error"] == {"code": "index_missing", "message": (
        "no index at index (run `warta reindex` first)")}


def test_postings_damaged_while_serving_are_a_503_envelope_and_other_searches_still_answer(tmp_path, monkeypatch):
    import os

    from search.generation import Generation
    from search.generations import current_generation

    from .conftest import CORPUS, SEEDS

    build_index([SEEDS, CORPUS], tmp_path)
    monkeypatch.setattr(Generation, "warm", lambda generation, *args, **kwargs: None)  # searches read the files
    app = create_app({"WARTA_INDEX": str(tmp_path), "TESTING": True})
    client = app.test_client()
    assert client.get("/api/search?q=reformasi").get_json()["total"] == 2  # opened, verified, its postings read
    generation = current_generation(tmp_path)
    postings = next(generation.glob("*.pst"))
    size = postings.stat().st_size
    os.truncate(postings, 100)  # damaged from outside while the server runs
    damaged = client.get("/api/search?q=kabupaten")
    assert damaged.status_code == 503
    assert damaged.get_json() == {"error": {"code": "index_damaged", "message": (  # no directory of the server's
        f"the index generation {generation.name} is damaged: {postings.name} has 100 bytes instead of {size}; "
        "run `warta reindex` to rebuild it")}}
    assert client.get("/api/search.csv?q=kabupaten").get_json() == damaged.get_json()
    assert client.get("/api/search?q=reformasi").get_json()["total"] == 2  # what was read still answers
    app.extensions["warta"].close()


def test_api_article(client):
    hit = client.get("/api/search?q=musrenbang").get_json()["hits"][0]
    article = client.get(f"/api/articles/{hit['id']}").get_json()
    assert article["title"] == hit["title"]
    assert article["officials"][0] == {"name": "Dendi Ramadhona", "role": "Bupati Pesawaran",
                                       "surfaces": ["Dendi Ramadhona", "Dendi"]}


def test_search_page_renders_results_facets_and_keeps_the_query(client):
    html = client.get("/?q=reformasi+birokrasi").get_data(as_text=True)
    assert '<html lang="id">' in html
    assert 'value="reformasi birokrasi"' in html
    assert "Suhajar Diantoro" in html and "Kementerian Dalam Negeri" in html
    assert "<mark>Reformasi</mark>" in html
    assert "/?q=reformasi+birokrasi&amp;official=Thamrin" in html


def test_search_page_filter_chip_and_clear_all(client):
    html = client.get("/?q=reformasi&official=Thamrin").get_data(as_text=True)
    assert 'aria-label="Hapus filter pejabat Thamrin"' in html
    assert "Hapus semua" in html
    assert "1 artikel" in html


def test_said_filter_is_a_chip_and_clear_all_removes_it(client):
    html = client.get("/?q=reformasi&said=Suhajar+Diantoro&official=Thamrin").get_data(as_text=True)
    assert 'href="/?q=reformasi&amp;official=Thamrin" aria-label="Hapus filter berkata Berkata: Suhajar Diantoro"' in html
    assert '<a class="clear" href="/?q=reformasi">Hapus semua</a>' in html


def hidden_inputs(html: str, form_attribute: str) -> list[tuple[str, str]]:
    """The hidden (name, value) pairs of the page's form with `form_attribute` in its start tag, in order."""
    form = re.search(rf'<form [^>]*{form_attribute}[^>]*>(.*?)</form>', html, re.S).group(1)
    return [(unescape(name), unescape(value))
            for name, value in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', form)]


STATE = ("q=reformasi&agency=Kementerian+Dalam+Negeri&from=2022-09-01&sort=date&per_page=5&collapse=false"
         "&match=all&said=Suhajar+Diantoro")


def test_the_search_box_carries_every_filter_and_setting_but_what_it_shows(client):
    html = client.get("/?" + STATE).get_data(as_text=True)
    assert hidden_inputs(html, 'class="search"') == [
        ("agency", "Kementerian Dalam Negeri"), ("per_page", "5"), ("collapse", "false"), ("match", "all"),
        ("said", "Suhajar Diantoro")]


def test_a_facet_filter_box_carries_the_whole_search(client):
    html = client.get("/?" + STATE).get_data(as_text=True)
    assert hidden_inputs(html, 'data-facet="official"') == [
        ("q", "reformasi"), ("agency", "Kementerian Dalam Negeri"), ("from", "2022-09-01"), ("sort", "date"),
        ("per_page", "5"), ("collapse", "false"), ("match", "all"), ("said", "Suhajar Diantoro"),
        ("more", "official")]


def test_the_type_ahead_counts_and_toggles_under_the_said_filter(client):
    """What facets.js asks: the facet form's fields but `more`, with the typed prefix and a size."""
    html = client.get("/?q=&said=Suhajar+Diantoro").get_data(as_text=True)
    fields = [(name, value) for name, value in hidden_inputs(html, 'data-facet="agency"') if name != "more"]
    items = client.get("/facets/agency", query_string=[*fields, ("prefix", "ke"), ("size", "2")]).get_data(as_text=True)
    assert re.findall(r'<a href="([^"]*)" >\s*<span class="value">[^<]*</span> <span class="count">(\d+)</span>',
                      items) == [("/?agency=Kementerian+Dalam+Negeri&amp;said=Suhajar+Diantoro", "1"),
                                 ("/?agency=Kementerian+Koordinator+Bidang+Politik%2C+Hukum%2C+dan+Keamanan"
                                  "&amp;said=Suhajar+Diantoro", "1")]


@pytest.mark.parametrize("dates, link", [
    ("", "from=2022-09&amp;to=2022-09"),
    ("&from=28%2F09%2F2022", "from=2022-09-28&amp;to=2022-09"),  # the month's link keeps the search's range
    ("&from=2022-09-28&to=2022-09-29", "from=2022-09-28&amp;to=2022-09-29"),
])
def test_histogram_month_links_stay_within_the_searchs_dates(client, dates, link):
    html = client.get(f"/?q=reformasi{dates}").get_data(as_text=True)
    assert f'href="/?q=reformasi&amp;{link}"' in html


@pytest.mark.parametrize("url", ["/api/facets/official?prefix=a%01", "/facets/official?prefix=a%1B",
                                 "/?q=reformasi&facet_prefix=a%01"])
def test_a_prefix_with_a_control_character_is_refused_as_such_a_query_is(client, url):
    response = client.get(url)
    assert response.status_code == 400


def test_search_page_paginates_keeping_filters(client):
    html = client.get("/?per_page=3&agency=Dinas+Kesehatan+Kota+Bandung").get_data(as_text=True)
    assert "2 artikel" in html
    html = client.get("/?per_page=3").get_data(as_text=True)
    assert 'rel="next" href="/?per_page=3&amp;page=2"' in html


def test_page_escapes_hostile_article_text(client):
    html = client.get("/?q=skrip").get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_article_page_never_links_a_javascript_url(client):
    hit = client.get("/api/search?q=skrip").get_json()["hits"][0]
    html = client.get(f"/article/{hit['id']}").get_data(as_text=True)
    assert "javascript:" not in html
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_bad_page_parameter_shows_a_400_page_in_indonesian(client):
    response = client.get("/?page=0")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Nomor halaman harus bilangan bulat mulai 1" in html
    assert "page must be a whole number" not in html
    assert client.get("/api/search?page=0").get_json()["error"] == {
        "code": "bad_page", "message": "page must be a whole number from 1"}


def test_an_unknown_region_is_a_400_naming_the_nearest_one(client):
    assert client.get("/api/search?region=Lampung+Selatn").get_json()["error"] == {
        "code": "unknown_facet_value", "message": "no region named 'Lampung Selatn'; did you mean Lampung Selatan?"}
    response = client.get("/?q=camat&region=Lampung+Selatn")
    assert response.status_code == 400
    assert "Wilayah “Lampung Selatn” tidak dikenal. Mungkin maksud Anda Lampung Selatan?" in response.get_data(
        as_text=True)
    page = client.get("/?q=camat&region=Atlantis").get_data(as_text=True)
    assert "Wilayah “Atlantis” tidak dikenal." in page and "Mungkin maksud Anda" not in page
    assert client.get("/api/search?region=Lamsel").status_code == 200


def test_every_bad_request_code_the_engine_raises_has_its_own_indonesian_text():
    """A code with no text of its own shows only "Permintaan ini tidak dapat dibaca" on the page."""
    engine = Path(__file__).resolve().parent.parent / "search"
    raised = {code for path in engine.rglob("*.py") for code in re.findall(
        r'BadQueryError\((?:[^()]|\([^()]*\))*?,\s*"([a-z_]+)"', path.read_text(encoding="utf-8"))}
    assert {"bad_match", "bad_request", "bad_filter", "bad_date"} <= raised
    cli_only = {"bad_backend", "bad_setting", "bad_column", "bad_usage"}  # settings, reading, options:
    # never a page's answer
    assert cli_only <= raised
    assert sorted(code for code in raised - cli_only if code not in words()["errors"]) == []


def test_a_query_with_nothing_to_search_says_so_instead_of_claiming_its_hits(client):
    answer = client.get("/api/search?q=%F0%9F%98%80").get_json()
    assert (answer["unreadable"], answer["total"]) == (True, client.get("/api/search").get_json()["total"])
    assert "unreadable" not in client.get("/api/search?q=camat").get_json()
    assert "unreadable" not in client.get("/api/search").get_json()
    html = client.get("/?q=%F0%9F%98%80").get_data(as_text=True)
    assert "“<bdi>😀</bdi>” tidak memuat kata yang dapat dicari: semua berita ditampilkan." in html
    assert "untuk <strong><bdi>😀</bdi></strong>" not in html


def test_too_many_said_names_quote_the_said_limit(client):
    names = "&".join(f"said=Nama{n}" for n in range(6))
    assert client.get(f"/api/search?q=camat&{names}").get_json()["error"] == {
        "code": "bad_filter", "message": "at most 5 said names of at most 200 characters"}
    response = client.get(f"/?q=camat&{names}")
    assert response.status_code == 400
    assert "paling banyak 5 nama pembicara (said) dalam satu pencarian" in response.get_data(as_text=True)


def test_a_bad_match_mode_is_explained_on_the_page(client):
    response = client.get("/?q=camat&match=x")
    assert response.status_code == 400
    assert "Pilihan pencocokan (match) harus “relaxed”" in response.get_data(as_text=True)


def test_an_unknown_region_written_in_the_query_is_refused_as_the_parameter_is(client):
    assert client.get("/api/search?q=camat+region:%22Lampung+Selatn%22").get_json()["error"] == {
        "code": "unknown_facet_value", "message": "no region named 'Lampung Selatn'; did you mean Lampung Selatan?"}
    response = client.get("/?q=camat+region:atlantis")
    assert response.status_code == 400
    assert "Wilayah “atlantis” tidak dikenal." in response.get_data(as_text=True)
    assert client.get("/api/search?q=camat+region:lamsel").status_code == 200


@pytest.mark.parametrize("query", ["q=%FF", "q=caf%E9", "q=camat&official=%C0"])
def test_a_query_string_not_in_utf8_is_refused_not_searched_as_written(client, query):
    assert client.get("/api/search?" + query).get_json()["error"]["code"] == "bad_encoding"
    response = client.get("/?" + query)
    assert response.status_code == 400
    assert "tidak ditulis dalam UTF-8" in response.get_data(as_text=True)


PATH_NOT_UTF8 = {"error": {"code": "bad_encoding",
                           "message": "the path's percent-escapes are not UTF-8 (send UTF-8: %C3%A9 for é)"}}


@pytest.mark.parametrize("path, environ", [
    ("/api/officials/%FF", {}), ("/api/officials/caf%E9", {}), ("/api/articles/%C0", {}),
    # a server passing on a byte sent unescaped: in the target as sent and in the path decoded as Latin-1
    ("/api/officials/x", {"REQUEST_URI": "/api/officials/\xff", "PATH_INFO": "/api/officials/\xff"}),
])
def test_a_path_not_in_utf8_is_refused_as_such_a_query_string_is(client, path, environ):
    """Trial: `/api/officials/%FF` looked for an official named `�` (a 404) where `?q=%FF` is a 400."""
    response = client.get(path, environ_overrides=environ)
    assert (response.status_code, response.get_json()) == (400, PATH_NOT_UTF8)


def test_a_page_whose_path_is_not_utf8_says_so_and_a_replacement_character_sent_in_utf8_is_read(client):
    response = client.get("/official/%FF")
    assert response.status_code == 400 and "tidak ditulis dalam UTF-8" in response.get_data(as_text=True)
    assert client.get("/api/officials/%EF%BF%BD").get_json()["error"]["code"] == "not_found"


def test_a_facet_prefix_is_read_as_the_query_box_reads_text(client):
    fullwidth = client.get("/api/facets/region?prefix=%EF%BD%8C%EF%BD%81%EF%BD%8D").get_json()
    assert fullwidth["prefix"] == "lam"
    assert fullwidth["values"] == client.get("/api/facets/region?prefix=lam").get_json()["values"] != []


def test_a_region_short_form_finds_its_region_in_the_type_ahead_as_the_parameter_does(client):
    values = client.get("/api/facets/region?prefix=lamse").get_json()["values"]
    assert [(v["value"], v["label"]) for v in values] == [("18.01", "Kabupaten Lampung Selatan")]
    assert client.get("/api/facets/region?prefix=jaksel").get_json()["values"] == []  # no article of Jakarta
    assert client.get("/api/search?region=Lamsell").get_json()["error"]["message"] == (
        "no region named 'Lamsell'; did you mean Lamsel?")


def test_utf8_escapes_and_plus_signs_still_read(client):
    assert client.get("/api/search?q=caf%C3%A9+%2B1").get_json()["query"]["q"] == "café +1"
    assert client.get("/api/search?q=100%25").get_json()["query"]["q"] == "100%"


def test_security_headers(client):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_no_external_resources_in_the_page(client):
    html = client.get("/?q=reformasi").get_data(as_text=True)
    assert "http://" not in html.replace("http://127.0.0.1", "") and "https://" not in html


@pytest.fixture()
def story_client(stories_root):
    flask_app = create_app({"WARTA_INDEX": str(stories_root), "TESTING": True})
    yield flask_app.test_client()
    flask_app.extensions["warta"].close()


def test_api_collapses_by_default_and_collapse_false_shows_every_article(story_client):
    collapsed = story_client.get("/api/search?q=Lampung+Selatan&sort=date").get_json()
    every = story_client.get("/api/search?q=Lampung+Selatan&sort=date&collapse=false").get_json()
    assert (collapsed["total"], collapsed["total_articles"], every["total"], every["total_articles"]) == (2, 4, 4, 4)
    assert [len(hit["duplicates"]) for hit in collapsed["hits"]] == [0, 2]
    assert (collapsed["query"]["collapse"], every["query"]["collapse"]) == (True, False)
    counts = lambda body: {f: [(v["value"], v["count"]) for v in values] for f, values in body["facets"].items()}
    assert counts(collapsed) == counts(every) and counts(collapsed)["official"][0] == ("Suhajar Diantoro", 4)


def test_a_collapse_value_that_is_not_a_flag_is_a_400(story_client):
    response = story_client.get("/api/search?q=x&collapse=maybe")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_collapse"


def test_page_shows_other_versions_under_a_hit_and_keeps_collapse_false_in_links(story_client):
    page = story_client.get("/?q=Lampung+Selatan&sort=date").get_data(as_text=True)
    assert "2 berita (4 artikel)" in page
    assert '<summary>2 versi lain: Lampost, Radar Lampung</summary>' in page
    every = story_client.get("/?q=Lampung+Selatan&sort=date&collapse=false&per_page=1").get_data(as_text=True)
    assert "4 artikel" in every and "versi lain" not in every
    assert "sort=date&amp;per_page=1&amp;page=2&amp;collapse=false" in every  # paging keeps every article shown


def test_article_page_links_the_other_versions_and_names_the_first(story_client):
    hits = story_client.get("/api/search?q=Lampung+Selatan&sort=date").get_json()["hits"]
    seed = hits[1]
    page = story_client.get(f"/article/{seed['id']}").get_data(as_text=True)
    assert "Versi lain (2)" in page and "Versi ini terbit pertama." in page
    copy = seed["duplicates"][1]
    page = story_client.get(f"/article/{copy['id']}").get_data(as_text=True)
    assert f'<a href="/article/{seed["id"]}">' in page and "(terbit pertama)" in page
    assert "Versi ini terbit pertama." not in page

PAGE_ERRORS = {  # what the page says, in Indonesian (the API keeps the code and its English message)
    "bad_date": "Tanggal ditulis hh/bb/tttt (mis. 28/09/2022), bb/tttt (09/2022) atau tttt (2022), juga tttt-bb-hh "
                "(2022-09-28), dengan tahun 1900 sampai 2100.",
    "bad_date_range": "Rentang tanggal terbalik: tanggal akhir lebih awal daripada tanggal awal.",
    "bad_page": "Nomor halaman harus bilangan bulat mulai 1 (ditulis dengan angka 0-9), dan hasil setelah urutan "
                "ke-10000 tidak ditampilkan: persempit pencarian.",
    "bad_per_page": "Jumlah hasil per halaman harus bilangan bulat dari 1 sampai 100.",
}


@pytest.mark.parametrize("query, code", [
    ("from=0000", "bad_date"),
    ("to=9999-12", "bad_date"),
    ("from=1899-12-31", "bad_date"),
    ("to=2101", "bad_date"),
    ("q=from:0000", "bad_date"),
    ("q=beras to:9999-12", "bad_date"),
    ("from=2017&to=2016", "bad_date_range"),
    ("q=from:2017 to:2016", "bad_date_range"),
    ("from=2017&q=to:2016-12", "bad_date_range"),
    ("from=2017&from=zzz", "bad_date"),  # a repeated bound is read as the first is
    ("to=2016&to=2022&from=2017", "bad_date_range"),  # ...and every one holds
    ("page=%D9%A3", "bad_page"),  # Arabic-Indic three
    ("page=1_000", "bad_page"),
    ("per_page=%EF%BC%95", "bad_per_page"),  # fullwidth five
])
def test_bad_dates_and_numbers_are_400_on_every_route(client, query, code):
    for route in ("/api/search", "/api/facets/official"):
        response = client.get(f"{route}?{query}")
        assert (response.status_code, response.get_json()["error"]["code"]) == (400, code), route
    message = response.get_json()["error"]["message"]
    page = client.get("/?" + query)
    assert page.status_code == 400
    html = page.get_data(as_text=True)
    assert escape(PAGE_ERRORS[code]) in html
    assert escape(message) not in html


@pytest.mark.parametrize("query, said", [
    ("q=beras OR NOT banjir", "OR tidak dapat menggabungkan bagian yang dikecualikan (NOT banjir): kecualikan tanpa OR "
                              "(korupsi -kpk), atau cari salah satunya tanpa - atau NOT (korupsi OR kpk)."),
    ("q=beras OR official:jokowi", "OR menggabungkan kata dengan kata, atau saringan dengan saringan, bukan beras "
                                   "dengan official:jokowi: tulis keduanya tanpa OR untuk mencari keduanya."),
    ("q=-(beras banjir)", "-(beras banjir) mengecualikan berita yang memuat seluruh isinya sekaligus, dan itu tidak "
                          "dapat dicari: gabungkan isinya dengan OR, atau tulis -beras -banjir untuk mengecualikan "
                          "masing-masing."),
    ("q=padi OR (beras banjir)", "OR tidak dapat menggabungkan (beras banjir), kelompok yang dicari bersama: "
                                 "gabungkan isinya dengan OR juga, atau cari kelompok itu dan sisi lainnya secara "
                                 "terpisah."),
    ('q="beras banjir"~2', 'Kata yang berdekatan (~ setelah frasa) tidak dapat dicari: tulis "beras banjir" untuk '
                           'frasa itu, atau beras banjir tanpa tanda kutip untuk kata-katanya di mana saja.'),
    ("q=-ber*as", "Tanda * hanya di akhir kata, jadi -ber*as tidak dapat dicari: tulis -ber* untuk kata yang "
                  "berawalan itu, atau tulis katanya utuh."),
])
def test_a_query_the_parser_refuses_says_on_the_page_which_rule_it_broke(client, query, said):
    """Trial 48: the page named every rule of the query language for any of them; the API names the one."""
    for route in ("/api/search", "/api/facets/official"):
        response = client.get(f"{route}?{query}")
        assert (response.status_code, response.get_json()["error"]["code"]) == (400, "bad_syntax"), route
    page = client.get("/?" + query)
    assert page.status_code == 400
    assert said in unescape(page.get_data(as_text=True))


def test_repeated_date_parameters_all_hold_as_repeated_bounds_in_the_query_do(client):
    repeated = client.get("/api/search?from=2017&from=2022-09-28&from=2017&to=2022-09-28").get_json()
    assert (repeated["query"]["from"], repeated["query"]["to"], repeated["total"]) == ("2022-09-28", "2022-09-28", 1)
    assert client.get("/api/search?q=from:2017 from:2022-09-28 to:2022-09-28").get_json()["total"] == 1
    html = client.get("/?q=&from=01/01/2017&from=28/09/2022&to=30/09/2022&to=2023").get_data(as_text=True)
    assert "1 berita (1 artikel)" in html
    assert 'aria-describedby="date-hint" value="28/09/2022"' in html and 'value="30/09/2022"' in html


def test_a_fullwidth_date_parameter_is_read_as_in_the_query(client):
    body = client.get("/api/search?from=\uff12\uff10\uff12\uff12-\uff10\uff19-\uff12\uff18&to=2022-09-28").get_json()
    assert (body["query"]["from"], body["total"]) == ("2022-09-28", 1)
    assert client.get("/?q=&from=\uff12\uff18/\uff10\uff19/\uff12\uff10\uff12\uff12&to=28/09/2022").status_code == 200


def test_the_search_form_sends_each_date_bound_once(client):
    html = client.get("/?q=korupsi&from=2017&to=2023&official=Thamrin").get_data(as_text=True)
    form = html[html.index('<form class="search"'):html.index("</form>", html.index('<form class="search"'))]
    assert (form.count('name="from"'), form.count('name="to"')) == (1, 1)


def test_year_bounds_and_a_one_day_range_are_accepted(client):
    assert client.get("/api/search?from=1900&to=2100-12-31").status_code == 200
    assert client.get("/api/search?from=2022-09-28&to=2022-09-28").get_json()["total"] == 1


def test_if_none_match_star_makes_only_a_200_into_a_304(client):
    star = {"If-None-Match": "*"}
    assert client.get("/api/search?q=reformasi", headers=star).status_code == 304
    missing = client.get("/api/articles/0000000000000000", headers=star)
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"
    bad = client.get("/api/search?page=0", headers=star)
    assert bad.status_code == 400 and "ETag" not in bad.headers
    assert client.get("/article/0000000000000000", headers=star).status_code == 404


def test_405_names_the_allowed_methods(client):
    response = client.post("/api/search")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert response.get_json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize("path", ["/api/search", "/api/search.csv", "/api/articles/x", "/feed", "/"])
def test_options_is_a_204_naming_the_allowed_methods_with_no_body(client, path):
    response = client.options(path)
    assert response.status_code == 204
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert "Content-Type" not in response.headers and response.data == b""


def test_doubled_slash_is_a_404_never_a_redirect_to_the_callers_host(client):
    response = client.get("/api//search?q=x", headers={"Host": "evil.example"})
    assert response.status_code == 404 and "Location" not in response.headers
    assert response.get_json()["error"]["code"] == "not_found"


def test_a_host_that_is_no_host_is_a_400_on_every_path_as_rfc_9112_requires(client):
    """Trial 52 (RFC 9112 3.2): the page in Indonesian, the API in its envelope; a name or address with a port
    is served, and so is an HTTP/1.0 request without any Host (see test_serve)."""
    page = client.get("/?q=musrenbang", headers={"Host": "ex.com@evil"})
    assert (page.status_code, page.mimetype) == (400, "text/html")
    assert "Permintaan ini tidak menyebut nama situs yang sah (kepala Host)." in page.get_data(as_text=True)
    api = client.get("/api/search?q=musrenbang", headers={"Host": "x:99999"})
    assert (api.status_code, api.get_json()["error"]["code"]) == (400, "bad_host")
    assert client.get("/api/search?q=musrenbang", headers={"Host": "warta.example.id:8080"}).status_code == 200
    unnamed = client.get("/api/search?q=musrenbang", environ_overrides={"HTTP_HOST": None})
    assert (unnamed.status_code, unnamed.get_json()["error"]["message"]) == (
        400, "an HTTP/1.1 request must name the host it asks in a Host header")


def test_a_huge_id_is_not_echoed_back(client):
    huge = "a" * 250_000
    for route in ("/api/articles/", "/article/"):
        response = client.get(route + huge)
        assert response.status_code in (404, 414)
        assert len(response.data) < 5000
    long_id = "b" * 100
    body = client.get("/api/articles/" + long_id).get_json()
    assert body == {"error": {"code": "not_found", "message": "no article with that id (ids are at most 64 characters)"}}
    facet = client.get("/api/facets/" + "c" * 70).get_json()["error"]["message"]
    assert facet == "no facet named " + repr("c" * 60) + "… (70 characters); facets: official, agency, region, source, quoted"


def test_hits_lacking_a_word_say_so_on_the_page_and_in_the_api(client):
    html = client.get("/?q=musrenbang+gempa").get_data(as_text=True)
    assert '<p class="missing">tidak memuat: <em>gempa</em></p>' in html
    body = client.get("/api/search?q=musrenbang+gempa").get_json()
    assert (body["total"], body["relaxed"]) == (1, True)
    assert (body["hits"][0]["matched"], body["hits"][0]["missing"]) == (["musrenbang"], ["gempa"])


def test_match_all_turns_relaxation_off_and_stays_in_the_links(client):
    body = client.get("/api/search?q=musrenbang+gempa&match=all").get_json()
    assert (body["total"], body["relaxed"], body["query"]["match"]) == (0, False, "all")
    html = client.get("/?q=bupati+gempa&match=all").get_data(as_text=True)
    assert '<input type="hidden" name="match" value="all">' in html
    assert "&amp;match=all" in html
    error = client.get("/api/search?q=musrenbang&match=some").get_json()["error"]
    assert error == {"code": "bad_match", "message": "match must be one of: relaxed, all"}


def facet_list_lengths(html):
    """How many values each facet list of a page shows."""
    return {name: body.count("<li><a") for name, body in
            re.findall(r'data-facet-list="(\w+)">(.*?)</ul>\s*(?:<a|</section)', html, re.S)}


def test_each_facet_list_expands_alone(client):
    assert facet_list_lengths(client.get("/?q=").get_data(as_text=True)) == {
        "official": 10, "agency": 10, "region": 2, "source": 3, "quoted": 4}
    assert facet_list_lengths(client.get("/?q=&more=official").get_data(as_text=True)) == {
        "official": 16, "agency": 10, "region": 2, "source": 3, "quoted": 4}
    html = client.get("/?q=&more=agency").get_data(as_text=True)
    assert facet_list_lengths(html)["official"] == 10
    assert 'data-facet-more="agency" href="/?q=#facet-agency">Lebih sedikit</a>' in html


def test_past_the_last_page_redirects_to_the_last_page(client):
    response = client.get("/?per_page=3&page=99&official=Thamrin")
    assert (response.status_code, response.headers["Location"]) == (302, "/?official=Thamrin&per_page=3")
    response = client.get("/?q=pelayanan&per_page=1&page=7")
    assert (response.status_code, response.headers["Location"]) == (302, "/?q=pelayanan&per_page=1&page=5")
    assert client.get("/?q=pelayanan&per_page=1&page=5").status_code == 200
    assert client.get("/?q=tidakadasamasekali&page=2").headers["Location"] == "/?q=tidakadasamasekali"


def test_a_page_past_any_search_redirects_the_page_and_stays_a_400_in_the_api(client):
    response = client.get("/?q=pelayanan&per_page=1&page=99999999999&more=official&facet_prefix=su")
    assert (response.status_code, response.headers["Location"]) == (
        302, "/?q=pelayanan&per_page=1&page=5&more=official&facet_prefix=su")
    assert client.get("/?q=pelayanan&page=000").status_code == 400
    assert client.get("/api/search?q=pelayanan&page=99999999999").status_code == 400


def test_hits_and_the_article_carry_the_search_back(client):
    html = client.get("/?q=musrenbang&official=Dendi+Ramadhona&from=2017&utm_source=x").get_data(as_text=True)
    hit = client.get("/api/search?q=musrenbang").get_json()["hits"][0]
    link = f"/article/{hit['id']}?q=musrenbang&amp;official=Dendi+Ramadhona&amp;from=2017"
    assert f'<a href="{link}">' in html
    article = client.get(link.replace("&amp;", "&") + "&utm_source=x").get_data(as_text=True)
    assert '<a class="back" href="/?q=musrenbang&amp;official=Dendi+Ramadhona&amp;from=2017">' in article
    plain = client.get(f"/article/{hit['id']}").get_data(as_text=True)
    assert '<a class="back" href="/">' in plain
    strict = client.get(f"/article/{hit['id']}?q=musrenbang&match=all").get_data(as_text=True)
    assert '<a class="back" href="/?q=musrenbang&amp;match=all">' in strict
    for broken in ("q=%00", "page=abc", "from=zzz", "region=Atlantis"):  # a search the page would refuse
        assert '<a class="back" href="/">' in client.get(f"/article/{hit['id']}?{broken}").get_data(as_text=True)


def test_dates_are_written_in_indonesian_on_the_page_and_iso_in_the_api(client):
    html = client.get("/?q=reformasi+birokrasi&sort=date").get_data(as_text=True)
    assert '<time datetime="2022-09-28">Rabu, 28 September 2022</time>' in html
    assert client.get("/api/search?q=reformasi+birokrasi&sort=date").get_json()["hits"][1]["date"] == "2022-09-28"
    hit = client.get("/api/search?q=musrenbang").get_json()["hits"][0]
    article = client.get(f"/article/{hit['id']}").get_data(as_text=True)
    assert '<time datetime="2017-03-27">Senin, 27 Maret 2017</time>' in article


def test_the_page_reads_dates_typed_as_in_indonesia(client):
    html = client.get("/?q=&from=28/09/2022&to=30-9-2022").get_data(as_text=True)
    assert "1 berita (1 artikel)" in html
    assert 'name="from" type="text" lang="id"' in html
    assert 'placeholder="hh/bb/tttt" aria-describedby="date-hint" value="28/09/2022"' in html
    assert 'value="30/09/2022"' in html
    # trial 43: read so everywhere a date is, the API's parameters and `from:`/`to:` in the query too
    body = client.get("/api/search?from=28/09/2022&to=09/2022").get_json()
    assert (body["query"]["from"], body["query"]["to"], body["total"]) == ("2022-09-28", "2022-09", 1)
    assert client.get("/api/search?q=from:28/09/2022 to:30.9.2022").get_json()["total"] == 1
    assert client.get("/api/search.csv?from=28/09/2022&to=09/2022").get_data(as_text=True).count("\n") == 2
    html = client.get("/?q=from:28/09/2022+to:09/2022").get_data(as_text=True)
    assert "1 berita (1 artikel)" in html


def test_a_day_the_calendar_lacks_is_named_on_the_page_as_in_the_api(client):
    """Trial 43: `from=29/02/2019` showed only how to write a date, the API said why it was refused."""
    for query, typed in (("from=29/02/2019", "29/02/2019"), ("from=2019-02-29", "2019-02-29"),
                         ("q=korupsi+to:31/04/2019", "31/04/2019"), ("to=13/2019", "13/2019")):
        page = client.get(f"/?{query}")
        assert page.status_code == 400
        assert (f'<p class="error" role="alert">Tanggal {typed} tidak ada di kalender: periksa hari dan '
                f'bulannya.</p>') in page.get_data(as_text=True), query
    assert escape(PAGE_ERRORS["bad_date"]) in client.get("/?from=28/09/22").get_data(as_text=True)


def test_error_pages_are_indonesian_in_the_site_layout(client):
    response = client.get("/article/0000000000000000")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert '<main id="main" class="page error-page">' in html and '<header class="site">' in html
    assert "<h1>Halaman tidak ditemukan</h1>" in html
    assert ("Halaman atau berita yang Anda cari tidak ada di indeks. Mungkin alamatnya salah, atau berita itu "
            "sudah dihapus.") in html
    assert "no article" not in html
    assert client.get("/api/articles/0000000000000000").get_json()["error"] == {
        "code": "not_found", "message": "no article with id '0000000000000000'"}
    assert "<h1>Halaman tidak ditemukan</h1>" in client.get("/no/such/page").get_data(as_text=True)


def test_the_timing_sits_below_the_results(client):
    html = client.get("/?q=reformasi").get_data(as_text=True)
    assert re.search(r'<p class="took">Waktu pencarian \d+,\d ms</p>\s*</main>', html)
    assert " ms)" not in html


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response.mimetype) == (200, "image/svg+xml")
    assert response.get_data(as_text=True).startswith("<svg")
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in client.get("/?q=").get_data(
        as_text=True)


def test_phone_filter_button_counts_active_filters_and_leads_to_the_facets(client):
    html = client.get("/?q=&official=Thamrin&agency=Kementerian+Dalam+Negeri&from=2022").get_data(as_text=True)
    assert ('<a class="filter-toggle" href="#saring" aria-controls="saring"\n      aria-label="Saring hasil, '
            '3 filter aktif">Saring <span class="badge" aria-hidden="true">3</span></a>') in html
    assert '<aside class="facets" id="saring" tabindex="-1"' in html
    assert html.index('class="filter-toggle"') < html.index('class="chips"') < html.index('class="hits"')


def test_front_page(client):
    html = client.get("/").get_data(as_text=True)
    latest = re.findall(r'<h3><a href="/article/\w+">([^<]+)</a></h3>', html)
    assert latest[:2] == ["Kemendagri minta pemerintah daerah percepat reformasi birokrasi",
                          "Pemerintah Kabupaten (Pemkab) Lampung Selatan mengikuti Rapat Koordinasi Nasional "
                          "(Rakornas) Percepatan Pelaksanaan…"]
    assert ("Dihitung dari Jumat, 2 September 2022 sampai Sabtu, 1 Oktober 2022, tanggal berita\n        terbaru "
            "di indeks") in html
    recent = html.split('id="recent-title"')[1]
    headings = re.findall(r'<h3 id="recent-(\w+)">([^<]+)</h3>', recent)
    assert headings == [("official", "Pejabat"), ("agency", "Instansi"), ("region", "Wilayah"), ("source", "Media"),
                        ("quoted", "Dikutip")]
    assert ('<a href="/?from=2022-09-02&amp;to=2022-10-01&amp;agency=Kementerian+Dalam+Negeri"><span class="value">'
            'Kementerian Dalam Negeri</span> <span class="count">2</span></a>') in recent
    assert '<a href="/?q=reformasi+birokrasi">reformasi birokrasi</a>' in html
    listing = client.get("/?q=").get_data(as_text=True)  # an empty search lists every story
    assert listing.count('class="hit"') == 7 and '<p class="summary" role="status">7 berita (7 artikel)' in listing


def test_the_front_page_window_ends_at_the_newest_article_and_never_before_1900(tmp_path):
    """One story printed twice, first in 1900 and again in 2022: the story is listed by its first version, the
    window ends at the newest article, and a window reaching back past 1900 starts there instead of failing."""
    body = "Bupati Lampung Selatan meresmikan pasar rakyat di Kalianda. Pasar itu dibangun dengan dana desa."
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(record) for record in [
        {"id": "a", "title": "Pasar rakyat diresmikan", "date": "1900-01-20", "url": "https://a.id/1", "body": body},
        {"id": "b", "title": "Pasar rakyat diresmikan", "date": "2022-09-28", "url": "https://b.id/1",
         "body": body + " Warga menyambut."}]) + "\n", encoding="utf-8")
    (tmp_path / "old.jsonl").write_text(json.dumps(
        {"id": "c", "title": "Pasar lama", "date": "1900-01-05", "url": "https://c.id/1", "body": body}) + "\n",
        encoding="utf-8")
    pages = {}
    for name in ("a", "old"):
        build_index([tmp_path / f"{name}.jsonl"], tmp_path / name)
        app = create_app({"WARTA_INDEX": str(tmp_path / name), "TESTING": True})
        response = app.test_client().get("/")
        pages[name] = (response.status_code, response.get_data(as_text=True))
        app.extensions["warta"].close()
    assert pages["a"][0] == pages["old"][0] == 200
    assert "Dihitung dari Selasa, 30 Agustus 2022 sampai Rabu, 28 September 2022" in pages["a"][1]
    assert "Dihitung dari Senin, 1 Januari 1900 sampai Jumat, 5 Januari 1900" in pages["old"][1]


def test_a_hit_shows_its_best_quote_under_the_snippet(client):
    html = client.get("/?q=said:Dendi+pelayanan").get_data(as_text=True)
    assert ('<blockquote class="quote direct">“<mark>Pelayanan</mark> publik harus menjadi prioritas pembangunan '
            'daerah” <cite>— <a href="/official/Dendi%20Ramadhona">Dendi Ramadhona</a></cite></blockquote>') in html


def test_the_official_page_lists_counts_and_quotes_and_the_article_links_to_it(client):
    html = client.get("/official/Suhajar%20Diantoro").get_data(as_text=True)
    assert "<h1>Suhajar Diantoro</h1>" in html
    assert ('<ul class="roles" aria-label="Jabatan"><li><span class="role">Sekretaris Jenderal Kemendagri</span> '
            '<span class="seen">(<time datetime="2022-09-28">28 September 2022</time>)</span></li></ul>') in html
    assert html.count('<blockquote class="quote') == 5
    assert '<input type="hidden" name="official" value="Suhajar Diantoro">' in html
    # articles, as the linked search's "(1 artikel)": "berita" there counts stories (trial 48)
    assert ('Disebut dalam <a href="/?official=Suhajar+Diantoro&amp;sort=date">1 artikel</a>,\n    dikutip dalam '
            '<a href="/?quoted=Suhajar+Diantoro&amp;sort=date">1 artikel</a>.') in html
    assert 'aria-label="Artikel per bulan"' in html
    assert '<rect x="0" y="4.0" width="6" height="36.0"><title>September 2022: 1 artikel</title></rect>' in html
    assert client.get("/official/nobody").status_code == 404
    assert "dikutip dalam 0 artikel.</p>" in client.get("/official/Thamrin").get_data(as_text=True)  # no link
    seed = client.get("/api/search?q=said:suhajar").get_json()["hits"][0]["id"]
    assert '<a class="related" href="/official/Suhajar%20Diantoro">Profil Suhajar Diantoro</a>' in client.get(
        f"/article/{seed}").get_data(as_text=True)


def test_the_page_of_a_name_several_officials_answer_to_says_so_and_links_them(tmp_path):
    """Trial 44: `/official/a` showed the page-not-found text, naming no one, while the API named them."""
    from .conftest import index_of_records

    root = index_of_records(tmp_path, [
        {"title": "Banjir Surut", "url": "https://x.id/1",
         "body": "Malang - Bupati Malang Budi Santoso meninjau lokasi banjir di Kepanjen pada Senin."},
        {"title": "Jalan Diperbaiki", "url": "https://x.id/2",
         "body": "Malang - Camat Kepanjen Budi Hartono menyebut jalan desa diperbaiki pekan depan."}])
    app = create_app({"WARTA_INDEX": str(root), "TESTING": True})
    response = app.test_client().get("/official/budi")
    api = app.test_client().get("/api/officials/budi").get_json()
    app.extensions["warta"].close()
    html = response.get_data(as_text=True)
    assert (response.status_code, api["error"]["code"]) == (404, "ambiguous_name")
    assert ('<p class="error" role="alert">Nama “budi” cocok dengan 2 pejabat dan tidak satu pun bernama persis '
            'begitu. Tulis nama lebih lengkap, atau pilih salah satu:</p>') in html
    assert re.findall(r'<li><a href="(/official/[^"]+)">([^<]+)</a></li>', html) == [
        ("/official/Budi%20Hartono", "Budi Hartono"), ("/official/Budi%20Santoso", "Budi Santoso")]


@pytest.mark.parametrize("name, url", [
    ("Suhajar Diantoro", "/official/Suhajar%20Diantoro"),
    ("Oded M. Danial", "/official/Oded%20M.%20Danial"),
    ("Y Syaiful Garyadi, S.Sos", "/official/Y%20Syaiful%20Garyadi%2C%20S.Sos"),
    ("Ma'ruf Amin", "/official/Ma%27ruf%20Amin"),
    ("Kepala Dinas PU/PR", "/official/Kepala%20Dinas%20PU%2FPR"),
    ("A&B <x> ?#%", "/official/A%26B%20%3Cx%3E%20%3F%23%25"),
    ("Márquez", "/official/M%C3%A1rquez"),
])
def test_an_official_page_url_is_one_escaped_path_segment_that_routes_back_to_the_name(app, client, name, url):
    with app.test_request_context():
        from web.views import official_url
        assert official_url(name) == url
    body = client.get("/api/officials/" + url.removeprefix("/official/")).get_json()
    found = body["name"] if "name" in body else body["error"]["message"]
    assert found == (name if name in ("Suhajar Diantoro", "Oded M. Danial") else f"no official named {name!r}")


def test_a_hit_links_each_official_to_their_page_beside_the_filter_link(client):
    html = client.get("/?q=musrenbang&official=Dendi+Ramadhona").get_data(as_text=True)
    assert ('<a href="/?q=musrenbang" title="Bupati Pesawaran">Dendi Ramadhona</a> <a class="profile" '
            'href="/official/Dendi%20Ramadhona" aria-label="Profil Dendi Ramadhona" title="Profil Dendi Ramadhona">'
            'profil</a>, <a href="/?q=musrenbang&amp;official=Dendi+Ramadhona&amp;official=Budi+Santoso"') in html


def test_the_facet_lists_of_officials_link_each_value_to_its_page_and_keep_the_toggle_link(client):
    html = client.get("/?q=musrenbang&official=Dendi+Ramadhona").get_data(as_text=True)
    official = html.split('data-facet-list="official">')[1].split("</ul>")[0]
    assert ('<li><a href="/?q=musrenbang" aria-current="true" class="selected">\n  <span class="value">Dendi Ramadhona'
            '</span> <span class="count">1</span></a><a class="profile" href="/official/Dendi%20Ramadhona" '
            'aria-label="Profil Dendi Ramadhona" title="Profil Dendi Ramadhona">profil</a></li>') in official
    assert official.count('<a class="profile" href="/official/') == official.count("<li><a") == 2
    quoted = client.get("/?q=").get_data(as_text=True).split('data-facet-list="quoted">')[1].split("</ul>")[0]
    assert quoted.count('<a class="profile" href="/official/') == quoted.count("<li><a") == 4
    for facet in ("agency", "region", "source"):
        assert 'class="profile"' not in html.split(f'data-facet-list="{facet}">')[1].split("</ul>")[0]
    typed = client.get("/facets/official?q=&prefix=oded").get_data(as_text=True)
    assert '</a><a class="profile" href="/official/Oded%20M.%20Danial" aria-label="Profil Oded M. Danial"' in typed
    assert 'class="profile"' not in client.get("/facets/agency?q=&prefix=dinas").get_data(as_text=True)


def test_profile_links_escape_names_in_the_facet_list_template(app):
    from flask import render_template
    item = {"value": "Kepala PU/PR, Ma'ruf", "label": "Kepala PU/PR, Ma'ruf", "count": 1, "selected": False,
            "toggle_url": "/?official=x"}
    with app.test_request_context():
        html = render_template("facet_items.html", items=[item], people=True)
    assert ('<a class="profile" href="/official/Kepala%20PU%2FPR%2C%20Ma%27ruf" aria-label="Profil Kepala PU/PR, '
            'Ma&#39;ruf" title="Profil Kepala PU/PR, Ma&#39;ruf">profil</a>') in html


def test_the_json_shapes_are_unchanged_by_the_profile_links(client):
    body = client.get("/api/search?q=musrenbang&official=Dendi+Ramadhona").get_json()
    assert set(body["hits"][0]) == {"id", "title", "date", "url", "source", "outlet", "place", "snippet", "officials",
                                    "agencies", "roles", "regions", "matched", "missing", "story", "duplicates",
                                    "quotes"}
    assert {key: set(items[0]) - {"children"} for key, items in body["facets"].items() if items} == {
        facet: {"value", "label", "count", "selected", "toggle_url"}
        for facet in ("official", "agency", "region", "source", "quoted")}
    article = client.get(f"/api/articles/{body['hits'][0]['id']}").get_json()
    assert set(article["officials"][0]) == {"name", "role", "surfaces"}


def test_a_facet_toggle_url_keeps_every_other_parameter_in_order_and_escaped(app):
    from search.query import SearchRequest
    from web import views
    search = SearchRequest("a&b=c ü", selected={"official": ("Thamrin",), "agency": ("Dinas A&B",)},
                           page=3, per_page=20, sort="date", date_from="2020-01-01", collapse=False,
                           said=("Suhajar",))
    with app.test_request_context():
        search = views.service().resolved(search)
        toggle = views.facet_toggler(search, "agency")
        added, removed = toggle("Kementerian Dalam Negeri"), toggle("Dinas A&B")
        assert added == ("/?q=a%26b%3Dc+%C3%BC&official=Thamrin&agency=Dinas+A%26B&agency=Kementerian+Dalam+Negeri"
                         "&from=2020-01-01&sort=date&per_page=20&collapse=false&said=Suhajar")
        assert removed == ("/?q=a%26b%3Dc+%C3%BC&official=Thamrin&from=2020-01-01&sort=date&per_page=20"
                           "&collapse=false&said=Suhajar")
        assert added == views.page_url(search, agency=["Dinas A&B", "Kementerian Dalam Negeri"], page=1)
        assert views.facet_toggler(views.service().resolved(SearchRequest("")), "source")("detik.com") == \
            "/?source=detik.com"
        assert views.page_url(views.service().resolved(SearchRequest(""))) == "/?q="


@pytest.fixture(scope="module")
def people_client(tmp_path_factory):
    """Articles naming one person under two forms (`Sri Mulyani Indrawati` twice, `Sri Mulyani` once, each
    with the role Menteri Keuangan) and a namesake by first name alone with another role."""
    records = [
        {"title": "Anggaran Daerah Dibahas", "url": "https://a.example/1", "date": "2024-01-02", "source": "A",
         "body": "Jakarta - Menteri Keuangan Sri Mulyani Indrawati membahas anggaran daerah bersama gubernur."},
        {"title": "Utang Negara Turun", "url": "https://a.example/2", "date": "2024-01-05", "source": "A",
         "body": "Jakarta - Menteri Keuangan Sri Mulyani Indrawati menyebut utang negara turun tahun ini."},
        {"title": "Pajak Daerah Naik", "url": "https://a.example/3", "date": "2024-01-03", "source": "A",
         "body": "Jakarta - Menteri Keuangan Sri Mulyani menyebut pajak daerah naik tahun ini."},
    ]
    root = tmp_path_factory.mktemp("people")
    (root / "sources").mkdir()
    (root / "sources" / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    build_index([root / "sources"], root / "index")
    app = create_app({"WARTA_INDEX": str(root / "index"), "TESTING": True})
    yield app.test_client()
    app.extensions["warta"].close()


def test_a_person_is_one_facet_value_counting_what_selecting_it_finds(people_client):
    listed = people_client.get("/api/search?q=&collapse=false").get_json()["facets"]["official"]
    assert listed == [{"value": "Sri Mulyani Indrawati", "label": "Sri Mulyani Indrawati", "count": 3,
                       "selected": False, "variants": ["Sri Mulyani"],
                       "toggle_url": "/?official=Sri+Mulyani+Indrawati&collapse=false"}]
    typed = people_client.get("/api/facets/official?prefix=mul&collapse=false").get_json()["values"]
    assert [(v["value"], v["count"], v["toggle_url"]) for v in typed] == [
        ("Sri Mulyani Indrawati", 3, "/?official=Sri+Mulyani+Indrawati&collapse=false")]
    # trial 43: a word typed twice needs two words, which her other form's `Sri` is not
    assert people_client.get("/api/facets/official?prefix=sri+sri&collapse=false").get_json()["values"] == []
    assert [v["value"] for v in people_client.get("/api/facets/official?prefix=indra+sri&collapse=false")
            .get_json()["values"]] == ["Sri Mulyani Indrawati"]
    for form in ("Sri Mulyani Indrawati", "Sri Mulyani", "sri mulyani"):
        found = people_client.get("/api/search", query_string={"official": form, "collapse": "false"}).get_json()
        assert (found["query"]["official"], found["total"]) == (["Sri Mulyani Indrawati"], 3)


def test_a_selected_person_given_by_any_form_is_one_chip_and_one_toggle_that_removes_it(people_client):
    url = "/?q=&official=Sri+Mulyani&official=Sri+Mulyani+Indrawati"
    found = people_client.get("/api/search" + url[1:]).get_json()
    assert [(v["value"], v["count"], v["selected"], v["toggle_url"]) for v in found["facets"]["official"]] == [
        ("Sri Mulyani Indrawati", 3, True, "/?q=")]
    page = people_client.get(url).get_data(as_text=True)
    chips = re.search(r'<ul class="chips".*?</ul>', page, re.S).group(0)
    assert re.findall(r'<a href="([^"]*)"', chips) == ["/?q="]


def test_a_query_the_parser_refuses_is_a_400_page_keeping_the_query_in_its_box(client):
    response = client.get("/?q=korupsi+OR+NOT+kpk")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "OR tidak dapat menggabungkan bagian yang dikecualikan (NOT kpk)" in html
    assert 'value="korupsi OR NOT kpk"' in html


def test_a_prefix_left_without_words_is_said_unsearched_or_refused(client, monkeypatch):
    """Trial 43: a prefix the expansion caps leave without a word is named, on the page and in the API, and
    refused where it could not be dropped (match=all)."""
    import search.generation
    from search.matching import Expansions

    monkeypatch.setattr(search.generation.Generation, "budget", lambda self: Expansions(total=0))
    body = client.get("/api/search?q=bupati+ka*").get_json()
    assert (body["unsearched"], body["relaxed"], body["capped"]["expansions"]["ka*"]["searched"]) == (["ka*"], True, 0)
    assert all("ka*" not in hit["missing"] + hit["matched"] for hit in body["hits"])
    html = client.get("/?q=bupati+ka*").get_data(as_text=True)
    assert "Tidak dicari karena terlalu banyak kata berawalan sama untuk satu pencarian: <em>ka*</em>." in html
    refused = client.get("/api/search?q=bupati+ka*&match=all")
    assert (refused.status_code, refused.get_json()["error"]["code"]) == (400, "prefix_too_wide")
    page = client.get("/?q=bupati+ka*&match=all")
    assert page.status_code == 400 and "Awalan ka* mencakup" in page.get_data(as_text=True)


def chip_links(html: str) -> list[tuple[str, str]]:
    """The (href, aria-label) of each chip of a page, the "Hapus semua" link as ("…", "clear")."""
    chips = re.search(r'<ul class="chips" aria-label="Filter aktif">(.*?)</ul>', html, re.S)
    return [(unescape(href), unescape(label)) for href, label in re.findall(
        r'<a (?:class="clear" )?href="([^"]*)"(?: aria-label="([^"]*)")?', chips.group(1))] if chips else []


def test_a_date_filter_alone_is_a_chip_and_clear_all_removes_the_dates_too(client):
    """Trial 48: `from=2017` alone drew no chips (yet the button said "1 filter aktif"), and "Hapus semua"
    kept the dates."""
    assert chip_links(client.get("/?q=reformasi&from=2022").get_data(as_text=True)) == [
        ("/?q=reformasi", "Hapus filter tanggal"), ("/?q=reformasi", "")]
    assert chip_links(client.get("/?q=reformasi&official=Thamrin&from=09/2022&to=2022").get_data(as_text=True)) == [
        ("/?q=reformasi&from=2022-09&to=2022", "Hapus filter pejabat Thamrin"),
        ("/?q=reformasi&official=Thamrin", "Hapus filter tanggal"), ("/?q=reformasi", "")]
    assert '<a href="/?q=reformasi" aria-label="Hapus filter tanggal">… – 2022 <span' in client.get(
        "/?q=reformasi&to=2022").get_data(as_text=True)
    assert 'class="chips"' not in client.get("/?q=reformasi").get_data(as_text=True)


@pytest.mark.parametrize("prefix", ["%00", "a%1B", "a" * 201])
def test_a_bad_facet_filter_keeps_the_query_in_its_box_and_says_what_is_wrong_with_the_filter(client, prefix):
    """Trial 48: the facet box's error was read after the search, outside the search page: the query box came
    back empty, saying the query was too long."""
    response = client.get(f"/?q=reformasi&from=09/2022&more=official&facet_prefix={prefix}")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<input id="q" name="q" type="search" value="reformasi"' in html
    assert 'aria-describedby="date-hint" value="09/2022"' in html
    assert ('<p class="error" role="alert">Teks di kotak pencarian saringan paling banyak 200 karakter dan tidak '
            'boleh berisi karakter kendali.</p>') in html
    assert "Kata pencarian" not in html
    assert client.get("/api/facets/official?prefix=a%01").get_json()["error"]["code"] == "bad_query"  # as before


def official_list(html: str) -> str:
    return html.split('data-facet-list="official">')[1].split("</ul>")[0]


def test_a_selected_name_no_article_names_links_no_profile_but_a_known_official_counting_none_here_does(client):
    """Trial 48: `official=Nobody Here` was listed with a "profil" link to a 404."""
    html = client.get("/?q=reformasi&official=Nobody+Here").get_data(as_text=True)
    assert '<span class="value">Nobody Here</span> <span class="count">0</span></a></li>' in official_list(html)
    assert "/official/Nobody" not in html
    listed = official_list(client.get("/?q=penipuan&official=Thamrin").get_data(as_text=True))
    assert ('<span class="value">Thamrin</span> <span class="count">0</span></a><a class="profile" '
            'href="/official/Thamrin"') in listed


def test_the_results_link_their_export_with_the_search_its_dates_in_iso(client):
    """The page takes `09/2022`, the export API ISO: the links carry the search as the API reads it, not its
    page or page size."""
    html = client.get("/?q=reformasi&official=Thamrin&from=09/2022&to=30/09/2022&sort=date&per_page=5&page=1"
                      "&collapse=false&match=all").get_data(as_text=True)
    search = "q=reformasi&official=Thamrin&from=2022-09&to=2022-09-30&sort=date&collapse=false&match=all"
    assert (f'<p class="export">Unduh semua hasil: <a href="/api/search.csv?{escape(search)}" download>CSV</a> / '
            f'<a href="/api/search.jsonl?{escape(search)}" download>JSONL</a></p>') in html
    for endpoint in ("/api/search.csv", "/api/search.jsonl"):
        response = client.get(f"{endpoint}?{search}")
        rows = response.get_data(as_text=True).splitlines()
        assert (response.status_code, response.headers["X-Export-Rows"], len(rows)) == (
            200, "1", 2 if endpoint.endswith("csv") else 1)  # CSV: its header, then the row
    assert 'class="export"' not in client.get("/?q=tidakadasamasekali").get_data(as_text=True)


@pytest.mark.parametrize("url, heading", [
    ("/", '<h1 class="visually-hidden">Warta — pencarian berita daerah</h1>'),
    ("/?q=reformasi", '<h1 class="visually-hidden">Hasil pencarian: <bdi>reformasi</bdi></h1>'),
    ("/?q=", '<h1 class="visually-hidden">Hasil pencarian</h1>'),
    ("/?q=a%00b", '<h1 class="visually-hidden">Pencarian tidak dapat dilayani</h1>'),
])
def test_every_page_has_one_heading_of_its_own(client, url, heading):
    assert re.findall(r"<h1[^>]*>.*?</h1>", client.get(url).get_data(as_text=True)) == [heading]


def test_each_search_form_has_its_own_name_and_the_type_ahead_lists_are_announced(client):
    html = client.get("/?q=reformasi").get_data(as_text=True)
    assert html.count('role="search"') == 6
    assert re.findall(r'<form [^>]*role="search" aria-label="([^"]*)"', html) == [
        "Cari berita", "Cari pejabat dalam daftar Pejabat", "Cari instansi dalam daftar Instansi",
        "Cari wilayah dalam daftar Wilayah", "Cari media dalam daftar Media", "Cari pejabat dalam daftar Dikutip"]
    assert re.findall(r'<ul aria-live="polite" data-facet-list="(\w+)">', html) == [
        "official", "agency", "region", "source", "quoted"]
    assert ('role="search" aria-label="Cari dalam berita Suhajar Diantoro"'
            in client.get("/official/Suhajar%20Diantoro").get_data(as_text=True))


def test_a_refused_query_is_shown_again_without_its_control_characters(client):
    """Trial 48: `q=%00` wrote a NUL byte into the query box's value."""
    html = client.get("/?q=a%00b%1B&from=2022%01").get_data(as_text=True)
    assert '<input id="q" name="q" type="search" value="ab"' in html
    assert 'aria-describedby="date-hint" value="2022"' in html
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", html)


def test_a_facet_filter_leads_back_to_the_facets_own_list_saying_so(client):
    """With a filter typed (matching nothing, or a few) the link goes to the page's own list, not a shorter one."""
    html = client.get("/?q=&more=official&facet_prefix=zzzz").get_data(as_text=True)
    assert '<li class="none">—</li>' in official_list(html)
    assert 'data-facet-more="official" href="/?q=#facet-official">Daftar semula</a>' in html
    assert 'data-facet-more="official" href="/?q=#facet-official">Lebih sedikit</a>' in client.get(
        "/?q=&more=official").get_data(as_text=True)


def listed(html: str, facet: str) -> list[str]:
    """A facet list as the page shows it, in order: `label count`, `* ` before a selected value, `  ` before a
    child for each level it is nested."""
    body = re.search(rf'data-facet-list="{facet}">(.*?)</ul>\s*(?:<a|</section)', html, re.S)[1]
    items, depth = [], 0
    for opened, closed, selected, label, count in re.findall(
            r'(<ul class="children">)|(</ul>)|<a href="[^"]*" (aria-current="true" class="selected")?>\s*'
            r'<span class="value">([^<]*)</span> <span class="count">(\d+)', body):
        depth += bool(opened) - bool(closed)
        if label:
            items.append("  " * depth + ("* " if selected else "") + f"{unescape(label)} {count}")
    return items


@pytest.fixture(scope="module")
def dinas_client(tmp_path_factory):
    """The health offices of the first 130 kabupaten, one article each: 130 agency values, and with their 12
    provinces 142 region values, more than a longer list's 100; the 13 of Lampung (18) come after 88 others."""
    from .conftest import dinas_records, index_of_records

    root = index_of_records(tmp_path_factory.mktemp("dinas"), dinas_records(130))
    app = create_app({"WARTA_INDEX": str(root), "TESTING": True})
    yield app.test_client()
    app.extensions["warta"].close()


LAMPUNG_KABUPATEN = [  # by code, 18.01 to 18.13: each counts one article
    "Kabupaten Lampung Selatan", "Kabupaten Lampung Tengah", "Kabupaten Lampung Utara", "Kabupaten Lampung Barat",
    "Kabupaten Tulang Bawang", "Kabupaten Tanggamus", "Kabupaten Lampung Timur", "Kabupaten Way Kanan",
    "Kabupaten Pesawaran", "Kabupaten Pringsewu", "Kabupaten Mesuji", "Kabupaten Tulang Bawang Barat",
    "Kabupaten Pesisir Barat"]


@pytest.mark.parametrize("query, selected, children", [
    ("region=18", "* Provinsi Lampung 13", [f"  {name} 1" for name in LAMPUNG_KABUPATEN]),
    ("region=18.01", "Provinsi Lampung 13",
     [f"  {'* ' if name == 'Kabupaten Lampung Selatan' else ''}{name} 1" for name in LAMPUNG_KABUPATEN])])
def test_the_longer_region_list_lists_an_expanded_provinces_own_kabupaten(dinas_client, query, selected, children):
    """Trial 55: the longer list was the facet's top 100 values, flat, regrouped: Lampung, selected, had none of
    its kabupaten under it (they were not among the 100), and a selected kabupaten was not listed."""
    short = listed(dinas_client.get(f"/?{query}").get_data(as_text=True), "region")
    longer = listed(dinas_client.get(f"/?{query}&more=region").get_data(as_text=True), "region")
    assert longer[longer.index(selected) + 1:longer.index(selected) + 14] == children
    assert len(longer) == 12 + 13 and set(short) <= set(longer)


def test_the_longer_list_lists_a_selected_value_past_its_length(dinas_client):
    """Trial 55: `Way Kanan`'s office, last of 130 values counting one article each, was left out of the longer
    list though selected; the page's list has it, selected, after its 10 values."""
    query = "/?agency=Dinas+Kesehatan+Kabupaten+Way+Kanan"
    short = listed(dinas_client.get(query).get_data(as_text=True), "agency")
    longer = listed(dinas_client.get(query + "&more=agency").get_data(as_text=True), "agency")
    assert (len(short), short[-1]) == (11, "* Dinas Kesehatan Kabupaten Way Kanan 1")
    assert (len(longer), longer[-1]) == (101, "* Dinas Kesehatan Kabupaten Way Kanan 1")
    assert longer[:10] == short[:10]


def test_hits_and_articles_give_the_outlet_the_source_facet_counts_beside_the_source_as_written(tmp_path):
    """Trial 55: a hit said `cnn indonesia` where the source facet says `cnnindonesia.com`, and nothing linked
    the two; `outlet` is the facet's value (`source` stays as the record wrote it)."""
    from .conftest import OUTLET_RECORDS, index_of_records

    app = create_app({"WARTA_INDEX": str(index_of_records(tmp_path, OUTLET_RECORDS)), "TESTING": True})
    try:
        client = app.test_client()
        body = client.get("/api/search?q=banjir&sort=date").get_json()
        assert [(hit["source"], hit["outlet"]) for hit in body["hits"]] == [
            (None, None), ("detik", "detik.com"), ("detik.com/jatim", "detik.com"),
            ("cnn indonesia", "cnnindonesia.com")]
        assert {item["value"] for item in body["facets"]["source"]} == {"detik.com", "cnnindonesia.com"}
        article = client.get(f"/api/articles/{body['hits'][-1]['id']}").get_json()
        assert (article["source"], article["outlet"]) == ("cnn indonesia", "cnnindonesia.com")
    finally:
        app.extensions["warta"].close()


def test_a_query_written_right_to_left_is_isolated_where_the_page_shows_it(client):
    """Trial 55: U+202E in `q`, echoed as it came in <title>, <h1> and the summary, reversed the page's own
    text after it (`… moc.evil`). The body isolates it in <bdi>; the title, where no markup can, drops it."""
    html = client.get("/?q=%E2%80%AEbanjir+moc.evil").get_data(as_text=True)
    assert "<title>banjir moc.evil — Warta</title>" in html
    assert '<h1 class="visually-hidden">Hasil pencarian: <bdi>\u202ebanjir moc.evil</bdi></h1>' in html
    assert "untuk <strong><bdi>\u202ebanjir moc.evil</bdi></strong>" in html
    assert 'title="Warta: banjir moc.evil"' in html  # the feed's <link>
    shown = re.sub('<bdi>\u202e|value="\u202e', "", html)  # inputs' values (the search box's, hidden ones)
    assert "\u202e" not in shown  # are no text of the page's own
    marks = client.get("/?q=%E2%80%8F%E2%81%A6%F0%9F%98%80%E2%80%AA").get_data(as_text=True)
    assert "<title>😀 — Warta</title>" in marks
    assert "“<bdi>\u200f\u2066😀\u202a</bdi>” tidak memuat" in marks


@pytest.mark.parametrize("query, answer", [
    ("q=%1Fpelayanan", "bad_query"), ("q=pelayanan%1F", "bad_query"), ("said=%1F", "bad_filter"),
    ("q=%0Bpelayanan%C2%85", 5), ("q=pelayanan&region=%C2%85Lampung%0BSelatan%0C", 1)])
def test_a_control_character_at_a_parameters_end_is_refused_as_one_inside_it(client, query, answer):
    """Trial 55: `str.strip()` took `\\x1f` at the ends of `q` for white space, so `q=%1Fpelayanan` was searched
    where `q=pela%1Fyanan` is refused; a line break at the ends or inside reads as a space, in `q` and a facet
    value alike."""
    body = client.get(f"/api/search?{query}").get_json()
    assert (body["error"]["code"] if "error" in body else body["total_articles"]) == answer


def test_a_line_break_in_the_query_is_shown_as_the_space_it_reads_as(client):
    html = client.get("/?q=pelayanan%0Bpublik%C2%85kota").get_data(as_text=True)
    assert "<title>pelayanan publik kota — Warta</title>" in html
    assert '<input id="q" name="q" type="search" value="pelayanan publik kota"' in html


def test_a_405_names_the_allowed_methods_in_the_order_options_does(app):
    """Trial 55: a 405 sent `Allow: HEAD, OPTIONS, GET` where OPTIONS sends `GET, HEAD, OPTIONS`: Werkzeug lists a
    405's methods from a set, in an order that changes with the process's hash seed; here they come unsorted as
    they may from it."""
    from werkzeug.exceptions import MethodNotAllowed

    def refuse():
        raise MethodNotAllowed(["HEAD", "OPTIONS", "GET"])

    app.add_url_rule("/api/refuse", "refuse", refuse)
    client = app.test_client()
    response = client.get("/api/refuse")
    assert (response.status_code, response.headers["Allow"]) == (405, "GET, HEAD, OPTIONS")
    assert client.options("/api/search").headers["Allow"] == "GET, HEAD, OPTIONS"
    assert client.post("/api/search").headers["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("path, status", [
    ("/static/facets.js", 200), ("/static/facets.js/", 404), ("/static/./facets.js", 404),
    ("/static/facets.js/.", 404), ("/static/nope.js", 404)])
def test_a_static_file_is_served_under_its_own_name_only(client, path, status):
    """Trial 55: `/static/facets.js/`, a directory's slash after a file's name, served the file."""
    for method in ("GET", "HEAD"):
        with client.open(path, method=method) as response:  # closed: a file served stays open until then
            assert response.status_code == status


@pytest.mark.parametrize("path", ["/api", "/api?q=banjir", "/API/search", "/Api/nosuch", "/aPI/search.csv",
                                  "/API"])
def test_api_itself_and_any_path_under_it_in_any_case_is_a_404_in_the_envelope(client, path):
    """Trial finding: `/api` and `/API/search` were the HTML 404 page, where `/api/nosuch` was the envelope."""
    response = client.get(path)
    assert (response.status_code, response.get_json()) == (404, {"error": {"code": "not_found", "message": (
        "The requested URL was not found on the server. If you entered the URL manually please check your "
        "spelling and try again.")}})


def test_a_path_only_starting_with_api_is_a_page_404(client):
    response = client.get("/apix")
    assert (response.status_code, response.content_type) == (404, "text/html; charset=utf-8")


@pytest.mark.parametrize("path, content_type", [("/nope", "text/html; charset=utf-8"),
                                                ("/api/nope", "application/json")])
def test_options_on_a_path_no_route_answers_is_the_404_a_get_gets(client, path, content_type):
    response = client.options(path)
    assert (response.status_code, response.content_type) == (404, content_type)


def test_a_provinces_kabupaten_cut_at_the_pages_size_are_reached_by_lihat_lainnya(dinas_client):
    """Trial 57: the link showed only when the top level held the page's 10 values; under fewer provinces, an
    expanded province's kabupaten past 10 were listed nowhere without JavaScript."""
    html = dinas_client.get("/?q=region:18&region=18").get_data(as_text=True)
    short = listed(html, "region")
    assert (short[0], len(short)) == ("* Provinsi Lampung 13", 11)
    assert 'href="/?q=region%3A18&amp;region=18&amp;more=region#facet-region">Lihat lainnya</a>' in html


@pytest.mark.parametrize("target", ["//static/facets.js", "//api/search?q=x", "//feed"])
def test_a_request_target_starting_with_two_slashes_is_not_found_as_one_with_two_inside(client, target):
    """Trial 57: waitress reads `//static/facets.js` as a host `static` and the path `/facets.js`, and such
    targets were served (200) while `/static//facets.js` is a 404."""
    path = target.split("?")[0].replace("//", "/", 1)
    assert client.get(path, environ_overrides={"REQUEST_URI": target}).status_code == 404


def test_an_official_found_in_a_text_in_capitals_is_marked_where_the_text_names_him():
    article = {"body": "BUPATI SLEMAN KUSTINI SRI PURNOMO MENINJAU LOKASI BANJIR.\nKustini hadir.",
               "agencies": [], "officials": [{"name": "Kustini Sri Purnomo", "surfaces": ["Kustini Sri Purnomo"]}]}
    assert marked_paragraphs(article) == [
        'BUPATI SLEMAN <mark class="official">KUSTINI SRI PURNOMO</mark> MENINJAU LOKASI BANJIR.',
        "Kustini hadir."]
