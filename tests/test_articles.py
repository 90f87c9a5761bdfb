import pytest

from search.articles import Article, article_id, cut_at_word, first_sentence, permalink, site_name


def test_article_id_comes_from_the_url_when_there_is_one():
    assert article_id("https://example.id/a", "body one") == article_id("https://example.id/a", "body two")
    assert article_id("https://example.id/a", "body") != article_id("https://example.id/b", "body")



@pytest.mark.parametrize("written", ["-", " -- ", "#", "#top", "about:blank", "None", "NULL", "n/a", "",
                                     "javascript:void(0)", "https://radarlampung.co.id/", "https://radarlampung.co.id",
                                     "http://www.detik.com/#utama", "//kompas.com/", "/", "www.detik.com", "http://",
                                     "undefined", "/index.php", "/?utm_source=rss", "https://a.id/index.html?fbclid=x"])
def test_a_placeholder_or_a_home_page_is_no_permalink(written):
    """F1 (trial 14, trial 15): records of one site sharing its home page (or `-`, a bare host, a front page's
    file, a tracking tag alone) as URL were merged into one article."""
    assert permalink(written) is None


@pytest.mark.parametrize("written", ["https://radarlampung.co.id/berita/1", "https://a.id/?p=12", "http://[::1",
                                     "mailto:humas@lampungselatankab.go.id", "https://a.id/index.php?p=5",
                                     "detik.com/berita/d-1/judul", "localhost"])
def test_an_address_with_a_path_or_query_is_a_permalink(written):
    assert permalink(" " + written + " ") == written


def test_article_id_without_url_hashes_the_text_ignoring_spacing():
    assert article_id(None, "Satu  dua\ntiga") == article_id("", "Satu dua tiga")
    assert article_id(None, "Satu dua tiga") != article_id(None, "Satu dua empat")
    assert len(article_id(None, "x")) == 16


def test_first_sentence_stops_at_the_first_full_stop_before_a_capital():
    assert first_sentence("Rabu (28/9/2022). Nampak hadir Sekda.") == "Rabu (28/9/2022)."
    assert first_sentence("Pak H. Ali datang. Lalu pulang.") == "Pak H. Ali datang."


def test_cut_at_word_keeps_short_text_and_cuts_long_text_at_a_space():
    assert cut_at_word("pendek", 120) == "pendek"
    cut = cut_at_word("satu dua tiga empat lima", 12)
    assert cut == "satu dua…"
    assert len(cut) <= 12


def test_source_and_place_lose_format_characters_as_the_title_does():
    article = Article(id="x", title="\u202eJudul", body="b", source="\u202elive\u200b", place="Kalianda\u2066")
    assert (article.title, article.source, article.place) == ("Judul", "live", "Kalianda")
    assert Article(id="x", title="t", body="b").source is None


def test_to_dict_leaves_out_extras():
    article = Article(id="x", title="t", body="b", extras={"category": "c"})
    assert article.to_dict() == {"id": "x", "title": "t", "body": "b", "date": None, "url": None,
                                 "source": None, "place": None, "origin": ""}


def test_site_name_is_the_registered_name_of_the_host():
    assert site_name("http://regional.kompas.com/read/1") == "kompas"
    assert site_name("https://www.republika.co.id/berita") == "republika"
    assert site_name("https://lampungselatankab.go.id/berita/1") == "lampungselatankab"
    assert site_name("") is None


@pytest.mark.parametrize(("host", "name"), [
    ("tempo.co", "tempo"), ("nasional.tempo.co", "tempo"), ("en.tempo.co", "tempo"), ("gaya.tempo.co", "tempo"),
    ("detik.com", "detik"), ("news.detik.com", "detik"), ("kompas.com", "kompas"), ("regional.kompas.com", "kompas"),
    ("antaranews.com", "antaranews"), ("lampung.antaranews.com", "antaranews"), ("tribunnews.com", "tribunnews"),
    ("lampung.tribunnews.com", "tribunnews"), ("jpnn.com", "jpnn"), ("www.bbc.co.uk", "bbc"),
    ("liputan6.com", "liputan6"), ("kumparan.com", "kumparan"), ("x.go.id", "x"),
    ("lampungselatankab.go.id", "lampungselatankab"), ("diskominfo.lampungprov.go.id", "lampungprov"),
    ("www.lampost.co", "lampost"), ("m.republika.co.id", "republika")])
def test_site_name_takes_co_and_go_for_a_second_level_label_only_before_a_country_code(host, name):
    """F2 (trial 49): `nasional.tempo.co` was `nasional`, every Tempo page's outlet one of its sections."""
    assert site_name(f"https://{host}/berita/1") == name


def test_text_keeps_no_control_character_no_non_character_and_no_lone_surrogate():
    from search.articles import normalise_text

    assert normalise_text("a\x00b\x08c\x1bd\x7fe\ufffef\ud800g\th\ni") == "ab c d e f\ufffdg\th\ni"
    assert normalise_text("Judul \x9b2J\x9d0;x\x9c uji \x85") == "Judul  2J 0;x  uji  "  # C1 controls (trial 24)
    assert Article(id="x", title="Judul\x0c", body="Isi\udfff").body == "Isi\ufffd"


def test_an_address_urllib_refuses_gives_no_parts_and_no_site_name():
    """Trial 57: `http://[bad/x` (an unclosed IPv6 host) in a record stopped `reindex` and `extract` with a
    traceback from the title's slug and the outlet's host."""
    from search.articles import url_parts

    assert url_parts("http://[bad/x") is None
    assert url_parts("https://a.id/berita?p=1").netloc == "a.id"
    assert site_name("http://[bad/x") is None
