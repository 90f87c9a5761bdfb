"""The API beyond /api/search: facet values, articles, OpenAPI validation of real answers, caching."""

import jsonschema
import pytest

OPENAPI_DIALECT = jsonschema.Draft202012Validator


@pytest.fixture()
def spec(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def validate(spec, schema_name, instance):
    schema = {**spec, "$ref": f"#/components/schemas/{schema_name}"}
    OPENAPI_DIALECT(schema).validate(instance)


def test_openapi_describes_every_api_route(app, spec):
    assert spec["openapi"] == "3.1.0"
    routes = {rule.rule.replace("<article_id>", "{id}").replace("<facet>", "{facet}").replace("<path:name>", "{name}")
              for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/") or rule.rule == "/feed"}
    assert routes == set(spec["paths"])


@pytest.mark.parametrize("url", [
    "/api/search?q=reformasi+birokrasi",
    "/api/search?q=kemendagi",
    "/api/search?official=Thamrin&official=Tito+Karnavian&sort=date&from=2020",
    "/api/search?q=",
    "/api/search?q=pelayanan&said=Dendi",
])
def test_search_answers_match_the_schema(client, spec, url):
    validate(spec, "SearchResult", client.get(url).get_json())


def test_article_and_facet_answers_match_the_schema(client, spec):
    hit = client.get("/api/search?q=musrenbang").get_json()["hits"][0]
    validate(spec, "Article", client.get(f"/api/articles/{hit['id']}").get_json())
    validate(spec, "FacetValues", client.get("/api/facets/official?prefix=d").get_json())
    validate(spec, "Official", client.get("/api/officials/suhajar").get_json())


@pytest.mark.parametrize("url, status", [
    ("/api/search?page=0", 400), ("/api/articles/nope", 404), ("/api/facets/place", 404),
    ("/api/facets/official?size=500", 400), ("/api/nope", 404), ("/api/officials/nobody", 404), ("/api/search?q=" + "x" * 5000, 414),
])
def test_error_answers_match_the_one_envelope(client, spec, url, status):
    response = client.get(url)
    assert response.status_code == status
    validate(spec, "Error", response.get_json())


@pytest.mark.parametrize("url", ["/api/search?q=reformasi+birokrasi", "/api/facets/official?prefix=d&q=birokrasi",
                                 "/api/export?q=me*"])
def test_a_search_past_its_time_is_refused_in_the_envelope(client, spec, monkeypatch, url):
    monkeypatch.setattr("search.generation.SEARCH_SECONDS", -1.0)  # past its deadline before it reads a word
    response = client.get(url)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "query_too_costly"
    validate(spec, "Error", response.get_json())


def test_facet_values_by_prefix_with_counts_and_toggle_urls(client):
    body = client.get("/api/facets/official?prefix=TH&q=reformasi").get_json()
    assert body == {"facet": "official", "prefix": "TH", "values": [
        {"value": "Thamrin", "label": "Thamrin", "count": 1, "selected": False, "toggle_url": "/?q=reformasi&official=Thamrin"}]}
    assert client.get("/api/facets/agency?prefix=kota").get_json()["values"][0]["value"] == "Dinas Kesehatan Kota Bandung"
    # what the box holds, spaces and all: a region and an agency by the names people type (trials 34-35)
    for facet, typed, value in (("region", "kab. lampung selatan", "18.01"), ("region", "lampung sel", "18.01"),
                                ("agency", "kementerian dalam", "Kementerian Dalam Negeri")):
        found = client.get(f"/api/facets/{facet}", query_string={"prefix": typed}).get_json()["values"]
        assert value in [v["value"] for v in found], (facet, typed)


def test_a_prefix_of_no_word_lists_no_facet_value_and_each_typed_word_needs_its_own(client):
    """Trial 43: `(`, `*`, `%`, `.*`, `😀` listed the unfiltered top list; `thamrin thamrin` found Thamrin."""
    everything = client.get("/api/facets/official?prefix=").get_json()["values"]
    assert len(everything) > 1
    for typed in ("(", "*", "%", ".*", "\U0001f600"):
        assert client.get("/api/facets/official", query_string={"prefix": typed}).get_json()["values"] == [], typed
    assert client.get("/api/facets/official", query_string={"prefix": " "}).get_json()["values"] == everything
    assert client.get("/api/facets/official?prefix=thamrin+thamrin").get_json()["values"] == []
    assert [v["value"] for v in client.get("/api/facets/region?prefix=selatan+lampung").get_json()["values"]] == [
        "18.01"]


def test_etag_and_cache_control_follow_the_index_version(client):
    first = client.get("/api/search?q=reformasi")
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, max-age=30"
    again = client.get("/api/search?q=reformasi", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert client.get("/api/search?q=reformasi", headers={"If-None-Match": f"W/{etag}"}).status_code == 304  # weak
    other = client.get("/api/search?q=birokrasi")
    assert other.headers["ETag"] != etag
    assert "ETag" not in client.get("/api/search?page=0").headers  # errors are not cached


def test_article_page_marks_officials_and_agencies_and_links_to_more(client):
    hit = client.get("/api/search?q=reformasi&official=Thamrin").get_json()["hits"][0]
    html = client.get(f"/article/{hit['id']}").get_data(as_text=True)
    assert '<mark class="official">Suhajar Diantoro</mark>' in html
    assert '<mark class="official">Suhajar</mark>' in html  # the bare surname later in the text
    assert '<mark class="agency">Kementerian Dalam Negeri</mark>' in html
    assert '<mark class="agency">Kemendagri</mark>' in html
    assert 'href="/?official=Suhajar%20Diantoro&amp;sort=date">Berita lain dari Suhajar Diantoro</a>' in html
    assert "Sekretaris Jenderal Kemendagri" in html


def test_search_page_histogram_more_and_facet_search(client):
    html = client.get("/?q=").get_data(as_text=True)
    assert 'aria-label="September 2022: 1 artikel"' in html
    assert '<span class="month">Sep<span class="visually-hidden"> 2022</span></span>' in html
    assert 'href="/?from=2022-09&amp;to=2022-09"' in html
    assert 'data-facet-more="official" href="/?more=official#facet-official">Lihat lainnya</a>' in html
    narrowed = client.get("/?more=official&facet_prefix=suh").get_data(as_text=True)
    facet_list = narrowed.split('data-facet-list="official"')[1].split("</ul>")[0]
    assert "Suhajar Diantoro" in facet_list and "Thamrin" not in facet_list


def test_facet_parameters_filters_and_the_type_ahead_forgive_case_nicknames_and_acronyms(client):
    def selected(url, facet):
        body = client.get(url).get_json()
        return body["total"], [(v["value"], v["toggle_url"]) for v in body["facets"][facet] if v["selected"]]

    unselect = "/?q="  # the value is found selected: its toggle leaves no filter
    assert selected("/api/search?agency=kemendagri", "agency") == (2, [("Kementerian Dalam Negeri", unselect)])
    assert selected("/api/search?agency=Kementerian+Dalam+Negeri", "agency") == (2, [("Kementerian Dalam Negeri",
                                                                                       unselect)])
    assert selected("/api/search?official=suhajar+diantoro", "official") == (1, [("Suhajar Diantoro", unselect)])
    assert client.get("/api/search?q=official:SUHAJAR").get_json()["total"] == 1
    typed = client.get("/api/facets/agency?prefix=kemend").get_json()["values"]
    assert [(v["value"], v["count"]) for v in typed] == [("Kementerian Dalam Negeri", 2)]
    html = client.get("/?agency=kemendagri").get_data(as_text=True)
    assert '<a href="/?q=" aria-label="Hapus filter instansi Kementerian Dalam Negeri">' in html
    # a word of an agency's short form selects it as the type-ahead lists it (trial 36: `agency=polda` found 0)
    typed = client.get("/api/facets/agency?prefix=lamsel").get_json()["values"]
    lamsel = [v["value"] for v in typed]
    assert selected("/api/search?agency=lamsel", "agency")[1] == [(value, unselect) for value in lamsel]
    assert client.get("/api/search?q=agency:lamsel").get_json()["total"] == selected(
        "/api/search?agency=lamsel", "agency")[0] > 0


def test_said_keeps_the_words_inside_that_persons_quotes(client):
    everywhere = client.get("/api/search?q=pelayanan").get_json()
    said = client.get("/api/search?q=pelayanan&said=Dendi").get_json()
    assert (everywhere["total"], said["total"]) == (5, 1)
    assert said["hits"][0]["title"] == ("Bupati Pesawaran Dendi Ramadhona membuka Musyawarah Perencanaan "
                                        "Pembangunan (Musrenbang) tingkat kabupaten, Senin…")
    assert said["query"]["said"] == ["Dendi"]


def test_an_official_by_a_short_name_with_what_they_said(client):
    body = client.get("/api/officials/dendi").get_json()
    assert {key: body[key] for key in ("name", "roles", "articles", "quoted_in")} == {
        "name": "Dendi Ramadhona", "roles": ["Bupati Pesawaran"], "articles": 1, "quoted_in": 1}
    assert [(q["text"], q["kind"], q["article"]["date"]) for q in body["quotes"]] == [
        ("Pelayanan publik harus menjadi prioritas pembangunan daerah", "direct", "2017-03-27")]


def test_one_typed_value_standing_for_many_stored_values_is_served_everywhere_with_links_that_work(tmp_path):
    """`agency=dinas` is every `Dinas …` (25 here), more than the 20 values a request may type: the API, the
    page, the feed and the CSV answer it (trial 27: the page resolved it, then searched the resolved request
    again, which checked the stored values as if typed), and every search link on the page is a request the
    page accepts (its links carry `dinas`, not the 25 values)."""
    from web import create_app

    from .conftest import dinas_records, index_of_records

    app = create_app({"WARTA_INDEX": str(index_of_records(tmp_path, dinas_records(25))), "TESTING": True})
    try:
        _served_with_working_links(app.test_client())
    finally:
        app.extensions["warta"].close()


def _served_with_working_links(client):
    import html
    import re

    answer = client.get("/api/search?agency=dinas&per_page=1").get_json()
    assert (answer["total"], len(answer["query"]["agency"])) == (25, 25)
    assert [client.get(url).status_code for url in ("/feed?agency=dinas", "/api/search.csv?agency=dinas",
                                                    "/api/facets/official?agency=dinas")] == [200, 200, 200]
    page = client.get("/?agency=dinas&per_page=5")
    assert page.status_code == 200
    links = {html.unescape(href) for href in re.findall(r'href="(/(?:\?|feed)[^"#]*)', page.get_data(as_text=True))}
    assert len(links) > 10
    assert {url: status for url in links if (status := client.get(url).status_code) != 200} == {}
    assert re.findall(r'aria-label="Hapus filter instansi ([^"]*)"', page.get_data(as_text=True)) == ["dinas"]
    # a value `dinas` selects is drawn selected, and its link unselects it: `dinas` goes, the other typed value
    # stays (trial 28: the link added the value, and the page stayed the same)
    both = client.get("/api/search?agency=dinas&agency=Badan%20Gizi%20Nasional&per_page=1").get_json()
    links = {item["value"]: item["toggle_url"] for item in both["facets"]["agency"] if item["selected"]}
    assert {value: link for value, link in links.items() if not value.startswith("Dinas ")} == {
        "Badan Gizi Nasional": "/?agency=dinas&per_page=1"}  # selected as typed, though in no article
    assert [link for value, link in links.items() if value.startswith("Dinas ")] == [
        "/?agency=Badan+Gizi+Nasional&per_page=1"] * 25


def test_an_article_rewritten_at_its_url_by_an_update_is_no_longer_listed_as_a_version_of_its_old_copies(tmp_path):
    """Its copies were named after it: the update gives them a story of their own, as a full build does, and
    neither is the other's version (before, the rewritten text was the copies' `first_version`)."""
    import json

    from search.articles import article_id
    from search.indexer import build_index
    from web import create_app

    from .conftest import HARD_NEGATIVE, version_of_seed

    sources = tmp_path / "src"
    sources.mkdir()
    first = {"title": "Satu", "url": "https://satu.example/x", "date": "2022-09-28", "body": version_of_seed("Satu")}
    copies = [{"title": "Lampost", "url": "https://lampost.example/x", "date": "2022-09-29",
               "body": version_of_seed("Lampost")},
              {"title": "Radar", "url": "https://radar.example/x", "date": "2022-09-30",
               "body": version_of_seed("Radar Lampung", "ikut dalam")}]
    (sources / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in copies), encoding="utf-8")
    for body in (first["body"], HARD_NEGATIVE):
        (sources / "a.jsonl").write_text(json.dumps({**first, "body": body}) + "\n", encoding="utf-8")
        build_index([sources], tmp_path / "ix")
    ids = [article_id(record["url"], "") for record in (first, *copies)]
    app = create_app({"WARTA_INDEX": str(tmp_path / "ix"), "TESTING": True})
    try:
        client = app.test_client()
        articles = [client.get(f"/api/articles/{i}").get_json() for i in ids]
        answer = client.get("/api/search?q=&sort=date").get_json()
    finally:
        app.extensions["warta"].close()
    assert [(a["story"], a["first_version"], [v["id"] for v in a["versions"]]) for a in articles] == [
        (ids[0], None, []), (ids[1], ids[1], [ids[2]]), (ids[1], ids[1], [ids[1]])]
    assert (answer["total"], answer["total_articles"], [hit["id"] for hit in answer["hits"]]) == (2, 3, [ids[1], ids[0]])


def test_a_date_bound_is_echoed_as_it_was_read(client):
    body = client.get("/api/search?from=2022-9&to=2022-9-30").get_json()
    assert (body["query"]["from"], body["query"]["to"], body["total"]) == ("2022-09", "2022-09-30", 1)
