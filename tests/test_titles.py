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
    # written by a person, or not the URL's slug: left alone
    ("Bupati Pesawaran Dendi buka musrenbang", "https://x.id/bupati-pesawaran-dendi-buka-musrenbang",
     "Bupati Pesawaran Dendi buka musrenbang"),
    ("Pelayanan publik di Kota Bandung dinilai membaik", "https://example.id/pelayanan-bandung",
     "Pelayanan publik di Kota Bandung dinilai membaik"),
    ("Ketua mpr bicara", None, "Ketua mpr bicara"),
])
def test_slug_titles_become_headlines(title, url, expected):
    assert slug_title(title, url, BODY) == expected
