import json

import pytest

from search import cli
from search.errors import BadQueryError
from search.extract.outlets import normalise_outlet
from search.facet_registry import FACETS, REGION, Facet
from search.indexer import build_index
from search.query import SearchRequest, SearchService
from web import create_app


def category_of(article, extraction):
    category = article.extras.get("category")
    return [category] if category else []


TOY = Facet("category", "Rubrik", "rubrik", category_of, "the section the outlet filed the article under")
TOY_FACETS = FACETS.with_facet(TOY)
RECORDS = [
    {"url": "https://a.id/1", "title": "Banjir di Kalianda", "category": "Daerah", "source": "detik.com/jatim",
     "body": "Banjir merendam rumah warga di Kalianda, Lampung Selatan, Senin."},
    {"url": "https://a.id/2", "title": "Banjir di Surabaya", "category": "Nasional", "source": "news.detik.com",
     "body": "Banjir merendam jalan protokol di Surabaya, Senin."},
    {"url": "https://a.id/3", "title": "Banjir di Medan", "category": "Daerah", "source": "Kompas",
     "body": "Banjir merendam rumah warga di Medan, Senin."},
]


@pytest.fixture(scope="module")
def toy_root(tmp_path_factory):
    sources = tmp_path_factory.mktemp("toy-sources")
    (sources / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    root = tmp_path_factory.mktemp("toy-index")
    assert cli.main(["reindex", str(sources), "--index", str(root), "--quiet"], facets=TOY_FACETS) == 0
    return root


@pytest.fixture(scope="module")
def toy_client(toy_root):
    app = create_app({"WARTA_INDEX": str(toy_root), "WARTA_FACETS": TOY_FACETS, "TESTING": True})
    yield app.test_client()
    app.extensions["warta"].close()


def test_one_registry_entry_gives_a_facet_in_the_api(toy_client):
    body = toy_client.get("/api/search?q=banjir&category=Daerah").get_json()
    assert body["total"] == 2 and body["query"]["category"] == ["Daerah"]
    assert body["facets"]["category"] == [
        {"value": "Daerah", "label": "Daerah", "count": 2, "selected": True, "toggle_url": "/?q=banjir"},
        {"value": "Nasional", "label": "Nasional", "count": 1, "selected": False,
         "toggle_url": "/?q=banjir&category=Daerah&category=Nasional"}]
    values = toy_client.get("/api/facets/category?prefix=nas").get_json()["values"]
    assert [(v["value"], v["count"]) for v in values] == [("Nasional", 1)]


def test_one_registry_entry_gives_a_facet_on_the_page(toy_client):
    html = toy_client.get("/?q=banjir&category=Nasional").get_data(as_text=True)
    assert '<h2 id="facet-category">Rubrik</h2>' in html
    assert 'placeholder="Cari rubrik…"' in html
    assert 'aria-label="Hapus filter rubrik Nasional"' in html  # the chip
    assert '<input type="hidden" name="category" value="Nasional">' in html
    items = toy_client.get("/facets/category?prefix=dae").get_data(as_text=True)
    assert '<span class="value">Daerah</span> <span class="count">2</span>' in items


def test_one_registry_entry_gives_a_facet_in_openapi(toy_client):
    spec = toy_client.get("/api/openapi.json").get_json()
    names = [p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]]
    assert names[:7] == ["q", "official", "agency", "region", "source", "quoted", "category"]
    assert spec["paths"]["/api/facets/{facet}"]["get"]["parameters"][0]["schema"]["enum"] == [
        "official", "agency", "region", "source", "quoted", "category"]
    assert "category" in spec["components"]["schemas"]["SearchResult"]["properties"]["facets"]["properties"]


def test_one_registry_entry_gives_a_facet_in_the_cli(toy_root, capsys):
    code = cli.main(["search", "banjir", "--facet", "category=Nasional", "--json", "--index", str(toy_root)],
                    facets=TOY_FACETS)
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and [hit["title"] for hit in result["hits"]] == ["Banjir di Surabaya"]
    assert cli.main(["search", "banjir", "--facet", "colour=red", "--index", str(toy_root)], facets=TOY_FACETS) == 2
    assert "no facet named 'colour'" in capsys.readouterr().err


def test_the_source_facet_counts_outlets_not_spellings(toy_client):
    body = toy_client.get("/api/search?q=banjir").get_json()
    assert [(v["value"], v["count"]) for v in body["facets"]["source"]] == [("detik.com", 2), ("kompas.com", 1)]
    assert toy_client.get("/api/search?q=banjir&source=detik").get_json()["total"] == 2
    assert toy_client.get("/api/search?q=banjir+source:detik").get_json()["total"] == 2


def test_an_index_built_with_other_facets_is_rebuilt_in_full(toy_root, tmp_path):
    sources = tmp_path / "s"
    sources.mkdir()
    (sources / "a.jsonl").write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
    build_index([sources], tmp_path / "ix", facets=TOY_FACETS)
    report = build_index([sources], tmp_path / "ix")
    assert any("other facets" in notice for notice in report.notices) and report.indexed == 1


