"""Titles made from URL slugs, written again as headlines (search/titles.py)."""

import pytest

from search.titles import slug_title

BODY = ("Ketua MPR Zulkifli Hasan menyesalkan kisruh transportasi online. Proyek e - KTP dibahas. Persipura menang "
        "6-0 di laga debut. JAKARTA - Presiden bertemu Presiden AS. Pengguna iPhone bertanya kepada KPK.")


@pytest.mark.parametrize("title, url, expected", [
    ("Ketua mpr mustahil transportasi tradisional dan online bersaing bebas",
     "https://kumparan.com/ananda/ketua-mpr-mustahil-transportasi-tradisional-dan-online-bersaing-bebas",
     "Ketua MPR Mustahil Transportasi Tradisional dan Online Bersaing Bebas"),
    ("Menang 6 0 pada laga debut ini kata pelatih persipura.html",
     "https://www.merdeka.com/sepakbola/menang-6-0-pada-laga-debut-ini-kata-pelatih-persipura.html",
     "Menang 6-0 pada Laga Debut Ini Kata Pelatih Persipura"),
    ("1821380 untuk kali keenam kpk dan dprd ditantang",
     "https://juara.bolasport.com/read/raket/1821380-untuk-kali-keenam-kpk-dan-dprd-ditantang",
     "Untuk Kali Keenam KPK dan DPRD Ditantang"),
    ("178337 sung.ji hyun.capai.final", "http://www.juara.net/read/raket/178337-sung.ji-hyun.capai.final",
     "Sung Ji Hyun Capai Final"),
    ("8oqpopw8kddf310fstuwv50ix", "http://beta.goal.com/id/berita/persipura-jadi-juara-di-jakarta/8oqpopw8kddf310fstuwv50ix",
     "Persipura Jadi Juara di Jakarta"),
    ("Sidang e ktp dan jakarta", "https://x.id/sidang-e-ktp-dan-jakarta", "Sidang e-KTP dan Jakarta"),
    ("Presiden as dan pengguna iphone", "https://x.id/presiden-as-dan-pengguna-iphone",
     "Presiden AS dan Pengguna iPhone"),
    ("Di balik rapat dprd", "https://x.id/di-balik-rapat-dprd", "Di Balik Rapat DPRD"),
    # the query string a scraper's title kept of its URL (trial 44: 72 corpus titles) goes
    ("cristiano ronaldo ejek xavi hernandez?ICID=HP_PN_3",
     "https://bola.kompas.com/read/2016/09/11/27388752/cristiano-ronaldo-ejek-xavi-hernandez?ICID=HP_PN_3",
     "Cristiano Ronaldo Ejek Xavi Hernandez"),
    ("Ketua mpr bicara?utm_source=welcome page&utm_medium=category box",
     "https://x.id/post/ketua-mpr-bicara?utm_source=welcome-page&utm_medium=category-box", "Ketua MPR Bicara"),
    ("?utm_source=27217", "https://x.id/ekonomi/2017-92-201884/rapat-dprd-di-jakarta/?utm_source=27217",
     "Rapat DPRD di Jakarta"),
    # written by a person, or not the URL's slug: left alone
    ("Apa kabar Bupati?", "https://x.id/apa-kabar-bupati?id=7", "Apa kabar Bupati?"),
    ("Rapat DPRD Lampung?ICID=HP_1", "https://x.id/berita/7?ICID=HP_1", "Rapat DPRD Lampung"),
    ("Bupati Pesawaran Dendi buka musrenbang", "https://x.id/bupati-pesawaran-dendi-buka-musrenbang",
     "Bupati Pesawaran Dendi buka musrenbang"),
    ("Pelayanan publik di Kota Bandung dinilai membaik", "https://example.id/pelayanan-bandung",
     "Pelayanan publik di Kota Bandung dinilai membaik"),
    ("Ketua mpr bicara", None, "Ketua mpr bicara"),
])
def test_slug_titles_become_headlines(title, url, expected):
    assert slug_title(title, url, BODY) == expected
