"""search/extract/tables.py: a table's rows read as clauses."""

import pytest

from search.articles import Article
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
])
def test_a_lone_separator_is_no_row(generic_posts, text):
    assert cells_as_commas(text, generic_posts) == text


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
