"""The Atom feed of a search, validated with feedparser."""

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import feedparser
import pytest

from web import create_app


@pytest.fixture()
def story_client(stories_root):
    flask_app = create_app({"WARTA_INDEX": str(stories_root), "TESTING": True})
    yield flask_app.test_client()
    flask_app.extensions["warta"].close()


def test_feed_is_valid_atom_of_the_newest_stories(story_client):
    response = story_client.get("/feed?q=Lampung+Selatan")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    assert response.headers["Vary"] == "Host"  # its links come from the Host sent: one cached copy per Host
    feed = feedparser.parse(response.data)
    assert (feed.bozo, feed.version) == (False, "atom10")
    assert feed.feed.title == "Warta: Lampung Selatan"
    assert len(feed.entries) == 2  # stories, not articles: the seed and its two versions are one entry
    assert feed.entries[0].title == "Suhajar Resmikan Gedung Pelayanan Terpadu"
    other, seed = feed.entries
    assert other.published_parsed[:3] == (2022, 9, 30) and seed.published_parsed[:3] == (2022, 9, 28)
    assert seed.link == "http://localhost/article/cade9df429c4df30" and seed.id == seed.link
    assert seed.summary.startswith("Kalianda, Pemerintah Kabupaten (Pemkab) Lampung Selatan mengikuti")
    assert b"&lt;mark&gt;Lampung&lt;/mark&gt;" in response.data  # the snippet, as escaped HTML
    terms = {(tag.term, tag.scheme) for tag in seed.tags}
    assert ("Suhajar Diantoro", "http://localhost/?official=") in terms
    assert ("Kementerian Dalam Negeri", "http://localhost/?agency=") in terms
    assert seed.author == "Diskominfo"


def test_feed_takes_every_search_parameter(story_client):
    feed = feedparser.parse(story_client.get("/feed?q=gedung&official=Thamrin").data)
    assert [e.title for e in feed.entries] == ["Suhajar Resmikan Gedung Pelayanan Terpadu"]
    assert feedparser.parse(story_client.get("/feed?q=tidakadakatainidimanapun").data).entries == []