@pytest.mark.parametrize("written, url, outlet", [
    ("detik.com/jatim", None, "detik.com"),
    ("detik", None, "detik.com"),
    ("news.detik.com", None, "detik.com"),
    ("https://news.detik.com/berita/d-1", None, "detik.com"),
    ("CNN Indonesia", "https://finance.detik.com/x", "cnnindonesia.com"),
    (None, "https://kl.antaranews.com/berita/1", "antaranews.com"),
    (None, "https://lampungselatankab.go.id/berita", "lampungselatankab.go.id"),
    ("  Radar   Lampung ", None, "Radar Lampung"),
    ("Diskominfo", None, "Diskominfo"),
    (None, None, None),
    (None, "not a url", None),
])
def test_outlets_are_normalised(written, url, outlet):
    assert normalise_outlet(written, url) == outlet


def test_nested_terms_carry_their_ancestors_once():
    toy = Facet("toy", "Toy", "toy", lambda a, e: ["18.01", "18.02", "18"], nested=True,
                parent=lambda v: v.split(".")[0] if "." in v else None)
    assert toy.terms(None, None) == ["18.01", "18", "18.02"]
    assert REGION.parent("18.01") == "18" and REGION.parent("18") is None


def test_selection_resolves_values_and_refuses_unknown_facets():
    assert FACETS.selection({"source": ("detik", "news.detik.com"), "official": ("Thamrin",)}) == {
        "official": ("Thamrin",), "agency": (), "region": (), "source": ("detik.com",), "quoted": ()}
    with pytest.raises(BadQueryError, match="no facet named 'colour'"):
        FACETS.selection({"colour": ("red",)})
    assert FACETS.selection({"colour": ()})["official"] == ()


def test_a_tab_or_a_line_break_in_a_selected_value_reads_as_one_space_for_every_backend():
    """README: a tab or a line break in a facet value reads as a space; the registry's selection (which the
    OpenSearch backend searches as is) says so, not only Whoosh's name matching (trial 45: `Joko\tWidodo`
    found 135 articles on Whoosh and none on OpenSearch)."""
    assert FACETS.selection({"official": ("Joko\tWidodo", " Joko \r\n  Widodo\t")})["official"] == ("Joko Widodo",)
    chosen = FACETS.selection({"region": ("Lampung\tSelatan",), "source": ("detik\t",)})
    assert (chosen["region"], chosen["source"]) == (("18.01",), ("detik.com",))
    assert SearchRequest(officials=("Joko\tWidodo",)).selected["official"] == ("Joko\tWidodo",)  # as typed


def test_an_unknown_region_is_refused_naming_the_nearest_ones():
    with pytest.raises(BadQueryError) as refused:
        FACETS.selection({"region": ("Lamsel", "Lampung Selatn")})
    assert str(refused.value) == "no region named 'Lampung Selatn'; did you mean Lampung Selatan?"
    assert refused.value.code == "unknown_facet_value"
    assert refused.value.fields == {"label": "Wilayah", "value": "Lampung Selatn", "nearest": ("Lampung Selatan",)}
    with pytest.raises(BadQueryError, match=r"^no region named 'Atlantis'$"):
        FACETS.selection({"region": ("Atlantis",)})
    assert REGION.nearest_names("Kabupaten Lampung Selatn") == (
        "Kabupaten Lampung Selatan", "Kabupaten Lampung Barat", "Kabupaten Lampung Tengah")
    # an open facet's unknown value is kept: it matches nothing
    assert FACETS.selection({"official": ("Nobody Here",)})["official"] == ("Nobody Here",)
    # one suggestion per region, and values read as the query box's text is
    assert REGION.nearest_names("Kota Lampung Selatn") == ("Kab. Lampung Selatan",)  # no kota: it says so
    # a name the typed words open, then the typed form's own style (`Kab.`)
    assert REGION.nearest_names("Sumatera") == ("Sumatera Utara", "Sumatera Barat", "Sumatera Selatan")
    assert REGION.nearest_names("Kab. Bandng") == ("Kab. Bandung", "Kab. Badung", "Kab. Bantaeng")
    assert FACETS.selection({"region": ("Ｌａｍｓｅｌ", "Lam\u00adsel"), "source": ("Ｄｅｔｉｋ",)}) == {
        "official": (), "agency": (), "region": ("18.01",), "source": ("detik.com",), "quoted": ()}


def test_the_request_merges_officials_and_agencies_into_its_selection():
    request = SearchRequest("x", ("A",), ("B",), selected={"official": ("C",), "region": ("18",)})
    assert request.selected == {"official": ("C", "A"), "region": ("18",), "agency": ("B",)}
    assert request.officials == ("C", "A") and request.agencies == ("B",)
    with pytest.raises(BadQueryError):
        SearchRequest(selected={"region": "18"})  # a string, not a list of values
    with pytest.raises(BadQueryError):
        SearchRequest(selected={"region": tuple(str(n) for n in range(21))})


def test_two_searches_on_one_generation_run_at_once(toy_root):
    import threading

    service = SearchService(toy_root, TOY_FACETS)
    inside = threading.Barrier(2, timeout=10)
    results = []
    with service.using() as generation:
        original = generation.evaluate

        def meeting(request, parsed=None):
            inside.wait()  # both searches are inside the same generation's evaluate at the same time
            return original(request, parsed)

        generation.evaluate = meeting
        threads = [threading.Thread(target=lambda: results.append(service.search(SearchRequest("banjir"))))
                   for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(15)
    service.close()
    assert [result["total"] for result in results] == [3, 3]


def test_only_the_facets_of_officials_are_people_with_pages_of_their_own():
    assert [facet.name for facet in FACETS if facet.people] == ["official", "quoted"]
    assert TOY.people is False
