"""The JSON API contract, the error envelope and the search page."""

import pytest

from web import create_app

from .conftest import SEED_AGENCIES, SEED_OFFICIALS


def test_api_search_contract(client):
    response = client.get("/api/search?q=reformasi+birokrasi")
    assert response.status_code == 200
    body = response.get_json()
    assert list(body) == ["query", "total", "total_articles", "took_ms", "hits", "facets", "histogram"]
    assert body["query"] == {"q": "reformasi birokrasi", "official": [], "agency": [], "page": 1, "per_page": 10,
                             "sort": "relevance", "from": None, "to": None, "collapse": True}
    assert isinstance(body["took_ms"], float)
    seed = next(hit for hit in body["hits"] if hit["source"] == "Diskominfo")
    assert seed["officials"] == SEED_OFFICIALS and seed["agencies"] == SEED_AGENCIES
    assert {f["value"] for f in body["facets"]["official"]} >= set(SEED_OFFICIALS)
    assert {f["value"] for f in body["facets"]["agency"]} >= set(SEED_AGENCIES)
    value = body["facets"]["official"][0]
    assert set(value) == {"value", "count", "selected", "toggle_url"}


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
    ("per_page=101", "bad_per_page"),
    ("sort=popular", "bad_sort"),
    ("q=" + "x" * 501, "bad_query"),
    ("q=a%00b", "bad_query"),
])
def test_api_bad_parameters_are_400_with_the_error_envelope(client, query, code):
    response = client.get("/api/search?" + query)
    assert response.status_code == 400
    body = response.get_json()
    assert list(body) == ["error"]
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_api_unknown_route_and_article_use_the_envelope(client):
    assert client.get("/api/nope").get_json()["error"]["code"] == "not_found"
    response = client.get("/api/articles/nope")
    assert response.status_code == 404
    assert response.get_json() == {"error": {"code": "not_found", "message": "no article with id 'nope'"}}
    assert client.post("/api/search").status_code == 405


def test_api_without_index_is_503_not_500(tmp_path):
    client = create_app({"WARTA_INDEX": str(tmp_path), "TESTING": True}).test_client()
    response = client.get("/api/search?q=x")
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "index_missing"


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


def test_bad_page_parameter_shows_a_400_page(client):
    response = client.get("/?page=0")
    assert response.status_code == 400
    assert "page must be a whole number from 1" in response.get_data(as_text=True)


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
