import json
from pathlib import Path

import pytest

from search.errors import InputError
from search.loaders import Rejection, article_from_record, find_sources, parse_seed_text, read_source

from .conftest import CORPUS, SEED_FILE, SEEDS

SEED_TITLE = ("Pemerintah Kabupaten (Pemkab) Lampung Selatan mengikuti Rapat Koordinasi Nasional (Rakornas) "
              "Percepatan Pelaksanaan…")


def read_all(path: Path) -> list:
    return list(read_source(path))


def test_seed_article_fields():
    [article] = read_all(SEED_FILE)
    assert article.title == SEED_TITLE
    assert len(article.title) <= 120
    assert article.date == "2022-09-28"
    assert article.place == "Kalianda"
    assert article.source == "Diskominfo"
    assert article.url is None
    assert article.body.startswith("Kalianda, Pemerintah Kabupaten (Pemkab) Lampung Selatan")
    assert article.body.endswith("ungkap Suhajar.")
    assert "Diskominfo" not in article.body.splitlines()[-1]
    assert article.id == read_all(SEED_FILE)[0].id  # stable


def test_weekday_date_without_year_takes_the_year_whose_weekday_fits():
    article = parse_seed_text("Gedong Tataan, Bupati membuka rapat, Senin (27/3). Rapat tahun 2017 itu ramai sekali.\nHumas")
    assert article.date == "2017-03-27"
    assert article.place == "Gedong Tataan"
    assert article.source == "Humas"


def test_weekday_date_without_any_year_is_unknown():
    article = parse_seed_text("Kalianda, Bupati membuka rapat koordinasi daerah, Senin (27/3).\nHumas")
    assert article.date is None


def test_jsonl_reads_corpus_shape_and_keeps_paragraphs():
    items = read_all(CORPUS / "articles.jsonl")
    assert all(not isinstance(item, Rejection) for item in items)
    first = items[0]
    assert first.title == "Pelayanan publik di Kota Bandung dinilai membaik"
    assert first.date == "2021-05-03"
    assert first.url == "https://example.id/pelayanan-bandung"
    assert first.source == "example"
    assert first.body.split("\n\n")[1] == "Ombudsman mencatat keluhan warga turun."
    assert first.origin.endswith("articles.jsonl:1")


def test_jsonl_bad_lines_are_reported_with_line_and_reason_and_good_lines_kept(tmp_path):
    good = {"title": "Judul", "body": "Isi berita yang cukup panjang untuk dianggap artikel.", "url": "https://a.id/1"}
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({**good, "url": "https://a.id/2", "title": 42}),
        json.dumps({**good, "url": "https://a.id/3", "date": "2022-02-30"}),
        json.dumps({"title": "tanpa isi"}),
        json.dumps([1, 2]),
        json.dumps({**good, "url": "https://a.id/4", "date": "Kamis, 25 Jun 2026 08:16 WIB"}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    articles = [i for i in items if not isinstance(i, Rejection)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert [a.url for a in articles] == ["https://a.id/1", "https://a.id/4"]
    assert articles[1].date == "2026-06-25"
    assert [(r.origin.rsplit(":", 1)[1], r.reason.split(" (")[0]) for r in rejections] == [
        ("2", "not valid JSON"),
        ("3", "field 'title' must be a string, got int"),
        ("4", "impossible date '2022-02-30'"),
        ("5", "missing or empty 'body'"),
        ("6", "expected a JSON object, got list"),
    ]


def test_record_without_title_takes_the_first_sentence():
    article = article_from_record({"body": "Jakarta, Menteri hadir di sini hari ini. Kalimat kedua."})
    assert article.title == "Menteri hadir di sini hari ini."
    assert article.place == "Jakarta"


def test_binary_latin1_and_empty_files_are_rejected_with_a_reason(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("Kalianda, Bupati berkata: caf\xe9 itu bagus sekali sekali.".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("")
    reasons = {p.name: read_all(p)[0] for p in sorted(tmp_path.iterdir())}
    assert reasons["binary.txt"].reason == "binary file (contains NUL bytes)"
    assert reasons["latin1.txt"].reason.startswith("not valid UTF-8")
    assert reasons["empty.txt"].skipped and reasons["empty.txt"].reason == "empty file"


def test_html_file_gives_title_body_url_and_source(tmp_path):
    html = """<html><head><title>Judul - Situs</title>
      <meta property="og:title" content="Bupati Resmikan Pasar">
      <link rel="canonical" href="https://www.kabarlampung.id/berita/1"></head>
      <body><nav><p>Menu navigasi yang panjang sekali di atas halaman</p></nav>
      <article><p>Kalianda, Bupati Lampung Selatan Nanang Ermanto meresmikan pasar baru, Rabu (28/9/2022).</p>
      <p>Pasar ini dibangun dengan dana daerah dan akan melayani ribuan pedagang setiap hari.</p>
      <p>Warga menyambut baik pembangunan pasar tersebut karena lebih bersih dan tertata.</p></article>
      <script>alert(1)</script></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [article] = read_source(tmp_path / "page.html")
    assert article.title == "Bupati Resmikan Pasar"
    assert article.url == "https://www.kabarlampung.id/berita/1"
    assert article.source == "kabarlampung"
    assert article.date == "2022-09-28"
    assert "Menu navigasi" not in article.body
    assert "alert" not in article.body
    assert article.body.count("\n\n") == 2


def test_html_page_without_article_is_skipped_not_an_error(tmp_path):
    path = tmp_path / "index.html"
    path.write_text("<html><head><title>Beranda</title></head><body><a href='/a'>Berita</a></body></html>")
    [rejection] = read_all(path)
    assert rejection.skipped and rejection.reason == "page holds no article text"


def test_directories_are_read_recursively_in_a_stable_order():
    found = find_sources([CORPUS])
    assert [p.relative_to(CORPUS).as_posix() for p in found] == ["articles.jsonl", "regional/bupati_pesawaran.txt"]
    assert find_sources([SEEDS]) == [SEED_FILE]


def test_missing_path_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        find_sources([tmp_path / "nope"])