def test_feed_answers_if_none_match_and_if_modified_since_with_304(story_client):
    first = story_client.get("/feed?q=Lampung")
    assert first.headers["ETag"] and first.last_modified is not None
    assert story_client.get("/feed?q=Lampung", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    other_host = story_client.get("/feed?q=Lampung", headers={"Host": "elsewhere.example",
                                                                "If-None-Match": first.headers["ETag"]})
    assert other_host.status_code == 200 and b"http://elsewhere.example/" in other_host.data  # its body differs
    since = format_datetime(first.last_modified, usegmt=True)
    assert story_client.get("/feed?q=Lampung", headers={"If-Modified-Since": since}).status_code == 304
    etag = story_client.get("/feed?q=Lampung", headers={"If-None-Match": first.headers["ETag"]}).headers["ETag"]
    assert etag == first.headers["ETag"]
    earlier = format_datetime(first.last_modified - timedelta(seconds=1), usegmt=True)
    assert story_client.get("/feed?q=Lampung", headers={"If-Modified-Since": earlier}).status_code == 200


@pytest.mark.parametrize("condition", ["If-Modified-Since", "If-None-Match"])
def test_a_feeds_304_repeats_the_200s_etag_cache_control_and_vary(story_client, condition):
    """Trial 52: the 304 answered from If-Modified-Since had none of them (RFC 9110 15.4.5: a 304 repeats them)."""
    first = story_client.get("/feed?q=Lampung")
    value = format_datetime(first.last_modified, usegmt=True) if condition == "If-Modified-Since" \
        else first.headers["ETag"]
    again = story_client.get("/feed?q=Lampung", headers={condition: value})
    shared = ("ETag", "Cache-Control", "Vary")
    assert [again.headers.get(name) for name in ("ETag", "Cache-Control", "Vary")] == [
        first.headers[name] for name in shared]
    assert (again.status_code, first.headers["Cache-Control"], first.headers["Vary"]) == (
        304, "public, max-age=30", "Host")


def test_a_conditional_feed_request_is_checked_before_it_is_answered_304(story_client):
    """Trial 54: `/feed?q=ko*rup*` with If-Modified-Since answered 304, where without it is a 400."""
    since = format_datetime(story_client.get("/feed?q=Lampung").last_modified, usegmt=True)
    response = story_client.get("/feed?q=ko*rup*", headers={"If-Modified-Since": since})
    assert (response.status_code, response.get_json()["error"]["code"]) == (400, "bad_syntax")
    assert story_client.get("/feed?q=korupsi", headers={"If-Modified-Since": since}).status_code == 304


def test_a_feed_asked_with_a_future_if_modified_since_ignores_it(story_client):
    """Trial 22: a reader whose clock ran ahead got 304 for ever; RFC 9110 ignores a date past the server's."""
    answer = story_client.get("/feed?q=Lampung", headers={"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"})
    assert answer.status_code == 200 and b"<entry>" in answer.data


@pytest.mark.parametrize("query, title", [
    ("", "Warta: semua berita"),
    ("official=Thamrin", "Warta: Thamrin"),
    ("said=Suhajar+Diantoro", "Warta: Berkata: Suhajar Diantoro"),
    ("q=Lampung&from=2022&to=2022-09", "Warta: Lampung · 2022 – 09/2022"),
])
def test_feed_title_names_every_filter(story_client, query, title):
    assert feedparser.parse(story_client.get(f"/feed?{query}").data).feed.title == title


@pytest.mark.parametrize("host", ['evil.com"><x', "a b", "example.id:99999", "example.id:x", "ex.com@evil", "",
                                  "example.id:0", "a..b", "my_host", "a.example, b.example"])
def test_a_host_header_that_is_no_host_is_a_400_not_a_feed_of_links_to_nowhere(story_client, host):
    """Trial 52: such a request got a feed of `http://waitress.invalid:…` links under `serve`. RFC 9112 3.2: a
    Host with an invalid value is a 400 (two Host headers arrive joined by a comma)."""
    response = story_client.get("/feed?q=Lampung", headers={"Host": host})
    assert (response.status_code, response.get_json()["error"]["code"]) == (400, "bad_host")


@pytest.mark.parametrize("host, base", [("warta.example.id", "http://warta.example.id"),
                                        ("warta.example.id.:8080", "http://warta.example.id.:8080"),
                                        ("10.0.0.7:65535", "http://10.0.0.7:65535"),
                                        ("[::1]:8000", "http://[::1]:8000")])
def test_a_host_name_or_address_builds_the_links(story_client, host, base):
    feed = feedparser.parse(story_client.get("/feed?q=Lampung", headers={"Host": host}).data)
    assert (feed.feed.id, feed.entries[1].link) == (f"{base}/feed?q=Lampung", f"{base}/article/cade9df429c4df30")


@pytest.mark.parametrize("query, code, message", [
    ("q=x&from=kemarin", "bad_date", "from must be a date written YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY or MM/YYYY, years 1900 to 2100"),
    ("q=a%00", "bad_query", "q contains control characters"),
    ("q=%ff", "bad_encoding", "the query string's percent-escapes are not UTF-8 (send UTF-8: %C3%A9 for é)"),
])
def test_bad_parameters_are_a_400_in_the_apis_json_envelope_not_an_html_page(story_client, query, code, message):
    response = story_client.get("/feed?" + query)
    assert response.status_code == 400 and response.content_type == "application/json"
    assert response.get_json() == {"error": {"code": code, "message": message}}


def test_page_offers_the_feed(story_client):
    page = story_client.get("/?q=Lampung&official=Thamrin&page=1&sort=date").get_data(as_text=True)
    assert ('<link rel="alternate" type="application/atom+xml" title="Warta: Lampung · Thamrin" '
            'href="/feed?q=Lampung&amp;official=Thamrin">') in page
    assert '<a class="follow" href="/feed?q=Lampung&amp;official=Thamrin" type="application/atom+xml">Ikuti</a>' in page


def test_a_feed_of_text_holding_control_characters_is_still_xml():
    """An index written before such characters were dropped may still hold them; XML cannot."""
    from web.feeds import atom_feed

    updated = datetime(2024, 5, 1, tzinfo=timezone.utc)
    hit = {"id": "a1", "title": "Rapat\x08 banjir\x00", "date": "2024-05-01", "snippet": "Isi \x1b[0m<mark>banjir</mark>",
           "source": "Radar\ufffe", "officials": ["Budi\x01 Santoso"], "agencies": []}
    xml = atom_feed({"hits": [hit]}, "Warta: banjir", "http://x/feed", "http://x/", "http://x", updated)
    parsed = feedparser.parse(xml)
    assert not parsed.bozo
    assert [(e.title, e.author, e.tags[0].term) for e in parsed.entries] == [
        ("Rapat  banjir", "Radar", "Budi  Santoso")]


def test_an_entry_without_a_source_has_the_feeds_author_as_atom_requires():
    """Trial 44: a record without a source gave an entry without <author> in a feed without one, which Atom
    (RFC 4287, 4.1.2) rejects. The feed names Warta as its author; an entry with a source keeps its own."""
    import xml.etree.ElementTree as ElementTree

    from web.feeds import atom_feed

    hits = [{"id": "a1", "title": "Longsor", "date": "2024-05-01", "snippet": "longsor", "source": "Radar"},
            {"id": "a2", "title": "Zona longsor", "date": "2024-05-01", "snippet": "longsor"}]
    xml = atom_feed({"hits": hits}, "Warta: longsor", "http://x/feed", "http://x/", "http://x",
                    datetime(2024, 5, 1, tzinfo=timezone.utc))
    atom = "{http://www.w3.org/2005/Atom}"
    root = ElementTree.fromstring(xml)
    assert [name.text for name in root.findall(f"{atom}author/{atom}name")] == ["Warta"]
    assert [[name.text for name in entry.findall(f"{atom}author/{atom}name")]
            for entry in root.findall(f"{atom}entry")] == [["Radar"], []]


def test_a_public_url_set_builds_the_links_whatever_host_the_request_names(tmp_path):
    from search.indexer import build_index

    from .conftest import SEEDS

    build_index([SEEDS], tmp_path)
    app = create_app({"WARTA_INDEX": str(tmp_path), "WARTA_PUBLIC_URL": "https://warta.example.id", "TESTING": True})
    response = app.test_client().get("/feed?q=reformasi", headers={"Host": "evil.example"})
    parsed = feedparser.parse(response.data)
    assert [entry.link.split("/article/")[0] for entry in parsed.entries] == ["https://warta.example.id"]
    assert b"evil.example" not in response.data and "Host" not in response.headers.get("Vary", "")
    since = format_datetime(response.last_modified, usegmt=True)
    unchanged = app.test_client().get("/feed?q=reformasi", headers={"If-Modified-Since": since})
    assert (unchanged.status_code, unchanged.headers.get("Vary")) == (304, None)  # as its 200: no Vary
    app.extensions["warta"].close()


def test_an_undated_article_is_left_out_of_the_feed():
    """Trial 54: an undated article was an entry dated 1970-01-01, which readers showed as its date. Atom
    requires an <updated> in each entry (RFC 4287, 4.1.2), and no date would be true: it is left out."""
    from web.feeds import atom_feed

    dated = {"id": "a1", "title": "Rapat banjir", "date": "2024-05-01", "snippet": "banjir"}
    undated = {"id": "a2", "title": "Catatan banjir", "date": None, "snippet": "banjir"}
    misdated = {"id": "a3", "title": "Banjir lagi", "date": "2024-13-01", "snippet": "banjir"}
    parsed = feedparser.parse(atom_feed({"hits": [undated, dated, misdated]}, "Warta: banjir", "http://x/feed",
                                        "http://x/", "http://x", datetime(2024, 5, 9, tzinfo=timezone.utc)))
    assert [(e.id, e.published, e.updated) for e in parsed.entries] == [
        ("http://x/article/a1", "2024-05-01T00:00:00+00:00", "2024-05-01T00:00:00+00:00")]


def test_the_feed_of_an_index_holding_only_an_undated_article_is_empty(tmp_path):
    from .conftest import index_of_records

    root = index_of_records(tmp_path, [{"id": "u1", "title": "Catatan kebun", "source": "Tani",
                                        "body": "Petani kampung menanam jagung di kebun belakang balai warga."}])
    app = create_app({"WARTA_INDEX": str(root), "TESTING": True})
    client = app.test_client()
    response = client.get("/feed?q=jagung")
    found = client.get("/api/search?q=jagung").get_json()["total"]
    app.extensions["warta"].close()
    assert (response.status_code, found) == (200, 1)
    assert b"1970" not in response.data and feedparser.parse(response.data).entries == []


# Four articles holding `banjir`, `tanggul` and `pesisir` (one undated) and one, the newest, lacking `tanggul`:
# fewer than ten hold every word, so the search adds it below them (search/relaxation.py).
TIERED = [
    {"id": "full-may", "title": "Tanggul pesisir jebol", "date": "2024-05-01", "source": "Radar",
     "body": "Banjir merendam kampung nelayan setelah tanggul pesisir utara jebol diterjang gelombang pasang."},
    {"id": "full-april", "title": "Warga bangun tanggul", "date": "2024-04-20", "source": "Radar",
     "body": "Warga pesisir timur bergotong royong meninggikan tanggul karung pasir agar banjir tidak masuk."},
    {"id": "full-march", "title": "Dana tanggul cair", "date": "2024-03-02", "source": "Lampost",
     "body": "Pemerintah provinsi mencairkan dana perbaikan tanggul di pesisir selatan yang rusak akibat banjir."},
    {"id": "undated", "title": "Catatan tanggul", "source": "Lampost",
     "body": "Catatan lama tentang tanggul tanah di desa pesisir barat yang dulu menahan banjir musim hujan."},
    {"id": "partial-june", "title": "Banjir rob lagi", "date": "2024-06-10", "source": "Tribun",
     "body": "Banjir rob kembali menggenangi permukiman pesisir kota pada malam hari tanpa peringatan dini."},
]


@pytest.fixture(scope="module")
def tiered_client(tmp_path_factory):
    from .conftest import index_of_records

    app = create_app({"WARTA_INDEX": str(index_of_records(tmp_path_factory.mktemp("tiers"), TIERED)),
                      "TESTING": True})
    yield app.test_client()
    app.extensions["warta"].close()


def test_a_feed_lists_the_stories_holding_every_word_newest_first(tiered_client):
    """Trial 54: the feed was the date-sorted search, whose relaxed tiers put the full matches (the undated one
    as 1970-01-01 among them) before a newer partial match, and dropped that one once ten full matches came."""
    feed = feedparser.parse(tiered_client.get("/feed?q=banjir+tanggul+pesisir").data)
    assert [(e.title, e.updated) for e in feed.entries] == [
        ("Tanggul pesisir jebol", "2024-05-01T00:00:00+00:00"), ("Warga bangun tanggul", "2024-04-20T00:00:00+00:00"),
        ("Dana tanggul cair", "2024-03-02T00:00:00+00:00")]
    searched = tiered_client.get("/api/search?q=banjir+tanggul+pesisir&sort=date").get_json()
    assert [(hit["title"], hit["date"], hit["missing"]) for hit in searched["hits"]] == [  # the search keeps its
        ("Tanggul pesisir jebol", "2024-05-01", []), ("Warga bangun tanggul", "2024-04-20", []),  # tiers, each by
        ("Dana tanggul cair", "2024-03-02", []), ("Catatan tanggul", None, []),  # date, undated last (README)
        ("Banjir rob lagi", "2024-06-10", ["tanggul"])]


def test_a_feed_follows_the_words_as_typed_in_its_links_and_title(tiered_client):
    response = tiered_client.get("/feed?q=banjir+tanggul+pesisir&match=relaxed")
    feed = feedparser.parse(response.data)
    assert (feed.feed.id, feed.feed.title, len(feed.entries)) == (
        "http://localhost/feed?q=banjir+tanggul+pesisir", "Warta: banjir tanggul pesisir", 3)
    assert tiered_client.get("/feed?q=banjir&match=some").get_json()["error"]["code"] == "bad_match"


def test_a_feed_ignores_a_parameter_it_does_not_know_as_the_api_does(tiered_client):
    """Trial 54 found `/feed?kategori=politik` unfiltered: unknown parameters are ignored by the page, the API
    and the feed alike (a link carrying `utm_source` still works); the title names the filters applied."""
    plain = feedparser.parse(tiered_client.get("/feed?q=pesisir").data)
    extra = feedparser.parse(tiered_client.get("/feed?q=pesisir&kategori=politik&utm_source=x").data)
    assert [e.id for e in extra.entries] == [e.id for e in plain.entries] and len(plain.entries) == 4
    assert extra.feed.title == plain.feed.title == "Warta: pesisir"
    api = tiered_client.get("/api/search?q=pesisir&kategori=politik").get_json()
    assert (api["total"], api["total_articles"]) == (5, 5)


def test_a_feed_ignores_the_page_size_order_and_grouping_of_the_search_it_follows(story_client):
    """Trial 48: `/feed?page=abc` was refused, though a feed is always the newest stories, one page of them."""
    plain = story_client.get("/feed?q=Lampung")
    response = story_client.get("/feed?q=Lampung&page=abc&per_page=x&sort=popular&collapse=maybe")
    assert response.status_code == 200
    assert [e.title for e in feedparser.parse(response.data).entries] == [
        e.title for e in feedparser.parse(plain.data).entries]
    assert story_client.get("/feed?q=Lampung&from=abc").status_code == 400  # its filters are still read
