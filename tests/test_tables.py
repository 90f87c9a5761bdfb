"""search/extract/tables.py: a table's rows read as clauses."""

import time

import pytest

from search.articles import Article
from search.cleaning import clean_body
from search.extract import extract
from search.extract.lexicon import load_lexicon
from search.extract.tables import cells_as_commas


@pytest.fixture(scope="module")
def generic_posts():
    return load_lexicon().generic_posts


@pytest.mark.parametrize("text, expected", [
    ("2 | AKBP Teguh Prasetyo Nugroho | Kasubdit II Ditresnarkoba Polda Riau | Kapolres Agam",
     "2 \n AKBP Teguh Prasetyo Nugroho , Kasubdit II Ditresnarkoba Polda Riau , Kapolres Agam"),
    ("Anggota | Heru Santoso | Kepala Satuan Polisi Pamong Praja",
     "Anggota \n Heru Santoso , Kepala Satuan Polisi Pamong Praja"),
    ("Wakil Ketua II | AKBP Dimas Anggara | Wakapolresta Sidoarjo",
     "Wakil Ketua II \n AKBP Dimas Anggara , Wakapolresta Sidoarjo"),
])
def test_a_rows_cells_read_as_clauses(generic_posts, text, expected):
    assert cells_as_commas(text, generic_posts) == expected
    assert len(cells_as_commas(text, generic_posts)) == len(text)


@pytest.mark.parametrize("text", [
    "Skor akhir Persib | Persija imbang",  # one separator: no row
    "Tanpa tabel sama sekali",
    "Foto: Humas | Pemkab\n\nBupati meninjau lokasi banjir.\n\nFoto: Dinas | Kominfo",  # two captions apart
])
def test_a_lone_separator_is_no_row(generic_posts, text):
    assert cells_as_commas(text, generic_posts) == text


@pytest.mark.parametrize("text, expected", [
    ("Camat Waru | Heru Santoso\nKapolsek Waru | AKP Budi Prasetyo",
     "Camat Waru , Heru Santoso\nKapolsek Waru , AKP Budi Prasetyo"),
    ("Ketua | Budi Hartono\n\nWakil Ketua | Ani Lestari",  # a post every body has is the name's in a row of two
     "Ketua , Budi Hartono\n\nWakil Ketua , Ani Lestari"),
])
def test_a_two_column_tables_rows_read_as_clauses(generic_posts, text, expected):
    assert cells_as_commas(text, generic_posts) == expected


def test_a_long_paragraph_beside_two_captions_is_read_in_linear_time(generic_posts):
    text = "Foto: Humas | Pemkab\n\n" + "kata " * 40_000 + "\n\nFoto: Dinas | Kominfo"  # 200 KB, two `|`
    started = time.perf_counter()
    assert cells_as_commas(text, generic_posts) == text
    assert time.perf_counter() - started < 2  # 0.3 ms; a pattern that backtracked took 30 s


@pytest.mark.parametrize("body, expected", [
    ("Susunan pejabat yang hadir dalam rapat koordinasi:\nCamat Waru\tHeru Santoso\nKapolsek Waru\tAKP Budi "
     "Prasetyo\nDanramil Waru\tKapten Inf Slamet Riyadi\nRapat dibuka pukul 09.00.",
     [("Heru Santoso", "Camat Waru"), ("Budi Prasetyo", "Kapolsek Waru"), ("Slamet Riyadi", "Danramil Waru")]),
    ("Susunan pengurus:\nKetua\tBudi Hartono\nWakil Ketua\tAni Lestari\nSekretaris\tDedi Kurniawan\n"
     "Kegiatan dibuka oleh Camat Waru Heru Santoso.",
     [("Budi Hartono", "Ketua"), ("Ani Lestari", "Wakil Ketua"), ("Dedi Kurniawan", "Sekretaris"),
      ("Heru Santoso", "Camat Waru")]),
    # an HTML page's two-cell rows, as htmlpage.py writes them
    ("Daftar pejabat yang dilantik:\n\nDrs. Heru Santoso, M.Si. | Camat Waru\n\nIr. Budi Prasetyo | Kepala Dinas "
     "PUPR", [("Heru Santoso", "Camat Waru"), ("Budi Prasetyo", "Kepala Dinas PUPR")]),
])
def test_extraction_reads_a_post_and_a_name_in_a_two_column_table(body, expected):
    article = Article(id="two", title="Rapat koordinasi", source="", body=clean_body(body))  # as a loader reads it
    officials = extract(article).officials
    assert [(official.name, official.role) for official in officials] == expected


def test_extraction_reads_each_row_of_a_task_forces_table():
    body = ("SIDOARJO – Pemkab Sidoarjo membentuk satgas pemberantasan pungli. Susunan satgas:\n\n"
            "Kedudukan | Nama | Jabatan\n\n"
            "Ketua | Drs. Achmad Zainuri, M.Si. | Sekretaris Daerah Kabupaten Sidoarjo\n\n"
            "Anggota | Heru Santoso | Kepala Satuan Polisi Pamong Praja\n\n"
            "Anggota | Yunus Effendi | Ketua Paguyuban Pedagang Pasar Larangan")
    officials = extract(Article(id="table", title="Satgas pungli", source="", body=body)).officials
    assert [(official.name, official.role) for official in officials] == [
        ("Achmad Zainuri", "Sekretaris Daerah Kabupaten Sidoarjo"),
        ("Heru Santoso", "Kepala Satuan Polisi Pamong Praja")]
